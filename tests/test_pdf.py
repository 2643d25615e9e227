"""Printed catalogs and brochures, inspected as a print shop would: pages, text, numbers, QR codes."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import weasyprint
from conftest import jpeg, options, problems
from pypdf import PdfReader
from sitecheck import soup

from catalog import cli, pipeline
from catalog.core.report import RecordingReporter
from catalog.print import layout as pdf
from catalog.print import plan as printing

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://uji.example.org"
MM = 72 / 25.4
EPOCH = "1793577600"  # 2026-11-02 UTC: the edition is November 2026
COLORS = ["red", "green", "blue", "purple", "teal", "navy", "olive", "maroon", "gray"]
MANY = {
    **{
        f"ikm/kerupuk-uji/products/kerupuk-{n}.md": f"---\nname: Kerupuk Nomor {n}\ncategory: kerupuk\n"
        f"price: {n}000\nimages: [k{n}.jpg]\n---\nKerupuk renyah nomor {n}.\n"
        for n in range(2, 10)
    },
    **{f"ikm/kerupuk-uji/products/k{n}.jpg": jpeg(1600, 1200, COLORS[n - 2]) for n in range(2, 10)},
    **{
        f"ikm/topeng-uji/products/topeng-{n}.md": f"---\nname: Topeng Kelana {n}\ncategory: topeng\n"
        f"price: {n}50000\n---\nTopeng kayu nomor {n}.\n"
        for n in range(1, 4)
    },
}


def text_of(file: Path) -> list[str]:
    """Each page's text with whitespace collapsed."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(file).pages]


def qr_codes(file: Path, page: int, dpi: int = 200) -> set[str]:
    """What every QR code on `page` (1-based) decodes to, read from the rendered page."""
    prefix = file.parent / f".qr-{file.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png", file, prefix],
        check=True,
    )
    found = subprocess.run(["zbarimg", "-q", "--raw", f"{prefix}.png"], capture_output=True, text=True)
    Path(f"{prefix}.png").unlink()
    return set(found.stdout.split())


def footer(file: Path, page: int) -> str:
    """The text printed in the bottom margin of an A4 page (the last 16 mm)."""
    found = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-x", "0", "-y", "797", "-W", "595", "-H", "45", file, "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return found.stdout.strip()


def build(content: Path, reporter: RecordingReporter | None = None, **extra: object):
    opts = options(content, pdf=True, **extra)
    return opts.out, pipeline.build(opts, reporter)


