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
# Ordering facts in schema.org's terms: PaymentMethodType members (QRIS and e-wallets have
# none, so they are named as text), DeliveryMethod instances (GoodRelations' own fleet for
# delivery in town, schema.org's ParcelService for couriers).
_PAYMENTS = {
    "qris": "QRIS",
    "transfer": "https://schema.org/ByBankTransferInAdvance",
    "cod": "https://schema.org/COD",
    "ewallet": "E-wallet",
    "tunai": "https://schema.org/Cash",
}
_PAYMENT_NAMES = {
    "qris": "QRIS", "transfer": "Transfer bank", "cod": "COD", "ewallet": "E-wallet", "tunai": "Tunai",
}  # fmt: skip
_DELIVERY = {
    "ambil": "https://schema.org/OnSitePickup",
    "antar": "http://purl.org/goodrelations/v1#DeliveryModeOwnFleet",
    "kurir": "https://schema.org/ParcelService",
}
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
    if business.payments:
        data["paymentAccepted"] = ", ".join(_PAYMENT_NAMES[p] for p in business.payments)
    return dumps(data)


def product(
    item: Product,
    maker: str,
    url: str,
    category_path: str,
    images: list[str],
    held: tuple[Certification, ...] = (),
    seller: Business | None = None,
) -> str:
    """The Product with its Offer; `held` are the certificates that apply to it (its own and
    its business's, `Catalog.certifications_of`); the `seller`'s payments and delivery are
    the Offer's terms."""
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
    if item.shelf_life_days:  # schema.org has no shelf-life property of its own
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": "Masa simpan",
            "value": item.shelf_life_days,
            "unitCode": "DAY",
        }
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
        offer.update(_terms(item, seller))
        data["offers"] = offer
    return dumps(data)


def _terms(item: Product, seller: Business | None) -> dict[str, Any]:
    """An Offer's ordering facts: payment, delivery, minimum quantity, days to make."""
    terms: dict[str, Any] = {}
    if seller is not None and seller.payments:
        terms["acceptedPaymentMethod"] = [_PAYMENTS[p] for p in seller.payments]
    if seller is not None and seller.delivery:
        terms["availableDeliveryMethod"] = [_DELIVERY[d] for d in seller.delivery]
    if item.min_order and item.min_order > 1:
        terms["eligibleQuantity"] = {"@type": "QuantitativeValue", "minValue": item.min_order}
    if item.preorder_days:
        days = {"@type": "QuantitativeValue", "maxValue": item.preorder_days, "unitCode": "DAY"}
        terms["deliveryLeadTime"] = days
    return terms


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
