"""Print documents to PDF files with WeasyPrint, through a fetcher that reads only allowed files.

WeasyPrint's default fetcher opens any URL and any local file (and embeds files named by
`rel=attachment` links). `ConfinedFetcher` answers only `file:` URLs under the made-up
roots of the build's cache and the theme folders, so no content, template or CSS can pull
a remote URL or a local file such as /etc/passwd into a PDF.

A catalog is laid out in parts (front, body parts, index, back), each checked against
the page count the print plan expects. Up to `SINGLE_LIMIT` body pages the parts' pages
are written as one tagged PDF (PDF/UA-1); a larger catalog writes each part to a file as
soon as it is laid out and joins the files with pypdf, so layout memory holds one part at
a time (the join itself holds the joined document).
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import qr, urls
from .printing import Brochure, CatalogDocument
from .themes import Theme, ThemeError, theme_file

SINGLE_LIMIT = 240  # pages; above it parts are written one by one and joined
PAD_TO = 2  # the back cover lands on an even page, the back of the last leaf (notes page between)


class ConfinedFetcher(URLFetcher):
    """Serves `file:` URLs under the made-up roots in `mounts` (urls.PRINT_CACHE, PRINT_THEME)
    from the real folders they name, and nothing else; records everything it refused."""

    def __init__(self, mounts: dict[str, Path]) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.mounts = {prefix.rstrip("/") + "/": folder.resolve() for prefix, folder in mounts.items()}
        self.refused: list[str] = []

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
        return URLFetcherResponse(url, file.read_bytes(), {"Content-Type": kind})

    def _refuse(self, url: str) -> URLFetcherResponse:
        self.refused.append(url)
        raise ValueError(f"not allowed in a PDF: {url}")


@dataclass(frozen=True)
class RenderedPdf:
    pages: int
    size: int  # bytes written
    problems: tuple[str, ...]  # refused URLs and WeasyPrint's warnings: a theme's problems


class PdfRenderer:
    """Lays out print documents with the theme's `print/` templates."""

    def __init__(self, theme: Theme, cache_dir: Path) -> None:
        self.theme = theme
        self.qr_dir = cache_dir / "qr"
        self.fonts_dir = cache_dir / "fonts"
        self.mounts = {
            urls.PRINT_CACHE: cache_dir,
            **{f"{urls.PRINT_THEME}/{folder.name}": folder for folder in theme.folders},
        }
        self.base_url = urls.print_theme_uri(theme.folders[0].name, "print/")
        self.fonts: dict[str, str] = {}  # theme path -> URI, so a font is hashed once per process

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

    def qr(self, url: str) -> str:
        """`url`'s QR code image (written to the cache once)."""
        return urls.print_cache_uri(f"qr/{qr.png(url, self.qr_dir).name}")

    def catalog(self, doc: CatalogDocument, target: Path) -> RenderedPdf:
        """Lay `doc` out part by part and write it to `target`."""
        with _Session(self, doc, target, big=doc.body_pages > SINGLE_LIMIT) as session:
            html = partial_html(self.theme, "print/catalog.html", doc=doc, qr=self.qr, font=self.font)
            offset = 2 + (doc.foreword is not None)  # a guess: cover, contents, a page of foreword
            for _ in range(4):  # the front's length sets the numbers it prints: settle it
                front = session.layout(html(part="front", offset=offset, first_page=1, blocks=()))
                if len(front.pages) == offset:
                    break
                offset = len(front.pages)
            else:
                raise ThemeError(
                    f"themes/{self.theme.name}/print: {doc.path}: front matter length does not settle"
                )
            session.add(front, len(front.pages))
            page = offset
            for blocks in doc.parts:
                body = session.layout(html(part="body", offset=offset, first_page=page + 1, blocks=blocks))
                session.add(body, len(blocks), f"{doc.path}: body from page {page + 1}")
                del body  # a big catalog holds one part's layout at a time
                page += len(blocks)
            index = session.layout(html(part="index", offset=offset, first_page=page + 1, blocks=()))
            session.add(index, len(index.pages))
            page += len(index.pages)
            notes = -(page + 1) % PAD_TO
            back = session.layout(
                html(part="back", offset=offset, first_page=page + 1, blocks=(), notes=notes)
            )
            session.add(back, notes + 1, f"{doc.path}: back cover")
            return session.finish()

    def brochure(self, doc: Brochure, target: Path) -> RenderedPdf:
        with _Session(self, doc, target, big=False) as session:
            html = partial_html(self.theme, "print/brochure.html", doc=doc, qr=self.qr, font=self.font)
            laid_out = session.layout(html())
            session.add(laid_out, doc.pages, doc.path)
            return session.finish()


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
    """One document: its fetcher, font configuration, laid-out parts and collected problems."""

    def __init__(
        self, renderer: PdfRenderer, doc: CatalogDocument | Brochure, target: Path, big: bool
    ) -> None:
        self.renderer = renderer
        self.target = target
        self.big = big  # write each part to a file as soon as it is laid out, join at the end
        self.parts_dir = target.with_name(f".{target.name}.parts")
        self.options = {"pdf_identifier": identifier(doc)}
        self.fetcher = ConfinedFetcher(renderer.mounts)
        self.fonts = FontConfiguration()
        self.documents: list[Any] = []  # laid out, or (big) only the first, for its metadata
        self.written: list[Path] = []
        self.pages = 0
        self.log = _Collector()

    def __enter__(self) -> _Session:
        logging.getLogger("weasyprint").addHandler(self.log)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("weasyprint").removeHandler(self.log)
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def layout(self, html: str) -> Any:
        source = weasyprint.HTML(string=html, base_url=self.renderer.base_url, url_fetcher=self.fetcher)
        return source.render(font_config=self.fonts)

    def add(self, document: Any, expected: int, where: str = "") -> None:
        """Keep a laid-out part; a part whose page count differs from the plan is a theme bug."""
        if where and len(document.pages) != expected:
            raise ThemeError(
                f"themes/{self.renderer.theme.name}/print: {where}: {len(document.pages)} pages laid out, "
                f"{expected} planned (a sheet overflows its page: check print.css sizes)"
            )
        self.pages += len(document.pages)
        if not self.big:
            self.documents.append(document)
            return
        self.parts_dir.mkdir(exist_ok=True)
        part = self.parts_dir / f"{len(self.written):05d}.pdf"
        document.write_pdf(part, **self.options)
        self.written.append(part)
        if not self.documents:
            self.documents.append(document)  # the front, whose metadata the joined file carries

    def finish(self) -> RenderedPdf:
        if self.big:
            _join(self.written, self.documents[0].metadata, self.target)
        else:
            pages = [page for document in self.documents for page in document.pages]
            self.documents[0].copy(pages).write_pdf(self.target, pdf_variant="pdf/ua-1", **self.options)
        problems = tuple(f"refused {url}" for url in self.fetcher.refused) + tuple(self.log.messages)
        return RenderedPdf(self.pages, self.target.stat().st_size, problems)


