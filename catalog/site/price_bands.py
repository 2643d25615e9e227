"""Price bands: the search page's price filter and each record's bands, one list of edges."""

from __future__ import annotations

import itertools
from typing import Any

from catalog.content.model import Price
from catalog.site.theme import rupiah

PRICE_BANDS = (25_000, 50_000, 100_000, 250_000, 500_000)  # band edges, in rupiah


def price_bands(price: Price | None) -> list[str]:
    """The ids of the price bands a price (or a range) falls in: "0-25000", …, "500000-"."""
    if price is None:
        return []
    high = price.high or price.low
    return [
        band for band, (low_edge, high_edge) in _bands()
        if high >= low_edge and (high_edge is None or price.low < high_edge)
    ]  # fmt: skip


def search_bands(strings: Any) -> list[tuple[str, str]]:
    """Every price band as (id, label), cheapest first."""
    labels = []
    for band, (low, high) in _bands():
        if low == 0:
            labels.append((band, strings("band_under", price=rupiah(high))))
        elif high is None:
            labels.append((band, strings("band_over", price=rupiah(low))))
        else:
            labels.append((band, f"{rupiah(low)} – {rupiah(high)}"))
    return labels


def _bands() -> list[tuple[str, tuple[int, int | None]]]:
    edges = (0, *PRICE_BANDS, None)
    return [(f"{low}-{high or ''}", (low, high)) for low, high in itertools.pairwise(edges)]
