"""`pip install .` gives a working `galeri` from any folder: the wheel holds the built-in theme,
the CMS's own files and every subpackage, and the installed package builds a site with no
source checkout in sight (docs/architecture.md, "Installed or checked out")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "catalog"
NODE_MODULES = ROOT / "node_modules"


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`command` in `cwd`, offline, with `env` added; its output kept for the assertion."""
    environment = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", **env}
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of what the wheel is built from (a build inside the checkout would leave build/
    behind, whose stale modules a later build could pack)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(PACKAGE, source / "catalog", ignore=shutil.ignore_patterns("__pycache__"))
    return source


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built offline with the installed setuptools."""
    dist = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), "."]
    done = run(pip, source)
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = dist.glob("galeri_ikm-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own (`pip install --target`)."""
    target = tmp_path_factory.mktemp("installed")
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)]
    done = run(pip, wheel.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def test_the_wheel_holds_the_theme_the_cms_files_and_every_subpackage(source: Path, wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "catalog/themes/mal/templates/base.html" in names
    package = source / "catalog"
    admin = {f"catalog/cms/admin/{p.name}" for p in (package / "cms/admin").iterdir()}
    assert any(name.endswith(".js") for name in admin) and admin - names == set()
    packages = {p.relative_to(source).as_posix() for p in package.rglob("__init__.py")}
    assert packages - names == set()
    data = {p.relative_to(source).as_posix() for p in package.rglob("*") if p.is_file()}
    assert data - names == set()  # every module and every file beside one
    (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "galeri = catalog.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_galeri_checks_and_builds_a_site_from_another_folder(
    installed: Path, site, tmp_path: Path
):
    content = site()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    galeri = [sys.executable, str(installed / "bin" / "galeri")]
    env = {"PYTHONPATH": str(installed), "GALERI_CACHE_DIR": str(tmp_path / "cache")}

    found = run([sys.executable, "-c", "import catalog; print(catalog.__file__)"], elsewhere, **env)
    assert Path(found.stdout.strip()).is_relative_to(installed), found.stderr  # not the checkout

    checked = run([*galeri, "check", "--content", str(content), "--no-pdf"], elsewhere, **env)
    assert checked.returncode == 0 and "Konten baik: 2 usaha" in checked.stdout, checked.stderr

    # Decap comes from the project's node_modules/ (the content folder's parent), not the checkout
    if NODE_MODULES.is_dir():
        (content.parent / "node_modules").symlink_to(NODE_MODULES)
    out = tmp_path / "public"
    built = run([*galeri, "--content", str(content), "--out", str(out), "--no-pdf"], elsewhere, **env)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (out / "index.html").is_file() and list(out.glob("assets/css/*.css"))
    if NODE_MODULES.is_dir():
        assert (out / "admin/index.html").is_file() and (out / "admin/galeri-cms.js").is_file()
    else:
        assert "paket Decap CMS belum terpasang" in built.stderr

    schema = run([*galeri, "schema", "--content", str(content)], elsewhere, **env)
    assert schema.returncode == 0 and (content.parent / "docs/schema/site.schema.json").is_file()


def test_without_decap_the_build_says_what_to_install(installed: Path, site, tmp_path: Path):
    content = site()
    env = {"PYTHONPATH": str(installed), "GALERI_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "catalog.cli", "--content", str(content), "--out", str(tmp_path / "out")]
    built = run([*command, "--no-pdf"], content.parent, **env)
    assert built.returncode == 0, built.stderr
    assert "paket Decap CMS belum terpasang (jalankan `npm ci` di folder proyek" in built.stderr
    assert not (tmp_path / "out/admin").exists()
