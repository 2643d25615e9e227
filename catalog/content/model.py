"""The validated catalog: frozen records, resolved references, no I/O.

Built once by `validate`, then only read. Lookups that every later stage needs
(products of a business, of a category and its descendants) are computed here once,
so views never re-derive them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from catalog.core.errors import ContentError


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A source image: its file and the content-relative path named in messages."""

    file: Path
    source: str
    kind: str = "photo"  # "photo" (opaque, JPEG fallback) or "logo" (transparency kept)
    entry: str = field(default="", compare=False)  # where it is named, for messages
    line: int = field(default=1, compare=False)
    field_name: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Markup:
    """Sanitized HTML of a Markdown text, and the local images it shows, by their `src`."""

    html: str = ""
    images: tuple[tuple[str, ImageRef], ...] = ()


@dataclass(frozen=True, slots=True)
class Contact:
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    whatsapp: str | None = None


@dataclass(frozen=True, slots=True)
class PrintSettings:
    paper: str = "A4"
    bleed_mm: float = 0
    crop_marks: bool = False
    columns: int | None = None  # None: the paper's default grid
    rows: int | None = None
    include: str = "all"  # "all", "featured" or "listed"
    categories: tuple[str, ...] = ()  # with include "listed"
    businesses: tuple[str, ...] = ()
    edition: str | None = None
    foreword: str | None = None  # a free page's slug
    binding: str = "saddle"  # "saddle": every catalog padded to a multiple of 4 pages; or "perfect"
    press: bool = False  # also the print-shop editions (PDF/X-4, CMYK) under /katalog/cetak/


@dataclass(frozen=True, slots=True)
class Showroom:
    """The physical gallery where products marked `showroom` are on display."""

    name: str | None = None
    address: str | None = None
    hours: str | None = None
    map_url: str | None = None
    whatsapp: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    title: str
    base_url: str  # always ends with "/"
    language: str = "id"
    tagline: str | None = None
    publisher: str | None = None
    contact: Contact = Contact()
    districts: tuple[str, ...] = ()
    theme: str = "mal"
    primary: str | None = None
    accent: str | None = None
    logo: ImageRef | None = None
    per_page: int = 24
    print: PrintSettings = PrintSettings()
    region_code: str | None = None  # the kab/kota code P-IRT numbers are checked against
    # site.yaml `legal` (this implementation's extension), None when not set: see laporan.py
    food_categories: tuple[str, ...] | None = None  # with their descendants: halal expected
    pirt_categories: tuple[str, ...] | None = None  # with their descendants: P-IRT (or BPOM) expected
    showroom: Showroom | None = None


@dataclass(frozen=True, slots=True)
class Category:
    slug: str
    name: str
    description: str | None
    parent: str | None
    children: tuple[str, ...]
    ancestors: tuple[str, ...]  # top-level first, the parent last

    @property
    def top(self) -> str:
        return self.ancestors[0] if self.ancestors else self.slug


@dataclass(frozen=True, slots=True)
class Certification:
    type: str
    number: str | None
    # Where it is written, for warnings and the legal report; not part of what pages show.
    source: str = field(default="", compare=False, repr=False)
    line: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Business:
    slug: str
    name: str
    source: str
    kind: str = "ikm"
    tagline: str | None = None
    owner: str | None = None
    since: int | None = None
    district: str | None = None
    address: str | None = None
    whatsapp: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    socials: tuple[tuple[str, str], ...] = ()
    marketplaces: tuple[tuple[str, str], ...] = ()
    logo: ImageRef | None = None
    cover: ImageRef | None = None
    nib: str | None = None
    certifications: tuple[Certification, ...] = ()
    payments: tuple[str, ...] = ()  # qris, transfer, cod, ewallet, tunai: in the order written
    delivery: tuple[str, ...] = ()  # ambil, antar, kurir
    featured: bool = False
    draft: bool = False  # only in a catalog built with drafts
    story: Markup = Markup()
    alias_lines: tuple[tuple[str, int, int], ...] = ()  # old paths, with their line and index in `aliases`

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(path for path, _, _ in self.alias_lines)


@dataclass(frozen=True, slots=True)
class Price:
    low: int
    high: int | None = None  # set for a range

    @property
    def is_range(self) -> bool:
        return self.high is not None


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    price: int | None = None


