"""Decap form fields from the content models, and the number and flag fields galeri-cms.js
converts.

Every form field comes from a field of `schema`, so the CMS cannot drift from what the build
accepts. Choices the models leave open come from the content itself at build time: the
category select lists categories.yaml, the district select lists site.yaml's `districts`.
Decap cannot write some of the content format's shapes (a list at the root of
categories.yaml, `price` as a number or a range, `marketplaces` as a mapping,
`print.include` as a word or a mapping): the special widgets below give them a form, and
/admin/galeri-cms.js translates between the two. `field_types` tells it which scalars are
numbers or flags (it reads every scalar as text, like the build's loader, so
`whatsapp: 0812...` keeps its zero).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from catalog.cms.labels import BODY, HINTS, LABELS, OPTION_LABELS
from catalog.content import schema
from catalog.content.model import Catalog, Category


@dataclass(frozen=True)
class Choices:
    """What the content offers for the selects: categories, districts, themes, businesses."""

    categories: list[dict[str, str]]
    districts: list[str]
    themes: list[str]
    businesses: list[dict[str, str]]
    category_depth: int

    @classmethod
    def of(cls, catalog: Catalog, themes: list[str]) -> Choices:
        tree = catalog.categories
        options = [{"label": _indented(tree, c), "value": c.slug} for c in tree.values()]
        depth = max((len(c.ancestors) + 1 for c in tree.values()), default=1)
        businesses = [{"label": b.name, "value": b.slug} for b in catalog.businesses]
        return cls(options, list(catalog.site.districts), sorted(themes), businesses, depth)


def _indented(tree: dict[str, Category], category: Category) -> str:
    return " › ".join([*(tree[a].name for a in category.ancestors), category.name])


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type without `None`, whether `None` was allowed)."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in get_args(annotation):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        inner = kept[0] if len(kept) == 1 else typing.Union[tuple(kept)]  # noqa: UP007
        return _unwrap(inner)[0], True
    return annotation, False


def _base(annotation: Any) -> Any:
    """The Python type under Annotated layers (str for Text, int for Whole, ...)."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


class Fields:
    """Decap fields for one model, with the content's choices for selects."""

    def __init__(self, choices: Choices) -> None:
        self.choices = choices

    def of(self, model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [
            self.field(model, name, info) for name, info in model.model_fields.items() if name not in skip
        ]

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        key = info.alias or name
        found: dict[str, Any] = {"name": key, "label": LABELS[key]}
        hint = HINTS.get(key) or info.description
        if hint and hint.lower() != LABELS[key].lower():
            found["hint"] = hint
        found["required"] = info.is_required()
        found.update(self.widget(model, key, info.annotation))
        if found.get("widget") == "boolean":
            found["default"] = False
        return found

    def widget(self, model: type[BaseModel], key: str, annotation: Any) -> dict[str, Any]:
        special = SPECIAL.get((model.__name__, key))
        if special is not None:
            return special(self)
        kind, _ = _unwrap(annotation)
        kind = _base(kind)
        origin = get_origin(kind)
        if origin is Literal:
            values = get_args(kind)
            return {"widget": "select", "options": [_option(v) for v in values]}
        if origin is list:
            (item,) = get_args(kind)
            item = _base(_unwrap(item)[0])
            if get_origin(item) is Literal:
                return {"widget": "select", "multiple": True, "options": [_option(v) for v in get_args(item)]}
            if isinstance(item, type) and issubclass(item, BaseModel):
                return {"widget": "list", "fields": self.of(item), "collapsed": False}
            item_field = {"name": "item", "label": LABELS[key], "widget": "string"}
            return {"widget": "list", "field": item_field, "collapsed": False}
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return {"widget": "object", "fields": self.of(kind), "collapsed": True}
        if kind is bool:
            return {"widget": "boolean"}
        if kind is int:
            return {"widget": "string", "pattern": WHOLE}
        if kind is float:
            return {"widget": "string", "pattern": DECIMAL}
        if kind is dt.date:
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY",
                    "time_format": False, "picker_utc": True}  # fmt: skip
        if kind is str:
            return {"widget": "string"}
        raise TypeError(f"{model.__name__}.{key}: no CMS widget for {kind!r}")


# Numbers are typed as text and checked here, then written as numbers by galeri-cms.js.
# A number field would take "185.000" (Indonesian thousands) as 185.0 and save 185.
WHOLE = ["^ *-?[0-9]+ *$", "Angka bulat saja, tanpa titik atau koma (mis. 185000)"]
DECIMAL = ["^ *[0-9]+([.][0-9]+)? *$", "Angka, dengan titik untuk pecahan (mis. 3 atau 2.5)"]


def _option(value: str) -> dict[str, str]:
    return {"label": OPTION_LABELS.get(value, value), "value": value}


def _image(_: Fields) -> dict[str, Any]:
    return {"widget": "image", "choose_url": False}


def _images(_: Fields) -> dict[str, Any]:
    photo = {"name": "image", "label": "Foto", "widget": "image", "choose_url": False}
    return {"widget": "list", "field": photo, "collapsed": False}


def _category(fields: Fields) -> dict[str, Any]:
    return {"widget": "select", "options": fields.choices.categories}


def _district(fields: Fields) -> dict[str, Any]:
    if not fields.choices.districts:
        return {"widget": "string"}
    return {"widget": "select", "options": fields.choices.districts}


def _theme(fields: Fields) -> dict[str, Any]:
    return {"widget": "select", "options": fields.choices.themes}