@pytest.fixture
def printed(site, monkeypatch):
    """The fixture site with 12 products, built with its PDFs; the edition fixed by SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site(MANY)
    out, stats = build(content, workers=2)  # documents render in forked workers
    return content, out, stats


def contents_numbers(pages: list[str], names: list[str]) -> dict[str, int]:
    toc = next(page for page in pages if page.startswith("Daftar Isi"))
    return {name: int(re.search(re.escape(name) + r"[ .]*(\d+)", toc).group(1)) for name in names}


def test_every_pdf_is_built_and_listed(printed):
    _, out, stats = printed
    files = ["katalog/katalog-lengkap.pdf", "katalog/makanan.pdf", "katalog/kerajinan.pdf"]
    files += ["ikm/kerupuk-uji/brosur.pdf", "ikm/topeng-uji/brosur.pdf"]
    posters = ["ikm/kerupuk-uji/poster.pdf", "ikm/topeng-uji/poster.pdf"]
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf")) == sorted(files + posters)
    page = soup(out, "katalog/index.html")
    listed = {a["href"]: a.get_text(" ", strip=True) for a in page.select("a[type='application/pdf']")}
    assert set(listed) == {f"/{file}" for file in files}
    for file in files:
        count = len(PdfReader(out / file).pages)
        size = (out / file).stat().st_size
        assert f"{count} halaman" in listed[f"/{file}"]
        assert re.search(r"\d+(,\d)? [KM]B", listed[f"/{file}"]), listed[f"/{file}"]
        assert abs(size - _bytes(listed[f"/{file}"])) <= max(1000, size * 0.06)
    store = soup(out, "ikm/kerupuk-uji/index.html")
    assert store.select_one("a[href='/ikm/kerupuk-uji/brosur.pdf']") is not None
    assert sorted(stats.pdfs_rendered) == sorted(f"/{file}" for file in files + posters)


def _bytes(label: str) -> float:
    value, unit = re.search(r"(\d+(?:,\d)?) ([KM]B)", label).groups()
    return float(value.replace(",", ".")) * (1000 if unit == "KB" else 1_000_000)


def test_every_product_is_in_the_whole_catalog_and_its_category_catalog(printed):
    _, out, _ = printed
    whole = " ".join(text_of(out / "katalog/katalog-lengkap.pdf"))
    food = " ".join(text_of(out / "katalog/makanan.pdf"))
    crafts = " ".join(text_of(out / "katalog/kerajinan.pdf"))
    food_names = ["Kerupuk Melarat", "Sirup Uji", *(f"Kerupuk Nomor {n}" for n in range(2, 10))]
    craft_names = [f"Topeng Kelana {n}" for n in range(1, 4)]
    for name in food_names + craft_names:
        assert name in whole, name
    for name in food_names:
        assert name in food and name not in crafts
    for name in craft_names:
        assert name in crafts and name not in food


def test_contents_and_index_numbers_are_the_real_pages(printed):
    _, out, _ = printed
    pages = text_of(out / "katalog/katalog-lengkap.pdf")
    numbers = contents_numbers(
        pages, ["Makanan", "Kerupuk", "Sirup", "Kerajinan", "Topeng", "Indeks Usaha A–Z"]
    )
    assert pages[numbers["Makanan"] - 1].startswith("LANTAI 1 Makanan")  # the divider page
    assert pages[numbers["Kerajinan"] - 1].startswith("LANTAI 2 Kerajinan")
    assert (
        "KERUPUK" in pages[numbers["Kerupuk"] - 1].upper()
        and "Kerupuk Nomor" in pages[numbers["Kerupuk"] - 1]
    )
    assert "Sirup Uji" in pages[numbers["Sirup"] - 1] and "Sirup Uji" not in pages[numbers["Sirup"] - 2]
    assert "Topeng Kelana" in pages[numbers["Topeng"] - 1]
    assert pages[numbers["Indeks Usaha A–Z"] - 1].startswith("Indeks Usaha A–Z")
    # every numbered page prints its own number in the footer
    whole = out / "katalog/katalog-lengkap.pdf"
    for index in range(1, len(pages)):
        if pages[index].startswith(("LANTAI", "GALERI UJI Belanja")):
            continue  # full-bleed dividers and the back cover carry no header or number
        assert footer(whole, index + 1) == str(index + 1), pages[index][:60]
    # the index lists exactly the pages where each business's products are
    index = pages[numbers["Indeks Usaha A–Z"] - 1]
    body = range(numbers["Makanan"], numbers["Indeks Usaha A–Z"] - 1)
    for business in ["Kerupuk Uji", "Topeng Uji"]:
        listed = re.search(re.escape(business) + r".*?hlm\. (\d+(?:, \d+)*)", index).group(1)
        expected = [i + 1 for i in body if business in pages[i]]
        assert [int(n) for n in listed.replace(",", " ").split()] == expected, business


def test_qr_codes_decode_to_the_exact_urls(printed):
    _, out, _ = printed
    whole = out / "katalog/katalog-lengkap.pdf"
    pages = text_of(whole)
    first_sheet = contents_numbers(pages, ["Kerupuk"])["Kerupuk"]
    codes = qr_codes(whole, first_sheet)
    names = {
        f"{BASE}/ikm/kerupuk-uji/kerupuk-melarat/": "Kerupuk Melarat",
        **{f"{BASE}/ikm/kerupuk-uji/kerupuk-{n}/": f"Kerupuk Nomor {n}" for n in range(2, 10)},
    }
    on_page = {
        url for url, name in names.items() if re.search(re.escape(name) + r"(\s|$)", pages[first_sheet - 1])
    }
    assert len(on_page) == 6 and codes == on_page
    assert qr_codes(whole, 1) == {f"{BASE}/"}  # the cover
    brochure = out / "ikm/topeng-uji/brosur.pdf"
    expected = {f"{BASE}/ikm/topeng-uji/"} | {f"{BASE}/ikm/topeng-uji/topeng-{n}/" for n in range(1, 4)}
    assert qr_codes(brochure, 1) == expected


def test_a_brochure_for_every_business(printed):
    _, out, _ = printed
    kerupuk = text_of(out / "ikm/kerupuk-uji/brosur.pdf")
    assert len(kerupuk) == 2  # 10 products: 4 beside the profile, 6 on page 2
    assert (
        "Kerupuk Uji" in kerupuk[0] and "Renyah sejak dulu" in kerupuk[0] and "0812-3456-7890" in kerupuk[0]
    )
    assert "SERTIFIKAT 00123" in kerupuk[0] and "Cerita kerupuk kami." in kerupuk[0]
    assert len(PdfReader(out / "ikm/topeng-uji/brosur.pdf").pages) == 1


def test_paper_bleed_and_crop_marks_set_the_page_boxes(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    plain_out, _ = build(site())
    page = PdfReader(plain_out / "katalog/katalog-lengkap.pdf").pages[0]
    assert [round(float(v) / MM, 1) for v in page.trimbox] == [0, 0, 210, 297]
    assert [round(float(v) / MM, 1) for v in page.mediabox] == [0, 0, 210, 297]
    site_yaml = (plain_out.parent / "content/site.yaml").read_text()
    content = site({"site.yaml": site_yaml + "print:\n  paper: A5\n  bleed_mm: 3\n  crop_marks: true\n"})
    out, _ = build(content)
    page = PdfReader(out / "katalog/katalog-lengkap.pdf").pages[0]
    trim = [float(v) / MM for v in page.trimbox]
    media = [float(v) / MM for v in page.mediabox]
    assert round(trim[2] - trim[0], 1) == 148 and round(trim[3] - trim[1], 1) == 210
    # 3 mm of bleed and a 7 mm slug for the crop marks, each side; the BleedBox is the trim + 3 mm
    assert round(media[2] - media[0], 1) == 168 and round(media[3] - media[1], 1) == 230
    assert [round(float(v) / MM - t, 1) for v, t in zip(page.bleedbox, trim, strict=True)] == [-3, -3, 3, 3]


def test_photos_are_embedded_at_about_300_ppi_never_original_nor_upscaled(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site({**MANY, "ikm/kerupuk-uji/products/k2.jpg": jpeg(6000, 4500, "red")})
    out, _ = build(content)
    listing = subprocess.run(
        ["pdfimages", "-list", out / "katalog/makanan.pdf"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    widths = sorted({int(line.split()[3]) for line in listing if line.split()[2] == "image"})
    g = printing.geometry("A4", 0, False, None, None)
    needed = round(min(g.cell_width, g.photo_height * 4 / 3) / 25.4 * 300)  # the whole 4:3 photo in its box
    assert max(widths) <= needed + 2 and 6000 not in widths  # the 6000 px original never embedded
    assert all(abs(w - needed) <= 2 for w in widths if w > 600)  # photos at 300 ppi for their cell
    ppi = [
        float(line.split()[12])
        for line in listing
        if line.split()[2] == "image" and int(line.split()[3]) > 600
    ]
    assert ppi and all(280 <= value <= 320 for value in ppi), ppi


def test_preflight_names_photos_too_small_for_print(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site({
        **MANY,
        "ikm/kerupuk-uji/products/k2.jpg": jpeg(500, 375, "red"),
        "ikm/kerupuk-uji/products/k3.jpg": jpeg(240, 180, "green"),
    })  # fmt: skip
    reporter = RecordingReporter()
    out, _ = build(content, reporter)
    low = [w for w in reporter.warnings if "k2.jpg" in w]
    very_low = [w for w in reporter.warnings if "k3.jpg" in w]
    assert low == [
        "ikm/kerupuk-uji/products/kerupuk-2.md:5: images[0]: ikm/kerupuk-uji/products/k2.jpg: foto hanya 232 ppi "
        "pada ukuran cetak 90×41 mm (disarankan 300 ppi: pakai foto selebar minimal 646 piksel)"
    ]
    assert len(very_low) == 1 and "di bawah 150 ppi" in very_low[0] and "111 ppi" in very_low[0]
    widths = subprocess.run(
        ["pdfimages", "-list", out / "katalog/makanan.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"\s240\s+180\s+rgb", widths)  # printed as it is, never upscaled


def test_fetcher_serves_only_files_inside_its_mounts(tmp_path):
    root = tmp_path / "theme"
    root.mkdir()
    (root / "ok.css").write_text("p{}")
    (root / "out.css").symlink_to("/etc/passwd")
    (tmp_path / "secret").write_text("secret")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.css").write_text("x")
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    fetcher = pdf.ConfinedFetcher({"/galeri-theme/t": root})
    assert fetcher.fetch("file:///galeri-theme/t/ok.css").read() == b"p{}"
    assert fetcher.fetch("file://localhost/galeri-theme/t/ok.css").read() == b"p{}"
    assert fetcher.fetch("file:///galeri-theme/t/ok.css?v=1#x").read() == b"p{}"
    for url in [
        "file:///etc/passwd",
        (root / "ok.css").as_uri(),  # the real path: only the mounted name is served
        "file:///galeri-theme/t/out.css",
        "file:///galeri-theme/t/linked/x.css",
        "file:///galeri-theme/t/%2e%2e/secret",
        "file:///galeri-theme/t/../secret",
        "file:///galeri-theme/t/ok.css%00",
        "file:///galeri-theme/tx/ok.css",
        "http://example.org/x.css",
        "https://example.org/x.png",
        "data:text/plain,halo",
        "ftp://example.org/x",
        "file://otherhost/galeri-theme/t/ok.css",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 13


def test_no_local_file_or_url_reaches_a_pdf(tmp_path):
    """WeasyPrint's default fetcher embeds `rel=attachment` files; the confined one refuses them."""
    html = (
        '<html><head><link rel="attachment" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        '<a rel="attachment" href="file:///etc/hostname">x</a><img src="file:///etc/passwd">'
        '<img src="https://example.org/x.png"><p style="background:url(file:///etc/passwd)">p</p></body></html>'
    )
    fetcher = pdf.ConfinedFetcher({"/galeri-cache": tmp_path})
    data = weasyprint.HTML(string=html, base_url="file:///galeri-cache/", url_fetcher=fetcher).write_pdf()
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert {"file:///etc/passwd", "file:///etc/hostname", "https://example.org/x.png"} <= set(fetcher.refused)
    assert any(url.startswith("http://127.0.0.1") for url in fetcher.refused)


