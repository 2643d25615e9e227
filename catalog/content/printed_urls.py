"""Printed URLs: every address a printed edition carries (its QR codes) keeps answering.

`python build.py freeze` appends the site paths of every printed document to
`content/printed-urls.txt` (committed with the content). Every later build checks that
each recorded path is still a page of the site or an alias of one; a product renamed or
removed without an `aliases` entry fails the build with the file and line of the record.
"""

from __future__ import annotations

import os
from pathlib import Path

from catalog.content.model import Catalog
from catalog.core import urls
from catalog.core.errors import Problems
from catalog.core.messages import message

FILE = "printed-urls.txt"


def recorded(content: Path) -> list[tuple[int, str]]:
    """(line, path) of every recorded address; comments (#) and blank lines skipped."""
    file = content / FILE
    if not file.is_file():
        return []
    lines = file.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    found = []
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if text:
            found.append((number, text))
    return found


def answered(catalog: Catalog) -> set[str]:
    """Every site path that answers with a page: pages, stores, products, categories, aliases."""
    paths = {urls.home(), urls.directory(), urls.search(), urls.catalogs()}
    paths.update(urls.category(slug) for slug in catalog.categories)
    paths.update(urls.page(page.slug) for page in catalog.pages)
    for business in catalog.businesses:
        paths.add(urls.business(business.slug))
        paths.update(business.aliases)
    for product in catalog.products:
        paths.add(urls.product(product.business, product.slug))
        paths.update(product.aliases)
    return paths


def check(content: Path, catalog: Catalog, problems: Problems) -> None:
    """A content error for each recorded address the site no longer answers."""
    live = answered(catalog)
    language = catalog.site.language
    file = content / FILE
    if file.is_symlink() and not Path(os.path.realpath(file)).is_relative_to(os.path.realpath(content)):
        problems.add(FILE, 1, "", message("symlink_outside", language))  # each line would be echoed
        return
    for line, path in recorded(content):
        if not (path.startswith("/") and path.endswith("/")):
            problems.add(FILE, line, "", message("printed_bad_line", language, text=path))
        elif path not in live:
            problems.add(FILE, line, "", message("printed_gone", language, path=path))


def freeze(content: Path, printed: set[str], header: str) -> int:
    """Append the printed paths not yet recorded under a `# header` line; return how many."""
    known = {path for _, path in recorded(content)}
    new = sorted(printed - known)
    if not new:
        return 0
    file = content / FILE
    existing = file.read_text(encoding="utf-8-sig") if file.is_file() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    block = ("\n" if existing else "") + f"# {header}\n" + "".join(f"{path}\n" for path in new)
    file.write_text(existing + block, encoding="utf-8")
    return len(new)
