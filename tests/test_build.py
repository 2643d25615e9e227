"""Integration: build fixture sites into tmp folders and inspect them as a visitor would."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUSINESS, PRODUCT, jpeg, options, swaps_in_one_step
from PIL import Image
from sitecheck import broken_links, jsonld, soup

from catalog import pipeline
from catalog.core import writer as writer_module
from catalog.core.errors import ContentErrors
from catalog.core.report import RecordingReporter
from catalog.core.writer import OutputWriter

ROOT = Path(__file__).resolve().parent.parent
EXTRA = {
    f"ikm/kerupuk-uji/products/kerupuk-{n}.md": f"---\nname: Kerupuk Nomor {n}\ncategory: kerupuk\nprice: {n}000\n---\nEnak.\n"
    for n in range(2, 5)
}


def build(content: Path, **extra: object) -> tuple[Path, pipeline.BuildStats]:
    opts = options(content, **extra)
    return opts.out, pipeline.build(opts)


def tree(out: Path) -> dict[str, str]:
    return {
        str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(out.rglob("*"))
        if f.is_file()
    }


@pytest.fixture
def built(site):
    return build(site(EXTRA))[0]


def test_every_url_of_the_contract_exists(built):
    for path in [
        "index.html", "kategori/makanan/index.html", "kategori/makanan/2/index.html", "kategori/kerupuk/index.html",
        "kategori/kerupuk/2/index.html", "kategori/topeng/index.html", "ikm/index.html", "ikm/kerupuk-uji/index.html",
        "ikm/kerupuk-uji/kerupuk-melarat/index.html", "ikm/kerupuk-uji/sirup-uji/index.html", "tentang/index.html",
        "cari/index.html", "katalog/index.html", "404.html", "sitemap.xml", "robots.txt", "_redirects",
    ]:  # fmt: skip
        assert (built / path).is_file(), path
    assert not (built / "kategori/makanan/1").exists()
    assert not (built / "kategori/makanan/4").exists()


def test_internal_links_resolve(built):
    assert broken_links(built, site_url="https://uji.example.org/") == []


def test_product_page(built):
    page = soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/")
    text = page.get_text(" ")
    assert "Kerupuk Melarat" in page.h1.get_text()
    assert "Rp\u00a015.000" in text  # no-break: a phone never splits "Rp" from its number
    order = page.find("a", href=lambda h: h and h.startswith("https://wa.me/"))
    assert order["href"].startswith("https://wa.me/6281234567890?text=")
    assert "Kerupuk%20Melarat" in order["href"]
    assert "https%3A%2F%2Fuji.example.org%2Fikm%2Fkerupuk-uji%2Fkerupuk-melarat%2F" in order["href"]
    assert (
        page.find("link", rel="canonical")["href"]
        == "https://uji.example.org/ikm/kerupuk-uji/kerupuk-melarat/"
    )
    og_image = page.find("meta", property="og:image")["content"]
    assert og_image.startswith("https://uji.example.org/img/") and og_image.endswith(".jpg")
    (product,) = [d for d in jsonld(page) if d["@type"] == "Product"]
    assert product["offers"]["price"] == 15000
    assert product["offers"]["priceCurrency"] == "IDR"
    assert product["offers"]["availability"] == "https://schema.org/InStock"
    assert product["brand"]["name"] == "Kerupuk Uji"
    assert product["sku"] == "00123"


def test_price_range_and_price_on_request(site):
    content = site(
        {"ikm/topeng-uji/products/topeng-klana.md": "---\nname: Topeng Klana\ncategory: topeng\n---\nKayu.\n"}
    )
    out, _ = build(content)
    sirup = soup(out, "/ikm/kerupuk-uji/sirup-uji/")
    assert "Rp\u00a020.000\u00a0– Rp\u00a035.000" in sirup.get_text(" ")
    (data,) = [d for d in jsonld(sirup) if d["@type"] == "Product"]
    assert (data["offers"]["@type"], data["offers"]["lowPrice"], data["offers"]["highPrice"]) == (
        "AggregateOffer",
        20000,
        35000,
    )
    topeng = soup(out, "/ikm/topeng-uji/topeng-klana/")
    assert "Harga hubungi penjual" in topeng.get_text(" ")
    assert not topeng.find("a", href=lambda h: h and "?text=" in h)  # no WhatsApp of its own: no order button


def test_store_page(built):
    page = soup(built, "/ikm/kerupuk-uji/")
    text = page.get_text(" ")
    assert "Kerupuk Uji" in page.h1.get_text()
    assert "Bu Uji" in text and "2001" in text
    assert page.find("a", href="https://www.instagram.com/kerupukuji/")
    assert page.find("a", href="https://www.tokopedia.com/kerupukuji")
    assert page.find(
        "a", href=lambda h: h and h.startswith("https://www.google.com/maps/search/?api=1&query=")
    )
    assert page.find("a", href="/ikm/kerupuk-uji/kerupuk-melarat/")
    (business,) = [d for d in jsonld(page) if d["@type"] == "LocalBusiness"]
    assert business["telephone"] == "+6281234567890"
    assert business["address"]["streetAddress"] == "Jl. Kerupuk 2"
    story_image = page.find("img", alt="Dapur kami")
    assert story_image["src"].startswith("/img/") and story_image.get("width") and story_image.get("height")


def test_category_pages(built):
    first = soup(built, "/kategori/makanan/")
    second = soup(built, "/kategori/makanan/2/")
    assert first.find("a", href="/kategori/makanan/2/")
    assert second.find("a", href="/kategori/makanan/")
    assert first.find("a", href="/kategori/kerupuk/")  # subcategory link
    names = [a.get_text(strip=True) for a in first.select("a[href^='/ikm/kerupuk-uji/']")]
    assert any("Kerupuk Melarat" in n for n in names)
    empty = soup(built, "/kategori/topeng/")
    assert empty.h1 and "Topeng" in empty.h1.get_text()


def test_directory_lists_every_business(built):
    page = soup(built, "/ikm/")
    for slug in ("kerupuk-uji", "topeng-uji"):
        assert page.find("a", href=f"/ikm/{slug}/")
    text = page.get_text(" ")
    assert "Kejaksan" in text and "Kesambi" in text


def test_images_are_reencoded_never_upscaled_and_sized(built):
    assert not list(built.rglob("melarat.jpg")) and not list(built.rglob("dapur.jpg"))
    for file in (built / "img").rglob("*"):
        if file.is_file():
            with Image.open(file) as image:
                assert image.width <= 2000
                assert not image.getexif(), file
                assert "exif" not in image.info and "icc_profile" not in image.info
    page = soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/")
    for img in page.find_all("img"):
        assert img.get("width") and img.get("height"), img
    webp = page.find("source", type="image/webp")
    widths = sorted(int(part.strip().split(" ")[1][:-1]) for part in webp["srcset"].split(","))
    assert widths == [200, 400, 600, 800, 1600]


def test_exif_rotation_applied_and_gps_stripped(site):
    image = Image.new("RGB", (1000, 500), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    exif[0x8825] = {1: "S", 2: (6.0, 42.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    out, _ = build(site({"ikm/kerupuk-uji/products/melarat.jpg": buffer.getvalue()}))
    page = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/")
    webp = page.find("source", type="image/webp")
    largest = webp["srcset"].split(",")[-1].strip().split(" ")[0]
    with Image.open(out / largest.lstrip("/")) as shown:
        assert shown.size == (500, 1000)
        assert not shown.getexif()


def test_small_photo_is_not_upscaled(site):
    out, _ = build(site({"ikm/kerupuk-uji/products/melarat.jpg": jpeg(300, 200)}))
    webp = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/").find("source", type="image/webp")
    widths = [int(part.split()[1][:-1]) for part in webp["srcset"].split(",")]
    assert widths == [200, 300]  # the smaller rendition, then the photo's own width, never more


def test_logo_keeps_transparency(built):
    page = soup(built, "/ikm/kerupuk-uji/")
    logo = next(img for img in page.find_all("img") if img["src"].endswith(".png"))
    with Image.open(built / logo["src"].lstrip("/")) as image:
        assert image.mode == "RGBA"


def test_sitemap_robots_and_redirects(site):
    text = BUSINESS.replace("featured: true", "featured: true\naliases: [/ikm/kerupuk-lama/]")
    out, _ = build(site({**EXTRA, "ikm/kerupuk-uji/index.md": text}))
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://uji.example.org/kategori/makanan/2/</loc>" in sitemap
    assert "<loc>https://uji.example.org/ikm/kerupuk-uji/kerupuk-melarat/</loc>" in sitemap
    assert "404" not in sitemap
    html_pages = [p for p in out.rglob("index.html") if "kerupuk-lama" not in str(p)]
    admin = [
        p for p in html_pages if p.relative_to(out).parts[0] == "admin"
    ]  # the CMS: not for search engines
    assert sitemap.count("<loc>") == len(html_pages) - len(admin)
    assert "/admin/" not in sitemap
    robots = (out / "robots.txt").read_text()
    assert "Sitemap: https://uji.example.org/sitemap.xml" in robots and "Disallow: /admin/\n" in robots
    assert (out / "_redirects").read_text() == "/ikm/kerupuk-lama/ /ikm/kerupuk-uji/ 301!\n"
    moved = soup(out, "/ikm/kerupuk-lama/")
    assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/ikm/kerupuk-uji/"


def test_base_url_with_a_path(site):
    story = BUSINESS.replace("Cerita **kerupuk** kami.", "Cerita kami, [semua toko](/ikm/).")
    out, _ = build(
        site({**EXTRA, "ikm/kerupuk-uji/index.md": story}), base_url="https://contoh.go.id/galeri/"
    )
    assert soup(out, "/ikm/kerupuk-uji/").find("a", string="semua toko")["href"] == "/galeri/ikm/"
    assert broken_links(out, prefix="/galeri", site_url="https://contoh.go.id/galeri/") == []
    page = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/")
    assert (
        page.find("link", rel="canonical")["href"]
        == "https://contoh.go.id/galeri/ikm/kerupuk-uji/kerupuk-melarat/"
    )


def test_english_interface(site):
    content = site({"site.yaml": "title: Test Gallery\nbase_url: https://x.org/\nlanguage: en\n",
                    "ikm/topeng-uji/products/mask.md": "---\nname: Mask\ncategory: topeng\n---\nWood.\n"})  # fmt: skip
    out, _ = build(content)
    page = soup(out, "/ikm/topeng-uji/mask/")
    assert page.html["lang"] == "en"
    assert "Price on request" in page.get_text(" ")
    assert "Harga hubungi penjual" not in page.get_text(" ")


def test_drafts_leave_no_trace(site):
    content = site({
        "ikm/rahasia/index.md": "---\nname: Rahasia\nemail: r@uji.id\ndraft: true\nlogo: logo.png\n---\n",
        "ikm/rahasia/logo.png": jpeg(64, 64, "blue"),
        "ikm/kerupuk-uji/products/baru.md": "---\nname: Produk Rahasia\ncategory: kerupuk\ndraft: true\n---\n",
    })  # fmt: skip
    out, stats = build(content)
    assert not (out / "ikm/rahasia").exists() and not (out / "ikm/kerupuk-uji/baru").exists()
    texts = [
        p.read_text(errors="ignore")
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", "")
    ]
    everything = "".join(texts)
    assert "Rahasia" not in everything
    assert stats.images == 3  # site logo absent; business logo, story photo, product photo


def test_failed_build_keeps_previous_output(site):
    content = site()
    out, _ = build(content)
    before = tree(out)
    (content / "ikm/kerupuk-uji/products/kerupuk-melarat.md").write_text(
        PRODUCT.replace("price: 15000", "prise: 1")
    )
    with pytest.raises(ContentErrors):
        build(content)
    assert tree(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".public")] == []


def test_undecodable_photo_fails_before_output_changes(site):
    content = site()
    out, _ = build(content)
    before = tree(out)
    truncated = jpeg(1600, 1200, "green", quality=95)[:3000]
    (content / "ikm/kerupuk-uji/products/melarat.jpg").write_bytes(truncated)
    with pytest.raises(ContentErrors) as caught:
        build(content)
    (error,) = caught.value.errors
    assert (error.path, error.line, error.field) == (
        "ikm/kerupuk-uji/products/kerupuk-melarat.md",
        6,
        "images[0]",
    )
    assert tree(out) == before


def test_same_input_same_bytes(site, tmp_path):
    content = site(EXTRA)
    first = pipeline.build(options(content))
    a = tree(options(content).out)
    pipeline.build(
        pipeline.BuildOptions(
            content=content, out=tmp_path / "second", cache_dir=tmp_path / "cache2", workers=2, pdf=False
        )
    )
    assert first.pages > 10
    # Two cold caches: each build starts its own Pagefind, whose hash maps are seeded afresh.
    second = tree(tmp_path / "second")
    assert any(k.endswith(".pf_filter") for k in a)
    assert second == a


def test_rebuild_renders_only_what_changed(site):
    content = site(EXTRA)
    reporter = RecordingReporter()
    first = pipeline.build(options(content), reporter)
    assert reporter.stages == ["load", "images", "render", "write", "search"]
    assert first.images_encoded == 3
    _, again = build(content)
    assert again.rendered == [] and again.reused == first.pages and again.images_encoded == 0
    product = content / "ikm/kerupuk-uji/products/kerupuk-2.md"
    product.write_text(product.read_text().replace("Enak.", "Enak sekali."))
    _, edited = build(content)
    assert edited.rendered == ["/ikm/kerupuk-uji/kerupuk-2/"]


def test_cli_exit_codes_and_messages(site):
    content = site(
        {"ikm/kerupuk-uji/products/kerupuk-melarat.md": PRODUCT.replace("price: 15000", "prise: 1")}
    )
    run = [sys.executable, str(ROOT / "build.py")]
    checked = subprocess.run(
        [*run, "check", "--content", str(content)], capture_output=True, text=True, cwd=content.parent
    )
    assert checked.returncode == 1
    assert (
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: prise: kolom tidak dikenal (maksud Anda `price`?)"
        in checked.stderr
    )
    assert "Traceback" not in checked.stderr
    usage = subprocess.run(
        [*run, "--content", str(content / "nope")], capture_output=True, text=True, cwd=content.parent
    )
    assert usage.returncode == 2
    bad_option = subprocess.run(
        [*run, "build", "--frobnicate"], capture_output=True, text=True, cwd=content.parent
    )
    assert bad_option.returncode == 2
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True, cwd=content.parent)
    assert helped.returncode == 0 and "--no-pdf" in helped.stdout and "serve" in helped.stdout


def test_stale_temporary_folders_are_recovered(site):
    content = site()
    out = options(content).out
    stale = out.parent / ".public.tmp-999999"
    (stale / "ikm").mkdir(parents=True)
    (out.parent / ".public.old-999998").mkdir()
    build(content)
    assert not stale.exists() and not (out.parent / ".public.old-999998").exists()
    assert (out / "index.html").is_file()


def test_the_commit_swaps_the_folders_in_one_step(tmp_path, monkeypatch):
    """No moment without an output folder: the commit never renames the site away."""
    if not swaps_in_one_step(tmp_path):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the commit takes two renames")
    out = tmp_path / "public"
    out.mkdir()
    (out / "index.html").write_text("lama")
    writer = OutputWriter(out)
    writer.write_text("index.html", "baru")
    renames = []
    monkeypatch.setattr(Path, "rename", lambda *args: renames.append(args))
    writer.commit()
    assert renames == [] and (out / "index.html").read_text() == "baru"
    assert [p.name for p in tmp_path.iterdir()] == ["public"]


def test_without_the_one_step_swap_two_renames_still_commit(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_module, "_exchange", lambda first, second: False)
    out = tmp_path / "public"
    out.mkdir()
    writer = OutputWriter(out)
    writer.write_text("index.html", "baru")
    writer.commit()
    assert (out / "index.html").read_text() == "baru"
    assert [p.name for p in tmp_path.iterdir()] == ["public"]


def test_site_restored_when_killed_between_the_two_renames(site):
    content = site()
    out, _ = build(content)
    before = tree(out)
    out.rename(out.parent / ".public.old-999997")  # as a build killed inside commit leaves it
    (out.parent / ".public.tmp-999997").mkdir()
    OutputWriter(out).abort()
    assert tree(out) == before
    assert not (out.parent / ".public.tmp-999997").exists()


@pytest.mark.parametrize("where", ["content", "parent", "inside", "file", "foreign"])
def test_output_folder_that_would_destroy_files_is_refused(site, where):
    content = site()
    foreign = content.parent / "dokumen"
    foreign.mkdir()
    (foreign / "laporan.txt").write_text("penting")
    (content.parent / "catatan.txt").write_text("x")
    out = {
        "content": content,
        "parent": content.parent,
        "inside": content / "public",
        "file": content.parent / "catatan.txt",
        "foreign": foreign,
    }[where]
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "--out" in result.stderr and "Traceback" not in result.stderr
    assert (content / "site.yaml").is_file() and (foreign / "laporan.txt").read_text() == "penting"


def test_pages_are_not_reused_from_an_output_another_cache_built(site, tmp_path):
    content = site()
    page = content / "pages/tentang.md"
    original = page.read_text()
    out = tmp_path / "public"
    pipeline.build(pipeline.BuildOptions(content=content, out=out, cache_dir=tmp_path / "a", workers=1))
    page.write_text(original.replace("# Tentang Kami", "# Tentang V2"))
    pipeline.build(pipeline.BuildOptions(content=content, out=out, cache_dir=tmp_path / "b", workers=1))
    page.write_text(original)
    pipeline.build(pipeline.BuildOptions(content=content, out=out, cache_dir=tmp_path / "a", workers=1))
    assert soup(out, "/tentang/").h1.get_text(strip=True) == "Tentang Kami"
