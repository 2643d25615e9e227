"""The search index under /pagefind/, built with Pagefind from the model: records, not pages.

Pagefind's index of a site is one bundle whose metadata grows with every page (about 10 bytes
each) and whose fragment folder holds one file per page. At 31,000 products one bundle
would be a folder of 31,000 files and 330 KB of metadata before the first result. So:

- the records are split into *parts*: one per category, with the stores that mostly sell
  in it, a category over PART_LIMIT cut in pieces (a search for "topeng" lands in the
  topeng parts);
- a small *router* bundle at /pagefind/ holds one record per part, made of every word of that
  part: searching it tells the browser which parts can match, and only those are merged
  (`mergeIndex`) and searched;
- each record carries a `bagian` (part) filter, so the browser can ask each part for its own
  sorted list and merge them by the sort values kept in the records' meta (Pagefind merges
  parts by score, which for a sorted search is the rank inside each part).

The router and the parts run on Pagefind's own tokenizer and stemmer, so routing and search
agree. Each part is cached by the hash of its records: an edit re-indexes one part and the
router. A cached bundle is reused only while its files are the ones written (`SUMS`): a
truncated or altered file (through an output's hard link, say) re-indexes its bundle.

The records are made in records.py (with synonyms.py's variants), indexed through
service.py; beside the router goes the short word list a search without results suggests
from (WORDS_FILE).
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog.content.model import Catalog
from catalog.core.jsonfile import read_mapping, still_intact
from catalog.outputs.search import synonyms
from catalog.outputs.search.bundle import STEADY_FORMAT, sorted_language
from catalog.outputs.search.records import EVERY, NAME, Record, records
from catalog.outputs.search.service import SUMS, Service

if TYPE_CHECKING:
    from catalog.site.views import ViewBuilder

PART_LIMIT = 2000  # records per part: a search by relevance reaching it loads 8-11 KB of metadata
ROUTER = "pagefind"  # the router bundle's folder, with Pagefind's script and WebAssembly
# How often the router repeats a word (router_record). Pagefind closes a chunk of its word
# index at 20,000 word positions, so the more positions a word has, the fewer words share its
# chunk, and the less a search downloads: on the 31k corpus a router chunk came to 5-10 KB
# with 1 and about 2 KB with 8 (bench/search.py).
ROUTER_REPEAT = 8
MAP = "pagefind/peta.json"  # which part each router record stands for
# The words a search without results suggests from ("maksud Anda batik?"): the most common
# words of the records, at most WORDS of them (about 7 KB gzip), in the router's folder and
# downloaded only when a search finds nothing.
WORDS_FILE = "kata.json"
WORDS = 2000
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Part:
    name: str
    records: tuple[Record, ...]

    @functools.cached_property
    def key(self) -> str:
        text = json.dumps([r.request() for r in self.records], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(f"{_version()}|{self.name}|{text}".encode()).hexdigest()[:20]


def partition(items: list[Record]) -> list[Part]:
    """One part per group (a category's products and the stores mostly selling them), a
    group over PART_LIMIT cut in near-equal pieces. Small groups are not packed together: a
    part's metadata is downloaded whole by any search that reaches it, so a search for a
    word of a small category should load that category, not its neighbours. Names are p01,
    p02, …"""
    groups: dict[str, list[Record]] = {}
    for record in items:
        groups.setdefault(record.group, []).append(record)
    chunks: list[list[Record]] = []
    for name in sorted(groups):
        group = groups[name]
        pieces = -(-len(group) // PART_LIMIT)
        size = -(-len(group) // pieces)
        chunks.extend(group[i : i + size] for i in range(0, len(group), size))
    parts = []
    for number, chunk in enumerate(chunks, 1):
        name = f"p{number:02d}"
        parts.append(Part(name, tuple(_with_part(r, name) for r in chunk)))
    return parts


def _with_part(record: Record, name: str) -> Record:
    return dataclasses.replace(record, filters=record.filters | {"bagian": [name]})


def router_record(part: Part) -> dict[str, Any]:
    """One record of the router for a part: every word of the part, and every filter value,
    so that a search or a filter-only browse finds the parts that can answer.

    A word is written ROUTER_REPEAT times for each doubling of the number of the part's
    records that hold it (1 record: 8 times; 2-3: 16; 2,000: 88). A search counts where its
    words matched in each router record, and loads first the parts where that count is
    highest: the parts with the most matching records."""
    holding: Counter[str] = Counter()
    filters: dict[str, dict[str, None]] = {}
    for record in part.records:
        holding.update(list(dict.fromkeys(_WORD.findall(record.content.casefold()))))
        for key, values in record.filters.items():
            if key != "bagian":
                filters.setdefault(key, {}).update(dict.fromkeys(values))
    words = [word for word, count in holding.items() for _ in range(ROUTER_REPEAT * count.bit_length())]
    return {
        "url": f"/{ROUTER}/{part.name}/",
        "content": " ".join(words),
        "meta": {"title": part.name},
        "filters": {key: sorted(values) for key, values in filters.items()},
        "sort": {},
    }


def suggested_words(items: list[Record]) -> str:
    """The JSON list of the WORDS words held by most records, most held first (ties by
    name): what a search without results suggests from. Words of letters only, of three
    letters or more, without the word every record has."""
    holding: Counter[str] = Counter()
    for record in items:
        holding.update({w for w in _WORD.findall(record.content.casefold()) if len(w) > 2 and w.isalpha()})
    del holding[EVERY]
    chosen = sorted(holding, key=lambda word: (-holding[word], word))[:WORDS]
    return json.dumps(chosen, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Index:
    """The files of the search index: site path -> file in the cache, plus the map's text."""

    files: dict[str, Path]
    map_text: str
    parts: int
    records: int


def build(catalog: Catalog, views: ViewBuilder, cache: Path, content: Path | None = None) -> Index:
    """Index the catalog, reusing every part whose records did not change. `content` is the
    content folder, where the site's own synonyms may be (synonyms.FILE)."""
    language = catalog.site.language
    variants = synonyms.load(content, language)
    items = records(catalog, views, variants)
    parts = partition(items)
    words = suggested_words(items)
    folder = cache / "search"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {part.name: folder / f"{part.name}-{language}-{part.key}" for part in parts}
    routes = [router_record(part) for part in parts]
    # Also the browsers' cache tag for every part's entry file (`versi`): it changes with any part.
    routing = "|".join([language, json.dumps(routes, ensure_ascii=False), words, *(p.key for p in parts)])
    router_key = hashlib.sha256(routing.encode()).hexdigest()[:20]
    router = folder / f"router-{router_key}"
    missing = [part for part in parts if not _intact(wanted[part.name])]
    router_missing = not _intact(router)
    if missing or router_missing:
        with Service() as service:
            for part in missing:
                service.index(
                    [r.request() for r in part.records], language, wanted[part.name], with_code=False
                )
            if router_missing:
                service.index(routes, language, router, with_code=True, extra={WORDS_FILE: words})
    for stale in folder.iterdir():
        if stale not in (router, *wanted.values()):
            shutil.rmtree(stale, ignore_errors=True)
    files: dict[str, Path] = {}
    for part in parts:
        for file in _files(wanted[part.name]):
            files[f"{ROUTER}/{part.name}/{file.relative_to(wanted[part.name]).as_posix()}"] = file
    for file in _files(router):
        files[f"{ROUTER}/{file.relative_to(router).as_posix()}"] = file
    fragments = _router_ids(router)
    map_text = json.dumps(
        {
            "versi": router_key,
            "bagian": {fragments[f"/{ROUTER}/{part.name}/"]: part.name for part in parts},
            "jumlah": {part.name: len(part.records) for part in parts},
            "semua": EVERY,
            "sinonim": variants.to_first(),
            "tempat": NAME,
            # the categories' parts: small, merged first so that a floor whose name matches leads
            "depan": [part.name for part in parts if part.records[0].group == "kategori"],
            "urut": sorted_language(language),
        },
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    return Index(files, map_text, len(parts), sum(len(p.records) for p in parts))


def _files(bundle: Path) -> list[Path]:
    return sorted(file for file in bundle.rglob("*") if file.is_file() and file.name != SUMS)


def _intact(bundle: Path) -> bool:
    """Whether a cached bundle holds exactly the files it was written with, as written
    (size and time stamp, the hash when the time stamp moved: one stat a file)."""
    sums = read_mapping(bundle / SUMS)
    files = _files(bundle) if sums else []
    if not files or {file.relative_to(bundle).as_posix() for file in files} != set(sums):
        return False
    return all(still_intact(file, sums[file.relative_to(bundle).as_posix()]) for file in files)


def _router_ids(router: Path) -> dict[str, str]:
    """Each router record's url by its fragment id (the id a search result carries)."""
    ids = {}
    for file in (router / "fragment").iterdir():
        data = gzip.decompress(file.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        ids[fragment["url"]] = file.name.removesuffix(".pf_fragment")
    return ids


def _version() -> str:
    """What a cached bundle depends on besides its records: Pagefind, and how bytes are steadied."""
    from importlib.metadata import version

    return f"{version('pagefind')}|{STEADY_FORMAT}"
