"""The print plan's documents -> PDF files, skipping documents whose inputs did not change.

Each PDF gets a fingerprint (the print templates, strings and static files, WeasyPrint's
version and everything the document prints); an unchanged PDF is hard-linked from the
previous output. A typo fixed in one business re-renders its brochure and the catalogs
that contain it, nothing else. Documents render on every core, the largest first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import weasyprint

from . import urls
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
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{renderer.theme.print_fingerprint}|{weasyprint.__version__}|{doc!r}".encode())
    return digest.hexdigest()


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
        result = (
            renderer.catalog(doc, key) if isinstance(doc, CatalogDocument) else renderer.brochure(doc, key)
        )
        refused = [problem for problem in result.problems if problem.startswith("refused ")]
        if refused:
            raise ThemeError(f"themes/{renderer.theme.name}/print: {doc.path}: {refused[0]}")
        writer.write_claimed(path, result.data)
        return PdfOutcome(doc.path, key, result.pages, len(result.data), True, result.problems)

    # The largest documents first, so the long catalog never starts last on an idle pool.
    order = sorted(range(len(docs)), key=lambda i: -_weight(docs[i]))
    done = fork_map(make, order, workers, progress)
    by_index = dict(zip(order, done, strict=True))
    return [by_index[i] for i in range(len(docs))]


def _weight(doc: CatalogDocument | Brochure) -> int:
    return doc.body_pages if isinstance(doc, CatalogDocument) else doc.pages
