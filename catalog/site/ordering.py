"""Ordering on WhatsApp: what a product page offers to order, and the texts it sends.

The page's script (static/js/order.js) writes the message for the variant and quantity a
buyer picks, from the same UI strings (`msg_*`) this module fills for the link that works
without scripts; so both say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from catalog.content.model import Business, Product
from catalog.site.theme import price_text, rupiah

WHATSAPP_CATALOG_LIMIT = 500  # items WhatsApp Business takes from one catalog file


@dataclass(frozen=True)
class OrderOption:
    """One choice of the variant picker (the product itself when it has no variants)."""

    name: str | None
    price: int | None  # the unit price, None when the seller has to say it


@dataclass(frozen=True)
class OrderView:
    """What the order form and its script need: the seller, the choices, the words."""

    seller: str  # business slug: the basket groups by it
    seller_name: str
    whatsapp: str
    url: str  # the page's absolute address, named in the message
    options: tuple[OrderOption, ...]
    min_quantity: int
    price_text: str  # the page's price (a range, or "on request") when no option has one


def ordering(
    t: Callable[..., str], business: Business, product: Product, url: str
) -> tuple[str | None, OrderView | None]:
    """A product page's order link (None without the seller's WhatsApp) and its form (None
    for a sold-out product, which only asks when it is back)."""
    if not business.whatsapp:
        return None, None
    if product.stock == "sold_out":
        text = t("order_message", business=business.name, product=product.name, url=url)
        return wa_link(business.whatsapp, text), None
    on_request = t("price_on_request")
    view = OrderView(
        seller=business.slug,
        seller_name=business.name,
        whatsapp=business.whatsapp,
        url=url,
        options=options(product),
        min_quantity=product.min_order or 1,
        price_text=price_text(product.price, on_request),
    )
    text = order_text(t, business, product, url)
    return wa_link(business.whatsapp, text), view


def sellable(product: Product) -> bool:
    """Meta's catalog (and so WhatsApp Business's) needs a price and a photo."""
    return product.price is not None and bool(product.images)


def wa_link(number: str, text: str) -> str:
    return f"https://wa.me/{number}?text={quote(text, safe='')}"


def options(product: Product) -> tuple[OrderOption, ...]:
    """The variants with their unit prices: a variant without its own price costs the
    product's price when that is one number; a range says nothing about one variant."""
    single = product.price.low if product.price and product.price.high is None else None
    if not product.variants:
        return (OrderOption(None, single),)
    return tuple(OrderOption(v.name, v.price if v.price is not None else single) for v in product.variants)


def order_text(t: Callable[..., str], business: Business, product: Product, url: str) -> str:
    """The message of the plain link (no script): one item, the smallest quantity, the
    first variant only when it is the only one; a range or no price asks for the price."""
    choice = options(product)
    first = choice[0] if len(choice) == 1 else OrderOption(None, None)
    quantity = product.min_order or 1
    unit = product.unit or t("unit_default")
    lines = [t("msg_greeting", business=business.name), "", product.name]
    if first.name:
        lines.append(t("msg_variant", variant=first.name))
    if first.price is not None:
        lines.append(t("msg_unit_price", price=rupiah(first.price), unit=unit))
    elif product.price is not None:
        lines.append(t("msg_price", price=price_text(product.price, t("price_on_request"))))
    else:
        lines.append(t("msg_ask_price"))
    lines.append(t("msg_quantity", n=quantity, unit=unit))
    if first.price is not None:
        lines.append(t("msg_subtotal", price=rupiah(first.price * quantity)))
    lines += ["", url, "", t("msg_closing" if first.price is not None else "msg_closing_ask")]
    return plain("\n".join(lines))


def plain(text: str) -> str:
    """A message with ordinary spaces: the page keeps "Rp" to its number with a no-break
    space, which a seller copying a figure out of a chat does not need."""
    return text.replace("\u00a0", " ")


def greeting_text(t: Callable[..., str], business: Business, site_title: str, url: str) -> str:
    """The store page's "Chat WhatsApp": a greeting that says where the buyer found the shop."""
    return t("msg_store_greeting", business=business.name, site=site_title, url=url)
