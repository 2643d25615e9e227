"""Product feeds for buyers and marketplaces, from the same model as the pages.

- /feeds/google-merchant.xml: Google Merchant Center, RSS 2.0 with the `g:` namespace;
- /feeds/meta-catalog.csv: a Meta (Facebook, Instagram) catalog with its required columns;
- /produk.json: every product, with its business, category path, price, stock, photos
  and page (docs/feeds.md);
- /feeds/produk-baru.xml: an Atom feed of the newest products;
- /ikm/<slug>/katalog-whatsapp.csv: one business's products in the same Meta format, for
  its owner to upload to WhatsApp Business (at most 500, Meta's limit for such a file).

Ordering facts go where a format has a field: Google's `max_handling_time` takes the days
to make a pre-order item; /produk.json carries them all (payments, delivery, shelf life,
pre-order days, minimum order, showroom).

Google and Meta require a price and a photo: a product without either is left out of those
two, and `Skipped` says how many and why. A price range is offered at its lowest price (a
feed item has one price); the page shows the range.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from catalog.content.model import Catalog, ImageRef, Product
from catalog.core import urls
from catalog.site import ordering
from catalog.site.theme import Theme

GOOGLE = "/feeds/google-merchant.xml"
META = "/feeds/meta-catalog.csv"
PRODUCTS_JSON = "/produk.json"
ATOM = "/feeds/produk-baru.xml"
NEWEST = 50  # entries of the Atom feed
ID_LIMIT = 50  # characters of Google's g:id

_GOOGLE_STOCK = {"available": "in_stock", "preorder": "preorder", "sold_out": "out_of_stock"}
_META_STOCK = {"available": "in stock", "preorder": "preorder", "sold_out": "out of stock"}
META_COLUMNS = [
    "id", "title", "description", "availability", "condition", "price", "link", "image_link", "brand",
    "product_type",
]  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """Products left out of the Google and Meta feeds, by reason."""

    no_price: int
    no_photo: int  # with a price but no photo


@dataclass(frozen=True)
class Feeds:
    files: dict[str, str]  # output path -> text
    skipped: Skipped


def build(catalog: Catalog, theme: Theme, link: urls.Urls, photo: Callable[[ImageRef], str]) -> Feeds:
    """Every feed of the catalog; `photo` gives the site path of a photo's JPEG rendition.
    The XML feeds are the theme's templates `feeds/*.xml`, escaped by Jinja like the pages;
    the Meta CSV is `feeds/meta-catalog.csv`, its rows through the `csv_row` filter. The
    JSON is data, not markup: `json.dumps` (see `_products_json`)."""
    items = [_Item.of(catalog, product, link, photo) for product in catalog.products]
    sellable = [item for item in items if ordering.sellable(item.product)]
    skipped = Skipped(
        no_price=sum(1 for item in items if item.product.price is None),
        no_photo=sum(1 for item in items if item.product.price is not None and not item.image),
    )
    files = {
        urls.output_file(GOOGLE): _google(catalog, theme, link, sellable),
        urls.output_file(META): _meta(theme, sellable),
        urls.output_file(PRODUCTS_JSON): _products_json(catalog, link, items),
        urls.output_file(ATOM): _atom(catalog, theme, link, items),
    }
    by_business: dict[str, list[_Item]] = {}
    for item in sellable:
        by_business.setdefault(item.product.business, []).append(item)
    for slug, own in by_business.items():
        path = urls.output_file(urls.whatsapp_catalog(slug))
        files[path] = _meta(theme, own[: ordering.WHATSAPP_CATALOG_LIMIT])
    return Feeds(files, skipped)


@dataclass(frozen=True)
class _Item:
    product: Product
    id: str
    brand: str
    url: str
    image: str | None
    images: list[str]
    category_path: list[str]
    description: str

    @classmethod
    def of(
        cls, catalog: Catalog, product: Product, link: urls.Urls, photo: Callable[[ImageRef], str]
    ) -> _Item:
        business = catalog.business_by_slug[product.business]
        category = catalog.categories[product.category]
        names = [catalog.categories[slug].name for slug in category.ancestors] + [category.name]
        images = [link.absolute("/" + photo(ref)) for ref in product.images]
        return cls(
            product=product,
            id=feed_id(product),
            brand=business.name,
            url=link.absolute(urls.product(product.business, product.slug)),
            image=images[0] if images else None,
            images=images,
            category_path=names,
            description=product.summary or product.name,
        )

    @property
    def price(self) -> str:
        assert self.product.price is not None
        return f"{self.product.price.low}.00 IDR"


def feed_id(product: Product) -> str:
    """A product's id in every feed: `business/slug`, stable as its address; Google allows
    50 characters, so a longer one keeps its start and a hash of the whole."""
    whole = f"{product.business}/{product.slug}"
    if len(whole) <= ID_LIMIT:
        return whole
    return f"{whole[: ID_LIMIT - 9].rstrip('-/')}-{hashlib.sha256(whole.encode()).hexdigest()[:8]}"


def _google(catalog: Catalog, theme: Theme, link: urls.Urls, items: list[_Item]) -> str:
    rows = []
    for item in items:
        fields = [
            ("g:id", item.id),
            ("g:title", item.product.name),
            ("g:description", item.description),
            ("g:link", item.url),
            ("g:image_link", item.image or ""),
            *(("g:additional_image_link", image) for image in item.images[1:10]),
            ("g:availability", _GOOGLE_STOCK[item.product.stock]),
            ("g:price", item.price),
            ("g:brand", item.brand),
            ("g:condition", "new"),
            ("g:product_type", " > ".join(item.category_path)),
        ]
        if item.product.sku:
            fields.append(("g:mpn", item.product.sku))
        if item.product.stock == "preorder" and item.product.preorder_days:
            fields.append(("g:max_handling_time", str(item.product.preorder_days)))
        rows.append(fields)
    return theme.env.get_template("feeds/google-merchant.xml").render(
        title=catalog.site.title,
        home=link.absolute("/"),
        description=catalog.site.tagline or catalog.site.title,
        items=rows,
    )


def _meta(theme: Theme, items: list[_Item]) -> str:
    rows = [
        [
            item.id,
            item.product.name,
            item.description,
            _META_STOCK[item.product.stock],
            "new",
            item.price,
            item.url,
            item.image or "",
            item.brand,
            " > ".join(item.category_path),
        ]
        for item in items
    ]
    return theme.env.get_template("feeds/meta-catalog.csv").render(columns=META_COLUMNS, rows=rows)


def _products_json(catalog: Catalog, link: urls.Urls, items: list[_Item]) -> str:
    products = []
    for item in items:
        product = item.product
        price = None
        if product.price is not None:
            price = {"from": product.price.low, "to": product.price.high or product.price.low}
        products.append(
            {
                "id": item.id,
                "name": product.name,
                "business": {
                    "slug": product.business,
                    "name": item.brand,
                    "nib": catalog.business_by_slug[product.business].nib,
                },
                "category": product.category,
                "category_path": item.category_path,
                "price_idr": price,
                "unit": product.unit,
                "stock": product.stock,
                "images": item.images,
                "url": item.url,
                "added": product.added.isoformat() if product.added else None,
                "certifications": _certifications(catalog, product),
                **_ordering(catalog, product),
            }
        )
    # One product a line: a third smaller than indented (16 MB at 31k products), and a
    # changed product is one changed line in a diff. Not a template: the shape is an API
    # (docs/feeds.md) with nothing for a theme to present, and Jinja's `tojson` escapes
    # `<>&'` for HTML, which JSON served as JSON does not need.
    head = json.dumps(
        {"site": catalog.site.title, "url": link.absolute("/"), "count": len(products)}, ensure_ascii=False
    )
    lines = [json.dumps(product, ensure_ascii=False, separators=(",", ":")) for product in products]
    return head[:-1] + ', "products": [\n' + ",\n".join(lines) + "\n]}\n"


def _ordering(catalog: Catalog, product: Product) -> dict[str, object]:
    """How the product is ordered: the business's payments and delivery, its own terms."""
    business = catalog.business_by_slug[product.business]
    return {
        "payments": list(business.payments),
        "delivery": list(business.delivery),
        "min_order": product.min_order,
        "shelf_life_days": product.shelf_life_days,
        "preorder_days": product.preorder_days,
        "showroom": product.showroom,
        "whatsapp": business.whatsapp,
    }


def _certifications(catalog: Catalog, product: Product) -> list[dict[str, str | None]]:
    """The certificates that apply to a product, numbers as written, each saying whose it is:
    the product's own, or its business's (of a kind the product has none of)."""
    own = {c.type for c in product.certifications}
    return [
        {"type": c.type, "number": c.number, "holder": "product" if c.type in own else "business"}
        for c in catalog.certifications_of(product)
    ]


def _atom(catalog: Catalog, theme: Theme, link: urls.Urls, items: list[_Item]) -> str:
    dated = sorted((i for i in items if i.product.added), key=lambda i: (i.product.added, i.id), reverse=True)
    newest = [(item, _timestamp(item.product.added)) for item in dated[:NEWEST] if item.product.added]
    return theme.env.get_template("feeds/produk-baru.xml").render(
        title=catalog.site.title,
        self_url=link.absolute(ATOM),
        home=link.absolute("/"),
        updated=newest[0][1] if newest else "1970-01-01T00:00:00Z",
        author=catalog.site.publisher or catalog.site.title,
        entries=newest,
    )


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
