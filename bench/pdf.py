"""Benchmark the printable catalogs: pages per second, wall time and peak memory per process.

For each corpus it runs `python build.py pdf` in fresh processes: the whole catalog alone
(the other documents left out of the plan), then every PDF cold (none in the output), warm
(nothing changed: every PDF reused) and after one product's name was edited (only the
documents containing it re-render). Web photos are encoded once
beforehand (a `--no-pdf` build, not timed) so the numbers are the print stage's own; the
cold run still encodes the print renditions, reported separately.

Usage (from the repository root):
    .venv/bin/python bench/pdf.py [--workdir /dev/shm/galeri-pdf] [--sizes demo,300,3111]
        [--photos 3000] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def one(content: Path, out: Path, whole_only: bool) -> dict[str, object]:
    """One `pdf` build in this process; what it did and what it cost. `whole_only` prints
    just the whole catalog (the issue's goal is that document's pages per second)."""
    from catalog import pipeline
    from catalog.core.report import Reporter

    if whole_only:
        make_plan = pipeline.print_plan

        def only_the_whole(*args: object) -> object:
            plan = make_plan(*args)  # type: ignore[arg-type]
            plan.catalogs, plan.brochures = plan.catalogs[:1], []
            return plan

        pipeline.print_plan = only_the_whole  # type: ignore[assignment]

    class Clock(Reporter):
        def __init__(self) -> None:
            self.stages: dict[str, float] = {}

        def stage(self, name: str) -> None:
            self.stages[name] = time.perf_counter()

    clock = Clock()
    started = time.perf_counter()
    stats = pipeline.build(pipeline.BuildOptions(content=content, out=out), clock, only_pdf=True)
    ended = time.perf_counter()
    rss_parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sum(page_count(out / path.lstrip("/")) for path in stats.pdfs_rendered)
    total_pages = sum(page_count(file) for file in out.rglob("*.pdf"))
    whole = out / "katalog/katalog-lengkap.pdf"
    return {
        "wall_s": round(ended - started, 2),
        "images_s": round(clock.stages["pdf"] - clock.stages["images"], 2),
        "pdf_s": round(clock.stages["render"] - clock.stages["pdf"], 2),
        "docs_rendered": len(stats.pdfs_rendered),
        "docs_reused": len(stats.pdfs_reused),
        "rendered": sorted(stats.pdfs_rendered)[:4],
        "pages_rendered": pages,
        "pages_total": total_pages,
        "whole_pages": page_count(whole),
        "whole_mb": round(whole.stat().st_size / 1e6, 1),
        "all_pdf_mb": round(sum(f.stat().st_size for f in out.rglob("*.pdf")) / 1e6, 1),
        "rss_parent_mib": round(rss_parent / 1024),  # measured before counting pages below
        "rss_worker_mib": round(rss_worker / 1024),
    }


def page_count(file: Path) -> int:
    """Pages of a PDF, read by poppler's pdfinfo in its own process (not in our memory)."""
    info = subprocess.run(["pdfinfo", file], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def run_one(content: Path, out: Path, cache: Path, whole_only: bool = False) -> dict[str, object]:
    env = {**os.environ, "GALERI_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1793577600"}
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(content), str(out), *(["--whole"] if whole_only else [])],
        env=env, cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"pdf build failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus(size: str, workdir: Path, photos: int) -> Path:
    if size == "demo":
        return ROOT / "content"
    from make_corpus import generate

    folder = workdir / f"corpus-{size}"
    if not (folder / "site.yaml").is_file():
        generate(folder, businesses=int(size), products=10, photos=photos if size == "300" else 0, seed=1)
    return folder


def edit_one(content: Path) -> str:
    product = sorted(content.glob("ikm/*/products/*.md"))[len(list(content.glob("ikm/*"))) // 2]
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("\nname: ", "\nname: Edit ", 1), encoding="utf-8")
    return str(product.relative_to(content))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, default=Path("/dev/shm/galeri-pdf"))
    parser.add_argument("--sizes", default="demo,300,3111")
    parser.add_argument("--photos", type=int, default=3000, help="distinct photos in the 300-business corpus")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(*args.one, args.whole)))
        return
    rows = []
    for size in args.sizes.split(","):
        source = corpus(size, args.workdir, args.photos)
        content = args.workdir / f"content-{size}"
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(source, content)
        out, cache = args.workdir / f"out-{size}", args.workdir / f"cache-{size}"
        shutil.rmtree(out, ignore_errors=True)
        env = {**os.environ, "GALERI_CACHE_DIR": str(cache)}
        warm_web = [sys.executable, "build.py", "--content", str(content), "--out", str(out), "--no-pdf"]
        subprocess.run(warm_web, env=env, cwd=ROOT, check=True, capture_output=True)
        alone = args.workdir / f"out-{size}-whole"
        shutil.rmtree(alone, ignore_errors=True)
        shutil.copytree(out, alone)
        for run in ("whole catalog alone", "cold", "warm", "edit"):
            note = edit_one(content) if run == "edit" else ""
            if run == "whole catalog alone":
                result = run_one(content, alone, cache, whole_only=True)
                shutil.rmtree(alone)
            else:
                result = run_one(content, out, cache)
            result.update(size=size, run=run, edited=note)
            rows.append(result)
            print(json.dumps(result), flush=True)
    if args.markdown:
        args.markdown.write_text(table(rows, args), encoding="utf-8")


def table(rows: list[dict[str, object]], args: argparse.Namespace) -> str:
    head = (
        "| corpus | run | PDFs rendered / reused | pages rendered | PDF stage s | pages/s "
        "| print photos s | whole catalog | all PDFs | peak RSS parent / worker MiB |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for r in rows:
        rate = r["pages_rendered"] / r["pdf_s"] if r["pdf_s"] else 0
        lines.append(
            f"| {r['size']} | {r['run']} | {r['docs_rendered']} / {r['docs_reused']} | {r['pages_rendered']} "
            f"| {r['pdf_s']} | {rate:.1f} | {r['images_s']} | {r['whole_pages']} p, {r['whole_mb']} MB "
            f"| {r['pages_total']} p, {r['all_pdf_mb']} MB | {r['rss_parent_mib']} / {r['rss_worker_mib']} |"
        )
    command = f"`.venv/bin/python bench/pdf.py --sizes {args.sizes} --photos {args.photos}`"
    return f"Command: {command} (nproc {os.cpu_count()})\n\n" + head + "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
