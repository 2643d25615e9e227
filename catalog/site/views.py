"""Model to what templates see: one small frozen record per card, page and link.

Templates never walk the model: every list is sorted, every URL built, every picture
planned here (which also enqueues its encoding). Records are frozen dataclasses, so
their `repr` is a stable fingerprint of what a page shows (see `render`).
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from catalog.content import legal
from catalog.content.markup import first_paragraph_text
from catalog.content.model import (
    Business,
    Catalog,
    Category,
    Certification,
    ImageRef,
    Page,
    Product,
)
from catalog.core import urls
from catalog.images.store import ImageStore, Picture
from catalog.site import jsonld, ordering
from catalog.site.price_bands import search_bands
from catalog.site.view_records import (
    BusinessCard,
    BusinessView,
    Certificate,
    Link,
    Meta,
    PageView,
    Pagination,
    PdfLink,
    ProductCard,
    ProductView,
    SiteView,
)

NEW_PRODUCTS = 8
RELATED_PRODUCTS = 4
RELATED_SCAN = 200
PAGE_WINDOW = 2
DEFAULT_THEME_COLOR = "#1f3a5f"
STORY_IMAGE_SIZES = "(min-width: 800px) 760px, 100vw"
_IMG_TAG = re.compile(r"<img\b[^>]*>")


def _once(method: Callable[[ViewBuilder], PageView]) -> Callable[[ViewBuilder], PageView]:
    """A page made once per builder: the live preview compares it after every edit."""

    @functools.wraps(method)
    def made(self: ViewBuilder) -> PageView:
        if method.__name__ not in self.made:
            self.made[method.__name__] = method(self)
        return self.made[method.__name__]

    return made


class ViewBuilder:
    """Builds every `PageView` of the site from the catalog, in a stable order."""

    def __init__(
        self,
        catalog: Catalog,
        images: ImageStore,
        strings: Callable[..., str],
        brochures: dict[str, int] | None = None,
        search: bool = False,
    ) -> None:
        self.catalog = catalog
        self.searchable = search  # a search index is built with the site (search.py)
        self.brochures = brochures or {}  # site path of each brochure to be built -> its pages
        self.images = images
        self.t = strings
        self.urls = urls.Urls(catalog.site.base_url)
        self.categories = catalog.categories
        # Made when first asked for: the live preview builds a few pages of a large catalog.
        self.business_cards = _Lazy(lambda slug: self.business_card(catalog.business_by_slug[slug]))
        self.product_cards = _Lazy(lambda key: self.product_card(catalog.product_by_key[key]))
        self.business_views: dict[str, BusinessView] = {}
        self.made: dict[str, PageView] = {}  # the pages of `_once` methods
        self.choices: dict[str, list[tuple[str, str]]] | None = None
        self.suggestions: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.category_position = _Lazy(
            lambda slug: {p.key: i for i, p in enumerate(catalog.products_in_category[slug])}
        )
        self.site = self.site_view()

    def release(self) -> None:
        """Drop the caches, whose makers refer back to this builder: without that cycle the
        builder is freed as soon as the live preview lets go of it (see preview.settle)."""
        self.business_cards = self.product_cards = self.category_position = {}  # type: ignore[assignment]

    # -- small pieces ------------------------------------------------------------------
    def picture(self, ref: ImageRef | None) -> Picture | None:
        return None if ref is None else self.images.picture(ref)

    def link(self, path: str) -> str:
        return self.urls.link(path)

    def category_link(self, category: Category) -> Link:
        count = len(self.catalog.products_in_category[category.slug])
        return Link(category.name, self.link(urls.category(category.slug)), count)

    def crumbs(self, *links: Link) -> tuple[Link, ...]:
        return (Link(self.t("home"), self.link("/")), *links)

    def category_crumbs(self, category: Category) -> tuple[Link, ...]:
        chain = [self.categories[slug] for slug in category.ancestors] + [category]
        return tuple(Link(c.name, self.link(urls.category(c.slug))) for c in chain)

    def meta(self, kind: str, path: str, title: str, **extra: Any) -> Meta:
        picture = extra.pop("picture", None) or self.site.logo
        if picture is not None:
            extra.update(
                image=self.urls.absolute("/" + picture.fallback.path),
                image_width=picture.fallback.width,
                image_height=picture.fallback.height,
            )
        description = extra.pop("description", None) or self.catalog.site.tagline or ""
        return Meta(kind, path, title, self.urls.absolute(path), description, **extra)

    def business_card(self, business: Business) -> BusinessCard:
        products = self.catalog.products_of_business[business.slug]
        names = {self.categories[self.categories[p.category].top].name for p in products}
        return BusinessCard(
            name=business.name,
            url=self.link(urls.business(business.slug)),
            logo=self.picture(business.logo),
            cover=self.picture(business.cover),
            tagline=business.tagline,
            kind=business.kind,
            district=business.district,
            product_count=len(products),
            categories=tuple(sorted(names)),
            initial=_initial(business.name),
        )

    def product_card(self, product: Product) -> ProductCard:
        business = self.catalog.business_by_slug[product.business]
        return ProductCard(
            name=product.name,
            url=self.link(urls.product(product.business, product.slug)),
            picture=self.picture(product.images[0] if product.images else None),
            alt=f"{product.name} — {business.name}",
            price=product.price,
            unit=product.unit,
            stock=product.stock,
            business_name=business.name,
            district=business.district,
            showroom=product.showroom and self.catalog.site.showroom is not None,
        )

    def site_view(self) -> SiteView:
        site = self.catalog.site
        contact = site.contact
        menu = tuple(Link(p.title, self.link(urls.page(p.slug))) for p in self.catalog.pages if p.menu)
        floors = tuple(self.category_link(c) for c in self.catalog.top_categories)
        districts = {b.district for b in self.catalog.businesses if b.district}
        return SiteView(
            title=site.title,
            tagline=site.tagline,
            publisher=site.publisher,
            language=site.language,
            logo=self.picture(site.logo),
            address=contact.address,
            phone=contact.phone,
            email=contact.email,
            whatsapp=contact.whatsapp,
            whatsapp_url=f"https://wa.me/{contact.whatsapp}" if contact.whatsapp else None,
            menu=menu,
            floors=floors,
            base_url=site.base_url,
            theme_color=site.primary or DEFAULT_THEME_COLOR,
            search=self.searchable,
            showroom=site.showroom,
            basket_url=self.link(urls.basket()),
            stats={
                "businesses": len(self.catalog.businesses),
                "products": len(self.catalog.products),
                "districts": len(districts),
            },
        )

    # -- pages -------------------------------------------------------------------------
    def pages(self) -> list[PageView]:
        """Every HTML page of the site, in output order."""
        result = [self.home(), self.directory(), self.search(), self.catalogs(), self.not_found()]
        result += [self.basket()]
        for category in self.categories.values():
            result += self.category_pages(category)
        for business in self.catalog.businesses:
            result.append(self.business_page(business))
            result += [self.product_page(p) for p in self.catalog.products_of_business[business.slug]]
        result += [self.free_page(p) for p in self.catalog.pages]
        return result

    @_once
    def home(self) -> PageView:
        catalog = self.catalog
        featured_businesses = [self.business_cards[b.slug] for b in catalog.businesses if b.featured]
        featured_products = [self.product_cards[p.key] for p in catalog.products if p.featured]
        dated = heapq.nlargest(
            NEW_PRODUCTS, (p for p in catalog.products if p.added), key=lambda p: (p.added, p.key)
        )
        floors = []
        for top in catalog.top_categories:
            children = tuple(self.category_link(self.categories[c]) for c in top.children)
            sample = [self.product_cards[p.key] for p in catalog.products_in_category[top.slug][:4]]
            link = self.category_link(top)
            floors.append(
                {
                    "link": link,
                    "description": top.description,
                    "children": children,
                    "products": sample,
                    "slug": top.slug,
                }
            )
        data = {
            "featured_businesses": featured_businesses,
            "featured_products": featured_products,
            "new_products": [self.product_cards[p.key] for p in dated],
            "floors": floors,
        }
        structured = jsonld.website(catalog.site.title, catalog.site.base_url)
        meta = self.meta("home", "/", self.catalog.site.title, jsonld=structured)
        return PageView("/", "home.html", meta, data)

    def category_pages(self, category: Category) -> list[PageView]:
        products = self.catalog.products_in_category[category.slug]
        pages = max(1, -(-len(products) // self.catalog.site.per_page))
        return [self.category_page(category, number) for number in range(1, pages + 1)]

    def category_page(self, category: Category, number: int) -> PageView:
        """Page `number` (from 1) of a category's listing."""
        products = self.catalog.products_in_category[category.slug]
        per_page = self.catalog.site.per_page
        pages = max(1, -(-len(products) // per_page))
        subcategories = tuple(self.category_link(self.categories[c]) for c in category.children)
        crumbs = self.crumbs(*self.category_crumbs(category))
        path = urls.category(category.slug, number)
        links = tuple(
            Link(str(n), self.link(urls.category(category.slug, n)), int(n == number)) if n else Link("…", "")
            for n in _page_window(number, pages)
        )
        pagination = Pagination(
            number,
            pages,
            self.link(urls.category(category.slug, number - 1)) if number > 1 else None,
            self.link(urls.category(category.slug, number + 1)) if number < pages else None,
            links,
        )
        chunk = products[(number - 1) * per_page : number * per_page]
        title = category.name if number == 1 else f"{category.name} — {self.t('page_n', n=number)}"
        data = {
            "category": self.category_link(category),
            "slug": category.slug,
            "choices": self.search_choices(),
            "description": category.description,
            "subcategories": subcategories,
            "products": [self.product_cards[p.key] for p in chunk],
            "total": len(products),
            "pagination": pagination,
        }
        first_picture = next((p.picture for p in data["products"] if p.picture), None)
        meta = self.meta(
            "category",
            path,
            title,
            description=category.description,
            breadcrumbs=crumbs,
            picture=first_picture,
        )
        return PageView(path, "category.html", meta, data)

    @_once
    def directory(self) -> PageView:
        cards = [self.business_cards[b.slug] for b in self.catalog.businesses]
        letters: dict[str, list[BusinessCard]] = {}
        for card in cards:
            letters.setdefault(card.initial, []).append(card)
        districts = list(self.catalog.site.districts) or sorted({c.district for c in cards if c.district})
        by_district = [(d, [c for c in cards if c.district == d]) for d in districts]
        by_category = []
        for top in self.catalog.top_categories:
            members = [c for c in cards if top.name in c.categories]
            by_category.append((self.category_link(top), members))
        data = {
            "businesses": cards,
            "letters": sorted(letters.items()),
            "by_district": [(d, members) for d, members in by_district if members],
            "by_category": [(link, members) for link, members in by_category if members],
            "choices": self.search_choices(),
        }
        meta = self.meta("directory", "/ikm/", self.t("directory_title"), breadcrumbs=self.crumbs())
        return PageView("/ikm/", "directory.html", meta, data)

    def business_view(self, business: Business) -> BusinessView:
        """The store's details, built once: its page and every product page show them."""
        if business.slug in self.business_views:
            return self.business_views[business.slug]
        card = self.business_cards[business.slug]
        map_query = ", ".join(x for x in (business.address, business.district, "Kota Cirebon") if x)
        store = self.urls.absolute(urls.business(business.slug))
        greeting = ordering.greeting_text(self.t, business, self.catalog.site.title, store)
        view = BusinessView(
            card=card,
            owner=business.owner,
            since=business.since,
            address=business.address,
            map_url=f"https://www.google.com/maps/search/?api=1&query={quote(map_query)}"
            if business.address
            else None,
            whatsapp=business.whatsapp,
            whatsapp_url=ordering.wa_link(business.whatsapp, greeting) if business.whatsapp else None,
            phone=business.phone,
            phone_url="tel:" + "".join(ch for ch in business.phone if ch.isdigit() or ch == "+")
            if business.phone
            else None,
            email=business.email,
            website=business.website,
            socials=tuple(Link(name.capitalize(), url) for name, url in business.socials),
            marketplaces=tuple(Link(name.capitalize(), url) for name, url in business.marketplaces),
            nib=business.nib,
            certifications=certificates(business.certifications),
            story_html=self.with_pictures(business.story.html, business.story.images),
            payments=business.payments,
            delivery=business.delivery,
            whatsapp_catalog=self.link(urls.whatsapp_catalog(business.slug))
            if any(ordering.sellable(p) for p in self.catalog.products_of_business[business.slug])
            else None,
        )
        self.business_views[business.slug] = view
        return view

    def business_page(self, business: Business) -> PageView:
        card = self.business_cards[business.slug]
        products = self.catalog.products_of_business[business.slug]
        view = self.business_view(business)
        path = urls.business(business.slug)
        data = {
            "business": view,
            "products": [self.product_cards[p.key] for p in _available_first(products)],
            "brochure": self.brochure_link(business),
        }
        picture = card.cover or card.logo
        image = self.urls.absolute("/" + picture.fallback.path) if picture else None
        structured = jsonld.local_business(business, self.urls.absolute(path), image)
        meta = self.meta(
            "business",
            path,
            business.name,
            description=business.tagline or _first_words(business.story.html),
            picture=picture,
            og_type="profile",
            breadcrumbs=self.crumbs(Link(self.t("directory_title"), self.link("/ikm/"))),
            jsonld=structured,
        )
        return PageView(path, "business.html", meta, data)

    def product_page(self, product: Product) -> PageView:
        card = self.product_cards[product.key]
        business = self.catalog.business_by_slug[product.business]
        category = self.categories[product.category]
        path = urls.product(product.business, product.slug)
        order_url, order = ordering.ordering(self.t, business, product, self.urls.absolute(path))
        view = ProductView(
            card=card,
            pictures=tuple(p for ref in product.images if (p := self.picture(ref))),
            variants=tuple((v.name, v.price) for v in product.variants),
            material=product.material,
            size=product.size,
            weight_g=product.weight_g,
            min_order=product.min_order,
            sku=product.sku,
            tags=product.tags,
            certifications=certificates(self.catalog.certifications_of(product)),
            added=product.added,
            description_html=self.with_pictures(product.description.html, product.description.images),
            order_url=order_url,
            category=self.category_link(category),
            order=order,
            shelf_life_days=product.shelf_life_days,
            preorder_days=product.preorder_days,
        )
        maker = self.business_view(business)
        data = {"product": view, "maker": maker, "related": self.related(product)}
        crumbs = self.crumbs(*self.category_crumbs(category))
        meta = self.meta(
            "product",
            path,
            f"{product.name} — {business.name}",
            description=product.summary,
            picture=card.picture,
            og_type="product",
            breadcrumbs=crumbs,
            jsonld=jsonld.product(
                product,
                business.name,
                self.urls.absolute(path),
                " > ".join(link.name for link in self.category_crumbs(category)),
                [self.urls.absolute("/" + p.fallback.path) for p in view.pictures],
                self.catalog.certifications_of(product),
                business,
            ),
        )
        return PageView(path, "product.html", meta, data)

    def related(self, product: Product) -> list[ProductCard]:
        return [self.product_cards[key] for key in self.related_keys(product)]

    def related_keys(self, product: Product) -> list[tuple[str, str]]:
        """Neighbours in the same category from other makers, then more of the same maker.

        Walking from the product's own position keeps this linear (a category may hold
        thousands of products) and gives neighbouring products different suggestions.
        Kept per product: the live preview compares them after every edit.
        """
        if product.key not in self.suggestions:
            self.suggestions[product.key] = self._related_keys(product)
        return self.suggestions[product.key]

    def _related_keys(self, product: Product) -> list[tuple[str, str]]:
        siblings = self.catalog.products_in_category[product.category]
        start = self.category_position[product.category][product.key]
        chosen: dict[tuple[str, str], Product] = {}
        for offset in range(1, min(len(siblings), RELATED_SCAN)):
            candidate = siblings[(start + offset) % len(siblings)]
            if candidate.business != product.business:
                chosen.setdefault(candidate.key, candidate)
            if len(chosen) == RELATED_PRODUCTS:
                break
        for candidate in self.catalog.products_of_business[product.business]:
            if len(chosen) == RELATED_PRODUCTS:
                break
            if candidate.key != product.key:
                chosen.setdefault(candidate.key, candidate)
        return [p.key for p in _available_first(chosen.values())]

    def free_page(self, page: Page) -> PageView:
        path = urls.page(page.slug)
        data = {"title": page.title, "body_html": self.with_pictures(page.body.html, page.body.images)}
        description = page.description or _first_words(page.body.html)
        meta = self.meta("page", path, page.title, description=description, breadcrumbs=self.crumbs())
        return PageView(path, "page.html", meta, data)

    def search(self) -> PageView:
        """/cari/: the form's choices are written in the page, so it needs no index to show them."""
        meta = self.meta("search", "/cari/", self.t("search_title"), breadcrumbs=self.crumbs())
        data = {
            "choices": self.search_choices(),
            "types": [
                (k, self.t(f"result_{n}"))
                for k, n in (("produk", "product"), ("toko", "store"), ("kategori", "category"))
            ],
            # the "Ada di Galeri IKM" filter, when the site has a showroom with products on display
            "showroom": bool(self.catalog.site.showroom) and any(p.showroom for p in self.catalog.products),
        }
        return PageView("/cari/", "search.html", meta, data)

    def search_choices(self) -> dict[str, list[tuple[str, str]]]:
        """The filters' values (id, label) for the search page and the sorting tools: the
        same ids the search records carry (search.py)."""
        if self.choices is None:
            self.choices = self._search_choices()
        return self.choices

    def _search_choices(self) -> dict[str, list[tuple[str, str]]]:
        return {
            "kategori": [
                (c.slug, "\u2003" * len(c.ancestors) + c.name) for c in self.catalog.categories.values()
            ],
            "kecamatan": [
                (d, d) for d in sorted({b.district for b in self.catalog.businesses if b.district})
            ],
            "usaha": [(k, self.t(f"kind_{k}")) for k in ("ikm", "umkm")],
            "stok": [(s, self.t(f"stock_{s}")) for s in ("available", "preorder", "sold_out")],
            "harga": search_bands(self.t),
        }

    def catalogs(self, pdfs: dict[str, tuple[int, int]] | None = None) -> PageView:
        """/katalog/: every PDF built (site path -> pages, bytes), or a note that none were."""
        meta = self.meta("catalogs", "/katalog/", self.t("catalogs_title"), breadcrumbs=self.crumbs())
        pdfs = pdfs or {}

        def links(named: list[tuple[str, str]]) -> list[PdfLink]:
            found = [(path, name) for path, name in named if path in pdfs]
            return [
                PdfLink(name, self.link(path), *pdfs[path][:1], _size_text(pdfs[path][1]))
                for path, name in found
            ]

        catalogs = [(urls.whole_catalog_pdf(), self.t("catalog_whole"))]
        catalogs += [
            (urls.category_pdf(c.slug), self.t("catalog_of", category=c.name))
            for c in self.catalog.top_categories
        ]
        brochures = [(urls.brochure(b.slug), b.name) for b in self.catalog.businesses]
        return PageView(
            "/katalog/", "catalogs.html", meta, {"pdfs": links(catalogs), "brochures": links(brochures)}
        )

    def brochure_link(self, business: Business) -> PdfLink | None:
        path = urls.brochure(business.slug)
        if path not in self.brochures:
            return None
        return PdfLink(self.t("print_brochure"), self.link(path), self.brochures[path], None)

    @_once
    def basket(self) -> PageView:
        """/keranjang/: an empty shell the script fills from the browser's storage."""
        meta = self.meta("basket", urls.basket(), self.t("basket_title"), breadcrumbs=self.crumbs())
        return PageView(urls.basket(), "basket.html", meta, {})

    def not_found(self) -> PageView:
        meta = self.meta("404", "/404.html", self.t("not_found_title"))
        return PageView("/404.html", "404.html", meta, {})

    def with_pictures(self, html: str, images: tuple[tuple[str, ImageRef], ...]) -> str:
        """Markdown images become `<picture>`s of their renditions; site paths get the base path."""
        pictures = {_attr(src): self.images.picture(ref) for src, ref in images}

        def replace(match: re.Match[str]) -> str:
            tag = match.group(0)
            src = re.search(r'\bsrc="([^"]*)"', tag)
            picture = pictures.get(src.group(1)) if src else None
            if picture is None:
                return tag
            alt = re.search(r'\balt="([^"]*)"', tag)
            srcset = ", ".join(f"{self.link('/' + r.path)} {r.width}w" for r in picture.webp)
            return (
                f'<picture><source type="image/webp" srcset="{srcset}" sizes="{STORY_IMAGE_SIZES}">'
                f'<img src="{self.link("/" + picture.fallback.path)}" alt="{alt.group(1) if alt else ""}" '
                f'width="{picture.width}" height="{picture.height}" loading="lazy" decoding="async">'
                "</picture>"
            )

        html = _IMG_TAG.sub(replace, html)
        prefix = self.urls.prefix
        return html.replace('href="/', f'href="{prefix}/') if prefix else html


class _Lazy(dict):  # type: ignore[type-arg]
    """A mapping whose values are made by `make(key)` when first asked for."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


def certificates(certifications: tuple[Certification, ...]) -> tuple[Certificate, ...]:
    """Badges in one order of kinds on every page (halal, P-IRT, BPOM, ...), whoever holds them."""
    ordered = sorted(certifications, key=lambda c: legal.KINDS.index(c.type))
    return tuple(
        Certificate(c.type, legal.bare_number(c.type, c.number) if c.number else None) for c in ordered
    )


def _page_window(current: int, pages: int) -> list[int]:
    """First, last and the pages around the current one, 0 for a gap: 1 0 4 5 [6] 7 8 0 120."""
    shown = sorted({1, pages, *range(max(1, current - PAGE_WINDOW), min(pages, current + PAGE_WINDOW) + 1)})
    window: list[int] = []
    for number in shown:
        if window and number - window[-1] > 1:
            window.append(0)
        window.append(number)
    return window


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _initial(name: str) -> str:
    first = next((ch for ch in name.upper() if ch.isalnum()), "#")
    return first if "A" <= first <= "Z" else "#"


def _first_words(html: str) -> str:
    return first_paragraph_text(html, 160)


def _size_text(size: int) -> str:
    """Bytes as Indonesians read a file size: 880 KB, 5,2 MB."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def _available_first(products: Iterable[Product]) -> list[Product]:
    """Sold-out products after the others, each group in its own order: a buyer looking at a
    store or at suggestions wants what can be ordered first."""
    return sorted(products, key=lambda p: p.stock == "sold_out")
