"""catalog/content/legal.py: the shapes of legal numbers, and what a P-IRT number encodes."""

from __future__ import annotations

import pytest

from catalog.content import legal
from catalog.core.messages import MESSAGES, message


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        ("halal", "ID32110000123450823"),
        ("halal", "ID 3211 0000 1234 50823"),
        ("pirt", "2063274010123-27"),
        ("pirt", "P-IRT 2063274010123-27"),
        ("pirt", "P-IRT No. 206 3274 01 0123-27"),
        ("pirt", "PIRT No: 206327401012327"),
        ("bpom", "MD 224510001234"),
        ("bpom", "BPOM RI MD 224510001234"),
        ("bpom", "ML224510001234"),
        ("nib", "9120301234567"),
        ("nib", "9120 3012 34567"),
        ("sni", "SNI 8302:2016"),
        ("haki", "IDM000612345"),
        ("other", "00123"),
    ],
)
def test_well_shaped_numbers_pass(kind, number):
    assert legal.shape_error(kind, number) is None


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        ("halal", "01211234560219"),  # the old MUI number: not a BPJPH certificate
        ("halal", "ID3211000012345082"),  # 16 digits
        ("halal", "ID321100001234508231"),  # 18 digits
        ("pirt", "2063274010123-2"),
        ("pirt", "206327401012-327"),
        ("pirt", "P-IRT 2063274010123-27 / 2063274010124-27"),
        ("bpom", "MK 224510001234"),
        ("bpom", "BPOM RI MD 22451000123"),
        ("bpom", "224510001234"),
        ("nib", "912030123456"),
        ("nib", "NIB 9120301234567"),
    ],
)
def test_wrong_shapes_name_the_expected_shape(kind, number):
    key = legal.shape_error(kind, number)
    assert key == f"legal_{kind}_shape"
    assert "contoh" in message(key) and "e.g." in message(key, "en")


def test_every_kind_with_a_shape_has_its_message():
    assert {f"legal_{kind}_shape" for kind in ("halal", "pirt", "bpom", "nib")} <= MESSAGES.keys()
    assert legal.KINDS == ("halal", "pirt", "bpom", "sni", "haki", "other")


def test_digits_drop_prefixes_and_separators():
    assert legal.digits("P-IRT No. 2063274010123-27") == "206327401012327"
    assert legal.digits("BPOM RI MD 224510001234") == "224510001234"
    assert legal.digits("ID32110000123450823") == "32110000123450823"


def test_a_pirt_number_tells_its_region_and_expiry_year():
    assert legal.pirt_region("P-IRT No. 2063274010123-27") == "3274"
    assert legal.pirt_region("2063209010123-27") == "3209"
    assert legal.pirt_expiry_year("P-IRT No. 2063274010123-27") == 2027
    assert legal.pirt_expiry_year("206 3274 01 0123-05") == 2005
