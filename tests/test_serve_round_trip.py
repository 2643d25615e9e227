"""`serve` end to end: /admin/ and a business's desk render through it (the reload script
goes into HTML pages only, never into decap-cms.js), the browser is answered while the first
build runs, and the drafts a build leaves out are named."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import base_files, write_files

from catalog import cms
from catalog.serve.server import BUILDING, Preview

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "build.py")]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCRIPT = b'<script src="/livereload.js"></script>'
DRAFT = "---\nname: Kerupuk Draf {n}\ncategory: kerupuk\nprice: 1000\ndraft: true\n---\nBelum.\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def wait_for(url: str, text: bytes, seconds: float = 60) -> bytes:
    """The body of `url` once it holds `text`."""
    deadline = time.monotonic() + seconds
    body = b""
    while time.monotonic() < deadline:
        try:
            body = fetch(url)
        except OSError:
            body = b""
        if text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}: {body[:300]!r}")


def get(app: Preview, path: str) -> tuple[str, bytes]:
    answer: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"] = status

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return answer["status"], body


# --- the reload script and the first build, in process ----------------------------------


def test_the_reload_script_goes_into_html_pages_only_and_once(tmp_path):
    out = tmp_path / "public"
    (out / "admin").mkdir(parents=True)
    bundle = b'var t="<html><head></head><body></body></html>";'
    (out / "admin/decap-cms.js").write_bytes(bundle)
    (out / "index.html").write_bytes(b"<html><head><title>a</title></head><body>'</head>'</body></html>")
    app = Preview(out)
    app.script = SCRIPT
    assert get(app, "/admin/decap-cms.js") == ("200 OK", bundle)
    _, page = get(app, "/")
    assert page.count(SCRIPT) == 1 and page.index(SCRIPT) < page.index(b"</head>")


def test_pages_say_the_site_is_being_built_until_the_first_build_ends(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    (out / "style.css").write_text("body{}")
    started, finish = threading.Event(), threading.Event()
    builds: list[object] = []

    def slow(opts: object, changed: object) -> list[str]:
        builds.append(changed)
        started.set()
        assert finish.wait(10)
        (out / "index.html").write_text("<html><head></head><body>Beranda</body></html>")
        return []

    app = Preview(out, building=True)
    app.script = SCRIPT
    worker = threading.Thread(target=app.first_build, args=(slow, None))
    worker.start()
    try:
        assert started.wait(10)
        status, body = get(app, "/")
        assert status == "200 OK" and "Situs sedang dibangun" in body.decode()
        assert b'http-equiv="refresh"' in body and SCRIPT in body
        assert get(app, "/ikm/tidak-ada/")[1] == body  # every page
        assert get(app, "/style.css") == ("200 OK", b"body{}")  # files are served as they are
        app.edit(slow, None, [out / "x"])  # an edit during the first build: built again after
    finally:
        finish.set()
        worker.join(10)
    assert not worker.is_alive() and builds == [None, None]
    assert b"Beranda" in get(app, "/")[1] and not app.building


def test_a_first_build_with_problems_shows_them(tmp_path):
    app = Preview(tmp_path, building=True)
    app.first_build(lambda opts, changed: ["site.yaml:1: title: wajib diisi"], None)
    assert b"galeri-preview-problems" in get(app, "/")[1]
    assert BUILDING not in get(app, "/")[1]


# --- a real `python build.py serve` ---------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    root = tmp_path_factory.mktemp("serve")
    content = write_files(root / "content", base_files())
    out, port = root / "public", free_port()
    env = {**os.environ, "GALERI_CACHE_DIR": str(root / "cache")}
    command = [*BUILD, "serve", "--content", str(content), "--out", str(out), "--port", str(port)]
    with (root / "serve.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=log)
    try:
        yield f"http://127.0.0.1:{port}", out, server
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def test_serve_answers_at_once_and_names_its_stages(served):
    url, out, server = served
    wait_for(url + "/", b"<title>Galeri Uji")  # the site, once built (the page before: "sedang dibangun")
    assert server.poll() is None
    log = (out.parent / "serve.log").read_text()
    assert "Membangun pratinjau: Membaca konten" in log and "Traceback" not in log


needs_decap = pytest.mark.skipif(
    not (cms.decap_version() and Path(CHROMIUM).exists()),
    reason="`make test` installs node packages (npm ci) and chromium",
)


@needs_decap
def test_decap_cms_js_is_served_as_built(served):
    url, out, _ = served
    wait_for(url + "/", b"<title>Galeri Uji")
    for bundle in (out / "admin").rglob("decap-cms*.js"):
        path = bundle.relative_to(out).as_posix()
        assert fetch(f"{url}/{path}") == bundle.read_bytes(), path


# Decap probes its local backend (decap-server, not started here); the site has no favicon.
EXPECTED = ("http://localhost:8081/api/v1", "/favicon.ico")


@needs_decap
@pytest.mark.parametrize("path", ["/admin/", "/admin/ikm/kerupuk-uji/"])
def test_admin_and_a_desk_render_through_serve(served, path):
    from playwright.sync_api import sync_playwright

    url, _, _ = served
    wait_for(url + "/", b"<title>Galeri Uji")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda said: said.type == "error" and errors.append(said_where(said)))
            page.goto(url + path, timeout=30000)
            page.wait_for_selector("#nc-root button", timeout=30000)  # the sign-in button
            assert page.locator("#nc-root").inner_text().strip()
            assert [error for error in errors if not error.endswith(EXPECTED)] == []
        finally:
            browser.close()


def said_where(said: object) -> str:
    """A console message and the address it is about."""
    return f"{said.text} {said.location['url']}"  # type: ignore[attr-defined]


# --- drafts left out are named -----------------------------------------------------------


def run(*args: str, content: Path, out: str = "public") -> subprocess.CompletedProcess:
    """A command on `content`; each `out` folder its own build (an unchanged one says only that)."""
    env = {**os.environ, "GALERI_CACHE_DIR": str(content.parent / "cache")}
    folders = ["--content", str(content), "--out", str(content.parent / out)]
    command = [*BUILD, *args, *folders, "--no-pdf"]
    return subprocess.run(command, cwd=content.parent, env=env, capture_output=True, text=True, timeout=120)


def drafted(tmp_path: Path, count: int) -> Path:
    drafts = {f"ikm/kerupuk-uji/products/draf-{n}.md": DRAFT.format(n=n) for n in range(count - 1)}
    drafts["pages/rahasia.md"] = "---\ndraft: true\n---\n# Rahasia\n"
    return write_files(tmp_path / "content", {**base_files(), **drafts})


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_name_the_drafts_they_leave_out(tmp_path, command):
    content = drafted(tmp_path, 2)
    done = run(command, content=content)
    assert done.returncode == 0, done.stderr
    assert "2 draf tidak ikut dibangun (pakai --drafts untuk menyertakan)" in done.stdout
    assert (
        "draf: ikm/kerupuk-uji/products/draf-0.md" in done.stdout and "draf: pages/rahasia.md" in done.stdout
    )
    everything = run(command, "--drafts", content=content, out="everything")
    assert everything.returncode == 0 and "draf" not in everything.stdout


def test_an_unchanged_build_still_names_the_drafts(tmp_path):
    content = drafted(tmp_path, 2)
    assert run("build", content=content).returncode == 0
    again = run("build", content=content)  # nothing changed: the content is not even read
    assert "Tidak ada yang berubah" in again.stdout, again.stdout
    assert "2 draf tidak ikut dibangun" in again.stdout and "draf: pages/rahasia.md" in again.stdout


@pytest.mark.parametrize("command", ["check", "build"])
def test_many_drafts_are_counted_and_listed_on_request(tmp_path, command):
    content = drafted(tmp_path, 7)
    done = run(command, content=content)
    assert "7 draf tidak ikut dibangun" in done.stdout and "draf: " not in done.stdout
    listed = run(command, "--drafts-list", content=content, out="listed")
    assert listed.stdout.count("draf: ") == 7, listed.stdout


def test_a_draft_business_is_named_once(tmp_path):
    index = base_files()["ikm/topeng-uji/index.md"]
    content = write_files(
        tmp_path / "content",
        {**base_files(), "ikm/topeng-uji/index.md": index.replace("---\nname", "---\ndraft: true\nname")},
    )
    done = run("check", content=content)
    assert "1 draf tidak ikut dibangun" in done.stdout and "draf: ikm/topeng-uji/index.md" in done.stdout
