"""QR codes as inline SVG, so a PDF draws them as vectors that stay sharp at any print size."""

from __future__ import annotations

import segno

QUIET_ZONE = 2  # modules of white around the code; the theme's white cell adds more


def svg(url: str) -> str:
    """An `<svg>` element (no size: CSS sets it) encoding `url` at error correction level M."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr", lineclass=None)
