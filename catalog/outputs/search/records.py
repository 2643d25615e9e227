"""The search records: one per product, store and category page, as Pagefind is given them.

A record's text is what it is found by, with the spelling variants of its words
(synonyms.py) and the word every record has (EVERY, for a browse by filters alone). Its meta
is what a result shows and what the browser sorts and ranks by: stores and categories carry
their name again as `tempat`, so that the browser can tell a store or floor whose *name*
matches the query (Pagefind reports the meta fields a result matched) and list it first.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from catalog.content.markup import plain_text
from catalog.content.model import Business, Catalog, Category, Product, listing_order
from catalog.core import urls
from catalog.site.price_bands import price_bands
from catalog.site.theme import price_text

if TYPE_CHECKING:
    from catalog.images.store import Picture
    from catalog.outputs.search.synonyms import Synonyms
    from catalog.site.views import ViewBuilder

NONE = 10**12  # the sort value of a record without one (no price, no date): last in ascending order
# A word in every record: a browse by filters alone searches for it, because Pagefind
# answers a search without words by loading every chunk of the word index (90 KB a part).
# The browser never searches for it as typed (search.js drops it from a query).
EVERY = "zzz"
NAME = "tempat"  # the meta field holding a store's or a category's name (see above)
SHOWROOM = "galeri"  # the filter of the products on display at the Galeri IKM


@dataclass(frozen=True)
class Record:
    """One search result: a product, a store or a category page."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    group: str = field(compare=False)  # records of one group stay together in the parts

    def request(self) -> dict[str, Any]:
        """What Pagefind is given for this record (and what a part's cache key hashes)."""
        return {
            "url": self.url,
            "content": self.content,
            "meta": self.meta,
            "filters": self.filters,
            "sort": self.sort,
        }


def records(catalog: Catalog, views: ViewBuilder, synonyms: Synonyms) -> list[Record]:
    """Every product, store and category page as a search record, in the catalog's order."""
    # A floor's own order (featured, newest, name) as one rank: every category lists its
    # products in this order, so the rank sorts any of them.
    rank = {product.key: n for n, product in enumerate(sorted(catalog.products, key=listing_order))}
    made = [
        *(_product_record(catalog, views, product, rank[product.key]) for product in catalog.products),
        # businesses come by name: that is the directory's order
        *(_store_record(catalog, views, business, n) for n, business in enumerate(catalog.businesses)),
        *(_category_record(catalog, views, category) for category in catalog.categories.values()),
    ]
    return [_with_variants(record, synonyms) for record in made]


def _with_variants(record: Record, synonyms: Synonyms) -> Record:
    """The record with the spelling variants of its words before the word every record has."""
    extra = synonyms.extra(record.content)
    if not extra:
        return record
    words = record.content.removesuffix(f". {EVERY}")
    return dataclasses.replace(record, content=f"{words}. {' '.join(extra)}. {EVERY}")


def _product_record(catalog: Catalog, views: ViewBuilder, product: Product, rank: int) -> Record:
    t = views.t
    card = views.product_cards[product.key]
    business = catalog.business_by_slug[product.business]
    category = catalog.categories[product.category]
    names = [catalog.categories[slug].name for slug in category.ancestors] + [category.name]
    price = product.price
    meta = {
        "title": product.name,
        "usaha": business.name,
        "harga": price_text(price, t("price_on_request")),
        "murah": _key(price.low if price else NONE),
        "mahal": _key(NONE - (price.high or price.low) if price else NONE),
        "baru": _key(_newest(product.added)),
        "nama": product.name.casefold(),
        "pilihan": _key(rank),
        **_photo(views, card.picture, card.alt),
    }
    if product.unit and price:
        meta["satuan"] = t("per_unit", unit=product.unit)
    if product.stock != "available":
        meta["stok"] = t(f"stock_{product.stock}")
    words = [product.name, business.name, *names, business.district or "", product.summary]
    words += [product.material or "", *product.tags, *(v.name for v in product.variants)]
    return Record(
        url=card.url,
        content=_content(words),
        meta=meta,
        filters={
            "tipe": ["produk"],
            "kategori": [*category.ancestors, category.slug],
            **_business_filters(business),
            "stok": [product.stock],
            "harga": price_bands(price),
            **({SHOWROOM: ["ya"]} if product.showroom else {}),
        },
        sort=_sorts(meta, "murah", "mahal", "baru", "nama", "pilihan"),
        group=f"{category.top}/{category.slug}",
    )


