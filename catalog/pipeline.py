"""The single orchestrator: an ordered list of stage calls from content/ to public/.

load -> validate -> (images planned) -> encode -> render -> write -> swap.
Order matters: every content problem (including photos that fail to decode) is found
before the output folder is touched, so a failed build leaves the old site as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from catalog import cms
from catalog.content import printed_urls as editions
from catalog.content.model import Catalog
from catalog.content.sources import load_sources
from catalog.content.validate import Memo, build_catalog
from catalog.core import urls
from catalog.core.errors import ContentError, ContentErrors, Problems, UsageError
from catalog.core.manifest import Manifest, inputs_stamp
from catalog.core.messages import message
from catalog.core.report import Reporter
from catalog.core.writer import OutputWriter, accepts, output_seal
from catalog.images.store import ImageStore
from catalog.outputs import feeds as productfeeds
from catalog.outputs import files as feeds
from catalog.outputs.search import index as search
from catalog.print import plan as printing
from catalog.print.plan import LOW_PPI, LowResolution, PrintPlan
from catalog.site.records import RecordedViews
from catalog.site.render import Renderer, render_all
from catalog.site.theme import MONTHS, Theme, brand_css, find_themes, load_theme
from catalog.site.views import PageView, ViewBuilder

PROJECT_THEMES = Path(__file__).resolve().parent / "themes"  # the built-in theme, inside the package


def default_cache_dir() -> Path:
    return Path(os.environ.get("GALERI_CACHE_DIR") or ".cache")


@dataclass(frozen=True)
class BuildOptions:
    content: Path = Path("content")
    out: Path = Path("public")
    base_url: str | None = None
    drafts: bool = False
    pdf: bool = True
    feeds: bool = True  # the product feeds (productfeeds.py); the live preview leaves them out
    search: bool = True  # the search index (search.py); the live preview leaves it out
    cache_dir: Path = field(default_factory=default_cache_dir)
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)

    @property
    def theme_roots(self) -> list[Path]:
        """A site's own `themes/` beside its content folder wins over the project's."""
        return [self.content.resolve().parent / "themes", PROJECT_THEMES]


@dataclass
class BuildStats:
    pages: int = 0
    rendered: list[str] = field(default_factory=list)
    reused: int = 0
    pdfs_rendered: list[str] = field(default_factory=list)
    pdfs_reused: list[str] = field(default_factory=list)
    images: int = 0
    images_encoded: int = 0
    unchanged: bool = False  # nothing changed since the last build: the output was kept as it was
    language: str = "id"
    feeds_skipped: productfeeds.Skipped | None = None  # products the Google and Meta feeds leave out
    search_records: int = 0  # products, stores and categories in the search index
    search_parts: int = 0
    drafts: tuple[str, ...] = ()  # the draft entries left out (paths in content/); unknown when unchanged


@dataclass(frozen=True)
class Built:
    """What a successful build made, kept by the live preview (`preview.update`)."""

    catalog: Catalog
    store: ImageStore
    theme: Theme
    views: ViewBuilder
    manifest: Manifest  # its `current`: the page fingerprints of the output as it is now
    memo: Memo  # the businesses validated, reused by the next edit


def check(
    options: BuildOptions, reporter: Reporter | None = None, memo: Memo | None = None
) -> tuple[Catalog, ImageStore]:
    """Load and validate everything; raise ContentErrors with every problem found. With the
    live preview's `memo`, what an edit did not touch is reused."""
    return _load(options, reporter or Reporter(), find_themes(options.theme_roots), memo)


