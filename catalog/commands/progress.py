"""Progress on the terminal: bars while a build runs, warnings as they come, and, for `serve`,
a line as each stage begins."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from catalog.core.messages import message
from catalog.core.report import Reporter

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
