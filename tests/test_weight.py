"""Page weight on a phone (issue 6, in part), from what Chromium actually downloads at
390 px: HTML, CSS and JS as a static host sends them (gzip), photos as they are; no layout
shift; no request to another host."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CHROMIUM, netlify_server

from catalog import pipeline

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`")

PRODUCT = "/ikm/empal-gentong-mang-darsa/empal-gentong/"
SHIFTS = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture(scope="module")
def server(demo):
    with netlify_server(demo[0]) as base:
        yield base


def downloads(browser, base: str, path: str) -> tuple[dict[str, int], float]:
    """Every URL the page fetched until the network was idle, with the bytes of its body as
    they came over the wire (compressed where the server compressed), and the layout shift."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.add_init_script(SHIFTS)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 4000)  # the lazy photos below, and whatever they might move
    page.wait_for_load_state("networkidle")
    shift = page.evaluate("() => window.__shift")
    fetched = {request.url: request.sizes()["responseBodySize"] for request in finished}
    page.close()
    return fetched, shift


def test_a_product_page_is_light(server, browser, demo):
    out = demo[0]
    fetched, _ = downloads(browser, server, PRODUCT)
    code = {u: size for u, size in fetched.items() if urlsplit(u).path.endswith(("/", ".css", ".js"))}
    photos = {u: size for u, size in fetched.items() if urlsplit(u).path.startswith("/img/")}
    assert len(code) >= 3 and photos  # the page, its style sheet and its script; its photos
    assert all(fetched.values()), fetched  # every body counted, none taken from a cache
    # what came over the wire is the gzip of the file: the server compressed it as Netlify does
    html = (out / PRODUCT.strip("/") / "index.html").read_bytes()
    assert fetched[server + PRODUCT] < len(html) / 2
    assert abs(fetched[server + PRODUCT] - len(gzip.compress(html))) < 0.1 * len(gzip.compress(html))
    assert sum(code.values()) < 50 * 1024, f"HTML + CSS + JS: {code}"
    assert sum(photos.values()) < 150 * 1024, f"photos: {photos}"


@pytest.mark.parametrize(
    "path", ["/", "/kategori/makanan-minuman/", "/ikm/", "/ikm/sanggar-topeng-panji-sekar/", PRODUCT]
)
def test_nothing_moves_and_nothing_leaves_the_site(server, browser, path):
    fetched, shift = downloads(browser, server, path)
    assert [u for u in fetched if not u.startswith(server)] == []
    assert shift < 0.01, f"layout shift {shift:.3f}"


# --- with photos as business owners send them ---------------------------------------------
# The demo's drawn pictures compress several times better than phone photos, whose texture
# is what the encoder pays for. bench/weight.py measures every page kind this way.
PHONE_SIZE = (1600, 1200)  # the largest rendition: a larger original costs time, not bytes
PHONE_GRAIN = 6  # as dense as a photo of a circuit board (tools/phone_photos.py)


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory):
    """The demo with every photo (not the logos) replaced by one of 24 phone-like photos, so
    that no page shows the same photo twice; built without PDFs, feeds or search."""
    from phone_photos import phone_photo

    tmp = tmp_path_factory.mktemp("phone")
    content = tmp / "content"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", content)
    photos = [phone_photo(seed, PHONE_SIZE, quality=90, grain=PHONE_GRAIN) for seed in range(24)]
    files = [f for f in sorted(content.glob("ikm/*/**/*.jpg")) if not f.name.startswith("logo")]
    for n, file in enumerate(files):
        file.write_bytes(photos[n % len(photos)])
    options = pipeline.BuildOptions(
        content=content, out=tmp / "public", cache_dir=tmp / "cache", pdf=False, feeds=False, search=False
    )
    pipeline.build(options)
    with netlify_server(options.out) as base:
        yield base


def first_screen(browser, url: str) -> int:
    """Bytes over the wire for a 390-px phone at a device pixel ratio of 2, without scrolling
    (Chrome still fetches the lazy photos near the screen)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    size = sum(request.sizes()["responseBodySize"] for request in finished)
    context.close()
    return size


@pytest.mark.parametrize(
    ("path", "limit_kb"),
    [
        (PRODUCT, 300),  # the goal (issue 19): met
        # Not yet at 300 KB with photos this dense (docs/benchmarks.md, "Page weight"): held
        # where they are, a little above what bench/weight.py measured, so they only improve.
        ("/", 600),
        ("/kategori/makanan-minuman/", 470),
        ("/ikm/sanggar-topeng-panji-sekar/", 400),
    ],
)
def test_pages_with_phone_photos_stay_light(phone_site, browser, path, limit_kb):
    size = first_screen(browser, phone_site + path)
    assert size <= limit_kb * 1024, f"{path}: {size // 1024} KB"
