"""Print documents to PDF files with WeasyPrint, through a fetcher that reads only allowed files.

WeasyPrint's default fetcher opens any URL and any local file (and embeds files named by
`rel=attachment` links). `ConfinedFetcher` answers only `file:` URLs under the made-up
roots of the build's cache and the theme folders, so no content, template or CSS can pull
a remote URL or a local file such as /etc/passwd into a PDF.

A catalog is laid out in parts (front, body parts, index, back), each checked against
the page count the print plan expects. Up to `SINGLE_LIMIT` body pages the parts' pages
are written as one tagged PDF (PDF/UA-1). A larger catalog's parts are laid out as
separate jobs (pdfs.py runs them on every core), each written to a file, and the files
joined by `pdfjoin`, so no process holds more than one part whatever the catalog's size.

WeasyPrint's warnings are a theme's problems, reported per PDF, except two: the notice that
it subsets fonts with fontTools because libharfbuzz-subset0 is missing (once per PDF, for
the same, correct result: dropped; `make test` installs the library), and a character no
font has, said in the site's language (the plan already leaves emoji out, printing.py).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
import weasyprint
from fontTools.ttLib import TTFont
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from catalog.core import urls
from catalog.core.messages import message
from catalog.print import join as pdfjoin
from catalog.print import press, qr
from catalog.print.records import CatalogDocument, Document
from catalog.site.theme import Theme, ThemeError, theme_file

SINGLE_LIMIT = 120  # body pages; above it a catalog is laid out in parts, in parallel, and joined
# (one piece of 178 photo pages peaked at 699 MiB: about 3.4 MB a page, docs/print.md)
TEMPLATES = {
    "CatalogDocument": "print/catalog.html",
    "Brochure": "print/brochure.html",
    "Poster": "print/poster.html",
    "LabelSheets": "print/labels.html",
}
MM = 72 / 25.4


class ConfinedFetcher(URLFetcher):
    """Serves `file:` URLs under the made-up roots in `mounts` (urls.PRINT_CACHE, PRINT_THEME)
    from the real folders they name, and nothing else; records everything it refused."""

    def __init__(self, mounts: dict[str, Path], cmyk: Path | None = None) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.mounts = {prefix.rstrip("/") + "/": folder.resolve() for prefix, folder in mounts.items()}
        self.refused: list[str] = []
        self.cmyk = cmyk  # press editions: photos and logos as CMYK JPEGs, kept in this folder

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return self._refuse(url)
        path = url2pathname(parts.path)
        mount = next((prefix for prefix in self.mounts if path.startswith(prefix)), None)
        if mount is None or "\0" in path:
            return self._refuse(url)
        folder = self.mounts[mount]
        try:
            file = (folder / path[len(mount) :]).resolve()
        except (OSError, ValueError, RuntimeError):  # a symlink loop
            return self._refuse(url)
        if not file.is_relative_to(folder) or not file.is_file():  # `..`, a symlink out
            return self._refuse(url)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if self.cmyk and kind in ("image/jpeg", "image/png"):
            data = press.image(file.read_bytes(), self.cmyk)
            return URLFetcherResponse(url, data, {"Content-Type": "image/jpeg"})
        return URLFetcherResponse(url, file.read_bytes(), {"Content-Type": kind})

    def _refuse(self, url: str) -> URLFetcherResponse:
        self.refused.append(url)
        raise ValueError(f"not allowed in a PDF: {url}")


@dataclass(frozen=True)
class RenderedPdf:
    pages: int
    size: int  # bytes written
    problems: tuple[str, ...]  # refused URLs and WeasyPrint's warnings: a theme's problems


@dataclass(frozen=True)
class Part:
    """A piece of a large catalog laid out on its own and written to the catalog's parts folder."""

    pages: int
    problems: tuple[str, ...]
    offset: int = 0  # the front's length: pages before the body


