"""The documents of one business and of the showroom: each business's brochure and its
"scan to order" counter poster, and the shelf labels of the products on display at the
Galeri IKM. All come from the same content as the catalog.

Label sheets: `LABEL_STOCK` names the sheet the office buys; A4 sheets of 2 x 4 labels of
99.1 x 67.7 mm (the Avery L7165 / J8165 layout, sold in Indonesian stationery shops as
"label stiker A4 isi 8", e.g. by Fox and Koala) are the default: big enough for a name
read from a metre and a QR code a phone reads. Another stock is one more `LabelStock`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalog.content.markup import first_paragraph_text
from catalog.content.model import Business, Product, listing_order
from catalog.core import urls
from catalog.print.records import Brochure, LabelSheets, LabelStock, Poster, ShelfLabel, geometry
from catalog.print.text import cut, printed_certifications

if TYPE_CHECKING:
    from catalog.print.plan import _Planner

LABEL_STOCKS = {
    "a4-8": LabelStock("A4 8 label 99,1 x 67,7 mm (L7165)", 2, 4, 99.1, 67.7, 13.1, 4.65, 2.5, 0.0),
    "a4-14": LabelStock("A4 14 label 99,1 x 38,1 mm (L7163)", 2, 7, 99.1, 38.1, 15.1, 4.65, 2.5, 0.0),
}
LABEL_STOCK = "a4-8"  # the grid of /katalog/label-rak.pdf
LABEL_NAME_CHARS = 48


def labels(planner: _Planner, products: list[Product]) -> LabelSheets:
    """Every showroom product's shelf label, by business then as its category lists them."""
    catalog = planner.catalog
    names = {b.slug: b.name for b in catalog.businesses}
    ordered = sorted(products, key=lambda p: (names[p.business].casefold(), listing_order(p)))
    found = tuple(
        ShelfLabel(
            name=cut(p.name, LABEL_NAME_CHARS),
            business=names[p.business],
            price=p.price,
            unit=p.unit,
            certifications=printed_certifications(catalog.certifications_of(p)),
            url=planner.link.absolute(urls.product(p.business, p.slug)),
        )
        for p in ordered
    )
    return LabelSheets(
        path=urls.shelf_labels_pdf(),
        title=catalog.site.title,
        site=planner.site,
        geometry=geometry("A4", 0, False, None, None),
        stock=LABEL_STOCKS[LABEL_STOCK],
        labels=found,
        printed=tuple(sorted(urls.product(p.business, p.slug) for p in ordered)),
    )


def brochure(planner: _Planner, business: Business) -> Brochure:
    """One or two pages for a business: its profile and a QR code of its store, then its products."""
    products = sorted(planner.catalog.products_of_business[business.slug], key=listing_order)
    g = planner.geometry
    first_count = g.columns * (g.rows - 1)  # the profile takes one row of page 1
    first, rest = products[:first_count], products[first_count:]
    second = rest[: g.per_sheet]
    url = urls.business(business.slug)
    printed = {url, *(urls.product(p.business, p.slug) for p in products[: first_count + g.per_sheet])}
    return Brochure(
        path=urls.brochure(business.slug),
        title=business.name,
        site=planner.site,
        geometry=g,
        name=business.name,
        tagline=business.tagline,
        kind=business.kind,
        since=business.since,
        owner=business.owner,
        district=business.district,
        address=business.address,
        whatsapp=business.whatsapp,
        phone=business.phone,
        email=business.email,
        website=business.website,
        socials=business.socials,
        nib=business.nib,
        certifications=printed_certifications(business.certifications),
        story=cut(first_paragraph_text(business.story.html), 420),
        logo=planner.logo(business),
        url=planner.link.absolute(url),
        first=tuple(planner.entry(p) for p in first),
        second=tuple(planner.entry(p) for p in second),
        more=len(rest) - len(second),
        printed=tuple(sorted(printed)),
    )


def poster(planner: _Planner, business: Business) -> Poster:
    """An A5 poster for the business's counter: its name, logo, WhatsApp and store QR code."""
    store = urls.business(business.slug)
    return Poster(
        path=urls.poster(business.slug),
        title=business.name,
        site=planner.site,
        geometry=geometry("A5", 0, False, None, None),
        name=business.name,
        tagline=business.tagline,
        logo=planner.photo(business.logo, 24, 24) if business.logo else None,  # print.css .poster-logo
        whatsapp=business.whatsapp,
        url=planner.link.absolute(store),
        printed=(store,),
    )
