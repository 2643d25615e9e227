"""The print plan's documents -> PDF files, skipping documents whose inputs did not change.

Each PDF gets a fingerprint (the print templates, strings and static files, WeasyPrint's
version and everything the document prints); an unchanged PDF whose file is still the
bytes that build wrote (`Manifest.reusable`) is hard-linked from the previous output.
A typo fixed in one business re-renders its brochure and the catalogs
that contain it, nothing else. Documents, and the parts of a large catalog, render on
every core, the largest first.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from catalog.core import urls
from catalog.core.jsonfile import Stamp, naming, stamp
from catalog.core.manifest import Manifest
from catalog.core.parallel import fork_map
from catalog.core.writer import OutputWriter
from catalog.print import join as pdfjoin
from catalog.print import kit, press, qr, records, text
from catalog.print import layout as pdf
from catalog.print import plan as printing
from catalog.print.layout import Part, PdfRenderer, RenderedPdf
from catalog.print.plan import PrintPlan
from catalog.print.records import CatalogDocument, Document
from catalog.site.theme import ThemeError


@dataclass(frozen=True)
class PdfOutcome:
    path: str  # site path: /katalog/katalog-lengkap.pdf
    key: str
    pages: int
    size: int  # bytes
    rendered: bool
    stamp: Stamp  # the file as written: size, time stamp, hash
    warnings: tuple[str, ...] = ()


def fingerprint(renderer: PdfRenderer, doc: Document) -> str:
    """Everything a PDF is made of: the document, the theme's print files, and the code and
    library versions that lay it out (so an upgrade re-renders, never reuses a stale PDF)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{renderer.theme.print_fingerprint}|{CODE}|{doc!r}".encode())
    return digest.hexdigest()


def _code_version() -> str:
    sources = [
        Path(module.__file__ or "").read_bytes()
        for module in (printing, records, text, kit, pdf, pdfjoin, qr, press)
    ]
    versions = [importlib.metadata.version(name) for name in ("weasyprint", "pydyf", "pypdf", "segno")]
    return hashlib.sha256(b"".join(sources) + "|".join(versions).encode()).hexdigest()


CODE = _code_version()
TASKS_PER_WORKER = 200


@dataclass(frozen=True)
class _Job:
    """One unit of work for a worker: a whole document, a part of a large catalog, or its join."""

    doc: int  # index into the documents
    step: str  # whole, front, body, back or join
    number: int = 0  # body part
    offset: int = 0  # pages before the body (from the front)


