"""Ordering on WhatsApp, as a buyer on a phone does it (issue 19, section 1): the fixed order
bar, the message for a chosen variant and quantity, the basket across sellers, the plain
link without JavaScript, the ordering facts in pages, JSON-LD and feeds, the owner's
WhatsApp catalog CSV, and the showroom. One fixture site, built once for the module."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import CHROMIUM, base_files, jpeg, netlify_server, write_files
from sitecheck import jsonld, soup

from catalog import pipeline

SHOWROOM = """\
showroom:
  name: Galeri IKM Uji
  address: Jl. Galeri 5, Kesambi
  hours: Senin–Jumat 08.00–16.00
  map_url: https://maps.example.org/galeri
  whatsapp: 0812-9999-0000
"""
ORDERING = """\
payments: [qris, transfer, cod]
delivery: [ambil, kurir]
"""
TOPENG = """\
---
name: Topeng Uji
kind: umkm
district: Kesambi
whatsapp: 0813-2222-3333
payments: [tunai]
delivery: [antar]
---
Topeng kayu.
"""
KELANA = """\
---
name: Topeng Kelana
category: topeng
price: 250000
unit: buah
stock: preorder
preorder_days: 14
images: [kelana.jpg]
---
Topeng merah.
"""
GROSIR = "---\nname: Kerupuk Grosir\ncategory: kerupuk\n---\nHarga tergantung jumlah.\n"
PRODUCT_URL = "/ikm/kerupuk-uji/kerupuk-melarat/"
SIRUP_URL = "/ikm/kerupuk-uji/sirup-uji/"
KELANA_URL = "/ikm/topeng-uji/topeng-kelana/"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is installed by `make test`")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base fixture site with ordering facts, a second seller and a showroom."""
    root = tmp_path_factory.mktemp("ordering")
    files = base_files()
    files["site.yaml"] = str(files["site.yaml"]) + SHOWROOM
    business = str(files["ikm/kerupuk-uji/index.md"])
    files["ikm/kerupuk-uji/index.md"] = business.replace("featured: true\n", "featured: true\n" + ORDERING)
    product = str(files["ikm/kerupuk-uji/products/kerupuk-melarat.md"])
    extra = "showroom: true\nshelf_life_days: 60\nmin_order: 2\n"
    files["ikm/kerupuk-uji/products/kerupuk-melarat.md"] = product.replace("featured: true\n", extra)
    files.update(
        {
            "ikm/topeng-uji/index.md": TOPENG,
            "ikm/topeng-uji/products/topeng-kelana.md": KELANA,
            "ikm/topeng-uji/products/kelana.jpg": jpeg(900, 900, "red"),
            "ikm/kerupuk-uji/products/kerupuk-grosir.md": GROSIR,
        }
    )
    content = write_files(root / "content", files)
    options = pipeline.BuildOptions(
        content=content, out=root / "public", cache_dir=root / "cache", pdf=False, search=False, workers=1
    )
    pipeline.build(options)
    return options.out


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[str]:
    with netlify_server(built) as base:
        yield base


def message(href: str) -> str:
    assert href.startswith("https://wa.me/")
    return parse_qs(urlsplit(href).query)["text"][0]


# -- the pages as written ------------------------------------------------------------------


def test_plain_link_orders_the_smallest_quantity_in_polite_indonesian(built):
    page = soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/")
    go = page.select_one(".order-bar a.btn-wa")
    assert go.get_text(strip=True) == "Pesan via WhatsApp"
    assert go["href"].startswith("https://wa.me/6281234567890?text=")
    assert message(go["href"]) == (
        "Halo Kerupuk Uji, saya ingin memesan:\n\nKerupuk Melarat\nHarga satuan: Rp 15.000 / bungkus\n"
        "Jumlah: 2 bungkus\nSubtotal: Rp 30.000\n\nhttps://uji.example.org/ikm/kerupuk-uji/kerupuk-melarat/"
        "\n\nApakah pesanan ini bisa diproses? Terima kasih."
    )
    assert page.select_one(".order-bar-total").get_text() == "Rp\u00a030.000"  # never split


