"""The legal-status report for the office (`python build.py laporan`).

Per business and product, what the office follows up: a missing NIB, food and drink
without halal, home-made food without P-IRT (or BPOM), P-IRT numbers expired or expiring
within 12 months or issued elsewhere, products without photo or price, drafts waiting.
Read from a catalog built with drafts; "today" is a parameter, so the report of a given
day can be made again. The CSV opens cleanly in Excel and LibreOffice.

Which categories are food: site.yaml `legal.food_categories` and `legal.pirt_categories`
(this implementation's extension); when absent, every category whose slug has one of the
words in FOOD_WORDS, for both. A listed category counts with all its descendants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from catalog.content import legal
from catalog.content.model import Business, Catalog, Certification, Product
from catalog.core.csvfile import csv_text
from catalog.core.messages import message

KINDS = (
    "draft", "nib_missing", "halal_missing", "pirt_missing", "pirt_expired", "pirt_expiring",
    "pirt_region", "no_photo", "no_price",
)  # fmt: skip
FOOD_WORDS = {"makanan", "minuman", "kuliner", "pangan", "food", "drink", "drinks"}
FILE = "laporan-legalitas.csv"  # the default name of the CSV
EXAMPLES = 3  # names shown per kind in the printed summary


@dataclass(frozen=True)
class Finding:
    """One row of the report: what is wrong with which entry, and where to fix it."""

    business: str  # the business's name
    product: str  # the product's name, "" for the business itself
    kind: str  # one of KINDS
    detail: str
    file: str  # relative to the content folder
    line: int


def findings(catalog: Catalog, today: dt.date) -> list[Finding]:
    """Every finding of the catalog on `today`, by business, then product, then kind."""
    food = _categories(catalog, catalog.site.food_categories)
    pirt = _categories(catalog, catalog.site.pirt_categories)
    language = catalog.site.language
    found: list[Finding] = []
    for business in catalog.businesses:
        found += _business_findings(business, catalog.site.region_code, today, language)
        for product in catalog.products_of_business[business.slug]:
            found += _product_findings(catalog, business, product, (food, pirt), today)
    return sorted(found, key=lambda f: (f.business.casefold(), f.product.casefold(), KINDS.index(f.kind)))


def csv_bytes(found: Iterable[Finding], language: str) -> bytes:
    """The findings as CSV: UTF-8 with a BOM (Excel reads it so), CRLF line ends, and no
    cell a spreadsheet would run as a formula."""
    rows = [
        (f.business, f.product, message(f"laporan_{f.kind}", language), f.detail, f.file, str(f.line))
        for f in found
    ]
    header = message("laporan_columns", language).split("|")
    return csv_text([header, *rows], line_end="\r\n").encode("utf-8-sig")


def summary(catalog: Catalog, found: list[Finding], today: dt.date) -> list[str]:
    """A few lines for the terminal: how many of each kind, with the first names."""
    language = catalog.site.language
    counts = {
        "date": today.isoformat(),
        "businesses": len(catalog.businesses),
        "products": len(catalog.products),
    }
    lines = [message("laporan_title", language, **counts)]
    for kind in KINDS:
        rows = [f for f in found if f.kind == kind]
        if rows:
            lines.append(_summary_line(kind, rows, language))
    if not found:
        lines.append(message("laporan_none", language))
    return lines


def expires(number: str) -> dt.date:
    """The last day of a P-IRT's expiry year: the number tells the year only, and the
    validation warns once that year has passed, so it counts as valid until 31 December."""
    return dt.date(legal.pirt_expiry_year(number), 12, 31)


def _business_findings(
    business: Business, region_code: str | None, today: dt.date, language: str
) -> list[Finding]:
    row = _row(business.name, "", business.source)
    found = []
    if business.draft:
        found.append(row("draft", message("laporan_draft_detail", language)))
    if business.nib is None:
        found.append(row("nib_missing", ""))
    return found + _number_findings(business.name, "", business.certifications, region_code, today, language)


def _product_findings(
    catalog: Catalog,
    business: Business,
    product: Product,
    food_and_pirt: tuple[set[str], set[str]],
    today: dt.date,
) -> list[Finding]:
    site = catalog.site
    row = _row(business.name, product.name, product.source)
    category = catalog.categories[product.category]
    lineage = {*category.ancestors, category.slug}
    types = {c.type for c in catalog.certifications_of(product)}
    found = []
    if product.draft:
        found.append(row("draft", message("laporan_draft_detail", site.language)))
    if lineage & food_and_pirt[0] and "halal" not in types:
        found.append(row("halal_missing", category.name))
    if lineage & food_and_pirt[1] and not types & {"pirt", "bpom"}:
        found.append(row("pirt_missing", category.name))
    if not product.images:
        found.append(row("no_photo", ""))
    if product.price is None and not any(v.price for v in product.variants):
        found.append(row("no_price", ""))
    own = product.certifications
    return found + _number_findings(business.name, product.name, own, site.region_code, today, site.language)


def _number_findings(
    business: str,
    product: str,
    certifications: tuple[Certification, ...],
    region_code: str | None,
    today: dt.date,
    language: str,
) -> list[Finding]:
    """The P-IRT numbers written in one entry: expired, expiring, or from another kab/kota."""
    found = []
    for cert in certifications:
        number = cert.number
        facts = legal.pirt_facts(cert.type, number)
        if facts is None:
            continue
        region = facts[0]
        where = (business, product)
        ends = expires(number)
        until = message("laporan_until", language, number=number, year=ends.year)
        if ends < today:
            found.append(Finding(*where, "pirt_expired", until, cert.source, cert.line))
        elif ends <= _a_year_after(today):
            found.append(Finding(*where, "pirt_expiring", until, cert.source, cert.line))
        if region_code and region != region_code:
            detail = message(
                "laporan_region_detail", language, number=number, found=region, expected=region_code
            )
            found.append(Finding(*where, "pirt_region", detail, cert.source, cert.line))
    return found


def _row(business: str, product: str, source: str) -> Callable[[str, str], Finding]:
    """A maker of findings about one entry, at the top of its file."""
    return lambda kind, detail: Finding(business, product, kind, detail, source, 1)


def _categories(catalog: Catalog, listed: tuple[str, ...] | None) -> set[str]:
    """The listed category slugs, or by default those whose slug has a food word."""
    if listed is not None:
        return set(listed)
    return {slug for slug in catalog.categories if FOOD_WORDS & set(slug.split("-"))}


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _summary_line(kind: str, rows: list[Finding], language: str) -> str:
    names = list(dict.fromkeys(" / ".join(filter(None, (f.business, f.product))) for f in rows))
    shown = ", ".join(names[:EXAMPLES])
    if len(names) > EXAMPLES:
        shown += message("laporan_more", language, count=len(names) - EXAMPLES)
    label = message(f"laporan_{kind}", language)
    return message("laporan_line", language, label=label, count=len(rows), names=shown)
