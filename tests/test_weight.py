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


def downloads(browser, base: str, path: str) -> tuple[list[str], float]:
    """Every URL the page fetched until the network was idle, and its layout shift."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.add_init_script(SHIFTS)
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 4000)  # the lazy photos below, and whatever they might move
    page.wait_for_load_state("networkidle")
    shift = page.evaluate("() => window.__shift")
    page.close()
    return fetched, shift


def served(out: Path, url: str) -> bytes:
    path = urlsplit(url).path
    return (out / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_bytes()


def test_a_product_page_is_light(server, browser, demo):
    out = demo[0]
    fetched, _ = downloads(browser, server, PRODUCT)
    code = sum(
        len(gzip.compress(served(out, u))) for u in fetched if urlsplit(u).path.endswith(("/", ".css", ".js"))
    )
    photos = sum(len(served(out, u)) for u in fetched if urlsplit(u).path.startswith("/img/"))
    assert code < 50 * 1024, f"HTML + CSS + JS: {code} bytes"
    assert 0 < photos < 150 * 1024, f"photos: {photos} bytes"


@pytest.mark.parametrize(
    "path", ["/", "/kategori/makanan-minuman/", "/ikm/", "/ikm/sanggar-topeng-panji-sekar/", PRODUCT]
)
def test_nothing_moves_and_nothing_leaves_the_site(server, browser, path):
    fetched, shift = downloads(browser, server, path)
    assert [u for u in fetched if not u.startswith(server)] == []
    assert shift < 0.01, f"layout shift {shift:.3f}"
