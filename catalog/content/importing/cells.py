"""One cell to the value its entry gets, or the reason it cannot.

Cells arrive as Excel keeps them: numbers as int or float (a WhatsApp number typed as a
number has lost its leading 0; a price may be 15000.0), text with stray or non-breaking
spaces. The content's own rules are reused, not copied: the schema's WhatsApp normaliser,
the legal numbers' shapes (`legal`), site.yaml's districts, categories.yaml's tree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic_core import PydanticCustomError

from catalog.content import legal
from catalog.content.schema import normalize_whatsapp
from catalog.content.sources import is_slug

_NBSP = re.compile(r"[\u00a0\u2007\u202f]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_LOST_ZERO = re.compile(r"[1-9]\d{8,12}")  # 9 to 13 digits: a phone number without its 0


class CellProblem(Exception):
    """A message key of `messages.MESSAGES` and its details."""

    def __init__(self, key: str, **detail: object) -> None:
        super().__init__(key)
        self.key, self.detail = key, detail


@dataclass(frozen=True)
class Choices:
    """What the content allows: districts (empty: any) and categories by slug and by name."""

    districts: tuple[str, ...] = ()
    category_slugs: frozenset[str] = frozenset()
    category_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # casefolded name -> slugs


def text(value: object) -> str:
    """A cell as text on one line: numbers without a trailing .0, spaces (non-breaking ones and
    line ends too) collapsed."""
    return " ".join(_raw(value).split()) if value is not None else ""


def multiline(value: object) -> str:
    """A cell that holds Markdown paragraphs (Alt+Enter in Excel): line ends and the indents
    of nested lists kept, trailing and non-breaking spaces not."""
    lines = _raw(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = "\n".join(_NBSP.sub(" ", line).rstrip() for line in lines)
    return textwrap.dedent(kept).strip("\n")


def _raw(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return str(value).translate(_INVISIBLE)


def slugify(name: str) -> str:
    """`Batik Ibu Sri's "Sekar"` -> `batik-ibu-sris-sekar`: ASCII-folded, lower-case, hyphens."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’`]", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def slug(value: str) -> str:
    if not is_slug(value):
        raise CellProblem("bad_slug", slug=value)
    return value


def kind(value: str) -> str:
    if value.casefold() not in ("ikm", "umkm"):
        raise CellProblem("expected_choice", choices="ikm, umkm")
    return value.casefold()


def district(value: str, choices: Choices) -> str:
    """The district as site.yaml spells it ("kejaksan" is Kejaksan)."""
    if not choices.districts:
        return value
    for known in choices.districts:
        if known.casefold() == value.casefold():
            return known
    raise CellProblem("unknown_district", value=value, choices=", ".join(choices.districts))


def phone(value: str) -> str:
    """A number Excel stored as a number lost its leading 0 (`231204118`): give it back."""
    if _LOST_ZERO.fullmatch(value) and not value.startswith("62"):
        return "0" + value
    return value


def whatsapp(value: str) -> str:
    """The number as written (its 0 given back), if the schema's normaliser accepts it."""
    value = phone(value)
    try:
        normalize_whatsapp(value)
    except PydanticCustomError as exc:  # a landline is told in the sheet's words: its column is `telepon`
        key = "import_whatsapp_landline" if exc.type == "whatsapp_not_mobile" else exc.type
        raise CellProblem(key, **(exc.context or {})) from None
    return value


def legal_number(kind_name: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        problem = legal.shape_error(kind_name, value)
        if problem is not None:
            raise CellProblem(problem)
        return value

    return check


def price(value: str) -> int | dict[str, int]:
    """`185000` or `150000-250000`; `Rp 15.000` is refused with what to write instead."""
    if value.isdigit():
        return int(value)
    low, dash, high = value.partition("-")
    if dash and low.strip().isdigit() and high.strip().isdigit():
        if int(low) >= int(high):
            raise CellProblem("import_price_order")
        return {"from": int(low), "to": int(high)}
    suggestion = _price_suggestion(value)
    if suggestion is None:
        raise CellProblem("import_price_shape")
    raise CellProblem("import_price", suggestion=suggestion)


def _price_suggestion(value: str) -> str | None:
    """What `Rp 15.000`, `15,000.00` or `Rp150.000 - Rp250.000` mean, in the sheet's form."""
    parts = [_rupiah(part) for part in value.split("-", 1)]
    return "-".join(parts) if all(parts) else None  # type: ignore[arg-type]


def _rupiah(text: str) -> str | None:
    bare = re.sub(r"(?i)rp\.?|idr|\s", "", text)
    grouped = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})*)(?:[.,]0{1,2})?", bare)
    return re.sub(r"[.,]", "", grouped.group(1)) if grouped else None


def category(value: str, choices: Choices) -> str:
    """A category's slug, given its slug or its name (any case)."""
    if value in choices.category_slugs:
        return value
    found = choices.category_names.get(value.casefold(), ())
    if len(found) == 1:
        return found[0]
    if found:
        raise CellProblem("import_category_ambiguous", name=value, slugs=", ".join(found))
    if value.casefold() in choices.category_slugs:
        return value.casefold()
    known = sorted(choices.category_slugs) + sorted(choices.category_names)
    close = difflib.get_close_matches(value.casefold(), known, n=1)
    raise CellProblem("unknown_category", slug=value, close=close[0] if close else None)
