"""How the core tells the outside what it is doing, without printing.

The pipeline calls a `Reporter`; the CLI passes one that draws progress bars, tests
pass `RecordingReporter` to assert what was rebuilt, and the default does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Reporter:
    """Does nothing; subclasses show or record."""

    def stage(self, name: str) -> None:
        """A new stage of the build begins (load, images, render, write)."""

    def progress(self, name: str, done: int, total: int) -> None:
        """`done` of `total` items of stage `name` are finished."""

    def warning(self, problem: object) -> None:
        """Something worth fixing that does not stop the build (a photo too small for print)."""


@dataclass
class RecordingReporter(Reporter):
    stages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    progressed: list[tuple[str, int, int]] = field(default_factory=list)

    def stage(self, name: str) -> None:
        self.stages.append(name)

    def progress(self, name: str, done: int, total: int) -> None:
        self.progressed.append((name, done, total))

    def warning(self, problem: object) -> None:
        self.warnings.append(str(problem))
