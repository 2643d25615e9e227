"""netlify.toml: the build it runs, and its headers served to a real browser (no CSP violation)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, DEMO_PAGES, headers_for, netlify_server

from catalog import pipeline

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
PAGES = [*(path for path in DEMO_PAGES if path != "/404.html"), "/halaman-yang-tidak-ada/"]


def test_the_build_installs_builds_and_keeps_the_image_cache(monkeypatch):
    monkeypatch.delenv("GALERI_CACHE_DIR", raising=False)
    build = CONFIG["build"]
    assert build["command"] == "pip install . && python build.py" and build["publish"] == "public"
    assert build["environment"]["PYTHON_VERSION"] == "3.11"
    cache = next(p for p in CONFIG["plugins"] if p["package"] == "netlify-plugin-cache")
    default_cache = pipeline.BuildOptions(content=Path("content")).cache_dir
    assert default_cache.as_posix() in cache["inputs"]["paths"]
    assert '"netlify-plugin-cache": "1.0.3"' in (ROOT / "package.json").read_text()


def test_fingerprinted_files_are_immutable_and_pages_revalidate(demo):
    out, _ = demo
    asset = "/" + next(out.glob("assets/css/site.*.css")).relative_to(out).as_posix()
    photo = "/" + next(out.glob("img/*/*.webp")).relative_to(out).as_posix()
    for path in (asset, photo):
        assert headers_for(path)["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in ("/", "/ikm/", "/katalog/katalog-lengkap.pdf"):
        assert "Cache-Control" not in headers_for(path)  # Netlify's default: max-age=0, must-revalidate
        assert "default-src 'self'" in headers_for(path)["Content-Security-Policy"]
        assert headers_for(path)["X-Content-Type-Options"] == "nosniff"


@pytest.fixture(scope="module")
def netlify(demo) -> Iterator[str]:
    with netlify_server(demo[0]) as base:
        yield base


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`")
def test_every_kind_of_page_satisfies_the_content_security_policy(netlify):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.add_init_script(WATCH)
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        for path in PAGES:
            response = page.goto(netlify + path, wait_until="networkidle")
            assert (
                response is not None and "default-src 'self'" in response.headers["content-security-policy"]
            )
            # the page's own policy forbids what only /admin/ needs (eval, inline style)
            own = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
            assert (
                own is not None
                and "style-src 'self';" in own
                and "unsafe" not in own.replace("'wasm-unsafe-eval'", "")
            ), path
            page.click("body")  # the menu and gallery scripts run
            assert page.evaluate("window.__violations") == [], path
        assert [e for e in errors if "404" not in e] == []
        # and a violation would be seen: an inline style is refused
        page.evaluate(
            "document.head.append(Object.assign(document.createElement('style'), {textContent: 'a{}'}))"
        )
        page.wait_for_timeout(200)
        assert any(v.startswith("style-src") for v in page.evaluate("window.__violations"))
        browser.close()
