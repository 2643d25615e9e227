"""Photos at the edges: metadata that must never be published, a damaged image cache,
the formats phones send, files that are not photos at all, and what WeasyPrint says."""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import random
from pathlib import Path

import pillow_heif
import pytest
from conftest import PRODUCT, jpeg, options, problems
from PIL import Image, ImageCms, PngImagePlugin
from pypdf import PdfReader
from pypdf.generic import StreamObject
from sitecheck import soup

from catalog import pipeline
from catalog.core.report import RecordingReporter
from catalog.print import layout as pdf

MARKERS = [b"MARKER-EXIF-GPS", b"MARKER-EXIF-DESC", b"MARKER-XMP", b"MARKER-IPTC", b"MARKER-COM"]
PNG_MARKERS = [b"MARKER-PNG-TEXT", b"MARKER-PNG-ITXT"]  # zTXt is compressed: checked by chunk


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def tagged_jpeg() -> bytes:
    """A camera-like JPEG carrying every kind of metadata at once, each with a marker string."""
    exif = Image.Exif()
    exif[0x010E] = "MARKER-EXIF-DESC"  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (6.0, 42.0, 30.0), 3: "E", 4: (108.0, 33.0, 12.0)})
    gps[0x1B] = b"ASCII\0\0\0MARKER-EXIF-GPS"  # GPSProcessingMethod
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>MARKER-XMP</rdf:Description></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    noisy = Image.effect_noise((1800, 1350), 60).convert("RGB")
    noisy.save(buffer, "JPEG", exif=exif.tobytes(), xmp=xmp, comment=b"MARKER-COM", icc_profile=icc)
    data = buffer.getvalue()
    iptc = b"\x1c\x02\x78" + len(b"MARKER-IPTC").to_bytes(2, "big") + b"MARKER-IPTC"  # 2:120 caption
    app13 = _segment(0xED, b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0" + len(iptc).to_bytes(4, "big") + iptc)
    return data[:2] + app13 + data[2:]


def tagged_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "MARKER-PNG-TEXT")
    info.add_itxt("Description", "MARKER-PNG-ITXT")
    info.add_text("Author", "MARKER-PNG-ZTXT", zip=True)
    buffer = io.BytesIO()
    Image.new("RGBA", (600, 600), (200, 30, 30, 128)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def jpeg_segments(data: bytes) -> set[int]:
    """The markers of a JPEG's header segments (APPn, COM, ...), up to the scan."""
    found, at = set(), 2
    while at + 4 <= len(data) and data[at] == 0xFF and data[at + 1] != 0xDA:
        found.add(data[at + 1])
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return found


def pdf_streams(file: Path) -> list[bytes]:
    """Every stream of a PDF, decoded (images stay as their JPEG or raw pixel bytes)."""
    reader = PdfReader(file)
    found = []
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            found.append(obj.get_data())
    return found


def test_no_photo_metadata_reaches_the_site_or_a_pdf(site):
    tagged = tagged_jpeg()
    assert all(marker in tagged for marker in MARKERS)
    assert {0xE1, 0xE2, 0xED, 0xFE} <= jpeg_segments(tagged)
    content = site({"ikm/kerupuk-uji/products/melarat.jpg": tagged, "ikm/kerupuk-uji/logo.png": tagged_png()})
    pipeline.build(options(content, pdf=True))
    out = options(content).out
    files = [file for file in out.rglob("*") if file.is_file()]
    pdfs = [file for file in files if file.suffix == ".pdf"]
    assert len(pdfs) >= 3
    leaks = []
    for file in files:
        chunks = [file.read_bytes(), *(pdf_streams(file) if file.suffix == ".pdf" else [])]
        for chunk in chunks:
            leaks += [(file.name, marker) for marker in MARKERS + PNG_MARKERS if marker in chunk]
            if chunk[:3] == b"\xff\xd8\xff":  # a JPEG, published or embedded in a PDF
                extra = jpeg_segments(chunk) & {0xE1, 0xE2, 0xED, 0xFE}
                leaks += [(file.name, f"segment FF{marker:02X}") for marker in sorted(extra)]
    assert leaks == []
    for file in files:
        if file.suffix in (".png", ".webp", ".jpg"):
            with Image.open(file) as image:
                kept = {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info)
                assert kept == set() and getattr(image, "text", {}) == {}, file.name


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        file.relative_to(folder).as_posix(): file.read_bytes() for file in folder.rglob("*") if file.is_file()
    }