def _load(
    options: BuildOptions, reporter: Reporter, themes: dict[str, Path], memo: Memo | None = None
) -> tuple[Catalog, ImageStore]:
    reporter.stage("load")
    problems = Problems()
    quick = memo is not None and memo.changed is not None
    sources = memo.sources if memo is not None and quick else None
    if sources is None:  # the preview's edit of entries reuses the site-wide files it read
        sources = load_sources(options.content.resolve(), problems)
        if memo is not None:
            memo.sources = None if problems else sources
    store = ImageStore(options.cache_dir / "images")
    catalog = build_catalog(sources, problems, store, set(themes), options.drafts, options.workers, memo)
    store.save_index()
    # The live preview's quick path (memo.changed set) falls back to a build when a page
    # address changes, so the printed addresses, checked by that build, still answer.
    if catalog is not None and not quick:
        editions.check(options.content, catalog, problems)
    if problems or catalog is None:
        raise ContentErrors(problems.sorted(), sources.language)
    if options.base_url:
        site = dataclasses.replace(catalog.site, base_url=options.base_url.rstrip("/") + "/")
        catalog = catalog.with_site(site)
    return catalog, store


def preflight(options: BuildOptions, catalog: Catalog, store: ImageStore) -> list[ContentError]:
    """The print warnings a build would give (photos under 300 ppi at their printed size)."""
    themes = find_themes(options.theme_roots)
    site = catalog.site
    theme = load_theme(themes, site.theme, site.language, urls.Urls(site.base_url), "")
    plan = print_plan(catalog, store, theme, options.content)
    found = [_low_resolution_warning(low, site.language) for low in plan.low_resolution]
    return found + printing.unprintable_warnings(plan.unprintable, options.content, site.language)


def freeze(options: BuildOptions) -> tuple[Catalog, Path, int, str]:
    """Append every address this edition prints to content/printed-urls.txt."""
    themes = find_themes(options.theme_roots)
    catalog, store = _load(options, Reporter(), themes)
    site = catalog.site
    theme = load_theme(themes, site.theme, site.language, urls.Urls(site.base_url), "")
    plan = print_plan(catalog, store, theme, options.content)
    printed = {path for doc in plan.documents() for path in doc.printed}
    edition = plan.catalogs[0].site.edition
    header = f"{edition}: {len(plan.catalogs)} katalog, {len(plan.brochures)} brosur"
    count = editions.freeze(options.content, printed, header)
    return catalog, options.content / editions.FILE, count, edition


def check_output_folder(options: BuildOptions) -> None:
    """Refuse an output folder whose replacement would destroy something that is not a site.

    The build swaps the whole folder: pointed at the content, at a folder holding the
    content, or at a folder of other files, it would delete them.
    """
    out, content = options.out.resolve(), options.content.resolve()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {options.out}: ini berkas, bukan folder")
    protected = [content, PROJECT_THEMES, options.cache_dir.resolve(), Path.cwd().resolve()]
    for folder in protected:
        if out == folder or folder.is_relative_to(out) or (folder == content and out.is_relative_to(content)):
            raise UsageError(
                f"--out {options.out}: tidak boleh folder konten, proyek atau tembolok (pilih mis. public)"
            )
    # Files no build wrote are kept (writer.py), but a folder of documents is no place
    # for a site: only an empty folder, a site, a deploy repository (.git) or one holding
    # only hidden files and CNAME is taken.
    if out.is_dir() and not accepts(out):
        raise UsageError(f"--out {options.out}: folder berisi berkas lain, bukan situs; pilih folder kosong")