@dataclass(frozen=True, slots=True)
class Product:
    slug: str
    business: str
    name: str
    category: str
    source: str
    price: Price | None = None
    unit: str | None = None
    images: tuple[ImageRef, ...] = ()
    variants: tuple[Variant, ...] = ()
    material: str | None = None
    size: str | None = None
    weight_g: int | None = None
    min_order: int | None = None
    stock: str = "available"
    tags: tuple[str, ...] = ()
    certifications: tuple[Certification, ...] = ()  # its own; see Catalog.certifications_of
    showroom: bool = False  # on display at the site's showroom
    shelf_life_days: int | None = None
    preorder_days: int | None = None
    featured: bool = False
    draft: bool = False  # only in a catalog built with drafts
    added: dt.date | None = None
    sku: str | None = None
    description: Markup = Markup()
    summary: str = ""  # plain text of the first paragraph, for cards and meta tags
    alias_lines: tuple[tuple[str, int, int], ...] = ()  # old paths, with their line and index in `aliases`

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(path for path, _, _ in self.alias_lines)

    key: tuple[str, str] = field(init=False, repr=False, compare=False)  # (business, slug): made once
    order: tuple[bool, int, str, tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.business, self.slug))
        newest = -self.added.toordinal() if self.added else 0
        object.__setattr__(self, "order", (not self.featured, newest, self.name.casefold(), self.key))


@dataclass(frozen=True, slots=True)
class Page:
    slug: str
    title: str
    source: str
    description: str | None = None
    menu: bool = False
    order: int = 0
    body: Markup = Markup()


@dataclass(frozen=True)
class Catalog:
    """The whole validated catalog plus the lookups every stage needs."""

    site: Settings
    categories: dict[str, Category]  # tree order: each parent before its children
    businesses: tuple[Business, ...]  # by name
    products: tuple[Product, ...]  # by business slug, then product slug
    pages: tuple[Page, ...]
    warnings: tuple[ContentError, ...] = ()  # worth fixing, not stopping a build (legal numbers)
    drafts: tuple[str, ...] = ()  # the entries marked draft that were left out (paths in content/)
    business_by_slug: dict[str, Business] = field(init=False)
    product_by_key: dict[tuple[str, str], Product] = field(init=False)
    products_of_business: dict[str, tuple[Product, ...]] = field(init=False)
    products_in_category: dict[str, tuple[Product, ...]] = field(init=False)  # in listing order

    def __post_init__(self) -> None:
        by_business: dict[str, list[Product]] = {b.slug: [] for b in self.businesses}
        in_category: dict[str, list[Product]] = {slug: [] for slug in self.categories}
        for product in self.products:
            by_business[product.business].append(product)
        # One sort of every product (the order is total): each category's share of it is
        # already in listing order.
        for product in sorted(self.products, key=listing_order):
            category = self.categories[product.category]
            for slug in (*category.ancestors, category.slug):
                in_category[slug].append(product)
        object.__setattr__(self, "business_by_slug", {b.slug: b for b in self.businesses})
        object.__setattr__(self, "product_by_key", {p.key: p for p in self.products})
        object.__setattr__(self, "products_of_business", {k: tuple(v) for k, v in by_business.items()})
        object.__setattr__(self, "products_in_category", {k: tuple(v) for k, v in in_category.items()})

    def with_site(self, site: Settings) -> Catalog:
        """The same catalog under other settings (`--base-url`), its lookups not computed again."""
        copy = object.__new__(Catalog)
        for name in self.__dataclass_fields__:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "site", site)
        return copy

    @property
    def top_categories(self) -> tuple[Category, ...]:
        return tuple(c for c in self.categories.values() if c.parent is None)

    def certifications_of(self, product: Product) -> tuple[Certification, ...]:
        """What the product carries: its own certificates, then its business's of every type
        it has none of itself (a product's P-IRT replaces the business's, a shared halal stays)."""
        own = product.certifications
        types = {c.type for c in own}
        inherited = self.business_by_slug[product.business].certifications
        return own + tuple(c for c in inherited if c.type not in types)


def listing_order(product: Product) -> tuple[bool, int, str, tuple[str, str]]:
    """How a category lists its products: featured first, then newest, then by name (made
    once per product: the live preview sorts every product again after each edit)."""
    return product.order
