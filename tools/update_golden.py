"""Regenerate tests/golden/ from the demo site: `python tools/update_golden.py` (`make golden`).

Golden output (Pelican's tests/output/): one page of every kind, the sitemap, robots.txt,
`_redirects` and the feeds, as the demo builds them today. tests/test_golden.py builds the
demo the same way and compares; it never writes. Run this after a change to the output
that is meant, and review `git diff tests/golden/` like code.

What differs by machine or by unrelated edits is normalised away: content-hashed names of
theme assets (`site.05a0d07beb.css` -> `site.HASH.css`) and photo renditions (numbered
per file in order of first use, so a swapped photo still shows), the edition date
(SOURCE_DATE_EPOCH), the CMS backend (its environment variables are cleared).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog import pipeline  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
EPOCH = "1767225600"  # 2026-01-01: the edition date
CLEARED = ("GALERI_CMS_BACKEND", "GALERI_CMS_REPO", "GALERI_CMS_BRANCH", "REPOSITORY_URL")
FILES = [
    "index.html",
    "kategori/makanan-minuman/index.html",
    "kategori/makanan-minuman/2/index.html",
    "ikm/index.html",
    "ikm/sanggar-topeng-panji-sekar/index.html",
    "ikm/empal-gentong-mang-darsa/empal-gentong/index.html",
    "ikm/kaos-kota-udang/index.html",  # an alias page
    "tentang/index.html",
    "katalog/index.html",
    "cari/index.html",
    "404.html",
    "admin/index.html",  # only when the Decap package is installed (`npm ci`)
    "sitemap.xml",
    "robots.txt",
    "_redirects",
    "feeds/google-merchant.xml",
    "feeds/produk-baru.xml",
    "feeds/meta-catalog.csv",
    "produk.json",
]
OPTIONAL = ("admin/",)
_ASSET = re.compile(r"(assets/[^\s\"'()<>]*?)\.[0-9a-f]{10}\b")
_PHOTO = re.compile(r"img/[0-9a-f]{2}/([0-9a-f]{24})")


@contextmanager
def _fixed_environment() -> Iterator[None]:
    """The build's inputs besides content: the edition date and the CMS backend."""
    saved = {name: os.environ.get(name) for name in (*CLEARED, "SOURCE_DATE_EPOCH")}
    for name in CLEARED:
        os.environ.pop(name, None)
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_demo(work: Path) -> Path:
    """The demo built without PDFs or search index (neither is golden) under `work`."""
    options = pipeline.BuildOptions(
        content=ROOT / "content", out=work / "public", cache_dir=work / "cache", pdf=False, search=False
    )
    with _fixed_environment():
        pipeline.build(options)
    return options.out


def normalised(text: str) -> str:
    """`text` with hashed asset names stripped and photo names numbered by first use."""
    text = _ASSET.sub(r"\1.HASH", text)
    numbers: dict[str, int] = {}
    return _PHOTO.sub(lambda m: f"img/photo-{numbers.setdefault(m.group(1), len(numbers) + 1)}", text)


def golden_files(out: Path) -> dict[str, str]:
    """The golden set from a built site, normalised; optional files the build lacks left out."""
    found = {}
    for name in FILES:
        file = out / name
        if file.is_file():
            found[name] = normalised(file.read_bytes().decode("utf-8"))
        elif not name.startswith(OPTIONAL):
            raise FileNotFoundError(f"the demo build has no {name}")
    return found


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="galeri-golden-") as work:
        files = golden_files(build_demo(Path(work)))
    if "admin/index.html" not in files:
        print("admin/ was not built (run `npm ci`): the golden set needs it", file=sys.stderr)
        return 1
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, text in files.items():
        (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_text(text, encoding="utf-8", newline="")
    print(f"{len(files)} files written to {GOLDEN.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
