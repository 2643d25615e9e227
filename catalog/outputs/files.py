"""Machine-readable outputs: sitemap.xml, robots.txt, Netlify `_redirects`, alias pages.

Each is a template of the theme, so a theme can override it: markup (the sitemap, alias
pages) escaped by Jinja like every page; robots.txt and `_redirects` (`.txt` templates)
plain text, whose paths `base_url` and the alias rules keep free of spaces and markup."""

from __future__ import annotations

from catalog.core.urls import Urls
from catalog.site.theme import Theme


def sitemap(theme: Theme, urls: Urls, paths: list[str]) -> str:
    """Every HTML page except the 404, as absolute URLs ending in `/`."""
    found = [urls.absolute(path) for path in paths if path.endswith("/")]
    return theme.env.get_template("sitemap.xml").render(urls=found)


def robots(theme: Theme, urls: Urls) -> str:
    """Allow everything but the CMS, and point crawlers at the sitemap."""
    return theme.env.get_template("robots.txt").render(sitemap=urls.absolute("/sitemap.xml"))


def redirects(theme: Theme, aliases: list[tuple[str, str]]) -> str:
    """Netlify rules `old new 301!`, one per alias, under the base path. Forced (`!`): the
    alias page at the old path would otherwise shadow the rule. Netlify matches a rule
    with and without a trailing slash, so `/toko/lama` also answers `/toko/lama/`."""
    return theme.env.get_template("_redirects.txt").render(aliases=aliases)


def alias_page(theme: Theme, urls: Urls, target: str) -> str:
    """A tiny page at an old path for hosts that ignore `_redirects`."""
    template = theme.env.get_template("alias.html")
    return template.render(target=urls.link(target), absolute=urls.absolute(target))