def build(
    options: BuildOptions,
    reporter: Reporter | None = None,
    only_pdf: bool = False,
    keep: Callable[[Built], None] | None = None,
    memo: Memo | None = None,
) -> BuildStats:
    """Build the whole site into `options.out`, atomically. With `only_pdf`: its PDFs and the
    pages that link them (/katalog/ and the store pages, which link their brochure). `keep`
    receives what the build made, when it made the whole site, with the `memo` of what was
    validated (the live preview's, or a new one)."""
    if keep is not None and memo is None:
        memo = Memo()
    reporter = reporter or Reporter()
    check_output_folder(options)
    manifest = Manifest(options.cache_dir, options.out)
    settings = f"{options!r}|{os.environ.get('SOURCE_DATE_EPOCH', '')}|{cms.Backend.from_environment()}"
    settings += f"|{cms.vendor_versions(options.content.resolve().parent)}"
    stamp = inputs_stamp([options.content, *options.theme_roots, Path(__file__).parent], settings)
    if not only_pdf and manifest.same_inputs(stamp) and manifest.same_output(output_seal(options.out)):
        pages = len(manifest.previous) - len(manifest.pdf_pages)
        return BuildStats(
            pages=pages,
            reused=pages,
            unchanged=True,
            language=manifest.language,
            drafts=tuple(manifest.drafts),
        )
    themes = find_themes(options.theme_roots)
    catalog, store = _load(options, reporter, themes, memo)
    for warning in catalog.warnings:  # what the content should fix, without stopping the build
        reporter.warning(warning)
    site = catalog.site
    link = urls.Urls(site.base_url)
    theme = load_theme(themes, site.theme, site.language, link, brand_css(site.primary, site.accent))
    plan = print_plan(catalog, store, theme, options.content) if options.pdf or only_pdf else None
    if plan is not None:
        for low in plan.low_resolution:
            reporter.warning(_low_resolution_warning(low, site.language))
        for problem in printing.unprintable_warnings(plan.unprintable, options.content, site.language):
            reporter.warning(problem)
    brochures = {doc.path: doc.pages for doc in plan.brochures} if plan else {}
    # What is kept (the live preview's) records what each page reads, for its next edit.
    builder = ViewBuilder if keep is None else RecordedViews
    views = builder(catalog, store, theme.t, brochures, search=options.search)
    # Building the views plans every photo rendition the pages show, before encoding.
    if only_pdf:
        pages = [views.catalogs(), *(views.business_page(b) for b in catalog.businesses)]
    else:
        pages = views.pages()

    reporter.stage("images")
    failures = store.encode(options.workers, lambda done, total: reporter.progress("images", done, total))
    if failures:
        raise ContentErrors(
            sorted(
                ContentError(
                    ref.entry,
                    ref.line,
                    ref.field_name,
                    message("image_invalid", site.language, path=ref.source, detail=why),
                )
                for ref, why in failures
            ),
            site.language,
        )
    stats = BuildStats(images=store.published, images_encoded=store.encoded, language=site.language)
    stats.drafts = catalog.drafts

    writer = OutputWriter(options.out)
    try:
        built_pdfs: dict[str, tuple[int, int]] = {}
        if plan is not None:
            reporter.stage("pdf")
            # WeasyPrint takes 0.35 s to import: only builds that make PDFs pay for it.
            from catalog.print.jobs import render_pdfs
            from catalog.print.layout import PdfRenderer

            renderer = PdfRenderer(theme, options.cache_dir)
            outcomes = render_pdfs(
                plan, renderer, writer, manifest, options.workers, lambda d, t: reporter.progress("pdf", d, t)
            )
            for outcome in outcomes:
                manifest.record(urls.output_file(outcome.path), outcome.key, outcome.pages, outcome.stamp)
                built_pdfs[outcome.path] = (outcome.pages, outcome.size)
                (stats.pdfs_rendered if outcome.rendered else stats.pdfs_reused).append(outcome.path)
                for warning in outcome.warnings:
                    reporter.warning(f"{outcome.path}: {warning}")

        pages = [views.catalogs(built_pdfs) if page.path == urls.catalogs() else page for page in pages]
        stats.pages = len(pages)
        reporter.stage("render")
        renderer_html = Renderer(theme, views.site)
        outcomes_html = render_all(
            pages,
            renderer_html,
            writer,
            manifest,
            options.workers,
            lambda d, t: reporter.progress("render", d, t),
        )
        for page, outcome in zip(pages, outcomes_html, strict=True):
            manifest.record(outcome.path, outcome.key, stamp=outcome.stamp)
            if outcome.rendered:
                stats.rendered.append(page.path)
            else:
                stats.reused += 1

        reporter.stage("write")
        for asset in theme.assets.values():
            writer.write_bytes(asset.path, asset.data)
        if only_pdf:
            kept = writer.keep_previous(manifest.previous)
            manifest.current.update(kept)
            manifest.current_files.update(
                {path: manifest.files[path] for path in kept if path in manifest.files}
            )
        else:
            _write_site_files(writer, catalog, store, theme, link, pages)
            if options.feeds:
                feeds_built = productfeeds.build(
                    catalog, theme, link, lambda ref: store.picture(ref).fallback.path
                )
                for path, text in feeds_built.files.items():
                    writer.write_text(path, text)
                stats.feeds_skipped = feeds_built.skipped
            if options.search:
                reporter.stage("search")
                index = search.build(catalog, views, options.cache_dir, options.content)
                for path, file in index.files.items():
                    writer.link(path, file)
                writer.write_text(search.MAP, index.map_text)
                stats.search_records, stats.search_parts = index.records, index.parts
            _write_admin(writer, catalog, options.content, theme, sorted(themes), reporter)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    try:  # the site is in place; without its manifest the next build only renders everything
        manifest.save(None if only_pdf else stamp, site.language, writer.seal, catalog.drafts)
    except OSError as exc:
        reporter.warning(message("manifest_unsaved", site.language, path=exc.filename, detail=exc.strerror))
    if keep is not None and memo is not None and not only_pdf:
        keep(Built(catalog, store, theme, views, manifest, memo))
    return stats


