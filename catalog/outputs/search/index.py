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
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog.content.markup import plain_text
from catalog.content.model import Business, Catalog, Category, Product, listing_order
from catalog.core import urls
from catalog.core.jsonfile import naming, read_mapping, stamp, still_intact, write_atomic
from catalog.outputs.search.bundle import STEADY_FORMAT, sorted_language, sorts_apart, steady
from catalog.site.price_bands import price_bands
from catalog.site.theme import price_text

if TYPE_CHECKING:
    from catalog.images.store import Picture
    from catalog.site.views import ViewBuilder

PART_LIMIT = 2000  # records per part: a search by relevance reaching it loads 8-11 KB of metadata
ROUTER = "pagefind"  # the router bundle's folder, with Pagefind's script and WebAssembly
# How often the router repeats a word (router_record). Pagefind closes a chunk of its word
# index at 20,000 word positions, so the more positions a word has, the fewer words share its
# chunk, and the less a search downloads: on the 31k corpus a router chunk came to 5-10 KB
# with 1 and about 2 KB with 8 (bench/search.py).
ROUTER_REPEAT = 8
MAP = "pagefind/peta.json"  # which part each router record stands for
SUMS = ".sums.json"  # in each cached bundle: every file's stamp as written (never published)
NONE = 10**12  # the sort value of a record without one (no price, no date): last in ascending order
CODE = ("pagefind.js", "pagefind-worker.js")  # with the WebAssembly, what only the router carries
_WORD = re.compile(r"\w+")
# A word in every record: a browse by filters alone searches for it, because Pagefind
# answers a search without words by loading every chunk of the word index (90 KB a part).
EVERY = "zzz"


