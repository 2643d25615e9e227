"""The print plan: catalogs and brochures as page-exact documents, before anything renders.

Every catalog page is a *sheet*: one section heading and at most columns x rows products
in cells of fixed size. Page numbers are therefore known before WeasyPrint runs, so the
table of contents and the business index are numbered across parts rendered separately
(in parallel, with bounded memory), and the renderer only checks that each part came out
with the pages planned. Photos get a print rendition sized for 300 ppi at their printed
size; the preflight names every photo that is smaller than that. Emoji are left out of
print (the print fonts have none, and a colour emoji font is on few machines): the plan
names each entry that had one.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape as html_unescape
from pathlib import Path
from typing import Protocol

from catalog.content import legal
from catalog.content.markup import first_paragraph_text
from catalog.content.model import (
    Business,
    Catalog,
    Category,
    Certification,
    ImageRef,
    Markup,
    Price,
    Product,
    listing_order,
)
from catalog.core import urls
from catalog.core.errors import ContentError
from catalog.core.messages import message

MM_PER_INCH = 25.4
TARGET_PPI = 300
LOW_PPI = 150
PAPERS = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
DEFAULT_GRID = {"A4": (2, 3), "A5": (2, 2)}
PART_PRODUCTS = 300  # products per separately laid-out part: 50 A4 pages (2 x 3), 2 to 170 MB of layout
SUMMARY_CHARS = 150
NAME_CHARS = 60
# A cell's text in millimetres, as print.css sets it: what the name, business and price
# take, a line and an average character of the summary and of the legal numbers. The plan
# gives the summary what the legal numbers leave, so they are never cut off at the bottom.
_TEXT_FIXED = 4.4 + 4.4 + 5.7  # .text padding, .by and .price with their margins
_NAME_LINE, _NAME_CHAR = 4.02, 1.85
_SUMMARY_LINE, _SUMMARY_CHAR, _SUMMARY_LINES = 3.33, 1.4, 3
_LEGAL_LINE, _LEGAL_CHAR, _LEGAL_LABEL = 3.33, 1.3, 8  # a label and its space: about 8 characters


@dataclass(frozen=True)
class Geometry:
    """Page and cell sizes in millimetres; the templates draw with exactly these numbers."""

    paper: str
    width: float
    height: float
    bleed: float
    crop_marks: bool
    margin_top: float
    margin_side: float
    margin_bottom: float
    columns: int
    rows: int
    gap: float
    bar: float  # the section heading above a sheet's grid
    cell_width: float
    cell_height: float
    photo_height: float
    qr: float
    logo: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


def geometry(paper: str, bleed: float, crop_marks: bool, columns: int | None, rows: int | None) -> Geometry:
    width, height = PAPERS[paper]
    small = paper == "A5"
    default_columns, default_rows = DEFAULT_GRID[paper]
    columns, rows = columns or default_columns, rows or default_rows
    top, side, bottom = (13.0, 10.0, 13.0) if small else (16.0, 12.0, 16.0)
    gap, bar = (4.0, 9.0) if small else (5.0, 11.0)
    cell_width = (width - 2 * side - gap * (columns - 1)) / columns
    cell_height = (height - top - bottom - bar - gap - gap * (rows - 1)) / rows
    text = min(34.0 if not small else 30.0, cell_height * 0.55)
    return Geometry(
        paper=paper,
        width=width,
        height=height,
        bleed=bleed,
        crop_marks=crop_marks,
        margin_top=top,
        margin_side=side,
        margin_bottom=bottom,
        columns=columns,
        rows=rows,
        gap=gap,
        bar=bar,
        cell_width=math.floor(cell_width * 10) / 10 - 0.05,  # rounded down: a row never wraps
        cell_height=math.floor(cell_height * 100) / 100,
        photo_height=math.floor((cell_height - text) * 100) / 100,
        qr=min(20.0 if not small else 17.0, text - 6, cell_width / 3),
        logo=24.0 if not small else 18.0,
    )


@dataclass(frozen=True)
class PrintPhoto:
    uri: str  # where the PDF fetcher finds the print rendition (urls.print_cache_uri)
    ppi: int  # the source's resolution at its printed size
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class Unprintable:
    """Emoji left out of print from one field of one content file."""

    source: str  # content-relative path
    field: str
    chars: str


@dataclass(frozen=True)
class LowResolution:
    """A photo printed below 300 ppi: the build warns, naming the file."""

    ref: ImageRef
    ppi: int
    width_mm: float
    height_mm: float
    needed_px: int


@dataclass(frozen=True)
class Entry:
    anchor: str
    name: str
    business: str
    price: Price | None
    unit: str | None
    stock: str
    summary: str
    summary_lines: int  # at most: the rest of the cell is the legal numbers'
    certifications: tuple[tuple[str, str | None], ...]  # (kind, number without its label) that apply
    photo: PrintPhoto | None
    path: str  # the product page's site path
    url: str  # its absolute URL: the QR code


@dataclass(frozen=True)
class Divider:
    page: int  # relative to the start of the body
    anchor: str
    name: str
    description: str | None
    sections: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Sheet:
    page: int
    top: str
    title: str
    first: bool  # the section's first sheet (later ones say "continued")
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class TocLine:
    level: int
    title: str
    page: int  # relative to the start of the body


@dataclass(frozen=True)
class IndexLine:
    name: str
    district: str | None
    whatsapp: str | None
    pages: tuple[int, ...]  # relative to the start of the body


@dataclass(frozen=True)
class SiteInfo:
    """What a cover and back cover print about the catalog itself."""

    title: str
    tagline: str | None
    publisher: str | None
    address: str | None
    phone: str | None
    email: str | None
    whatsapp: str | None
    web: str  # the site's address as printed: no scheme, no trailing slash
    catalogs_web: str
    url: str  # the home page's absolute URL: the QR code
    logo: PrintPhoto | None
    primary: str | None
    accent: str | None
    edition: str
    date: str  # ISO date of the edition, for PDF metadata


@dataclass(frozen=True)
class Foreword:
    title: str
    html: str  # sanitized; images point at print renditions, site links are absolute


@dataclass(frozen=True)
class CatalogDocument:
    path: str  # site path of the PDF: /katalog/katalog-lengkap.pdf
    title: str
    subtitle: str | None
    site: SiteInfo
    geometry: Geometry
    foreword: Foreword | None
    toc: tuple[TocLine, ...]
    parts: tuple[tuple[Divider | Sheet, ...], ...]  # body parts, each rendered on its own
    body_pages: int
    index: tuple[IndexLine, ...]
    printed: tuple[str, ...] = field(repr=False)  # site paths this document prints (QR codes, links)

    @property
    def kind(self) -> str:
        return "catalog"


@dataclass(frozen=True)
class Brochure:
    path: str
    title: str
    site: SiteInfo
    geometry: Geometry
    name: str
    tagline: str | None
    kind: str
    since: int | None
    owner: str | None
    district: str | None
    address: str | None
    whatsapp: str | None
    phone: str | None
    email: str | None
    website: str | None
    socials: tuple[tuple[str, str], ...]
    nib: str | None
    certifications: tuple[tuple[str, str | None], ...]
    story: str
    logo: PrintPhoto | None
    url: str  # the store page's absolute URL: the QR code
    first: tuple[Entry, ...]  # beside the profile on page 1
    second: tuple[Entry, ...]  # page 2, when there are more
    more: int  # products not printed, found online
    printed: tuple[str, ...] = field(repr=False)

    @property
    def pages(self) -> int:
        return 2 if self.second or self.more else 1


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


def plan(
    catalog: Catalog, photos: PhotoSource, edition: str, date: str, heading: dict[str, str]
) -> PrintPlan:
    """Every PDF of the site: the whole catalog, one per top-level category, one brochure per business.

    `heading` holds the few words the plan itself writes (section "continued", index title),
    in the site's language, from the theme's strings.
    """
    printable, dropped = printable_catalog(catalog)
    found = _Planner(printable, photos, edition, date, heading).run()
    found.unprintable = dropped
    return found


# An emoji with what shapes it: skin tones, variation selector 16, keycaps, flag tags, and
# ZWJ sequences (👩‍🍳). Symbols the fallback fonts draw in black and white (❤ ☕ ✓) stay.
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U000e0020-\U000e007f\ufe0f\u20e3]"
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*"
)
_PRINTED_FIELDS = {
    Business: ("name", "tagline", "owner", "address", "story"),
    Product: ("name", "summary", "unit", "description"),
}


def printable_catalog(catalog: Catalog) -> tuple[Catalog, list[Unprintable]]:
    """`catalog` with emoji taken out of every text that goes to print, and where they were.

    WeasyPrint draws an empty box for them and warns, in English, once per PDF."""
    dropped: list[Unprintable] = []

    def clean(record: Business | Product) -> Business | Product:
        changes: dict[str, object] = {}
        for name in _PRINTED_FIELDS[type(record)]:
            value = getattr(record, name)
            text = value.html if isinstance(value, Markup) else value
            if not text or not _EMOJI.search(text):
                continue
            dropped.append(Unprintable(record.source, name, "".join(_EMOJI.findall(text))))
            kept = re.sub(r"[ \t]{2,}", " ", _EMOJI.sub("", text)).strip()
            changes[name] = dataclasses.replace(value, html=kept) if isinstance(value, Markup) else kept
        return dataclasses.replace(record, **changes) if changes else record

    businesses = tuple(clean(b) for b in catalog.businesses)
    products = tuple(clean(p) for p in catalog.products)
    if not dropped:
        return catalog, dropped
    return dataclasses.replace(catalog, businesses=businesses, products=products), dropped


def unprintable_warnings(found: list[Unprintable], content: Path, language: str) -> list[ContentError]:
    """One warning per field that lost emoji, at the line of the file that holds the first."""
    return [
        ContentError(item.source, _line_of(content / item.source, item.chars[0]), item.field,
                     message("print_emoji", language, chars=item.chars))
        for item in found
    ]  # fmt: skip


def _line_of(file: Path, char: str) -> int:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if char in line), 1)


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
        self.site = self.site_info(edition, date)
        self.foreword = self.print_foreword()

    def run(self) -> PrintPlan:
        chosen = [p for p in self.catalog.products if self.included(p)]
        tops = [c for c in self.catalog.top_categories if any(self.under(p, c.slug) for p in chosen)]
        documents = [self.document(urls.whole_catalog_pdf(), self.site.title, None, tops, chosen)] + [
            self.document(urls.category_pdf(top.slug), top.name, self.site.title, [top], chosen)
            for top in tops
        ]
        brochures = [self.brochure(business) for business in self.catalog.businesses]
        low = sorted(self.low.values(), key=lambda item: (item.ref.entry, item.ref.line, item.ref.source))
        return PrintPlan(documents, brochures, low)

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
        pages_of: dict[str, set[int]] = {}
        page = 0
        for top in tops:
            sections = self.sections(top, chosen)
            page += 1
            names = tuple(name for category, name, _ in sections if category.slug != top.slug)
            count = sum(len(products) for _, _, products in sections)
            blocks.append(Divider(page, f"c-{top.slug}", top.name, top.description, names, count))
            toc.append(TocLine(1, top.name, page))
            for category, name, products in sections:
                if category.slug != top.slug:
                    toc.append(TocLine(2, name, page + 1))
                per_sheet = self.geometry.per_sheet
                for start in range(0, len(products), per_sheet):
                    page += 1
                    entries = tuple(self.entry(p) for p in products[start : start + per_sheet])
                    blocks.append(Sheet(page, top.name, name, start == 0, entries))
                    for product in products[start : start + per_sheet]:
                        pages_of.setdefault(product.business, set()).add(page)
        toc.append(TocLine(1, self.heading["index"], page + 1))
        index = tuple(
            IndexLine(b.name, b.district, b.whatsapp, tuple(sorted(pages_of[b.slug])))
            for b in self.catalog.businesses
            if b.slug in pages_of
        )
        printed = {"/", urls.catalogs()}
        printed.update(e.path for b in blocks if isinstance(b, Sheet) for e in b.entries)
        return CatalogDocument(
            path=path,
            title=title,
            subtitle=subtitle,
            site=self.site,
            geometry=self.geometry,
            foreword=self.foreword,
            toc=tuple(toc),
            parts=tuple(_parts(blocks, max(1, PART_PRODUCTS // self.geometry.per_sheet))),
            body_pages=page,
            index=index,
            printed=tuple(sorted(printed)),
        )

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
            uri = self.photo(ref, width, width, contain=True).uri
            html = html.replace(f'src="{_attr(src)}"', f'src="{_attr(uri)}"')
        html = _SITE_LINK.sub(lambda m: f'href="{_attr(self.link.absolute(html_unescape(m[1])))}"', html)
        return Foreword(page.title, html)

    def brochure(self, business: Business) -> Brochure:
        products = sorted(self.catalog.products_of_business[business.slug], key=listing_order)
        g = self.geometry
        first_count = g.columns * (g.rows - 1)  # the profile takes one row of page 1
        first, rest = products[:first_count], products[first_count:]
        second = rest[: g.per_sheet]
        url = urls.business(business.slug)
        printed = {url, *(urls.product(p.business, p.slug) for p in products[: first_count + g.per_sheet])}
        logo = self.photo(business.logo, g.logo, g.logo) if business.logo else None
        return Brochure(
            path=urls.brochure(business.slug),
            title=business.name,
            site=self.site,
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
            certifications=_printed(business.certifications),
            story=_cut(first_paragraph_text(business.story.html), 420),
            logo=logo,
            url=self.link.absolute(url),
            first=tuple(self.entry(p) for p in first),
            second=tuple(self.entry(p) for p in second),
            more=len(rest) - len(second),
            printed=tuple(sorted(printed)),
        )

    # -- pieces ------------------------------------------------------------------------
    def entry(self, product: Product) -> Entry:
        known = self.entries.get(product.key)
        if known is not None:
            return known
        business = self.catalog.business_by_slug[product.business]
        path = urls.product(product.business, product.slug)
        g = self.geometry
        photo = self.photo(product.images[0], g.cell_width, g.photo_height) if product.images else None
        name = _cut(product.name, NAME_CHARS)
        certifications = _printed(self.catalog.certifications_of(product))
        lines = self.summary_lines(name, certifications)
        chars = min(SUMMARY_CHARS, int(lines * self.text_width() / _SUMMARY_CHAR))
        entry = Entry(
            anchor=f"p-{product.business}-{product.slug}",
            name=name,
            business=business.name,
            price=product.price,
            unit=product.unit,
            stock=product.stock,
            summary=_cut(product.summary, chars) if lines else "",
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

    def summary_lines(self, name: str, certifications: tuple[tuple[str, str | None], ...]) -> int:
        """How many lines of summary fit in a cell under its name and above its legal numbers."""
        g = self.geometry
        width = self.text_width()
        free = g.cell_height - g.photo_height - _TEXT_FIXED
        free -= _NAME_LINE * (1 if len(name) * _NAME_CHAR <= width else 2)
        if certifications:
            widths = [(_LEGAL_LABEL + len(number or "")) * _LEGAL_CHAR for _, number in certifications]
            free -= 1 + _LEGAL_LINE * _wrapped_lines(widths, width)
        return max(0, min(_SUMMARY_LINES, int((free - 0.8) / _SUMMARY_LINE)))

    def photo(self, ref: ImageRef, width_mm: float, height_mm: float, contain: bool = False) -> PrintPhoto:
        """The print rendition that fills a width x height box (object-fit: cover) at 300 ppi."""
        source_width, source_height = self.photos.source_size(ref)
        aspect = source_width / source_height
        if contain or ref.kind == "logo":  # not cropped: the longer side fills the box
            printed_width = min(width_mm, height_mm * aspect)
        else:
            printed_width = max(width_mm, height_mm * aspect)
        needed = math.ceil(printed_width / MM_PER_INCH * TARGET_PPI)
        ppi = math.floor(source_width / (printed_width / MM_PER_INCH))
        if ppi < TARGET_PPI:
            key = (ref, round(width_mm, 1), round(height_mm, 1))
            self.low[key] = LowResolution(ref, ppi, round(width_mm), round(height_mm), needed)
        return PrintPhoto(urls.print_cache_uri(self.photos.print_file(ref, needed)), ppi, width_mm, height_mm)

    def site_info(self, edition: str, date: str) -> SiteInfo:
        site = self.catalog.site
        logo = self.photo(site.logo, self.geometry.logo, self.geometry.logo) if site.logo else None
        return SiteInfo(
            title=site.title,
            tagline=site.tagline,
            publisher=site.publisher,
            address=site.contact.address,
            phone=site.contact.phone,
            email=site.contact.email,
            whatsapp=site.contact.whatsapp,
            web=_bare(self.link.absolute("/")),
            catalogs_web=_bare(self.link.absolute(urls.catalogs())),
            url=self.link.absolute("/"),
            logo=logo,
            primary=site.primary,
            accent=site.accent,
            edition=edition,
            date=date,
        )


def _printed(certifications: tuple[Certification, ...]) -> tuple[tuple[str, str | None], ...]:
    """Kind and number as print shows them, kinds in one order (halal, P-IRT, BPOM, ...); a
    free-text certificate (`other`) without a number says nothing and is left out."""
    ordered = sorted(certifications, key=lambda c: legal.KINDS.index(c.type))
    return tuple(
        (c.type, legal.bare_number(c.type, c.number) if c.number else None)
        for c in ordered
        if c.number or c.type != "other"
    )


def _wrapped_lines(widths: list[float], width: float) -> int:
    """Lines that pieces of these widths take, each kept whole, in a line of `width`."""
    lines, used = 1, 0.0
    for piece in widths:
        if used and used + piece > width:
            lines, used = lines + 1, 0.0
        used += piece
    return lines


def _parts(blocks: list[Divider | Sheet], sheets_per_part: int) -> Iterable[tuple[Divider | Sheet, ...]]:
    """Cut the body into parts of at most `sheets_per_part` pages, at any page boundary."""
    for start in range(0, len(blocks), sheets_per_part):
        yield tuple(blocks[start : start + sheets_per_part])


def _cut(text: str, limit: int) -> str:
    """`text` shortened at a word boundary, with an ellipsis, to fit a fixed-size cell."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = cut.rfind(". ")
    if sentence > limit * 0.6:
        return cut[: sentence + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:–-") + "…" if " " in cut else cut + "…"


_SITE_LINK = re.compile(r'href="(/[^"]*)"')


def _attr(value: str) -> str:
    """A value as it stands in a sanitized attribute (how `markup` records image sources)."""
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _bare(url: str) -> str:
    """An address as people write it on paper: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")
