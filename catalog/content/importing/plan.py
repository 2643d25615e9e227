"""Rows to the businesses and products they describe, every bad cell reported.

A business's columns repeat on each of its rows: rows are grouped by the business's slug
(`slug_usaha`, else made from `nama_usaha`), and two rows that give one business different
values are a problem, not "last one wins". Two different names that make the same slug are
a problem too (the editor writes `slug_usaha` to tell them apart): a slug is a permanent
address, so it is never invented with a counter that depends on the order of the rows.
Finally each entry is validated by the content's own models, so what is written passes
`check --drafts`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from catalog.content import schema, yamlsafe
from catalog.content.importing import cells
from catalog.content.importing.cells import CellProblem, Choices
from catalog.content.importing.columns import BY_NAME, COLUMNS, LEGAL, Column, match, nearest
from catalog.content.importing.sheet import Sheet
from catalog.content.schema_errors import describe
from catalog.core.errors import Problems
from catalog.core.messages import message


@dataclass(frozen=True)
class Cell:
    row: int
    column: str  # the header as written in the file
    value: Any


@dataclass
class ProductPlan:
    slug: str
    row: int
    fields: dict[str, Cell]  # front-matter field -> its cell
    certifications: list[tuple[str, Cell]]  # (type, cell), in LEGAL order
    body: str | None

    def values(self) -> dict[str, Any]:
        """The front matter's values (the body apart)."""
        values = {name: cell.value for name, cell in self.fields.items()}
        if self.certifications:
            values["certifications"] = [{"type": t, "number": c.value} for t, c in self.certifications]
        return values


@dataclass
class BusinessPlan:
    slug: str
    row: int
    fields: dict[str, Cell]
    products: dict[str, ProductPlan] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    """Which column of the file is which: (index, column, header as written)."""

    columns: tuple[tuple[int, Column, str], ...]
    headers: dict[str, str]  # column name -> header as written
    titled: frozenset[int]  # every column with a header, known or not (the rest must be empty)


_PRODUCT_COLUMNS = frozenset(column.name for column in COLUMNS if column.product)
EXAMPLE_BUSINESS = BY_NAME["nama_usaha"].example


