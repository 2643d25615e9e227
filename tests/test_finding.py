"""Finding things (issue 19): spelling variants, stores and floors first, help when nothing
matches, typing searches, the showroom filter, and the small things seen on a phone. The
unit tests run on the model; the browser tests on the demo site (built once per session),
in Chromium at 390 and 1280 px."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM, netlify_server, options

from catalog import pipeline
from catalog.content.model import Price
from catalog.core.errors import ContentErrors
from catalog.outputs.search import index as search
from catalog.outputs.search import records, synonyms
from catalog.site.theme import email, price_text, rupiah, unbroken

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


# --- synonyms -----------------------------------------------------------------------


def test_built_in_synonyms_cover_the_issue():
    """A record holding a variant gets its group's first word; the browser asks for it."""
    found = synonyms.load(None)
    assert found.extra("Kripik Tempe") == ["keripik"]
    assert found.extra("Krupuk Udang") == ["kerupuk"]
    assert found.extra("Kerupuk Udang") == []  # the first word already: nothing to add
    assert found.extra("sambel terasi") == ["sambal"]
    assert found.extra("Paket oleh-oleh khas") == ["suvenir"]
    assert found.extra("Topeng Kelana") == []
    assert found.extra("kripiknya") == []  # whole words only: the stemmer handles the rest
    first = found.to_first()
    assert first["kripik"] == "keripik" and first["krupuk"] == "kerupuk" and first["sirop"] == "sirup"
    assert first["kaus"] == "kaos" and first["sambel"] == "sambal" and first["cinderamata"] == "suvenir"
    assert "sirup" not in first


def test_the_site_extends_the_list_and_shared_words_join_groups(tmp_path):
    (tmp_path / "sinonim.yaml").write_text("- [tas, totebag]\n- [sirup, setrup]\n")
    found = synonyms.load(tmp_path)
    assert found.extra("Totebag Kanvas") == ["tas"]
    assert found.extra("Setrup Jeruk") == ["sirup"]  # joined with the built-in group
    assert found.to_first()["sirop"] == found.to_first()["setrup"] == "sirup"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("tas: totebag\n", "sinonim.yaml:1:", "daftar kelompok"),
        ("- [tas, totebag]\n- [sirup]\n", "sinonim.yaml:2: [2]:", "dua kata atau lebih"),
        ("- [tas, totebag]\n- [sirup, {a: b}]\n", "sinonim.yaml:2: [2][2]:", "kata atau frasa"),
        ("- [tas, totebag\n", "sinonim.yaml:1:", "tidak ditutup"),
    ],
)
def test_a_wrong_synonym_file_says_where_in_indonesian(tmp_path, text, where, words):
    (tmp_path / "sinonim.yaml").write_text(text)
    with pytest.raises(ContentErrors) as caught:
        synonyms.load(tmp_path)
    message = str(caught.value.errors[0])
    assert message.startswith(where) and words in message


def test_a_synonym_file_leading_out_of_the_content_folder_is_refused(tmp_path):
    outside = tmp_path / "rahasia.yaml"
    outside.write_text("- [a, b]\n")
    content = tmp_path / "content"
    content.mkdir()
    (content / "sinonim.yaml").symlink_to(outside)
    with pytest.raises(ContentErrors) as caught:
        synonyms.load(content)
    assert str(caught.value.errors[0]).startswith("sinonim.yaml:1:")


# --- records ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_records() -> dict[str, records.Record]:
    """The demo catalog's search records by url."""
    opts = pipeline.BuildOptions(content=ROOT / "content")
    catalog, store = pipeline.check(opts)
    themes = pipeline.find_themes(opts.theme_roots)
    site = catalog.site
    colours = pipeline.brand_css(site.primary, site.accent)
    theme = pipeline.load_theme(themes, site.theme, site.language, pipeline.urls.Urls(site.base_url), colours)
    views = pipeline.ViewBuilder(catalog, store, theme.t, search=True)
    return {r.url: r for r in records.records(catalog, views, synonyms.load(None))}


