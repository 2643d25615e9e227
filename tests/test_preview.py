"""The preview: its WSGI app serves the output folder and nothing outside it; an edit is
applied in place exactly as a full build would write it."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest
from conftest import PRODUCT, jpeg, options
from rich.console import Console

from catalog import pipeline
from catalog.commands.serve import PreviewBuilds
from catalog.content import validate
from catalog.core.errors import ContentErrors
from catalog.core.report import Reporter
from catalog.serve import preview
from catalog.serve.server import Preview
from catalog.site.records import RecordedViews


def get(app: Preview, path: str) -> tuple[str, bytes]:
    """`path` as a WSGI server hands it over: percent-decoded, as latin-1 text."""
    answer: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"] = status

    body = b"".join(app({"PATH_INFO": path.encode().decode("latin-1")}, start_response))
    return answer["status"], body


def test_serves_pages_files_and_the_404_page(tmp_path):
    out = tmp_path / "public"
    (out / "ikm/toko").mkdir(parents=True)
    (out / "ikm/toko/index.html").write_text("<h1>Toko</h1>")
    (out / "kué.txt").write_text("é")
    (out / "404.html").write_text("<h1>Tidak ada</h1>")
    app = Preview(out)
    assert get(app, "/ikm/toko/") == ("200 OK", b"<h1>Toko</h1>")
    assert get(app, "/kué.txt") == ("200 OK", "é".encode())
    assert get(app, "/tidak-ada/") == ("404 Not Found", b"<h1>Tidak ada</h1>")


def test_nothing_outside_the_output_folder(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    (out / "404.html").write_text("404")
    (tmp_path / "secret.txt").write_text("SECRET")
    (out / "link").symlink_to(tmp_path / "secret.txt")
    app = Preview(out)
    for path in ["/../secret.txt", "/link", "/a\0b", "/" + "a" * 300, "/%2e%2e/secret.txt"]:
        status, body = get(app, path)
        assert status == "404 Not Found" and b"SECRET" not in body, path


def test_problems_replace_every_page_but_not_the_files(tmp_path):
    out = tmp_path / "public"
    (out / "assets").mkdir(parents=True)
    (out / "index.html").write_text("<h1>Beranda</h1>")
    (out / "assets/site.css").write_text("body{}")
    app = Preview(out)
    app.problems = ["ikm/toko/index.md:3: name: wajib diisi <script>"]
    status, body = get(app, "/")
    assert status == "200 OK" and b"galeri-preview-problems" in body
    assert b"wajib diisi &lt;script&gt;" in body and b"<script>" not in body
    assert get(app, "/assets/site.css") == ("200 OK", b"body{}")


def test_the_preview_revalidates_only_what_an_edit_touched(site, monkeypatch):
    """Unchanged businesses come from the previous build; anything they read changing
    (their folder, site.yaml, categories.yaml) validates them again."""
    memo = validate.Memo()
    content = site()
    validated: list[str] = []
    original = validate._Validator.business_job

    def counting(self, folders):
        validated.extend(folder.name for folder in folders)
        return original(self, folders)

    monkeypatch.setattr(validate._Validator, "business_job", counting)
    opts = options(content)
    everyone = sorted(p.name for p in (content / "ikm").iterdir())
    pipeline.check(opts, memo=memo)
    assert sorted(validated) == everyone
    validated.clear()
    product = content / "ikm/kerupuk-uji/products/kerupuk-melarat.md"
    product.write_text(PRODUCT.replace("name: Kerupuk Melarat", "name: Kerupuk Baru"))
    catalog, _ = pipeline.check(opts, memo=memo)
    assert validated == ["kerupuk-uji"]
    assert "Kerupuk Baru" in [p.name for p in catalog.products]
    validated.clear()
    product.write_text(PRODUCT.replace("category: kerupuk", "category: tidak-ada"))
    with pytest.raises(ContentErrors) as raised:
        pipeline.check(opts, memo=memo)
    assert [str(e) for e in raised.value.errors] == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:3: category: kategori 'tidak-ada' tidak ada di categories.yaml"
    ]
    assert validated == ["kerupuk-uji"]
    product.write_text(PRODUCT)
    categories = content / "categories.yaml"
    categories.write_text(categories.read_text().replace("slug: kerupuk", "slug: kerupuk-ikan"))
    validated.clear()
    with pytest.raises(ContentErrors) as raised:
        pipeline.check(opts, memo=memo)
    assert sorted(validated) == everyone  # a category renamed: every product checked again
    assert any("kategori 'kerupuk' tidak ada" in str(e) for e in raised.value.errors)


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def more_products() -> dict[str, str]:
    """Enough products in one category for three listing pages and related suggestions."""
    return {
        f"ikm/topeng-uji/products/kerupuk-{n}.md": f"---\nname: Kerupuk {n}\ncategory: kerupuk\n"
        f"price: {1000 * n}\nadded: 2026-0{n}-01\n---\nKerupuk nomor {n}.\n"
        for n in range(1, 6)
    }


EDITS = [  # (file, old text, new text): edits that keep the site's shape
    ("ikm/kerupuk-uji/products/kerupuk-melarat.md", "name: Kerupuk Melarat", "name: Amplang Melarat"),
    ("ikm/kerupuk-uji/products/kerupuk-melarat.md", "price: 15000", "price: 17500"),
    ("ikm/kerupuk-uji/products/kerupuk-melarat.md", "featured: true", "featured: false"),
    ("ikm/topeng-uji/products/kerupuk-3.md", "added: 2026-03-01", "added: 2026-11-01"),
    ("ikm/topeng-uji/products/kerupuk-2.md", "Kerupuk nomor 2.", "Kerupuk **renyah** nomor 2."),
    ("ikm/kerupuk-uji/products/sirup-uji.yaml", "from: 20000", "from: 25000"),
    ("ikm/kerupuk-uji/index.md", "tagline: Renyah sejak dulu", "tagline: Renyah sejak 2001"),
]


def test_an_edit_applied_in_place_equals_a_full_build(site, tmp_path):
    """The quick path of `serve` leaves exactly the files a full build would write."""
    content = site(more_products())
    opts = options(content, feeds=False, search=False)  # as `serve` builds
    kept: list[pipeline.Built] = []
    pipeline.build(opts, keep=kept.append)
    for number, (name, old, new) in enumerate(EDITS):
        file = content / name
        assert old in file.read_text()
        file.write_text(file.read_text().replace(old, new))
        updated = preview.update(opts, kept[-1], [file], Reporter())
        assert updated is not None, name
        kept.append(updated)
        full = options(content, out=tmp_path / f"full-{number}", feeds=False, search=False)
        pipeline.build(full)
        quick, whole = files_of(opts.out), files_of(full.out)
        assert quick.keys() == whole.keys()
        assert [path for path in whole if quick[path] != whole[path]] == [], (name, new)
    # and a later full build of the same output reuses what the quick path wrote
    stats = pipeline.build(opts)
    assert stats.rendered == []


def test_an_edit_builds_again_only_the_views_that_read_what_changed(site, monkeypatch):
    """The views' records decide: a product's description edited builds the views of the
    pages that read that product or a list holding it (the home and search pages read
    every product), and renders the one page whose
    fingerprint changed; its card and its neighbours' suggestions are made again, found
    equal, and go no further (no other product page is built)."""
    content = site(more_products())
    opts = options(content, feeds=False, search=False)  # as `serve` builds
    kept: list[pipeline.Built] = []
    pipeline.build(opts, keep=kept.append)
    built, written = [], []
    original = RecordedViews.page_again
    monkeypatch.setattr(
        RecordedViews, "page_again", lambda self, maker: built.append(maker) or original(self, maker)
    )
    monkeypatch.setattr(
        preview, "write_atomic", lambda file, text: written.append(file.relative_to(opts.out))
    )
    product = content / "ikm/topeng-uji/products/kerupuk-2.md"
    product.write_text(product.read_text().replace("Kerupuk nomor 2.", "Kerupuk **renyah** nomor 2."))
    assert preview.update(opts, kept[-1], [product], Reporter()) is not None
    assert [p.as_posix() for p in written] == ["ikm/topeng-uji/kerupuk-2/index.html"]
    assert [m for m in built if m[0] == "product_page"] == [("product_page", ("topeng-uji", "kerupuk-2"))]
    assert {m[0] for m in built} <= {"product_page", "category_page", "business_page", "home", "search"}
    assert ("business_page", "kerupuk-uji") not in built


def test_an_edit_that_changes_the_site_shape_needs_a_full_build(site):
    content = site({**more_products(), "ikm/topeng-uji/products/foto.jpg": jpeg()})
    opts = options(content, feeds=False, search=False)  # as `serve` builds
    kept: list[pipeline.Built] = []
    pipeline.build(opts, keep=kept.append)
    product = content / "ikm/topeng-uji/products/kerupuk-1.md"
    for old, new in [
        ("category: kerupuk", "category: sirup"),  # category sizes change
        ("name: Kerupuk 1\n", "name: Kerupuk 1\nimages: [foto.jpg]\n"),  # a photo
        ("name: Kerupuk 1\n", "name: Kerupuk 1\naliases: [/ikm/lama/]\n"),  # a redirect
    ]:
        text = product.read_text()
        product.write_text(text.replace(old, new))
        assert preview.update(opts, kept[-1], [product], Reporter()) is None, new
        product.write_text(text)
    text = product.read_text()
    product.write_text(text.replace("name: Kerupuk 1", "name: Kerupuk Satu"))
    with_feeds = options(content)  # a build that writes feeds (every product) is never patched
    assert preview.update(with_feeds, kept[-1], [product], Reporter()) is None
    product.write_text(text)
    added = content / "ikm/topeng-uji/products/kerupuk-9.md"
    added.write_text("---\nname: Kerupuk 9\ncategory: kerupuk\n---\n")
    assert preview.update(opts, kept[-1], [added], Reporter()) is None  # a new page
    assert preview.update(opts, kept[-1], [content / "site.yaml"], Reporter()) is None
    assert preview.update(opts, kept[-1], [content / "ikm/kerupuk-uji/dapur.jpg"], Reporter()) is None


def test_after_a_failed_build_the_next_edit_builds_again(site, tmp_path):
    """A quick edit must not render with what the failed build left behind (an old theme)."""
    content = site()
    console = Console(file=io.StringIO())
    builds = PreviewBuilds(console, console)
    opts = options(content, feeds=False, search=False)
    assert builds(opts, None) == [] and builds.built is not None
    (content / "site.yaml").write_text((content / "site.yaml").read_text() + "theme: tidak-ada\n")
    assert builds(opts, [content / "site.yaml"]) != []
    assert builds.built is None
    gc.unfreeze()  # what the preview froze (preview.settle) is this test process's too