@dataclass(frozen=True)
class Record:
    """One search result: a product, a store or a category page."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    group: str = field(compare=False)  # records of one group stay together in the parts

    def request(self) -> dict[str, Any]:
        """What Pagefind is given for this record (and what a part's cache key hashes)."""
        return {
            "url": self.url,
            "content": self.content,
            "meta": self.meta,
            "filters": self.filters,
            "sort": self.sort,
        }


@dataclass(frozen=True)
class Part:
    name: str
    records: tuple[Record, ...]

    @functools.cached_property
    def key(self) -> str:
        text = json.dumps([r.request() for r in self.records], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(f"{_version()}|{self.name}|{text}".encode()).hexdigest()[:20]


def records(catalog: Catalog, views: ViewBuilder) -> list[Record]:
    """Every product, store and category page as a search record, in the catalog's order."""
    # A floor's own order (featured, newest, name) as one rank: every category lists its
    # products in this order, so the rank sorts any of them.
    rank = {product.key: n for n, product in enumerate(sorted(catalog.products, key=listing_order))}
    return [
        *(_product_record(catalog, views, product, rank[product.key]) for product in catalog.products),
        # businesses come by name: that is the directory's order
        *(_store_record(catalog, views, business, n) for n, business in enumerate(catalog.businesses)),
        *(_category_record(catalog, views, category) for category in catalog.categories.values()),
    ]


def _product_record(catalog: Catalog, views: ViewBuilder, product: Product, rank: int) -> Record:
    t = views.t
    card = views.product_cards[product.key]
    business = catalog.business_by_slug[product.business]
    category = catalog.categories[product.category]
    names = [catalog.categories[slug].name for slug in category.ancestors] + [category.name]
    price = product.price
    meta = {
        "title": product.name,
        "usaha": business.name,
        "harga": price_text(price, t("price_on_request")),
        "murah": _key(price.low if price else NONE),
        "mahal": _key(NONE - (price.high or price.low) if price else NONE),
        "baru": _key(_newest(product.added)),
        "nama": product.name.casefold(),
        "pilihan": _key(rank),
        **_photo(views, card.picture, card.alt),
    }
    if product.unit and price:
        meta["satuan"] = t("per_unit", unit=product.unit)
    if product.stock != "available":
        meta["stok"] = t(f"stock_{product.stock}")
    words = [product.name, business.name, *names, business.district or "", product.summary]
    words += [product.material or "", *product.tags, *(v.name for v in product.variants)]
    return Record(
        url=card.url,
        content=_content(words),
        meta=meta,
        filters={
            "tipe": ["produk"],
            "kategori": [*category.ancestors, category.slug],
            **_business_filters(business),
            "stok": [product.stock],
            "harga": price_bands(price),
        },
        sort=_sorts(meta, "murah", "mahal", "baru", "nama", "pilihan"),
        group=f"{category.top}/{category.slug}",
    )


def _store_record(catalog: Catalog, views: ViewBuilder, business: Business, rank: int) -> Record:
    card = views.business_cards[business.slug]
    products = catalog.products_of_business[business.slug]
    slugs = sorted({s for p in products for s in (*catalog.categories[p.category].ancestors, p.category)})
    newest = max((p.added for p in products if p.added), default=None)
    meta = {
        "title": business.name,
        "usaha": views.t(f"kind_{business.kind}"),
        "jumlah": str(len(products)),
        "baru": _key(_newest(newest)),
        "pilihan": _key(rank),
        **_photo(views, card.logo or card.cover, business.name),
    }
    if business.district:
        meta["kecamatan"] = business.district
    if business.tagline:
        meta["tagline"] = business.tagline
    words = [business.name, business.tagline or "", business.district or "", business.owner or ""]
    words += [*(catalog.categories[s].name for s in slugs), plain_text(business.story.html)[:600]]
    return Record(
        url=card.url,
        content=_content(words),
        meta=meta,
        filters={
            "tipe": ["toko"],
            "kategori": slugs,
            **_business_filters(business),
        },
        sort=_sorts(meta, "baru", "pilihan"),
        group=_main_group(catalog, products),
    )


def _category_record(catalog: Catalog, views: ViewBuilder, category: Category) -> Record:
    names = [catalog.categories[slug].name for slug in category.ancestors] + [category.name]
    meta = {"title": category.name, "jumlah": str(len(catalog.products_in_category[category.slug]))}
    if category.ancestors:
        meta["induk"] = " › ".join(names[:-1])
    return Record(
        url=views.link(urls.category(category.slug)),
        content=_content([*names, category.description or ""]),
        meta=meta,
        filters={"tipe": ["kategori"], "kategori": [*category.ancestors, category.slug]},
        sort={},  # never in a sorted list
        group="kategori",
    )


def _business_filters(business: Business) -> dict[str, list[str]]:
    """The filters a product shares with its business: district and kind."""
    return {"kecamatan": [business.district] if business.district else [], "usaha": [business.kind]}


def _photo(views: ViewBuilder, picture: Picture | None, alt: str) -> dict[str, str]:
    """A result's photo: the smallest WebP rendition, with its size against layout shift."""
    if picture is None:
        return {}
    small = picture.webp[0]
    return {
        "image": views.link("/" + small.path),
        "image_alt": alt,
        "w": str(small.width),
        "h": str(small.height),
    }


def _content(words: list[str]) -> str:
    """What a record is found by, with the word every record has (EVERY)."""
    return ". ".join([*(word for word in words if word), EVERY])


def _sorts(meta: dict[str, str], *keys: str) -> dict[str, str]:
    """Pagefind's sort keys, only those the record's kind is sorted by: each costs about
    2 bytes a record in the metadata a sorted search downloads. Their values stay in the
    meta too, where the browser merges the sorted parts by them."""
    return {key: meta[key] for key in keys}


def _main_group(catalog: Catalog, products: tuple[Product, ...]) -> str:
    """A store goes in the part of the category most of its products are in, so that a
    search for what it sells finds it and its products in the same parts."""
    if not products:
        return "toko"
    counts = Counter(p.category for p in products)
    leaf = min(counts, key=lambda slug: (-counts[slug], slug))
    return f"{catalog.categories[leaf].top}/{leaf}"


def _key(number: int) -> str:
    """A sort value as Pagefind compares it: text of one width ("k" keeps Pagefind from
    reading it as a 32-bit float, which would merge prices near 10**12)."""
    return f"k{number:013d}"


def _newest(added: Any) -> int:
    """Newest first in ascending order: 99991231 minus the date; undated last."""
    return NONE if added is None else 99_991_231 - int(added.strftime("%Y%m%d"))


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


@dataclass(frozen=True)
class Index:
    """The files of the search index: site path -> file in the cache, plus the map's text."""

    files: dict[str, Path]
    map_text: str
    parts: int
    records: int


def build(catalog: Catalog, views: ViewBuilder, cache: Path) -> Index:
    """Index the catalog, reusing every part whose records did not change."""
    language = catalog.site.language
    parts = partition(records(catalog, views))
    folder = cache / "search"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {part.name: folder / f"{part.name}-{language}-{part.key}" for part in parts}
    routes = [router_record(part) for part in parts]
    # Also the browsers' cache tag for every part's entry file (`versi`): it changes with any part.
    routing = "|".join([language, json.dumps(routes, ensure_ascii=False), *(p.key for p in parts)])
    router_key = hashlib.sha256(routing.encode()).hexdigest()[:20]
    router = folder / f"router-{router_key}"
    missing = [part for part in parts if not _intact(wanted[part.name])]
    router_missing = not _intact(router)
    if missing or router_missing:
        with _Service() as service:
            for part in missing:
                service.index(
                    [r.request() for r in part.records], language, wanted[part.name], with_code=False
                )
            if router_missing:
                service.index(routes, language, router, with_code=True)
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


def _published(path: str, language: str, with_code: bool) -> bool:
    """Which of the files Pagefind makes a bundle keeps: its data, and for the router also
    Pagefind's script, worker and WebAssembly. The parts are merged into the router's
    instance and run on its WebAssembly; Pagefind's ready-made interfaces are not used."""
    if "/" in path or path.endswith(".pf_meta") or path == "pagefind-entry.json":
        return True
    return with_code and (path in CODE or path == f"wasm.{language}.pagefind")


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


def _write_bundle(published: dict[str, bytes], out: Path) -> None:
    """Write a bundle's files and their stamps through a temporary folder, then move it to
    `out` (replacing a damaged one). A failed write (a full disk) leaves no temporary folder."""
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        sums = {}
        for path, data in published.items():
            target = tmp / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with naming(target):
                target.write_bytes(data)
            sums[path] = stamp(target, data)
        write_atomic(tmp / SUMS, json.dumps(sums, sort_keys=True))
        shutil.rmtree(out, ignore_errors=True)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


class _Service:
    """Pagefind's indexing service (`pagefind --service`), spoken to directly.

    The `pagefind` package's Python client waits 100 ms before reading each answer, which is
    52 minutes for 31,000 records; this client writes the requests from a thread while it
    reads the answers, and indexes 31,000 records in about 20 s. The protocol is the one that
    client speaks: base64 of a JSON message, then a comma, both ways. The bundle's files come
    back in an answer (GetFiles) and are written here, atomically.
    """

    def __init__(self) -> None:
        from pagefind_bin import get_executable

        self.process = subprocess.Popen(
            [str(get_executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 0
        self.buffer = bytearray()

    def __enter__(self) -> _Service:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()

    def index(self, items: Iterable[dict[str, Any]], language: str, out: Path, with_code: bool) -> None:
        """Index `items` into a new bundle written atomically at `out` (`_published`)."""
        index_id = self._call({"type": "NewIndex", "config": {"force_language": language}})["index_id"]
        requests = [
            self._encode({"type": "AddRecord", "index_id": index_id, "language": language, **item})
            for item in items
        ]
        writer = threading.Thread(target=self._send_all, args=(requests,))
        writer.start()
        errors = [answer for answer in (self._read() for _ in requests) if answer["type"] != "IndexedFile"]
        writer.join()
        if errors:
            raise RuntimeError(f"pagefind: {errors[0]}")
        # The files come back in the answer and are written here: Pagefind's own WriteFiles
        # answers before its last file is written (an empty pagefind-entry.json was seen).
        files = self._call({"type": "GetFiles", "index_id": index_id})["files"]
        self._call({"type": "DeleteIndex", "index_id": index_id})
        published = {
            file["path"]: base64.b64decode(file["content"])
            for file in files
            if _published(file["path"], language, with_code)
        }
        published = steady(published, language)
        if not with_code:  # a part: a search by relevance need not download the sort orders
            published = sorts_apart(published, language)
        _write_bundle(published, out)

    def _encode(self, payload: dict[str, Any]) -> bytes:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        return base64.b64encode(json.dumps(message, ensure_ascii=False).encode()) + b","

    def _send_all(self, requests: list[bytes]) -> None:
        assert self.process.stdin is not None
        for request in requests:
            self.process.stdin.write(request)
        self.process.stdin.flush()

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._send_all([self._encode(payload)])
        answer = self._read()
        if answer["type"] == "Error":
            raise RuntimeError(f"pagefind: {answer.get('message')}")
        return answer

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        searched = 0  # a large answer (GetFiles) arrives in many chunks: look at each once
        while (end := self.buffer.find(b",", searched)) < 0:
            searched = len(self.buffer)
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                raise RuntimeError("pagefind: the indexing service stopped")
            self.buffer += chunk
        message = bytes(self.buffer[:end])
        del self.buffer[: end + 1]
        return json.loads(base64.b64decode(message))["payload"]
