"""The preview's WSGI app: it serves the output folder and nothing outside it."""

from __future__ import annotations

import pytest
from conftest import PRODUCT, options, problems

from catalog import pipeline, validate
from catalog.errors import ContentErrors
from catalog.server import Preview


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
    monkeypatch.setattr(validate, "memo", validate._Memo())
    validate.memo.enabled = True
    content = site()
    validated: list[str] = []
    original = validate._Validator.business_job

    def counting(self, folders):
        validated.extend(folder.name for folder in folders)
        return original(self, folders)

    monkeypatch.setattr(validate._Validator, "business_job", counting)
    opts = options(content)
    everyone = sorted(p.name for p in (content / "ikm").iterdir())
    pipeline.check(opts)
    assert sorted(validated) == everyone
    validated.clear()
    product = content / "ikm/kerupuk-uji/products/kerupuk-melarat.md"
    product.write_text(PRODUCT.replace("name: Kerupuk Melarat", "name: Kerupuk Baru"))
    catalog, _ = pipeline.check(opts)
    assert validated == ["kerupuk-uji"]
    assert "Kerupuk Baru" in [p.name for p in catalog.products]
    validated.clear()
    product.write_text(PRODUCT.replace("category: kerupuk", "category: tidak-ada"))
    assert problems(content) == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:3: category: kategori 'tidak-ada' tidak ada di categories.yaml"
    ]
    assert validated == ["kerupuk-uji"]
    product.write_text(PRODUCT)
    categories = content / "categories.yaml"
    categories.write_text(categories.read_text().replace("slug: kerupuk", "slug: kerupuk-ikan"))
    validated.clear()
    with pytest.raises(ContentErrors) as raised:
        pipeline.check(opts)
    assert sorted(validated) == everyone  # a category renamed: every product checked again
    assert any("kategori 'kerupuk' tidak ada" in str(e) for e in raised.value.errors)
