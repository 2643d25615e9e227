"""Fixture sites written into tmp folders from a dict of files (Hugo's txtar idea)."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import pickle
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from catalog import cli, pipeline
from catalog.core import writer

# Serving a built site as Netlify would is shared with bench/: tools/netlify_serve.py.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from netlify_serve import NetlifyHandler, headers_for, netlify_server  # noqa: F401

SITE = """\
title: Galeri Uji
tagline: Katalog untuk pengujian
base_url: https://uji.example.org/
publisher: Dinas Uji
contact:
  address: Jl. Uji 1
  whatsapp: 0812-1111-2222
districts: [Kejaksan, Kesambi]
per_page: 2
brand:
  primary: "#123456"
  accent: "#c0392b"
"""

CATEGORIES = """\
- slug: makanan
  name: Makanan
  description: Makanan khas
  children:
    - slug: kerupuk
      name: Kerupuk
    - slug: sirup
      name: Sirup
- slug: kerajinan
  name: Kerajinan
  children:
    - slug: topeng
      name: Topeng
"""

BUSINESS = """\
---
name: Kerupuk Uji
tagline: Renyah sejak dulu
owner: Bu Uji
since: 2001
district: Kejaksan
address: Jl. Kerupuk 2
whatsapp: +62 812 3456 7890
instagram: "@kerupukuji"
marketplaces:
  tokopedia: https://www.tokopedia.com/kerupukuji
logo: logo.png
certifications:
  - type: other
    number: 00123
featured: true
---
Cerita **kerupuk** kami.

![Dapur kami](dapur.jpg)
"""

PRODUCT = """\
---
name: Kerupuk Melarat
category: kerupuk
price: 15000
unit: bungkus
images: [melarat.jpg]
stock: available
added: 2026-03-14
sku: 00123
featured: true
---
Kerupuk pasir khas Cirebon. Digoreng dengan pasir, tanpa minyak.

Paragraf kedua.
"""

PRODUCT_YAML = """\
name: Sirup Uji
category: sirup
price: {from: 20000, to: 35000}
variants:
  - name: Kecil
    price: 20000
  - name: Besar
    price: 35000
description: |
  Sirup **manis**.
"""


def jpeg(width: int = 800, height: int = 600, color: str = "orange", **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def png(width: int = 300, height: int = 300, mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (200, 30, 30, 128) if mode == "RGBA" else "red").save(buffer, "PNG")
    return buffer.getvalue()


def base_files() -> dict[str, str | bytes]:
    """A small valid site: two businesses, three products, one free page."""
    return {
        "site.yaml": SITE,
        "categories.yaml": CATEGORIES,
        "pages/tentang.md": "---\nmenu: true\n---\n# Tentang Kami\n\nKatalog **uji**.\n",
        "ikm/kerupuk-uji/index.md": BUSINESS,
        "ikm/kerupuk-uji/logo.png": png(),
        "ikm/kerupuk-uji/dapur.jpg": jpeg(1200, 800),
        "ikm/kerupuk-uji/products/kerupuk-melarat.md": PRODUCT,
        "ikm/kerupuk-uji/products/melarat.jpg": jpeg(2000, 1500, "yellow"),
        "ikm/kerupuk-uji/products/sirup-uji.yaml": PRODUCT_YAML,
        "ikm/topeng-uji/index.md": "---\nname: Topeng Uji\nkind: umkm\nemail: topeng@uji.id\n"
        "district: Kesambi\n---\nTopeng kayu.\n",
    }


def swaps_in_one_step(near: Path) -> bool:
    """Whether the system and file system at `near` swap two folders in one call, as the
    output's commit does where it can (catalog/core/writer.py); not every one can."""
    probe = Path(tempfile.mkdtemp(dir=near))
    try:
        (probe / "a").mkdir()
        (probe / "b").mkdir()
        return writer._exchange(probe / "a", probe / "b")
    finally:
        shutil.rmtree(probe)


def write_files(root: Path, files: dict[str, str | bytes | None]) -> Path:
    for name, data in files.items():
        file = root / name
        if data is None:
            if file.exists():
                file.unlink()
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            file.write_bytes(data)
        else:
            file.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """`site(changes)` writes the base site with `changes` applied (None deletes a file)."""
    monkeypatch.setenv("GALERI_CACHE_DIR", str(tmp_path / "cache"))

    def make(changes: dict[str, str | bytes | None] | None = None, base: bool = True) -> Path:
        files: dict[str, str | bytes | None] = base_files() if base else {}
        files.update(changes or {})
        return write_files(tmp_path / "content", files)

    return make


def options(content: Path, **extra: object) -> pipeline.BuildOptions:
    """Build options for a fixture site; PDFs only when a test asks (`pdf=True`): they take seconds."""
    settings: dict[str, object] = {"out": content.parent / "public", "pdf": False, "workers": 1, **extra}
    return pipeline.BuildOptions(content=content, cache_dir=content.parent / "cache", **settings)


def problems(content: Path, drafts: bool = False) -> list[str]:
    """Every problem line `python build.py` reports for the site (empty when it builds).

    Runs the real command in-process over an output folder holding a previous site, and
    holds what the contract promises for bad input: exit status 1, and the previous
    output left exactly as it was.
    """
    out = content.parent / "public"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    (out / "index.html").write_text("previous site")
    args = [
        "build",
        "--content",
        str(content),
        "--out",
        str(out),
        "--no-pdf",
        *(["--drafts"] if drafts else []),
    ]
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(args)
    lines = stderr.getvalue().splitlines()
    if status == 0:
        return []
    assert status == 1, lines
    assert "Traceback" not in stderr.getvalue()
    assert [p.name for p in out.iterdir()] == ["index.html"] and (
        out / "index.html"
    ).read_text() == "previous site"
    assert lines[-1].endswith("tidak diubah.") or lines[-1].endswith("left unchanged.")
    return lines[:-1]


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.BuildStats]:
    """The embedded demo catalog, built once per test run: with pytest-xdist, by the first
    worker that asks, the others waiting on a lock and reading its result."""
    content = Path(__file__).resolve().parent.parent / "content"

    def build(tmp: Path) -> pipeline.BuildStats:
        return pipeline.build(
            pipeline.BuildOptions(content=content, out=tmp / "public", cache_dir=tmp / "cache")
        )

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        tmp = tmp_path_factory.mktemp("demo")
        return tmp / "public", build(tmp)
    tmp = tmp_path_factory.getbasetemp().parent / "demo"  # shared by the run's workers
    tmp.mkdir(exist_ok=True)
    with (tmp / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stats = tmp / "stats.pickle"
        if not stats.exists():
            stats.write_bytes(pickle.dumps(build(tmp)))
        return tmp / "public", pickle.loads(stats.read_bytes())


# One page of every kind in the demo site, for the browser tests.
DEMO_PAGES = [
    "/",
    "/kategori/makanan-minuman/",
    "/kategori/makanan-minuman/2/",
    "/ikm/",
    "/ikm/sanggar-topeng-panji-sekar/",
    "/ikm/empal-gentong-mang-darsa/empal-gentong/",
    "/tentang/",
    "/cari/",
    "/katalog/",
    "/keranjang/",
    "/404.html",
]


# --- serving a built site as Netlify would: tools/netlify_serve.py ------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright (never a downloaded browser), one per module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield launched
        launched.close()