class PdfRenderer:
    """Lays out print documents with the theme's `print/` templates."""

    def __init__(self, theme: Theme, cache_dir: Path) -> None:
        self.theme = theme
        self.qr_dir = cache_dir / "qr"
        self.cmyk_dir = cache_dir / "cmyk"
        self.fonts_dir = cache_dir / "fonts"
        self.mounts = {
            urls.PRINT_CACHE: cache_dir,
            **{f"{urls.PRINT_THEME}/{folder.name}": folder for folder in theme.folders},
        }
        self.base_url = urls.print_theme_uri(theme.folders[0].name, "print/")
        self.fonts: dict[str, str] = {}  # theme path -> URI, so a font is hashed once per process
        self.font_configs: dict[int, FontConfiguration] = {}  # by process id

    def font(self, path: str) -> str:
        """A theme font as TrueType, converted from WOFF2 once into the cache.

        Decompressing WOFF2 cost about 0.2 s per document, most of a brochure's time."""
        if path not in self.fonts:
            self.fonts[path] = self._truetype(theme_file(self.theme, path)[1])
        return self.fonts[path]

    def _truetype(self, source: Path) -> str:
        name = f"{hashlib.sha256(source.read_bytes()).hexdigest()[:24]}.ttf"
        target = self.fonts_dir / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            font = TTFont(source, recalcTimestamp=False)  # a fixed font: byte-identical PDFs
            font.flavor = None
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            font.save(tmp)
            tmp.replace(target)
        return urls.print_cache_uri(f"fonts/{name}")

    def font_config(self) -> FontConfiguration:
        """One font configuration per process, shared by its documents: setting one up loads
        fontconfig's configuration and the system's fonts, and its caches make the next
        document faster. Every print template declares the same `@font-face` rules (in
        `_print.html`), so what a document looks like never depends on the one before.

        Keyed by process id, and a parent's is kept referenced in a forked worker: dropping
        it there would delete the parent's font folder."""
        config = self.font_configs.get(os.getpid())
        if config is None:
            config = self.font_configs[os.getpid()] = FontConfiguration()
        return config

    def qr(self, url: str) -> str:
        """`url`'s QR code as vector paths (written to the cache once)."""
        return urls.print_cache_uri(f"qr/{qr.svg(url, self.qr_dir).name}")

    def catalog(self, doc: CatalogDocument, target: Path) -> RenderedPdf:
        """Lay out all of `doc` in this process and write it as one tagged PDF."""
        with _Session(self, doc) as session:
            offset, front = session.front()
            documents = [front]
            documents += [session.body(offset, number) for number in range(len(doc.parts))]
            documents += session.back(offset)
            pages = [page for document in documents for page in document.pages]
            front.copy(pages).write_pdf(target, **session.options, **session.variant)
            return RenderedPdf(len(pages), target.stat().st_size, session.problems())

    # A large catalog in parts, each possibly in another process: the front first (its
    # length numbers every later page), then the body parts and the back in any order,
    # then the join. Part files are numbered in page order.

    def front(self, doc: CatalogDocument, folder: Path) -> Part:
        with _Session(self, doc) as session:
            offset, front = session.front()
            return session.write(front, folder, 0, offset)

    def body(self, doc: CatalogDocument, offset: int, number: int, folder: Path) -> Part:
        with _Session(self, doc) as session:
            return session.write(session.body(offset, number), folder, number + 1, offset)

    def back(self, doc: CatalogDocument, offset: int, folder: Path) -> Part:
        """The index, the notes pages and the back cover."""
        with _Session(self, doc) as session:
            index, back = session.back(offset)
            first = session.write(index, folder, len(doc.parts) + 1, offset)
            last = session.write(back, folder, len(doc.parts) + 2, offset)
            return Part(first.pages + last.pages, session.problems(), offset)

    def join(self, doc: CatalogDocument, folder: Path, target: Path) -> RenderedPdf:
        """The parts in `folder` as one PDF at `target`, with the front's metadata."""
        files = sorted(folder.glob("*.pdf"))
        if len(files) != len(doc.parts) + 3:
            raise ThemeError(
                f"{doc.path}: {len(files)} parts found in {folder}, {len(doc.parts) + 3} expected"
            )
        pages = pdfjoin.join(files, target, identifier(doc))
        shutil.rmtree(folder)
        return RenderedPdf(pages, target.stat().st_size, ())

    def single(self, doc: Document, target: Path) -> RenderedPdf:
        """A brochure, poster or label sheets: one template, its pages known from the plan."""
        assert not isinstance(doc, CatalogDocument)
        with _Session(self, doc) as session:
            laid_out = session.check(session.layout(session.html()), doc.pages, doc.path)
            laid_out.write_pdf(target, **session.options, **session.variant)
            return RenderedPdf(len(laid_out.pages), target.stat().st_size, session.problems())


def partial_html(theme: Theme, template_name: str, **common: Any) -> Callable[..., str]:
    try:
        template = theme.env.get_template(template_name)
    except Exception as exc:
        raise ThemeError(f"themes/{theme.name}/{template_name}: {exc}") from None

    def render(**values: Any) -> str:
        try:
            return template.render(**common, **values)
        except Exception as exc:
            where = f"{getattr(exc, 'filename', None) or template_name}:{getattr(exc, 'lineno', '?')}"
            raise ThemeError(f"themes/{theme.name}: {where}: {exc}") from None

    return render


