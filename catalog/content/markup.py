"""Markdown to safe HTML: a pure function, python-markdown then an nh3 allow-list.

Raw HTML in content survives only within the allow-list: no script, no event handler,
no iframe/object, no `javascript:`/`data:`/`file:` URL. It is removed, not rejected.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "code", "pre", "figure", "figcaption", "sup", "sub", "abbr", "dl", "dt", "dd", "small", "mark",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
_IMG_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"')
_LINK_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
_H1 = re.compile(r"<(/?)h1>")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def to_html(text: str) -> str:
    """Render Markdown and sanitize the result. `# ` headings become `<h2>` (the page has the h1)."""
    rendered = _MARKDOWN.reset().convert(text)
    rendered = _H1.sub(r"<\1h2>", rendered)
    return nh3.clean(
        rendered,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener nofollow",
        strip_comments=True,
    )


def image_sources(safe_html: str) -> list[str]:
    """The `src` of every image left in sanitized HTML, in order, HTML entities decoded."""
    return [html.unescape(src) for src in _IMG_SRC.findall(safe_html)]


def link_targets(safe_html: str) -> list[str]:
    """The `href` of every link left in sanitized HTML, in order, HTML entities decoded."""
    return [html.unescape(href) for href in _LINK_HREF.findall(safe_html)]


def first_paragraph_text(safe_html: str, limit: int = 300) -> str:
    """Plain text of the first paragraph, cut at a word boundary, for cards and meta tags."""
    match = _FIRST_PARAGRAPH.search(safe_html)
    text = _text(match.group(1), tag_as="") if match else ""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def plain_text(safe_html: str) -> str:
    """The text of a whole body on one line, entities decoded (the search index's words);
    a tag counts as a space, so paragraphs and list items do not run together."""
    return _text(safe_html, tag_as=" ")


def _text(safe_html: str, tag_as: str) -> str:
    return " ".join(html.unescape(_TAG.sub(tag_as, safe_html)).split())


def split_title(body: str) -> tuple[str | None, str]:
    """A body that begins with `# Title` gives that title and the rest of the body."""
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    if first.startswith("# "):
        return first[2:].strip() or None, rest
    return None, body