def render_pdfs(
    plan: PrintPlan,
    renderer: PdfRenderer,
    writer: OutputWriter,
    manifest: Manifest,
    workers: int,
    progress: Callable[[int, int], None],
) -> list[PdfOutcome]:
    """Write every PDF of `plan` into the writer's folder; return what each became, in plan order.

    A catalog over pdf.SINGLE_LIMIT body pages is laid out in parts on every core: its
    front first (whose length numbers the rest), then its body parts and back alongside
    the other documents, largest first, then the parts are joined."""
    with _fonts_folder(renderer):
        docs = plan.documents()
        outcomes: dict[int, PdfOutcome] = {}
        keys: dict[int, str] = {}
        for index, doc in enumerate(docs):
            path = urls.output_file(doc.path)
            writer.claim(path)
            keys[index] = fingerprint(renderer, doc)
            previous = writer.previous(path)
            pages = manifest.pdf_pages.get(path)
            kept = manifest.reusable(path, keys[index], previous)
            if previous is not None and pages and kept is not None:
                writer.link_claimed(path, previous)
                outcomes[index] = PdfOutcome(doc.path, keys[index], pages, kept[0], False, kept)
        todo = [index for index in range(len(docs)) if index not in outcomes]
        large = [index for index in todo if _in_parts(docs[index])]

        def target(index: int) -> Path:
            return writer.claimed_file(urls.output_file(docs[index].path))

        def parts_folder(index: int) -> Path:
            file = target(index)
            return file.with_name(f".{file.name}.parts")

        def work(job: _Job) -> PdfOutcome | Part:
            with naming(target(job.doc)):  # a full disk's message names the PDF
                return laid_out(job)

        def laid_out(job: _Job) -> PdfOutcome | Part:
            doc = docs[job.doc]
            if job.step == "whole":
                done: RenderedPdf | Part = (
                    renderer.catalog(doc, target(job.doc))
                    if isinstance(doc, CatalogDocument)
                    else renderer.single(doc, target(job.doc))
                )
            else:
                assert isinstance(doc, CatalogDocument)
                if job.step == "front":
                    done = renderer.front(doc, parts_folder(job.doc))
                elif job.step == "body":
                    done = renderer.body(doc, job.offset, job.number, parts_folder(job.doc))
                elif job.step == "back":
                    done = renderer.back(doc, job.offset, parts_folder(job.doc))
                else:
                    done = renderer.join(doc, parts_folder(job.doc), target(job.doc))
            refused = [problem for problem in done.problems if problem.startswith("refused ")]
            if refused:
                raise ThemeError(f"themes/{renderer.theme.name}/print: {doc.path}: {refused[0]}")
            if isinstance(done, Part):
                return done
            written = stamp(target(job.doc))
            return PdfOutcome(doc.path, keys[job.doc], done.pages, done.size, True, written, done.problems)

        steps = [
            [_Job(index, "front") for index in large],
            [_Job(index, "whole") for index in todo if index not in large],
            [_Job(index, "join") for index in large],
        ]
        total = sum(map(len, steps)) + sum(len(docs[index].parts) + 1 for index in large)  # type: ignore[union-attr]
        done_before = 0

        def run(jobs: list[_Job]) -> list[PdfOutcome | Part]:
            # A worker is replaced after TASKS_PER_WORKER jobs: WeasyPrint keeps memory per
            # document, and a process does not give back what a big part took. Not after every
            # job: a fresh worker sets up its fonts again (1.8x slower, docs/benchmarks.md).
            nonlocal done_before
            base = done_before
            results = fork_map(
                work,
                jobs,
                workers,
                lambda done, _: progress(base + done, total),
                tasks_per_worker=TASKS_PER_WORKER,
            )
            done_before += len(jobs)
            return results

        fronts = dict(zip(large, run(steps[0]), strict=True))
        middle = [
            *(_Job(i, "body", n, fronts[i].offset) for i in large for n in range(len(docs[i].parts))),  # type: ignore[union-attr]
            *(_Job(i, "back", 0, fronts[i].offset) for i in large),
            *steps[1],
        ]
        middle.sort(key=lambda job: -_weight(docs[job.doc], job))  # the longest never starts last
        problems: dict[int, list[str]] = {index: list(fronts[index].problems) for index in large}
        for job, result in zip(middle, run(middle), strict=True):
            if isinstance(result, PdfOutcome):
                outcomes[job.doc] = result
            else:
                problems[job.doc] += result.problems
        for job, result in zip(steps[2], run(steps[2]), strict=True):
            assert isinstance(result, PdfOutcome)
            outcomes[job.doc] = replace(result, warnings=tuple(dict.fromkeys(problems[job.doc])))
        return [outcomes[index] for index in range(len(docs))]


@contextlib.contextmanager
def _fonts_folder(renderer: PdfRenderer) -> Iterator[None]:
    """WeasyPrint writes each font configuration's fonts to a temporary folder it removes only
    when the configuration is collected, which never happens in a pool worker: all of them
    go into one folder, removed when the PDFs are done."""
    scratch = tempfile.mkdtemp(prefix="galeri-pdf-")
    previous, tempfile.tempdir = tempfile.tempdir, scratch
    try:
        yield
    finally:
        tempfile.tempdir = previous
        renderer.font_configs.clear()
        shutil.rmtree(scratch, ignore_errors=True)


def _in_parts(doc: Document) -> bool:
    return isinstance(doc, CatalogDocument) and doc.body_pages > pdf.SINGLE_LIMIT


def _weight(doc: Document, job: _Job) -> float:
    """About how many pages a job lays out."""
    if not isinstance(doc, CatalogDocument):
        return doc.pages
    if job.step == "body":
        return len(doc.parts[job.number])
    if job.step == "back":
        return len(doc.index) / 40 + 2  # about 40 businesses to an index page
    return doc.body_pages + 4
