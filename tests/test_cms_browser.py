"""/admin/ in a real browser against Decap's local backend: it loads under netlify.toml's
policy, shows the collections with their Indonesian labels, and what an editor saves and
publishes there builds.

The local backend is `decap-server` (npm, pinned in package.json) in git mode, which keeps
the editorial workflow: a saved entry is a `cms/...` branch, publishing merges it into main.
The only change to the served files: the policy's connect-src also names the local backend,
which a deployed site never talks to.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, NetlifyHandler, jpeg

from catalog import cms, pipeline

ROOT = Path(__file__).resolve().parent.parent
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NODE = shutil.which("node")

if os.environ.get("CI") != "true":
    pytestmark = pytest.mark.skipif(
        not (NODE and DECAP_SERVER.is_file() and cms.decap_version() and Path(CHROMIUM).exists()),
        reason="`make test` installs node packages and chromium",
    )

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return run.stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the demo content, as an office's would."""
    root = tmp_path_factory.mktemp("cms-repo")
    shutil.copytree(ROOT / "content", root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "isi awal")
    return root


@pytest.fixture(scope="module")
def backend(repo: Path) -> Iterator[str]:
    port = free_port()
    log = repo.parent / "decap-server.log"
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port)}
    env |= {"BIND_HOST": "127.0.0.1", "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.org"}
    with log.open("wb") as output:
        server = subprocess.Popen([NODE or "node", str(DECAP_SERVER)], env=env, stdout=output, stderr=output)
    url = f"http://localhost:{port}/api/v1"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    else:
        server.kill()
        pytest.fail(f"decap-server did not start: {log.read_text(errors='replace')}")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def admin(demo, backend: str) -> Iterator[str]:
    """The demo site served with netlify.toml's headers; its CMS pointed at the local backend."""
    out, _ = demo
    origin = backend.removesuffix("/api/v1")

    class Handler(NetlifyHandler):
        def send_header(self, keyword: str, value: str) -> None:
            if keyword == "Content-Security-Policy":
                value = value.replace("connect-src 'self'", f"connect-src 'self' {origin}")
            super().send_header(keyword, value)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if not path.endswith(("/config.yml", "/desk.json")):
                super().do_GET()
                return
            config = Path(self.translate_path(self.path)).read_text(encoding="utf-8")
            local = f"local_backend: {{url: '{backend}'}}", f'"local_backend": {{"url": "{backend}"}}'
            body = config.replace("local_backend: true", local[0]).replace('"local_backend": true', local[1])
            self.send_response(200)
            self.send_header("Content-Type", "text/yaml" if path.endswith(".yml") else "application/json")
            self.send_header("Content-Length", str(len(body.encode())))
            self.end_headers()
            self.wfile.write(body.encode())

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(WATCH)
    page.on("dialog", lambda dialog: dialog.accept())  # "publish this entry?"
    yield page
    assert page.evaluate("window.__violations") == []
    page.close()


def sign_in(page, url: str) -> None:
    """The local backend's sign-in: one button. It lasts for the page's origin."""
    page.goto(url)
    page.get_by_role("button", name="Masuk").click()


def save_and_publish(page) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Entri tersimpan")).to_be_visible()
    page.get_by_role("button", name="Status: Draf").click()
    page.get_by_role("menuitem", name="Siap terbit").click()
    expect(page.get_by_role("button", name="Status: Siap terbit")).to_be_visible()
    page.get_by_role("button", name="Terbitkan", exact=True).click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Entri diterbitkan")).to_be_visible()


def test_the_office_desk_shows_its_collections_in_indonesian(page, admin):
    from playwright.sync_api import expect

    sign_in(page, admin + "/admin/")
    sidebar = page.locator("a[data-testid]")
    expect(sidebar).to_have_text(["Pengaturan situs", "Kategori", "Halaman", "Usaha (IKM/UMKM)"])
    page.get_by_test_id("ikm").click()
    expect(page.get_by_text("Kaos Caruban Nagari · Kejaksan")).to_be_visible()
    expect(page.get_by_text("Konten", exact=True)).to_be_visible()  # the interface itself is Indonesian


