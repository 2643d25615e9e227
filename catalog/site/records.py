"""What each page read while its view was built, recorded by instrumenting the reads.

Lektor records every file a page loads; here the view builder reads the catalog through
`reading.ReadCatalog`, which notes each business, product, category, listing slice, place
in a listing and setting read as a token, and each picture its photo file. What the
builder keeps for several pages (a card, a store's details, a product's suggestions) is a
derived value with its own record, so a page that reuses it depends on what it read
(`Records.derive`).

After an edit, `changed_tokens` compares the two catalogs, `Records.invalidate` follows
what changed up to the derived values and pages that read it, and `stale_pages` makes
each suspect value again: found equal, it stops there (early cut-off), so a price edit
reaches its product's pages and the listing pages showing it, not every product page of
its category. `RecordedViews` is the view builder that records.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.content.model import Business, Catalog, Category, Page, Product
from catalog.images.store import ImageStore
from catalog.site.reading import KEYED, WHOLE, Positions, ReadCatalog, ReadImages, Token
from catalog.site.views import PageView, ViewBuilder

PAGE = "page"  # a page's node is (PAGE, path); every other node is a derived value's token

_GONE = object()


@dataclass
class Records:
    """Each page's maker and reads; each derived value with its reads; who read what."""

    pages: dict[str, tuple[Token, frozenset[Token]]] = field(default_factory=dict)
    values: dict[Token, Any] = field(default_factory=dict)
    deps: dict[Token, frozenset[Token]] = field(default_factory=dict)
    stack: list[set[Token]] = field(default_factory=list)
    users: dict[Token, set[Token]] | None = None  # token -> the nodes that read it, made when needed
    fresh: set[Token] = field(default_factory=set)  # nodes recorded since `invalidate`
    slices: dict[str, set[Token]] = field(default_factory=dict)  # the listing slices read, by category
    names: set[str] = field(default_factory=set)  # the catalog's other attributes read
    spent: bool = False  # moved on by `invalidate`: the preview builds instead

    def note(self, token: Token) -> None:
        if self.stack:
            self.stack[-1].add(token)

    def reading(self, make: Callable[[], Any]) -> tuple[Any, frozenset[Token]]:
        """`make()`, and every token it read."""
        self.stack.append(set())
        try:
            value = make()
        finally:
            reads = self.stack.pop()
        return value, frozenset(reads)

    def derive(self, token: Token, make: Callable[[], Any]) -> Any:
        """A value kept for several pages: each reader depends on it, it on what it read."""
        self.note(token)
        if token in self.values:
            return self.values[token]
        value, reads = self.reading(make)
        self.values[token], self.deps[token] = value, reads
        self.fresh.add(token)
        return value

    def page(self, path: str, maker: Token, reads: frozenset[Token]) -> None:
        self.pages[path] = (maker, reads)
        self.fresh.add((PAGE, path))

    def reverse(self) -> dict[Token, set[Token]]:
        """Token -> the nodes that read it (made once, then kept current by `settle`)."""
        if self.users is None:
            self.users = {}
            for path, (_, reads) in self.pages.items():
                self._use((PAGE, path), reads)
            for node, reads in self.deps.items():
                self._use(node, reads)
        return self.users

    def _use(self, node: Token, reads: frozenset[Token]) -> None:
        assert self.users is not None
        for token in reads:
            if token not in self.users:
                self.users[token] = set()
                if token[0] == "listing_slice":
                    self.slices.setdefault(token[1], set()).add(token)
                elif token[0] == "catalog":
                    self.names.add(token[1])
            self.users[token].add(node)

    def invalidate(self, changed: set[Token]) -> tuple[Records, Records, set[Token], set[str]]:
        """After `changed` tokens changed: the records to go on with (these, every derived
        value that may have read them left out), what was left out (and the records of the
        pages that may have read them), those suspect values, and those pages. These records
        are spent: they are moved, not copied (a copy costs 30 ms at 10k products)."""
        users = self.reverse()
        suspects: set[Token] = set()
        pages: set[str] = set()
        queue = list(changed)
        while queue:
            for node in users.get(queue.pop(), ()):
                if node[0] == PAGE:
                    pages.add(node[1])
                elif node not in suspects:
                    suspects.add(node)
                    queue.append(node)
        before = Records({path: self.pages[path] for path in pages})
        before.values = {t: self.values.pop(t) for t in suspects if t in self.values}
        before.deps = {t: self.deps.pop(t) for t in suspects if t in self.deps}
        kept = Records(self.pages, self.values, self.deps, users=users, slices=self.slices, names=self.names)
        self.spent = True
        return kept, before, suspects, pages

    def settle(self, before: Records) -> None:
        """Bring the reverse index up to date with the nodes recorded since `invalidate`."""
        users = self.reverse()
        for node in self.fresh:
            if node[0] == PAGE:
                old, new = before.pages.get(node[1], ((), frozenset()))[1], self.pages[node[1]][1]
            else:
                old, new = before.deps.get(node, frozenset()), self.deps[node]
            for token in old - new:
                users.get(token, set()).discard(node)
            self._use(node, new - old)
        self.fresh = set()


