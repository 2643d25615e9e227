"""Print documents to PDF bytes with WeasyPrint, through a fetcher that reads only allowed files.

WeasyPrint's default fetcher opens any URL and any local file (and embeds files named by
`rel=attachment` links). `ConfinedFetcher` answers only `file:` URLs inside the theme and
the image cache, so no content, template or CSS can pull a remote URL or a local file
such as /etc/passwd into a PDF.

A catalog is laid out in parts (front, body parts, index, back), each checked against
the page count the print plan expects. Up to `SINGLE_LIMIT` pages the parts' pages are
written as one tagged PDF (PDF/UA-1); a larger catalog writes each part as soon as it is
laid out and joins the files with pypdf, so memory holds one part at a time.
"""

from __future__ import annotations

import hashlib
import io
import logging
import mimetypes
import os
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

from . import qr
from .printing import Brochure, CatalogDocument
from .themes import Theme, ThemeError

SINGLE_LIMIT = 240  # pages; above it parts are written one by one and joined
PAD_TO = 2  # the back cover lands on an even page, the back of the last leaf (notes page between)


class ConfinedFetcher(URLFetcher):
    """Serves `file:` URLs under `roots` only; records everything it refused."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return self._refuse(url)
        file = Path(url2pathname(parts.path)).resolve()
        if not any(file.is_relative_to(root) for root in self.roots) or not file.is_file():
            return self._refuse(url)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return URLFetcherResponse(file.as_uri(), file.read_bytes(), {"Content-Type": kind})

    def _refuse(self, url: str) -> URLFetcherResponse:
        self.refused.append(url)
        raise ValueError(f"not allowed in a PDF: {url}")


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    problems: tuple[str, ...]  # refused URLs and WeasyPrint's warnings: a theme's problems


class PdfRenderer:
    """Lays out print documents with the theme's `print/` templates."""

    def __init__(self, theme: Theme, cache_dir: Path) -> None:
        self.theme = theme
        self.qr_dir = cache_dir / "qr"
        self.fonts_dir = cache_dir / "fonts"
        self.allowed = [*theme.folders, cache_dir / "images", self.qr_dir, self.fonts_dir]
        self.base_url = (theme.folders[0] / "print").resolve().as_uri() + "/"

    def font(self, path: str) -> str:
        """The `file:` URI of a theme font as TrueType, converted from WOFF2 once into the cache.

        Decompressing WOFF2 cost about 0.2 s per document, most of a brochure's time."""
        source = Path(url2pathname(urlsplit(self.theme.env.globals["theme_file"](path)).path))
        target = self.fonts_dir / f"{hashlib.sha256(source.read_bytes()).hexdigest()[:24]}.ttf"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            font = TTFont(source)
            font.flavor = None
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            font.save(tmp)
            tmp.replace(target)
        return target.resolve().as_uri()

    def qr(self, url: str) -> str:
        """The `file:` URI of `url`'s QR code image (written to the cache once)."""
        return qr.png(url, self.qr_dir).resolve().as_uri()

    def catalog(self, doc: CatalogDocument, key: str) -> RenderedPdf:
        with _Session(self, key, big=doc.body_pages > SINGLE_LIMIT) as session:
            html = partial_html(self.theme, "print/catalog.html", doc=doc, qr=self.qr, font=self.font)
            offset = 0
            for _ in range(3):  # the front's length sets the numbers it prints; settle in a few passes
                front = session.layout(html(part="front", offset=offset, first_page=1, blocks=()))
                if len(front.pages) == offset:
                    break
                offset = len(front.pages)
            session.add(front, len(front.pages))
            page = offset
            for blocks in doc.parts:
                body = session.layout(html(part="body", offset=offset, first_page=page + 1, blocks=blocks))
                session.add(body, len(blocks), f"{doc.path}: body from page {page + 1}")
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

    def brochure(self, doc: Brochure, key: str) -> RenderedPdf:
        with _Session(self, key, big=False) as session:
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

    def __init__(self, renderer: PdfRenderer, key: str, big: bool) -> None:
        self.renderer = renderer
        self.big = big  # write each part as soon as it is laid out, join at the end
        self.options = {"pdf_identifier": hashlib.md5(key.encode()).digest()}
        self.fetcher = ConfinedFetcher(renderer.allowed)
        self.fonts = FontConfiguration()
        self.documents: list[Any] = []  # laid out, or (big) only the first, for its metadata
        self.written: list[bytes] = []
        self.pages = 0
        self.log = _Collector()

    def __enter__(self) -> _Session:
        logging.getLogger("weasyprint").addHandler(self.log)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("weasyprint").removeHandler(self.log)

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
        self.written.append(document.write_pdf(**self.options))
        if not self.documents:
            self.documents.append(document)  # the front, whose metadata the joined file carries

    def finish(self) -> RenderedPdf:
        if self.big:
            data = _join(self.written, self.documents[0].metadata)
        else:
            pages = [page for document in self.documents for page in document.pages]
            data = self.documents[0].copy(pages).write_pdf(pdf_variant="pdf/ua-1", **self.options)
        problems = tuple(f"refused {url}" for url in self.fetcher.refused) + tuple(self.log.messages)
        return RenderedPdf(data, self.pages, problems)


def _join(parts: list[bytes], meta: Any) -> bytes:
    """One PDF from parts written separately, with the first part's metadata; outlines kept."""
    writer = PdfWriter()
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
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
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
