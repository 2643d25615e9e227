"""Commands and options; the only place that prints. Errors become messages and exit codes:
0 done, 1 content (or theme) problems, 2 wrong usage of the command.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import errno
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from catalog import pipeline
from catalog.content import importing, scaffold, yamlsafe
from catalog.content import schema_files as schemafiles
from catalog.content.schema import is_base_url
from catalog.core.errors import ContentErrors, UsageError
from catalog.core.jsonfile import write_atomic
from catalog.core.messages import message
from catalog.core.report import Reporter
from catalog.core.writer import DuplicateOutput
from catalog.outputs import laporan
from catalog.serve import preview
from catalog.site.theme import ThemeError

DRAFTS_LISTED = 5  # more drafts than this are counted, and listed only with --drafts-list
COMMANDS = ("build", "serve", "check", "new", "pdf", "freeze", "schema", "laporan", "import", "foto", "cms")
STAGES = {
    "load": "Membaca konten", "images": "Foto", "pdf": "PDF", "render": "Halaman", "write": "Menulis",
    "search": "Indeks pencarian",
}  # fmt: skip


class ConsoleReporter(Reporter):
    """Progress bars on standard error, only when it is a terminal (quiet in CI logs); with
    `stages`, a line as each stage begins (`serve`: its first build is long, its log read)."""

    def __init__(self, console: Console, stages: bool = False) -> None:
        self.console = console
        self.stages = stages
        self.bar: Progress | None = None
        self.tasks: dict[str, int] = {}
        self.warnings = 0

    def warning(self, problem: object) -> None:
        self.warnings += 1
        self.console.print(f"peringatan: {problem}", style="yellow", markup=False, soft_wrap=True)

    def stage(self, name: str) -> None:
        if self.stages:
            self.console.print(message("serve_stage", stage=STAGES.get(name, name)), markup=False)

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
    common.add_argument(
        "--drafts-list", action="store_true", help=f"name every draft left out (else up to {DRAFTS_LISTED})"
    )

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
    serve.add_argument("--port", type=port_number, default=8000, help="port (default: 8000)")
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
    report = commands.add_parser(
        "laporan", help="legal-status report for the office (NIB, halal, P-IRT, photo, price, drafts) as CSV"
    )
    report.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    report.add_argument(
        "--file", type=Path, default=Path(laporan.FILE), help=f"CSV to write (default: {laporan.FILE})"
    )
    sheet = commands.add_parser(
        "import", help="create draft entries from a spreadsheet (.xlsx or .csv); existing files are kept"
    )
    sheet.add_argument("file", type=Path, nargs="?", help="the spreadsheet (.xlsx or .csv)")
    sheet.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    sheet.add_argument("--dry-run", action="store_true", help="list what would be created; write nothing")
    sheet.add_argument("--template", type=Path, metavar="FILE", help="write the import template (.xlsx)")
    photos = commands.add_parser(
        "foto", help="shrink photos above 2,500 px (or far too heavy, or with GPS) in place, metadata dropped"
    )
    photos.add_argument(
        "paths", type=Path, nargs="*", metavar="PATH", help="files or folders (default: content)"
    )
    photos.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    photos.add_argument("--dry-run", action="store_true", help="list what would change; write nothing")
    photos.add_argument(
        "--staged", action="store_true", help="the photos staged for commit, staged again (pre-commit hook)"
    )
    local_cms = commands.add_parser(
        "cms", help="the local CMS backend for /admin/ (decap-server on a private clone of the repository)"
    )
    local_cms.add_argument(
        "--port", type=port_number, default=8081, help="port (default: 8081, the one /admin/ calls)"
    )
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
        if args.command == "import":
            return run_import(args, out, err)
        if args.command == "laporan":
            return run_laporan(args.content, args.file, out, err)
        if args.command == "foto":
            return run_photos(args, out, err)
        if args.command == "cms":
            return run_local_cms(args.port, out, err)
        options = build_options(args)
        if args.command == "check":
            return run_check(options, out, err, args.drafts_list)
        if args.command == "freeze":
            return run_freeze(options, out, err)
        if args.command == "serve":
            from catalog.serve.server import PortUnavailable, serve

            try:
                builds = PreviewBuilds(out, err, args.drafts_list)
                return serve(options, args.host, args.port, builds, lambda url: say_ready(out, url))
            except PortUnavailable as exc:
                err.print(str(exc), markup=False)
                return 1
        return run_build(options, out, err, only_pdf=args.command == "pdf", drafts_list=args.drafts_list)
    except UsageError as exc:
        err.print(f"python build.py: {exc}", markup=False)
        return 2
    except ThemeError as exc:  # check and freeze load the theme too
        err.print(f"Tema bermasalah: {exc}", markup=False)
        return 1
    except OSError as exc:  # check, freeze, new and schema read and write files too
        out_dir = getattr(args, "out", Path("public"))
        err.print(machine_problem(exc, out_dir, pipeline.default_cache_dir()), markup=False)
        return 1


def run_local_cms(port: int, out: Console, err: Console) -> int:
    """`cms`: decap-server on a private clone until Ctrl+C ([docs/cms.md](../docs/cms.md))."""
    from catalog.cms import local as localcms

    try:
        return localcms.run(port, lambda line: out.print(line, markup=False))
    except localcms.LocalCmsError as exc:
        err.print(str(exc), markup=False)
        return 1


def port_number(text: str) -> int:
    """A TCP port, 1 to 65535 (anything else is a usage error, exit 2)."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text}: port harus angka 1 sampai 65535")
    return int(text)


