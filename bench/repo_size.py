"""Repository size of a city's catalog, photos as phones take them and after `foto`.

Encoding 62,000 phone photos takes hours here, so this measures a sample: SAMPLE
phone-like photos (4000x3000, a few MB each: a smooth scene, surface texture and sensor
grain, JPEG quality 93, EXIF orientation and GPS) are committed to a throwaway git repository
before and after `catalog.intake` shrinks them, and the packed sizes are scaled to PHOTOS
photos. The text of the corpus (bench/make_corpus.py, no photos) is committed and measured
as it is. Results: docs/benchmarks.md.

Usage: .venv/bin/python bench/repo_size.py [--sample 200] [--photos 62220] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]
from phone_photos import phone_photo  # noqa: E402

from catalog.images import intake  # noqa: E402


def packed_size(folder: Path) -> int:
    """Bytes of the git repository holding `folder`, committed and packed (what a clone gets)."""
    repo = Path(tempfile.mkdtemp(prefix="repo-size-"))
    try:
        shutil.copytree(folder, repo / "content")
        env = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        for args in (["init", "-q"], ["add", "-A"], [*env, "commit", "-q", "-m", "x"], ["gc", "-q"]):
            subprocess.run(["git", *args], cwd=repo, check=True)
        return sum(file.stat().st_size for file in (repo / ".git" / "objects").rglob("*") if file.is_file())
    finally:
        shutil.rmtree(repo)


def measure(sample: int, work: Path) -> tuple[int, int, float]:
    """Packed bytes of `sample` photos before and after shrinking, and seconds per photo."""
    photos = work / "ikm" / "contoh" / "products"
    photos.mkdir(parents=True)
    for number in range(sample):
        (photos / f"produk-{number}-1.jpg").write_bytes(phone_photo(number))
    before = packed_size(work)
    started = time.perf_counter()
    changed, _, failed = intake.run(intake.photos([work]))
    seconds = (time.perf_counter() - started) / sample
    assert len(changed) == sample and not failed
    return before, packed_size(work), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=200, help="photos measured (default 200)")
    parser.add_argument("--photos", type=int, default=62_220, help="photos of the city (3,111 x 10 x 2)")
    parser.add_argument("--corpus", type=Path, help="a make_corpus.py folder without photos: its text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before, after, seconds = measure(args.sample, Path(tmp))
    text = packed_size(args.corpus) if args.corpus else 0
    mb, gb, scale = 1e6, 1e9, args.photos / args.sample
    print(f"sample: {args.sample} photos, packed {before / mb:.1f} MB before, {after / mb:.1f} MB after")
    each = f"{before / args.sample / mb:.2f} MB -> {after / args.sample / mb:.2f} MB"
    print(f"per photo: {each}, shrinking took {seconds:.2f} s")
    if text:
        print(f"text of the corpus (no photos), packed: {text / mb:.1f} MB")
    city = f"{(text + before * scale) / gb:.1f} GB before, {(text + after * scale) / gb:.1f} GB after"
    print(f"{args.photos} photos (scaled from the sample) and the text: {city}")


if __name__ == "__main__":
    main()