class _Session:
    """Laying out (part of) one document: its template, fetcher and collected problems."""

    def __init__(self, renderer: PdfRenderer, doc: Document) -> None:
        self.renderer = renderer
        self.doc = doc
        template = TEMPLATES[type(doc).__name__]
        self.html = partial_html(renderer.theme, template, doc=doc, qr=renderer.qr, font=renderer.font)
        cmyk = isinstance(doc, CatalogDocument) and doc.press
        self.options = {"pdf_identifier": identifier(doc), "finisher": _finisher(doc.geometry.bleed, cmyk)}
        self.variant = {"pdf_variant": "pdf/x-4" if cmyk else "pdf/ua-1"}
        self.fetcher = ConfinedFetcher(renderer.mounts, renderer.cmyk_dir if cmyk else None)
        self.log = _Collector(renderer.theme.language)

    def __enter__(self) -> _Session:
        logging.getLogger("weasyprint").addHandler(self.log)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("weasyprint").removeHandler(self.log)

    def layout(self, html: str) -> Any:
        source = weasyprint.HTML(string=html, base_url=self.renderer.base_url, url_fetcher=self.fetcher)
        return source.render(font_config=self.renderer.font_config())

    def check(self, document: Any, expected: int, where: str) -> Any:
        """A part whose page count differs from the plan is a theme bug: stop."""
        if len(document.pages) != expected:
            raise ThemeError(
                f"themes/{self.renderer.theme.name}/print: {where}: {len(document.pages)} pages laid out, "
                f"{expected} planned (a sheet overflows its page: check print.css sizes)"
            )
        return document

    def front(self) -> tuple[int, Any]:
        """The cover, foreword and contents, laid out until their length (which the contents'
        page numbers depend on) settles; that length and the layout."""
        doc = self.doc
        assert isinstance(doc, CatalogDocument)
        offset = 2 + (doc.foreword is not None)  # a guess: cover, contents, a page of foreword
        for _ in range(4):
            front = self.layout(self.html(part="front", offset=offset, first_page=1, blocks=()))
            if len(front.pages) == offset:
                return offset, front
            offset = len(front.pages)
        raise ThemeError(
            f"themes/{self.renderer.theme.name}/print: {doc.path}: front matter length does not settle"
        )

    def body(self, offset: int, number: int) -> Any:
        doc = self.doc
        assert isinstance(doc, CatalogDocument)
        page = offset + sum(len(blocks) for blocks in doc.parts[:number])
        blocks = doc.parts[number]
        body = self.layout(self.html(part="body", offset=offset, first_page=page + 1, blocks=blocks))
        return self.check(body, len(blocks), f"{doc.path}: body from page {page + 1}")

    def back(self, offset: int) -> tuple[Any, Any]:
        """The index (as long as it takes), then notes pages and the back cover."""
        doc = self.doc
        assert isinstance(doc, CatalogDocument)
        page = offset + doc.body_pages
        index = self.layout(self.html(part="index", offset=offset, first_page=page + 1, blocks=()))
        page += len(index.pages)
        fillers = filler_pages(doc, -(page + 1) % doc.pad_to)
        back = self.layout(
            self.html(part="back", offset=offset, first_page=page + 1, blocks=(), fillers=fillers)
        )
        return index, self.check(back, len(fillers) + 1, f"{doc.path}: back cover")

    def write(self, document: Any, folder: Path, number: int, offset: int) -> Part:
        """Write a laid-out part untagged (a structure tree does not survive the join)."""
        folder.mkdir(exist_ok=True)
        document.write_pdf(folder / f"{number:05d}.pdf", **self.options)
        return Part(len(document.pages), self.problems(), offset)

    def problems(self) -> tuple[str, ...]:
        """Each once (the front may be laid out more than once)."""
        found = [f"refused {url}" for url in self.fetcher.refused] + self.log.messages
        return tuple(dict.fromkeys(found))


def filler_pages(doc: CatalogDocument, count: int) -> list[str]:
    """What fills the pages a binding needs before the back cover: the order guide, the
    showroom's address and hours, then pages for notes. Never a blank page."""
    useful = ["order"] + (["showroom"] if doc.site.showroom else [])
    return (useful + ["notes"] * count)[:count]


def _finisher(bleed_mm: float, cmyk: bool) -> Callable[[Any, pydyf.PDF], None]:
    """What is done to the PDF before it is written: each page's BleedBox set to the trim
    plus the bleed (the media box also holds the slug where the crop marks stand, and
    WeasyPrint puts the BleedBox at most 10 pt out, whatever the media box); in a press
    edition, every colour as CMYK (press.py)."""
    bleed = bleed_mm * MM

    def finish(document: Any, pdf: pydyf.PDF) -> None:
        for page in pdf.objects:
            if isinstance(page, pydyf.Dictionary) and page.get("Type") == "/Page":
                left, top, right, bottom = page["TrimBox"]
                page["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])
        if cmyk:
            press.finish(pdf)

    return finish


def identifier(doc: Document) -> bytes:
    """The PDF's file identifier, from what it prints (its file names are folder-independent)."""
    return hashlib.md5(f"{weasyprint.__version__}|{doc!r}".encode()).digest()


_SUBSET_NOTICE = "instead of HarfBuzz-Subset"
_NO_GLYPH = re.compile(r'unsupported by fonts: "(.+)" \((U\+[0-9A-F]+)\)')


class _Collector(logging.Handler):
    """WeasyPrint's warnings (an unloadable image, an unknown CSS property) as messages."""

    def __init__(self, language: str) -> None:
        super().__init__(logging.WARNING)
        self.language = language
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if _SUBSET_NOTICE in text:
            return
        missing = _NO_GLYPH.search(text)
        if missing:
            text = message("print_no_glyph", self.language, char=missing[1], code=missing[2])
        self.messages.append(text)
