"""`build`, `pdf`, `check` and `freeze`: one run of the pipeline, its problems or what it made."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from rich.console import Console

from catalog import pipeline
from catalog.commands.arguments import DRAFTS_LISTED
from catalog.commands.problems import machine_problem, print_problems
from catalog.commands.progress import ConsoleReporter
from catalog.content.validate import Memo
from catalog.core.errors import ContentErrors
from catalog.core.messages import message
from catalog.core.writer import DuplicateOutput
from catalog.site.theme import ThemeError


def run_build(
    options: pipeline.BuildOptions,
    out: Console,
    err: Console,
    only_pdf: bool = False,
    shown: list[str] | None = None,
    keep: Callable[[pipeline.Built], None] | None = None,
    stages: bool = False,
    drafts_list: bool = False,
    memo: Memo | None = None,
) -> int:
    """One build with progress (and its `stages` named); content problems printed one per
    line (and added to `shown`, for the preview's overlay), exit 1."""
    started = time.perf_counter()
    reporter = ConsoleReporter(err, stages)
    problems = [] if shown is None else shown
    try:
        stats = pipeline.build(options, reporter, only_pdf=only_pdf, keep=keep, memo=memo)
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


def print_drafts(drafts: tuple[str, ...], language: str, listed: bool, out: Console) -> None:
    """Say how many drafts were left out, naming them when few (or asked): a product left as
    a draft must not vanish without a word."""
    if not drafts:
        return
    lines = [message("drafts_left_out", language, count=len(drafts))]
    if listed or len(drafts) <= DRAFTS_LISTED:
        lines += [message("draft_left_out", language, path=path) for path in drafts]
    out.print("\n".join(lines), markup=False, soft_wrap=True)
