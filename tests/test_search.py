"""Search at /cari/ and the sorting tools, on the demo catalog in Chromium, served with
Netlify's headers; and the index's parts, router and cache."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, PRODUCT, netlify_server, options

from catalog import pipeline
from catalog.content.model import Price
from catalog.outputs.search import bundle as search_bytes
from catalog.outputs.search import index as search
from catalog.site.price_bands import price_bands

ROOT = Path(__file__).resolve().parent.parent
SMALL_PARTS = 4  # the demo's 103 records in many parts: every search crosses parts


# --- the index on disk ---------------------------------------------------------------


def test_price_bands():
    assert price_bands(None) == []
    assert price_bands(Price(15_000)) == ["0-25000"]
    assert price_bands(Price(25_000)) == ["25000-50000"]
    assert price_bands(Price(40_000, 120_000)) == ["25000-50000", "50000-100000", "100000-250000"]
    assert price_bands(Price(750_000)) == ["500000-"]


def _record(group: str, n: int) -> search.Record:
    return search.Record(f"/{group}/{n}/", "x", {}, {}, {}, group)


def test_parts_keep_groups_apart_and_stay_small(monkeypatch):
    monkeypatch.setattr(search, "PART_LIMIT", 10)
    items = [_record("b", n) for n in range(5)] + [_record("a", n) for n in range(4)]
    items += [_record("c", n) for n in range(23)] + [_record("d", n) for n in range(3)]
    parts = search.partition(items)
    assert [p.name for p in parts] == ["p01", "p02", "p03", "p04", "p05", "p06"]
    assert [{r.group for r in p.records} for p in parts] == [{"a"}, {"b"}, {"c"}, {"c"}, {"c"}, {"d"}]
    assert [len(p.records) for p in parts] == [4, 5, 8, 8, 7, 3]  # c cut in three near-equal pieces
    assert all(r.filters["bagian"] == [p.name] for p in parts for r in p.records)


@pytest.fixture(scope="module")
def small_parts(tmp_path_factory, demo) -> Iterator[tuple[Path, pipeline.BuildStats]]:
    """The demo catalog built with parts of SMALL_PARTS records (its photos from the demo's cache)."""
    tmp = tmp_path_factory.mktemp("search")
    cache = demo[0].parent / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PART_LIMIT", SMALL_PARTS)
        opts = pipeline.BuildOptions(content=ROOT / "content", out=tmp / "public", cache_dir=cache, pdf=False)
        yield opts.out, pipeline.build(opts)


def test_index_layout(small_parts):
    out, stats = small_parts
    index = out / "pagefind"
    peta = json.loads((index / "peta.json").read_text())
    assert stats.search_parts == len(peta["jumlah"]) > 5
    assert stats.search_records == sum(peta["jumlah"].values())
    # every router record stands for one part, and every part has its bundle
    assert sorted(peta["bagian"].values()) == sorted(peta["jumlah"])
    for fragment in (index / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        url = json.loads(data[data.index(b"{") :])["url"]
        assert peta["bagian"][fragment.name.removesuffix(".pf_fragment")] == url.split("/")[-2]
    for part, count in peta["jumlah"].items():
        assert count <= SMALL_PARTS
        assert len(list((index / part / "fragment").iterdir())) == count
        assert not (index / part / "pagefind.js").exists()  # parts run on the router's code
    # only what the browser uses: no Pagefind UI bundles, one WebAssembly module
    assert sorted(p.name for p in index.iterdir() if p.is_file()) == sorted(
        ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "peta.json", "wasm.id.pagefind"]
        + ["kata.json"]  # the words a search without results suggests from
        + [p.name for p in index.glob("*.pf_meta")]
    )
    # every bundle complete: its entry names a metadata file that is there, and no file is empty
    for entry in index.rglob("pagefind-entry.json"):
        languages = json.loads(entry.read_text())["languages"]
        assert all(
            (entry.parent / f"pagefind.{lang['hash']}.pf_meta").is_file() for lang in languages.values()
        )
    assert [p for p in index.rglob("*") if p.is_file() and p.stat().st_size == 0] == []
    biggest = max(len(list(folder.iterdir())) for folder in out.rglob("*") if folder.is_dir())
    assert biggest < 10_000


def test_bundles_list_in_name_order_and_are_named_after_their_bytes(small_parts):
    """What makes two cold builds byte-identical (test_build.test_same_input_same_bytes)."""
    index = small_parts[0] / "pagefind"
    for entry in index.rglob("pagefind-entry.json"):
        bundle = entry.parent
        metas = [
            bundle / f"pagefind.{lang['hash']}.pf_meta"
            for lang in json.loads(entry.read_text())["languages"].values()
        ]
        for meta_file in metas:
            meta = search_bytes._unpack(meta_file.read_bytes())
            filters, sorts = meta[3], meta[4]
            assert filters == sorted(filters) and [s[0] for s in sorts] == sorted(s[0] for s in sorts)
            for name, short in filters:
                chunk = (bundle / "filter" / f"{short}.pf_filter").read_bytes()
                filter_name, values = search_bytes._unpack(chunk)
                assert filter_name == name and [v[0] for v in values] == sorted(v[0] for v in values)
        for file in [*metas, *bundle.glob("filter/*")]:
            digest = hashlib.sha1(gzip.decompress(file.read_bytes())).hexdigest()
            assert file.name.split(".")[-2] == f"id_{digest[: len(file.name.split('.')[-2]) - 3]}"


def test_a_search_by_relevance_downloads_no_sort_orders(small_parts):
    """Each part lists a metadata file without sort orders under the site's language, and the
    whole one under `id-x-urut`; otherwise the two are the same. The router has no sorts."""
    index = small_parts[0] / "pagefind"
    assert json.loads((index / "peta.json").read_text())["urut"] == "id-x-urut"
    router = json.loads((index / "pagefind-entry.json").read_text())["languages"]
    assert list(router) == ["id"]
    for entry in index.glob("p*/pagefind-entry.json"):
        languages = json.loads(entry.read_text())["languages"]
        assert list(languages) == ["id", "id-x-urut"]
        plain, whole = (
            search_bytes._unpack((entry.parent / f"pagefind.{languages[lang]['hash']}.pf_meta").read_bytes())
            for lang in ("id", "id-x-urut")
        )
        assert plain[4] == []
        assert {name for name, _ in whole[4]} >= {"baru", "pilihan"} or (
            languages["id"] == languages["id-x-urut"]  # a part of categories only: nothing sorts them
        )
        assert plain[:4] + plain[5:] == whole[:4] + whole[5:]
        assert languages["id"]["page_count"] == languages["id-x-urut"]["page_count"] == len(plain[1])


def test_a_bundle_in_an_unknown_format_stops_the_build():
    as_map = gzip.compress(search_bytes.SIGNATURE + bytes([0xA1, 0x61, 0x61, 0x01]))
    with pytest.raises(RuntimeError, match="format this build does not know"):
        search_bytes._unpack(as_map)
    with pytest.raises(RuntimeError, match="signature"):
        search_bytes._unpack(gzip.compress(b"{}"))


def test_an_edit_reindexes_one_part(site, monkeypatch):
    monkeypatch.setattr(search, "PART_LIMIT", 1)
    content = site(
        {"ikm/kerupuk-uji/products/rengginang.md": PRODUCT.replace("Kerupuk Melarat", "Rengginang")}
    )
    opts = options(content)
    pipeline.build(opts)
    before = {p.name for p in (opts.cache_dir / "search").iterdir()}
    product = content / "ikm/kerupuk-uji/products/rengginang.md"
    product.write_text(product.read_text().replace("price: 15000", "price: 17000"))
    stats = pipeline.build(opts)
    after = {p.name for p in (opts.cache_dir / "search").iterdir()}
    assert len(after - before) == 2  # the edited product's part, and the router
    assert len(after) == stats.search_parts + 1
    peta = json.loads((opts.out / "pagefind/peta.json").read_text())
    assert len(peta["jumlah"]) == stats.search_parts


def test_no_index_without_search(site):
    opts = options(site(), search=False)
    pipeline.build(opts)
    assert not (opts.out / "pagefind").exists()
    assert "data-pagefind" not in (opts.out / "cari/index.html").read_text()


# --- in the browser ------------------------------------------------------------------

pytestmark_browser = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`"
)


@pytest.fixture(scope="module")
def server(small_parts) -> Iterator[str]:
    with netlify_server(small_parts[0]) as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: tab.problems.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    yield tab
    context.close()


def _results(page) -> list[str]:
    page.wait_for_function("() => /\\d|Tidak/.test(document.querySelector('#hasil-status').textContent)")
    return page.locator("#hasil .pcard-title a").all_inner_texts()


def _prices(texts: list[str]) -> list[int]:
    return [int(re.sub(r"\D", "", text.split("–")[0])) for text in texts]


@pytestmark_browser
def test_search_finds_a_product(server, page):
    page.goto(f"{server}/")
    page.fill("#q-top", "empal")
    page.press("#q-top", "Enter")
    page.wait_for_url("**/cari/?q=empal")
    names = _results(page)
    assert "Empal Gentong" in names
    card = page.locator(
        "#hasil .result-produk", has=page.get_by_role("link", name="Empal Gentong", exact=True)
    )
    assert card.locator("img").get_attribute("src").startswith("/img/")
    assert card.locator(".price-value").inner_text().startswith("Rp\u00a0")
    assert card.locator(".pcard-maker").inner_text() == "Empal Gentong Mang Darsa"
    card.locator("a").click()
    page.wait_for_url("**/ikm/empal-gentong-mang-darsa/empal-gentong/")
    assert page.problems == []


@pytestmark_browser
def test_a_first_search_loads_only_the_parts_its_first_page_needs(server, page):
    parts: list[set[str]] = [set()]
    page.on("request", lambda r: parts[-1].update(re.findall(r"/pagefind/(p\d+)/pagefind-entry", r.url)))
    page.goto(f"{server}/cari/?q=makanan")
    first = _results(page)
    assert len(first) == 24
    assert re.fullmatch(r"\d+\+ hasil untuk “makanan”", page.locator("#hasil-status").inner_text())
    parts.append(set())
    while page.locator("#hasil-lagi").is_visible():
        shown = page.locator("#hasil .pcard").count()
        page.locator("#hasil-lagi").click()
        page.wait_for_function(f"() => document.querySelectorAll('#hasil .pcard').length > {shown}")
    names = page.locator("#hasil .pcard-title a").all_inner_texts()
    assert len(names) > 24 and len(set(names)) == len(names) and names[:24] == first
    assert page.locator("#hasil-status").inner_text() == f"{len(names)} hasil untuk “makanan”"
    assert parts[0] and parts[1] and not parts[0] & parts[1]  # the rest came with "more"
    assert page.problems == []


@pytestmark_browser
def test_after_a_failed_search_the_next_one_works(server, page):
    """A part that did not load (the connection dropped) must not break search until reload."""
    page.route("**/pagefind/p*/pagefind-entry.json*", lambda route: route.abort())
    page.goto(f"{server}/cari/?q=empal")
    page.wait_for_function("() => /gagal/.test(document.querySelector('#hasil-status').textContent)")
    assert page.locator("#hasil-lagi").is_hidden()
    page.unroute("**/pagefind/p*/pagefind-entry.json*")
    page.fill("#q-page", "empal gentong")
    page.press("#q-page", "Enter")
    assert "Empal Gentong" in _results(page)


@pytestmark_browser
def test_district_filter_narrows(server, page, small_parts):
    page.goto(f"{server}/cari/?q=batik")
    everywhere = _results(page)
    page.locator("details.filters summary").click()
    page.select_option("select[name=kecamatan]", "Kesambi")
    page.wait_for_url("**kecamatan=Kesambi**")
    narrowed = _results(page)
    assert narrowed and set(narrowed) < set(everywhere)
    out, _ = small_parts
    for link in page.locator("#hasil .pcard-title a").all():
        html = (out / link.get_attribute("href").strip("/") / "index.html").read_text()
        assert "Kesambi" in html
    assert page.problems == []


@pytestmark_browser
def test_price_sort_orders_across_parts(server, page):
    page.goto(f"{server}/cari/?q=kerupuk")
    relevance = _results(page)
    page.select_option("select[name=urut]", "murah")
    page.wait_for_url("**urut=murah**")
    page.wait_for_function("() => !document.querySelector('#hasil').hasAttribute('aria-busy')")
    prices = _prices(page.locator("#hasil .pcard-price:not(.price-ask) .price-value").all_inner_texts())
    assert len(prices) > 3 and prices == sorted(prices)
    products = page.locator("#hasil .result-produk .pcard-title a").all_inner_texts()
    assert set(products) <= set(relevance) and len(products) > 3  # shops have no price: not in this sort
    assert page.problems == []


@pytestmark_browser
def test_category_tools_sort_the_whole_floor(server, page, small_parts):
    page.goto(f"{server}/kategori/makanan-minuman/")
    first_page = page.locator("#daftar .pcard-title a").count()
    page.select_option(".browse-tools select[name=urut]", "murah")
    page.wait_for_selector("#daftar .results li")
    page.wait_for_function("() => !document.querySelector('#daftar .results').hasAttribute('aria-busy')")
    total = int(re.sub(r"\D", "", page.inner_text("#daftar-status")))
    assert total > first_page  # the floor's every product, not the page's
    shown = page.locator("#daftar .results li").count()
    while page.locator("#daftar .results-more button").is_visible():
        # an impatient second tap takes nothing twice
        page.eval_on_selector("#daftar .results-more button", "button => { button.click(); button.click(); }")
        page.wait_for_function(f"() => document.querySelectorAll('#daftar .results li').length > {shown}")
        shown = page.locator("#daftar .results li").count()
    assert page.locator("#daftar .results li").count() == total
    prices = _prices(page.locator("#daftar .pcard-price:not(.price-ask) .price-value").all_inner_texts())
    assert prices == sorted(prices)
    # back to the floor's own order: the page as it was built
    page.select_option(".browse-tools select[name=urut]", "")
    assert page.locator("#daftar .pagination, #daftar nav").count() >= 1
    assert page.problems == []


@pytestmark_browser
def test_a_filter_keeps_the_floors_own_order(server, page):
    catalog, _ = pipeline.check(pipeline.BuildOptions(content=ROOT / "content"))
    district = "Lemahwungkuk"
    expected = [
        f"/ikm/{p.business}/{p.slug}/"
        for p in catalog.products_in_category["makanan-minuman"]
        if catalog.business_by_slug[p.business].district == district
    ]
    page.goto(f"{server}/kategori/makanan-minuman/")
    page.select_option(".browse-tools select[name=kecamatan]", district)
    page.wait_for_selector("#daftar .results li")
    page.wait_for_function("() => !document.querySelector('#daftar .results').hasAttribute('aria-busy')")
    shown = [a.get_attribute("href") for a in page.locator("#daftar .results .pcard-title a").all()]
    assert len(expected) > 2 and shown == expected
    assert page.problems == []


@pytestmark_browser
def test_directory_filters_by_district(server, page):
    page.goto(f"{server}/ikm/")
    page.select_option(".browse-tools select[name=kecamatan]", "Kesambi")
    page.wait_for_selector("#daftar-toko .results li")
    rows = page.locator("#daftar-toko .results .tenant")
    assert rows.count() == 3
    assert all("Kesambi" in text for text in rows.all_inner_texts())
    assert not page.locator("nav.az").is_visible()  # its jumps lead into the hidden list
    page.select_option(".browse-tools select[name=kecamatan]", "")
    assert page.locator("nav.az").is_visible() and page.locator(".az-list .tenant").count() == 14
    assert page.problems == []


@pytestmark_browser
def test_the_index_loads_only_when_used(server, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/kategori/makanan-minuman/", "/ikm/", "/cari/"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    page.fill("#q-page", "sirup")
    page.press("#q-page", "Enter")
    _results(page)
    assert [url for url in requested if url.endswith("/pagefind/pagefind.js")]
    assert page.problems == []


@pytestmark_browser
def test_a_site_under_a_folder(browser, demo, tmp_path):
    """A site published under /galeri/ (base_url with a path) finds and links its pages."""
    root = tmp_path / "host"
    opts = pipeline.BuildOptions(
        content=ROOT / "content", out=root / "galeri", cache_dir=demo[0].parent / "cache", pdf=False,
        base_url="https://contoh.org/galeri/",
    )  # fmt: skip
    pipeline.build(opts)
    with netlify_server(root) as base:
        tab = browser.new_page()
        tab.goto(f"{base}/galeri/cari/?q=empal")
        tab.wait_for_selector("#hasil li")
        link = tab.get_by_role("link", name="Empal Gentong", exact=True)
        assert link.get_attribute("href") == "/galeri/ikm/empal-gentong-mang-darsa/empal-gentong/"
        link.click()
        tab.wait_for_url("**/galeri/ikm/empal-gentong-mang-darsa/empal-gentong/")
        tab.wait_for_load_state("networkidle")
        tab.close()


@pytestmark_browser
def test_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(f"{server}/kategori/makanan-minuman/")
    assert not tab.locator(".browse-tools").is_visible()  # the listing and its pages are all there is
    tab.fill("#q-top", "topeng")
    tab.press("#q-top", "Enter")
    tab.wait_for_url("**/cari/?q=topeng")
    assert tab.locator("p.note", has_text="JavaScript").is_visible()  # says why there are no results
    assert tab.locator(".browse a[href='/ikm/']").count() == 1
    context.close()
