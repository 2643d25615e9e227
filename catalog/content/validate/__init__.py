"""Raw documents to the frozen catalog: every field rule and cross-file rule, all errors at once.

Field rules come from `schema`; here we add what needs more than one file: category
slugs exist and are unique, districts are listed, images exist inside their business
folder and are real images, price ranges are ordered, aliases and page slugs do not
collide. Problems go to a `Problems`; nothing is raised for content.

`checker` reports and resolves photos, `site` reads the site-wide files, `business` a
business folder, `checks` the rules across files; `memo` is what the live preview keeps.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from catalog.content.model import Business, Catalog, Product
from catalog.content.sources import ContentSources, read_business
from catalog.content.validate.business import BusinessRules
from catalog.content.validate.checker import ImageInspector
from catalog.content.validate.checks import CrossChecks, legal_warnings
from catalog.content.validate.memo import BusinessResult, Memo, signature
from catalog.content.validate.site import SiteRules
from catalog.core.errors import Problems
from catalog.core.parallel import chunks, fork_map

__all__ = ["ImageInspector", "Memo", "build_catalog", "legal_warnings"]

BUSINESSES_PER_JOB = 100


def build_catalog(
    sources: ContentSources,
    problems: Problems,
    images: ImageInspector,
    themes: set[str],
    drafts: bool = False,
    workers: int = 1,
    memo: Memo | None = None,
) -> Catalog | None:
    """Validate everything; return the catalog when no problem was found.

    `images` inspects image files (real, safe images?); `themes` are the theme names
    available, for `theme:` in site.yaml. Businesses are read and validated on
    `workers` processes; with a `memo` (the live preview's), unchanged ones are reused.
    """
    return _Validator(sources, problems, images, themes, drafts, memo).run(workers)


class _Validator(SiteRules, BusinessRules, CrossChecks):
    """Every rule, in order: the site-wide files, then each business (on every core), then
    the checks across files."""

    def run(self, workers: int) -> Catalog | None:
        site = self.settings()
        categories = self.categories()
        pages = self.pages()
        businesses: list[Business] = []
        products: list[Product] = []
        drafts = list(self.left_out)
        for found, problems, learned, left_out in self.all_businesses(workers):
            self.problems.extend(problems)
            self.images.absorb(learned)
            drafts += left_out
            if found is not None:
                businesses.append(found[0])
                products.extend(found[1])
        if self.memo is None or self.memo.changed is None:  # the preview's quick path builds on alias changes
            self.check_aliases(businesses, products, pages)
        if site is not None and self.sources.site is not None:
            self.check_print_references(self.sources.site, site.print, businesses, pages)
            self.check_legal_categories(self.sources.site, site)
        if site is None or categories is None or self.problems:
            return None
        businesses.sort(key=lambda b: (b.name.casefold(), b.slug))
        warnings = legal_warnings([*businesses, *products], site.region_code, dt.date.today(), self.language)
        found = (tuple(businesses), tuple(products), tuple(pages))
        return Catalog(site, categories, *found, warnings, tuple(sorted(drafts)))

    def all_businesses(self, workers: int) -> list[BusinessResult]:
        """Every business folder read and validated, in folder order: on `workers`
        processes, or (in the live preview) from `memo` when nothing it reads changed."""
        folders = self.sources.business_folders
        shared = signature([self.root / "site.yaml", self.root / "categories.yaml"])
        shared += f"|{self.drafts}|{self.language}"
        memo = self.memo
        keys = {folder: memo.key(folder, shared) for folder in folders} if memo is not None else {}
        results = {
            folder: memo.results[folder][1]
            for folder in keys
            if memo is not None and memo.results.get(folder, ("",))[0] == keys[folder]
        }
        todo = [folder for folder in folders if folder not in results]
        for done in fork_map(self.business_job, chunks(todo, BUSINESSES_PER_JOB), workers):
            results.update(done)
        if memo is not None:
            memo.results = {folder: (keys[folder], results[folder]) for folder in folders}
        return [results[folder] for folder in folders]

    def business_job(self, folders: Sequence[Path]) -> list[tuple[Path, BusinessResult]]:
        """Read and validate some businesses; for each, it (None for a draft or a failure)
        and its products, its problems and the image facts learned.

        Runs in a worker process: everything it learns travels back in its result.
        """
        done = []
        for folder in folders:
            own = Problems()
            checker = copy.copy(self)
            checker.problems = own
            business, products, left_out = checker.business(read_business(self.sources, folder, own))
            found = (business, products) if business is not None and business.source not in left_out else None
            done.append((folder, (found, own.items, self.images.learned(), left_out)))
        return done
