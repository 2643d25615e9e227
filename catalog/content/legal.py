"""Shapes of Indonesian legal numbers (halal, P-IRT, BPOM, NIB) and what they encode.

Numbers are written as on the certificate, so spaces and the usual prefixes (`P-IRT No.`,
`BPOM RI`) are accepted here and kept for display elsewhere; only the shape is checked, to
catch a digit too many or too few before the catalog is printed.
"""

from __future__ import annotations

import re

KINDS = ("halal", "pirt", "bpom", "sni", "haki", "other")

_SHAPES: dict[str, re.Pattern[str]] = {
    "halal": re.compile(r"ID\d{17}"),
    "pirt": re.compile(r"(?:P-?IRT(?:NO\.?)?:?)?\d{13}-?\d{2}"),
    "bpom": re.compile(r"(?:BPOMRI)?M[DL]\d{12}"),
    "nib": re.compile(r"\d{13}"),
}


def shape_error(kind: str, number: str) -> str | None:
    """None when `number` has the shape of `kind` (a KINDS value or "nib"); else the key of a
    message in catalog/core/messages/rules.py that names the expected shape with an example."""
    pattern = _SHAPES.get(kind)
    if pattern is None or pattern.fullmatch(_compact(number)):
        return None
    return f"legal_{kind}_shape"


def digits(number: str) -> str:
    """The digits of a number as written: prefixes, spaces and separators dropped."""
    return re.sub(r"\D", "", number)


def pirt_region(number: str) -> str:
    """Digits 4–7 of a well-shaped P-IRT number: the kab/kota code of the issuing office."""
    return digits(number)[3:7]


def pirt_expiry_year(number: str) -> int:
    """Digits 14–15 of a well-shaped P-IRT number as a year (2000 + YY)."""
    return 2000 + int(digits(number)[13:15])


def pirt_facts(kind: str, number: str | None) -> tuple[str, int] | None:
    """The kab/kota code and expiry year a certificate's number tells, when it is a
    well-shaped P-IRT number (what the build's warnings and the office's report check)."""
    if kind != "pirt" or number is None or shape_error("pirt", number):
        return None
    return pirt_region(number), pirt_expiry_year(number)


def _compact(number: str) -> str:
    """The number upper-cased without whitespace, so `BPOM RI MD 2245...` matches one pattern."""
    return re.sub(r"\s+", "", number).upper()


_LABEL_PREFIX = {
    "pirt": re.compile(r"P-?IRT\s*(?:No\.?)?\s*:?\s*", re.IGNORECASE),
    "bpom": re.compile(r"BPOM\s*(?:RI)?\s*:?\s*", re.IGNORECASE),
    "sni": re.compile(r"SNI\s*:?\s*", re.IGNORECASE),
}


def bare_number(kind: str, number: str) -> str:
    """The number without the label written before it (`P-IRT No. 2063…` -> `2063…`,
    `BPOM RI MD 2245…` -> `MD 2245…`, `SNI 8302:2016` -> `8302:2016`): pages and print put
    the kind's label there once."""
    pattern = _LABEL_PREFIX.get(kind)
    text = number.strip()
    return pattern.sub("", text, count=1) if pattern and pattern.match(text) else text
