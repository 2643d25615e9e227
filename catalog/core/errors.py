"""Content errors: one shape for every problem an editor can cause.

Every stage appends to a `Problems` collection instead of raising at the first
problem, so an editor sees every mistake of a run at once. Imports nothing from
the package, so every module may use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file: `path:line: field: message`.

    `path` is relative to the content folder (POSIX separators); `line` is 1 for a
    problem of the whole file; `field` is a dotted name such as `price.from` or
    `images[1]`, or "" when the problem has no field.
    """

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{_printable(self.path)}:{self.line}:"
        if not self.field:
            return f"{where} {self.message}"
        return f"{where} {_printable(self.field)}: {self.message}"


def _printable(name: str) -> str:
    """A file or field name on one line: a newline or tab in it is shown as \\n or \\t."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


@dataclass
class Problems:
    """Collects content errors from every stage; sorted and de-duplicated on read."""

    items: list[ContentError] = field(default_factory=list)

    def add(self, path: str, line: int, field_name: str, message: str) -> None:
        self.items.append(ContentError(path, max(1, line), field_name, message))

    def extend(self, errors: list[ContentError]) -> None:
        self.items.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[ContentError]:
        return sorted(set(self.items))


class ContentErrors(Exception):
    """Raised by the pipeline when content has problems; carries all of them."""

    def __init__(self, errors: list[ContentError], language: str = "id") -> None:
        super().__init__(f"{len(errors)} content error(s)")
        self.errors = errors
        self.language = language  # of the messages, for whoever reports them


class UsageError(Exception):
    """Wrong use of a command (bad option value, missing folder): exit status 2."""
