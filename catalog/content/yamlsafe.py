"""YAML without surprises: safe, bounded, every value as written, every line known.

The C loader only *composes* the node graph; we construct values ourselves so that
 - no tag can build a Python object (unknown tags are errors),
 - every scalar stays the text the editor wrote (`0812...`, `00123`, `NO`); the schema
   converts to int/bool/date where a field asks for it, so YAML 1.1 never guesses,
 - a key written twice is an error, not "last one wins" (the first is kept, so the
   file's other mistakes are still found in the same run),
 - alias expansion is bounded, so a "billion laughs" file is refused, not expanded,
 - each value's line is recorded under its location, for `path:line: field` messages,
 - a syntax error is told in the editor's words at the line of the mistake, which is not
   always where PyYAML noticed it (a missing colon is noticed at the next key).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):
    """Composes only; implicit scalars are plain text (we never let YAML guess a type)."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        if kind is yaml.ScalarNode:
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


Loc = tuple[str | int, ...]

MAX_NODES = 100_000
MAX_DEPTH = 64
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class YamlProblem(Exception):
    """A problem at a line of the YAML text; `key` is the field ('' when none)."""

    def __init__(self, line: int, message_key: str, key: str = "", **detail: str) -> None:
        super().__init__(message_key)
        self.line = line
        self.message_key = message_key
        self.key = key
        self.detail = detail


def parse(text: str, first_line: int = 1) -> tuple[Any, dict[Loc, int]]:
    """Parse one YAML document; return its value and the line of every location.

    `first_line` is the file line of the text's first line (front matter starts at 2).
    Raises YamlProblem for syntax errors and for everything the module refuses.
    """
    data, lines, problems = parse_all(text, first_line)
    if problems:
        raise problems[0]
    return data, lines


def parse_all(text: str, first_line: int = 1) -> tuple[Any, dict[Loc, int], list[YamlProblem]]:
    """As `parse`, but a key written twice is returned as a problem beside the value (the
    first one kept) instead of hiding the file's other mistakes. Still raises the rest."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text, first_line) from None
    except yaml.reader.ReaderError as exc:  # a control character, pasted unseen
        raise _control_character(exc, text, first_line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, "yaml_syntax", detail=str(exc)) from None
    lines: dict[Loc, int] = {}
    if node is None:
        return None, lines, []
    builder = _Builder(first_line, lines)
    return builder.build(node, (), 0), lines, builder.problems


# (words of PyYAML's context, words of its problem) -> our message key and the mark that
# points at the mistake: a missing colon is noticed at the next key, an unclosed quote or
# bracket at the end of the text, but the editor has to look where it began.
_SYNTAX: tuple[tuple[str, str, str, str], ...] = (
    ("", "tab character", "yaml_tab", "problem"),
    ("", "could not find expected ':'", "yaml_no_colon", "context"),
    ("", "mapping values are not allowed", "yaml_colon_in_value", "problem"),
    ("quoted scalar", "end of stream", "yaml_unclosed_quote", "context"),
    ("flow", "did not find expected ','", "yaml_unclosed_bracket", "context"),
    ("", "did not find expected key", "yaml_misaligned", "problem"),
    ("", "did not find expected '-' indicator", "yaml_misaligned", "problem"),
    ("", "cannot start any token", "yaml_special_start", "problem"),
    ("", "found undefined alias", "yaml_special_start", "problem"),
    ("", "unknown escape character", "yaml_escape", "problem"),
    ("", "but found another document", "yaml_document", "problem"),
)
_CLOSING = {"[": "]", "{": "}"}


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem:
    """PyYAML's error as our message at the line of the mistake; a tab is named as a tab."""
    context, problem = str(exc.context or ""), str(exc.problem or "")
    found = next((row for row in _SYNTAX if row[0] in context and row[1] in problem), None)
    key, which = (found[2], found[3]) if found else ("yaml_syntax", "problem")
    mark = (exc.context_mark if which == "context" else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    written = text.split("\n")
    here = written[line] if line < len(written) else ""
    char = here[column] if column < len(here) else ""
    if char == "\t" or "\t" in here[: len(here) - len(here.lstrip())]:
        key = "yaml_tab"
    detail = {
        "yaml_special_start": {"char": char},
        "yaml_unclosed_quote": {"quote": char},
        "yaml_unclosed_bracket": {"open": char, "close": _CLOSING.get(char, "")},
        "yaml_syntax": {"detail": problem or context},
    }.get(key, {})
    return YamlProblem(line + first_line, key, **detail)


def _control_character(exc: yaml.reader.ReaderError, text: str, first_line: int) -> YamlProblem:
    """Where the character YAML refuses is. Its first occurrence is the one: it is refused
    everywhere (and libyaml counts `position` in bytes, not characters)."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    index = max(text.find(char), 0)
    before = text[:index]
    column = index - before.rfind("\n")
    return YamlProblem(
        before.count("\n") + first_line, "yaml_control_char", name=char_name(char), position=str(column)
    )


def char_name(char: str) -> str:
    """`U+00A0 NO-BREAK SPACE`: a character that cannot be seen, named so it can be found."""
    name = unicodedata.name(char, "TAB" if char == "\t" else "CONTROL")
    return f"U+{ord(char):04X} {name}"


class _Builder:
    def __init__(self, first_line: int, lines: dict[Loc, int]) -> None:
        self.first_line = first_line
        self.lines = lines
        self.count = 0
        self.active: set[int] = set()
        self.problems: list[YamlProblem] = []  # what does not stop the build of the value

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem(self.line_of(node), "yaml_too_big", _key(loc))
        if depth > MAX_DEPTH or id(node) in self.active:
            raise YamlProblem(self.line_of(node), "yaml_too_deep", _key(loc))
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(self.line_of(node), "yaml_tag", _key(loc), tag=node.tag)
        if loc:  # the document itself is "the whole file": line 1 by default
            self.lines.setdefault(loc, self.line_of(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style in (None, "") and node.value in _NULLS:
                return None
            return node.value
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
            return self.build_mapping(node, loc, depth)
        finally:
            self.active.discard(id(node))

    def build_mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or (
                key_node.value == "<<" and key_node.style in (None, "")
            ):
                raise YamlProblem(self.line_of(key_node), "yaml_key", _key(loc))
            key = key_node.value
            if key in result:
                self.problems.append(YamlProblem(self.line_of(key_node), "duplicate_key", _key((*loc, key))))
                continue
            self.lines[(*loc, key)] = self.line_of(key_node)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result


def _key(loc: Loc) -> str:
    return format_loc(loc)


def format_loc(loc: Loc) -> str:
    """`("variants", 1, "price")` -> `variants[1].price`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_for(lines: dict[Loc, int], loc: Loc, default: int = 1) -> int:
    """The line of `loc`, or of its nearest recorded parent."""
    for end in range(len(loc), -1, -1):
        line = lines.get(tuple(loc[:end]))
        if line is not None:
            return line
    return default