def test_a_product_without_a_price_asks_for_it(built):
    page = soup(built, "/ikm/kerupuk-uji/kerupuk-grosir/")
    text = message(page.select_one(".order-bar a.btn-wa")["href"])
    assert "Harga: mohon diinformasikan" in text
    assert text.endswith("Mohon info harga dan ketersediaannya. Terima kasih.")


def test_the_store_chat_greets_naming_the_catalog(built):
    page = soup(built, "/ikm/kerupuk-uji/")
    chat = page.select_one(".actions a.btn-wa")
    assert message(chat["href"]) == (
        "Halo Kerupuk Uji, saya melihat katalog Anda di Galeri Uji (https://uji.example.org/ikm/kerupuk-uji/)."
        " Saya ingin bertanya tentang produk Anda."
    )


def test_ordering_facts_where_the_buyer_decides(built):
    product = soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/").select_one(".facts").get_text(" ")
    for fact in (
        "QRIS a.n. Kerupuk Uji",
        "Transfer bank",
        "Bayar di tempat (COD)",
        "Ambil sendiri",
        "60 hari",
    ):
        assert fact in product
    assert "pastikan nama penerima yang tampil adalah Kerupuk Uji" in product
    store = soup(built, "/ikm/kerupuk-uji/").select_one(".facts").get_text(" ")
    assert "QRIS a.n. Kerupuk Uji" in store and "Kurir ekspedisi" in store
    preorder = soup(built, "/ikm/topeng-uji/topeng-kelana/").select_one(".facts").get_text(" ")
    assert "Dibuat dalam 14 hari" in preorder and "Tunai" in preorder
    assert not soup(built, "/ikm/topeng-uji/topeng-kelana/").select("img[src*=qris]")