class _Derived:
    """A cache of the view builder whose values are derived values of the records."""

    def __init__(self, records: Records, kind: str, make: Callable[[Any], Any]) -> None:
        self.records, self.kind, self.make = records, kind, make

    def __getitem__(self, key: Any) -> Any:
        return self.records.derive((self.kind, key), lambda: self.make(key))


class RecordedViews(ViewBuilder):
    """The view builder, recording what each page and each kept value read (`records`)."""

    def __init__(
        self, catalog: Catalog, images: ImageStore, *args: Any, records: Records | None = None, **kw: Any
    ) -> None:
        self.records = records or Records()
        read = ReadCatalog(catalog, self.records)
        super().__init__(read, ReadImages(images, self.records), *args, **kw)  # type: ignore[arg-type]
        self.unrecorded = catalog
        self.business_cards = _Derived(  # type: ignore[assignment]
            self.records, "business_card", lambda slug: self.business_card(read.business_by_slug[slug])
        )
        self.product_cards = _Derived(  # type: ignore[assignment]
            self.records, "product_card", lambda key: self.product_card(read.product_by_key[key])
        )
        self.category_position = Positions(catalog, self.records)  # type: ignore[assignment]
        self.recorded: set[str] = set()  # the pages recorded by this builder

    # -- derived values ----------------------------------------------------------------
    def business_view(self, business: Business) -> Any:
        def make() -> Any:
            self.records.note(("business", business.slug))
            return super(RecordedViews, self).business_view(business)

        return self.records.derive(("business_view", business.slug), make)

    def related_keys(self, product: Product) -> list[tuple[str, str]]:
        def make() -> list[tuple[str, str]]:
            self.records.note(("product", product.key))
            return super(RecordedViews, self).related_keys(product)

        return self.records.derive(("related", product.key), make)  # type: ignore[no-any-return]

    def search_choices(self) -> dict[str, list[tuple[str, str]]]:
        return self.records.derive(("choices",), super().search_choices)  # type: ignore[no-any-return]

    def again(self, token: Token) -> Any:
        """The derived value `token` made from this builder's catalog (KeyError: it is gone)."""
        kind, key = token[0], token[1] if len(token) > 1 else None
        catalog = self.unrecorded
        if kind == "business_view":
            return self.business_view(catalog.business_by_slug[key])
        if kind == "related":
            return self.related_keys(catalog.product_by_key[key])
        if kind == "choices":
            return self.search_choices()
        caches = {"business_card": self.business_cards, "product_card": self.product_cards}
        return caches[kind][key]

    # -- pages -------------------------------------------------------------------------
    def _recorded(self, maker: Token, notes: tuple[Token, ...], make: Callable[[], PageView]) -> PageView:
        def reading() -> PageView:
            for token in notes:
                self.records.note(token)
            return make()

        page, reads = self.records.reading(reading)
        if page.path not in self.recorded:  # a page kept by the builder reads nothing the second time
            self.recorded.add(page.path)
            self.records.page(page.path, maker, reads)
        return page

    def home(self) -> PageView:
        return self._recorded(("home",), (), super().home)

    def directory(self) -> PageView:
        return self._recorded(("directory",), (), super().directory)

    def search(self) -> PageView:
        return self._recorded(("search",), (), super().search)

    def basket(self) -> PageView:
        return self._recorded(("basket",), (), super().basket)

    def not_found(self) -> PageView:
        return self._recorded(("not_found",), (), super().not_found)

    def catalogs(self, pdfs: dict[str, tuple[int, int]] | None = None) -> PageView:
        # The PDFs a build made are not read from the catalog: the preview makes none.
        return self._recorded(("catalogs",), (), lambda: super(RecordedViews, self).catalogs(pdfs))

    def category_page(self, category: Category, number: int) -> PageView:
        notes = (("category", category.slug),)
        make = lambda: super(RecordedViews, self).category_page(category, number)  # noqa: E731
        return self._recorded(("category_page", category.slug, number), notes, make)

    def business_page(self, business: Business) -> PageView:
        notes = (("business", business.slug),)
        make = lambda: super(RecordedViews, self).business_page(business)  # noqa: E731
        return self._recorded(("business_page", business.slug), notes, make)

    def product_page(self, product: Product) -> PageView:
        notes = (("product", product.key),)
        make = lambda: super(RecordedViews, self).product_page(product)  # noqa: E731
        return self._recorded(("product_page", product.key), notes, make)

    def free_page(self, page: Page) -> PageView:
        return self._recorded(
            ("free_page", page.slug), (("pages",),), lambda: super(RecordedViews, self).free_page(page)
        )

    def page_again(self, maker: Token) -> PageView:
        """The page `maker` names, made from this builder's catalog (KeyError: it is gone)."""
        kind, catalog = maker[0], self.unrecorded
        if kind == "category_page":
            return self.category_page(catalog.categories[maker[1]], maker[2])
        if kind == "business_page":
            return self.business_page(catalog.business_by_slug[maker[1]])
        if kind == "product_page":
            return self.product_page(catalog.product_by_key[maker[1]])
        if kind == "free_page":
            return self.free_page(next(p for p in catalog.pages if p.slug == maker[1]))
        return getattr(self, kind)()  # type: ignore[no-any-return]


