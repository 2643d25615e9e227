"""Page weight on a phone with photos as business owners send them.

The demo's drawn pictures compress several times better than phone photos, so this copies
the demo content, replaces every product photo and business cover with a phone-like photo
(tools/phone_photos.py, 2500 px on the long edge: what `python build.py foto` leaves), builds
the site without PDFs, serves it as Netlify does (gzip) and loads one page of each kind in
Chromium at 390x844 with a device pixel ratio of 2, scrolled to the bottom. Reported: bytes
over the wire per page (HTML, CSS, JS, fonts, photos). Goal (issue 19): at most 300 KB.

Usage: .venv/bin/python bench/weight.py [--work /dev/shm/weight] [--dpr 2] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]
from netlify_serve import netlify_server  # noqa: E402
from phone_photos import phone_photo  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from catalog import pipeline  # noqa: E402

PAGES = {
    "home": "/",
    "category": "/kategori/makanan-minuman/",
    "store": "/ikm/sanggar-topeng-panji-sekar/",
    "product": "/ikm/empal-gentong-mang-darsa/empal-gentong/",
    "directory": "/ikm/",
}
SIZE = (2500, 1875)
GRAIN = 10  # a 400-px WebP of about 32 KB, as a real photo of a circuit board (dense detail) gives


def phone_content(target: Path) -> int:
    """The demo content with its photos swapped for phone-like ones (same names, each photo a
    different one: a page showing one twice would fetch it once); the count."""
    shutil.copytree(ROOT / "content", target)
    files = [file for file in sorted(target.glob("ikm/*/**/*.jpg")) if not file.name.startswith("logo")]
    for seed, file in enumerate(files):
        file.write_bytes(phone_photo(seed, SIZE, quality=90, grain=GRAIN))
    return len(files)


def weigh(base: str, dpr: float, scroll: bool) -> dict[str, dict[str, int]]:
    """Bytes per kind of resource for each page, as Chromium received them: the first screen
    (what Lighthouse weighs; Chrome also fetches the lazy photos within 1,250 px of it on 4G,
    3,000 px here, which made no difference on these pages), or with `scroll` everything
    down to the page's end."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        found = {name: _weigh_page(browser, base + path, dpr, scroll) for name, path in PAGES.items()}
        browser.close()
    return found


def _weigh_page(browser: Any, url: str, dpr: float, scroll: bool) -> dict[str, int]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=dpr)
    page = context.new_page()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    for _ in range(8 if scroll else 0):
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(150)
    page.wait_for_load_state("networkidle")
    kinds: dict[str, int] = {}
    for request in finished:
        path = urlsplit(request.url).path
        kind = "photos" if path.startswith("/img/") else path.rsplit(".", 1)[-1] if "." in path else "html"
        kinds[kind] = kinds.get(kind, 0) + request.sizes()["responseBodySize"]
    context.close()
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/weight"))
    parser.add_argument("--dpr", type=float, default=2)
    parser.add_argument("--keep", action="store_true", help="reuse the content and cache of a last run")
    args = parser.parse_args()
    content = args.work / "content"
    if not (args.keep and content.exists()):
        shutil.rmtree(args.work, ignore_errors=True)
        print(f"{phone_content(content)} photos replaced by phone-like ones")
    options = pipeline.BuildOptions(
        content=content, out=args.work / "public", cache_dir=args.work / "cache", pdf=False, feeds=False
    )
    pipeline.build(options)
    with netlify_server(options.out) as base:
        for scroll in (False, True):
            found = weigh(base, args.dpr, scroll)
            where = "scrolled to the end" if scroll else "first screen"
            print(f"390 px, device pixel ratio {args.dpr}, {where}, KB over the wire:")
            for name, kinds in found.items():
                parts = ", ".join(f"{kind} {size / 1024:.0f}" for kind, size in sorted(kinds.items()))
                print(f"  {name:10} {sum(kinds.values()) / 1024:6.0f}  ({parts})")


if __name__ == "__main__":
    main()
