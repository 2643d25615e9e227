"""Search index benchmark: index time, peak memory, file counts and sizes, and the bytes a
phone downloads for a first search, on a built site.

    .venv/bin/python bench/search.py CONTENT [--queries topeng sirup ...]

1. Indexes CONTENT in process (cold cache, then after one product edit) and reports the
   times and the peak memory of Pagefind's process (the only child so far) and of Python's;
   then builds CONTENT (`build.py build --no-pdf`) into a temporary folder, cold.
2. Counts the entries of the largest output folder and the index's files and bytes.
3. Serves the site as Netlify would (tools/netlify_serve.py), opens /cari/ in Chromium at
   390 px, runs each query as a first search in a fresh browser, and sums what it downloaded
   after the page itself: Pagefind's files as they are (already gzip), the script,
   WebAssembly and JSON as gzip (as a static host compresses them); result photos are
   counted apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from netlify_serve import netlify_server  # noqa: E402

from catalog import pipeline  # noqa: E402
from catalog.outputs.search import index as search  # noqa: E402
from catalog.site.views import ViewBuilder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument(
        "--queries", nargs="+", default=["topeng", "sirup", "batik tulis", "kerupuk udang", "cirebon"]
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="galeri-search-"))
    out, cache = work / "public", work / "cache"
    options = pipeline.BuildOptions(content=args.content, out=out, cache_dir=cache, pdf=False)
    catalog, store = pipeline.check(options)
    site = catalog.site
    themes = pipeline.find_themes(options.theme_roots)
    colours = pipeline.brand_css(site.primary, site.accent)
    theme = pipeline.load_theme(themes, site.theme, site.language, pipeline.urls.Urls(site.base_url), colours)
    views = ViewBuilder(catalog, store, theme.t, search=True)
    fresh = work / "index-cache"
    started = time.perf_counter()
    index = search.build(catalog, views, fresh)
    cold = time.perf_counter() - started
    edited = catalog.products[len(catalog.products) // 2]
    products = tuple(
        dataclasses.replace(p, summary=p.summary + " Edisi baru.") if p is edited else p
        for p in catalog.products
    )
    changed = pipeline.Catalog(catalog.site, catalog.categories, catalog.businesses, products, catalog.pages)
    started = time.perf_counter()
    search.build(changed, ViewBuilder(changed, store, theme.t, search=True), fresh)
    warm = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"index: {index.records} records in {index.parts} parts")
    print(f"index time: cold {cold:.1f} s, after one product edit {warm:.1f} s")
    print(f"peak memory while indexing: Pagefind {children:.0f} MiB, Python {own:.0f} MiB")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "build.py", "build", "--content", str(args.content), "--out", str(out), "--no-pdf"],
        cwd=ROOT, check=True, env={"GALERI_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    print(f"full build with the index: {time.perf_counter() - started:.1f} s")

    folders = [p for p in out.rglob("*") if p.is_dir()]
    biggest = max(folders, key=lambda p: sum(1 for _ in p.iterdir()))
    print(f"largest folder: {biggest.relative_to(out)} with {sum(1 for _ in biggest.iterdir())} entries")
    files = [p for p in (out / "pagefind").rglob("*") if p.is_file()]
    print(f"index files: {len(files)}, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB")

    from playwright.sync_api import sync_playwright

    with netlify_server(out) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for query in args.queries:
            _first_search(browser, base, out, query)
        _first_search(browser, base, out, None)
        browser.close()
    print(f"(site kept in {work})")


def _first_search(browser, base: str, out: Path, query: str | None) -> None:
    """Bytes downloaded after /cari/ has loaded, until the first results show."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    if query is None:  # a floor's sorting tools, sorting by price
        floor = next((out / "kategori").iterdir()).name
        page.goto(f"{base}/kategori/{floor}/")
        page.wait_for_load_state("networkidle")
    else:
        page.goto(f"{base}/cari/")
        page.wait_for_load_state("networkidle")
    seen: list[str] = []
    page.on("requestfinished", lambda request: seen.append(request.url))
    started = time.perf_counter()
    if query is None:
        page.select_option(".browse-tools select[name=urut]", "murah")
        page.wait_for_selector("#daftar .results li", timeout=60_000)
    else:
        page.fill("#q-page", query)
        page.press("#q-page", "Enter")
        # results, or the answer that there are none (with its suggestions, kata.json)
        page.wait_for_function(
            "() => /\\d|Tidak/.test(document.querySelector('#hasil-status').textContent)", timeout=60_000
        )
    elapsed = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    code = photos = 0
    parts: set[str] = set()
    split: dict[str, int] = {}
    for url in seen:
        path = urlparse(url).path
        file = out / path.lstrip("/")
        if not file.is_file():
            continue
        data = file.read_bytes()
        if path.startswith("/img/"):
            photos += len(data)
            continue
        if re.fullmatch(r"/pagefind/p\d+/.*", path):
            parts.add(path.split("/")[2])
        packed = path.endswith((".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment"))
        size = len(data) if packed else len(gzip.compress(data))
        code += size
        split[_kind(path)] = split.get(_kind(path), 0) + size
    label = f"search {query!r}" if query else "floor sorted by price"
    status = page.inner_text("#hasil-status" if query else "[id$='-status']")
    print(
        f"{label}: {code / 1024:.1f} KB of search code and index ({len(parts)} parts), "
        f"{photos / 1024:.0f} KB of result photos, {elapsed:.2f} s; {status}"
    )
    biggest = sorted(split.items(), key=lambda item: -item[1])
    print("    KB: " + ", ".join(f"{kind} {size / 1024:.0f}" for kind, size in biggest))
    context.close()


def _kind(path: str) -> str:
    """What a downloaded file is, for the breakdown."""
    if path.endswith((".js", ".pagefind")):
        return "code"
    if path.endswith(".pf_fragment"):
        return "results"
    where = "part" if re.fullmatch(r"/pagefind/p\d+/.*", path) else "router"
    for suffix, name in ((".pf_meta", "metadata"), (".pf_index", "words"), (".pf_filter", "filters")):
        if path.endswith(suffix):
            return f"{where} {name}"
    return "other"


if __name__ == "__main__":
    main()
