"""Give N products of a corpus a tiny photo of their own, for timing the warm photo pass.

The warm pass (every photo already in the cache) costs per source file, not per pixel,
so 64x48 photos measure it as well as real ones, in seconds instead of an hour of encoding.
Usage: .venv/bin/python bench/add_tiny_photos.py CONTENT_DIR N
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image


def add_photos(content: Path, wanted: int) -> int:
    made = 0
    for product in sorted(content.glob("ikm/*/products/*.md")):
        if made >= wanted:
            break
        text = product.read_text(encoding="utf-8")
        if not text.startswith("---") or "\nimages:" in text:
            continue
        image = Image.new("RGB", (64, 48), (made % 256, (made // 256) % 256, 99))
        image.save(product.with_suffix(".jpg"), "JPEG")
        with_photo = text.replace("\n---\n", f"\nimages: [{product.stem}.jpg]\n---\n", 1)
        product.write_text(with_photo, encoding="utf-8")
        made += 1
    return made


if __name__ == "__main__":
    print(add_photos(Path(sys.argv[1]), int(sys.argv[2])), "products got a photo")
