"""Photos to web renditions: WebP at several widths plus one JPEG (or PNG) fallback.

Renditions are named by the source's content hash and the encoding parameters, so a
photo is encoded once and reused by every later build from the cache (`.cache/images`);
the output only links to cache files. Originals never reach the output: everything
published (the PDFs' photos too) is re-encoded, EXIF orientation applied, colours converted
to sRGB, and every piece of metadata dropped: EXIF (GPS too), XMP, IPTC, comments, PNG text
chunks and the ICC profile. A cached rendition is reused only while it is the file that was
written (its size, and its hash when its time stamp moved); anything else is encoded again.
Encoding runs in a process pool on every core. HEIC/HEIF photos are read through pillow-heif,
AVIF by Pillow itself.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import io
import json
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps

from catalog.content.model import ImageRef
from catalog.core.jsonfile import read_mapping, write_atomic
from catalog.core.messages import message
from catalog.core.parallel import die_with_parent

# Each width is what a common screen asks for (bench/weight.py, docs/benchmarks.md): 200 a
# gallery thumbnail, 400 a card on a phone (2 columns at 2x), 600 a store in the home's rail,
# 800 a phone-wide photo at 2x (390 px) or 1.75x (412 px), 1600 the product photo on a
# desktop at 2x. As many pixels to encode as the 480/960/1600 before, a third fewer bytes.
PHOTO_WIDTHS = (200, 400, 600, 800, 1600)
LOGO_WIDTHS = (128, 256, 512)
# The JPEG (PNG for logos) for browsers without WebP, link previews (og:image) and the
# product feeds, whose readers want at least 500 px.
FALLBACK_WIDTHS = {"photo": 960, "logo": 256}
WEBP_QUALITY = 75  # 80 before: about 10% more bytes, no difference seen at these sizes
WEBP_METHOD = 2  # measured: bench/webp_method.py, docs/benchmarks.md
JPEG_QUALITY = 82
ENCODER_VERSION = "2"  # 2: colours to sRGB, comments and ICC profiles dropped
MAX_PIXELS = 50_000_000
FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO", "HEIF", "AVIF"}
_ROTATED = {5, 6, 7, 8}
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True, slots=True)
class SourceInfo:
    digest: str
    width: int  # after EXIF orientation
    height: int


@dataclass(frozen=True, slots=True)
class Rendition:
    path: str  # output path, relative to the site root: img/ab/abcd…-960.webp
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Picture:
    """What a template needs for `<picture>`: WebP candidates and one fallback."""

    webp: tuple[Rendition, ...]
    fallback: Rendition  # JPEG, or PNG for logos

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height


@dataclass(frozen=True, slots=True)
class _Job:
    source: str
    kind: str
    key: str
    widths: tuple[int, ...]
    fallback_width: int
    source_width: int

    @property
    def published(self) -> bool:
        """Print renditions stay in the cache: only PDFs embed them."""
        return not self.kind.startswith("print")

    def files(self) -> list[str]:
        """The rendition file names, WebP widths then the fallback."""
        fallback = f"{self.key}-{self.fallback_width}.{'png' if self.kind.endswith('logo') else 'jpg'}"
        return [f"{self.key}-{width}.webp" for width in self.widths] + [fallback]


class ImageStore:
    """Inspects sources, plans renditions, encodes missing ones into the cache."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.index_file = cache_dir / "sources.json"
        self.index: dict[str, list] = read_mapping(self.index_file)
        self.infos: dict[Path, SourceInfo] = {}
        self.fresh: dict[Path, tuple[str, SourceInfo, bool]] = {}  # checked since `learned()`
        self.jobs: dict[str, _Job] = {}
        self.refs: dict[str, ImageRef] = {}
        self.pictures: dict[tuple[Path, str], Picture] = {}
        self.encoded = 0

    # -- inspect (validation) -----------------------------------------------------------
    def check(self, file: Path) -> tuple[str, dict[str, object]] | None:
        """An error key and details when `file` is not a safe, readable image; else None."""
        try:
            stat = file.stat()
        except OSError:
            return "image_unreadable", {}
        stamp = f"{file}|{stat.st_size}|{stat.st_mtime_ns}"
        cached = self.index.get(stamp)
        if cached is not None:
            self.infos[file] = self.fresh.setdefault(file, (stamp, SourceInfo(*cached), False))[1]
            return None
        try:
            info = _inspect(file)
        except _Refused as exc:
            return exc.key, exc.detail
        self.index[stamp] = [info.digest, info.width, info.height]
        self.infos[file] = info
        self.fresh[file] = (stamp, info, True)
        return None

    def learned(self) -> list[tuple[Path, str, SourceInfo, bool]]:
        """What `check` found since the last call, to carry from a worker process to the parent."""
        found = [(file, stamp, info, new) for file, (stamp, info, new) in self.fresh.items()]
        self.fresh = {}
        return found

    def absorb(self, learned: list[tuple[Path, str, SourceInfo, bool]]) -> None:
        for file, stamp, info, new in learned:
            self.infos[file] = info
            if new:
                self.index[stamp] = [info.digest, info.width, info.height]

    # -- plan (rendering) ---------------------------------------------------------------
    def picture(self, ref: ImageRef) -> Picture:
        """The renditions of `ref`; remembers to encode them if the cache lacks them."""
        known = self.pictures.get((ref.file, ref.kind))
        if known is None:
            known = self.pictures[(ref.file, ref.kind)] = self._plan(ref)
        return known

    def _plan(self, ref: ImageRef) -> Picture:
        info = self.infos[ref.file]
        widths_wanted = LOGO_WIDTHS if ref.kind == "logo" else PHOTO_WIDTHS
        widths = tuple(w for w in widths_wanted if w < info.width)
        widths += (info.width,) if info.width <= widths_wanted[-1] else ()
        fallback_width = min(FALLBACK_WIDTHS[ref.kind], info.width)
        quality = f"{WEBP_QUALITY}|{WEBP_METHOD}|{JPEG_QUALITY}"
        params = f"{ENCODER_VERSION}|{ref.kind}|{widths}|{fallback_width}|{quality}"
        key = hashlib.sha256(f"{info.digest}|{params}".encode()).hexdigest()[:24]
        if key not in self.jobs:
            self.jobs[key] = _Job(str(ref.file), ref.kind, key, widths, fallback_width, info.width)
            self.refs[key] = ref
        ext = "png" if ref.kind == "logo" else "jpg"

        def rendition(width: int, suffix: str) -> Rendition:
            height = max(1, round(info.height * width / info.width))
            return Rendition(f"img/{key[:2]}/{key}-{width}.{suffix}", width, height)

        return Picture(
            tuple(rendition(w, "webp") for w in widths),
            rendition(fallback_width, ext),
        )

    def print_file(self, ref: ImageRef, width: int) -> str:
        """A JPEG (PNG for logos) of `ref` at `width` px for a PDF, kept in the cache only:
        its path relative to the cache folder (`images/ab/<key>-<width>.jpg`)."""
        info = self.infos[ref.file]
        width = max(1, min(width, info.width))
        kind = "print-logo" if ref.kind == "logo" else "print"
        params = f"{ENCODER_VERSION}|{kind}|{width}|{JPEG_QUALITY}"
        key = hashlib.sha256(f"{info.digest}|{params}".encode()).hexdigest()[:24]
        if key not in self.jobs:
            self.jobs[key] = _Job(str(ref.file), kind, key, (), width, info.width)
            self.refs[key] = ref
        return f"{self.cache_dir.name}/{key[:2]}/{self.jobs[key].files()[0]}"

    def source_size(self, ref: ImageRef) -> tuple[int, int]:
        info = self.infos[ref.file]
        return info.width, info.height

    # -- encode ------------------------------------------------------------------------
    def encode(self, workers: int, progress: Callable[[int, int], None]) -> list[tuple[ImageRef, str]]:
        """Encode every planned picture missing from the cache; return (ref, reason) failures."""
        todo = [job for job in self.jobs.values() if not _intact(self.cache_dir / job.key[:2], job)]
        self.encoded = len(todo)
        progress(0, len(todo))
        return self._encode_all(todo, workers, progress) if todo else []

    def _encode_all(
        self, todo: list[_Job], workers: int, progress: Callable[[int, int], None]
    ) -> list[tuple[ImageRef, str]]:
        failures: list[tuple[ImageRef, str]] = []
        if workers <= 1 or len(todo) == 1:
            results: Iterable = ((job, _safe_encode(job, self.cache_dir)) for job in todo)
            for done, (job, error) in enumerate(results, 1):
                if error:
                    failures.append((self.refs[job.key], error))
                progress(done, len(todo))
            return failures
        with ProcessPoolExecutor(workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(_safe_encode, job, self.cache_dir): job for job in todo}
            for done, future in enumerate(as_completed(futures), 1):
                error = future.result()
                if error:
                    failures.append((self.refs[futures[future].key], error))
                progress(done, len(todo))
        return failures

    @property
    def published(self) -> int:
        """How many photos the website shows (print renditions not counted)."""
        return sum(1 for job in self.jobs.values() if job.published)

    def outputs(self) -> list[tuple[str, Path]]:
        """(output path, cache file) for every planned rendition, sorted."""
        found = []
        for job in self.jobs.values():
            if not job.published:
                continue
            shard = job.key[:2]
            found += [(f"img/{shard}/{name}", self.cache_dir / shard / name) for name in job.files()]
        return sorted(found)

    def save_index(self) -> None:
        """Persist what was inspected, pruned to the sources this build used."""
        used = {str(file) for file in self.infos}
        kept = {stamp: value for stamp, value in self.index.items() if stamp.rsplit("|", 2)[0] in used}
        write_atomic(self.index_file, json.dumps(kept, sort_keys=True))


