"""The demo site in a real browser (Debian's chromium through Playwright) at phone and desktop width."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO_PAGES, netlify_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = DEMO_PAGES

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`")


@pytest.fixture(scope="module")
def server(demo) -> Iterator[str]:
    with netlify_server(demo[0]) as base:
        yield base


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_render_cleanly(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "request", lambda request: None if request.url.startswith(server) else problems.append(request.url)
    )
    for path in PAGES:
        page.goto(server + path, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(150)
        assert page.locator("h1").count() == 1, path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        broken = page.evaluate(
            "[...document.images].filter(i => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy')"
            ".map(i => i.currentSrc || i.src)"
        )
        assert broken == [], path
        missing_alt = page.evaluate("[...document.images].filter(i => !i.hasAttribute('alt')).length")
        assert missing_alt == 0, path
    page.close()
    assert problems == []


def test_menu_works_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + "/")
    page.click("a.menu-toggle")
    assert page.locator("#menu").is_visible()
    page.locator("#menu a[href='/ikm/']").first.click()
    assert page.url.endswith("/ikm/")
    context.close()


def test_gallery_thumbnail_shows_its_photo(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(server + "/ikm/empal-gentong-mang-darsa/empal-gentong/", wait_until="networkidle")
    page.locator("[data-gallery] .thumbs a").nth(1).click()
    page.wait_for_timeout(600)  # smooth scrolling of the photo strip
    assert page.evaluate("document.querySelector('[data-gallery] .gallery-main').scrollLeft") > 100
    assert page.locator("[data-gallery] .thumbs a").nth(1).get_attribute("aria-current") == "true"
    page.close()