def _color(_: Fields) -> dict[str, Any]:
    return {"widget": "color", "allowInput": True}


def _price(_: Fields) -> dict[str, Any]:
    """`price: 185000` or `{from, to}`: one object in the form; galeri-cms.js translates."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            _rupiah("from", "Harga (Rp)", "Angka saja, tanpa titik: 185000. Kosong: harga hubungi penjual."),
            _rupiah("to", "Sampai (Rp), bila rentang harga", "Isi hanya bila harganya rentang, mis. 250000."),
        ],
    }  # fmt: skip


def _rupiah(name: str, label: str, hint: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "widget": "string",
        "pattern": WHOLE,
        "required": False,
        "hint": hint,
    }


def _marketplaces(_: Fields) -> dict[str, Any]:
    """A mapping name -> URL in the file; a list of pairs in the form."""
    return {
        "widget": "list",
        "fields": [
            {"name": "name", "label": "Nama toko daring", "widget": "string", "hint": "mis. tokopedia"},
            {"name": "url", "label": "Alamat (https://...)", "widget": "string"},
        ],
    }


def _include(fields: Fields) -> dict[str, Any]:
    """`all`, `featured` or `{categories, businesses}` in the file; one object in the form."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            {"name": "mode", "label": "Yang dicetak", "widget": "select", "default": "all",
             "options": [_option("all"), _option("featured"), _option("listed")]},
            {"name": "categories", "label": "Kategori terpilih", "widget": "select", "multiple": True,
             "required": False, "options": fields.choices.categories},
            {"name": "businesses", "label": "Usaha terpilih", "widget": "select", "multiple": True,
             "required": False, "options": fields.choices.businesses},
        ],
    }  # fmt: skip


def categories_tree(fields: Fields) -> dict[str, Any]:
    """Decap has no recursive field: one level more than the deepest category today."""

    def level(depth: int) -> list[dict[str, Any]]:
        found = [
            {"name": "slug", "label": LABELS["slug"], "widget": "string",
             "hint": "huruf kecil, angka dan tanda hubung; alamatnya /kategori/<slug>/ (jangan diubah)"},
            {"name": "name", "label": LABELS["name"], "widget": "string"},
            {"name": "description", "label": LABELS["description"], "widget": "string", "required": False},
        ]  # fmt: skip
        if depth > 1:
            found.append({"name": "children", "label": LABELS["children"], "widget": "list",
                          "required": False, "collapsed": True, "summary": CATEGORY_SUMMARY,
                          "fields": level(depth - 1)})  # fmt: skip
        return found

    return {"widget": "list", "fields": level(fields.choices.category_depth + 1), "collapsed": False,
            "summary": CATEGORY_SUMMARY}  # fmt: skip


CATEGORY_SUMMARY = "{{fields.name}} ({{fields.slug}})"


def _markdown(_: Fields) -> dict[str, Any]:
    return {"widget": "markdown", "sanitize_preview": True}


SPECIAL: dict[tuple[str, str], Any] = {
    ("Brand", "logo"): _image,
    ("Brand", "primary"): _color,
    ("Brand", "accent"): _color,
    ("SiteConfig", "theme"): _theme,
    ("Print", "include"): _include,
    ("BusinessFrontMatter", "logo"): _image,
    ("BusinessFrontMatter", "cover"): _image,
    ("BusinessFrontMatter", "district"): _district,
    ("BusinessFrontMatter", "marketplaces"): _marketplaces,
    ("ProductFrontMatter", "category"): _category,
    ("ProductFrontMatter", "images"): _images,
    ("ProductFrontMatter", "price"): _price,
    ("ProductFrontMatter", "description"): _markdown,
}


def body(kind: str) -> dict[str, Any]:
    """The Markdown text below an entry's front matter, as the form's last field."""
    label, hint = BODY[kind]
    return {"name": "body", "label": label, "hint": hint, "widget": "markdown", "required": False,
            "sanitize_preview": True}  # fmt: skip


def field_types() -> dict[str, dict[str, str]]:
    """Per format: dotted field path -> "bool", "int" or "float", for galeri-cms.js, which
    reads every scalar as text and converts only these (a list's items share a path)."""

    def walk(model: type[BaseModel], prefix: str, found: dict[str, str], seen: set[type]) -> None:
        if model in seen:
            return
        for name, info in model.model_fields.items():
            key = prefix + (info.alias or name)
            kind, _ = _unwrap(info.annotation)
            kind = _base(kind)
            if get_origin(kind) is list:
                kind = _base(_unwrap(get_args(kind)[0])[0])
            if kind in (bool, int, float):
                found[key] = kind.__name__
            elif isinstance(kind, type) and issubclass(kind, BaseModel):
                walk(kind, key + ".", found, seen | {model})
            elif get_origin(kind) in (typing.Union, types.UnionType):
                for option in get_args(kind):
                    option = _base(option)
                    if option is int:
                        found[key] = "int"
                    elif isinstance(option, type) and issubclass(option, BaseModel):
                        walk(option, key + ".", found, seen | {model})

    def of(model: type[BaseModel]) -> dict[str, str]:
        found: dict[str, str] = {}
        walk(model, "", found, set())
        return dict(sorted(found.items()))

    product = of(schema.ProductFrontMatter)
    return {
        "galeri-situs": of(schema.SiteConfig),
        "galeri-kategori": {},
        "galeri-ikm": of(schema.BusinessFrontMatter),
        "galeri-produk": product,
        "galeri-produk-yaml": product,
        "galeri-halaman": of(schema.PageFrontMatter),
    }
