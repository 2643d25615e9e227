"""The catalog and the photo store as the view builder sees them: every read noted.

A token names what was read: ("business", slug), ("product", key), ("listing_slice",
category, start, stop), ("place", category, key), ("file", path), ... (`site.records`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from catalog.content.model import Catalog, ImageRef, Product
from catalog.images.store import ImageStore, Picture

Token = tuple[Any, ...]


class Notes(Protocol):
    """Where reads are noted (`records.Records`)."""

    def note(self, token: Token) -> None: ...


# The catalog's lookups read by key, and the token kind of each.
KEYED = {
    "business_by_slug": "business",
    "product_by_key": "product",
    "products_of_business": "products_of",
    "products_in_category": "listing",
    "categories": "category",
}
WHOLE = ("site", "businesses", "products", "pages")  # read whole: one token each


class _Listing:
    """A category's products in listing order, noting how much of it was read: its size, a
    slice (a listing page), or all of it."""

    def __init__(self, products: tuple[Product, ...], slug: str, records: Notes) -> None:
        self.products, self.slug, self.records = products, slug, records

    def __len__(self) -> int:
        self.records.note(("listing_size", self.slug))
        return len(self.products)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice) and index.step is None:
            start, stop, _ = index.indices(len(self.products))
            self.records.note(("listing_slice", self.slug, start, stop))
            return self.products[start:stop]
        if isinstance(index, int) and 0 <= index < len(self.products):
            self.records.note(("listing_at", self.slug, index))
            return self.products[index]
        self.records.note(("listing", self.slug))
        return self.products[index]

    def __iter__(self) -> Iterator[Product]:
        self.records.note(("listing", self.slug))
        return iter(self.products)


class _Lookup:
    """One of the catalog's lookups, noting each key read, or the whole when walked."""

    def __init__(self, mapping: dict[Any, Any], kind: str, records: Notes) -> None:
        self.mapping, self.kind, self.records = mapping, kind, records

    def __getitem__(self, key: Any) -> Any:
        value = self.mapping[key]
        if self.kind == "listing":  # how much of it is read is noted as it is read
            return _Listing(value, key, self.records)
        self.records.note((self.kind, key))
        return value

    def __contains__(self, key: Any) -> bool:
        self.records.note((self.kind, key))
        return key in self.mapping

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __getattr__(self, name: str) -> Any:  # keys(), values(), items(), len(): the whole
        self.records.note((self.kind,))
        return getattr(self.mapping, name)

    def __iter__(self) -> Iterator[Any]:
        self.records.note((self.kind,))
        return iter(self.mapping)

    def __len__(self) -> int:
        self.records.note((self.kind,))
        return len(self.mapping)


class ReadCatalog:
    """The catalog as the view builder sees it: every read noted in `records`."""

    def __init__(self, catalog: Catalog, records: Notes) -> None:
        self.unrecorded = catalog
        self.records = records
        for name, kind in KEYED.items():  # attributes: read without a call of __getattr__
            setattr(self, name, _Lookup(getattr(catalog, name), kind, records))

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.unrecorded, name)
        if name == "top_categories":
            self.records.note(("category",))
        elif not callable(value):
            self.records.note(("catalog", name) if name not in WHOLE else (name,))
        return value

    def certifications_of(self, product: Product) -> tuple[Any, ...]:
        return Catalog.certifications_of(self, product)  # type: ignore[arg-type]


class ReadImages:
    """The photo store as the view builder sees it: each picture notes its file."""

    def __init__(self, store: ImageStore, records: Notes) -> None:
        self.store, self.records = store, records

    def picture(self, ref: ImageRef) -> Picture:
        self.records.note(("file", ref.file))
        return self.store.picture(ref)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


class Positions:
    """Each product's place in a category's listing, noting the place read."""

    def __init__(self, catalog: Catalog, records: Notes) -> None:
        self.catalog, self.records = catalog, records
        self.made: dict[str, dict[tuple[str, str], int]] = {}

    def __getitem__(self, slug: str) -> _Places:
        if slug not in self.made:
            self.made[slug] = {p.key: i for i, p in enumerate(self.catalog.products_in_category[slug])}
        return _Places(self.made[slug], slug, self.records)


class _Places:
    def __init__(self, places: dict[tuple[str, str], int], slug: str, records: Notes) -> None:
        self.places, self.slug, self.records = places, slug, records

    def __getitem__(self, key: tuple[str, str]) -> int:
        self.records.note(("place", self.slug, key))
        return self.places[key]
