"""Issue 14, the output folder: nothing lost (files no build wrote survive every build, a
killed one too) and nothing trusted blindly (a page, PDF or search file damaged since it
was written is made again, so the rebuild equals a clean build byte for byte)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import options

from catalog import cli, pipeline
from catalog.core.writer import RECORD

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1793491200"  # 2026-11-01: the PDFs' edition, fixed so two builds print the same bytes
PRODUCT_PAGE = "ikm/kerupuk-uji/kerupuk-melarat/index.html"
SIRUP_PAGE = "ikm/kerupuk-uji/sirup-uji/index.html"


def tree(folder: Path) -> dict[str, str]:
    """Every file (a symbolic link as its target) and every folder, empty ones too."""
    found = {}
    for entry in sorted(folder.rglob("*")):
        name = entry.relative_to(folder).as_posix()
        if entry.is_symlink():
            found[name] = f"-> {os.readlink(entry)}"
        elif entry.is_dir():
            found[name] = "folder"
        else:
            found[name] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return found


def deploy_repository(out: Path) -> dict[str, str]:
    """What a deploy repository's working tree holds besides the site; returns its tree."""
    files = {
        ".git/HEAD": "ref: refs/heads/main\n",
        ".git/config": "[core]\n\tbare = false\n",
        ".git/objects/ab/cdef0123": "\x00blob",
        "CNAME": "katalog.cirebonkota.go.id\n",
        ".well-known/security.txt": "Contact: mailto:dinas@example.org\n",
    }
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    (out / ".git/refs/tags").mkdir(parents=True)  # git needs its empty folders too
    (out / ".git/current").symlink_to("HEAD")
    return foreign(out)


def foreign(out: Path) -> dict[str, str]:
    return {
        name: digest
        for name, digest in tree(out).items()
        if name.startswith((".git", ".well-known", "CNAME"))
    }


def test_files_no_build_wrote_survive_every_build(site):
    content = site()
    opts = options(content)
    opts.out.mkdir()
    kept = deploy_repository(opts.out)
    assert cli.main(["build", "--content", str(content), "--out", str(opts.out), "--no-pdf"]) == 0
    assert foreign(opts.out) == kept and (opts.out / PRODUCT_PAGE).is_file()
    (opts.out / "google1234.html").write_text("google-site-verification: google1234.html")
    (opts.out / "ikm/catatan.txt").write_text("catatan tim")  # inside a folder the build writes
    kept = foreign(opts.out)
    (content / "ikm/kerupuk-uji/products/sirup-uji.yaml").unlink()  # its page must go
    pipeline.build(opts)
    assert foreign(opts.out) == kept
    assert (opts.out / "google1234.html").read_text() == "google-site-verification: google1234.html"
    assert (opts.out / "ikm/catatan.txt").read_text() == "catatan tim"
    assert not (opts.out / SIRUP_PAGE).exists() and (opts.out / PRODUCT_PAGE).is_file()
    # The list of what the build wrote lives in the output: a deleted cache changes nothing.
    shutil.rmtree(opts.cache_dir)
    (content / "pages/tentang.md").unlink()
    pipeline.build(opts)
    assert foreign(opts.out) == kept and (opts.out / "google1234.html").is_file()
    assert not (opts.out / "tentang").exists()
    assert (
        SIRUP_PAGE not in (opts.out / RECORD).read_text() and PRODUCT_PAGE in (opts.out / RECORD).read_text()
    )


def test_an_output_without_a_record_keeps_hidden_files_and_cname(site):
    """An output an older version (or another generator) wrote: its pages are replaced, a
    stale one removed; what a deploy repository keeps beside them (hidden entries, CNAME) stays."""
    content = site()
    out = options(content).out
    (out / "ikm/hilang").mkdir(parents=True)
    (out / "ikm/hilang/index.html").write_text("halaman usaha yang sudah dihapus")
    (out / "index.html").write_text("situs lama")
    kept = deploy_repository(out)
    pipeline.build(options(content))
    assert foreign(out) == kept
    assert not (out / "ikm/hilang").exists() and (out / "index.html").read_text() != "situs lama"


