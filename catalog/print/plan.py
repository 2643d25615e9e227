"""The print plan: catalogs, brochures and the showroom kit as page-exact documents, before
anything renders.

A catalog's body is *sheets*: pages of sections, each a heading band over rows of cells of
fixed size, a small section sharing the page with the next one. Page numbers are therefore
known before WeasyPrint runs, so the table of contents and the business index are numbered
across parts rendered separately (in parallel, with bounded memory), and the renderer only
checks that each part came out with the pages planned. Photos get a print rendition sized
for 300 ppi at their printed size (shown whole, never cropped); the preflight names every
photo that is smaller than that.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape as html_unescape
from typing import Protocol

from catalog.content.model import Business, Catalog, Category, ImageRef, Product, listing_order
from catalog.core import urls
from catalog.print import kit
from catalog.print.records import (
    PAD,
    Brochure,
    CatalogDocument,
    Divider,
    Document,
    Entry,
    Foreword,
    IndexLine,
    LabelSheets,
    Poster,
    PrintPhoto,
    Section,
    Sheet,
    ShowroomInfo,
    SiteInfo,
    TocLine,
)
from catalog.print.records import geometry as geometry
from catalog.print.text import (
    Unprintable,
    attr,
    bare,
    cut,
    printable_catalog,
    printed_certifications,
    wrapped_lines,
)
from catalog.print.text import unprintable_warnings as unprintable_warnings

MM_PER_INCH = 25.4
TARGET_PPI = 300
LOW_PPI = 150
PART_PRODUCTS = 300  # products per separately laid-out part: 50 A4 pages (2 x 3), 2 to 170 MB of layout
SUMMARY_CHARS, TEXT_CARD_CHARS = 150, 520
NAME_CHARS = 60
COVER_PHOTOS = 3
# A cell's text in millimetres, as print.css sets it: what the name, business and price
# take, a line and an average character of the summary and of the legal numbers. The plan
# gives the summary what the legal numbers leave, so they are never cut off at the bottom.
_TEXT_FIXED = 4.4 + 4.4 + 5.7  # .text padding, .by and .price with their margins
_NAME_LINE, _NAME_CHAR = 4.02, 1.85
_SUMMARY_LINE, _SUMMARY_CHAR, _SUMMARY_LINES = 3.33, 1.4, 3
_LEGAL_LINE, _LEGAL_CHAR, _LEGAL_LABEL = 3.33, 1.3, 8  # a label and its space: about 8 characters
_EPSILON = 0.01  # mm: the plan's sums against the page's height


@dataclass(frozen=True)
class LowResolution:
    """A photo printed below 300 ppi: the build warns, naming the file."""

    ref: ImageRef
    ppi: int
    width_mm: float
    height_mm: float
    needed_px: int


class PhotoSource(Protocol):
    """What the plan needs from the image store: source sizes and print renditions."""

    def source_size(self, ref: ImageRef) -> tuple[int, int]: ...

    def print_file(self, ref: ImageRef, width: int) -> str: ...


@dataclass
class PrintPlan:
    catalogs: list[CatalogDocument]
    brochures: list[Brochure]
    low_resolution: list[LowResolution]
    unprintable: list[Unprintable] = field(default_factory=list)
    posters: list[Poster] = field(default_factory=list)
    labels: list[LabelSheets] = field(default_factory=list)
    press: list[CatalogDocument] = field(default_factory=list)  # print-shop editions

    def documents(self) -> list[Document]:
        """Every PDF, the largest first among its kind."""
        return [*self.catalogs, *self.press, *self.brochures, *self.labels, *self.posters]


def plan(
    catalog: Catalog, photos: PhotoSource, edition: str, date: str, heading: dict[str, str]
) -> PrintPlan:
    """Every PDF of the site: the whole catalog, one per top-level category (and their
    print-shop editions with `print.press`), one brochure and one poster per business, and
    the showroom's shelf labels.

    `heading` holds the few words the plan itself writes (index title), in the site's
    language, from the theme's strings.
    """
    printable, dropped = printable_catalog(catalog)
    found = _Planner(printable, photos, edition, date, heading).run()
    found.unprintable = dropped
    return found


class _Planner:
    def __init__(
        self, catalog: Catalog, photos: PhotoSource, edition: str, date: str, heading: dict[str, str]
    ) -> None:
        settings = catalog.site.print
        self.catalog = catalog
        self.photos = photos
        self.heading = heading
        self.link = urls.Urls(catalog.site.base_url)
        self.geometry = geometry(
            settings.paper, settings.bleed_mm, settings.crop_marks, settings.columns, settings.rows
        )
        self.low: dict[tuple[ImageRef, float, float], LowResolution] = {}
        self.entries: dict[tuple[str, str], Entry] = {}
        self.products = {_anchor(p): p for p in catalog.products}
        self.site = self.site_info(edition, date)
        self.foreword = self.print_foreword()

    def run(self) -> PrintPlan:
        chosen = [p for p in self.catalog.products if self.included(p)]
        tops = [c for c in self.catalog.top_categories if any(self.under(p, c.slug) for p in chosen)]
        documents = [self.document(urls.whole_catalog_pdf(), self.site.title, None, tops, chosen)] + [
            self.document(urls.category_pdf(top.slug), top.name, self.site.title, [top], chosen)
            for top in tops
        ]
        press = [dataclasses.replace(doc, path=urls.press_pdf(doc.path), press=True) for doc in documents]
        brochures = [kit.brochure(self, business) for business in self.catalog.businesses]
        showroom = [p for p in self.catalog.products if p.showroom]
        posters = [kit.poster(self, business) for business in self.catalog.businesses]
        labels = [kit.labels(self, showroom)] if showroom else []
        low = sorted(self.low.values(), key=lambda item: (item.ref.entry, item.ref.line, item.ref.source))
        return PrintPlan(
            documents,
            brochures,
            low,
            posters=posters,
            labels=labels,
            press=press if self.catalog.site.print.press else [],
        )

    # -- what goes to print ------------------------------------------------------------
    def included(self, product: Product) -> bool:
        settings = self.catalog.site.print
        if settings.include == "featured":
            return product.featured
        if settings.include == "listed":
            category = self.catalog.categories[product.category]
            in_category = any(c in settings.categories for c in (*category.ancestors, category.slug))
            return in_category or product.business in settings.businesses
        return True

    def under(self, product: Product, top: str) -> bool:
        return self.catalog.categories[product.category].top == top

    # -- documents ---------------------------------------------------------------------
    def document(
        self, path: str, title: str, subtitle: str | None, tops: list[Category], chosen: list[Product]
    ) -> CatalogDocument:
        blocks: list[Divider | Sheet] = []
        toc: list[TocLine] = []
        floors = [c.slug for c in self.catalog.top_categories]
        for top in tops:
            sections = self.sections(top, chosen)
            names = tuple(name for category, name, _ in sections if category.slug != top.slug)
            count = sum(len(products) for _, _, products in sections)
            page = len(blocks) + 1
            floor = floors.index(top.slug) + 1
            blocks.append(Divider(page, f"c-{top.slug}", floor, top.name, top.description, names, count))
            toc.append(TocLine(1, top.name, page))
            sheets = self.flow(top.name, [(name, products) for _, name, products in sections], page + 1)
            starts = {s.title: sheet.page for sheet in reversed(sheets) for s in sheet.sections}
            toc += [TocLine(2, name, starts[name]) for c, name, _ in sections if c.slug != top.slug]
            blocks += sheets
        body_pages = len(blocks)
        toc.append(TocLine(1, self.heading["index"], body_pages + 1))
        pages_of: dict[str, set[int]] = {}
        paths = {"/", urls.catalogs()}
        photos: list[tuple[bool, Entry]] = []
        for block in blocks:
            for entry, product in self.entries_of(block):
                pages_of.setdefault(product.business, set()).add(block.page)
                paths.add(entry.path)
                if entry.photo:
                    photos.append((not product.featured, entry))
        photos.sort(key=lambda item: item[0])  # featured first, then in catalog order
        index = tuple(
            IndexLine(b.name, b.district, b.whatsapp, tuple(sorted(pages_of[b.slug])))
            for b in self.catalog.businesses
            if b.slug in pages_of
        )
        return CatalogDocument(
            path=path,
            title=title,
            subtitle=subtitle,
            site=self.site,
            geometry=self.geometry,
            foreword=self.foreword,
            toc=tuple(toc),
            parts=tuple(_parts(blocks, max(1, PART_PRODUCTS // self.geometry.per_sheet))),
            body_pages=body_pages,
            index=index,
            cover=tuple(entry for _, entry in photos[:COVER_PHOTOS]),
            pad_to=PAD[self.catalog.site.print.binding],
            printed=tuple(sorted(paths)),
        )

    def entries_of(self, block: Divider | Sheet) -> Iterable[tuple[Entry, Product]]:
        if isinstance(block, Sheet):
            for section in block.sections:
                for entry in section.entries:
                    yield entry, self.products[entry.anchor]

    def flow(self, top: str, sections: list[tuple[str, list[Product]]], page: int) -> list[Sheet]:
        """Sections on pages, one after the other: each under its heading band, the next one
        on the same page while a row of it fits (geometry() leaves room for two bands)."""
        g = self.geometry
        row = g.cell_height + g.gap
        sheets: list[Sheet] = []
        current: list[Section] = []
        used = 0.0
        for title, products in sections:
            rows = [products[i : i + g.columns] for i in range(0, len(products), g.columns)]
            first = True
            while rows:
                lead = g.gap if current else 0.0
                fit = int((g.body - used - lead - g.band + g.gap + _EPSILON) // row)
                if fit < 1:
                    sheets.append(Sheet(page + len(sheets), top, tuple(current)))
                    current, used = [], 0.0
                    continue
                taken, rows = rows[:fit], rows[fit:]
                entries = tuple(self.entry(p) for chunk in taken for p in chunk)
                current.append(Section(title, first, entries))
                used += lead + g.band + len(taken) * row - g.gap
                first = False
                if rows:
                    sheets.append(Sheet(page + len(sheets), top, tuple(current)))
                    current, used = [], 0.0
        if current:
            sheets.append(Sheet(page + len(sheets), top, tuple(current)))
        return sheets

    def sections(self, top: Category, chosen: list[Product]) -> list[tuple[Category, str, list[Product]]]:
        """The top category's own products, then each descendant's, in tree order."""
        found = []
        for category in self.catalog.categories.values():
            if category.slug != top.slug and top.slug not in category.ancestors:
                continue
            products = sorted((p for p in chosen if p.category == category.slug), key=listing_order)
            if products:
                path = [self.catalog.categories[a].name for a in category.ancestors[1:]] + [category.name]
                name = top.name if category.slug == top.slug else " › ".join(path)
                found.append((category, name, products))
        return found

    def print_foreword(self) -> Foreword | None:
        """The foreword page, its photos as print renditions at the text's width, links absolute."""
        slug = self.catalog.site.print.foreword
        page = next((page for page in self.catalog.pages if page.slug == slug), None)
        if page is None:
            return None
        g = self.geometry
        width = g.width - 2 * g.margin_side
        html = page.body.html
        for src, ref in page.body.images:
            uri = self.photo(ref, width, width).uri
            html = html.replace(f'src="{attr(src)}"', f'src="{attr(uri)}"')
        html = _SITE_LINK.sub(lambda m: f'href="{attr(self.link.absolute(html_unescape(m[1])))}"', html)
        return Foreword(page.title, html)

    # -- pieces ------------------------------------------------------------------------
    def logo(self, business: Business) -> PrintPhoto | None:
        g = self.geometry
        return self.photo(business.logo, g.logo, g.logo) if business.logo else None

    def entry(self, product: Product) -> Entry:
        known = self.entries.get(product.key)
        if known is not None:
            return known
        business = self.catalog.business_by_slug[product.business]
        path = urls.product(product.business, product.slug)
        g = self.geometry
        photo = self.photo(product.images[0], g.cell_width, g.photo_height) if product.images else None
        name = cut(product.name, NAME_CHARS)
        certifications = printed_certifications(self.catalog.certifications_of(product))
        lines = self.summary_lines(name, certifications, photo is not None)
        limit = SUMMARY_CHARS if photo else TEXT_CARD_CHARS
        chars = min(limit, int(lines * self.text_width() / _SUMMARY_CHAR))
        entry = Entry(
            anchor=_anchor(product),
            name=name,
            business=business.name,
            price=product.price,
            unit=product.unit,
            summary=cut(product.summary, chars) if lines else "",
            summary_lines=lines,
            certifications=certifications,
            photo=photo,
            path=path,
            url=self.link.absolute(path),
        )
        self.entries[product.key] = entry
        return entry

    def text_width(self) -> float:
        """The width of a cell's words: the QR code stands to their right (print.css `.text`)."""
        g = self.geometry
        return g.cell_width - 3 - g.qr - 4.5

    def summary_lines(
        self, name: str, certifications: tuple[tuple[str, str | None], ...], photo: bool
    ) -> int:
        """How many lines of summary fit in a cell under its name and above its legal numbers
        (a card without a photo is all text)."""
        g = self.geometry
        width = self.text_width()
        free = g.cell_height - (g.photo_height if photo else 0) - _TEXT_FIXED
        free -= _NAME_LINE * (1 if len(name) * _NAME_CHAR <= width else 2)
        if certifications:
            widths = [(_LEGAL_LABEL + len(number or "")) * _LEGAL_CHAR for _, number in certifications]
            free -= 1 + _LEGAL_LINE * wrapped_lines(widths, width)
        most = _SUMMARY_LINES if photo else 99
        return max(0, min(most, int((free - 0.8) / _SUMMARY_LINE)))

    def photo(self, ref: ImageRef, width_mm: float, height_mm: float) -> PrintPhoto:
        """The print rendition of the whole photo inside a width x height box (object-fit:
        contain: caps, collars and sleeves stay on the page) at 300 ppi."""
        source_width, source_height = self.photos.source_size(ref)
        aspect = source_width / source_height
        printed_width = min(width_mm, height_mm * aspect)
        needed = math.ceil(printed_width / MM_PER_INCH * TARGET_PPI)
        ppi = math.floor(source_width / (printed_width / MM_PER_INCH))
        if ppi < TARGET_PPI:
            key = (ref, round(width_mm, 1), round(height_mm, 1))
            self.low[key] = LowResolution(ref, ppi, round(width_mm), round(height_mm), needed)
        uri = urls.print_cache_uri(self.photos.print_file(ref, needed))
        return PrintPhoto(uri, ppi, round(printed_width, 2), round(printed_width / aspect, 2))

    def site_info(self, edition: str, date: str) -> SiteInfo:
        site = self.catalog.site
        logo = self.photo(site.logo, self.geometry.logo, self.geometry.logo) if site.logo else None
        room = site.showroom
        showroom = None
        if room is not None:
            name = room.name or site.title
            showroom = ShowroomInfo(name, room.address, room.hours, room.map_url, room.whatsapp)
        order = next((p for p in self.catalog.pages if p.slug == "cara-pesan"), None)
        return SiteInfo(
            title=site.title,
            tagline=site.tagline,
            publisher=site.publisher,
            address=site.contact.address,
            phone=site.contact.phone,
            email=site.contact.email,
            whatsapp=site.contact.whatsapp,
            web=bare(self.link.absolute("/")),
            catalogs_web=bare(self.link.absolute(urls.catalogs())),
            url=self.link.absolute("/"),
            catalogs_url=self.link.absolute(urls.catalogs()),
            logo=logo,
            primary=site.primary,
            accent=site.accent,
            edition=edition,
            date=date,
            showroom=showroom,
            order_url=self.link.absolute(urls.page(order.slug)) if order else None,
        )


def _anchor(product: Product) -> str:
    return f"p-{product.business}-{product.slug}"


def _parts(blocks: list[Divider | Sheet], pages_per_part: int) -> Iterable[tuple[Divider | Sheet, ...]]:
    """Cut the body into parts of at most `pages_per_part` pages, at any page boundary."""
    for start in range(0, len(blocks), pages_per_part):
        yield tuple(blocks[start : start + pages_per_part])


_SITE_LINK = re.compile(r'href="(/[^"]*)"')
