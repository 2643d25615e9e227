"""`serve`: the live preview's builds, each edit applied in place when it can be, and what the
server says."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console

from catalog import pipeline
from catalog.commands.build import run_build
from catalog.commands.problems import machine_problem, print_problems
from catalog.content.validate import Memo
from catalog.core.errors import ContentErrors
from catalog.core.messages import message
from catalog.core.report import Reporter
from catalog.serve import preview


def run_serve(
    options: pipeline.BuildOptions, host: str, port: int, out: Console, err: Console, drafts_list: bool
) -> int:
    """Build, serve and rebuild on every save until Ctrl+C; 1 when the port is taken."""
    # loaded for `serve` alone: livereload and watchfiles are no business of the other commands
    from catalog.serve.server import PortUnavailable, serve

    try:
        builds = PreviewBuilds(out, err, drafts_list)
        return serve(options, host, port, builds, lambda url: say_ready(out, url))
    except PortUnavailable as exc:
        err.print(str(exc), markup=False)
        return 1


def say_ready(out: Console, url: str) -> None:
    out.print(message("serve_ready", url=url), markup=False)


class PreviewBuilds:
    """The builds of `serve`: an edit of entries applied in place when it can be
    (`preview.update`), else a build. Each returns the problems shown, none when it built."""

    def __init__(self, out: Console, err: Console, drafts_list: bool = False) -> None:
        self.out, self.err = out, err
        self.drafts_list = drafts_list
        self.built: pipeline.Built | None = None
        self.memo = Memo()  # the businesses validated, reused by every build and edit after the first

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
        memo = self.memo
        run_build(
            options,
            self.out,
            self.err,
            shown=shown,
            keep=self.keep,
            stages=True,
            drafts_list=listed,
            memo=memo,
        )
        if shown:  # what was kept no longer matches the files (a broken theme, say): build again
            self.built = None
        return shown

    def keep(self, built: pipeline.Built) -> None:
        preview.warm(built)
        previous, self.built = self.built, built
        preview.settle(previous, after_build=True)
