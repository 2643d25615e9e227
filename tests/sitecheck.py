"""Look at a built site as a visitor's browser would: pages, links, structured data."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def soup(out: Path, path: str) -> BeautifulSoup:
    file = out / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def internal_targets(page: BeautifulSoup) -> list[str]:
    """Every URL a page links to or loads: href, src and each srcset candidate."""
    found = []
    for tag in page.find_all(True):
        for attribute in ("href", "src"):
            if tag.get(attribute):
                found.append(tag[attribute])
        if tag.get("srcset"):
            found += [part.strip().split(" ")[0] for part in tag["srcset"].split(",")]
    return found


def broken_links(out: Path, prefix: str = "") -> list[tuple[str, str]]:
    """(page, link) for every internal link that does not resolve to a file in `out`."""
    broken = []
    for file in html_files(out):
        for url in internal_targets(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            if not path.startswith(prefix + "/"):
                broken.append((str(file.relative_to(out)), url))
                continue
            target = out / path[len(prefix) + 1 :]
            if path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append((str(file.relative_to(out)), url))
    return broken


def jsonld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(tag.string) for tag in page.find_all("script", type="application/ld+json")]
