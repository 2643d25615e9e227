"""The commands as an editor uses them: scaffolds and the live preview."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import PRODUCT, problems

BUILD = [sys.executable, str(Path(__file__).resolve().parent.parent / "build.py")]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*BUILD, *args], capture_output=True, text=True, cwd=cwd)


def test_scaffolds_are_valid_and_never_overwrite(site):
    content = site()
    made = run("new", "ikm", "batik-baru", "--content", str(content), cwd=content.parent)
    assert made.returncode == 0, made.stderr
    assert (content / "ikm/batik-baru/index.md").is_file()
    product = run("new", "product", "batik-baru/kain-biru", "--content", str(content), cwd=content.parent)
    assert product.returncode == 0, product.stderr
    text = (content / "ikm/batik-baru/products/kain-biru.md").read_text()
    assert "category: kerupuk" in text and "draft: true" in text
    assert problems(content) == []
    again = run("new", "ikm", "batik-baru", "--content", str(content), cwd=content.parent)
    assert again.returncode == 2 and "sudah ada" in again.stderr
    bad = run("new", "ikm", "Batik_Baru", "--content", str(content), cwd=content.parent)
    assert bad.returncode == 2 and "tidak sah" in bad.stderr
    orphan = run("new", "product", "tidak-ada/x", "--content", str(content), cwd=content.parent)
    assert orphan.returncode == 2 and "belum ada" in orphan.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_change_and_survives_bad_input(site):
    content = site()
    port = free_port()
    url = f"http://127.0.0.1:{port}/ikm/kerupuk-uji/kerupuk-melarat/"
    product = content / "ikm/kerupuk-uji/products/kerupuk-melarat.md"
    server = subprocess.Popen(
        [*BUILD, "serve", "--content", str(content), "--out", str(content.parent / "public"), "--port", str(port)],
        cwd=content.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: "Kerupuk Melarat" in fetch(url)), "server did not start"
        time.sleep(1.5)  # the watcher records the files' first state
        product.write_text(PRODUCT.replace("name: Kerupuk Melarat", "name: Kerupuk Melarat Pedas"))
        assert wait_for(lambda: "Kerupuk Melarat Pedas" in fetch(url))
        product.write_text(PRODUCT.replace("price: 15000", "prise: 1"))
        time.sleep(3)
        assert server.poll() is None
        assert "Kerupuk Melarat Pedas" in fetch(url)  # the last good site stays
        product.write_text(PRODUCT.replace("name: Kerupuk Melarat", "name: Kerupuk Melarat Manis"))
        assert wait_for(lambda: "Kerupuk Melarat Manis" in fetch(url))
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "kerupuk-melarat.md:4: prise: kolom tidak dikenal" in stderr