def test_a_damaged_image_cache_is_encoded_again(site, tmp_path):
    content = site()
    first = options(content)
    pipeline.build(first)
    cached = sorted((first.cache_dir / "images").glob("*/*-*.*"))
    truncated, replaced = cached[0], cached[-1]
    os.truncate(truncated, truncated.stat().st_size // 2)  # in place: the output's hard link too
    size = replaced.stat().st_size
    with replaced.open("r+b") as opened:
        opened.write(bytes(random.Random(1).getrandbits(8) for _ in range(size)))
    assert replaced.stat().st_size == size

    again = pipeline.build(first)
    clean = dataclasses.replace(first, out=tmp_path / "clean", cache_dir=tmp_path / "clean-cache")
    pipeline.build(clean)
    assert not again.unchanged and again.images_encoded == 2
    assert _tree(first.out) == _tree(clean.out)
    assert pipeline.build(first).unchanged  # and, intact again, the next build skips all work


def iphone_heic() -> bytes:
    """A photo as an iPhone sends it: HEIC, noisy, its EXIF saying "rotate 90° clockwise"."""
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Apple"
    noisy = Image.effect_noise((1200, 900), 50).convert("RGB")
    noisy.paste((220, 40, 40), (0, 0, 600, 900))  # the left half red: where it lands shows the rotation
    buffer = io.BytesIO()  # written without Pillow's HEIF plugin: the build must register it
    pillow_heif.from_pillow(noisy).save(buffer, exif=exif.tobytes(), quality=70)
    return buffer.getvalue()


def _shown(site, name: str, data: bytes) -> Image.Image:
    """The JPEG fallback the product page shows for a photo `name` holding `data`."""
    text = PRODUCT.replace("images: [melarat.jpg]", f"images: [{name}]")
    content = site(
        {f"ikm/kerupuk-uji/products/{name}": data, "ikm/kerupuk-uji/products/kerupuk-melarat.md": text}
    )
    pipeline.build(options(content))
    out = options(content).out
    page = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/")
    fallback = page.find("img", src=lambda src: src and src.endswith(".jpg"))
    with Image.open(out / fallback["src"].lstrip("/")) as image:
        return image.copy()


def test_an_iphone_heic_photo_is_accepted_and_turned_upright(site):
    shown = _shown(site, "foto-iphone.heic", iphone_heic())
    assert shown.width < shown.height  # rotated: portrait
    red, green, _ = shown.getpixel((shown.width // 2, 20))
    assert red > 150 and green < 120  # the red half is now on top


def test_an_avif_photo_is_accepted(site):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 700), (30, 60, 200)).save(buffer, "AVIF")
    shown = _shown(site, "foto.avif", buffer.getvalue())
    assert shown.width > shown.height and shown.getpixel((5, 5))[2] > 150


def _saved(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def _truncated_jpeg() -> bytes:
    data = jpeg(900, 700, quality=95)
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "logo.svg",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG belum didukung",
        ),
        ("kosong.jpg", b"", "berkas kosong (0 byte)"),
        ("halaman.jpg", b"<html><body>Foto kerupuk</body></html>", "bukan gambar, melainkan teks"),
        ("terpotong.jpg", _truncated_jpeg(), "(JPEG) terpotong atau rusak"),
        ("acak.jpg", bytes(random.Random(2).getrandbits(8) for _ in range(3000)), "bukan gambar yang dapat"),
        ("foto.bmp", _saved(Image.new("RGB", (400, 300)), "BMP"), "berformat BMP; simpan ulang sebagai JPEG"),
    ],
)
def test_a_file_that_is_not_a_photo_is_named_in_indonesian(site, name, data, expected):
    text = PRODUCT.replace("images: [melarat.jpg]", f"images: [{name}]")
    found = problems(
        site({f"ikm/kerupuk-uji/products/{name}": data, "ikm/kerupuk-uji/products/kerupuk-melarat.md": text})
    )
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith("ikm/kerupuk-uji/products/kerupuk-melarat.md:") and f"'{name}'" in found[0]
    english = ("cannot identify", "image file", "truncated", "broken data", "not a ")
    assert not any(word in found[0] for word in english), found[0]


def test_an_emoji_in_a_product_name_gives_one_indonesian_warning_and_no_weasyprint_lines(site, capfd):
    text = PRODUCT.replace("name: Kerupuk Melarat", "name: Kerupuk 🦐 Udang")
    content = site({"ikm/kerupuk-uji/products/kerupuk-melarat.md": text})
    reporter = RecordingReporter()
    pipeline.build(options(content, pdf=True), reporter)
    assert reporter.warnings == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:2: name: emoji 🦐 tidak ikut dicetak (huruf cetak "
        "tidak punya emoji); situs web tetap menampilkannya"
    ]
    captured = capfd.readouterr()
    assert ".notdef" not in captured.out + captured.err
    out = options(content).out
    brochure = " ".join(page.extract_text() for page in PdfReader(out / "ikm/kerupuk-uji/brosur.pdf").pages)
    assert "Kerupuk Udang" in " ".join(brochure.split())
    assert "Kerupuk 🦐 Udang" in (out / "ikm/kerupuk-uji/kerupuk-melarat/index.html").read_text()


def test_fonttools_instead_of_harfbuzz_is_not_reported(site, monkeypatch):
    """Without libharfbuzz-subset0 WeasyPrint warns once per PDF; the PDFs are the same."""
    fonts = pytest.importorskip("weasyprint.pdf.fonts")
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    reporter = RecordingReporter()
    pipeline.build(options(site(), pdf=True), reporter)
    assert [line for line in reporter.warnings if "HarfBuzz" in line or "fontTools" in line] == []
    assert reporter.warnings == []


def test_a_character_no_print_font_has_is_named_in_indonesian():
    """What is left after the plan drops emoji (a private-use character, say): one line, no English."""
    collector = pdf._Collector("id")
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        logger.warning(
            '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (%s)', "\ue000", "U+E000"
        )
        logger.warning(
            'Using fontTools instead of HarfBuzz-Subset for font "%s". This will be ...', "Plus Jakarta Sans"
        )
    finally:
        logger.removeHandler(collector)
    assert collector.messages == [
        "huruf “\ue000” (U+E000) tidak ada di huruf cetak dan tercetak sebagai kotak kosong "
        "(hapus atau ganti karakter itu di isinya)"
    ]