def _write_site_files(
    writer: OutputWriter,
    catalog: Catalog,
    store: ImageStore,
    theme: Theme,
    link: urls.Urls,
    pages: list[PageView],
) -> None:
    """Everything besides pages and PDFs: photos, alias redirects, sitemap, robots.txt."""
    for path, cached in store.outputs():
        writer.link(path, cached)
    aliases = [(alias, urls.business(b.slug)) for b in catalog.businesses for alias in b.aliases]
    aliases += [(alias, urls.product(p.business, p.slug)) for p in catalog.products for alias in p.aliases]
    for old, new in aliases:
        writer.write_text(urls.alias_file(old), feeds.alias_page(theme, link, new))
    writer.write_text("_redirects", feeds.redirects(theme, aliases))
    writer.write_text("sitemap.xml", feeds.sitemap(theme, link, [page.path for page in pages]))
    writer.write_text("robots.txt", feeds.robots(theme, link))


def _write_admin(
    writer: OutputWriter,
    catalog: Catalog,
    content: Path,
    theme: Theme,
    themes: list[str],
    reporter: Reporter,
) -> None:
    """The web CMS (/admin/), when the pinned Decap package is installed (`npm ci`)."""
    written = 0
    for path, source in cms.admin_files(catalog, content, theme, themes, cms.Backend.from_environment()):
        if isinstance(source, Path):
            writer.link(path, source)
        else:
            writer.write_text(path, source)
        written += 1
    if not written:
        reporter.warning(message("cms_missing", catalog.site.language))


def print_plan(catalog: Catalog, store: ImageStore, theme: Theme, content: Path) -> PrintPlan:
    """Every PDF of the site, dated by the content's edition (see `edition_date`)."""
    site = catalog.site
    date = edition_date(content)
    month = f"{MONTHS[site.language][date.month - 1]} {date.year}"
    edition = site.print.edition or theme.t("print_edition", month=month)
    return printing.plan(catalog, store, edition, date.isoformat(), {"index": theme.t("print_index")})


def edition_date(content: Path) -> dt.date:
    """The first day of the edition's month: from SOURCE_DATE_EPOCH, else the content's last
    commit, else its newest file. Two builds of the same content print the same date, and
    the PDFs' metadata stays byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        try:
            found = subprocess.run(
                ["git", "log", "-1", "--format=%ct", "--", "."],
                cwd=content,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
            epoch = found.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            epoch = ""
    if not epoch.isdigit():
        epoch = str(max((int(f.stat().st_mtime) for f in content.rglob("*") if f.is_file()), default=0))
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.date(moment.year, moment.month, 1)


def _low_resolution_warning(low: LowResolution, language: str) -> ContentError:
    key = "print_very_low_ppi" if low.ppi < LOW_PPI else "print_low_ppi"
    detail = message(
        key, language, ppi=low.ppi, width=low.width_mm, height=low.height_mm, needed=low.needed_px
    )
    return ContentError(low.ref.entry, low.ref.line, low.ref.field_name, f"{low.ref.source}: {detail}")
