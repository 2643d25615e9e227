"""Rewrites of a Pagefind bundle's files: steady bytes, and the sort orders kept apart.

Steady bytes (`steady`): the same records always give the same files. Pagefind keeps
filters and sort orders in hash maps seeded afresh in every process, so two indexings of the
same records list a filter's values, and the metadata's filters and sorts, in different
orders, and name the files after those bytes. Here each such list is put in name order and
the files it changes are renamed after their new contents, as Pagefind names them. The
search finds the same things either way; builds become byte-identical.

Sort orders apart (`sorts_apart`): a bundle's metadata holds every sort key's order of all
its records, about 2 bytes a record per key, and every search downloads it whole. A part's
bundle gets a second metadata file without them, listed in its entry under the site's
language, which is what a search by relevance loads; the whole one is listed under
`sorted_language(language)`, which a sorted search asks for (Pagefind's `mergeIndex(path,
{language})`). Both describe the same word, filter and fragment files.

The files are gzip of `pagefind_dcd` and one CBOR value made of arrays, text and unsigned
integers only (Pagefind 1.5's `minicbor` structs); anything else stops the build rather than
being rewritten wrongly.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Collection

SIGNATURE = b"pagefind_dcd"
STEADY_FORMAT = 3  # raise when a rewrite here changes, so that cached bundles are made again
ENTRY = "pagefind-entry.json"
CBOR = list | str | int


def steady(files: dict[str, bytes], language: str) -> dict[str, bytes]:
    """The bundle `files` (path -> bytes) with its hash-map orders replaced by name order."""
    entry = json.loads(files[ENTRY])
    meta_path = f"pagefind.{entry['languages'][language]['hash']}.pf_meta"
    out = {path: data for path, data in files.items() if not path.startswith("filter/")}
    meta = _unpack(out.pop(meta_path))
    filters, sorts = meta[3], meta[4]
    renamed: dict[str, str] = {}
    for name, short in sorted(filters):  # in name order: a longer name on a clash is steady too
        chunk = _unpack(files[f"filter/{short}.pf_filter"])
        chunk[1].sort(key=lambda value: value[0])
        data = _pack(chunk)
        renamed[name] = _short_name(language, data, 7, taken=renamed.values())
        out[f"filter/{renamed[name]}.pf_filter"] = data
    meta[3] = sorted([name, renamed[name]] for name, _ in filters)
    meta[4] = sorted(sorts, key=lambda sort: sort[0])
    data = _pack(meta)
    entry["languages"][language]["hash"] = meta_hash = _short_name(language, data, 10, taken=())
    out[f"pagefind.{meta_hash}.pf_meta"] = data
    out[ENTRY] = _json(entry)
    return out


def sorts_apart(files: dict[str, bytes], language: str) -> dict[str, bytes]:
    """The bundle `files` with a metadata file without sort orders for `language`, and the
    whole one under `sorted_language` (see the module's docstring); one file for both if it
    has none."""
    entry = json.loads(files[ENTRY])
    whole = entry["languages"][language]
    meta = _unpack(files[f"pagefind.{whole['hash']}.pf_meta"])
    if not meta[4]:
        entry["languages"] = {language: whole, sorted_language(language): whole}
        return {**files, ENTRY: _json(entry)}
    meta[4] = []
    data = _pack(meta)
    plain = _short_name(language, data, 10, taken=(whole["hash"],))
    entry["languages"] = {language: {**whole, "hash": plain}, sorted_language(language): whole}
    return {**files, f"pagefind.{plain}.pf_meta": data, ENTRY: _json(entry)}


def sorted_language(language: str) -> str:
    """The entry's name for the metadata with the sort orders: a valid language tag (private
    use), because Pagefind hands it to the browser's `Intl` functions."""
    return f"{language}-x-urut"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _short_name(language: str, data: bytes, length: int, taken: Collection[str]) -> str:
    """Pagefind's name for a file: the language, then the start of the SHA-1 of its value."""
    digest = hashlib.sha1(gzip.decompress(data)).hexdigest()
    while (name := f"{language}_{digest[:length]}") in taken:
        length += 1
    return name


def _unpack(data: bytes) -> list:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise RuntimeError("pagefind: a bundle file without Pagefind's signature")
    body = raw[len(SIGNATURE) :]
    value, end = _decode(body, 0)
    if end != len(body) or _encode(value) != body or not isinstance(value, list):
        raise RuntimeError("pagefind: a bundle file in a format this build does not know")
    return value


def _pack(value: list) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


def _decode(data: bytes, at: int) -> tuple[CBOR, int]:
    kind, size = data[at] >> 5, data[at] & 31
    at += 1
    if size >= 24:
        if size > 27:
            raise RuntimeError("pagefind: a bundle file in a format this build does not know")
        width = 1 << (size - 24)
        size, at = int.from_bytes(data[at : at + width], "big"), at + width
    if kind == 0:
        return size, at
    if kind == 3:
        return data[at : at + size].decode(), at + size
    if kind == 4:
        items = []
        for _ in range(size):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise RuntimeError("pagefind: a bundle file in a format this build does not know")


def _encode(value: CBOR) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode()
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _head(kind: int, size: int) -> bytes:
    if size < 24:
        return bytes([kind << 5 | size])
    for code, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if size < 1 << (8 * width):
            return bytes([kind << 5 | code]) + size.to_bytes(width, "big")
    raise ValueError(size)
