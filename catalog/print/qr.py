"""QR codes as SVG vector paths: sharp at any print resolution and in any rendering (a
bitmap of one pixel per module is smoothed by viewers and rasterisers, and a 150-dpi
rendering of it decoded nothing). One path per code (segno draws a module row as one
line), so a page of six codes lays out quickly.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno

QUIET_ZONE = 2  # modules of white in the code; the white around it (cell, box) adds the rest
INK = "#000"


def svg(url: str, folder: Path) -> Path:
    """The SVG of `url`'s QR code (error correction M) in `folder`, written once."""
    name = hashlib.sha256(f"{segno.__version__}|{QUIET_ZONE}|svg|{url}".encode()).hexdigest()[:24]
    file = folder / f"{name}.svg"
    if not file.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        code = segno.make(url, error="m", micro=False)
        code.save(tmp, kind="svg", border=QUIET_ZONE, dark=INK, light="#fff", xmldecl=False, omitsize=True)
        tmp.replace(file)
    return file
