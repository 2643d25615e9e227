"""Legal numbers on display (issue 15): a product shows its own numbers, and its business's
of every kind it has none of itself, on its page, in its JSON-LD, in /produk.json and in its
printed cell; the store page and brochure show the business's NIB and certificates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BUSINESS, PRODUCT, base_files, options, write_files
from pypdf import PdfReader

from catalog import cms, pipeline

NIB = "0220103344556"
SHOP_HALAL = "ID32110000000000001"
SHOP_PIRT = "P-IRT 2063274010999-29"
OWN_HALAL = "ID32110000123450823"
OWN_PIRT = "P-IRT No. 2063274010123-30"

SHOP = BUSINESS.replace(
    "certifications:\n  - type: other\n    number: 00123\n",
    f"nib: {NIB}\ncertifications:\n  - type: halal\n    number: {SHOP_HALAL}\n"
    f"  - type: pirt\n    number: {SHOP_PIRT}\n",
)
# Written P-IRT first: every page lists the kinds in one order, halal first.
OWN = PRODUCT.replace(
    "featured: true\n",
    f"featured: true\ncertifications:\n  - type: pirt\n    number: {OWN_PIRT}\n"
    f"  - type: halal\n    number: {OWN_HALAL}\n",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, PDFs included: Kerupuk Melarat has its own halal and P-IRT, Sirup
    Uji none, its business a halal, a P-IRT and an NIB."""
    root = tmp_path_factory.mktemp("legal")
    files = {
        **base_files(),
        "ikm/kerupuk-uji/index.md": SHOP,
        "ikm/kerupuk-uji/products/kerupuk-melarat.md": OWN,
    }
    content = write_files(root / "content", files)
    opts = options(content, pdf=True)
    pipeline.build(opts)
    return opts.out


def page(out: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((out / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def badges(soup: BeautifulSoup) -> list[str]:
    """The product's certificates beside its price, as text a buyer reads."""
    return [" ".join(li.get_text(" ").split()) for li in soup.select(".buy-legal li")]


def structured(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_a_product_shows_its_own_numbers_not_its_businesss(built):
    shown = badges(page(built, "ikm/kerupuk-uji/kerupuk-melarat"))
    assert shown == [f"Halal {OWN_HALAL}", "P-IRT 2063274010123-30"]


def test_a_product_without_numbers_shows_its_businesss(built):
    shown = badges(page(built, "ikm/kerupuk-uji/sirup-uji"))
    assert shown == [f"Halal {SHOP_HALAL}", "P-IRT 2063274010999-29"]


def test_the_product_page_names_the_business_nib_not_its_certificates(built):
    maker = page(built, "ikm/kerupuk-uji/kerupuk-melarat").select_one(".maker")
    assert NIB in maker.get_text()
    assert SHOP_HALAL not in maker.get_text()


def test_the_store_page_shows_its_nib_and_certificates(built):
    soup = page(built, "ikm/kerupuk-uji")
    shown = [" ".join(li.get_text(" ").split()) for li in soup.select(".store-aside .cert")]
    assert shown == [f"NIB {NIB}", f"Halal {SHOP_HALAL}", "P-IRT 2063274010999-29"]
    data = structured(soup)
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "NIB", "value": NIB}
    assert [c["certificationIdentification"] for c in data["hasCertification"]] == [
        SHOP_HALAL,
        "2063274010999-29",
    ]


def test_json_ld_has_the_certificates_that_apply(built):
    own = structured(page(built, "ikm/kerupuk-uji/kerupuk-melarat"))["hasCertification"]
    assert {c["name"]: (c["certificationIdentification"], c["issuedBy"]["name"]) for c in own} == {
        "Halal": (OWN_HALAL, "BPJPH"),
        "P-IRT": ("2063274010123-30", "Dinas Kesehatan"),
    }
    assert all(c["@type"] == "Certification" for c in own)
    inherited = structured(page(built, "ikm/kerupuk-uji/sirup-uji"))["hasCertification"]
    assert [c["certificationIdentification"] for c in inherited] == [SHOP_HALAL, "2063274010999-29"]


def test_open_data_carries_the_numbers_and_whose_they_are(built):
    data = json.loads((built / "produk.json").read_text(encoding="utf-8"))
    by_id = {p["id"]: p for p in data["products"]}
    assert by_id["kerupuk-uji/kerupuk-melarat"]["certifications"] == [
        {"type": "pirt", "number": OWN_PIRT, "holder": "product"},
        {"type": "halal", "number": OWN_HALAL, "holder": "product"},
    ]
    assert by_id["kerupuk-uji/sirup-uji"]["certifications"] == [
        {"type": "halal", "number": SHOP_HALAL, "holder": "business"},
        {"type": "pirt", "number": SHOP_PIRT, "holder": "business"},
    ]
    assert by_id["kerupuk-uji/sirup-uji"]["business"]["nib"] == NIB
    # Google's `certification` is for EU energy labels and vehicle CO2 classes: not used.
    assert "certification" not in (built / "feeds/google-merchant.xml").read_text(encoding="utf-8")


def test_printed_cells_carry_each_products_numbers(built):
    text = " ".join(PdfReader(built / "ikm/kerupuk-uji/brosur.pdf").pages[0].extract_text().split())
    assert f"NIB {NIB}" in text  # the profile
    assert text.count(OWN_HALAL) == 1  # Kerupuk Melarat's cell
    assert text.count("2063274010123-30") == 1
    assert text.count(SHOP_HALAL) == 2  # the profile and Sirup Uji's cell
    assert text.count("2063274010999-29") == 2
    assert "P-IRT No." not in text  # the label is printed once


@pytest.mark.skipif(cms.decap_version() is None, reason="`npm ci` installs Decap CMS")
def test_the_product_form_takes_its_own_numbers(built):
    from test_cms import desk

    for form in ("produk-kerupuk-uji", "produk-yaml-kerupuk-uji"):
        fields = next(c for c in desk(built, "kerupuk-uji")["collections"] if c["name"] == form)["fields"]
        certifications = next(f for f in fields if f["name"] == "certifications")
        kind, number = certifications["fields"]
        assert certifications["widget"] == "list"
        assert (kind["widget"], [o["value"] for o in kind["options"]]) == (
            "select",
            ["halal", "pirt", "bpom", "sni", "haki", "other"],
        )
        assert (number["name"], number["widget"]) == ("number", "string")
