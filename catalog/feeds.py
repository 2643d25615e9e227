"""Machine-readable outputs: sitemap.xml, robots.txt, Netlify `_redirects`, alias pages."""

from __future__ import annotations

from html import escape
from xml.sax.saxutils import escape as xml_escape

from .urls import Urls


def sitemap(urls: Urls, paths: list[str]) -> str:
    """Every HTML page except the 404, as absolute URLs ending in `/`."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [
        f"  <url><loc>{xml_escape(urls.absolute(path))}</loc></url>" for path in paths if path.endswith("/")
    ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(urls: Urls) -> str:
    admin = urls.link("/admin/")
    return f"User-agent: *\nAllow: /\nDisallow: {admin}\n\nSitemap: {urls.absolute('/sitemap.xml')}\n"


def redirects(urls: Urls, aliases: list[tuple[str, str]]) -> str:
    """Netlify rules: `old new 301`, one per alias, under the base path."""
    return "".join(f"{urls.link(old)} {urls.link(new)} 301\n" for old, new in aliases)


def alias_page(urls: Urls, target: str, language: str) -> str:
    """A tiny page at an old path for hosts that ignore `_redirects`."""
    absolute = escape(urls.absolute(target))
    link = escape(urls.link(target))
    text = "Halaman ini sudah pindah ke" if language == "id" else "This page has moved to"
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="robots" content="noindex"><link rel="canonical" href="{absolute}">'
        f'<meta http-equiv="refresh" content="0; url={link}"><title>{text}</title></head>'
        f'<body><p>{text} <a href="{link}">{absolute}</a>.</p></body></html>\n'
    )
