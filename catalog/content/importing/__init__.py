"""`import FILE`: draft entries from the office's spreadsheet (CONTENT-SPEC.md, "Import from a
spreadsheet").

Read every row (`sheet`), turn cells into values (`cells`), group rows into businesses and
products and check them against the content's own rules (`plan`); only when no cell has a
problem, write the entries that do not exist yet (`entries`). Order matters: nothing is
written until every row has been read and checked, so a bad cell anywhere leaves the
content folder as it was. `template` writes the spreadsheet an office fills in.
"""

from __future__ import annotations

from pathlib import Path

from catalog.content.importing import choices, sheet
from catalog.content.importing.entries import Outcome, Writer
from catalog.content.importing.plan import Planner
from catalog.content.importing.template import write_template
from catalog.core.errors import ContentErrors, Problems, UsageError

__all__ = ["Outcome", "run", "write_template"]


def run(file: Path, content: Path, dry_run: bool = False) -> Outcome:
    """Import `file` into `content`; raise ContentErrors with every problem, else say what was
    (or, with `dry_run`, would be) created and what already existed and was skipped."""
    if not content.is_dir():
        raise UsageError(f"--content {content}: folder tidak ada")
    problems = Problems()
    allowed, categories, language = choices.read(content, problems)
    if problems:
        raise ContentErrors(problems.sorted(), language)
    planner = Planner(str(file), content, allowed, language)
    try:
        table = sheet.read(file)
    except sheet.SheetProblem as exc:
        planner.say(int(exc.detail.pop("row", 1)), "", exc.key, **exc.detail)
        raise ContentErrors(planner.problems.sorted(), language) from None
    layout = planner.layout(table)
    for number, row in table.rows:
        planner.add_row(layout, number, row)
    planner.validate()
    if planner.problems:
        raise ContentErrors(planner.problems.sorted(), language)
    writer = Writer(content, [slug for slug, _ in categories], dry_run)
    writer.outcome.language = language
    for business in planner.businesses.values():
        writer.business(business)
    return writer.outcome