def _store_record(catalog: Catalog, views: ViewBuilder, business: Business, rank: int) -> Record:
    card = views.business_cards[business.slug]
    products = catalog.products_of_business[business.slug]
    slugs = sorted({s for p in products for s in (*catalog.categories[p.category].ancestors, p.category)})
    newest = max((p.added for p in products if p.added), default=None)
    meta = {
        "title": business.name,
        NAME: business.name,
        "usaha": views.t(f"kind_{business.kind}"),
        "jumlah": str(len(products)),
        "baru": _key(_newest(newest)),
        "pilihan": _key(rank),
        **_photo(views, card.logo or card.cover, business.name),
    }
    if business.district:
        meta["kecamatan"] = business.district
    if business.tagline:
        meta["tagline"] = business.tagline
    words = [business.name, business.tagline or "", business.district or "", business.owner or ""]
    words += [*(catalog.categories[s].name for s in slugs), plain_text(business.story.html)[:600]]
    return Record(
        url=card.url,
        content=_content(words),
        meta=meta,
        filters={
            "tipe": ["toko"],
            "kategori": slugs,
            **_business_filters(business),
        },
        sort=_sorts(meta, "baru", "pilihan"),
        group=_main_group(catalog, products),
    )


def _category_record(catalog: Catalog, views: ViewBuilder, category: Category) -> Record:
    names = [catalog.categories[slug].name for slug in category.ancestors] + [category.name]
    products = catalog.products_in_category[category.slug]
    meta = {"title": category.name, NAME: category.name, "jumlah": str(len(products))}
    # The photo of the floor's first product that has one, in the floor's own order
    cards = (views.product_cards[p.key] for p in products)
    meta |= next((_photo(views, c.picture, c.alt) for c in cards if c.picture), {})
    if category.ancestors:
        meta["induk"] = " › ".join(names[:-1])
    return Record(
        url=views.link(urls.category(category.slug)),
        content=_content([*names, category.description or ""]),
        meta=meta,
        filters={"tipe": ["kategori"], "kategori": [*category.ancestors, category.slug]},
        sort={},  # never in a sorted list
        group="kategori",
    )


def _business_filters(business: Business) -> dict[str, list[str]]:
    """The filters a product shares with its business: district and kind."""
    return {"kecamatan": [business.district] if business.district else [], "usaha": [business.kind]}


def _photo(views: ViewBuilder, picture: Picture | None, alt: str) -> dict[str, str]:
    """A result's photo: the smallest WebP rendition, with its size against layout shift."""
    if picture is None:
        return {}
    small = picture.webp[0]
    return {
        "image": views.link("/" + small.path),
        "image_alt": alt,
        "w": str(small.width),
        "h": str(small.height),
    }


def _content(words: list[str]) -> str:
    """What a record is found by, with the word every record has (EVERY)."""
    return ". ".join([*(word for word in words if word), EVERY])


def _sorts(meta: dict[str, str], *keys: str) -> dict[str, str]:
    """Pagefind's sort keys, only those the record's kind is sorted by: each costs about
    2 bytes a record in the metadata a sorted search downloads. Their values stay in the
    meta too, where the browser merges the sorted parts by them."""
    return {key: meta[key] for key in keys}


def _main_group(catalog: Catalog, products: tuple[Product, ...]) -> str:
    """A store goes in the part of the category most of its products are in, so that a
    search for what it sells finds it and its products in the same parts."""
    if not products:
        return "toko"
    counts = Counter(p.category for p in products)
    leaf = min(counts, key=lambda slug: (-counts[slug], slug))
    return f"{catalog.categories[leaf].top}/{leaf}"


def _key(number: int) -> str:
    """A sort value as Pagefind compares it: text of one width ("k" keeps Pagefind from
    reading it as a 32-bit float, which would merge prices near 10**12)."""
    return f"k{number:013d}"


def _newest(added: Any) -> int:
    """Newest first in ascending order: 99991231 minus the date; undated last."""
    return NONE if added is None else 99_991_231 - int(added.strftime("%Y%m%d"))
