"""Product feeds: they parse, carry the required fields with absolute URLs on base_url,
leave out what Google and Meta refuse (and say so), and agree with the pages."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest
from conftest import PRODUCT, jpeg, options, problems
from sitecheck import soup

from catalog import cli, pipeline
from catalog.content.model import Product
from catalog.outputs import feeds as productfeeds

BASE = "https://uji.example.org/"
G = "{http://base.google.com/ns/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"
EXTRA = {
    # a price but no photo: in produk.json only
    "ikm/topeng-uji/products/topeng-kelana.md": "---\nname: Topeng Kelana\ncategory: topeng\nprice: 450000\n"
    "added: 2026-05-02\n---\nTopeng kayu.\n",
    # a photo but no price: in produk.json only
    "ikm/topeng-uji/products/topeng-panji.md": "---\nname: Topeng Panji\ncategory: topeng\nimages: [panji.jpg]\n"
    "stock: sold_out\n---\n",
    "ikm/topeng-uji/products/panji.jpg": jpeg(1200, 900, "red"),
    "ikm/kerupuk-uji/products/kerupuk-draf.md": PRODUCT.replace(
        "name: Kerupuk Melarat", "name: Kerupuk Draf"
    ),
}


@pytest.fixture
def built(site):
    draft = EXTRA["ikm/kerupuk-uji/products/kerupuk-draf.md"].replace("featured: true", "draft: true")
    content = site({**EXTRA, "ikm/kerupuk-uji/products/kerupuk-draf.md": draft})
    opts = options(content)
    stats = pipeline.build(opts)
    return opts.out, stats


def test_google_merchant_feed(built):
    out, stats = built
    channel = ElementTree.parse(out / "feeds/google-merchant.xml").getroot().find("channel")
    items = {item.findtext(f"{G}id"): item for item in channel.findall("item")}
    assert sorted(items) == ["kerupuk-uji/kerupuk-melarat"]  # the only one with a price and a photo
    item = items["kerupuk-uji/kerupuk-melarat"]
    assert item.findtext(f"{G}title") == "Kerupuk Melarat"
    assert item.findtext(f"{G}price") == "15000.00 IDR"
    assert item.findtext(f"{G}availability") == "in_stock"
    assert item.findtext(f"{G}brand") == "Kerupuk Uji"
    assert item.findtext(f"{G}condition") == "new"
    assert item.findtext(f"{G}product_type") == "Makanan > Kerupuk"
    assert item.findtext(f"{G}description").startswith("Kerupuk pasir khas Cirebon.")
    assert item.findtext(f"{G}link") == BASE + "ikm/kerupuk-uji/kerupuk-melarat/"
    image = item.findtext(f"{G}image_link")
    assert image.startswith(BASE + "img/") and image.endswith(".jpg")
    assert (out / image.removeprefix(BASE)).is_file()
    assert stats.feeds_skipped == productfeeds.Skipped(no_price=1, no_photo=2)  # sirup-uji has no photo


def test_meta_catalog_csv(built):
    out, _ = built
    rows = list(csv.DictReader(io.StringIO((out / "feeds/meta-catalog.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == productfeeds.META_COLUMNS
    assert [(r["id"], r["price"], r["availability"], r["condition"]) for r in rows] == [
        ("kerupuk-uji/kerupuk-melarat", "15000.00 IDR", "in stock", "new")
    ]
    assert rows[0]["link"] == BASE + "ikm/kerupuk-uji/kerupuk-melarat/"


def test_products_json_lists_every_published_product_as_its_page_shows_it(built):
    out, _ = built
    data = json.loads((out / "produk.json").read_text(encoding="utf-8"))
    products = {p["id"]: p for p in data["products"]}
    assert sorted(products) == [
        "kerupuk-uji/kerupuk-melarat",
        "kerupuk-uji/sirup-uji",
        "topeng-uji/topeng-kelana",
        "topeng-uji/topeng-panji",
    ]  # the draft is not there
    assert data["count"] == 4 and data["url"] == BASE
    sirup = products["kerupuk-uji/sirup-uji"]
    assert sirup["price_idr"] == {"from": 20000, "to": 35000} and sirup["category_path"] == [
        "Makanan",
        "Sirup",
    ]
    assert products["topeng-uji/topeng-panji"]["price_idr"] is None
    assert products["topeng-uji/topeng-panji"]["stock"] == "sold_out"
    for product in products.values():
        assert product["url"].startswith(BASE)
        page = soup(out, "/" + product["url"].removeprefix(BASE))
        assert page.h1.get_text(strip=True) == product["name"]
        for image in product["images"]:
            assert (out / image.removeprefix(BASE)).is_file()
    melarat = soup(out, "/ikm/kerupuk-uji/kerupuk-melarat/")
    assert (
        "Rp\u00a015.000" in melarat.get_text()
        and products["kerupuk-uji/kerupuk-melarat"]["price_idr"]["from"] == 15000
    )


def test_atom_feed_of_the_newest_products(built):
    out, _ = built
    feed = ElementTree.parse(out / "feeds/produk-baru.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Topeng Kelana — Topeng Uji",
        "Kerupuk Melarat — Kerupuk Uji",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == BASE + "ikm/topeng-uji/topeng-kelana/"
    assert feed.findtext(f"{ATOM}updated") == "2026-05-02T00:00:00Z"
    home = soup(out, "/")
    alternate = home.find("link", attrs={"type": "application/atom+xml"})
    assert alternate["href"] == "/feeds/produk-baru.xml"


def test_the_build_says_what_the_feeds_left_out(built, capsys):
    out, _ = built
    content = out.parent / "content"
    status = cli.main(["--content", str(content), "--out", str(out.parent / "again"), "--no-pdf"])
    assert status == 0
    printed = capsys.readouterr().out
    assert "Umpan Google dan Meta: 1 produk tanpa harga dan 2 produk tanpa foto tidak dimasukkan" in printed


def test_long_addresses_get_ids_google_accepts():
    long = Product(slug="kain-batik-tulis-mega-mendung-biru-tua-sekali", business="batik-tulis-mega-mendung-sari",
                   name="x", category="c", source="s")  # fmt: skip
    short = Product(slug="kaos", business="kaos-uji", name="x", category="c", source="s")
    assert productfeeds.feed_id(short) == "kaos-uji/kaos"
    assert len(productfeeds.feed_id(long)) <= 50 and "--" not in productfeeds.feed_id(long)
    assert productfeeds.feed_id(long) != productfeeds.feed_id(
        Product(**{**_fields(long), "slug": long.slug + "x"})
    )


def _fields(product: Product) -> dict[str, object]:
    return {"slug": product.slug, "business": product.business, "name": product.name,
            "category": product.category, "source": product.source}  # fmt: skip


def test_the_preview_leaves_the_feeds_out(site):
    """Like the PDFs: `serve` builds pages; its quick edits could not keep feeds current."""
    content = site()
    opts = options(content, feeds=False)
    pipeline.build(opts)
    assert not (opts.out / "produk.json").exists() and not (opts.out / "feeds").exists()


def test_feeds_are_reserved_addresses(site):
    found = problems(site({"pages/feeds.md": "# Umpan\n"}))
    assert len(found) == 1 and found[0].startswith("pages/feeds.md:1:")
