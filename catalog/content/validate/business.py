"""A business folder: its index.md and its products, each field checked, photos resolved."""

from __future__ import annotations

import datetime as dt
import difflib

from catalog.content import legal, markup, schema
from catalog.content.model import Business, Certification, Price, Product, Variant
from catalog.content.sources import BusinessSource, Document
from catalog.content.validate.checker import Checker
from catalog.content.validate.site import RESERVED_PAGE_SLUGS
from catalog.content.yamlsafe import line_for
from catalog.core import urls
from catalog.core.messages import message

RESERVED_ALIAS_ROOTS = RESERVED_PAGE_SLUGS - {"ikm"} | {
    "sitemap.xml", "robots.txt", "404.html", "_redirects", "produk.json",
}  # fmt: skip


class BusinessRules(Checker):
    def business(self, source: BusinessSource) -> tuple[Business | None, list[Product], list[str]]:
        """The business and its published products, and the drafts left out (the business's
        index.md when it is one: its products go with it)."""
        doc = source.index
        products = [p for slug, d in source.products if (p := self.product(source, slug, d)) is not None]
        if doc is None:
            return None, [], []
        front: schema.BusinessFrontMatter | None = self.parse(schema.BusinessFrontMatter, doc)
        if front is None:
            return None, [], []
        contacts = [doc.data.get(key) for key in ("whatsapp", "phone", "email")]  # as written
        if not front.draft and not any(contacts):  # a draft's contact is asked for at publication
            self.say(doc, 1, "whatsapp", "no_contact")
        if front.since is not None and not 1900 <= front.since <= dt.date.today().year:
            self.at(doc, ("since",), "bad_year", year=dt.date.today().year)
        self.check_district(doc, front.district)
        folder = source.folder
        logo = front.logo and self.image(doc, ("logo",), front.logo, folder, folder, "logo")
        cover = front.cover and self.image(doc, ("cover",), front.cover, folder, folder)
        socials = tuple((n, getattr(front, n)) for n in schema.SOCIAL_HOSTS if getattr(front, n))
        business = Business(
            slug=source.slug,
            name=front.name,
            source=doc.path,
            kind=front.kind,
            tagline=front.tagline,
            owner=front.owner,
            since=front.since,
            district=front.district,
            address=front.address,
            whatsapp=front.whatsapp,
            phone=front.phone,
            email=front.email,
            website=front.website,
            socials=socials,
            marketplaces=tuple((front.marketplaces or {}).items()),
            logo=logo or None,
            cover=cover or None,
            nib=self.nib(doc, front.nib),
            certifications=self.certifications(doc, front.certifications),
            payments=tuple(dict.fromkeys(front.payments or ())),
            delivery=tuple(dict.fromkeys(front.delivery or ())),
            featured=front.featured,
            draft=front.draft,
            story=self.markdown(doc, "body", doc.body, doc.body_line, folder, folder),
            alias_lines=self.aliases(doc, front.aliases),
        )
        visible = [p for p, draft in products if self.drafts or not draft]
        left_out = [] if self.drafts else [p.source for p, draft in products if draft]
        if front.draft and not self.drafts:
            left_out.insert(0, doc.path)
        return business, visible, left_out

    def product(self, source: BusinessSource, slug: str, doc: Document) -> tuple[Product, bool] | None:
        front: schema.ProductFrontMatter | None = self.parse(schema.ProductFrontMatter, doc)
        if front is None:
            return None
        is_markdown = doc.path.endswith(".md")
        if is_markdown and front.description is not None:
            self.at(doc, ("description",), "description_in_md")
        if front.category not in self.category_slugs and self.categories_valid:
            close = difflib.get_close_matches(front.category, sorted(self.category_slugs), n=1)
            hint = message("did_you_mean", self.language, name=close[0]) if close else ""
            self.at(doc, ("category",), "unknown_category", slug=front.category, hint=hint)
        price = None
        if isinstance(front.price, schema.PriceRange):
            if front.price.from_ >= front.price.to:
                self.at(doc, ("price", "from"), "range_order")
            price = Price(front.price.from_, front.price.to)
        elif front.price is not None:
            price = Price(front.price)
        base, scope = doc.file.parent, source.folder
        images = tuple(
            ref
            for index, value in enumerate(front.images or ())
            if (ref := self.image(doc, ("images", index), value, base, scope)) is not None
        )
        if is_markdown:
            text, first_line = doc.body, doc.body_line
        else:
            text, first_line = (
                front.description or "",
                line_for(doc.lines, ("description",)) + 1,
            )
        description = self.markdown(doc, "description", text, first_line, base, scope)
        product = Product(
            slug=slug,
            business=source.slug,
            name=front.name,
            category=front.category,
            source=doc.path,
            price=price,
            unit=front.unit,
            images=images,
            variants=tuple(Variant(v.name, v.price) for v in front.variants or ()),
            material=front.material,
            size=front.size,
            weight_g=front.weight_g,
            min_order=front.min_order,
            stock=front.stock,
            tags=tuple(front.tags or ()),
            certifications=self.certifications(doc, front.certifications),
            showroom=front.showroom,
            shelf_life_days=front.shelf_life_days,
            preorder_days=front.preorder_days,
            featured=front.featured,
            draft=front.draft,
            added=front.added,
            sku=front.sku,
            description=description,
            summary=markup.first_paragraph_text(description.html),
            alias_lines=self.aliases(doc, front.aliases),
        )
        return product, front.draft

    # -- cross checks ----------------------------------------------------------------------
    def check_district(self, doc: Document, district: str | None) -> None:
        if district is not None and self.districts and district not in self.districts:
            self.at(
                doc,
                ("district",),
                "unknown_district",
                value=district,
                choices=", ".join(self.districts),
            )

    def nib(self, doc: Document, value: str | None) -> str | None:
        if value is not None and (problem := legal.shape_error("nib", value)):
            self.at(doc, ("nib",), problem)
        return value

    def certifications(
        self, doc: Document, written: list[schema.Certification] | None
    ) -> tuple[Certification, ...]:
        """The certificates as written, each number checked for the shape of its type."""
        found = []
        for index, cert in enumerate(written or ()):
            loc = ("certifications", index, "number")
            if cert.number is not None and (problem := legal.shape_error(cert.type, cert.number)):
                self.at(doc, loc, problem)
            found.append(Certification(cert.type, cert.number, doc.path, line_for(doc.lines, loc)))
        return tuple(found)

    def aliases(self, doc: Document, values: list[str] | None) -> tuple[tuple[str, int, int], ...]:
        """Valid aliases as site paths, with their lines and indexes; the site's own folders
        and files are not for aliases."""
        good = []
        for index, value in enumerate(values or ()):
            try:
                path = urls.alias_path(value, self.base_url)
            except urls.AliasError as exc:
                self.at(doc, ("aliases", index), exc.key, **exc.detail)
                continue
            if path.split("/")[1].casefold() in RESERVED_ALIAS_ROOTS:
                self.at(doc, ("aliases", index), "alias_reserved", path=path)
            else:
                good.append((path, line_for(doc.lines, ("aliases", index)), index))
        return tuple(good)
