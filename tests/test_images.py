"""The photo pipeline on the kinds of file editors really send."""

from __future__ import annotations

import io
import unicodedata

from conftest import PRODUCT, options, problems
from PIL import Image
from sitecheck import soup

from catalog import pipeline


def encoded(site, data: bytes, name: str = "melarat.jpg") -> Image.Image:
    text = PRODUCT.replace("images: [melarat.jpg]", f"images: [{name}]")
    content = site(
        {f"ikm/kerupuk-uji/products/{name}": data, "ikm/kerupuk-uji/products/kerupuk-melarat.md": text}
    )
    pipeline.build(options(content))
    out = options(content).out
    fallback = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/").find(
        "img", src=lambda s: s and s.endswith(".jpg")
    )
    with Image.open(out / fallback["src"].lstrip("/")) as image:
        return image.copy()


def saved(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def test_cmyk_jpeg_becomes_rgb(site):
    shown = encoded(site, saved(Image.new("CMYK", (800, 600), (0, 255, 255, 0)), "JPEG"))
    assert shown.mode == "RGB"
    red, green, blue = shown.getpixel((10, 10))
    assert red > 200 and green < 80 and blue < 80


def test_grayscale_and_16_bit_png(site):
    assert encoded(site, saved(Image.new("L", (700, 500), 128), "JPEG")).mode == "RGB"
    sixteen = Image.new("I;16", (700, 500), 40000)
    shown = encoded(site, saved(sixteen, "PNG"), "abu.png")
    assert shown.mode == "RGB" and 140 < shown.getpixel((5, 5))[0] < 170


def test_transparent_photo_gets_a_white_background(site):
    shown = encoded(site, saved(Image.new("RGBA", (600, 600), (0, 0, 0, 0)), "PNG"), "transparan.png")
    assert shown.getpixel((5, 5)) == (255, 255, 255)


def test_animated_gif_uses_its_first_frame(site):
    frames = [Image.new("RGB", (500, 400), color) for color in ("blue", "red")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    shown = encoded(site, buffer.getvalue(), "gerak.gif")
    assert shown.getpixel((5, 5))[2] > 200


def test_nfd_file_name_is_found(site):
    name = "kué.jpg"
    text = PRODUCT.replace("images: [melarat.jpg]", f"images: [{name}]")
    nfd = unicodedata.normalize("NFD", name)
    content = site({f"ikm/kerupuk-uji/products/{nfd}": saved(Image.new("RGB", (300, 300)), "JPEG"),
                    "ikm/kerupuk-uji/products/kerupuk-melarat.md": text})  # fmt: skip
    assert problems(content) == []


def test_nfd_folder_name_is_reported_not_rewritten(site):
    folder = unicodedata.normalize("NFD", "kué-uji")
    found = problems(site({f"ikm/{folder}/index.md": "---\nname: K\nemail: k@uji.id\n---\n"}))
    assert found == [
        "ikm/kué-uji:1: nama berkas/folder 'kué-uji' bukan slug yang sah (huruf kecil a-z, angka, tanda - tunggal)"
    ]


def test_a_png_named_jpg_is_encoded(site):
    image = encoded(site, saved(Image.new("RGB", (900, 600), "purple"), "PNG"))
    assert image.size[0] > 0 and image.getpixel((10, 10))[2] > 100


def test_text_named_jpg_is_a_content_error(site):
    content = site({"ikm/kerupuk-uji/products/melarat.jpg": b"<html>bukan foto</html>"})
    found = problems(content)
    assert len(found) == 1 and found[0].startswith("ikm/kerupuk-uji/products/kerupuk-melarat.md:")
    assert "melarat.jpg" in found[0]
