"""The records templates see: frozen dataclasses, one per card, page and link.

Frozen, so that a record's `repr` is a stable fingerprint of what a page shows (`render`);
made by `views.ViewBuilder` from the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.content.model import (
    Price,
    Showroom,
)
from catalog.images.store import Picture
from catalog.site import ordering


@dataclass(frozen=True)
class Link:
    name: str
    url: str
    count: int = 0


@dataclass(frozen=True)
class Meta:
    """The head of every page: title, canonical, sharing tags, structured data."""

    kind: str
    path: str
    title: str
    canonical: str
    description: str = ""
    image: str | None = None  # absolute URL of the sharing picture
    image_width: int | None = None
    image_height: int | None = None
    og_type: str = "website"
    breadcrumbs: tuple[Link, ...] = ()
    jsonld: str | None = None


@dataclass(frozen=True)
class ProductCard:
    name: str
    url: str
    picture: Picture | None
    alt: str
    price: Price | None
    unit: str | None
    stock: str
    business_name: str
    district: str | None
    showroom: bool = False  # on display at the site's showroom (site.yaml has one)


@dataclass(frozen=True)
class BusinessCard:
    name: str
    url: str
    logo: Picture | None
    cover: Picture | None
    tagline: str | None
    kind: str
    district: str | None
    product_count: int
    categories: tuple[str, ...]
    initial: str


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    prev_url: str | None
    next_url: str | None
    links: tuple[Link, ...]  # first, last, a window around the current (count == 1); url "" marks a gap


@dataclass(frozen=True)
class SiteView:
    title: str
    tagline: str | None
    publisher: str | None
    language: str
    logo: Picture | None
    address: str | None
    phone: str | None
    email: str | None
    whatsapp: str | None
    whatsapp_url: str | None
    menu: tuple[Link, ...]
    floors: tuple[Link, ...]
    base_url: str
    theme_color: str  # the brand's primary colour, for the browser's address bar
    search: bool  # a search index is built: show the search boxes and the sorting tools
    stats: dict[str, int] = field(default_factory=dict)
    showroom: Showroom | None = None  # the physical gallery, with its WhatsApp normalised
    basket_url: str = ""


@dataclass(frozen=True)
class Certificate:
    """A certificate as a badge shows it: the kind's label is the theme's, so `number` is
    without the label written before it (`P-IRT No. 2063…` shows as `P-IRT 2063…`)."""

    type: str
    number: str | None


@dataclass(frozen=True)
class BusinessView:
    card: BusinessCard
    owner: str | None
    since: int | None
    address: str | None
    map_url: str | None
    whatsapp: str | None
    whatsapp_url: str | None
    phone: str | None
    phone_url: str | None
    email: str | None
    website: str | None
    socials: tuple[Link, ...]
    marketplaces: tuple[Link, ...]
    nib: str | None
    certifications: tuple[Certificate, ...]
    story_html: str
    payments: tuple[str, ...] = ()  # qris, transfer, cod, ewallet, tunai
    delivery: tuple[str, ...] = ()  # ambil, antar, kurir
    whatsapp_catalog: str | None = None  # link of its katalog-whatsapp.csv, when it has items


@dataclass(frozen=True)
class ProductView:
    card: ProductCard
    pictures: tuple[Picture, ...]
    variants: tuple[tuple[str, int | None], ...]
    material: str | None
    size: str | None
    weight_g: int | None
    min_order: int | None
    sku: str | None
    tags: tuple[str, ...]
    certifications: tuple[Certificate, ...]  # its own, then its business's of other kinds
    added: Any
    description_html: str
    order_url: str | None  # wa.me link with the prefilled message
    category: Link
    order: ordering.OrderView | None = None  # None without the seller's WhatsApp, or sold out
    shelf_life_days: int | None = None
    preorder_days: int | None = None


@dataclass(frozen=True)
class PageView:
    """One output page: its template, its head, and the template's own variables."""

    path: str
    template: str
    meta: Meta
    data: dict[str, Any]


@dataclass(frozen=True)
class PdfLink:
    name: str
    url: str
    pages: int
    size: str | None  # "5,2 MB"; None before the file is written
