"""`new`, `import` and `schema`: the commands that write content files (scaffolds, entries from
a spreadsheet) and the JSON Schema an editor's YAML tooling checks them with."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from catalog.content import importing, scaffold, schema_files, yamlsafe
from catalog.core.errors import ContentErrors, UsageError
from catalog.core.messages import message


def write_schema(content: Path, out: Console) -> int:
    """`schema`: docs/schema/ beside the content folder (where the scaffolds point)."""
    files = schema_files.write(schema_files.schema_dir(content))
    out.print(f"{len(files)} berkas JSON Schema ditulis ke {files[0].parent}", markup=False)
    return 0


def run_import(args: argparse.Namespace, out: Console, err: Console) -> int:
    """`import FILE`: every created (or skipped) file, then a summary; `--template FILE`: the template."""
    if args.template is not None:
        districts, categories = importing.write_template(args.template, args.content)
        counts = {"districts": districts, "categories": categories}
        out.print(message("import_template", file=args.template, **counts), markup=False)
        return 0
    if args.file is None:
        raise UsageError("import: sebutkan berkas .xlsx atau .csv (atau --template FILE)")
    try:
        done = importing.run(args.file, args.content, dry_run=args.dry_run)
    except ContentErrors as exc:
        for line in map(str, exc.errors):
            err.print(line, markup=False, soft_wrap=True)
        err.print(message("import_summary", exc.language, count=len(exc.errors)), markup=False)
        return 1
    made, language = "import_would_create" if args.dry_run else "import_created", done.language
    lines = [message(made, language, path=path) for path in done.created]
    lines += [message("import_skipped", language, path=path) for path in done.skipped]
    businesses = sum(path.endswith("/index.md") for path in done.created)
    counts = {"businesses": businesses, "products": len(done.created) - businesses}
    key = "import_dry_run" if args.dry_run else "import_done" if done.created else "import_nothing"
    summary = message(key, language, skipped=len(done.skipped), **counts)
    out.print("\n".join([*lines, summary]), markup=False, soft_wrap=True)
    return 0


def new_entry(args: argparse.Namespace, out: Console) -> int:
    try:
        if args.kind == "ikm":
            file = scaffold.new_business(args.content, args.slug)
        else:
            file = scaffold.new_product(args.content, args.slug, category_slugs(args.content))
    except scaffold.ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    out.print(f"Dibuat: {file}", markup=False)
    return 0


def category_slugs(content: Path) -> list[str]:
    """Slugs from categories.yaml, leaves first, for the product scaffold's hint."""
    try:
        data, _ = yamlsafe.parse((content / "categories.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yamlsafe.YamlProblem):
        return []
    found: list[str] = []

    def walk(items: object) -> None:
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("slug"), str):
                walk(item.get("children"))
                found.append(item["slug"])

    walk(data)
    return found
