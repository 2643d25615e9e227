"""The single orchestrator: an ordered list of stage calls from content/ to public/.

load -> validate -> (images planned) -> encode -> render -> write -> swap.
Order matters: every content problem (including photos that fail to decode) is found
before the output folder is touched, so a failed build leaves the old site as it was.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import feeds, urls
from .errors import ContentError, ContentErrors, Problems, UsageError
from .images import ImageStore
from .manifest import Manifest, inputs_stamp
from .messages import message
from .model import Catalog
from .render import Renderer, render_all
from .report import Reporter
from .sources import load_sources
from .themes import brand_css, find_themes, load_theme
from .validate import build_catalog
from .views import ViewBuilder
from .writer import OutputWriter

PROJECT_THEMES = Path(__file__).resolve().parent.parent / "themes"


def default_cache_dir() -> Path:
    return Path(os.environ.get("GALERI_CACHE_DIR") or ".cache")


@dataclass(frozen=True)
class BuildOptions:
    content: Path = Path("content")
    out: Path = Path("public")
    base_url: str | None = None
    drafts: bool = False
    pdf: bool = True
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
    images: int = 0
    images_encoded: int = 0
    unchanged: bool = False  # nothing changed since the last build: the output was kept as it was
    language: str = "id"


def check(options: BuildOptions, reporter: Reporter | None = None) -> tuple[Catalog, ImageStore]:
    """Load and validate everything; raise ContentErrors with every problem found."""
    return _load(options, reporter or Reporter(), find_themes(options.theme_roots))


def _load(options: BuildOptions, reporter: Reporter, themes: dict[str, Path]) -> tuple[Catalog, ImageStore]:
    reporter.stage("load")
    problems = Problems()
    sources = load_sources(options.content.resolve(), problems)
    store = ImageStore(options.cache_dir / "images")
    catalog = build_catalog(sources, problems, store, set(themes), options.drafts, options.workers)
    store.save_index()
    if problems or catalog is None:
        raise ContentErrors(problems.sorted(), sources.language)
    if options.base_url:
        site = dataclasses.replace(catalog.site, base_url=options.base_url.rstrip("/") + "/")
        catalog = dataclasses.replace(catalog, site=site)
    return catalog, store


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
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise UsageError(f"--out {options.out}: folder berisi berkas lain, bukan situs; pilih folder kosong")


def build(options: BuildOptions, reporter: Reporter | None = None) -> BuildStats:
    """Build the whole site into `options.out`, atomically."""
    reporter = reporter or Reporter()
    check_output_folder(options)
    manifest = Manifest(options.cache_dir, options.out)
    stamp = inputs_stamp([options.content, *options.theme_roots, Path(__file__).parent], repr(options))
    if manifest.same_inputs(stamp):
        pages = len(manifest.previous)
        return BuildStats(pages=pages, reused=pages, unchanged=True, language=manifest.language)
    themes = find_themes(options.theme_roots)
    catalog, store = _load(options, reporter, themes)
    site = catalog.site
    link = urls.Urls(site.base_url)
    theme = load_theme(
        themes,
        site.theme,
        site.language,
        link,
        brand_css(site.primary, site.accent),
    )
    views = ViewBuilder(catalog, store, theme.t)
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
    stats = BuildStats(
        pages=len(pages), images=len(store.jobs), images_encoded=store.encoded, language=site.language
    )

    reporter.stage("render")
    writer = OutputWriter(options.out)
    renderer = Renderer(theme, views.site)
    try:
        outcomes = render_all(
            pages, renderer, writer, manifest, options.workers, lambda d, t: reporter.progress("render", d, t)
        )
        for page, outcome in zip(pages, outcomes, strict=True):
            manifest.record(outcome.path, outcome.key)
            if outcome.rendered:
                stats.rendered.append(page.path)
            else:
                stats.reused += 1

        reporter.stage("write")
        for asset in theme.assets.values():
            writer.write_bytes(asset.path, asset.data)
        for path, cached in store.outputs():
            writer.link(path, cached)
        aliases = [(alias, urls.business(b.slug)) for b in catalog.businesses for alias in b.aliases]
        aliases += [
            (alias, urls.product(p.business, p.slug)) for p in catalog.products for alias in p.aliases
        ]
        for old, new in aliases:
            writer.write_text(urls.output_file(old), feeds.alias_page(link, new, site.language))
        writer.write_text("_redirects", feeds.redirects(link, aliases))
        writer.write_text("sitemap.xml", feeds.sitemap(link, [page.path for page in pages]))
        writer.write_text("robots.txt", feeds.robots(link))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    manifest.save(stamp, site.language)
    return stats
