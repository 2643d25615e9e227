"""Accessibility of every kind of page (issue 6, in part): axe-core finds no violation, in
Indonesian and English, at phone and desktop width; the keyboard reaches every link and
button, always with a visible focus ring, starting with a skip link."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, DEMO_PAGES, netlify_server

from catalog import pipeline

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules/axe-core/axe.min.js"
PAGES = [path if path != "/cari/" else "/cari/?q=batik" for path in DEMO_PAGES]  # search with results

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by `make test` (npm ci)"),
]


@pytest.fixture(scope="module")
def sites(demo, tmp_path_factory) -> Iterator[dict[str, str]]:
    """The demo served in Indonesian (as built) and in English (its site.yaml switched)."""
    tmp = tmp_path_factory.mktemp("a11y")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("language: id", "language: en"))
    english = pipeline.BuildOptions(
        content=content, out=tmp / "en", cache_dir=demo[0].parent / "cache", pdf=False
    )
    pipeline.build(english)
    with netlify_server(demo[0]) as indonesian, netlify_server(english.out) as english_base:
        yield {"id": indonesian, "en": english_base}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violation(sites, browser, language, width):
    # axe is injected from outside the page: the page's own policy forbids foreign scripts.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(sites[language] + path)
        page.wait_for_load_state("networkidle")
        if path.startswith("/cari/"):
            page.wait_for_selector("#hasil li")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
        )
        found += [f"{path}: {violation}" for violation in violations]
    context.close()
    assert found == []


@pytest.mark.parametrize("path", PAGES)
def test_keyboard_reaches_everything_with_a_visible_focus(sites, browser, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(sites["id"] + path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    page.goto(sites["id"] + path)
    if path.startswith("/cari/"):
        page.wait_for_selector("#hasil li")  # the results' links too
    page.evaluate(
        "() => { window.reachable = [...document.querySelectorAll("
        "'a[href], button, input, select, summary, [tabindex=\"0\"]')]"
        ".filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'"
        # what a closed <details> holds is not reachable until it is opened, but its summary
        " && (!e.closest('details:not([open])') || e.matches('details:not([open]) > summary'))); }"
    )
    reachable = page.evaluate("() => window.reachable.length")
    seen, unringed = set(), []
    for _ in range(reachable + 5):
        page.keyboard.press("Tab")
        index, ring = page.evaluate(
            """() => {
              const e = document.activeElement;
              const own = getComputedStyle(e);
              const card = e.closest('.pcard, .store, .tenant');
              const ring = own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) >= 2
                || Boolean(card && getComputedStyle(card).boxShadow !== 'none');
              if (e === document.body) return [-1, true];  // past the last stop
              return [window.reachable.indexOf(e), ring];
            }"""
        )
        seen.add(index)
        if not ring:  # a stop without a ring; -1: one that is not a link or control
            unringed.append(index)
    assert unringed == [], path
    assert set(range(reachable)) <= seen, path  # every visible link and control took the focus
    page.close()
