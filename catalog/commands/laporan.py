"""`laporan`: the office's legal-status report, printed and written as a spreadsheet-safe CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console

from catalog import pipeline
from catalog.commands.problems import print_problems
from catalog.core.errors import ContentErrors, UsageError
from catalog.core.jsonfile import write_atomic
from catalog.core.messages import message
from catalog.outputs import laporan


def run_laporan(content: Path, file: Path, out: Console, err: Console, today: dt.date | None = None) -> int:
    """The legal-status report of the content, drafts included, printed and written as CSV."""
    if not content.is_dir():
        raise UsageError(f"--content {content}: folder tidak ada")
    try:
        catalog, _ = pipeline.check(pipeline.BuildOptions(content=content, drafts=True))
    except ContentErrors as exc:
        print_problems(exc, err, None)
        return 1
    today = today or dt.date.today()
    found = laporan.findings(catalog, today)
    try:
        write_atomic(file, laporan.csv_bytes(found, catalog.site.language))  # never half, open in Excel
    except OSError as exc:
        raise UsageError(f"--file {file}: tidak dapat ditulis ({exc.strerror})") from None
    for line in laporan.summary(catalog, found, today):
        out.print(line, markup=False, soft_wrap=True)
    out.print(message("laporan_written", catalog.site.language, count=len(found), file=file), markup=False)
    return 0