def machine_problem(exc: OSError, out: Path, cache: Path) -> str:
    """What the machine refused (a full disk, a folder without write permission), as one
    message naming the path and what to do."""
    path = exc.filename2 or exc.filename or f"{out}/ / {cache}/"  # unnamed: one of the two
    details = {"path": path, "detail": exc.strerror or exc, "out": out}
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return message("disk_full", **details)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if Path(path).resolve().is_relative_to(cache.resolve()):
            return message("no_permission_cache", cache=cache, **details)
        return message("no_permission_out", **details)
    return message("os_error", **details)


def build_options(args: argparse.Namespace) -> pipeline.BuildOptions:
    if not args.content.is_dir():
        raise UsageError(f"--content {args.content}: folder tidak ada")
    if args.base_url and not is_base_url(args.base_url):
        raise UsageError(
            f"--base-url {args.base_url}: harus alamat lengkap http:// atau https:// dengan nama host,"
            " tanpa spasi, tanda kutip, < >, ? atau #"
        )
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
    stages: bool = False,
    drafts_list: bool = False,
) -> int:
    """One build with progress (and its `stages` named); content problems printed one per
    line (and added to `shown`, for the preview's overlay), exit 1."""
    started = time.perf_counter()
    reporter = ConsoleReporter(err, stages)
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
    except OSError as exc:  # a full disk, a read-only folder: said plainly, never a traceback
        reporter.close()
        problems.append(machine_problem(exc, options.out, options.cache_dir))
        err.print(problems[-1], markup=False)
        return 1
    except BaseException:  # anything else: the bar must not outlive this build (serve goes on)
        reporter.close()
        raise
    reporter.close()
    seconds = f"{time.perf_counter() - started:.1f}"
    if stats.unchanged:
        out.print(message("unchanged", stats.language, out=options.out, seconds=seconds), markup=False)
        print_drafts(stats.drafts, stats.language, drafts_list, out)
        return 0
    line = message(
        "built", stats.language, seconds=seconds, pages=stats.pages, rendered=len(stats.rendered),
        reused=stats.reused, images=stats.images, encoded=stats.images_encoded, out=options.out,
    )  # fmt: skip
    out.print(line, markup=False)
    print_drafts(stats.drafts, stats.language, drafts_list, out)
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

    def __init__(self, out: Console, err: Console, drafts_list: bool = False) -> None:
        self.out, self.err = out, err
        self.drafts_list = drafts_list
        self.built: pipeline.Built | None = None

    def __call__(self, options: pipeline.BuildOptions, changed: list[Path] | None) -> list[str]:
        if changed and self.built is not None:
            started = time.perf_counter()
            try:
                updated = preview.update(options, self.built, changed, Reporter())
            except ContentErrors as exc:
                return print_problems(exc, self.err, options.out)
            except OSError as exc:  # a full disk: shown on every page, the server goes on
                shown = [machine_problem(exc, options.out, options.cache_dir)]
                self.err.print(shown[0], markup=False)
                return shown
            if updated is not None:
                preview.settle(self.built, after_build=False)
                self.built = updated
                seconds = f"{time.perf_counter() - started:.2f}"
                self.out.print(
                    message("updated", updated.catalog.site.language, seconds=seconds), markup=False
                )
                return []
        shown: list[str] = []
        listed = self.drafts_list
        run_build(options, self.out, self.err, shown=shown, keep=self.keep, stages=True, drafts_list=listed)
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


