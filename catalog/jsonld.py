"""schema.org structured data for search engines: LocalBusiness for stores, Product + Offer.

Pure functions from the model (and the absolute URLs already decided by the views) to
the JSON text of a `<script type="application/ld+json">`.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Business, Product

_AVAILABILITY = {
    "available": "https://schema.org/InStock",
    "preorder": "https://schema.org/PreOrder",
    "sold_out": "https://schema.org/SoldOut",
}


def dumps(data: dict[str, Any]) -> str:
    """JSON for a `<script type="application/ld+json">`: `<` escaped so no tag can close it."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def website(name: str, url: str) -> str:
    return dumps({"@context": "https://schema.org", "@type": "WebSite", "name": name, "url": url})


def local_business(business: Business, url: str, image: str | None) -> str:
    address = {
        "@type": "PostalAddress",
        "addressLocality": business.district or "Kota Cirebon",
        "addressRegion": "Jawa Barat",
        "addressCountry": "ID",
    }
    if business.address:
        address["streetAddress"] = business.address
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": business.name,
        "url": url,
        "address": address,
    }
    if business.tagline:
        data["description"] = business.tagline
    if business.whatsapp or business.phone:
        data["telephone"] = f"+{business.whatsapp}" if business.whatsapp else business.phone
    if business.email:
        data["email"] = business.email
    if image:
        data["image"] = image
    same_as = [url for _, url in business.socials] + [url for _, url in business.marketplaces]
    if business.website:
        same_as.insert(0, business.website)
    if same_as:
        data["sameAs"] = same_as
    if business.since:
        data["foundingDate"] = str(business.since)
    return dumps(data)


def product(item: Product, maker: str, url: str, category_path: str, images: list[str]) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": item.name,
        "url": url,
        "brand": {"@type": "Brand", "name": maker},
        "category": category_path,
    }
    if item.summary:
        data["description"] = item.summary
    if images:
        data["image"] = images
    if item.sku:
        data["sku"] = item.sku
    if item.price is not None:
        offer: dict[str, Any] = {
            "priceCurrency": "IDR",
            "availability": _AVAILABILITY[item.stock],
            "url": url,
            "seller": {"@type": "Organization", "name": maker},
        }
        if item.price.high is not None:
            offer.update(
                {"@type": "AggregateOffer", "lowPrice": item.price.low, "highPrice": item.price.high}
            )
        else:
            offer.update({"@type": "Offer", "price": item.price.low})
        data["offers"] = offer
    return dumps(data)
