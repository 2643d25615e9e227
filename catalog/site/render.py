"""Page views + the theme's templates -> HTML files, skipping pages whose inputs did not change.

Each page gets a fingerprint (theme + everything the page shows); a page whose
fingerprint matches the last build, and whose file is still the bytes that build wrote
(`Manifest.reusable`), is hard-linked from the previous output instead of rendered.
Rendering runs on every core (`parallel.fork_map`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from catalog.core import urls
from catalog.core.jsonfile import Stamp, stamp
from catalog.core.manifest import Manifest
from catalog.core.parallel import chunks, fork_map
from catalog.core.writer import OutputWriter
from catalog.site.theme import Theme, ThemeError
from catalog.site.view_records import PageView, SiteView

CHUNK = 400


@dataclass(frozen=True)
class Outcome:
    path: str  # output file
    key: str
    rendered: bool
    stamp: Stamp  # the file as written: size, time stamp, hash


class Renderer:
    def __init__(self, theme: Theme, site: SiteView) -> None:
        self.theme = theme
        self.site = site
        self.common: dict[str, Any] = {}  # by template: the digest of what its pages share

    def key(self, page: PageView) -> str:
        if page.template not in self.common:
            shared = f"{self.theme.page_fingerprint(page.template)}|{self.site!r}"
            self.common[page.template] = hashlib.blake2b(shared.encode(), digest_size=16)
        digest = self.common[page.template].copy()
        digest.update(repr(page).encode())
        return digest.hexdigest()

    def render(self, page: PageView) -> str:
        try:
            template = self.theme.env.get_template(page.template)
            return template.render(site=self.site, meta=page.meta, **page.data)
        except jinja2.TemplateError as exc:
            where = f"{exc.filename or page.template}:{getattr(exc, 'lineno', '?')}"
            raise ThemeError(f"themes/{self.theme.name}/templates: {where}: {exc}") from None


def render_all(
    pages: list[PageView],
    renderer: Renderer,
    writer: OutputWriter,
    manifest: Manifest,
    workers: int,
    progress: Callable[[int, int], None],
) -> list[Outcome]:
    """Write every page into the writer's folder; return what was rendered or reused, in order."""
    paths = [urls.output_file(page.path) for page in pages]
    for path in paths:
        writer.claim(path)

    def render_chunk(bounds: range) -> list[Outcome]:
        done = []
        for index in bounds:
            page, path = pages[index], paths[index]
            key = renderer.key(page)
            previous = writer.previous(path)
            kept = manifest.reusable(path, key, previous)
            if previous is not None and kept is not None:
                writer.link_claimed(path, previous)
                done.append(Outcome(path, key, False, kept))
            else:
                data = renderer.render(page).encode("utf-8")
                done.append(Outcome(path, key, True, stamp(writer.write_claimed(path, data), data)))
        return done

    parts = fork_map(render_chunk, chunks(range(len(pages)), CHUNK), workers, _scaled(progress, len(pages)))
    return [outcome for part in parts for outcome in part]


def _scaled(progress: Callable[[int, int], None], total: int) -> Callable[[int, int], None]:
    """Progress in pages rather than chunks."""
    return lambda done, parts: progress(min(total, done * CHUNK), total)
