"""schema.org structured data for search engines: LocalBusiness for stores, Product + Offer.

Pure functions from the model (and the absolute URLs already decided by the views) to
the JSON text of a `<script type="application/ld+json">`.
"""

from __future__ import annotations

import json
from typing import Any

from catalog.content import legal
from catalog.content.model import Business, Certification, Product

_AVAILABILITY = {
    "available": "https://schema.org/InStock",
    "preorder": "https://schema.org/PreOrder",
    "sold_out": "https://schema.org/SoldOut",
}
# What schema.org's `Certification` names: the kind as printed on packaging, and who issues it.
_CERT_NAMES = {"halal": "Halal", "pirt": "P-IRT", "bpom": "BPOM RI", "sni": "SNI", "haki": "HaKI"}
_ISSUERS = {
    "halal": "BPJPH",
    "pirt": "Dinas Kesehatan",
    "bpom": "BPOM",
    "haki": "Direktorat Jenderal Kekayaan Intelektual",
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
    if business.nib:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "NIB", "value": business.nib}
    if business.certifications:
        data["hasCertification"] = certifications(business.certifications)
    return dumps(data)


def product(
    item: Product,
    maker: str,
    url: str,
    category_path: str,
    images: list[str],
    held: tuple[Certification, ...] = (),
) -> str:
    """The Product with its Offer; `held` are the certificates that apply to it (its own and
    its business's, `Catalog.certifications_of`)."""
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
    if held:
        data["hasCertification"] = certifications(held)
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


def certifications(held: tuple[Certification, ...]) -> list[dict[str, Any]]:
    """schema.org `Certification`s: a free-text one (`other`) is named by its own text."""
    found = []
    for cert in held:
        number = legal.bare_number(cert.type, cert.number) if cert.number else None
        name = _CERT_NAMES.get(cert.type) or number
        if name is None:
            continue
        data: dict[str, Any] = {"@type": "Certification", "name": name}
        if number and cert.type in _CERT_NAMES:
            data["certificationIdentification"] = number
        if cert.type in _ISSUERS:
            data["issuedBy"] = {"@type": "Organization", "name": _ISSUERS[cert.type]}
        found.append(data)
    return found