def _intact(folder: Path, job: _Job) -> bool:
    """Whether every rendition of `job` is in the cache as it was written: the size always
    (a truncated file), the hash when the time stamp moved (bytes changed in place)."""
    written = read_mapping(folder / f"{job.key}.done")
    for name in job.files():
        try:
            stat = (folder / name).stat()
            size, mtime, digest = written[name]
        except (OSError, KeyError, TypeError, ValueError):
            return False
        if stat.st_size != size or (stat.st_mtime_ns != mtime and _digest(folder / name) != digest):
            return False
    return True


def _digest(file: Path) -> str:
    with file.open("rb") as opened:
        return hashlib.file_digest(opened, "sha256").hexdigest()


class _Refused(Exception):
    def __init__(self, key: str, **detail: object) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


@contextlib.contextmanager
def strict_decoding() -> Iterator[None]:
    """Truncated files are errors here, whatever another library (WeasyPrint) set globally."""
    saved = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = saved


@functools.cache
def read_heif() -> None:
    """Teach Pillow HEIC/HEIF, on first need: importing pillow-heif takes 40 ms, and a build
    whose photos are all known from the cache's index opens none."""
    import pillow_heif

    pillow_heif.register_heif_opener()


def _inspect(file: Path) -> SourceInfo:
    read_heif()
    try:
        data = file.read_bytes()
    except OSError:
        raise _Refused("image_unreadable") from None
    try:
        with warnings.catch_warnings(), strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                if image.format not in FORMATS:
                    raise _Refused("image_format", fmt=image.format or "?")
                width, height = image.size
                orientation = image.getexif().get(0x0112, 1)
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # JPEG: decode at 1/8
                image.load()  # a truncated or corrupt file fails here, at `check` already
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        # Pillow refuses at open (MAX_IMAGE_PIXELS = MAX_PIXELS) and names the size it read
        found = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = round(int(found.group(1)) / 1e6) if found else f"> {MAX_PIXELS // 1_000_000}"
        raise _Refused("image_bomb", pixels=pixels, limit=MAX_PIXELS // 1_000_000) from None
    except _Refused:
        raise
    except Exception:  # Pillow raises many kinds for broken files, all in its own English
        raise _unreadable(data) from None
    if orientation in _ROTATED:
        width, height = height, width
    return SourceInfo(hashlib.sha256(data).hexdigest(), width, height)


# What a file Pillow cannot read says it is, by its first bytes (ISO BMFF brands at 8..12).
_MAGIC = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG", "PNG"), (b"GIF8", "GIF"), (b"%PDF", "PDF"))
_BRANDS = {b"heic": "HEIF", b"heix": "HEIF", b"mif1": "HEIF", b"msf1": "HEIF", b"avif": "AVIF"}


def _unreadable(data: bytes) -> _Refused:
    """Why Pillow could not read `data`, as a message an editor can act on (never Pillow's
    English): empty, an SVG, text such as a saved web page, a damaged photo, another format."""
    if not data:
        return _Refused("image_empty")
    head = data[:4096]
    if b"<svg" in head.lower():
        return _Refused("image_svg")
    fmt = next((name for magic, name in _MAGIC if head.startswith(magic)), None)
    if head[4:8] == b"ftyp":
        fmt = _BRANDS.get(head[8:12], "MP4/MOV")
    elif head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        fmt = "WEBP"
    if fmt in FORMATS:
        return _Refused("image_damaged", fmt=_SHOWN.get(fmt, fmt))
    if fmt is not None:
        return _Refused("image_format", fmt=fmt)
    if _is_text(head):
        return _Refused("image_text")
    return _Refused("image_invalid")


_SHOWN = {"HEIF": "HEIC", "WEBP": "WebP"}


def unreadable_message(file: Path, language: str) -> str:
    """Why `file` could not be read as a photo, in the editor's language (`foto` reports it)."""
    try:
        refused = _unreadable(file.read_bytes())
    except OSError:
        refused = _Refused("image_unreadable")
    return message(refused.key, language, path=file.name, **refused.detail)


def _is_text(head: bytes) -> bool:
    try:  # incremental: a character cut at the end of `head` is no reason to say "not text"
        text = codecs.getincrementaldecoder("utf-8")().decode(head)
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char.isspace() for char in text)


