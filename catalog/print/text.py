"""Text as print shows it: emoji left out, fields cut to their cell, legal numbers in order.

Emoji are left out of print (the print fonts have none, and a colour emoji font is on few
machines): `printable_catalog` names each entry that had one, for a warning at its line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from catalog.content import legal
from catalog.content.model import Business, Catalog, Certification, Markup, Product
from catalog.core.errors import ContentError
from catalog.core.messages import message


@dataclass(frozen=True)
class Unprintable:
    """Emoji left out of print from one field of one content file."""

    source: str  # content-relative path
    field: str
    chars: str


# An emoji with what shapes it: skin tones, variation selector 16, keycaps, flag tags, and
# ZWJ sequences (👩‍🍳). Symbols the fallback fonts draw in black and white (❤ ☕ ✓) stay.
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U000e0020-\U000e007f\ufe0f\u20e3]"
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*"
)
_PRINTED_FIELDS = {
    Business: ("name", "tagline", "owner", "address", "story"),
    Product: ("name", "summary", "unit", "description"),
}


def printable_catalog(catalog: Catalog) -> tuple[Catalog, list[Unprintable]]:
    """`catalog` with emoji taken out of every text that goes to print, and where they were.

    WeasyPrint draws an empty box for them and warns, in English, once per PDF."""
    dropped: list[Unprintable] = []

    def clean(record: Business | Product) -> Business | Product:
        changes: dict[str, object] = {}
        for name in _PRINTED_FIELDS[type(record)]:
            value = getattr(record, name)
            text = value.html if isinstance(value, Markup) else value
            if not text or not _EMOJI.search(text):
                continue
            dropped.append(Unprintable(record.source, name, "".join(_EMOJI.findall(text))))
            kept = re.sub(r"[ \t]{2,}", " ", _EMOJI.sub("", text)).strip()
            changes[name] = dataclasses.replace(value, html=kept) if isinstance(value, Markup) else kept
        return dataclasses.replace(record, **changes) if changes else record

    businesses = tuple(clean(b) for b in catalog.businesses)
    products = tuple(clean(p) for p in catalog.products)
    if not dropped:
        return catalog, dropped
    return dataclasses.replace(catalog, businesses=businesses, products=products), dropped


def unprintable_warnings(found: list[Unprintable], content: Path, language: str) -> list[ContentError]:
    """One warning per field that lost emoji, at the line of the file that holds the first."""
    return [
        ContentError(item.source, _line_of(content / item.source, item.chars[0]), item.field,
                     message("print_emoji", language, chars=item.chars))
        for item in found
    ]  # fmt: skip


def _line_of(file: Path, char: str) -> int:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if char in line), 1)


def printed_certifications(certifications: tuple[Certification, ...]) -> tuple[tuple[str, str | None], ...]:
    """Kind and number as print shows them, kinds in one order (halal, P-IRT, BPOM, ...); a
    free-text certificate (`other`) without a number says nothing and is left out."""
    ordered = sorted(certifications, key=lambda c: legal.KINDS.index(c.type))
    return tuple(
        (c.type, legal.bare_number(c.type, c.number) if c.number else None)
        for c in ordered
        if c.number or c.type != "other"
    )


def wrapped_lines(widths: list[float], width: float) -> int:
    """Lines that pieces of these widths take, each kept whole, in a line of `width`."""
    lines, used = 1, 0.0
    for piece in widths:
        if used and used + piece > width:
            lines, used = lines + 1, 0.0
        used += piece
    return lines


def cut(text: str, limit: int) -> str:
    """`text` shortened at a word boundary, with an ellipsis, to fit a fixed-size cell."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    shorter = text[: limit - 1]
    sentence = shorter.rfind(". ")
    if sentence > limit * 0.6:
        return shorter[: sentence + 1]
    return shorter[: shorter.rfind(" ")].rstrip(",;:–-") + "…" if " " in shorter else shorter + "…"


def attr(value: str) -> str:
    """A value as it stands in a sanitized attribute (how `markup` records image sources)."""
    return value.replace("&", "&amp;").replace('"', "&quot;")


def bare(url: str) -> str:
    """An address as people write it on paper: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")
