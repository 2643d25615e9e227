"""The printed documents as a print shop and the showroom take them: boxes and crop marks,
saddle-stitch page counts, QR codes read at 150 dpi, links, the shelf labels and posters."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import options
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from catalog import pipeline

MM = 72 / 25.4
EPOCH = "1793577600"
SHOWROOM = (
    "showroom:\n  name: Galeri Uji\n  address: Jl. Uji No. 1, Kesambi\n  hours: Senin–Jumat 08.00–15.00\n"
    "  whatsapp: 0812-1111-2222\n"
)


def page_links(page) -> list[tuple[str, float, float]]:
    """Each link annotation's URI with its width and height in points."""
    found = []
    for annot in page.get("/Annots") or []:
        action = annot.get_object().get("/A") or {}
        if "/URI" in action:
            x0, y0, x1, y1 = (float(v) for v in annot.get_object()["/Rect"])
            found.append((str(action["/URI"]), abs(x1 - x0), abs(y1 - y0)))
    return found


def decoded(file: Path, page: int, folder: Path) -> list[str]:
    """What the QR codes of `page` decode to from a 150-dpi rendering (a phone at arm's length)."""
    prefix = folder / f"qr-{file.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", "-png", file, prefix],
                   check=True)  # fmt: skip
    found = subprocess.run(["zbarimg", "-q", "--raw", f"{prefix}.png"], capture_output=True, text=True)
    Path(f"{prefix}.png").unlink()
    return found.stdout.split()


def test_every_qr_code_of_the_demo_decodes_at_150_dpi_and_opens_a_page_of_the_site(demo, tmp_path):
    out, _ = demo
    base = "https://galeri-ikm-cirebon.netlify.app/"
    files = sorted(out.rglob("*.pdf"))
    assert out / "katalog/label-rak.pdf" in files and out / "ikm/kaos-caruban-nagari/poster.pdf" in files
    total = 0
    for file in files:
        for number, page in enumerate(PdfReader(file).pages, 1):
            # every code is linked: a square link annotation of the code's size names its URL
            codes = {uri for uri, w, h in page_links(page) if abs(w - h) < 1 and w > 14 * MM}
            found = set(decoded(file, number, tmp_path))
            assert found == codes, (file.relative_to(out), number)
            for url in found:
                assert url.startswith(base) and (out / url[len(base) :] / "index.html").is_file(), url
            total += len(found)
    assert total > 150


def test_catalogs_are_multiples_of_four_pages_padded_with_useful_pages(demo):
    out, _ = demo
    for file in sorted((out / "katalog").glob("*.pdf")):
        if file.name == "label-rak.pdf":
            continue
        pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(file).pages]
        assert len(pages) % 4 == 0, file.name
        assert all(pages[1:-1]), f"{file.name}: a blank page"
    fashion = [
        " ".join((p.extract_text() or "").split()) for p in PdfReader(out / "katalog/fashion.pdf").pages
    ]
    assert any("Cara memesan" in page for page in fashion)
    assert any("Galeri IKM Kota Cirebon" in page and "JAM BUKA" in page.upper() for page in fashion)


def test_no_missing_photo_box_nor_stock_badge_in_print(demo):
    out, _ = demo
    text = " ".join(p.extract_text() or "" for p in PdfReader(out / "katalog/katalog-lengkap.pdf").pages)
    assert "Foto belum tersedia" not in text and "Stok habis" not in text and "Docang" in text


def test_divider_says_its_floor_and_the_back_cover_keeps_the_address_whole(demo):
    out, _ = demo
    pages = [p.extract_text() or "" for p in PdfReader(out / "katalog/katalog-lengkap.pdf").pages]
    dividers = [page for page in pages if "LANTAI" in page.upper() and " produk" in page]
    assert [f"LANTAI {n}" in page.upper() for n, page in enumerate(dividers, 1)] == [True] * 3
    assert "galeri-ikm-cirebon.netlify.app/katalog" in pages[-1]  # on one line, not cut mid-host


def test_links_to_products_whatsapp_and_the_address(demo):
    out, _ = demo
    reader = PdfReader(out / "katalog/katalog-lengkap.pdf")
    uris = {uri for page in reader.pages for uri, _, _ in page_links(page)}
    assert "https://galeri-ikm-cirebon.netlify.app/ikm/empal-gentong-mang-darsa/empal-gentong/" in uris
    assert any(uri.startswith("https://wa.me/62") for uri in uris)
    assert any(uri.startswith("https://www.google.com/maps/") for uri in uris)
    brochure = PdfReader(out / "ikm/kaos-caruban-nagari/brosur.pdf")
    assert any(uri.startswith("https://wa.me/62") for uri, _, _ in page_links(brochure.pages[0]))


