"""Commands and options; the only place that prints. Errors become messages and exit codes:
0 done, 1 content (or theme) problems, 2 wrong usage of the command.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import pipeline, preview, scaffold, schemafiles, yamlsafe
from .errors import ContentErrors, UsageError
from .messages import message
from .report import Reporter
from .schema import URL_RE
from .themes import ThemeError
from .writer import DuplicateOutput

COMMANDS = ("build", "serve", "check", "new", "pdf", "freeze", "schema")
STAGES = {
    "load": "Membaca konten", "images": "Foto", "pdf": "PDF", "render": "Halaman", "write": "Menulis",
    "search": "Indeks pencarian",
}  # fmt: skip


class ConsoleReporter(Reporter):
    """Progress bars on standard error, only when it is a terminal (quiet in CI logs)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar: Progress | None = None
        self.tasks: dict[str, int] = {}
        self.warnings = 0

    def warning(self, problem: object) -> None:
        self.warnings += 1
        self.console.print(f"peringatan: {problem}", style="yellow", markup=False, soft_wrap=True)

    def progress(self, name: str, done: int, total: int) -> None:
        if not self.console.is_terminal or total == 0:
            return
        if self.bar is None:
            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.console, transient=True,
            )  # fmt: skip
            self.bar.start()
        if name not in self.tasks:
            self.tasks[name] = self.bar.add_task(STAGES.get(name, name), total=total)
        self.bar.update(self.tasks[name], completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
            self.tasks.clear()


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    common.add_argument("--out", type=Path, default=Path("public"), help="output folder (default: public)")
    common.add_argument("--base-url", help="absolute http(s) URL that overrides base_url of site.yaml")
    common.add_argument("--drafts", action="store_true", help="include entries marked draft: true")
    common.add_argument("--no-pdf", action="store_true", help="skip the printable PDF catalogs")

    main = argparse.ArgumentParser(
        prog="python build.py",
        description="Galeri IKM: build the catalog website from content/ (build is the default command).",
        epilog="Options of build, pdf, freeze, serve and check: --content DIR, --out DIR, --base-url URL, "
        "--drafts, --no-pdf. See `python build.py COMMAND --help`.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("build", parents=[common], help="validate content/, then build the site into public/")
    serve = commands.add_parser(
        "serve", parents=[common], help="build (without PDFs), serve and rebuild on every change"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    commands.add_parser("check", parents=[common], help="validate only; report every problem")
    commands.add_parser(
        "pdf", parents=[common], help="build only the PDFs and /katalog/, keeping the rest of the output"
    )
    commands.add_parser(
        "freeze",
        parents=[common],
        help="record the addresses printed in this edition (QR codes) in content/printed-urls.txt",
    )
    commands.add_parser("schema", help="write the JSON Schema of every kind of content file to docs/schema/")
    new = commands.add_parser("new", help="scaffold an entry with every field commented")
    new.add_argument("kind", choices=["ikm", "product"], help="ikm <slug> or product <ikm-slug>/<slug>")
    new.add_argument("slug", help="the new entry's slug")
    new.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    return main


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "build")
    args = parser().parse_args(argv)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        if args.command == "new":
            return new_entry(args, out)
        if args.command == "schema":
            files = schemafiles.write()
            out.print(f"{len(files)} berkas JSON Schema ditulis ke {files[0].parent}", markup=False)
            return 0
        options = build_options(args)
        if args.command == "check":
            return run_check(options, out, err)
        if args.command == "freeze":
            return run_freeze(options, out, err)
        if args.command == "serve":
            from .server import serve

            return serve(options, args.host, args.port, PreviewBuilds(out, err))
        return run_build(options, out, err, only_pdf=args.command == "pdf")
    except UsageError as exc:
        err.print(f"python build.py: {exc}", markup=False)
        return 2
    except ThemeError as exc:  # check and freeze load the theme too
        err.print(f"Tema bermasalah: {exc}", markup=False)
        return 1


def build_options(args: argparse.Namespace) -> pipeline.BuildOptions:
    if not args.content.is_dir():
        raise UsageError(f"--content {args.content}: folder tidak ada")
    if args.base_url and not URL_RE.match(args.base_url):
        raise UsageError(f"--base-url {args.base_url}: harus alamat lengkap http:// atau https://")
    return pipeline.BuildOptions(
        content=args.content, out=args.out, base_url=args.base_url, drafts=args.drafts, pdf=not args.no_pdf
    )


def run_build(
    options: pipeline.BuildOptions,
    out: Console,
    err: Console,
    only_pdf: bool = False,
    shown: list[str] | None = None,
    keep: Callable[[pipeline.Built], None] | None = None,
) -> int:
    """One build with progress; content problems printed one per line (and added to
    `shown`, for the preview's overlay), exit 1."""
    started = time.perf_counter()
    reporter = ConsoleReporter(err)
    problems = [] if shown is None else shown
    try:
        stats = pipeline.build(options, reporter, only_pdf=only_pdf, keep=keep)
    except ContentErrors as exc:
        reporter.close()
        problems += print_problems(exc, err, options.out)
        return 1
    except ThemeError as exc:
        reporter.close()
        problems.append(f"Tema bermasalah: {exc}")
        err.print(problems[-1], markup=False)
        return 1
    except DuplicateOutput as exc:
        reporter.close()
        problems.append(f"Dua halaman memakai alamat yang sama: /{exc}; isi {options.out}/ tidak diubah.")
        err.print(problems[-1], markup=False)
        return 1
    except BaseException:  # anything else: the bar must not outlive this build (serve goes on)
        reporter.close()
        raise
    reporter.close()
    seconds = f"{time.perf_counter() - started:.1f}"
    if stats.unchanged:
        out.print(message("unchanged", stats.language, out=options.out, seconds=seconds), markup=False)
        return 0
    line = message(
        "built", stats.language, seconds=seconds, pages=stats.pages, rendered=len(stats.rendered),
        reused=stats.reused, images=stats.images, encoded=stats.images_encoded, out=options.out,
    )  # fmt: skip
    out.print(line, markup=False)
    skipped = stats.feeds_skipped
    if skipped is not None and (skipped.no_price or skipped.no_photo):
        out.print(message("feeds_skipped", stats.language, **dataclasses.asdict(skipped)), markup=False)
    if stats.search_parts:
        counts = {"records": stats.search_records, "parts": stats.search_parts}
        out.print(message("search_built", stats.language, out=options.out, **counts), markup=False)
    pdfs = len(stats.pdfs_rendered) + len(stats.pdfs_reused)
    if pdfs:
        counts = {"total": pdfs, "rendered": len(stats.pdfs_rendered), "reused": len(stats.pdfs_reused)}
        out.print(message("built_pdfs", stats.language, out=options.out, **counts), markup=False)
    if reporter.warnings:
        err.print(message("warnings", stats.language, count=reporter.warnings), style="yellow", markup=False)
    return 0


class PreviewBuilds:
    """The builds of `serve`: an edit of entries applied in place when it can be
    (`preview.update`), else a build. Each returns the problems shown, none when it built."""

    def __init__(self, out: Console, err: Console) -> None:
        self.out, self.err = out, err
        self.built: pipeline.Built | None = None

    def __call__(self, options: pipeline.BuildOptions, changed: list[Path] | None) -> list[str]:
        if changed and self.built is not None:
            started = time.perf_counter()
            try:
                updated = preview.update(options, self.built, changed, Reporter())
            except ContentErrors as exc:
                return print_problems(exc, self.err, options.out)
            if updated is not None:
                preview.settle(self.built, after_build=False)
                self.built = updated
                seconds = f"{time.perf_counter() - started:.2f}"
                self.out.print(
                    message("updated", updated.catalog.site.language, seconds=seconds), markup=False
                )
                return []
        shown: list[str] = []
        run_build(options, self.out, self.err, shown=shown, keep=self.keep)
        if shown:  # what was kept no longer matches the files (a broken theme, say): build again
            self.built = None
        return shown

    def keep(self, built: pipeline.Built) -> None:
        preview.warm(built)
        previous, self.built = self.built, built
        preview.settle(previous, after_build=True)


def run_freeze(options: pipeline.BuildOptions, out: Console, err: Console) -> int:
    """Record what this edition prints, so later builds keep those addresses answering."""
    try:
        catalog, file, count, edition = pipeline.freeze(options)
    except ContentErrors as exc:
        print_problems(exc, err, None)
        return 1
    key = "frozen" if count else "frozen_none"
    out.print(message(key, catalog.site.language, count=count, file=file, edition=edition), markup=False)
    return 0


def run_check(options: pipeline.BuildOptions, out: Console, err: Console) -> int:
    try:
        catalog, store = pipeline.check(options)
    except ContentErrors as exc:
        print_problems(exc, err, None)
        return 1
    warnings = pipeline.preflight(options, catalog, store) if options.pdf else []
    for warning in warnings:
        err.print(f"peringatan: {warning}", style="yellow", markup=False, soft_wrap=True)
    if warnings:
        err.print(
            message("warnings", catalog.site.language, count=len(warnings)), style="yellow", markup=False
        )
    counts = {"businesses": len(catalog.businesses), "products": len(catalog.products)}
    out.print(message("content_ok", catalog.site.language, **counts), markup=False)
    return 0


def print_problems(exc: ContentErrors, err: Console, out_dir: Path | None) -> list[str]:
    """Print every problem and the summary line; return the problems' lines."""
    lines = [str(error) for error in exc.errors]
    for line in lines:
        err.print(line, markup=False, soft_wrap=True)
    count = len(exc.errors)
    summary = message("summary_kept", exc.language, count=count, out=out_dir) if out_dir else None
    err.print(summary or message("summary", exc.language, count=count), markup=False)
    return lines


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
