"""Page weight on a phone (issue 6, in part), from what Chromium actually downloads at
390 px: HTML, CSS and JS as a static host sends them (gzip), photos as they are; no layout
shift; no request to another host."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CHROMIUM, netlify_server

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
