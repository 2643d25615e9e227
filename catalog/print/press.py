"""The print-shop editions (`print.press: true`): PDF/X-4 with a CMYK output intent.

WeasyPrint writes every CSS and SVG colour as RGB. The press edition is laid out like the
web edition and then, before the file is written (WeasyPrint's `finisher`), every RGB
colour operator of every content stream becomes its CMYK value through the profile, every
transparency group's colour space becomes CMYK, and the profile is the output intent.
Photos and logos are converted when the fetcher hands them over (CMYK JPEGs, which
WeasyPrint embeds as they are). The profile is found on the machine: `GALERI_CMYK_PROFILE`,
else a FOGRA39 profile of Debian's `icc-profiles-free`, else Ghostscript's default CMYK.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pydyf
from PIL import Image, ImageCms

PROFILE_DIR = Path("/usr/share/color/icc")
# In order of preference: FOGRA39 (ISO Coated v2, offset on coated paper, what Indonesian
# print shops print catalogs on) from icc-profiles-free, then Ghostscript's default CMYK.
CANDIDATES = ("iso*coated*v2*", "*fogra39*", "default_cmyk.icc")
JPEG_QUALITY = 92


class NoProfile(RuntimeError):
    """No CMYK profile on this machine: the press editions cannot be made."""


@cache
def profile_path() -> Path:
    named = os.environ.get("GALERI_CMYK_PROFILE")
    if named:
        return Path(named)
    files = sorted(p for p in PROFILE_DIR.rglob("*") if p.suffix.lower() in (".icc", ".icm"))
    for pattern in CANDIDATES:
        found = [p for p in files if Path(p.name.lower()).match(pattern)]
        if found:
            return found[0]
    raise NoProfile(
        f"no CMYK ICC profile in {PROFILE_DIR} (install icc-profiles-free, or set GALERI_CMYK_PROFILE)"
    )


@cache
def _transform() -> ImageCms.ImageCmsTransform:
    """sRGB to the press profile, perceptual: what a photo and a brand colour should look like."""
    cmyk = ImageCms.getOpenProfile(str(profile_path()))
    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), cmyk, "RGB", "CMYK")


@cache
def cmyk(r: float, g: float, b: float) -> tuple[float, float, float, float]:
    """An sRGB colour (0..1 channels) as CMYK through the profile; pure black is black ink only."""
    if r == g == b == 0:
        return (0.0, 0.0, 0.0, 1.0)
    pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (r, g, b)))
    c, m, y, k = ImageCms.applyTransform(pixel, _transform()).getpixel((0, 0))
    return tuple(round(v / 255, 4) for v in (c, m, y, k))  # type: ignore[return-value]


def image(data: bytes, folder: Path) -> bytes:
    """A photo or logo (JPEG or PNG) as a CMYK JPEG, converted once into `folder` (the
    whole catalog and its category's print the same photos); transparency flattened onto
    white (every logo stands on a white box)."""
    key = hashlib.sha256(data + profile_path().read_bytes()[:4096] + str(JPEG_QUALITY).encode())
    file = folder / f"{key.hexdigest()[:32]}.jpg"
    if file.is_file():
        return file.read_bytes()
    converted = _convert(data)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    tmp.write_bytes(converted)
    tmp.replace(file)
    return converted


def _convert(data: bytes) -> bytes:
    picture = Image.open(io.BytesIO(data))
    if picture.mode in ("RGBA", "LA", "P", "PA"):
        picture = picture.convert("RGBA")
        ground = Image.new("RGBA", picture.size, "white")
        picture = Image.alpha_composite(ground, picture)
    converted = ImageCms.applyTransform(picture.convert("RGB"), _transform())
    out = io.BytesIO()
    converted.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


_RGB_OP = re.compile(rb"^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (rg|RG)$")


def finish(pdf: pydyf.PDF) -> None:
    """Every RGB colour in the document as CMYK, and the profile as the output intent."""
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream):
            obj.stream = [_operator(item) for item in obj.stream]
            _no_rgb(obj.extra)
        elif isinstance(obj, dict):
            _no_rgb(obj)
    profile = pydyf.Stream([profile_path().read_bytes()], {"N": 4}, compress=True)
    pdf.add_object(profile)
    name = pydyf.String(profile_path().stem)
    pdf.catalog["OutputIntents"] = pydyf.Array([
        pydyf.Dictionary({
            "Type": "/OutputIntent", "S": "/GTS_PDFX", "OutputConditionIdentifier": name,
            "Info": name, "DestOutputProfile": profile.reference,
        })
    ])  # fmt: skip


def _operator(item: Any) -> Any:
    if not isinstance(item, bytes):
        return item
    found = _RGB_OP.match(item)
    if found is None:
        return item
    values = cmyk(*(float(found[n]) for n in (1, 2, 3)))
    return b" ".join(f"{v:g}".encode() for v in values) + (b" K" if found[4] == b"RG" else b" k")


def _no_rgb(obj: dict[str, Any]) -> None:
    """Transparency groups and colour spaces named RGB become CMYK."""
    for key, value in obj.items():
        if value == "/DeviceRGB":
            obj[key] = "/DeviceCMYK"
        elif isinstance(value, dict):
            _no_rgb(value)
