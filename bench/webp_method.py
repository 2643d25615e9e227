"""Choose the WebP `method` by measuring: bytes and encode time per method on real-size photos.

Usage: .venv/bin/python bench/webp_method.py PHOTO [PHOTO ...]
Prints, per method 0-6, the total time to encode every photo at 480/960/1600 px (quality 80)
and the total bytes, so the trade-off in images.py (WEBP_METHOD) is a measured one.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from PIL import Image

WIDTHS = (480, 960, 1600)


def resized(photos: list[Path]) -> list[Image.Image]:
    images = []
    for photo in photos:
        with Image.open(photo) as image:
            image = image.convert("RGB")
            for width in WIDTHS:
                height = round(image.height * width / image.width)
                images.append(image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0))
    return images


def main() -> None:
    photos = [Path(arg) for arg in sys.argv[1:]]
    images = resized(photos)
    print(f"{len(photos)} photos x {len(WIDTHS)} widths")
    print("| method | seconds | KB |")
    print("|---|---|---|")
    for method in range(7):
        started = time.perf_counter()
        size = 0
        for image in images:
            buffer = io.BytesIO()
            image.save(buffer, "WEBP", quality=80, method=method)
            size += buffer.tell()
        print(f"| {method} | {time.perf_counter() - started:.2f} | {size // 1024} |")


if __name__ == "__main__":
    main()
