"""Peak memory of PDF workers: over many brochures (with and without replacing workers),
or for the catalogs alone.

WeasyPrint keeps some memory per document in a long-lived process; the build replaces a
worker after `pdfs.TASKS_PER_WORKER` documents. `N` renders the first N brochures of a
corpus (after a normal build has filled the image cache) with workers kept, replaced after
every document, and replaced after 200; `catalogs` renders
only the whole and per-category catalogs, as a build does (each in a fresh worker). Prints
the pages per second and the largest worker's peak RSS.

Usage: .venv/bin/python bench/pdf_memory.py CONTENT CACHE_DIR [N | catalogs]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(content: Path, cache: Path, count: int, tasks: int) -> None:
    from catalog import pipeline
    from catalog.core.manifest import Manifest
    from catalog.core.urls import Urls
    from catalog.core.writer import OutputWriter
    from catalog.print import jobs as pdfs
    from catalog.print.layout import PdfRenderer
    from catalog.site.theme import find_themes, load_theme

    os.environ["GALERI_CACHE_DIR"] = str(cache)
    options = pipeline.BuildOptions(content=content)
    catalog, store = pipeline.check(options)
    themes = find_themes(options.theme_roots)
    site = catalog.site
    theme = load_theme(themes, site.theme, site.language, Urls(site.base_url), "")
    plan = pipeline.print_plan(catalog, store, theme, content)
    store.encode(2, lambda done, total: None)
    if count:
        plan.catalogs, plan.brochures = [], plan.brochures[:count]
        pdfs.TASKS_PER_WORKER = tasks or None  # 0: workers are never replaced
    else:
        plan.brochures = []
    with tempfile.TemporaryDirectory(dir="/dev/shm") as tmp:
        writer = OutputWriter(Path(tmp) / "out")
        started = time.perf_counter()
        renderer = PdfRenderer(theme, cache)
        pdfs.render_pdfs(plan, renderer, writer, Manifest(cache, Path(tmp) / "out"), 2, lambda d, t: None)
        seconds = time.perf_counter() - started
        writer.abort()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if count:
        pages = sum(doc.pages for doc in plan.brochures)
        what = f"tasks_per_worker={tasks or 'none'}: {count} brochures"
    else:
        pages = sum(doc.body_pages for doc in plan.catalogs)
        what = f"{len(plan.catalogs)} catalogs (body pages counted)"
    print(
        f"{what}, {pages} pages in {seconds:.0f} s ({pages / seconds:.1f} pages/s), "
        f"largest worker peak {peak:.0f} MiB"
    )


if __name__ == "__main__":
    content, cache = Path(sys.argv[1]), Path(sys.argv[2])
    count = 0 if sys.argv[3:4] == ["catalogs"] else int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    if len(sys.argv) > 4 or not count:
        run(content, cache, count, int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    else:
        for tasks in (0, 1, 200):
            subprocess.run(
                [sys.executable, __file__, str(content), str(cache), str(count), str(tasks)], check=True
            )
