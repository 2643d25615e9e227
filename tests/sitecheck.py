"""Look at a built site as a visitor's browser would: pages, links, structured data."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def soup(out: Path, path: str) -> BeautifulSoup:
    file = out / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def internal_targets(page: BeautifulSoup) -> list[str]:
    """Every URL a page links to or loads: href, src, each srcset candidate, style url()s."""
    found = []
    for tag in page.find_all(True):
        for attribute in ("href", "src"):
            if tag.get(attribute):
                found.append(tag[attribute])
        if tag.get("srcset"):
            found += [part.strip().split(" ")[0] for part in tag["srcset"].split(",")]
        if tag.get("style"):
            found += CSS_URL.findall(tag["style"])
        if tag.name == "style" and tag.string:
            found += CSS_URL.findall(tag.string)
    return found


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
TEXT_FILES = (".html", ".xml", ".json", ".txt", ".csv", ".webmanifest", ".css", ".js")


def broken_links(out: Path, prefix: str = "", site_url: str | None = None) -> list[tuple[str, str]]:
    """(file, link) for every internal link or asset of the output that does not resolve.

    Pages: href, src, srcset and style url()s, and each `#id` must be on its page. Style
    sheets: their url()s. With `site_url`: every absolute URL on the site in any text file
    (canonical and social tags, sitemap, feeds, produk.json, robots.txt), and the targets
    of Netlify's `_redirects`.
    """
    broken: list[tuple[str, str]] = []
    ids: dict[Path, set[str]] = {}

    def check(source: Path, url: str) -> None:
        parts = urlsplit(url)
        fragment = unquote(parts.fragment)
        if parts.scheme or parts.netloc:
            return
        if not parts.path:  # "#id": on this page
            if fragment and fragment not in page_ids(source):
                broken.append((str(source.relative_to(out)), url))
            return
        path = unquote(parts.path)
        if not path.startswith("/"):  # relative to a style sheet
            folder = "/" if path.endswith("/") else ""
            path = posixpath.normpath(f"{prefix}/{source.parent.relative_to(out).as_posix()}/{path}") + folder
        target = out / path.removeprefix(prefix).lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if (
            not path.startswith(prefix + "/")
            or not target.resolve().is_relative_to(out.resolve())
            or not target.is_file()
            or (fragment and target.suffix == ".html" and fragment not in page_ids(target))
        ):
            broken.append((str(source.relative_to(out)), url))

    def page_ids(file: Path) -> set[str]:
        if file not in ids:
            page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids[file] = {tag["id"] for tag in page.find_all(id=True)}
        return ids[file]

    for file in html_files(out):
        for url in internal_targets(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")):
            if urlsplit(url).path or url.startswith("#"):
                check(file, url)
    for sheet in sorted(out.rglob("*.css")):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if not url.startswith("data:"):
                check(sheet, url)
    if site_url:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
        on_site = re.compile(re.escape(origin) + r"(/[^\s\"'<>),\]]*)")
        for file in sorted(f for f in out.rglob("*") if f.suffix in TEXT_FILES or f.name == "_redirects"):
            text = html.unescape(file.read_text(encoding="utf-8"))
            for path in on_site.findall(text):
                check(file, path)
        redirects = out / "_redirects"
        if redirects.is_file():
            for line in redirects.read_text(encoding="utf-8").splitlines():
                fields = [] if line.startswith("#") else line.split()
                if len(fields) >= 2:
                    check(redirects, fields[1])
                elif fields:  # a rule without a target
                    broken.append(("_redirects", line))
    return broken


def jsonld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(tag.string) for tag in page.find_all("script", type="application/ld+json")]