@pytest.mark.parametrize("holding", [["CNAME", ".git/HEAD"], [".git/HEAD", "README.md"], [".nojekyll"]])
def test_a_deploy_repository_is_an_output_folder(site, holding):
    content = site()
    out = content.parent / "deploy"
    for name in holding:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("x")
    assert cli.main(["build", "--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    assert all((out / name).read_text() == "x" for name in holding) and (out / "index.html").is_file()


def _build_process(content: Path, out: Path, cache: Path) -> subprocess.Popen:
    command = [sys.executable, "build.py", "--content", str(content), "--out", str(out), "--no-pdf"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "GALERI_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.mark.parametrize("after", [0.4, 1.0, 1.6])
def test_a_killed_build_keeps_the_files_no_build_wrote(site, after):
    content = site()
    out, cache = content.parent / "public", content.parent / "cache"
    out.mkdir()
    (out / "index.html").write_text("situs lama")  # a site there already: today's code accepts it
    kept = deploy_repository(out)
    first = _build_process(content, out, cache)
    assert first.communicate(timeout=120)[1] == b"" and first.returncode == 0
    page = content / "pages/tentang.md"
    page.write_text(page.read_text().replace("Tentang Kami", "Tentang Dinas"))
    second = _build_process(content, out, cache)
    time.sleep(after)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(second.pid, signal.SIGKILL)
    second.communicate(timeout=30)
    assert foreign(out) == kept
    third = _build_process(content, out, cache)
    assert third.communicate(timeout=120)[1] == b"" and third.returncode == 0
    assert foreign(out) == kept and "Tentang Dinas" in (out / "tentang/index.html").read_text()


# -- what is reused is checked --------------------------------------------------------------


def _damage(out: Path, cache: Path) -> None:
    """A truncated page, a page altered in place (same size), a truncated PDF and a search
    part's file cut short in the cache (a full disk, a killed worker, a hand edit)."""
    page = out / PRODUCT_PAGE
    page.write_bytes(page.read_bytes()[:100])
    other = out / "ikm/kerupuk-uji/index.html"
    data = other.read_bytes()
    other.write_bytes(data.replace(b"Kerupuk", b"Kerupak", 1))
    pdf = out / "katalog/katalog-lengkap.pdf"
    pdf.write_bytes(pdf.read_bytes()[:1000])
    part = next(p for p in (cache / "search").iterdir() if p.name.startswith("p") and p.is_dir())
    index = next(f for f in sorted(part.rglob("*.pf_index")))
    with index.open("r+b") as opened:  # in place: the output's hard link sees it too
        opened.truncate(10)


@pytest.fixture
def damaged(site, monkeypatch, tmp_path):
    """A site built with its PDFs, then damaged; and the options of a clean build of it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content = site()
    opts = options(content, pdf=True)
    pipeline.build(opts)
    _damage(opts.out, opts.cache_dir)
    clean = pipeline.BuildOptions(
        content=content, out=tmp_path / "clean", cache_dir=tmp_path / "c2", workers=1
    )
    return opts, clean


def test_a_rebuild_after_damage_equals_a_clean_build(damaged):
    """The same inputs: not "nothing changed", and only the damaged files are made again."""
    opts, clean = damaged
    again = pipeline.build(opts)
    pipeline.build(clean)
    assert not again.unchanged and tree(opts.out) == tree(clean.out)
    assert sorted(again.rendered) == ["/ikm/kerupuk-uji/", "/ikm/kerupuk-uji/kerupuk-melarat/"]
    assert again.pdfs_rendered == ["/katalog/katalog-lengkap.pdf"]


def test_a_build_with_other_edits_also_redoes_the_damage(damaged):
    opts, clean = damaged
    page = opts.content / "pages/tentang.md"
    page.write_text(page.read_text().replace("Tentang Kami", "Tentang Dinas"))
    pipeline.build(opts)
    pipeline.build(clean)
    assert tree(opts.out) == tree(clean.out)


def test_a_touched_but_unchanged_page_is_still_reused(site):
    """A moved time stamp alone (a copy, a touch) costs one hash, not a render."""
    content = site()
    opts = options(content)
    pipeline.build(opts)
    os.utime(opts.out / PRODUCT_PAGE, ns=(1, 1))
    product = content / "ikm/kerupuk-uji/products/sirup-uji.yaml"
    product.write_text(product.read_text().replace("Sirup **manis**.", "Sirup **manis** sekali."))
    stats = pipeline.build(opts)
    assert stats.rendered == ["/ikm/kerupuk-uji/sirup-uji/"]