def _reason(exc: Exception) -> str:
    return str(exc).split("\n", 1)[0] or type(exc).__name__


def _safe_encode(job: _Job, cache_dir: Path) -> str | None:
    """Worker entry point: encode one source; a readable reason instead of an exception."""
    try:
        _encode(job, cache_dir)
    except Exception as exc:
        return _reason(exc)
    return None


def _encode(job: _Job, cache_dir: Path) -> None:
    read_heif()
    folder = cache_dir / job.key[:2]
    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), strict_decoding():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(job.source) as opened:
            if opened.format == "JPEG":
                scale = max((*job.widths, job.fallback_width)) / job.source_width
                opened.draft("RGB", (math.ceil(opened.width * scale), math.ceil(opened.height * scale)))
            opened.load()
            image = _normalize(
                ImageOps.exif_transpose(opened), "logo" if job.kind.endswith("logo") else "photo"
            )
    *webp_names, fallback_name = job.files()
    for width, name in zip(job.widths, webp_names, strict=True):
        _save(_resized(image, width), folder / name, "WEBP")
    fallback_format = "PNG" if job.kind.endswith("logo") else "JPEG"
    _save(_resized(image, job.fallback_width), folder / fallback_name, fallback_format)
    written = {}
    for name in job.files():
        stat = (folder / name).stat()
        written[name] = [stat.st_size, stat.st_mtime_ns, _digest(folder / name)]
    write_atomic(folder / f"{job.key}.done", json.dumps(written))