def say_ready(out: Console, url: str) -> None:
    out.print(message("serve_ready", url=url), markup=False)


def run_check(options: pipeline.BuildOptions, out: Console, err: Console, drafts_list: bool = False) -> int:
    try:
        catalog, store = pipeline.check(options)
    except ContentErrors as exc:
        print_problems(exc, err, None)
        return 1
    warnings = [*catalog.warnings, *(pipeline.preflight(options, catalog, store) if options.pdf else [])]
    for warning in warnings:
        err.print(f"peringatan: {warning}", style="yellow", markup=False, soft_wrap=True)
    if warnings:
        err.print(
            message("warnings", catalog.site.language, count=len(warnings)), style="yellow", markup=False
        )
    counts = {"businesses": len(catalog.businesses), "products": len(catalog.products)}
    out.print(message("content_ok", catalog.site.language, **counts), markup=False)
    print_drafts(catalog.drafts, catalog.site.language, drafts_list, out)
    return 0


def print_drafts(drafts: tuple[str, ...], language: str, listed: bool, out: Console) -> None:
    """Say how many drafts were left out, naming them when few (or asked): a product left as
    a draft must not vanish without a word."""
    if not drafts:
        return
    lines = [message("drafts_left_out", language, count=len(drafts))]
    if listed or len(drafts) <= DRAFTS_LISTED:
        lines += [message("draft_left_out", language, path=path) for path in drafts]
    out.print("\n".join(lines), markup=False, soft_wrap=True)


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


def print_problems(exc: ContentErrors, err: Console, out_dir: Path | None) -> list[str]:
    """Print every problem and the summary line; return the problems' lines."""
    lines = [str(error) for error in exc.errors]
    for line in lines:
        err.print(line, markup=False, soft_wrap=True)
    count = len(exc.errors)
    summary = message("summary_kept", exc.language, count=count, out=out_dir) if out_dir else None
    err.print(summary or message("summary", exc.language, count=count), markup=False)
    return lines


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


def run_photos(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Shrink originals to what print needs (docs/photos.md); exit 1 if one could not be."""
    from catalog.images import intake

    missing = [path for path in args.paths or [args.content] if not path.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: tidak ada")
    dirty: list[Path] = []
    if args.staged:
        try:
            files, dirty = intake.staged(args.content)
        except (OSError, subprocess.CalledProcessError):
            raise UsageError("--staged: folder ini bukan repositori git") from None
        if not files and not dirty:
            return 0  # a commit without photos: nothing to say
    else:
        files = list(intake.photos(args.paths or [args.content]))
    changed, fine, failed = intake.run(files, args.dry_run)
    for change in changed:
        out.print(intake.describe(change, args.dry_run), markup=False)
    if args.staged and not args.dry_run:
        intake.restage(change.path for change in changed)
    for failure in failed:
        err.print(f"{failure.path}: foto tidak diubah: {failure.detail}", markup=False)
    for path in dirty:
        err.print(
            f"{path}: diubah lagi setelah `git add`; jalankan `python build.py foto {path}`, "
            f"lalu `git add {path}`",
            markup=False,
        )
    out.print(intake.summary(changed, len(fine), args.dry_run), markup=False)
    return 1 if failed or dirty else 0