def test_hostile_html_in_the_foreword_is_sanitized_before_print(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    page = (
        "# Kata Pengantar\n\nSelamat datang.\n\n"
        '<img src="file:///etc/passwd"> <a rel="attachment" href="file:///etc/passwd">lampiran</a>\n\n'
        '<object data="file:///etc/passwd"></object><iframe src="https://example.org"></iframe>\n'
    )
    base = site()
    site_yaml = (base / "site.yaml").read_text() + "print_foreword: kata-pengantar\n"
    content = site({"pages/kata-pengantar.md": page, "site.yaml": site_yaml})
    reporter = RecordingReporter()
    out, _ = build(content, reporter)
    whole = out / "katalog/katalog-lengkap.pdf"
    assert PdfReader(whole).attachments == {}
    pages = text_of(whole)
    assert pages[1].startswith("Kata Pengantar Selamat datang.") and "lampiran" in pages[1]
    assert not [w for w in reporter.warnings if "refused" in w or "passwd" in w]


def test_a_long_foreword_with_a_photo_and_links(site, monkeypatch):
    """A foreword of several pages moves the body; its photo and links work in print."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    words = " ".join(["Para pelaku usaha Kota Cirebon membuat produk terbaik untuk pembeli."] * 12)
    page = (
        "# Kata Pengantar\n\n![Kantor dinas](kantor.jpg)\n\n"
        + "\n\n".join(f"Paragraf {n}. {words}" for n in range(1, 19))
        + "\n\nLihat [cara memesan](/cara-pesan/) dan [toko kami](https://contoh.id/).\n"
    )
    base = site()
    site_yaml = (base / "site.yaml").read_text() + "print_foreword: kata-pengantar\n"
    content = site({
        **MANY,
        "pages/kata-pengantar.md": page,
        "pages/kantor.jpg": jpeg(2400, 1600, "navy"),
        "pages/cara-pesan.md": "# Cara Pesan\n\nLewat WhatsApp.\n",
        "site.yaml": site_yaml,
    })  # fmt: skip
    reporter = RecordingReporter()
    out, _ = build(content, reporter)
    whole = out / "katalog/katalog-lengkap.pdf"
    pages = text_of(whole)
    foreword = [i for i, text in enumerate(pages) if "Paragraf" in text]
    assert len(foreword) >= 2 and foreword[0] == 1  # several pages, right after the cover
    numbers = contents_numbers(pages, ["Makanan", "Kerupuk", "Indeks Usaha A–Z"])
    assert numbers["Makanan"] == foreword[-1] + 3  # after the foreword and the contents
    assert pages[numbers["Makanan"] - 1].startswith("LANTAI 1 Makanan")
    assert pages[numbers["Indeks Usaha A–Z"] - 1].startswith("Indeks Usaha A–Z")
    links = {
        annotation.get_object()["/A"].get("/URI")
        for page in PdfReader(whole).pages
        for annotation in page.get("/Annots") or []
    }
    assert {f"{BASE}/cara-pesan/", "https://contoh.id/"} <= links
    listing = subprocess.run(
        ["pdfimages", "-list", "-f", "2", "-l", "2", whole], capture_output=True, text=True
    )
    assert re.search(r"\s(\d{4})\s+\d+\s+rgb", listing.stdout)  # the photo, at the text's width
    assert not [w for w in reporter.warnings if "refused" in w]


def test_one_row_per_page_puts_the_brochure_products_on_page_two(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = (site() / "site.yaml").read_text()
    out, _ = build(site({**MANY, "site.yaml": base + "print:\n  columns: 3\n  rows: 1\n"}))
    brochure = text_of(out / "ikm/kerupuk-uji/brosur.pdf")
    assert len(brochure) == 2 and "Kerupuk Nomor" not in brochure[0] and "Kerupuk Nomor 2" in brochure[1]
    assert "+7 produk lain di toko online" in brochure[1]
    assert len(text_of(out / "ikm/topeng-uji/brosur.pdf")) == 2


def test_same_content_gives_byte_identical_pdfs(site, monkeypatch, tmp_path):
    """Another process, cache folder, hash seed and output folder: the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site()
    first, _ = build(content)
    env = {**os.environ, "GALERI_CACHE_DIR": str(tmp_path / "other-cache"), "PYTHONHASHSEED": "7"}
    second = tmp_path / "other-output"
    subprocess.run(
        [sys.executable, "build.py", "--content", content, "--out", second],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    for file in first.rglob("*.pdf"):
        assert file.read_bytes() == (second / file.relative_to(first)).read_bytes(), file
    info = subprocess.run(["pdfinfo", first / "katalog/katalog-lengkap.pdf"], capture_output=True, text=True)
    assert "Title:           Galeri Uji · Katalog Produk IKM & UMKM · Edisi November 2026" in info.stdout
    assert "Author:          Dinas Uji" in info.stdout and "Tagged:          yes" in info.stdout
    assert "CreationDate:    Sun Nov  1 00:00:00 2026 UTC" in info.stdout
    fonts = subprocess.run(
        ["pdffonts", first / "katalog/katalog-lengkap.pdf"], capture_output=True, text=True
    )
    assert "Plus-Jakarta-Sans" in fonts.stdout
    for line in fonts.stdout.splitlines()[2:]:
        assert line.split()[-5] == "yes", line  # embedded
    assert PdfReader(first / "katalog/katalog-lengkap.pdf").trailer["/Root"]["/Lang"] == "id"


def test_an_edit_re_renders_only_the_documents_that_contain_it(printed):
    content, out, _ = printed
    file = content / "ikm/topeng-uji/products/topeng-2.md"
    file.write_text(file.read_text().replace("Topeng Kelana 2", "Topeng Kelana Dua"))
    stats = pipeline.build(options(content, pdf=True))
    assert sorted(stats.pdfs_rendered) == [
        "/ikm/topeng-uji/brosur.pdf",
        "/katalog/katalog-lengkap.pdf",
        "/katalog/kerajinan.pdf",
    ]
    assert "Topeng Kelana Dua" in " ".join(text_of(out / "katalog/kerajinan.pdf"))
    assert len(stats.pdfs_reused) == 4  # the other catalog, the other brochure, both posters
    kept = (out / "katalog/makanan.pdf").stat().st_ino
    (content / "ikm/kerupuk-uji/products/k5.jpg").write_bytes(jpeg(1600, 1200, "black"))
    stats = pipeline.build(options(content, pdf=True))
    assert sorted(stats.pdfs_rendered) == [
        "/ikm/kerupuk-uji/brosur.pdf",
        "/katalog/katalog-lengkap.pdf",
        "/katalog/makanan.pdf",
    ]
    assert (out / "katalog/kerajinan.pdf").is_file() and "/katalog/kerajinan.pdf" in stats.pdfs_reused
    assert (out / "katalog/makanan.pdf").stat().st_ino != kept


def test_printed_addresses_must_keep_answering(printed):
    content, _, _ = printed
    with contextlib.redirect_stdout(io.StringIO()) as said:
        assert cli.main(["freeze", "--content", str(content)]) == 0
    assert "alamat baru dicatat" in said.getvalue()
    record = (content / "printed-urls.txt").read_text()
    assert record.startswith("# Edisi November 2026: 3 katalog, 2 brosur\n")
    lines = record.splitlines()
    assert "/ikm/topeng-uji/topeng-2/" in lines and "/ikm/kerupuk-uji/" in lines and "/" in lines
    with contextlib.redirect_stdout(io.StringIO()) as said:
        assert cli.main(["freeze", "--content", str(content)]) == 0
    assert "sudah tercatat" in said.getvalue()  # nothing recorded twice

    (content / "ikm/topeng-uji/products/topeng-2.md").rename(
        content / "ikm/topeng-uji/products/topeng-dua.md"
    )
    line = lines.index("/ikm/topeng-uji/topeng-2/") + 1
    assert problems(content) == [
        f"printed-urls.txt:{line}: alamat /ikm/topeng-uji/topeng-2/ tercetak di katalog (kode QR) tetapi tidak "
        'ada lagi di situs (kembalikan halamannya, atau tulis `aliases: ["/ikm/topeng-uji/topeng-2/"]` di entri '
        "penggantinya)"
    ]
    renamed = content / "ikm/topeng-uji/products/topeng-dua.md"
    renamed.write_text(
        renamed.read_text().replace("---\nname", "---\naliases: [/ikm/topeng-uji/topeng-2/]\nname", 1)
    )
    assert problems(content) == []


def test_print_include_chooses_what_goes_to_print(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = (site() / "site.yaml").read_text()
    out, _ = build(site({**MANY, "site.yaml": base + "print:\n  include: featured\n"}))
    whole = " ".join(text_of(out / "katalog/katalog-lengkap.pdf"))
    assert "Kerupuk Melarat" in whole and "Kerupuk Nomor" not in whole and "Topeng Kelana" not in whole
    assert not (out / "katalog/kerajinan.pdf").exists()  # nothing of it is printed
    assert (out / "ikm/topeng-uji/brosur.pdf").exists()  # brochures are for every business
    selection = "print:\n  include:\n    categories: [topeng]\n    businesses: []\n"
    out, _ = build(site({**MANY, "site.yaml": base + selection}))
    whole = " ".join(text_of(out / "katalog/katalog-lengkap.pdf"))
    assert "Topeng Kelana 1" in whole and "Kerupuk" not in whole.replace("Kerupuk Uji", "")


def test_print_settings_are_checked_with_their_lines(site):
    base = (site() / "site.yaml").read_text()
    lines = len(base.splitlines())
    bad = (
        base
        + "print_foreword: tidak-ada\nprint:\n  include:\n    categories: [kerupuk, nope]\n    businesses: [x]\n"
    )
    assert problems(site({"site.yaml": bad})) == [
        f"site.yaml:{lines + 1}: print_foreword: halaman `tidak-ada` tidak ada di content/pages "
        "(tulis slug halaman bebas, mis. kata-pengantar)",
        f"site.yaml:{lines + 4}: print.include.categories[1]: kategori `nope` tidak ada di categories.yaml "
        "(tulis slug kategori yang ada)",
        f"site.yaml:{lines + 5}: print.include.businesses[0]: usaha `x` tidak ada di content/ikm "
        "(tulis nama folder usaha)",
    ]


def test_a_large_catalog_rendered_in_parts_numbers_across_them(site, monkeypatch):
    """Parts of one sheet each, laid out in two worker processes and joined: the same pages
    and numbers as one piece, the same bytes every time, no part files left behind."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site(MANY)
    out, _ = build(content)
    whole = text_of(out / "katalog/katalog-lengkap.pdf")
    monkeypatch.setattr(pdf, "SINGLE_LIMIT", 1)
    monkeypatch.setattr(printing, "PART_PRODUCTS", 6)
    reporter = RecordingReporter()
    temporary = set(Path(tempfile.gettempdir()).glob("*"))
    out, stats = build(content, reporter, out=content.parent / "parts", workers=2)
    assert set(Path(tempfile.gettempdir()).glob("*")) <= temporary  # no font folder left by a worker
    joined = out / "katalog/katalog-lengkap.pdf"
    assert text_of(joined) == whole
    assert not list(out.rglob("*.parts")) and not list(out.rglob(".*.pdf"))
    info = subprocess.run(["pdfinfo", joined], capture_output=True, text=True, check=True).stdout
    assert "Title:           Galeri Uji · Katalog Produk IKM & UMKM · Edisi November 2026" in info
    assert "Author:          Dinas Uji" in info and "CreationDate:    Sun Nov  1 00:00:00 2026 UTC" in info
    reader = PdfReader(joined, strict=True)
    assert reader.trailer["/Root"]["/Lang"] == "id"
    assert [o.title for o in reader.outline if not isinstance(o, list)][:3] == [
        "Daftar Isi",
        "Makanan",
        "Kerajinan",
    ]
    kerajinan = next(o for o in reader.outline if not isinstance(o, list) and o.title == "Kerajinan")
    assert whole[reader.get_destination_page_number(kerajinan)].startswith("LANTAI 2 Kerajinan")
    sheet = next(i for i, page in enumerate(whole) if "Topeng Kelana 1" in page)
    assert f"{BASE}/ikm/topeng-uji/topeng-1/" in qr_codes(joined, sheet + 1)
    _, done, total = [event for event in reporter.progressed if event[0] == "pdf"][-1]
    # three catalogs in parts: each a front, its bodies, a back and a join instead of one job
    assert done == total >= len(stats.pdfs_rendered) + 3 * 3
    again, _ = build(content, out=content.parent / "again", workers=2)
    assert (again / "katalog/katalog-lengkap.pdf").read_bytes() == joined.read_bytes()


def test_one_font_configuration_per_process(site, monkeypatch):
    """Setting one up loads the system's fonts: done once, not per document or part."""
    made = []

    class Counted(pdf.FontConfiguration):
        def __init__(self) -> None:
            made.append(self)
            super().__init__()

    monkeypatch.setattr(pdf, "FontConfiguration", Counted)
    _, stats = build(site())
    assert len(stats.pdfs_rendered) > 3 and len(made) == 1


def test_no_pdf_and_pdf_commands(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site()
    out = content.parent / "public"
    quiet = contextlib.redirect_stdout(io.StringIO())
    with quiet:
        assert cli.main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    assert not list(out.rglob("*.pdf"))
    assert "tidak disertakan" in soup(out, "katalog/index.html").get_text()
    assert not soup(out, "ikm/topeng-uji/index.html").select("a[href$='brosur.pdf']")
    home = (out / "index.html").stat().st_ino
    with contextlib.redirect_stdout(io.StringIO()) as said:
        assert cli.main(["pdf", "--content", str(content), "--out", str(out)]) == 0
    assert "PDF: 6 berkas (6 dibuat ulang, 0 tidak berubah)" in said.getvalue()  # and two posters
    assert (out / "katalog/katalog-lengkap.pdf").is_file() and (out / "ikm/topeng-uji/brosur.pdf").is_file()
    assert (out / "index.html").stat().st_ino == home  # the rest of the site kept as it was
    assert soup(out, "katalog/index.html").select_one("a[href='/katalog/katalog-lengkap.pdf']")
    assert soup(out, "ikm/topeng-uji/index.html").select_one("a[href='/ikm/topeng-uji/brosur.pdf']")
    # the pages it wrote again keep the site's search box, and the index is kept with them
    assert soup(out, "ikm/topeng-uji/index.html").select_one("form[role=search][action='/cari/']")
    assert (out / "pagefind/peta.json").is_file()


def test_drafts_never_reach_a_pdf(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site({
        "ikm/rahasia/index.md": "---\nname: Usaha Rahasia\nemail: r@uji.id\ndraft: true\n---\n",
        "ikm/kerupuk-uji/products/baru.md": "---\nname: Produk Rahasia\ncategory: kerupuk\ndraft: true\n---\n",
    })  # fmt: skip
    out, _ = build(content)
    for file in out.rglob("*.pdf"):
        assert "Rahasia" not in " ".join(text_of(file)), file
    assert not (out / "ikm/rahasia").exists()


def test_demo_catalog_prints_every_product(demo):
    out, _ = demo
    whole = " ".join(text_of(out / "katalog/katalog-lengkap.pdf"))
    folder = Path(__file__).resolve().parent.parent / "content/ikm"
    live = [b.parent for b in folder.glob("*/index.md") if "draft: true" not in b.read_text()]
    products = sorted(p for b in live for p in [*b.glob("products/*.md"), *b.glob("products/*.yaml")])
    missing = []
    for file in products:
        name = re.search(r"^name: *(.+)$", file.read_text(), re.M).group(1).strip().strip("\"'")
        if "draft: true" not in file.read_text() and " ".join(name.split()) not in whole:
            missing.append(name)
    assert missing == []
    brochures = sorted(p.parent.name for p in out.glob("ikm/*/brosur.pdf"))
    assert brochures == sorted(b.name for b in live) and len(brochures) >= 13


def test_print_include_mistakes_are_named(site):
    base = (site() / "site.yaml").read_text()
    line = len(base.splitlines()) + 2
    assert problems(site({"site.yaml": base + "print:\n  include: semua\n"})) == [
        f"site.yaml:{line}: print.include: harus salah satu dari: all, featured"
    ]
    assert problems(site({"site.yaml": base + "print:\n  include:\n    kategori: [topeng]\n"})) == [
        f"site.yaml:{line + 1}: print.include.kategori: kolom tidak dikenal (maksud Anda `categories`?)"
    ]


def test_check_warns_about_photos_too_small_for_print(site):
    content = site({**MANY, "ikm/kerupuk-uji/products/k2.jpg": jpeg(500, 375, "red")})
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()) as said:
        assert cli.main(["check", "--content", str(content)]) == 0
    assert "Konten baik" in said.getvalue()
    assert "peringatan: ikm/kerupuk-uji/products/kerupuk-2.md:5: images[0]: " in stderr.getvalue()
    assert "232 ppi" in stderr.getvalue()
    assert "1 peringatan (tidak menghentikan build; perbaiki sebelum mencetak)" in stderr.getvalue()
