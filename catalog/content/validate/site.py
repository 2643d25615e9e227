"""The site-wide files: site.yaml (settings), categories.yaml (the tree) and the free pages."""

from __future__ import annotations

from pydantic import TypeAdapter

from catalog.content import markup, schema
from catalog.content.model import Category, Contact, Page, PrintSettings, Settings, Showroom
from catalog.content.sources import is_slug
from catalog.content.validate.checker import Checker
from catalog.content.yamlsafe import Loc, line_for

RESERVED_PAGE_SLUGS = {
    "kategori",
    "ikm",
    "cari",
    "katalog",
    "img",
    "assets",
    "admin",
    "pagefind",
    "feeds",
    "keranjang",
}
_CATEGORIES = TypeAdapter(list[schema.CategoryEntry])
WHOLE_CATALOG = "katalog-lengkap"


class SiteRules(Checker):
    def settings(self) -> Settings | None:
        doc = self.sources.site
        if doc is None:
            return None
        config: schema.SiteConfig | None = self.parse(schema.SiteConfig, doc)
        if config is None:
            return None
        self.districts = tuple(config.districts or ())
        self.base_url = config.base_url
        if config.theme not in self.themes:
            self.at(doc, ("theme",), "theme_missing", name=config.theme)
        brand = config.brand or schema.Brand()
        written = doc.data.get("brand") if isinstance(doc.data, dict) else None
        for key in ("primary", "accent"):
            if isinstance(written, dict) and key in written and written[key] is None:
                self.at(doc, ("brand", key), "color_empty")  # `primary: #1f3a5f`: YAML reads a comment
        logo = None
        if brand.logo:
            logo = self.image(
                doc,
                ("brand", "logo"),
                brand.logo,
                self.root,
                self.root / "assets",
                "logo",
            )
        contact = config.contact or schema.Contact()
        paper = config.print or schema.Print()
        return Settings(
            title=config.title,
            base_url=config.base_url.rstrip("/") + "/",
            language=config.language,
            tagline=config.tagline,
            publisher=config.publisher,
            contact=Contact(contact.address, contact.phone, contact.email, contact.whatsapp),
            districts=self.districts,
            theme=config.theme,
            primary=brand.primary,
            accent=brand.accent,
            logo=logo,
            per_page=config.per_page,
            print=_print_settings(paper, config.print_foreword),
            region_code=config.region_code,
            food_categories=_listed(config.legal and config.legal.food_categories),
            pirt_categories=_listed(config.legal and config.legal.pirt_categories),
            showroom=config.showroom and Showroom(**config.showroom.model_dump()),
        )

    def categories(self) -> dict[str, Category] | None:
        doc = self.sources.categories
        if doc is None:
            return None
        if not isinstance(doc.data, list):
            self.at(doc, (), "not_list")
            return None
        entries = self.parse(_CATEGORIES, doc)
        if entries is None:
            return None
        result: dict[str, Category] = {}
        seen: dict[str, int] = {}

        def walk(items: list[schema.CategoryEntry], loc: Loc, ancestors: tuple[str, ...]) -> None:
            for index, entry in enumerate(items):
                here = (*loc, index)
                line = line_for(doc.lines, (*here, "slug"))
                if not is_slug(entry.slug):
                    self.at(doc, (*here, "slug"), "bad_slug", slug=entry.slug)
                elif not ancestors and entry.slug == WHOLE_CATALOG:  # /katalog/<top>.pdf would collide
                    self.at(doc, (*here, "slug"), "category_reserved", slug=entry.slug)
                elif entry.slug in seen:
                    self.at(
                        doc,
                        (*here, "slug"),
                        "duplicate_slug",
                        slug=entry.slug,
                        other=seen[entry.slug],
                    )
                else:
                    seen[entry.slug] = line
                    children = tuple(child.slug for child in entry.children or ())
                    parent = ancestors[-1] if ancestors else None
                    result[entry.slug] = Category(
                        entry.slug,
                        entry.name,
                        entry.description,
                        parent,
                        children,
                        ancestors,
                    )
                walk(entry.children or [], (*here, "children"), (*ancestors, entry.slug))

        walk(entries, (), ())
        self.category_slugs = set(result)
        self.categories_valid = True
        return result

    def pages(self) -> list[Page]:
        pages = []
        for slug, doc in self.sources.pages:
            front: schema.PageFrontMatter | None = self.parse(schema.PageFrontMatter, doc)
            if front is None:
                continue
            heading, body = markup.split_title(doc.body)
            title = front.title or heading
            if not front.title and heading is None:
                self.say(doc, 1, "title", "no_title")
            if slug in RESERVED_PAGE_SLUGS:
                self.say(doc, 1, "", "page_reserved", slug=slug)
            body = doc.body if front.title else body
            content = self.markdown(doc, "body", body, doc.body_line, doc.file.parent, self.root)
            if front.draft and not self.drafts:
                self.left_out.append(doc.path)
            elif title:
                pages.append(
                    Page(
                        slug,
                        title,
                        doc.path,
                        front.description,
                        front.menu,
                        front.order,
                        content,
                    )
                )
        return sorted(pages, key=lambda p: (p.order, p.title.casefold(), p.slug))


def _print_settings(config: schema.Print, foreword: str | None) -> PrintSettings:
    selection = config.include if isinstance(config.include, schema.PrintSelection) else None
    return PrintSettings(
        paper=config.paper,
        bleed_mm=config.bleed_mm,
        crop_marks=config.crop_marks,
        columns=config.columns,
        rows=config.rows,
        include="listed" if selection else str(config.include),
        categories=tuple(selection.categories or ()) if selection else (),
        businesses=tuple(selection.businesses or ()) if selection else (),
        edition=config.edition,
        foreword=foreword,
        binding=config.binding,
        press=config.press,
    )


def _listed(slugs: list[str] | None) -> tuple[str, ...] | None:
    return None if slugs is None else tuple(slugs)
