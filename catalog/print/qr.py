"""QR codes as tiny 1-bit PNGs, one module per pixel, drawn unsmoothed (`image-rendering:
pixelated`), so they print with sharp module edges at any size. Measured: a PDF lays out
and draws these about five times faster than the same codes as SVG paths.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno

QUIET_ZONE = 2  # modules of white around the code; the theme's white box adds more


def png(url: str, folder: Path) -> Path:
    """The PNG of `url`'s QR code (error correction M) in `folder`, written once."""
    name = hashlib.sha256(f"{segno.__version__}|{QUIET_ZONE}|{url}".encode()).hexdigest()[:24]
    file = folder / f"{name}.png"
    if not file.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        segno.make(url, error="m", micro=False).save(tmp, kind="png", scale=1, border=QUIET_ZONE)
        tmp.replace(file)
    return file