def test_records_hold_the_first_word_before_the_browse_word(demo_records):
    gift = demo_records["/ikm/gapit-semprong-bu-tati/paket-oleh-oleh-gapit/"]
    assert gift.content.endswith(f"suvenir. {records.EVERY}")
    sirup = demo_records["/ikm/sirup-tjap-sekar-kedaton/sirup-rosen/"]
    assert "sirop" not in sirup.content  # the browser asks for "sirup" when "sirop" is typed


def test_stores_and_floors_carry_their_name_and_floors_a_photo(demo_records):
    floor = demo_records["/kategori/kain-batik/"]
    assert floor.meta[records.NAME] == "Kain Batik" and floor.meta["image"].startswith("/img/")
    store = demo_records["/ikm/rumah-batik-kanoman/"]
    assert store.meta[records.NAME] == "Rumah Batik Kanoman"
    assert all(records.NAME not in r.meta for r in demo_records.values() if r.filters["tipe"] == ["produk"])


def test_showroom_products_have_the_filter(demo_records):
    shown = {url for url, r in demo_records.items() if r.filters.get(records.SHOWROOM) == ["ya"]}
    assert "/ikm/sirup-tjap-sekar-kedaton/sirup-rosen/" in shown
    assert "/ikm/sirup-tjap-sekar-kedaton/sirup-asam-jawa/" not in shown


def test_the_word_list_is_small_and_most_common_first(demo_records, monkeypatch):
    words = json.loads(search.suggested_words(list(demo_records.values())))
    assert "batik" in words and records.EVERY not in words
    assert all(len(w) > 2 and w.isalpha() for w in words)
    assert words.index("makanan") < words.index("gentong")
    monkeypatch.setattr(search, "WORDS", 50)
    assert len(json.loads(search.suggested_words(list(demo_records.values())))) == 50


# --- small things -------------------------------------------------------------------


def test_rupiah_never_splits_and_e_mail_breaks_at_its_parts():
    assert unbroken(rupiah(25_000)) == f"Rp{NBSP}25.000"
    assert unbroken(price_text(Price(20_000, 35_000), "")) == f"Rp{NBSP}20.000{NBSP}– Rp{NBSP}35.000"
    assert rupiah(25_000) == "Rp 25.000"  # a WhatsApp message keeps plain spaces
    assert str(email("batik.sari@gmail.com")) == "batik.sari<wbr>@gmail<wbr>.com"
    assert str(email("<x>")) == "&lt;x&gt;"


def test_sold_out_products_come_last_in_a_store_and_in_suggestions(site):
    sold = "---\nname: Habis\ncategory: kerupuk\nprice: 1000\nstock: sold_out\nfeatured: true\n---\nHabis.\n"
    fresh = "---\nname: Ada\ncategory: kerupuk\nprice: 1000\n---\nAda.\n"
    content = site({"ikm/kerupuk-uji/products/a-habis.md": sold, "ikm/kerupuk-uji/products/b-ada.md": fresh})
    opts = options(content, search=False)
    pipeline.build(opts)
    store = (opts.out / "ikm/kerupuk-uji/index.html").read_text()
    names = re.findall(r'class="pcard-title"><a href="[^"]+">([^<]+)<', store)
    assert names[-1] == "Habis" and "Ada" in names
    page = (opts.out / "ikm/kerupuk-uji/kerupuk-melarat/index.html").read_text()
    related = re.findall(r'class="pcard-title"><a href="[^"]+">([^<]+)<', page)
    assert related and related[-1] == "Habis"


# --- in the browser -----------------------------------------------------------------

browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`")


@pytest.fixture(scope="module")
def server(demo) -> Iterator[str]:
    with netlify_server(demo[0]) as base:
        yield base


@pytest.fixture(params=[390, 1280])
def page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: tab.problems.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    yield tab
    assert tab.problems == []
    context.close()


def _results(page) -> list[str]:
    page.wait_for_function(
        "() => /\\d|Tidak/.test(document.querySelector('#hasil-status').textContent)"
        " && !document.querySelector('#hasil').hasAttribute('aria-busy')"
    )
    return page.locator("#hasil .pcard-title a").all_inner_texts()


@browser_only
def test_typing_searches_without_enter(server, page):
    page.goto(f"{server}/cari/")
    page.locator("#q-page").press_sequentially("em", delay=30)
    page.wait_for_timeout(600)
    assert page.locator("#hasil li").count() == 0  # two letters: nothing yet
    page.locator("#q-page").press_sequentially("pal", delay=30)
    assert "Empal Gentong" in _results(page)
    assert page.url.endswith("/cari/?q=empal")


@browser_only
@pytest.mark.parametrize(
    ("typed", "found"),
    [("krupuk", "Kerupuk"), ("sirop", "Sirup"), ("kaus", "Kaos"), ("sambel", "Sambal")],
)
def test_spelling_variants_find_the_same_things(server, page, typed, found):
    page.goto(f"{server}/cari/?q={typed}")
    names = _results(page)
    assert names and sum(found in name for name in names) >= 2


@browser_only
def test_stores_and_floors_named_batik_come_first(server, page):
    page.goto(f"{server}/cari/?q=batik")
    _results(page)
    kinds = page.locator("#hasil .pcard").evaluate_all("cards => cards.map(c => c.className)")
    names = page.locator("#hasil .pcard-title a").all_inner_texts()
    stores = ["Batik Tulis Mega Mendung Sari", "Rumah Batik Kanoman"]
    assert set(names[:4]) == {"Pakaian Batik", "Kain Batik", *stores}
    later = [n for n, k in zip(names, kinds, strict=True) if "result-produk" not in k][4:]
    assert not [n for n in later if "batik" in n.lower()]  # every store or floor named so leads
    floor = page.locator("#hasil .result-kategori img").first
    assert floor.get_attribute("src").startswith("/img/")  # a real photo, not the placeholder


@browser_only
@pytest.mark.parametrize("typed", ["zzz", "xyzzy"])
def test_nonsense_finds_nothing_and_the_floors_are_offered(server, page, typed):
    page.goto(f"{server}/cari/?q={typed}")
    assert _results(page) == []
    assert page.locator("#hasil-status").inner_text().startswith("Tidak ada")
    assert page.locator("#hasil-saran .chip").count() >= 3


@browser_only
def test_no_result_suggests_the_closest_word(server, page):
    page.goto(f"{server}/cari/?q=batk")
    assert _results(page) == []
    suggestion = page.locator("#hasil-saran .suggest a")
    suggestion.wait_for()
    assert suggestion.inner_text() == "batik"
    suggestion.click()
    page.wait_for_url("**/cari/?q=batik")
    assert "Kain Batik" in _results(page)
    assert page.locator("#hasil-saran").is_hidden()


@browser_only
def test_showroom_filter(server, page, demo):
    page.goto(f"{server}/cari/?q=sirup")
    everything = _results(page)
    page.locator("details.filters summary").click()
    page.get_by_label("Ada di Galeri IKM").check()
    page.wait_for_url("**galeri=ya**")
    shown = _results(page)
    assert shown and set(shown) < set(everything)
    assert set(shown) == {"Sirup Rosen", "Sirup Pisang Susu"}
    page.reload()
    assert page.get_by_label("Ada di Galeri IKM").is_checked()  # kept in the address


@browser_only
def test_small_things_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    tab = context.new_page()
    tab.goto(f"{server}/")
    title = tab.locator(".brand-title")
    line = float(title.evaluate("t => parseFloat(getComputedStyle(t).lineHeight)"))
    assert title.bounding_box()["height"] <= 2 * line + 1  # two lines at most
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(f"{server}/ikm/batik-tulis-mega-mendung-sari/")
    address = tab.locator(".btn-detail.email")
    assert address.inner_html().count("<wbr>") == 2
    assert address.evaluate("a => a.getClientRects().length") <= 2
    prices = tab.locator(".pcard-price .price-value").all_inner_texts()
    assert prices and all(NBSP in p or "Rp" not in p for p in prices)
    tab.goto(f"{server}/kategori/makanan-minuman/")
    assert tab.locator(".page-count").is_visible()
    price = tab.locator(".browse-tools select[name=harga]")
    price.select_option("0-25000")
    assert price.evaluate("s => s.scrollWidth <= s.clientWidth")
    tab.wait_for_selector("#daftar .results li")
    assert tab.locator(".page-count").is_hidden()  # "41 produk · halaman 1 dari 4" no longer says the truth
    assert re.fullmatch(r"\d+ hasil", tab.locator("#daftar-status").inner_text())
    context.close()
