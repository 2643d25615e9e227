"""Walk content/ and read every entry into raw documents (values + line numbers).

Nothing here knows the schema: it finds files, decodes them (UTF-8, BOM and CRLF
accepted), splits front matter from Markdown and parses YAML through `yamlsafe`.
Problems are collected, never raised, so one run reports all of them. A file or folder
that is a symlink leading outside content/ is reported and never opened: git stores
symlinks, and a pull request must not publish the files of the machine that builds it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog.content.yamlsafe import Loc, YamlProblem, parse_all
from catalog.core.errors import Problems
from catalog.core.messages import message

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_IGNORED = re.compile(r"^(\.|_|~)|~$|\.(swp|tmp|bak)$")
_TEXT_LIKE = {".yml", ".markdown", ".txt", ".json", ".toml", ".html"}


@dataclass(frozen=True)
class Document:
    """One parsed file: its YAML value, the line of each location, its Markdown body."""

    path: str
    file: Path
    data: Any
    lines: dict[Loc, int]
    body: str = ""
    body_line: int = 1


@dataclass(frozen=True)
class BusinessSource:
    slug: str
    folder: Path
    index: Document | None
    products: tuple[tuple[str, Document], ...]


@dataclass(frozen=True)
class ContentSources:
    root: Path
    language: str
    site: Document | None
    categories: Document | None
    pages: tuple[tuple[str, Document], ...]
    business_folders: tuple[Path, ...]  # valid slugs with an index.md; read with `read_business`


def is_slug(name: str) -> bool:
    return bool(SLUG_RE.match(name))


def load_sources(root: Path, problems: Problems) -> ContentSources:
    """Read the site-wide files and list the business folders. Missing required files are problems too."""
    reader = _Reader(root, problems)
    site = reader.yaml_file(root / "site.yaml", required=True)
    language = "en" if isinstance(site and site.data, dict) and site.data.get("language") == "en" else "id"
    reader.language = language
    categories = reader.yaml_file(root / "categories.yaml", required=True)
    pages = tuple(reader.pages(root / "pages"))
    folders = tuple(reader.business_folders(root / "ikm"))
    return ContentSources(root, language, site, categories, pages, folders)


def read_business(sources: ContentSources, folder: Path, problems: Problems) -> BusinessSource:
    """Read one business folder: its index.md and its products (one job of a parallel load)."""
    reader = _Reader(sources.root, problems)
    reader.language = sources.language
    index = reader.markdown_file(folder / "index.md", True)
    return BusinessSource(folder.name, folder, index, tuple(reader.products(folder / "products")))


class _Reader:
    def __init__(self, root: Path, problems: Problems) -> None:
        self.root = root
        self.real_root = Path(os.path.realpath(root))
        self.problems = problems
        self.language = "id"

    def rel(self, file: Path) -> str:
        """The path editors see in messages: relative to content/, NFC (names saved on a Mac are NFD)."""
        return unicodedata.normalize("NFC", file.relative_to(self.root).as_posix())

    def problem(self, file: Path, line: int, field_name: str, key: str, **detail: object) -> None:
        self.problems.add(self.rel(file), line, field_name, message(key, self.language, **detail))

    def leaves(self, path: Path) -> bool:
        """Whether `path` is a symlink leading outside content/ (then reported).

        Every folder is checked before it is listed, so only a symlink itself can lead out:
        one lstat per file. A symlink that stays inside is followed, since it publishes
        nothing the content does not hold (a page shared by two names, a moved folder).
        """
        if not path.is_symlink() or Path(os.path.realpath(path)).is_relative_to(self.real_root):
            return False
        self.problem(path, 1, "", "symlink_outside")
        return True

    def text(self, file: Path) -> str | None:
        try:
            raw = file.read_bytes()
        except OSError as exc:
            self.problem(file, 1, "", "unreadable", detail=exc.strerror or str(exc))
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.problem(file, raw.count(b"\n", 0, exc.start) + 1, "", "not_utf8")
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def yaml_text(self, file: Path, text: str, first_line: int) -> tuple[Any, dict[Loc, int]] | None:
        try:
            data, lines, problems = parse_all(text, first_line)
        except YamlProblem as exc:
            self.problem(file, exc.line, exc.key, exc.message_key, **exc.detail)
            return None
        for found in problems:  # reported, and the rest of the file is still checked
            self.problem(file, found.line, found.key, found.message_key, **found.detail)
        return data, lines

    def yaml_file(self, file: Path, required: bool = False) -> Document | None:
        if self.leaves(file):
            return None
        if not file.is_file():
            if required:
                self.problem(file, 1, "", "missing_file")
            return None
        text = self.text(file)
        parsed = None if text is None else self.yaml_text(file, text, 1)
        if parsed is None:
            return None
        return Document(self.rel(file), file, parsed[0], parsed[1])

    def markdown_file(self, file: Path, front_matter_required: bool) -> Document | None:
        text = None if self.leaves(file) else self.text(file)
        if text is None:
            return None
        lines = text.split("\n")
        if not lines or not _FENCE.match(lines[0]) or lines[0].startswith("..."):
            if front_matter_required:
                self.problem(file, 1, "", "no_front_matter")
                return None
            return Document(self.rel(file), file, {}, {}, text, 1)
        end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
        if end is None:
            self.problem(file, 1, "", "front_matter_open")
            return None
        parsed = self.yaml_text(file, "\n".join(lines[1:end]), 2)
        if parsed is None:
            return None
        data, line_map = parsed
        body = "\n".join(lines[end + 1 :])
        return Document(self.rel(file), file, {} if data is None else data, line_map, body, end + 2)

    def entries(self, folder: Path) -> list[Path]:
        """Folder entries, sorted by NFC name, without hidden and editor-temp files."""
        if not folder.is_dir() or self.leaves(folder):
            return []
        found = [p for p in folder.iterdir() if not _IGNORED.search(p.name)]
        return sorted(found, key=lambda p: unicodedata.normalize("NFC", p.name))

    def slug_ok(self, path: Path, name: str) -> bool:
        name = unicodedata.normalize("NFC", name)
        if is_slug(name):
            return True
        self.problem(path, 1, "", "bad_name", name=name)
        return False

    def pages(self, folder: Path) -> list[tuple[str, Document]]:
        result = []
        for path in self.entries(folder):
            if path.suffix != ".md":
                if path.suffix in _TEXT_LIKE:
                    self.problem(path, 1, "", "stray_file")
                continue
            if self.slug_ok(path, path.stem) and (doc := self.markdown_file(path, False)):
                result.append((path.stem, doc))
        return result

    def business_folders(self, folder: Path) -> list[Path]:
        result = []
        for path in self.entries(folder):
            if not path.is_dir():
                if path.suffix in _TEXT_LIKE or path.suffix in {".md", ".yaml"}:
                    self.problem(path, 1, "", "stray_file")
                continue
            if not self.slug_ok(path, path.name) or self.leaves(path):
                continue
            if not (path / "index.md").is_file():
                self.problem(path, 1, "", "no_index")
                continue
            result.append(path)
        return result

    def products(self, folder: Path) -> list[tuple[str, Document]]:
        found: dict[str, Document] = {}
        for path in self.entries(folder):
            if path.is_dir():
                if path.suffix in {".md", ".yaml"}:
                    self.problem(path, 1, "", "stray_file")
                continue
            if path.suffix not in {".md", ".yaml"}:
                if path.suffix in _TEXT_LIKE:
                    self.problem(path, 1, "", "stray_file")
                continue
            if not self.slug_ok(path, path.stem):
                continue
            if path.stem in found:
                self.problem(path, 1, "", "twice_product", slug=path.stem)
                continue
            doc = self.markdown_file(path, True) if path.suffix == ".md" else self.yaml_file(path)
            if doc is not None:
                found[path.stem] = doc
        return sorted(found.items())
