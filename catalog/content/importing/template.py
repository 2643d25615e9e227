"""The spreadsheet an office fills in (`import --template FILE`, committed as docs/templat-impor.xlsx).

One sheet: the headers, a row of examples, a note on every header, drop-down lists of the
content's districts and categories (kept on a hidden second sheet, since Excel limits a list
written into the rule itself to 255 characters) and text format where Excel would eat a
leading 0. The bytes depend only on the content: no timestamps, so the committed file
changes only when the districts or categories do.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from catalog.content.importing import choices
from catalog.content.importing.columns import COLUMNS
from catalog.core.errors import ContentErrors, Problems

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

TEXT_COLUMNS = ("whatsapp", "telepon", "nib", "halal", "pirt", "bpom", "slug_usaha", "slug_produk")
LISTS_SHEET = "pilihan"
_EPOCH = dt.datetime(2026, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_template(file: Path, content: Path) -> tuple[int, int]:
    """Write the template for `content`; return how many districts and categories it lists."""
    problems = Problems()
    allowed, categories, language = choices.read(content, problems)
    if problems:
        raise ContentErrors(problems.sorted(), language)
    file.parent.mkdir(parents=True, exist_ok=True)
    listed = _category_choices(categories)
    file.write_bytes(template_bytes(list(allowed.districts), listed))
    return len(allowed.districts), len(listed)


def _category_choices(categories: list[tuple[str, str]]) -> list[str]:
    """Names where each names one category (what an editor recognises), else the slug."""
    names = [name.casefold() for _, name in categories]
    return [name if names.count(name.casefold()) == 1 else slug for slug, name in categories]


def template_bytes(districts: list[str], categories: list[str]) -> bytes:
    from openpyxl import Workbook as NewBook  # only this command needs it

    book = NewBook()
    sheet = book.active
    sheet.title = "impor"
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    _fill_lists(lists, districts, categories)
    _fill_sheet(sheet, districts, categories)
    book.properties.creator = "Galeri IKM"
    book.properties.created = book.properties.modified = _EPOCH
    return _steady_zip(book)


def _fill_lists(lists: Worksheet, districts: list[str], categories: list[str]) -> None:
    lists.append(["kecamatan", "kategori"])
    for index in range(max(len(districts), len(categories))):
        row = [_at(districts, index), _at(categories, index)]
        lists.append(row)


def _at(items: list[str], index: int) -> str | None:
    return items[index] if index < len(items) else None


def _fill_sheet(sheet: Worksheet, districts: list[str], categories: list[str]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    examples = {"kecamatan": _at(districts, 0) or "", "kategori": _at(categories, 0) or ""}
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(row=1, column=index, value=column.name)
        head.font, head.fill = Font(bold=True), header_fill
        head.comment = Comment(column.note, "Galeri IKM", width=260, height=110)
        value = examples.get(column.name, column.example) or None
        value = int(value) if value and column.name == "harga" else value  # as Excel holds a typed number
        example = sheet.cell(row=2, column=index, value=value)
        dimension = sheet.column_dimensions[letter]
        dimension.width = 34 if column.name in ("alamat", "deskripsi", "nama_usaha", "nama_produk") else 18
        if column.name in TEXT_COLUMNS:
            dimension.number_format = example.number_format = "@"
    sheet.freeze_panes = "A2"
    _add_lists(sheet, districts, categories)


def _add_lists(sheet: Worksheet, districts: list[str], categories: list[str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    where = {column.name: get_column_letter(index) for index, column in enumerate(COLUMNS, start=1)}
    rules = [("jenis", '"ikm,umkm"', "stop")]
    if districts:
        rules.append(("kecamatan", f"{LISTS_SHEET}!$A$2:$A${len(districts) + 1}", "stop"))
    if categories:  # a slug typed instead of a name is allowed after a warning
        rules.append(("kategori", f"{LISTS_SHEET}!$B$2:$B${len(categories) + 1}", "warning"))
    for name, formula, style in rules:
        rule = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle=style)
        rule.error = "Pilih dari daftar." if style == "stop" else "Tidak ada di daftar; tulis slug kategori."
        rule.add(f"{where[name]}2:{where[name]}1048576")
        sheet.add_data_validation(rule)


def _steady_zip(book: Workbook) -> bytes:
    """The workbook's zip with every entry dated 1980, so equal content gives equal bytes."""
    from openpyxl.writer.excel import ExcelWriter

    first = io.BytesIO()
    with zipfile.ZipFile(first, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    steady = io.BytesIO()
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(steady, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            target.writestr(entry, source.read(info.filename), zipfile.ZIP_DEFLATED)
    return steady.getvalue()
