"""Pydantic's validation errors as editor messages: the field's location, a message key, details.

Kept apart from `validate` so that module holds the content rules, and this one the
translation of pydantic's vocabulary (error types, union branches, nested models) into
ours (`messages.MESSAGES`).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from typing import Any

from pydantic import BaseModel

from catalog.content import schema
from catalog.content.yamlsafe import Loc, char_name
from catalog.core.messages import message

_TYPE_MESSAGES = {
    "int_parsing": "expected_int", "int_type": "expected_int", "int_from_float": "expected_int",
    "float_parsing": "expected_number", "float_type": "expected_number",
    "bool_parsing": "expected_bool", "bool_type": "expected_bool",
    "string_type": "expected_text", "string_too_short": "empty_text",
    "date_parsing": "expected_date", "date_type": "expected_date",
    "date_from_datetime_parsing": "expected_date", "date_from_datetime_inexact": "expected_date",
    "list_type": "expected_list", "model_type": "expected_mapping", "dict_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
}  # fmt: skip
_CUSTOM_KEYS = {
    "expected_int",
    "bad_url",
    "bad_color",
    "bad_email",
    "bad_phone",
    "whatsapp_not_mobile",
    "bad_social",
    "price_shape",
    "expected_text",
    "bad_base_url",
    "region_code_shape",
}
# Field names an Indonesian editor is likely to write, and the field each one means:
# "maksud Anda `weight_g`?" beats a spelling guess (`berat` is closest to `draft`).
INDONESIAN_FIELDS = {
    "nama": "name", "judul": "title", "harga": "price", "berat": "weight_g", "stok": "stock",
    "persediaan": "stock", "kategori": "category", "satuan": "unit", "bahan": "material",
    "ukuran": "size", "foto": "images", "gambar": "images", "varian": "variants",
    "deskripsi": "description", "keterangan": "description", "unggulan": "featured",
    "tanggal": "added", "kode": "sku", "draf": "draft", "pemilik": "owner", "alamat": "address",
    "kecamatan": "district", "telepon": "phone", "telp": "phone", "wa": "whatsapp",
    "sejak": "since", "tahun": "since", "berdiri": "since", "jenis": "kind", "slogan": "tagline",
    "sampul": "cover", "sertifikat": "certifications", "situs": "website", "nomor": "number",
    "minimal": "min_order", "min_pesan": "min_order", "label": "tags", "urutan": "order",
}  # fmt: skip
# How pydantic names the branch of a union in an error's location: a model's class name or
# a type. Only the models' own names count: an editor's `Harga:` is a field, not a branch.
_UNION_BRANCH = re.compile(r"^(constrained-\w+|int|str|function-\w+\[.*\]|literal\[.*\])$")
_MODEL_NAMES = {
    name for name, value in vars(schema).items() if isinstance(value, type) and issubclass(value, BaseModel)
}


# Messages about the words themselves, which an invisible character does not explain.
_NOT_ABOUT_THE_VALUE = {"missing", "unknown_field", "too_long"}


def describe(
    error: Any, root_model: type[BaseModel], language: str
) -> tuple[Loc, str, dict[str, Any]] | None:
    """(location, message key, details) of one pydantic error; None for a redundant one.

    A value holding an invisible character (a no-break space pasted from Word into
    `185 000`) is told so: the editor sees nothing wrong with what is on the screen.
    """
    described = _describe(error, root_model, language)
    if described is None or described[1] in _NOT_ABOUT_THE_VALUE:
        return described
    invisible = _invisible(error.get("input"))
    if invisible is None:
        return described
    return described[0], "invisible_char", {"position": invisible[0], "name": invisible[1]}


def _describe(
    error: Any, root_model: type[BaseModel], language: str
) -> tuple[Loc, str, dict[str, Any]] | None:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    branches = [part for part in error["loc"] if isinstance(part, str) and _is_branch(part)]
    at_union = bool(branches) and error["loc"][-1] == branches[0]  # not an error inside the branch
    if at_union and isinstance(error.get("input"), dict) != branches[0][0].isupper():
        return None  # the union branch the editor did not mean (a range tried as a number, or back)
    loc: Loc = tuple(part for part in error["loc"] if part not in branches)
    if kind == "extra_forbidden":
        known = _field_names(_model_at(root_model, error["loc"]))
        written = str(loc[-1])
        meant = INDONESIAN_FIELDS.get(written.casefold())
        close = [meant] if meant in known else difflib.get_close_matches(written, known, n=1, cutoff=0.6)
        hint = message("did_you_mean", language, name=close[0]) if close else ""
        return (
            loc,
            "unknown_field",
            {"hint": hint or message("known_fields", language, names=", ".join(known))},
        )
    if kind == "missing" or (error.get("input") is None and kind.endswith("_type")):
        return loc, "missing", {}
    if kind in ("literal_error", "enum"):
        return (
            loc,
            "expected_choice",
            {"choices": ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))},
        )
    if kind in ("greater_than_equal", "greater_than") and _negative(error.get("input")):
        return loc, "negative", {"limit": ctx["ge"] if "ge" in ctx else ctx["gt"] + 1}  # `gt` only on ints
    if kind == "greater_than_equal":
        return loc, "too_small", {"limit": ctx.get("ge", "")}
    if kind == "greater_than":
        return loc, "not_above", {"limit": ctx.get("gt", "")}
    if kind in ("less_than_equal", "less_than"):  # only `le` is used by the models
        return loc, "too_large", {"limit": ctx.get("le", ctx.get("lt", ""))}
    if kind == "too_short":
        return loc, "empty_text", {}
    if kind == "string_too_long":
        return (
            loc,
            "too_long",
            {"limit": ctx.get("max_length", ""), "length": len(str(error.get("input", "")))},
        )
    if kind in _TYPE_MESSAGES:
        return loc, _TYPE_MESSAGES[kind], {}
    if kind in _CUSTOM_KEYS:
        return loc, kind, dict(ctx)
    return loc, "invalid", {"detail": error["msg"]}


def _negative(value: object) -> bool:
    try:
        return float(str(value)) < 0
    except ValueError:
        return False


def _invisible(value: object) -> tuple[int, str] | None:
    """The position (from 1) and Unicode name of the first character in `value` that shows
    as nothing or as a plain space but is not one (U+00A0, U+200B, U+202F, U+FEFF, a Tab);
    a line break of a `|` block is seen, so it is not one of them."""
    if not isinstance(value, str):
        return None
    for position, char in enumerate(value, 1):
        if char not in " \n" and unicodedata.category(char) in ("Zs", "Cf", "Cc"):
            return position, char_name(char)
    return None


def _is_branch(part: str) -> bool:
    return part in _MODEL_NAMES or bool(_UNION_BRANCH.match(part))


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The pydantic model that holds the last part of `loc` (for "did you mean")."""
    current = model
    for part in loc[:-1]:
        if not isinstance(part, str):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        if part not in fields:
            break
        nested = _nested_model(fields[part].annotation)
        if nested is None:
            break
        current = nested
    return current


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, (types.UnionType, typing._GenericAlias, types.GenericAlias)) or typing.get_args(
        annotation
    ):
        for arg in typing.get_args(annotation):
            found = _nested_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]
