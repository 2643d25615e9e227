"""Issue 14, the machine: a read-only folder, a full disk or a busy port is one clear message
naming the path or port and what to do, exit status 1, never a traceback; the previous
site stays as it was and nothing half-written stays in the cache.

Tests run as root, whom a read-only mode does not stop: the refusals are made by patching
the calls that create folders and open files for writing, as the kernel would refuse them.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import options

from catalog import cli, pipeline
from catalog.commands.serve import PreviewBuilds

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def refuse(monkeypatch: pytest.MonkeyPatch, inside: Callable[[Path], bool], code: int) -> None:
    """Make creating a folder or writing a file where `inside` says fail with `code`, as the
    kernel does: a refused mkdir or open names its path, a write that fails (ENOSPC) does not."""
    real_mkdir, real_open = os.mkdir, io.open

    def mkdir(path, *args, **kwargs):
        if inside(Path(path)):
            raise OSError(code, os.strerror(code), str(path))
        return real_mkdir(path, *args, **kwargs)

    def open_(file, mode="r", *args, **kwargs):
        if not isinstance(file, int) and any(flag in mode for flag in "wax+") and inside(Path(file)):
            if code in (errno.ENOSPC, errno.EFBIG):
                real_open(file, mode, *args, **kwargs).close()  # created, then the write fails
                raise OSError(code, os.strerror(code))
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(io, "open", open_)


def run(content: Path, out: Path) -> tuple[int, str]:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["build", "--content", str(content), "--out", str(out), "--no-pdf"])
    return status, stderr.getvalue()


@pytest.fixture
def built(site):
    """A site built once: its content, output, cache and the output's files."""
    content = site()
    opts = options(content)
    assert run(content, opts.out)[0] == 0
    product = content / "ikm/kerupuk-uji/products/kerupuk-melarat.md"
    product.write_text(product.read_text().replace("Kerupuk Melarat", "Kerupuk Melarat Asli"))
    return content, opts.out, opts.cache_dir, tree(opts.out)


def leftovers(out: Path, cache: Path) -> list[str]:
    """Temporary files or folders a failed build left behind."""
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    return beside + [p.as_posix() for p in cache.rglob("*") if ".tmp" in p.name]


def test_a_read_only_output_parent(built, monkeypatch):
    content, out, cache, before = built
    refuse(
        monkeypatch, lambda path: path.parent == out.parent and path.name.startswith(".public"), errno.EACCES
    )
    status, said = run(content, out)
    assert status == 1 and "Traceback" not in said, said
    assert "Tidak boleh menulis" in said and str(out.parent) in said and "--out" in said
    assert tree(out) == before and leftovers(out, cache) == []


def test_a_read_only_cache(built, monkeypatch):
    content, out, cache, before = built
    refuse(monkeypatch, lambda path: path.is_relative_to(cache), errno.EROFS)
    status, said = run(content, out)
    assert status == 1 and "Traceback" not in said, said
    assert "tembolok" in said and str(cache) in said and "GALERI_CACHE_DIR" in said
    assert tree(out) == before and leftovers(out, cache) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG])
def test_a_full_disk_while_writing_the_site(built, monkeypatch, code):
    content, out, cache, before = built
    refuse(monkeypatch, lambda path: path.name == "index.html" and ".public.tmp-" in str(path), code)
    status, said = run(content, out)
    assert status == 1 and "Traceback" not in said, said
    assert said.startswith("Disk penuh: ") and "index.html" in said and str(out.parent) in said
    assert tree(out) == before and leftovers(out, cache) == []


def test_a_full_disk_while_writing_the_cache(built, monkeypatch):
    """The search index's part of the edited product is written again, and fails."""
    content, out, cache, before = built
    refuse(monkeypatch, lambda path: path.is_relative_to(cache / "search"), errno.ENOSPC)
    status, said = run(content, out)
    assert status == 1 and "Traceback" not in said, said
    assert said.startswith("Disk penuh: ") and str(cache / "search") in said
    assert tree(out) == before and leftovers(out, cache) == []


def test_a_full_disk_while_saving_a_cache_file(tmp_path, monkeypatch):
    from catalog.core.jsonfile import write_atomic

    refuse(monkeypatch, lambda path: path.suffix == ".tmp", errno.ENOSPC)
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "pages" / "a.json", "{}")
    assert caught.value.filename and caught.value.filename.endswith(".tmp")
    assert list((tmp_path / "pages").iterdir()) == []


def test_serve_on_a_port_in_use(site):
    content = site()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = ["build.py", "serve", "--content", str(content), "--out", str(content.parent / "out")]
        result = subprocess.run(
            [sys.executable, *command, "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "GALERI_CACHE_DIR": str(content.parent / "cache")},
        )
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "Traceback" not in said and "Serving on" not in said
    assert f"Port {port}" in said and "--port" in said
    assert not (content.parent / "out").exists()  # refused before the first build


@pytest.mark.parametrize("port", ["0", "70000", "delapan"])
def test_serve_on_an_impossible_port_is_a_usage_error(port, monkeypatch):
    from catalog.serve import server

    monkeypatch.setattr(server, "serve", lambda *args: pytest.fail("served on an impossible port"))
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as caught:
        cli.main(["serve", "--port", port])
    assert caught.value.code == 2 and "port" in stderr.getvalue()


def test_pipeline_keeps_the_site_when_the_manifest_cannot_be_saved(built, monkeypatch):
    """After the swap the site is complete: a cache that refuses the manifest is a warning."""
    content, out, cache, _ = built
    refuse(monkeypatch, lambda path: path.is_relative_to(cache / "pages"), errno.ENOSPC)
    status, said = run(content, out)
    assert status == 0 and "Traceback" not in said, said
    assert "peringatan: catatan build tidak dapat disimpan" in said
    assert "Kerupuk Melarat Asli" in (out / "ikm/kerupuk-uji/kerupuk-melarat/index.html").read_text()
    assert pipeline.build(options(content)).rendered  # no manifest: every page again


def test_the_preview_shows_a_full_disk_and_goes_on(site, monkeypatch):
    """`serve` applies an edit in place; a full disk then is a message on every page, not a
    traceback, and the server keeps running."""
    from rich.console import Console

    from catalog.serve import preview

    content = site()
    opts = options(content, feeds=False, search=False)
    said = io.StringIO()
    builds = PreviewBuilds(Console(file=io.StringIO()), Console(file=said))
    assert builds(opts, None) == []

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(opts.out / "index.html"))

    monkeypatch.setattr(preview, "update", full)
    shown = builds(opts, [content / "ikm/kerupuk-uji/index.md"])
    assert len(shown) == 1 and shown[0].startswith("Disk penuh: ") and str(opts.out) in shown[0]
    assert "Traceback" not in said.getvalue()
