"""CSV for people who open it in a spreadsheet: the one rule every CSV the project writes
follows (the Meta catalog feed, the legal-status report)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: Excel, LibreOffice and Google Sheets
    read a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
    (`=HYPERLINK(...)` in a product's name), so such a cell gets a leading `'` (OWASP, CSV
    injection). Prices (`15000.00 IDR`), ids and URLs start otherwise and stay as they are."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_row(cells: Iterable[str]) -> str:
    """One CSV line without its line end, every cell through `spreadsheet_safe`: the theme's
    `csv_row` filter, so a CSV template quotes the way `csv_text` does."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(spreadsheet_safe(cell) for cell in cells)
    return buffer.getvalue()


def csv_text(rows: Iterable[Iterable[str]], line_end: str = "\n") -> str:
    """Rows as CSV, every cell through `spreadsheet_safe`."""
    return "".join(csv_row(row) + line_end for row in rows)
