"""What the print plan hands the templates: page geometry and frozen records of every document.

Every size is in millimetres and the templates draw with exactly these numbers, so the plan
knows what each page holds before WeasyPrint runs (plan.py), and a document's `repr` is
its fingerprint (jobs.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from catalog.content.model import Price

PAPERS = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
DEFAULT_GRID = {"A4": (2, 3), "A5": (2, 2)}
SLUG_MM = 7.0  # beyond the bleed: where the crop marks stand, clear of the knife and the art
PAD = {"saddle": 4, "perfect": 2}  # a stapled booklet is folded sheets: 4 pages each


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
    bar: float  # a section's heading band
    cell_width: float
    cell_height: float
    photo_height: float
    qr: float
    logo: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def body(self) -> float:
        """The height of a page's type area."""
        return self.height - self.margin_top - self.margin_bottom

    @property
    def media_bleed(self) -> float:
        """The CSS bleed: the bleed, plus a slug for the crop marks when there are marks
        (WeasyPrint draws them from the media box's edge over half of this width)."""
        return self.bleed + SLUG_MM if self.crop_marks else self.bleed

    @property
    def band(self) -> float:
        """What a section's heading takes above its first row: the band and a gap."""
        return self.bar + self.gap


def geometry(paper: str, bleed: float, crop_marks: bool, columns: int | None, rows: int | None) -> Geometry:
    """The page's grid. Cells leave room for a second heading band on every page, so a
    small section shares a page with the next one instead of starting a page of its own."""
    width, height = PAPERS[paper]
    small = paper == "A5"
    default_columns, default_rows = DEFAULT_GRID[paper]
    columns, rows = columns or default_columns, rows or default_rows
    top, side, bottom = (13.0, 10.0, 13.0) if small else (16.0, 12.0, 16.0)
    gap, bar = (4.0, 8.0) if small else (5.0, 10.0)
    cell_width = (width - 2 * side - gap * (columns - 1)) / columns
    cell_height = (height - top - bottom - 2 * bar - gap * (rows + 1)) / rows
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
        qr=min(22.0 if not small else 19.0, text - 5, cell_width / 3),
        logo=24.0 if not small else 18.0,
    )


@dataclass(frozen=True)
class PrintPhoto:
    uri: str  # where the PDF fetcher finds the print rendition (urls.print_cache_uri)
    ppi: int  # the source's resolution at its printed size
    width_mm: float  # the printed size: the photo whole, inside its box
    height_mm: float


@dataclass(frozen=True)
class Entry:
    anchor: str
    name: str
    business: str
    price: Price | None
    unit: str | None
    summary: str
    summary_lines: int  # at most: the rest of the cell is the legal numbers'
    certifications: tuple[tuple[str, str | None], ...]  # (kind, number without its label) that apply
    photo: PrintPhoto | None  # None: a text card, no photo box
    path: str  # the product page's site path
    url: str  # its absolute URL: the QR code and the link


@dataclass(frozen=True)
class Divider:
    page: int  # relative to the start of the body
    anchor: str
    floor: int  # the floor number the web shows (the category's place among the top ones)
    name: str
    description: str | None
    sections: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Section:
    """A section's products on one page, under its heading band."""

    title: str
    first: bool  # the section's first page (later ones say "continued")
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Sheet:
    page: int
    top: str
    sections: tuple[Section, ...]


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
class ShowroomInfo:
    name: str
    address: str | None
    hours: str | None
    map_url: str | None
    whatsapp: str | None


@dataclass(frozen=True)
class SiteInfo:
    """What a cover, back cover and padding page print about the catalog itself."""

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
    catalogs_url: str
    logo: PrintPhoto | None
    primary: str | None
    accent: str | None
    edition: str
    date: str  # ISO date of the edition, for PDF metadata
    showroom: ShowroomInfo | None
    order_url: str | None  # the free page that explains ordering, if the site has one


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
    cover: tuple[Entry, ...]  # products whose photos are on the cover: featured ones first
    pad_to: int  # the page count is a multiple of this (binding)
    press: bool = False  # the print-shop edition: PDF/X-4, CMYK
    printed: tuple[str, ...] = field(default=(), repr=False)  # site paths it prints (QR codes, links)

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
    printed: tuple[str, ...] = field(default=(), repr=False)

    @property
    def pages(self) -> int:
        return 2 if self.second or self.more else 1


@dataclass(frozen=True)
class Poster:
    """An A5 "scan to order" poster for a business's own counter."""

    path: str
    title: str
    site: SiteInfo
    geometry: Geometry
    name: str
    tagline: str | None
    logo: PrintPhoto | None
    whatsapp: str | None
    url: str  # the store page: the QR code
    printed: tuple[str, ...] = field(default=(), repr=False)

    @property
    def pages(self) -> int:
        return 1


@dataclass(frozen=True)
class LabelStock:
    """A sheet of self-adhesive labels: where each label sits, in millimetres."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    top: float  # sheet edge to the first label
    left: float
    column_gap: float
    row_gap: float


@dataclass(frozen=True)
class ShelfLabel:
    name: str
    business: str
    price: Price | None
    unit: str | None
    certifications: tuple[tuple[str, str | None], ...]
    url: str  # the product page: the QR code


@dataclass(frozen=True)
class LabelSheets:
    """Shelf labels of every showroom product, on A4 label sheets."""

    path: str
    title: str
    site: SiteInfo
    geometry: Geometry
    stock: LabelStock
    labels: tuple[ShelfLabel, ...]
    printed: tuple[str, ...] = field(default=(), repr=False)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.labels) // (self.stock.columns * self.stock.rows)))


Document = CatalogDocument | Brochure | Poster | LabelSheets
