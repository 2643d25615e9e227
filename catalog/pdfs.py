"""The print plan's documents -> PDF files, skipping documents whose inputs did not change.

Each PDF gets a fingerprint (the print templates, strings and static files, WeasyPrint's
version and everything the document prints); an unchanged PDF is hard-linked from the
previous output. A typo fixed in one business re-renders its brochure and the catalogs
that contain it, nothing else. Documents render on every core, the largest first.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import pdf, printing, qr, urls
from .manifest import Manifest
from .parallel import fork_map
from .pdf import PdfRenderer
from .printing import Brochure, CatalogDocument, PrintPlan
from .themes import ThemeError
from .writer import OutputWriter


@dataclass(frozen=True)
class PdfOutcome:
    path: str  # site path: /katalog/katalog-lengkap.pdf
    key: str
    pages: int
    size: int  # bytes
    rendered: bool
    warnings: tuple[str, ...] = ()


def fingerprint(renderer: PdfRenderer, doc: CatalogDocument | Brochure) -> str:
    """Everything a PDF is made of: the document, the theme's print files, and the code and
    library versions that lay it out (so an upgrade re-renders, never reuses a stale PDF)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{renderer.theme.print_fingerprint}|{CODE}|{doc!r}".encode())
    return digest.hexdigest()


def _code_version() -> str:
    sources = [Path(module.__file__ or "").read_bytes() for module in (printing, pdf, qr)]
    versions = [importlib.metadata.version(name) for name in ("weasyprint", "pydyf", "pypdf", "segno")]
    return hashlib.sha256(b"".join(sources) + "|".join(versions).encode()).hexdigest()


CODE = _code_version()
TASKS_PER_WORKER = 200


def render_pdfs(
    plan: PrintPlan,
    renderer: PdfRenderer,
    writer: OutputWriter,
    manifest: Manifest,
    workers: int,
    progress: Callable[[int, int], None],
) -> list[PdfOutcome]:
    """Write every PDF of `plan` into the writer's folder; return what each became, in plan order."""
    docs: list[CatalogDocument | Brochure] = [*plan.catalogs, *plan.brochures]
    for doc in docs:
        writer.claim(urls.output_file(doc.path))

    def make(index: int) -> PdfOutcome:
        doc = docs[index]
        path = urls.output_file(doc.path)
        key = fingerprint(renderer, doc)
        previous = writer.previous(path)
        pages = manifest.pdf_pages.get(path)
        if previous is not None and pages and manifest.unchanged(path, key):
            writer.link_claimed(path, previous)
            return PdfOutcome(doc.path, key, pages, previous.stat().st_size, False)
        target = writer.claimed_file(path)
        if isinstance(doc, CatalogDocument):
            result = renderer.catalog(doc, target)
        else:
            result = renderer.brochure(doc, target)
        refused = [problem for problem in result.problems if problem.startswith("refused ")]
        if refused:
            raise ThemeError(f"themes/{renderer.theme.name}/print: {doc.path}: {refused[0]}")
        return PdfOutcome(doc.path, key, result.pages, result.size, True, result.problems)

    # Largest first, so the long catalog never starts last on an idle pool. A worker is
    # replaced after TASKS_PER_WORKER documents: WeasyPrint keeps memory per document, and a
    # process does not give back what a big catalog took. Not after every document: a fresh
    # worker sets up its fonts again, which made brochures 1.8x slower (docs/benchmarks.md).
    order = sorted(range(len(docs)), key=lambda i: -_weight(docs[i]))
    done = fork_map(make, order, workers, progress, tasks_per_worker=TASKS_PER_WORKER)
    by_index = dict(zip(order, done, strict=True))
    return [by_index[i] for i in range(len(docs))]


def _weight(doc: CatalogDocument | Brochure) -> int:
    return doc.body_pages if isinstance(doc, CatalogDocument) else doc.pages