def changed_tokens(old: Catalog, new: Catalog, files: set[Path], records: Records) -> set[Token]:
    """The tokens whose value differs between the two catalogs, and the photo files that
    changed. Of a listing that changed: the places, the products at them, and the slices
    read (`records.slices`, by category) that differ."""
    records.reverse()
    changed = {("file", file) for file in files}
    changed |= {("catalog", name) for name in records.names if getattr(old, name) != getattr(new, name)}
    for name in WHOLE:
        if getattr(old, name) != getattr(new, name):
            changed.add((name,))
    for attr, kind in KEYED.items():
        before, after = getattr(old, attr), getattr(new, attr)
        keys = [key for key, value in after.items() if before.get(key, _GONE) is not value]
        keys += [key for key in before if key not in after]
        per_key = {(kind, key) for key in keys if before.get(key) != after.get(key)}
        changed |= per_key
        if per_key or list(before) != list(after):
            changed.add((kind,))  # read whole (walked): any change of it
    for token in [t for t in changed if t[0] == "listing" and len(t) == 2]:
        slug = token[1]
        a, b = old.products_in_category.get(slug, ()), new.products_in_category.get(slug, ())
        if len(a) != len(b):
            changed.add(("listing_size", slug))
        changed.update(
            ("listing_at", slug, i)
            for i, (x, y) in enumerate(zip(a, b, strict=False))
            if x is not y and x != y
        )
        changed.update(("listing_at", slug, i) for i in range(min(len(a), len(b)), max(len(a), len(b))))
        places = {p.key: i for i, p in enumerate(b)}
        changed.update(("place", slug, p.key) for i, p in enumerate(a) if places.get(p.key) != i)
        changed.update(("place", slug, key) for key in places.keys() - {p.key for p in a})
        for read in records.slices.get(slug, ()):
            if a[read[2] : read[3]] != b[read[2] : read[3]]:
                changed.add(read)
    return changed


def stale_pages(
    before: Records, views: RecordedViews, changed: set[Token], suspects: set[Token], pages: set[str]
) -> list[str]:
    """The pages among `pages` that read something whose value changed.

    Every suspect derived value is settled on the way: kept from `before` when nothing it
    read changed, else made again by `views` and compared (early cut-off)."""
    verdicts: dict[Token, bool] = {}

    def differs(token: Token) -> bool:
        if token in verdicts:
            return verdicts[token]
        if token not in suspects:
            return token in changed
        verdicts[token] = True  # while deciding: a cycle counts as changed
        reads = before.deps.get(token)
        if reads is None or any(differs(read) for read in reads):  # None: never made (its maker was gone)
            with contextlib.suppress(KeyError):  # KeyError: what it was made from is gone
                verdicts[token] = views.again(token) != before.values[token]
        else:
            kept = views.records
            if token not in kept.values:
                kept.values[token], kept.deps[token] = before.values[token], before.deps[token]
            verdicts[token] = False
        return verdicts[token]

    for token in suspects:
        differs(token)
    return sorted(path for path in pages if any(differs(read) for read in before.pages[path][1]))
