"""The live preview's quick path: an edit of existing entries rewrites only the pages it changes.

A full build compares every page's view with the last build's, which means building the
views of every page: seconds at 31k products. An edit of a product or a business that
keeps the site's shape (the same businesses, products, categories' sizes, photos,
aliases and business names) can only change a known set of pages: the business's own
pages, the category pages listing its products, the pages of products that suggest them
as related, the home page, the directory, /404.html and /katalog/. Of those, the pages whose view
differs from the previous build's are rendered and replaced in place, each file
atomically. Any other edit returns None and the caller runs a full build. The page
fingerprints are updated, so a later full build reuses these pages or renders them again,
never serves a stale one. tests/test_preview.py checks the result against a full build.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from catalog.content import validate
from catalog.content.model import Business, Catalog, ImageRef, Product
from catalog.core import urls
from catalog.core.jsonfile import write_atomic
from catalog.core.report import Reporter
from catalog.images.store import ImageStore
from catalog.pipeline import BuildOptions, Built, check
from catalog.site.render import Renderer
from catalog.site.views import RELATED_SCAN, PageView, ViewBuilder

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
    """Compile the page templates and their fingerprints now: a build renders in worker
    processes, so the preview's own process has made none, and the first edit would pay
    for them (about 100 ms at 31k)."""
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
    validate.memo.changed = folders
    gc.disable()  # a collection over the kept catalogs and views would cost more than the update
    try:
        catalog, store = check(options, reporter)
        return _apply(options, built, catalog, store, {folder.name for folder in folders})
    finally:
        validate.memo.changed = None
        gc.enable()


def _apply(
    options: BuildOptions, built: Built, catalog: Catalog, store: ImageStore, slugs: set[str]
) -> Built | None:
    """Rewrite the pages whose view changed, if the edit kept the site's shape."""
    if not _same_shape(built.catalog, catalog, slugs):
        return None
    views = ViewBuilder(catalog, store, built.theme.t, search=options.search)
    if views.site != built.views.site:
        return None
    # A card shows its product or business (and the business's name and district, which
    # did not change): the other businesses' cards are the previous ones.
    views.business_cards.update((k, v) for k, v in built.views.business_cards.items() if k not in slugs)
    views.product_cards.update((k, v) for k, v in built.views.product_cards.items() if k[0] not in slugs)
    renderer = Renderer(built.theme, views.site)
    manifest = built.manifest  # kept in memory: this process is the only writer of its output
    for new in _changed_pages(built.views, views, slugs):
        path = urls.output_file(new.path)
        write_atomic(options.out / path, renderer.render(new))  # the server may be reading it
        manifest.current[path] = renderer.key(new)
    manifest.save(None, catalog.site.language, drafts=catalog.drafts)
    return Built(catalog, store, built.theme, views, manifest)


def _same_shape(old: Catalog, new: Catalog, slugs: set[str]) -> bool:
    """True when the edit of businesses `slugs` changed no page address, photo, alias, business
    name or district (the admin pages and the directory's order show them) or category size."""
    if old.business_by_slug.keys() != new.business_by_slug.keys() or not slugs <= new.business_by_slug.keys():
        return False
    if old.product_by_key.keys() != new.product_by_key.keys():
        return False
    for slug in slugs:
        before, after = old.business_by_slug[slug], new.business_by_slug[slug]
        if (before.name, before.district, before.aliases) != (after.name, after.district, after.aliases):
            return False
        if _photos(old, before) != _photos(new, after):
            return False
        if [p.aliases for p in old.products_of_business[slug]] != [
            p.aliases for p in new.products_of_business[slug]
        ]:
            return False
    sizes = {slug: len(products) for slug, products in old.products_in_category.items()}
    return sizes == {slug: len(products) for slug, products in new.products_in_category.items()}


def _photos(catalog: Catalog, business: Business) -> set[ImageRef]:
    found = {ref for ref in (business.logo, business.cover) if ref is not None}
    found |= {ref for _, ref in business.story.images}
    for product in catalog.products_of_business[business.slug]:
        found |= set(product.images) | {ref for _, ref in product.description.images}
    return found


def _changed_pages(old: ViewBuilder, new: ViewBuilder, slugs: set[str]) -> list[PageView]:
    """The new views of the pages the edit may change whose view differs from the previous.

    A category page can change only where the listing's order changed or where it shows a
    product of the edited businesses; a product page's suggestions only when their keys
    changed or include such a product (`related_keys`)."""
    pairs = [
        (old.home(), new.home()),
        (old.directory(), new.directory()),
        (old.not_found(), new.not_found()),
        (old.catalogs(), new.catalogs()),
    ]
    categories: set[str] = set()
    leaves: set[str] = set()
    for slug in slugs:
        business_old, business_new = old.catalog.business_by_slug[slug], new.catalog.business_by_slug[slug]
        pairs.append((old.business_page(business_old), new.business_page(business_new)))
        for product in (*old.catalog.products_of_business[slug], *new.catalog.products_of_business[slug]):
            category = new.catalog.categories[product.category]
            categories |= {*category.ancestors, category.slug}
            leaves.add(product.category)
        for product in new.catalog.products_of_business[slug]:
            before = old.catalog.product_by_key[product.key]
            pairs.append((old.product_page(before), new.product_page(product)))
    per_page = new.catalog.site.per_page
    for slug in sorted(categories):
        before = [p.key for p in old.catalog.products_in_category[slug]]
        after = [p.key for p in new.catalog.products_in_category[slug]]
        touched = {
            i // per_page
            for i, (a, b) in enumerate(zip(before, after, strict=True))
            if a != b or b[0] in slugs
        }
        category_old, category_new = old.catalog.categories[slug], new.catalog.categories[slug]
        for index in sorted(touched):
            pairs.append(
                (old.category_page(category_old, index + 1), new.category_page(category_new, index + 1))
            )
    edited = {key for slug in slugs for key in (p.key for p in new.catalog.products_of_business[slug])}
    for leaf in sorted(leaves):
        for product in _suggesting(
            old.catalog.products_in_category[leaf], new.catalog.products_in_category[leaf], slugs
        ):
            previous = old.catalog.product_by_key[product.key]
            keys = new.related_keys(product)
            if keys != old.related_keys(previous) or not edited.isdisjoint(keys):
                pairs.append((old.product_page(previous), new.product_page(product)))
    return [after for before, after in pairs if before != after]


def _suggesting(before: tuple[Product, ...], after: tuple[Product, ...], slugs: set[str]) -> list[Product]:
    """The products of other businesses in a category whose suggestions may have changed:
    those within RELATED_SCAN places before a position whose product moved or was edited
    (`ViewBuilder.related_keys` looks that far ahead, wrapping around)."""
    count = len(after)
    changed = [
        i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a.key != b.key or b.business in slugs
    ]
    near = {(i - offset) % count for i in changed for offset in range(min(count, RELATED_SCAN))}
    return [after[i] for i in sorted(near) if after[i].business not in slugs]
