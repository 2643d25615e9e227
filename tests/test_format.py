import datetime as dt

from catalog.content.model import Price
from catalog.content.schema import normalize_whatsapp
from catalog.site.theme import long_date, number, price_text, rupiah


def test_rupiah_and_ranges():
    assert rupiah(185000) == "Rp 185.000"
    assert rupiah(0) == "Rp 0"
    assert number(1028) == "1.028"
    assert price_text(Price(150000, 250000), "x") == "Rp 150.000 – Rp 250.000"
    assert price_text(None, "Harga hubungi penjual") == "Harga hubungi penjual"


def test_dates():
    assert long_date(dt.date(2026, 3, 14)) == "14 Maret 2026"
    assert long_date(dt.date(2026, 8, 1), "en") == "1 August 2026"


def test_whatsapp_forms():
    for written in ("0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 3456.7890"):
        assert normalize_whatsapp(written) == "6281234567890"