class Planner:
    def __init__(self, display: str, content: Path, choices: Choices, language: str) -> None:
        self.display, self.content, self.language = display, content, language
        self.problems = Problems()
        self.businesses: dict[str, BusinessPlan] = {}
        self.slug_of_name: dict[str, str] = {}  # casefolded name -> slug, for rows without slug_usaha
        self.parsers = _parsers(choices)

    def say(self, row: int, column: str, key: str, /, **detail: object) -> None:
        if "close" in detail:  # a suggestion, or none
            close = detail.pop("close")
            detail["hint"] = message("did_you_mean", self.language, name=close) if close else ""
        self.problems.add(self.display, row, column, message(key, self.language, **detail))

    # -- the header ------------------------------------------------------------------------
    def layout(self, sheet: Sheet) -> Layout:
        found: list[tuple[int, Column, str]] = []
        headers: dict[str, str] = {}
        for index, header in enumerate(sheet.headers):
            column = match(header) if header else None
            if column is None:
                if header:
                    self.say(1, header, "import_unknown_column", close=nearest(header))
                continue
            if column.name in headers:
                self.say(1, header, "import_column_twice", other=headers[column.name])
                continue
            headers[column.name] = header
            found.append((index, column, header))
        if "nama_usaha" not in headers:
            self.say(1, "nama_usaha", "import_no_name_column")
        titled = frozenset(index for index, header in enumerate(sheet.headers) if header)
        return Layout(tuple(found), headers, titled)

    # -- one row ---------------------------------------------------------------------------
    def add_row(self, layout: Layout, number: int, raw: tuple[object, ...]) -> None:
        filled, present = self.cells(layout, number, raw)
        if not present:
            return  # an empty row
        business = self.business(layout, number, filled, present)
        if business is not None and present & _PRODUCT_COLUMNS:
            self.product(layout, business, number, filled, present)

    def cells(self, layout: Layout, number: int, raw: tuple[object, ...]) -> tuple[dict[str, Cell], set[str]]:
        """The row's cells that hold a good value, and the names of all that hold any."""
        filled: dict[str, Cell] = {}
        present: set[str] = set()
        for index, column, header in layout.columns:
            value = raw[index] if index < len(raw) else None
            written = cells.multiline(value) if column.name == "deskripsi" else cells.text(value)
            if not written:
                continue
            present.add(column.name)
            try:
                filled[column.name] = Cell(number, header, self.parsers[column.name](written))
            except CellProblem as exc:
                self.say(number, header, exc.key, **exc.detail)
        for index, value in enumerate(raw):
            if index not in layout.titled and cells.text(value):
                self.say(number, _letter(index), "import_no_header")
                present.add("")
        return filled, present

    def business(
        self, layout: Layout, number: int, filled: dict[str, Cell], present: set[str]
    ) -> BusinessPlan | None:
        name = filled.get("nama_usaha")
        if name is None:  # (any written name is a good one)
            self.say(number, layout.headers.get("nama_usaha", "nama_usaha"), "import_no_business")
            return None
        if name.value == EXAMPLE_BUSINESS:
            self.say(number, name.column, "import_example_row")
            return None
        explicit = filled.get("slug_usaha")
        if explicit is None and "slug_usaha" in present:
            return None  # its slug is wrong, and already reported
        folded = name.value.casefold()
        slug = explicit.value if explicit else self.slug_of_name.get(folded) or cells.slugify(name.value)
        if not slug:
            self.say(number, name.column, "import_no_slug", column="slug_usaha")
            return None
        plan = self.businesses.get(slug)
        if plan is None:
            if explicit is None and not self.fits_folder(slug, name):
                return None
            plan = self.businesses[slug] = BusinessPlan(slug, number, {})
            self.slug_of_name.setdefault(folded, slug)
        elif explicit is None and plan.fields["name"].value.casefold() != folded:
            other = plan.fields["name"]
            self.say(number, name.column, "import_slug_clash", slug=slug, row=other.row, name=other.value)
            return None
        self.merge(plan, filled)
        return plan

    def fits_folder(self, slug: str, name: Cell) -> bool:
        """A slug made from a name must not add to another business already in the content."""
        existing = _existing_name(self.content / "ikm" / slug / "index.md")
        if existing is None or existing.casefold() == name.value.casefold():
            return True
        self.say(name.row, name.column, "import_slug_exists", slug=slug, name=existing)
        return False

    def merge(self, plan: BusinessPlan, filled: dict[str, Cell]) -> None:
        for column_name, cell in filled.items():
            column = BY_NAME[column_name]
            if column.product or column.field == "slug":
                continue
            known = plan.fields.setdefault(column.field, cell)
            if known is not cell and _same(column.field, known.value) != _same(column.field, cell.value):
                self.say(cell.row, cell.column, "import_conflict", row=known.row, value=known.value)

    def product(
        self, layout: Layout, business: BusinessPlan, number: int, filled: dict[str, Cell], present: set[str]
    ) -> None:
        name = filled.get("nama_produk")
        for needed in ("nama_produk", "kategori"):
            if needed not in present:
                self.say(number, layout.headers.get(needed, needed), "import_product_needs")
        explicit = filled.get("slug_produk")
        if name is None or "kategori" not in filled or (explicit is None and "slug_produk" in present):
            return  # already reported
        slug = explicit.value if explicit else cells.slugify(name.value)
        if not slug:
            self.say(number, name.column, "import_no_slug", column="slug_produk")
            return
        if slug in business.products:
            where = (explicit or name).column
            self.say(number, where, "import_product_twice", slug=slug, row=business.products[slug].row)
            return
        own = ("nama_produk", "kategori", "harga", "satuan")
        fields = {BY_NAME[name].field: filled[name] for name in own if name in filled}
        certifications = [(kind, filled[kind]) for kind in LEGAL if kind in filled]
        body = filled["deskripsi"].value if "deskripsi" in filled else None
        business.products[slug] = ProductPlan(slug, number, fields, certifications, body)

    # -- whole entries ---------------------------------------------------------------------
    def validate(self) -> None:
        """Each entry through the content's own model: what the import writes, `check` accepts."""
        for business in self.businesses.values():
            data = {name: cell.value for name, cell in business.fields.items()}
            self.validate_entry(schema.BusinessFrontMatter, data, business.fields, business.row)
            for product in business.products.values():
                fields = {
                    **product.fields,
                    **{f"certifications.{i}": c for i, (_, c) in enumerate(product.certifications)},
                }
                self.validate_entry(schema.ProductFrontMatter, product.values(), fields, product.row)

    def validate_entry(
        self,
        model: type[BaseModel],
        data: dict[str, Any],
        fields: dict[str, Cell],
        row: int,
    ) -> None:
        """`fields`: the cell of each field (`certifications.0` for the first certificate)."""
        try:
            model.model_validate(_as_written({**data, "draft": "true"}))
        except ValidationError as exc:
            for error in exc.errors():
                described = describe(error, model, self.language)
                if described is None:
                    continue
                loc, key, detail = described
                cell = fields.get(".".join(map(str, loc[:2]))) or fields.get(str(loc[0]) if loc else "")
                self.say(cell.row if cell else row, cell.column if cell else "", key, **detail)


def _parsers(choices: Choices) -> dict[str, Callable[[str], Any]]:
    same: Callable[[str], Any] = str
    return {
        "nama_usaha": same, "slug_usaha": cells.slug, "pemilik": same, "jenis": cells.kind,
        "kecamatan": partial(cells.district, choices=choices), "alamat": same,
        "whatsapp": cells.whatsapp, "telepon": cells.phone, "email": same,
        "nib": cells.legal_number("nib"), "nama_produk": same, "slug_produk": cells.slug,
        "kategori": partial(cells.category, choices=choices), "harga": cells.price, "satuan": same,
        "halal": cells.legal_number("halal"), "pirt": cells.legal_number("pirt"),
        "bpom": cells.legal_number("bpom"), "deskripsi": same,
    }  # fmt: skip


def _as_written(value: Any) -> Any:
    """Values as the content's YAML loader hands them to the models: every scalar as text."""
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    return str(value)


def _same(field_name: str, value: Any) -> Any:
    """What must be equal on every row of a business: a WhatsApp number whatever its spelling."""
    return schema.normalize_whatsapp(value) if field_name == "whatsapp" else value


def _existing_name(index: Path) -> str | None:
    """The name in an existing business's front matter (None when there is none to compare)."""
    try:
        text = index.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parts = text.replace("\r\n", "\n").split("\n---", 1)
    try:
        data, _ = yamlsafe.parse(parts[0].removeprefix("---\n")) if len(parts) == 2 else (None, {})
    except yamlsafe.YamlProblem:
        return None
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) else None


def _letter(index: int) -> str:
    """A column's letter as the spreadsheet shows it (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
