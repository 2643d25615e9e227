"""YAML without surprises: safe, bounded, every value as written, every line known.

The C loader only *composes* the node graph; we construct values ourselves so that
 - no tag can build a Python object (unknown tags are errors),
 - every scalar stays the text the editor wrote (`0812...`, `00123`, `NO`); the schema
   converts to int/bool/date where a field asks for it, so YAML 1.1 never guesses,
 - a key written twice is an error, not "last one wins",
 - alias expansion is bounded, so a "billion laughs" file is refused, not expanded,
 - each value's line is recorded under its location, for `path:line: field` messages.
"""

from __future__ import annotations

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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlProblem(line, "yaml_syntax", detail=str(exc.problem or exc.context or "")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, "yaml_syntax", detail=str(exc)) from None
    lines: dict[Loc, int] = {}
    if node is None:
        return None, lines
    builder = _Builder(first_line, lines)
    return builder.build(node, (), 0), lines


class _Builder:
    def __init__(self, first_line: int, lines: dict[Loc, int]) -> None:
        self.first_line = first_line
        self.lines = lines
        self.count = 0
        self.active: set[int] = set()

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
                raise YamlProblem(self.line_of(key_node), "duplicate_key", _key((*loc, key)))
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
