"""Rows of the office's spreadsheet, `.xlsx` (openpyxl) or `.csv`, numbered as the spreadsheet does.

Only reading happens here: a row is its number (the header is row 1) and its raw cell values,
numbers still numbers. What the cells mean is `cells`' and `plan`'s job.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from catalog.core.errors import UsageError

SUFFIXES = (".xlsx", ".csv")
Row = tuple[int, tuple[object, ...]]


class SheetProblem(Exception):
    """The file cannot be read as a spreadsheet: a message key and its details (exit status 1)."""

    def __init__(self, key: str, **detail: object) -> None:
        super().__init__(key)
        self.key, self.detail = key, detail


@dataclass
class Sheet:
    headers: list[str]  # row 1 as written, "" for an empty cell
    rows: Iterator[Row]  # the rows below it, each padded or cut to no fixed width


def read(file: Path) -> Sheet:
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{file}: pakai berkas .xlsx atau .csv (bukan {file.suffix or 'tanpa akhiran'})")
    if not file.is_file():
        raise UsageError(f"{file}: berkas tidak ada")
    try:  # read whole here: a damaged sheet fails while its rows are read, not when opened
        rows = iter(list(_xlsx_rows(file) if suffix == ".xlsx" else _csv_rows(file)))
    except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, csv.Error) as exc:
        raise SheetProblem("import_unreadable", detail=str(exc) or type(exc).__name__) from None
    first = next(rows, None)
    headers = [_header(value) for value in (first[1] if first else ())]
    while headers and not headers[-1]:  # a sheet formatted far to the right has empty headers there
        headers.pop()
    return Sheet(headers, rows)


def _header(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _xlsx_rows(file: Path) -> Iterator[Row]:
    from openpyxl import load_workbook  # only this command needs it

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetProblem("import_unreadable", detail=str(exc) or type(exc).__name__) from None
    return _sheet_rows(book)


def _sheet_rows(book: object) -> Iterator[Row]:
    """The first sheet's rows; the rest of the book (the template's lists) is not data."""
    try:
        sheet = book.worksheets[0]  # type: ignore[attr-defined]
        sheet.reset_dimensions()  # the size a file claims may be wrong: read every row there is
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        book.close()  # type: ignore[attr-defined]


def _csv_rows(file: Path) -> Iterator[Row]:
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SheetProblem("import_not_utf8", row=raw.count(b"\n", 0, exc.start) + 1) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text))
    return ((number, tuple(cells)) for number, cells in enumerate(reader, start=1))


def _separator(text: str) -> str:
    """`;` (Indonesian Excel), `,` or a tab: whichever the header line holds most."""
    header = text.split("\n", 1)[0]
    return max((";", ",", "\t"), key=lambda sep: (header.count(sep), sep == ","))
