"""What the print-shop edition costs: the whole catalog laid out as the web edition (RGB,
tagged) and as the press edition (PDF/X-4, CMYK), each alone in a fresh `pdf` build on one
core, photos already encoded.

Usage (from the repository root):
    .venv/bin/python bench/pdf_press.py [--content content] [--workdir /tmp/galeri-press]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one(content: Path, out: Path, edition: str) -> dict[str, object]:
    """One `pdf` build in this process that writes a single document: the whole catalog's
    `web` or `press` edition."""
    from catalog import pipeline
    from catalog.core.report import Reporter

    make_plan = pipeline.print_plan

    def only(*args: object) -> object:
        plan = make_plan(*args)  # type: ignore[arg-type]
        whole = plan.press[:1] if edition == "press" else plan.catalogs[:1]
        plan.catalogs, plan.press, plan.brochures, plan.posters, plan.labels = whole, [], [], [], []
        return plan

    pipeline.print_plan = only  # type: ignore[assignment]
    started = time.perf_counter()
    options = pipeline.BuildOptions(content=content, out=out, workers=1)
    stats = pipeline.build(options, Reporter(), only_pdf=True)
    seconds = time.perf_counter() - started
    [path] = stats.pdfs_rendered
    file = out / path.lstrip("/")
    info = subprocess.run(["pdfinfo", file], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return {"edition": edition, "pages": pages, "seconds": round(seconds, 2),
            "pages_per_s": round(pages / seconds, 1), "mb": round(file.stat().st_size / 1e6, 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/galeri-press"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(Path(args.one[0]), Path(args.one[1]), args.one[2])))
        return
    content = args.workdir / "content"
    shutil.rmtree(args.workdir, ignore_errors=True)
    shutil.copytree(args.content, content)
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("\nprint:\n", "\nprint:\n  press: true\n", 1))
    env = {**os.environ, "GALERI_CACHE_DIR": str(args.workdir / "cache"), "SOURCE_DATE_EPOCH": "1793577600"}
    web = args.workdir / "web"
    warm = [sys.executable, "build.py", "--content", str(content), "--out", str(web), "--no-pdf"]
    subprocess.run(warm, env=env, cwd=ROOT, check=True, capture_output=True)
    for edition in ("web", "press", "web", "press"):
        out = args.workdir / f"out-{edition}"
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(content), str(out), edition],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        print(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