def test_ordering_facts_in_json_ld(built):
    item = jsonld(soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/"))[0]
    offer = item["offers"]
    assert offer["acceptedPaymentMethod"] == [
        "QRIS",
        "https://schema.org/ByBankTransferInAdvance",
        "https://schema.org/COD",
    ]
    assert offer["availableDeliveryMethod"] == [
        "https://schema.org/OnSitePickup",
        "https://schema.org/ParcelService",
    ]
    assert offer["eligibleQuantity"]["minValue"] == 2
    assert item["additionalProperty"]["value"] == 60
    kelana = jsonld(soup(built, "/ikm/topeng-uji/topeng-kelana/"))[0]
    assert kelana["offers"]["deliveryLeadTime"]["maxValue"] == 14
    store = jsonld(soup(built, "/ikm/kerupuk-uji/"))[0]
    assert store["paymentAccepted"] == "QRIS, Transfer bank, COD"


def test_ordering_facts_in_the_feeds(built):
    products = {p["id"]: p for p in json.loads((built / "produk.json").read_text())["products"]}
    melarat = products["kerupuk-uji/kerupuk-melarat"]
    assert melarat["payments"] == ["qris", "transfer", "cod"] and melarat["delivery"] == ["ambil", "kurir"]
    assert (melarat["min_order"], melarat["shelf_life_days"], melarat["showroom"]) == (2, 60, True)
    assert products["topeng-uji/topeng-kelana"]["preorder_days"] == 14
    google = (built / "feeds/google-merchant.xml").read_text()
    assert "<g:max_handling_time>14</g:max_handling_time>" in google


def test_the_owners_whatsapp_catalog_csv(built):
    rows = list(csv.DictReader(io.StringIO((built / "ikm/kerupuk-uji/katalog-whatsapp.csv").read_text())))
    assert [r["id"] for r in rows] == ["kerupuk-uji/kerupuk-melarat"]  # price and photo required
    assert rows[0]["price"] == "15000.00 IDR" and rows[0]["brand"] == "Kerupuk Uji"
    store = soup(built, "/ikm/kerupuk-uji/")
    link = store.select_one(".csv-link a")
    assert link["href"] == "/ikm/kerupuk-uji/katalog-whatsapp.csv"
    assert "Commerce Manager" in store.select_one(".csv-help").get_text()
    assert (built / "ikm/topeng-uji/katalog-whatsapp.csv").is_file()


def test_showroom_badge_and_address(built):
    product = soup(built, "/ikm/kerupuk-uji/kerupuk-melarat/")
    assert product.select_one(".buy-badges .badge-showroom").get_text(strip=True) == "Ada di Galeri IKM"
    assert "Jl. Galeri 5, Kesambi" in product.select_one(".showroom").get_text()
    home = soup(built, "/")
    assert home.select(".pcard .badge-showroom")
    for page in (home, soup(built, "/katalog/")):
        box = page.select_one(".showroom").get_text(" ")
        assert "Jl. Galeri 5, Kesambi" in box and "Senin–Jumat 08.00–16.00" in box
    assert not soup(built, "/ikm/kerupuk-uji/sirup-uji/").select(".buy .badge-showroom")


# -- in the browser ----------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(390, 844), (360, 640)])
def test_price_and_order_button_are_on_the_first_screen_of_a_phone(server, browser, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    for path in (PRODUCT_URL, SIRUP_URL):
        page.goto(server + path, wait_until="networkidle")
        for selector in (".order-bar .btn-wa", ".order-bar-total"):
            box = page.locator(selector).bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (path, selector)
        assert page.locator(".order-bar .btn-wa").is_visible()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # still there after scrolling
        assert page.locator(".order-bar .btn-wa").bounding_box()["y"] + 48 <= height
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    page.close()


def test_on_a_desktop_the_bar_sits_in_the_page(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + SIRUP_URL, wait_until="networkidle")
    assert page.locator(".order-bar").evaluate("e => getComputedStyle(e).position") == "static"
    assert page.locator(".order-bar .btn-wa").is_visible()
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_message_names_the_chosen_variant_and_quantity(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + SIRUP_URL, wait_until="networkidle")
    page.select_option(".order-variant select", label="Besar — Rp 35.000")
    page.click("[data-step='1']")
    page.click("[data-step='1']")
    text = message(page.locator(".order-bar a.btn-wa").get_attribute("href"))
    assert text == (
        "Halo Kerupuk Uji, saya ingin memesan:\n\nSirup Uji\nVarian: Besar\nHarga satuan: Rp 35.000 / pcs\n"
        "Jumlah: 3 pcs\nSubtotal: Rp 105.000\n\nhttps://uji.example.org/ikm/kerupuk-uji/sirup-uji/\n\n"
        "Apakah pesanan ini bisa diproses? Terima kasih."
    )
    assert page.locator(".order-bar-total").inner_text().replace("\xa0", " ") == "Rp 105.000"
    page.fill("#jumlah", "10")
    assert "Jumlah: 10 pcs" in message(page.locator(".order-bar a.btn-wa").get_attribute("href"))
    page.close()


def test_the_basket_gives_one_message_per_seller(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else requests.append(r.url))
    page.goto(server + SIRUP_URL, wait_until="networkidle")
    page.click("[data-add]")  # no variant chosen yet: asked to choose
    assert "Pilih varian" in page.locator("[data-status]").inner_text()
    page.select_option(".order-variant select", label="Kecil — Rp 20.000")
    page.click("[data-step='1']")
    page.click("[data-add]")
    assert "Masuk keranjang: Sirup Uji (Kecil)" in page.locator("[data-status]").inner_text()
    page.goto(server + PRODUCT_URL, wait_until="networkidle")
    page.click("[data-add]")
    page.goto(server + KELANA_URL, wait_until="networkidle")
    assert page.locator("[data-basket-count]").inner_text() == "2"
    page.click("[data-add]")
    page.click("a.basket-link")
    page.wait_for_load_state("networkidle")
    sellers = page.locator(".basket-seller")
    assert sellers.count() == 2
    first = message(sellers.nth(0).locator("a.btn-wa").get_attribute("href"))
    assert first == (
        "Halo Kerupuk Uji, saya ingin memesan:\n\n"
        "1. Sirup Uji — Kecil\n   2 pcs × Rp 20.000 = Rp 40.000\n   https://uji.example.org/ikm/kerupuk-uji/sirup-uji/\n"
        "2. Kerupuk Melarat\n   2 bungkus × Rp 15.000 = Rp 30.000\n"
        "   https://uji.example.org/ikm/kerupuk-uji/kerupuk-melarat/\n\n"
        "Subtotal: Rp 70.000 (belum termasuk ongkos kirim)\n\nApakah pesanan ini bisa diproses? Terima kasih."
    )
    assert sellers.nth(0).locator("a.btn-wa").get_attribute("href").startswith("https://wa.me/6281234567890?")
    second = sellers.nth(1).locator("a.btn-wa")
    assert second.get_attribute("href").startswith("https://wa.me/6281322223333?")
    assert "1 buah × Rp 250.000" in message(second.get_attribute("href"))
    # quantities change in the basket; a seller's order is cleared once sent
    sellers.nth(1).locator("[aria-label^='Tambah jumlah']").click()
    assert "2 buah × Rp 250.000 = Rp 500.000" in message(
        page.locator(".basket-seller").nth(1).locator("a.btn-wa").get_attribute("href")
    )
    page.locator(".basket-seller").nth(1).locator(".basket-clear").click()
    assert page.locator(".basket-seller").count() == 1
    assert requests == []  # nothing left the site
    context.close()


def test_the_basket_shows_only_well_formed_items_as_text(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/keranjang/", wait_until="networkidle")
    assert page.locator("[data-basket-empty]").is_visible()
    good = {"seller": "x", "sellerName": "<b>X</b>", "wa": "6281200000000", "name": "<img src=x>",
            "path": "/ikm/x/y/", "url": "https://uji.example.org/ikm/x/y/", "variant": "", "price": 5000,
            "unit": "pcs", "min": 1, "qty": 1}  # fmt: skip
    bad = [
        dict(good, path="javascript:alert(1)"),
        dict(good, wa="wa.me.evil"),
        dict(good, path="//evil.example/"),
    ]
    page.evaluate("items => localStorage.setItem('galeri-keranjang', JSON.stringify(items))", [good, *bad])
    page.reload(wait_until="networkidle")
    assert page.locator(".basket-item").count() == 1
    assert page.locator(".basket-name").inner_text() == "<img src=x>"  # text, never markup
    assert page.locator(".basket-seller h2").inner_text() == "Pesanan untuk <b>X</b>"
    page.evaluate("localStorage.setItem('galeri-keranjang', '{not json')")
    page.reload(wait_until="networkidle")
    assert page.locator("[data-basket-empty]").is_visible()
    page.close()


def test_without_javascript_the_page_still_orders_one_product(server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + SIRUP_URL)
    assert page.locator(".order-bar .btn-wa").is_visible()
    assert not page.locator(".order-pick").is_visible() and not page.locator("[data-add]").is_visible()
    text = message(page.locator(".order-bar .btn-wa").get_attribute("href"))
    assert "Sirup Uji" in text and "Harga: Rp 20.000 – Rp 35.000" in text and "Jumlah: 1 pcs" in text
    page.goto(server + "/keranjang/")
    assert "memerlukan JavaScript" in page.locator("main").inner_text()
    context.close()


def test_pages_keep_the_content_security_policy(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.add_init_script(
        "window.__v = []; document.addEventListener('securitypolicyviolation', e => window.__v.push(e.violatedDirective));"
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in (PRODUCT_URL, "/keranjang/", "/ikm/kerupuk-uji/"):
        page.goto(server + path, wait_until="networkidle")
        page.click("body")
        assert page.evaluate("window.__v") == [], path
    assert errors == []
    page.close()
