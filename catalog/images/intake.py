"""Photos at intake: shrink the originals an office hands in to what print needs.

A phone photo is 3-5 MB; at 60,000 photos that is a repository of hundreds of gigabytes,
while an A4 page at 300 ppi needs at most about 2,500 px on the long edge. So a photo is
rewritten in place, once, when it is larger than that, when it is a JPEG saved far heavier
than print needs, or when it carries a GPS location (a public repository would publish the
owner's home). The rewrite applies the EXIF orientation, converts the colours to sRGB,
drops every metadata block and keeps the format, so no entry's file name changes. It writes
through a temporary file, and a second run changes nothing (docs/photos.md).
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms

from catalog.core.jsonfile import write_atomic
from catalog.images import store as images  # noqa: F401  (the build's 50 MP limit and its HEIC/HEIF opener)
from catalog.images.store import read_heif, strict_decoding, unreadable_message

LONG_EDGE = 2500  # A4 at 300 ppi
JPEG_QUALITY = 88  # 4:2:0; measured in docs/benchmarks.md
HEAVY_BYTES = 1_500_000  # a JPEG heavier than this at <= LONG_EDGE ...
HEAVY_QUALITY = 90  # ... and saved above this quality is re-encoded
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif"}
SAVE_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "HEIF", "AVIF": "AVIF"}
SAVE_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": JPEG_QUALITY, "subsampling": 2, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "HEIF": {"quality": JPEG_QUALITY},
    "AVIF": {"quality": 80},
}
GPS_IFD = 0x8825
ORIENTATION = 0x0112
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}  # fmt: skip
# The IJG luminance table that JPEG quality settings scale (libjpeg, Annex K of T.81).
_IJG_LUMINANCE_SUM = sum(
    [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
     14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
     49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Change:
    """One photo rewritten (or, in a dry run, to be rewritten)."""

    path: Path
    reason: str  # "besar", "berat" or "gps"
    before: tuple[int, int]
    after: tuple[int, int]
    bytes_before: int
    bytes_after: int


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    detail: str


def photos(paths: Iterable[Path]) -> Iterator[Path]:
    """Every photo file under the given files and folders, hidden ones left out, sorted."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if not any(part.startswith(".") for part in p.parts))
            yield from sorted(p for p in found if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES:
            yield path


def shrink(file: Path, dry_run: bool = False) -> Change | None:
    """Rewrite `file` if it needs it; None when it is already fine. Raises on a broken file,
    leaving it as it was."""
    size = file.stat().st_size
    read_heif()
    with strict_decoding(), Image.open(file) as image:
        reason = _reason(image, size)
        if reason is None or image.format not in SAVE_AS:
            return None
        orientation = image.getexif().get(ORIENTATION, 1)
        before, target = _upright(image.size, orientation), _fitted(image.size)
        if dry_run:
            return Change(file, reason, before, _upright(target, orientation), size, size)
        data = _encode(image, target, SAVE_AS[image.format], orientation)
    write_atomic(file, data, durable=True)  # a reader sees the old photo or the new one
    with Image.open(io.BytesIO(data)) as written:
        return Change(file, reason, before, written.size, size, len(data))


def _reason(image: Image.Image, size: int) -> str | None:
    if max(image.size) > LONG_EDGE:
        return "besar"
    if image.format in ("JPEG", "MPO") and size > HEAVY_BYTES and _jpeg_quality(image) > HEAVY_QUALITY:
        return "berat"
    if image.getexif().get_ifd(GPS_IFD):
        return "gps"
    return None


def _jpeg_quality(image: Image.Image) -> float:
    """The IJG quality a JPEG was saved at, estimated from its luminance table."""
    tables = getattr(image, "quantization", None) or {}
    if 0 not in tables:
        return 100.0
    scale = sum(tables[0]) * 100 / _IJG_LUMINANCE_SUM
    return (200 - scale) / 2 if scale <= 100 else 5000 / scale


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """`size` scaled so its long edge is at most LONG_EDGE; never enlarged."""
    width, height = size
    scale = min(1.0, LONG_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _upright(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """`size` as shown, after the EXIF orientation (5-8 swap width and height)."""
    return (size[1], size[0]) if orientation in (5, 6, 7, 8) else size


def _encode(image: Image.Image, target: tuple[int, int], fmt: str, orientation: int) -> bytes:
    """The photo upright, at `target`, in sRGB, with no metadata, encoded as `fmt`."""
    icc = image.info.get("icc_profile")
    if image.format == "JPEG":
        image.draft(image.mode, target)  # decode at 1/2, 1/4... when that is still >= target
    image.load()
    pixels = _plain_mode(image)
    if pixels.size != target:
        pixels = pixels.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    pixels = _bare(_srgb(pixels, icc))
    if orientation in TRANSPOSE:
        pixels = pixels.transpose(TRANSPOSE[orientation])
    if fmt == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    out = io.BytesIO()
    pixels.save(out, fmt, **SAVE_OPTIONS[fmt])
    return out.getvalue()


def _plain_mode(image: Image.Image) -> Image.Image:
    """RGB, RGBA, L or LA: modes that resize and convert cleanly."""
    if image.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    if image.mode.startswith("I"):  # 16-bit greyscale
        return image.point(lambda value: value / 256).convert("L")
    has_alpha = "transparency" in image.info or image.mode in ("PA", "RGBa")
    return image.convert("RGBA" if has_alpha else "RGB")


def _srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Colours converted from the embedded profile to sRGB, which a file without one means."""
    if not icc:
        return image.convert("RGB") if image.mode == "CMYK" else image
    mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
    if image.mode == "LA":
        image = image.convert("RGBA")
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):  # a broken profile: keep the numbers
        return image.convert(mode)


def _bare(pixels: Image.Image) -> Image.Image:
    """The pixels alone: no EXIF, XMP, IPTC, comment or profile travels into the file."""
    bare = Image.new(pixels.mode, pixels.size)
    bare.paste(pixels)
    return bare


def run(files: Iterable[Path], dry_run: bool = False) -> tuple[list[Change], list[Path], list[Failure]]:
    """Shrink every file; return what changed, what was already fine and what failed."""
    changed: list[Change] = []
    fine: list[Path] = []
    failed: list[Failure] = []
    for file in files:
        try:
            change = shrink(file, dry_run)
        except Exception:  # Pillow raises many kinds for broken files, all in its own English
            failed.append(Failure(file, unreadable_message(file, "id")))
            continue
        if change is None:
            fine.append(file)
        else:
            changed.append(change)
    return changed, fine, failed


def staged(content: Path) -> tuple[list[Path], list[Path]]:
    """Photos staged for commit under `content`: those whose folder copy is what is staged,
    and those changed again after `git add` (their staged copy cannot be shrunk in place)."""
    names = _git(
        "diff", "--cached", "--name-only", "--diff-filter=ACMR", "--relative", "-z", "--", f"{content}"
    )
    wanted = [Path(name) for name in names if Path(name).suffix.lower() in SUFFIXES]
    if not wanted:
        return [], []
    dirty = {Path(name) for name in _git("diff", "--name-only", "--relative", "-z", "--", *map(str, wanted))}
    return [p for p in wanted if p not in dirty], [p for p in wanted if p in dirty]


def restage(files: Iterable[Path]) -> None:
    """Stage the shrunk photos again, so the commit takes them instead of the originals."""
    paths = [str(file) for file in files]
    if paths:
        _git("add", "--", *paths)


def _git(*args: str) -> list[str]:
    done = subprocess.run(["git", *args], capture_output=True, check=True)
    return [name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


REASONS = {"besar": "", "berat": " (disimpan ulang: berkas terlalu berat)", "gps": " (lokasi GPS dibuang)"}


def describe(change: Change, dry_run: bool) -> str:
    """One line per photo, in Indonesian: what changed and how many bytes it saved."""
    sizes, why = f"{_px(change.before)} → {_px(change.after)}", REASONS[change.reason]
    if dry_run:
        return f"{change.path}: akan diperkecil {sizes} ({megabytes(change.bytes_before)}){why}"
    weights = f"{megabytes(change.bytes_before)} → {megabytes(change.bytes_after)}"
    return f"{change.path}: {sizes}, {weights}{why}"


def summary(changed: list[Change], fine: int, dry_run: bool) -> str:
    """The closing line: how many photos changed and the bytes saved."""
    if not changed:
        return f"Tidak ada foto yang perlu diperkecil ({fine} foto sudah pas)."
    if dry_run:
        return f"{len(changed)} foto akan diperkecil (belum diubah); {fine} foto sudah pas."
    before = sum(change.bytes_before for change in changed)
    after = sum(change.bytes_after for change in changed)
    saved = f"{megabytes(before)} → {megabytes(after)}, hemat {megabytes(before - after)}"
    return f"{len(changed)} foto diperkecil ({saved}); {fine} foto sudah pas."


def megabytes(count: int) -> str:
    """Bytes as megabytes with a decimal comma, as an Indonesian reader writes them."""
    return f"{count / 1e6:.1f} MB".replace(".", ",")


def _px(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"
