"""Spelling variants and synonyms: "kripik" finds "Keripik Tempe" and "sirop" finds "Sirup".

Each group has a first word. When indexing, a record that holds another word of a group also
gets the first word (records.py); the browser rewrites the other words of a query to the
first (the map is in peta.json), so both meet on one word. Only the records that hold a
variant grow: adding every variant to every record grew the word chunks a first search
downloads (on the 31k corpus "kerupuk udang" went from 149 to 150 KB). Pagefind's tokenizer
and stemmer treat the first word like any word, and the router learns it with the rest of a
part's words. The built-in groups (`sinonim.yaml` beside this
module) can be extended by the site's own `content/sinonim.yaml` (same format: a list of
groups, each a list of two or more words); groups sharing a word become one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from catalog.content import sources, yamlsafe
from catalog.core.errors import ContentErrors, Problems

FILE = "sinonim.yaml"  # in the content folder, optional
BUILT_IN = Path(__file__).with_name(FILE)
_MESSAGES = {
    "id": {
        "list": "daftar sinonim harus berupa daftar kelompok, mis. `- [keripik, kripik]`",
        "group": "kelompok sinonim harus berupa daftar berisi dua kata atau lebih, mis. `[sirup, sirop]`",
        "word": "setiap sinonim harus berupa kata atau frasa, bukan daftar atau pemetaan",
    },
    "en": {
        "list": "the synonym file must be a list of groups, e.g. `- [keripik, kripik]`",
        "group": "a synonym group must be a list of two or more words, e.g. `[sirup, sirop]`",
        "word": "each synonym must be a word or phrase, not a list or mapping",
    },
}


class Synonyms:
    """Groups of words found by one another (each group casefolded, in the order written)."""

    def __init__(self, groups: tuple[tuple[str, ...], ...]) -> None:
        self.groups = groups
        self._group = {word: group for group in groups for word in group}
        words = sorted(self._group, key=lambda w: (-len(w), w))  # the longest phrase first
        pattern = "|".join(re.escape(w) for w in words) or r"(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")

    def extra(self, text: str) -> list[str]:
        """The first word of each group `text` holds another word of, where it lacks it."""
        found = set(self._pattern.findall(text.casefold()))
        wanted = dict.fromkeys(self._group[word][0] for word in sorted(found))
        return [word for word in wanted if word not in found]

    def to_first(self) -> dict[str, str]:
        """Every other word of a group -> the group's first: how the browser rewrites a query
        (`sinonim` in peta.json), so that the records need only the first word."""
        return {word: group[0] for group in self.groups for word in group[1:]}


def load(content: Path | None, language: str = "id") -> Synonyms:
    """The built-in groups with the site's own (`content/sinonim.yaml`, when there is one).
    A file that is not a list of groups stops the build with `file:line: message` for each
    mistake; a symlink out of the content folder is refused as everywhere in content/."""
    groups = _groups(yamlsafe.parse(BUILT_IN.read_text(encoding="utf-8"))[0])
    if content is not None and (content / FILE).exists():
        problems = Problems()
        reader = sources._Reader(content.resolve(), problems)
        reader.language = language
        document = reader.yaml_file(content.resolve() / FILE)
        if document is not None:
            groups += _checked(document, problems, language)
        if problems:
            raise ContentErrors(problems.sorted(), language)
    return Synonyms(_joined(groups))


def _checked(document: sources.Document, problems: Problems, language: str) -> list[tuple[str, ...]]:
    texts = _MESSAGES["en" if language == "en" else "id"]
    data = document.data
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(document.path, yamlsafe.line_for(document.lines, ()), "", texts["list"])
        return []
    groups = []
    for n, group in enumerate(data):
        line = yamlsafe.line_for(document.lines, (n,))
        if not isinstance(group, list) or len(group) < 2:
            problems.add(document.path, line, f"[{n + 1}]", texts["group"])
        elif bad := [i for i, word in enumerate(group) if not isinstance(word, str) or not word.strip()]:
            where = yamlsafe.line_for(document.lines, (n, bad[0]), line)
            problems.add(document.path, where, f"[{n + 1}][{bad[0] + 1}]", texts["word"])
        else:
            groups.append(tuple(word.strip() for word in group))
    return groups


def _groups(data: Any) -> list[tuple[str, ...]]:
    return [tuple(str(word) for word in group) for group in data]


def _joined(groups: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Groups casefolded, a group sharing a word with an earlier one merged into it."""
    merged: list[dict[str, None]] = []
    for group in groups:
        words = dict.fromkeys(" ".join(w.casefold().split()) for w in group)
        touching = [m for m in merged if not words.keys().isdisjoint(m)]
        for other in touching:
            merged.remove(other)
            words = other | words
        merged.append(words)
    return tuple(tuple(m) for m in merged)
