"""Rules across files, in one pass over the whole catalog: aliases collide with no page,
brochure or other alias; site.yaml names pages, categories and businesses that exist;
P-IRT numbers from elsewhere or expired are worth a warning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from catalog.content import legal
from catalog.content.model import Business, Page, PrintSettings, Product, Settings
from catalog.content.sources import Document
from catalog.content.validate.checker import Checker
from catalog.core import urls
from catalog.core.errors import ContentError
from catalog.core.messages import message


class CrossChecks(Checker):
    def check_legal_categories(self, doc: Document, site: Settings) -> None:
        """site.yaml `legal` names categories that exist."""
        if not self.categories_valid:
            return
        for group in ("food_categories", "pirt_categories"):
            for index, slug in enumerate(getattr(site, group) or ()):
                if slug not in self.category_slugs:
                    self.at(doc, ("legal", group, index), "include_categories_missing", slug=slug)

    def check_print_references(
        self, doc: Document, settings: PrintSettings, businesses: list[Business], pages: list[Page]
    ) -> None:
        """`print_foreword` names a page, `print.include` names categories and businesses that exist."""
        if settings.foreword and settings.foreword not in {p.slug for p in pages}:
            self.at(doc, ("print_foreword",), "foreword_missing", slug=settings.foreword)
        known = {"categories": self.category_slugs, "businesses": {b.slug for b in businesses}}
        if not self.categories_valid:
            known.pop("categories")
        for group, slugs in known.items():
            chosen = getattr(settings, group)
            for index, slug in enumerate(chosen):
                if slug not in slugs:
                    self.at(doc, ("print", "include", group, index), f"include_{group}_missing", slug=slug)

    def check_aliases(self, businesses: list[Business], products: list[Product], pages: list[Page]) -> None:
        """No alias page may write a file that a page, a brochure or another alias writes, nor
        a folder where such a file is or a file where such a folder is. Compared without
        regard to case: a site copied to a Windows or macOS disk would mix them up."""
        paths = {"/": "/", "/ikm/": "/ikm/", "/cari/": "/cari/", "/katalog/": "/katalog/"}
        paths.update({f"/kategori/{slug}/": "categories.yaml" for slug in self.category_slugs})
        paths.update({f"/{p.slug}/": p.source for p in pages})
        paths.update({f"/ikm/{b.slug}/": b.source for b in businesses})
        paths.update({urls.brochure(b.slug): b.source for b in businesses})
        paths.update({f"/ikm/{p.business}/{p.slug}/": p.source for p in products})
        files = {urls.output_file(path).casefold(): owner for path, owner in paths.items()}
        folders = {folder: owner for file, owner in files.items() for folder in _folders(file)}
        for entry in [*businesses, *products]:
            for alias, line, index in entry.alias_lines:
                file = urls.alias_file(alias).casefold()
                clash = [files[f] for f in (file, *_folders(file)) if f in files] + [folders.get(file)]
                other = next((owner for owner in clash if owner), None)
                if other is not None:
                    self.say(entry.source, line, f"aliases[{index}]", "alias_taken", path=alias, other=other)
                    continue
                files[file] = entry.source
                folders.update({folder: entry.source for folder in _folders(file)})


def _folders(file: str) -> list[str]:
    """`a/b/index.html` -> `a`, `a/b`: the folders an output file needs."""
    parts = file.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def legal_warnings(
    entries: Sequence[Business | Product], region_code: str | None, today: dt.date, language: str
) -> tuple[ContentError, ...]:
    """P-IRT numbers issued by another kab/kota than site.yaml `region_code`, or whose expiry
    year has passed: worth a look, but the product may still be sold (a business moves)."""
    found = []
    for entry in entries:
        for index, cert in enumerate(entry.certifications):
            facts = legal.pirt_facts(cert.type, cert.number)
            if facts is None:
                continue
            where = (cert.source, cert.line, f"certifications[{index}].number")
            region, year = facts
            if region_code and region != region_code:
                text = message("legal_pirt_region", language, found=region, expected=region_code)
                found.append(ContentError(*where, text))
            if year < today.year:
                found.append(ContentError(*where, message("legal_pirt_expired", language, year=year)))
    return tuple(sorted(found))
