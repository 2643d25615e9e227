"""`python build.py foto` and the pre-commit hook: phone originals shrunk to what print
needs, upright, without metadata, atomically and only once."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import jpeg, png
from PIL import Image, ImageChops, ImageDraw
from test_hooks import SHIM, git

from catalog.cli import main
from catalog.images import intake

ROOT = Path(__file__).resolve().parent.parent
PHOTO = "ikm/kerupuk-uji/products/melarat.jpg"


def phone_photo(width: int = 4000, height: int = 3000, quality: int = 95) -> bytes:
    """A noisy phone-like JPEG of a few MB, stored sideways (EXIF orientation 6, as a phone
    held upright writes it), with GPS, a camera make, XMP and a comment; a red block marks
    the stored top-left corner."""
    channels = [Image.effect_noise((width, height), sigma) for sigma in (18, 22, 26)]
    image = Image.merge("RGB", channels)
    ImageDraw.Draw(image).rectangle((0, 0, 399, 399), fill=(230, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Ponsel"
    exif.get_ifd(intake.GPS_IFD).update({1: "S", 2: (6.0, 42.0, 30.0), 3: "E", 4: (108.0, 33.0, 0.0)})
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    image.save(out, "JPEG", quality=quality, exif=exif.tobytes(), comment=b"rumah Bu Eti", xmp=xmp)
    return out.getvalue()


def foto(*args: str) -> int:
    return main(["foto", *args])


def test_a_phone_original_becomes_an_upright_2500_px_jpeg_without_metadata(site, capsys):
    original = phone_photo()
    assert len(original) > 3_000_000
    content = site({PHOTO: original})
    assert foto("--content", str(content)) == 0
    printed = capsys.readouterr().out
    assert f"{content / PHOTO}: 3000×4000 → 1875×2500" in printed and "1 foto diperkecil" in printed
    data = (content / PHOTO).read_bytes()
    assert len(data) < len(original) / 2
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (1875, 2500))
        assert not image.getexif() and "comment" not in image.info and "xmp" not in image.info
        assert "icc_profile" not in image.info and [m for m, _ in image.applist] == ["APP0"]
        assert b"Ponsel" not in data and b"rumah" not in data
        red = image.convert("RGB").getpixel((1875 - 60, 60))  # stored top-left is shown top-right
        assert red[0] > 180 and red[1] < 80 and red[2] < 80


def test_a_second_run_changes_nothing(site, capsys):
    content = site({PHOTO: phone_photo(3000, 2000)})
    assert foto("--content", str(content)) == 0
    shrunk = (content / PHOTO).read_bytes()
    stamp = (content / PHOTO).stat().st_mtime_ns
    capsys.readouterr()
    assert foto("--content", str(content)) == 0
    assert "Tidak ada foto yang perlu diperkecil" in capsys.readouterr().out
    assert (content / PHOTO).read_bytes() == shrunk and (content / PHOTO).stat().st_mtime_ns == stamp


def test_photos_that_are_fine_are_left_alone(site, capsys):
    content = site()
    before = {path: path.read_bytes() for path in intake.photos([content])}
    assert foto("--content", str(content)) == 0
    assert {path: path.read_bytes() for path in before} == before
    assert "Tidak ada foto yang perlu diperkecil (3 foto sudah pas)" in capsys.readouterr().out


def test_a_heavy_jpeg_is_saved_again_once(site):
    heavy = phone_photo(2400, 1800, quality=100)
    assert len(heavy) > intake.HEAVY_BYTES
    content = site({PHOTO: heavy})
    change = intake.shrink(content / PHOTO)
    assert change is not None and change.reason == "berat" and change.bytes_after < len(heavy) * 0.6
    assert intake.shrink(content / PHOTO) is None


def test_a_small_photo_with_a_gps_location_loses_it(site):
    exif = Image.Exif()
    exif.get_ifd(intake.GPS_IFD)[2] = (6.0, 42.0, 30.0)
    content = site({PHOTO: jpeg(800, 600, exif=exif.tobytes())})
    assert intake.shrink(content / PHOTO).reason == "gps"
    with Image.open(content / PHOTO) as image:
        assert image.size == (800, 600) and not image.getexif()


def test_a_png_stays_a_png_with_its_transparency(site):
    content = site({"ikm/kerupuk-uji/logo.png": png(3000, 3000)})
    intake.shrink(content / "ikm/kerupuk-uji/logo.png")
    with Image.open(content / "ikm/kerupuk-uji/logo.png") as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (2500, 2500))
        assert image.getpixel((10, 10))[3] == 128


def test_colours_are_converted_to_srgb(site):
    cmyk = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
    if not cmyk.exists():
        pytest.skip("no CMYK profile on this system")
    out = io.BytesIO()
    Image.new("CMYK", (3000, 2000), (0, 255, 255, 0)).save(out, "JPEG", icc_profile=cmyk.read_bytes())
    content = site({PHOTO: out.getvalue()})
    intake.shrink(content / PHOTO)
    with Image.open(content / PHOTO) as image:
        red = image.getpixel((100, 100))
        assert image.mode == "RGB" and "icc_profile" not in image.info
        assert red[0] > 200 and red[1] < 80 and red[2] < 80  # CMYK red, not its inverted numbers


def test_a_failure_mid_write_leaves_the_original(site, monkeypatch, capsys):
    original = phone_photo(3000, 2000)
    content = site({PHOTO: original})

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the photo is written through jsonfile.write_atomic
    assert foto("--content", str(content)) == 1
    assert "foto tidak diubah" in capsys.readouterr().err
    assert (content / PHOTO).read_bytes() == original
    assert not [p for p in (content / PHOTO).parent.iterdir() if p.name.startswith(".")]


def test_a_broken_photo_is_reported_and_kept(site, capsys):
    broken = phone_photo(3000, 2000)[:200_000]
    content = site({PHOTO: broken})
    assert foto(str(content / PHOTO)) == 1
    said = capsys.readouterr().err
    assert f"{content / PHOTO}: foto tidak diubah: gambar 'melarat.jpg' (JPEG) terpotong atau rusak" in said
    assert (content / PHOTO).read_bytes() == broken


def test_an_iphone_heic_is_shrunk_as_heic(site):
    """In a fresh process, as the hook runs it: `foto` itself teaches Pillow HEIC."""
    import pillow_heif

    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(intake.GPS_IFD).update({1: "S", 2: (6.0, 42.0, 30.0)})
    picture = Image.merge("RGB", [Image.effect_noise((3200, 2400), sigma) for sigma in (18, 22, 26)])
    heic = pillow_heif.from_pillow(picture)
    out = io.BytesIO()
    heic.save(out, quality=90, exif=exif.tobytes())
    name = "ikm/kerupuk-uji/products/selendang.heic"
    content = site({name: out.getvalue()})
    done = subprocess.run(
        [sys.executable, "build.py", "foto", str(content / name)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pillow_heif.register_heif_opener()
    with Image.open(content / name) as shrunk:
        assert (shrunk.format, shrunk.size) == ("HEIF", (1875, 2500))
        assert not shrunk.getexif().get_ifd(intake.GPS_IFD)


def test_a_dry_run_writes_nothing(site, capsys):
    original = phone_photo(3000, 2000)
    content = site({PHOTO: original})
    assert foto("--dry-run", str(content)) == 0
    assert "akan diperkecil 2000×3000 → 1667×2500" in capsys.readouterr().out
    assert (content / PHOTO).read_bytes() == original


def commit_repo(site) -> Path:
    repo = site().parent
    (repo / "build.py").write_text(SHIM)
    git(repo, "init", "-q")
    git(repo, "config", "core.hooksPath", str(ROOT / "tools/hooks"))
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "content").returncode == 0
    return repo


def test_the_hook_shrinks_a_staged_photo_and_commits_the_small_one(site):
    repo = commit_repo(site)
    (repo / "content" / PHOTO).write_bytes(phone_photo())
    git(repo, "add", "-A")
    done = git(repo, "commit", "-q", "-m", "foto asli dari ponsel")
    assert done.returncode == 0, done.stderr
    assert "3000×4000 → 1875×2500" in done.stderr  # git shows a hook's output on stderr
    committed = subprocess.run(
        ["git", "show", f"HEAD:content/{PHOTO}"], cwd=repo, capture_output=True, check=True
    ).stdout
    with Image.open(io.BytesIO(committed)) as image:
        assert image.size == (1875, 2500) and not image.getexif()
    assert committed == (repo / "content" / PHOTO).read_bytes()
    assert git(repo, "status", "--porcelain", "--", "content").stdout == ""


def test_the_hook_refuses_a_photo_changed_after_it_was_staged(site):
    repo = commit_repo(site)
    photo = repo / "content" / PHOTO
    photo.write_bytes(phone_photo(3000, 2000))
    git(repo, "add", "-A")
    edited = phone_photo(3200, 2400)
    photo.write_bytes(edited)
    refused = git(repo, "commit", "-q", "-m", "foto")
    assert refused.returncode != 0
    assert f"content/{PHOTO}: diubah lagi setelah `git add`" in refused.stderr
    assert "Commit dibatalkan" in refused.stderr
    assert photo.read_bytes() == edited
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1


def test_the_pre_commit_framework_entry_runs_the_same_command():
    import yaml

    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["galeri-foto"]["entry"] == "python build.py foto"
    assert hooks["galeri-foto"].get("pass_filenames", True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shown = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "foto", "--help"], env=env, capture_output=True
    )
    assert shown.returncode == 0


def test_the_encoder_writes_nothing_extra():
    """What `_bare` guarantees: a fresh image carries no info from its source."""
    source = Image.new("RGB", (10, 10), "red")
    source.info.update({"exif": b"x", "icc_profile": b"y", "comment": b"z"})
    assert intake._bare(source).info == {}
    assert not ImageChops.difference(intake._bare(source), source).getbbox()
