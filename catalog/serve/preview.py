"""The live preview's quick path: an edit of existing entries rewrites only the pages it changes.

A full build compares every page's view with the last build's, which means building the
views of every page: seconds at 31k products. The preview's views record what each page
read (`site.records`); after an edit of entries that keeps the site's shape (the same
pages, photos, aliases and business names: the files besides pages stay as they are),
only the pages that read a business, product, category or listing that changed have
their view built again, and of those the pages whose fingerprint differs from the one on
disk are rendered and replaced in place, each file atomically. Any other edit returns None
and the caller runs a full build. The page fingerprints are updated, so a later full
build reuses these pages or renders them again, never serves a stale one.
tests/test_preview.py and tests/test_incremental.py check the result against a full build.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from catalog.content.model import Business, Catalog, ImageRef, Product
from catalog.core import urls
from catalog.core.jsonfile import write_atomic
from catalog.core.report import Reporter
from catalog.images.store import ImageStore
from catalog.pipeline import BuildOptions, Built, check
from catalog.site.records import RecordedViews, changed_tokens, stale_pages
from catalog.site.render import Renderer

ENTRY_SUFFIXES = (".md", ".yaml", ".yml")


def touched_businesses(content: Path, changed: list[Path]) -> set[Path] | None:
    """The business folders holding the changed entries, or None when another file changed
    (site settings, categories, pages, themes, a photo) or an entry was deleted."""
    root = content.resolve() / "ikm"
    folders = set()
    for path in changed:
        try:
            parts = Path(os.path.abspath(path)).relative_to(root).parts
        except ValueError:
            return None
        if len(parts) < 2 or not parts[-1].endswith(ENTRY_SUFFIXES) or not path.is_file():
            return None  # a photo, or a deleted entry: pages or photos come and go
        folders.add(root / parts[0])
    return folders or None


def warm(built: Built) -> None:
    """Compile the page templates and their fingerprints, and index who read what, now: a
    build renders in worker processes, so the preview's own process has made none, and
    the first edit would pay for them (about 100 ms at 31k)."""
    if isinstance(built.views, RecordedViews):
        built.views.records.reverse()
    for name in built.theme.env.list_templates(filter_func=lambda name: name.endswith(".html")):
        built.theme.env.get_template(name)
        if not name.startswith(("print/", "_")):
            built.theme.page_fingerprint(name)


def settle(previous: Built | None, after_build: bool) -> None:
    """Keep the cyclic garbage collector off what the preview keeps: a full collection over
    two catalogs and their views takes 150-300 ms at 31k products, and one that struck while
    a page was served made the slowest edits twice as slow. What is kept is frozen
    (`gc.freeze`); the previous views are released (they were the kept objects' only cycle),
    and after a full build, whose garbage may hold cycles, everything is collected once."""
    if previous is not None:
        previous.views.release()
    if after_build:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def update(options: BuildOptions, built: Built, changed: list[Path], reporter: Reporter) -> Built | None:
    """Apply an edit of `changed` files to the output in place; None when a full build is
    needed. Content problems raise ContentErrors, as in a build, and change nothing."""
    folders = touched_businesses(options.content, changed)
    if folders is None or options.pdf or options.feeds or options.search:
        return None  # PDFs, feeds and the search index show every product: only a build keeps them current
    known = built.memo.sources
    if not isinstance(built.views, RecordedViews) or built.views.records.spent or known is None:
        return None  # no records, or spent by an edit that failed half-way
    if not folders <= set(known.business_folders):
        return None  # a new business folder: only a build lists the folders again
    built.memo.changed = folders
    gc.disable()  # a collection over the kept catalogs and views would cost more than the update
    try:
        catalog, store = check(options, reporter, built.memo)
        return _apply(options, built, catalog, store, changed)
    finally:
        built.memo.changed = None
        gc.enable()


def _apply(
    options: BuildOptions, built: Built, catalog: Catalog, store: ImageStore, changed: list[Path]
) -> Built | None:
    """Rewrite the pages that read what changed and whose fingerprint changed, if the edit
    kept the site's shape."""
    old = built.views
    assert isinstance(old, RecordedViews)
    before, records = old.unrecorded, old.records
    if not _same_shape(before, catalog):
        return None
    files = {Path(os.path.abspath(path)) for path in changed}
    tokens = changed_tokens(before, catalog, files, records)
    kept, replaced, suspects, pages = records.invalidate(tokens)
    views = RecordedViews(catalog, store, built.theme.t, search=options.search, records=kept)
    if views.site != old.site:
        return None
    renderer = Renderer(built.theme, views.site)
    manifest = built.manifest  # kept in memory: this process is the only writer of its output
    for path in stale_pages(replaced, views, tokens, suspects, pages):
        page = views.page_again(replaced.pages[path][0])
        file, key = urls.output_file(page.path), renderer.key(page)
        if manifest.current.get(file) != key:
            write_atomic(options.out / file, renderer.render(page))  # the server may be reading it
            manifest.current[file] = key
    kept.settle(replaced)
    manifest.save(None, catalog.site.language, drafts=catalog.drafts)
    return Built(catalog, store, built.theme, views, manifest, built.memo)


def _same_shape(old: Catalog, new: Catalog) -> bool:
    """True when the edit changed no page address, listing size, photo, alias, business name
    or district: the files besides the pages (sitemap, redirects, photos, /admin/) stay."""
    if old.business_by_slug.keys() != new.business_by_slug.keys():
        return False
    if old.product_by_key.keys() != new.product_by_key.keys() or old.pages != new.pages:
        return False
    if old.categories != new.categories or {k: len(v) for k, v in old.products_in_category.items()} != {
        k: len(v) for k, v in new.products_in_category.items()
    }:
        return False
    for slug, before in old.business_by_slug.items():
        after = new.business_by_slug[slug]
        if before is not after and _outside(before) != _outside(after):
            return False
    for key, product in old.product_by_key.items():
        after = new.product_by_key[key]
        if product is not after and _outside(product) != _outside(after):
            return False
    return True


def _outside(entry: Business | Product) -> tuple[object, ...]:
    """What of an entry the files besides its pages show: its aliases and photos; a
    business's name and district too (/admin/ lists them)."""
    photos: set[ImageRef] = set()
    if isinstance(entry, Business):
        photos |= {ref for ref in (entry.logo, entry.cover) if ref is not None}
        photos |= {ref for _, ref in entry.story.images}
        return entry.aliases, photos, entry.name, entry.district
    photos |= set(entry.images) | {ref for _, ref in entry.description.images}
    return entry.aliases, photos
