"""What every rule needs: a problem reported at its file, line and field; a document checked
against its schema model; a photo or Markdown text resolved and checked."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote

from pydantic import TypeAdapter, ValidationError

from catalog.content import markup, schema
from catalog.content.model import ImageRef, Markup
from catalog.content.schema_errors import describe
from catalog.content.sources import ContentSources, Document
from catalog.content.validate.memo import Memo
from catalog.content.yamlsafe import Loc, format_loc, line_for
from catalog.core.errors import Problems
from catalog.core.messages import message

_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif"}


class ImageInspector(Protocol):
    """Checks image files during validation, and carries what it learned across processes."""

    def check(self, file: Path) -> tuple[str, dict[str, object]] | None: ...

    def learned(self) -> Any: ...

    def absorb(self, learned: Any) -> None: ...


class Checker:
    """The state the rules share: where the content is, what was found so far, the problems."""

    def __init__(
        self,
        sources: ContentSources,
        problems: Problems,
        images: ImageInspector,
        themes: set[str],
        drafts: bool,
        memo: Memo | None = None,
    ) -> None:
        self.sources = sources
        self.memo = memo
        self.themes = themes
        self.root = sources.root
        self.problems = problems
        self.images = images
        self.drafts = drafts
        self.left_out: list[str] = []  # the free pages marked draft, left out
        self.language = sources.language
        self.districts: tuple[str, ...] = ()
        self.category_slugs: set[str] = set()
        self.categories_valid = False  # unknown categories are only worth reporting against a valid tree
        self.base_url: str | None = None  # site.yaml's, for aliases written as full addresses

    # -- reporting ---------------------------------------------------------------------
    def say(
        self,
        doc: Document | str,
        line: int,
        field_name: str,
        key: str,
        **detail: object,
    ) -> None:
        path = doc if isinstance(doc, str) else doc.path
        self.problems.add(path, line, field_name, message(key, self.language, **detail))

    def at(self, doc: Document, loc: Loc, key: str, **detail: object) -> None:
        self.say(doc, line_for(doc.lines, loc), format_loc(loc), key, **detail)

    def parse(self, model: Any, doc: Document) -> Any:
        """Validate the document against `model` (a model or a TypeAdapter); report every error."""
        data = doc.data
        adapter = model if isinstance(model, TypeAdapter) else None
        if adapter is None and not isinstance(data, dict):
            self.at(doc, (), "not_mapping")
            return None
        try:
            return adapter.validate_python(data) if adapter else model.model_validate(data)
        except ValidationError as exc:
            root_model = model if adapter is None else schema.CategoryEntry
            for error in exc.errors():
                described = describe(error, root_model, self.language)
                if described is not None:
                    loc, key, detail = described
                    self.at(doc, loc, key, **detail)
            if adapter is not None:
                return None
            return self.without_bad_fields(model, data, exc)

    @staticmethod
    def without_bad_fields(model: Any, data: dict[str, Any], exc: ValidationError) -> Any:
        """The entry minus the fields that failed, so its other rules are checked in this run too.

        Only for more messages: the run already has problems, so nothing built from this
        partial entry is ever published. None when even that does not validate.
        """
        bad = {error["loc"][0] for error in exc.errors() if error["loc"]}
        try:
            return model.model_validate({key: value for key, value in data.items() if key not in bad})
        except ValidationError:
            return None

    # -- images --------------------------------------------------------------------------
    def image(
        self,
        doc: Document,
        loc: Loc,
        value: str,
        base: Path,
        scope: Path,
        kind: str = "photo",
    ) -> ImageRef | None:
        """Resolve an image path named in `doc`, relative to `base`, confined to `scope`.

        Free pages pass `scope` = content/ and may use only pages/ and assets/ in it: the
        business folders hold drafts' photos too.
        """
        line, field_name = line_for(doc.lines, loc), format_loc(loc)
        scopes = [scope / "pages", scope / "assets"] if scope == self.root else [scope]
        scope_name = ", ".join(s.relative_to(self.root).as_posix() for s in scopes)
        if _REMOTE.match(value) or value.startswith("/") or "\\" in value:
            self.say(doc, line, field_name, "image_absolute", path=value)
            return None
        candidate = Path(os.path.normpath(base / unicodedata.normalize("NFC", value)))
        scope = next((s for s in scopes if candidate.is_relative_to(s)), None)
        if scope is None:
            self.say(doc, line, field_name, "image_outside", path=value, scope=scope_name)
            return None
        candidate = _find_normalized(candidate)
        real = candidate.resolve() if candidate.exists() else None  # assets/ itself may be a symlink
        if real and not (real.is_relative_to(scope.resolve()) and real.is_relative_to(self.root.resolve())):
            self.say(doc, line, field_name, "image_symlink", path=value, scope=scope_name)
            return None
        if not candidate.is_file():
            self.say(doc, line, field_name, "image_missing", path=value, hint=self.meant(candidate, value))
            return None
        rel = candidate.relative_to(self.root).as_posix()
        problem = self.images.check(candidate)
        if problem is not None:
            self.say(doc, line, field_name, problem[0], path=value, **problem[1])
            return None
        return ImageRef(candidate, rel, kind, doc.path, line, field_name)

    def meant(self, candidate: Path, value: str) -> str:
        """The "maksud Anda" hint for a missing photo whose name differs from a file beside it
        only in case or by a typo (`foto selendang.jpg` for `Foto Selendang.jpg`); else ""."""
        try:
            names = [e.name for e in candidate.parent.iterdir() if e.suffix.lower() in _PHOTO_SUFFIXES]
        except OSError:
            return ""
        folded = {unicodedata.normalize("NFC", name).casefold(): name for name in sorted(names)}
        wanted = candidate.name.casefold()
        close = [wanted] if wanted in folded else difflib.get_close_matches(wanted, list(folded), cutoff=0.8)
        if not close:
            return ""
        written = value.rpartition("/")
        return message("did_you_mean", self.language, name=written[0] + written[1] + folded[close[0]])

    def markdown(
        self,
        doc: Document,
        field_name: str,
        text: str,
        first_line: int,
        base: Path,
        scope: Path,
    ) -> Markup:
        safe = markup.to_html(text)
        images = []
        for src in markup.image_sources(safe):
            line = first_line + _line_index(text, src)
            if _REMOTE.match(src) or src.startswith("/"):
                self.say(doc, line, field_name, "markdown_image_remote", path=src)
                continue
            ref = self.image(_at_line(doc, line), (field_name,), unquote(src), base, scope)
            if ref is not None:
                images.append((src, ref))
        for href in markup.link_targets(safe):
            if not (_REMOTE.match(href) or href.startswith(("/", "#"))):
                line = first_line + _line_index(text, href)
                self.say(doc, line, field_name, "markdown_link_relative", path=href)
        return Markup(safe, tuple(images))


def _find_normalized(candidate: Path) -> Path:
    """On disk the name may be NFD (saved on a Mac); find the entry whose NFC name matches."""
    if candidate.exists() or not candidate.parent.is_dir():
        return candidate
    wanted = unicodedata.normalize("NFC", candidate.name)
    for entry in candidate.parent.iterdir():
        if unicodedata.normalize("NFC", entry.name) == wanted:
            return entry
    return candidate


def _line_index(text: str, needle: str) -> int:
    position = text.find(needle)
    return text.count("\n", 0, position) if position >= 0 else 0


def _at_line(doc: Document, line: int) -> Document:
    """A view of `doc` whose root location sits at `line` (for images named in Markdown)."""
    return Document(doc.path, doc.file, doc.data, {(): line}, doc.body, doc.body_line)
