"""`galeri` (`python build.py`): parse the command line, run the command, and turn what
escapes it into a message and an exit code: 0 done, 1 content (or theme, or machine)
problems, 2 wrong usage of the command. The commands themselves are in catalog/commands/;
with them, the only place that prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from catalog import pipeline
from catalog.commands import arguments, build, editing, laporan, local_cms, photos, serve
from catalog.commands.problems import machine_problem
from catalog.core.errors import UsageError
from catalog.site.theme import ThemeError


def main(argv: list[str] | None = None) -> int:
    args = arguments.parser().parse_args(
        arguments.with_default_command(list(sys.argv[1:] if argv is None else argv))
    )
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        return run(args, out, err)
    except UsageError as exc:
        err.print(f"{arguments.program()}: {exc}", markup=False)
        return 2
    except ThemeError as exc:  # check and freeze load the theme too
        err.print(f"Tema bermasalah: {exc}", markup=False)
        return 1
    except OSError as exc:  # check, freeze, new and schema read and write files too
        out_dir = getattr(args, "out", Path("public"))
        err.print(machine_problem(exc, out_dir, pipeline.default_cache_dir()), markup=False)
        return 1


def run(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The command `args` names; its exit code."""
    if args.command == "new":
        return editing.new_entry(args, out)
    if args.command == "schema":
        return editing.write_schema(args.content, out)
    if args.command == "import":
        return editing.run_import(args, out, err)
    if args.command == "laporan":
        return laporan.run_laporan(args.content, args.file, out, err)
    if args.command == "foto":
        return photos.run_photos(args, out, err)
    if args.command == "cms":
        return local_cms.run_local_cms(args.port, out, err)
    options = arguments.build_options(args)
    if args.command == "check":
        return build.run_check(options, out, err, args.drafts_list)
    if args.command == "freeze":
        return build.run_freeze(options, out, err)
    if args.command == "serve":
        return serve.run_serve(options, args.host, args.port, out, err, args.drafts_list)
    return build.run_build(options, out, err, only_pdf=args.command == "pdf", drafts_list=args.drafts_list)


if __name__ == "__main__":
    sys.exit(main())