def identifier(doc: CatalogDocument | Brochure) -> bytes:
    """The PDF's file identifier, from what it prints (its file names are folder-independent)."""
    return hashlib.md5(f"{weasyprint.__version__}|{doc!r}".encode()).digest()


def _join(parts: list[Path], meta: Any, target: Path) -> None:
    """One PDF from parts written separately, with the first part's metadata; outlines kept.

    pypdf holds the joined document in memory while writing it (about the file's size):
    the layout, not the file, is what part-by-part rendering bounds.
    """
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(part))
    writer.add_metadata(
        {
            "/Title": meta.title or "",
            "/Author": ", ".join(meta.authors or []),
            "/Producer": f"WeasyPrint {weasyprint.__version__}, pypdf",
            "/CreationDate": _pdf_date(meta.created),
            "/ModDate": _pdf_date(meta.modified or meta.created),
        }
    )
    if meta.lang:
        writer._root_object[NameObject("/Lang")] = TextStringObject(meta.lang)
    with target.open("wb") as out:
        writer.write(out)


def _pdf_date(iso: str | None) -> str:
    digits = "".join(ch for ch in (iso or "") if ch.isdigit())[:14]
    return f"D:{digits.ljust(14, '0')}Z" if digits else ""


class _Collector(logging.Handler):
    """WeasyPrint's warnings (an unloadable image, an unknown CSS property) as messages."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