def test_what_an_editor_publishes_builds(page, admin, repo, tmp_path):
    from playwright.sync_api import expect

    desk = admin + "/admin/ikm/kaos-caruban-nagari/"
    sign_in(page, desk)
    expect(page.locator("a[data-testid]")).to_have_text(["Profil usaha", "Produk"])
    page.goto(desk + "#/collections/produk-kaos-caruban-nagari/new")
    page.get_by_label("Nama", exact=True).fill("Kaos Topeng Kelana")
    page.get_by_label("Kategori", exact=True).click()
    page.keyboard.type("Kaos")
    page.keyboard.press("Enter")
    price = page.get_by_label("Harga (Rp)")
    price.fill("95.000")  # Indonesian thousands: refused, not read as 95
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Angka bulat saja, tanpa titik atau koma")).to_be_visible()
    price.press("Control+a")
    price.press("Backspace")
    price.type("95000")
    # a photo uploaded through the media library lands beside the product
    photo = tmp_path / "Foto Baru.jpg"
    photo.write_bytes(jpeg(1400, 1000, "teal"))
    page.get_by_role("button", name="Tambah foto produk").click()
    page.get_by_role("button", name="Pilih gambar").first.click()
    page.set_input_files("input[type=file]", str(photo))
    page.get_by_role("button", name="Gunakan yang dipilih").click()
    save_and_publish(page)

    # an existing product: a price range, variants and a text SKU survive an edit
    batik = admin + "/admin/ikm/batik-tulis-mega-mendung-sari/"
    page.goto(
        batik
        + "#/collections/produk-batik-tulis-mega-mendung-sari/entries/kain-batik-tulis-mega-mendung-biru"
    )
    unit = page.get_by_label("Satuan")
    expect(unit).to_have_value("lembar")
    unit.fill("lembar kain")
    save_and_publish(page)

    # the site settings: print.include (a word in the file, an object in the form) survives
    page.goto(admin + "/admin/#/collections/situs/entries/pengaturan")
    tagline = page.get_by_label("Slogan")
    expect(tagline).not_to_have_value("")
    tagline.fill("Etalase produk IKM dan UMKM Kota Cirebon")
    save_and_publish(page)

    assert git(repo, "branch", "--list", "cms/*").strip() == ""  # every entry merged
    content = repo / "content"
    product = (content / "ikm/kaos-caruban-nagari/products/kaos-topeng-kelana.md").read_text(encoding="utf-8")
    assert product.startswith("---\nname: Kaos Topeng Kelana\ncategory: kaos\nprice: 95000\n")
    assert "images:\n  - foto-baru.jpg\n" in product
    assert (content / "ikm/kaos-caruban-nagari/products/foto-baru.jpg").read_bytes() == photo.read_bytes()
    batik_file = content / "ikm/batik-tulis-mega-mendung-sari/products/kain-batik-tulis-mega-mendung-biru.md"
    edited = batik_file.read_text(encoding="utf-8")
    assert "price:\n  from: 850000\n  to: 1500000\n" in edited and 'sku: "00123"' in edited
    assert git(repo, "diff", "--stat", "HEAD~3", "--", "content/categories.yaml") == ""
    settings = (content / "site.yaml").read_text(encoding="utf-8")
    assert "include: all" in settings and "tagline: Etalase produk IKM dan UMKM Kota Cirebon" in settings

    out = tmp_path / "public"
    options = pipeline.BuildOptions(content=content, out=out, cache_dir=tmp_path / "cache", pdf=False)
    pipeline.build(options)
    page_html = (out / "ikm/kaos-caruban-nagari/kaos-topeng-kelana/index.html").read_text(encoding="utf-8")
    assert "Kaos Topeng Kelana" in page_html and "Rp\u00a095.000" in page_html and "<picture" in page_html
    batik_html = out / "ikm/batik-tulis-mega-mendung-sari/kain-batik-tulis-mega-mendung-biru/index.html"
    html = batik_html.read_text(encoding="utf-8")
    assert "lembar kain" in html and "Rp\u00a0850.000\u00a0– Rp\u00a01.500.000" in html


def test_an_identity_invitation_reaches_the_widget_on_admin(page, admin):
    """Netlify's invitation email links to the home page; with git-gateway (the build's
    backend here) the site sends the token on to /admin/, where the widget takes it."""
    from playwright.sync_api import expect

    page.goto(admin + "/#invite_token=abc123")
    expect(page).to_have_url(f"{admin}/admin/#/")
    assert page.evaluate("typeof window.netlifyIdentity") == "object"
    widget = page.frame_locator("#netlify-identity-widget")
    expect(widget.get_by_text("Complete your signup")).to_be_visible()