def _normalize(image: Image.Image, kind: str) -> Image.Image:
    """RGB (photos) or RGBA (logos) in sRGB, whatever the source mode (CMYK, 16-bit, palette)
    and profile, with no metadata left: Pillow's writers copy a comment and an ICC profile
    from `info` into the file, and EXIF, XMP, IPTC and PNG text ride there too."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    mode = "RGBA" if has_alpha else "RGB"
    image = _to_srgb(image, mode)
    if kind != "logo" and has_alpha:
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image).convert("RGB")
    image.info.clear()
    return image


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """`image` in `mode`, its embedded colour profile (Display P3 from a phone, Adobe RGB,
    a printer's CMYK) applied, so the colours stay once the profile is dropped."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        colour = image.convert("RGB") if image.mode == "RGBA" else image
        try:
            converted = ImageCms.profileToProfile(colour, io.BytesIO(icc), _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile, or one for another mode: colours as they are
        if converted is not None:
            if mode == "RGBA":
                converted.putalpha(image.getchannel("A") if image.mode == "RGBA" else 255)
            return converted
    return image.convert(mode)


def _resized(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _save(image: Image.Image, target: Path, fmt: str) -> None:
    """Write through a temporary name so an interrupted build never leaves half a file."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    if fmt == "WEBP":
        image.save(tmp, fmt, quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif fmt == "JPEG":
        image.save(tmp, fmt, quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(tmp, fmt, optimize=True)
    tmp.replace(target)