def test_shelf_labels_and_counter_posters(demo):
    out, _ = demo
    labels = PdfReader(out / "katalog/label-rak.pdf")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in labels.pages)
    assert "Kain Batik Tulis Mega Mendung Biru" in text and "Batik Tulis Mega Mendung Sari" in text
    assert "Harga hubungi penjual" in text  # a showroom product without a price
    assert "P-IRT" in text
    assert [round(float(v) / MM) for v in labels.pages[0].mediabox] == [0, 0, 210, 297]
    poster = PdfReader(out / "ikm/kaos-caruban-nagari/poster.pdf")
    assert len(poster.pages) == 1
    assert [round(float(v) / MM) for v in poster.pages[0].mediabox] == [0, 0, 148, 210]
    words = " ".join((poster.pages[0].extract_text() or "").split())
    assert (
        "Kaos Caruban Nagari" in words
        and "PINDAI UNTUK PESAN" in words.upper()
        and "WHATSAPP" in words.upper()
    )


@pytest.fixture
def marked(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = (site() / "site.yaml").read_text()
    content = site(
        {"site.yaml": base + SHOWROOM + "print:\n  paper: A5\n  bleed_mm: 3\n  crop_marks: true\n"}
    )
    opts = options(content, pdf=True)
    return opts.out, pipeline.build(opts)


def test_crop_marks_stand_outside_the_bleed(marked):
    out, _ = marked
    for page in PdfReader(out / "katalog/katalog-lengkap.pdf").pages:
        trim = [float(v) / MM for v in page.trimbox]
        bleed = [float(v) / MM for v in page.bleedbox]
        media = [float(v) / MM for v in page.mediabox]
        assert round(trim[2] - trim[0], 1) == 148 and round(trim[3] - trim[1], 1) == 210
        assert [round(b - t, 1) for b, t in zip(bleed, trim, strict=True)] == [-3, -3, 3, 3]
        assert media[0] < bleed[0] - 5 and media[2] > bleed[2] + 5  # a slug for the marks


def test_perfect_binding_pads_to_an_even_count(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = (site() / "site.yaml").read_text()
    opts = options(site({"site.yaml": base + "print:\n  binding: perfect\n"}), pdf=True)
    pipeline.build(opts)
    for file in (opts.out / "katalog").glob("*.pdf"):
        assert len(PdfReader(file).pages) % 2 == 0


def pdf_objects(reader: PdfReader) -> list[object]:
    """Every object the file's cross-reference tables list, resolved."""
    numbers = {number for table in reader.xref.values() for number in table} | set(reader.xref_objStm)
    return [found for number in sorted(numbers) if (found := reader.get_object(number)) is not None]


def test_press_editions_are_pdf_x4_in_cmyk_with_embedded_fonts(site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = (site() / "site.yaml").read_text()
    settings = "print:\n  bleed_mm: 3\n  crop_marks: true\n  press: true\n"
    opts = options(site({"site.yaml": base + settings}), pdf=True)
    pipeline.build(opts)
    press = sorted((opts.out / "katalog/cetak").glob("*.pdf"))
    web = sorted(p.name for p in (opts.out / "katalog").glob("*.pdf"))
    assert [p.name for p in press] == web and "katalog-lengkap.pdf" in web  # one per web edition
    for file in press:
        reader = PdfReader(file)
        root = reader.trailer["/Root"]
        intent = root["/OutputIntents"][0].get_object()
        assert intent["/S"] == "/GTS_PDFX" and intent["/DestOutputProfile"].get_object()["/N"] == 4
        assert b"PDF/X-4" in root["/Metadata"].get_object().get_data()
        fonts = rgb = 0
        for obj in pdf_objects(reader):
            if not hasattr(obj, "items"):
                continue
            if obj.get("/Type") == "/FontDescriptor":
                fonts += 1
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(obj), obj.get("/FontName")
            rgb += sum(1 for _, value in _entries(obj) if value == "/DeviceRGB")
            if hasattr(obj, "get_data") and obj.get("/Subtype") not in ("/Image",) and "/Length1" not in obj:
                data = obj.get_data() if obj.get("/Type") != "/Metadata" else b""
                rgb += len(re.findall(rb"(?:^|\s)[\d.]+ [\d.]+ [\d.]+ (?:rg|RG)(?=\s|$)", data))
        assert fonts and rgb == 0, file.name
        for page in reader.pages:
            media, bleed = page.mediabox, page.bleedbox
            assert media.left < bleed.left and media.right > bleed.right and media.top > bleed.top
    web = PdfReader(opts.out / "katalog/katalog-lengkap.pdf").trailer["/Root"]
    assert "/OutputIntents" not in web and "/StructTreeRoot" in web  # the web edition stays RGB and tagged


def _entries(obj) -> list[tuple[str, object]]:
    """A dictionary's entries and those of the dictionaries in it (a transparency group)."""
    found = []
    for key, value in obj.items():
        found.append((key, value))
        if isinstance(value, DictionaryObject):  # direct: a reference is an object of its own
            found += _entries(value)
    return found
