"""The planned entries as files: the scaffold's text with the spreadsheet's values filled in.

An imported entry is the entry `new ikm` / `new product` would write, with every value the
row gave written into its field line (the line's explanation kept) and the rest left as
commented hints, so the editor finishes it the same way. Values are quoted wherever plain
YAML could read them as something else, so `0812...` stays text for any YAML reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.content import scaffold
from catalog.content.importing.plan import BusinessPlan, ProductPlan

_FIELD = re.compile(r"^(# )?([a-z_]+):(?: (.*?))?(\s+# .*)?$")
_EXAMPLE = re.compile(r"^#\s{3,}[^\s#]")  # an indented example under a commented field
_PLAIN = re.compile(r"[^\W\d_][^\x00-\x1f\x7f-\x9f#:\"\\\[\]{}\u2028\u2029\ufeff]*")
_UNPRINTABLE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
COMMENT_COLUMN = 29  # where the scaffold's explanations start


@dataclass
class Outcome:
    """Content-relative paths of the files created (or, in a dry run, to be created) and skipped."""

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    language: str = "id"  # the site's, for the report


class Writer:
    def __init__(self, content: Path, categories: list[str], dry_run: bool) -> None:
        self.content, self.categories, self.dry_run = content, categories, dry_run
        sample = content / "ikm" / "x" / "products" / "x.md"  # every entry is as deep as these
        self.business_schema = scaffold.schema_path(
            content, sample.parent.parent / "index.md", "ikm.schema.json"
        )
        self.product_schema = scaffold.schema_path(content, sample, "produk.schema.json")
        self.outcome = Outcome()
        self.folders: set[Path] = set()

    def business(self, plan: BusinessPlan) -> None:
        folder = self.content / "ikm" / plan.slug
        frame = scaffold.business_text(plan.fields["name"].value, self.business_schema)
        values = {name: cell.value for name, cell in plan.fields.items()}
        self.create(folder / "index.md", lambda: fill(frame, values, None))
        for product in plan.products.values():
            self.product(folder, product)

    def product(self, folder: Path, plan: ProductPlan) -> None:
        file = folder / "products" / f"{plan.slug}.md"
        if file.with_suffix(".yaml").exists():
            self.outcome.skipped.append(self.rel(file.with_suffix(".yaml")))
            return
        values = plan.values()
        frame = scaffold.product_text(
            values["name"], plan.slug, values["category"], self.categories, self.product_schema
        )
        self.create(file, lambda: fill(frame, values, plan.body))

    def create(self, file: Path, text: Any) -> None:
        """Write `file` unless it exists: an existing file is never changed, only reported."""
        if file.exists():
            self.outcome.skipped.append(self.rel(file))
            return
        if not self.dry_run:
            if file.parent not in self.folders:  # once per folder: 31,110 products, 3,111 folders
                file.parent.mkdir(parents=True, exist_ok=True)
                self.folders.add(file.parent)
            try:
                with file.open("x", encoding="utf-8", newline="\n") as out:
                    out.write(text())
            except FileExistsError:  # written meanwhile by someone else: theirs stays
                self.outcome.skipped.append(self.rel(file))
                return
            except BaseException:  # a full disk: no half-written entry that a rerun would skip
                file.unlink(missing_ok=True)
                raise
            if file.name == "index.md":
                (file.parent / "products").mkdir(exist_ok=True)
        self.outcome.created.append(self.rel(file))

    def rel(self, file: Path) -> str:
        return file.relative_to(self.content).as_posix()


def fill(frame: str, values: dict[str, Any], body: str | None) -> str:
    """The scaffold `frame` with each of `values` written into its field's line: a commented
    line becomes the field, its explanation kept and its examples dropped; a field the frame
    lacks goes before `draft:`. `body` (if any) replaces the frame's placeholder text."""
    head, _, placeholder = frame.partition("\n---\n")
    lines: list[str] = []
    pending = dict(values)
    filling = False  # inside the examples of a field just filled
    for line in head.split("\n"):
        if filling and _EXAMPLE.match(line):
            continue
        filling = False
        found = _FIELD.match(line)
        if found and found.group(2) == "draft":
            lines += [_field(name, value, None) for name, value in pending.items()]
            pending.clear()
        if found and found.group(2) in pending:
            lines.append(_field(found.group(2), pending.pop(found.group(2)), found.group(4)))
            filling = True
            continue
        lines.append(line)
    text = body if body is not None else placeholder.rstrip("\n")
    return "\n".join(lines) + "\n---\n" + text + "\n"


def _field(name: str, value: Any, comment: str | None) -> str:
    block = isinstance(value, list)
    line = f"{name}:" if block else f"{name}: {dump(value)}"
    if comment:
        line = f"{line.ljust(COMMENT_COLUMN - 1)} {comment.strip()}"
    if block:
        line += "".join(
            "\n  - " + "\n    ".join(f"{key}: {dump(item)}" for key, item in entry.items()) for entry in value
        )
    return line


def dump(value: Any) -> str:
    """A YAML scalar (or a flow mapping of them) that every YAML reader reads back as given."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"no such field value: {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {dump(item)}" for key, item in value.items()) + "}"
    if _PLAIN.fullmatch(value) and value.casefold() not in _WORDS and not value.endswith(" "):
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)
