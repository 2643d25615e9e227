"""Raw documents to the frozen catalog: every field rule and cross-file rule, all errors at once.

Field rules come from `schema`; here we add what needs more than one file: category
slugs exist and are unique, districts are listed, images exist inside their business
folder and are real images, price ranges are ordered, aliases and page slugs do not
collide. Problems go to a `Problems`; nothing is raised for content.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote

from pydantic import TypeAdapter, ValidationError

from catalog.content import legal, markup, schema
from catalog.content.model import (
    Business,
    Catalog,
    Category,
    Certification,
    Contact,
    ImageRef,
    Markup,
    Page,
    Price,
    PrintSettings,
    Product,
    Settings,
    Showroom,
    Variant,
)
from catalog.content.schema_errors import describe
from catalog.content.sources import BusinessSource, ContentSources, Document, is_slug, read_business
from catalog.content.yamlsafe import Loc, format_loc, line_for
from catalog.core import urls
from catalog.core.errors import ContentError, Problems
from catalog.core.messages import message
from catalog.core.parallel import chunks, fork_map

BUSINESSES_PER_JOB = 100
# (the business and its products, or None), its problems, the image facts learned, the
# drafts left out (paths in content/)
BusinessResult = tuple[tuple[Business, list[Product]] | None, list[ContentError], Any, list[str]]


class _Memo:
    """The live preview's businesses from its previous build, by folder, each with a
    signature of every file it read (its folder, site.yaml, categories.yaml): a business
    whose signature is unchanged is not read or validated again. Off for one-shot builds."""

    def __init__(self) -> None:
        self.enabled = False
        self.results: dict[Path, tuple[str, BusinessResult]] = {}
        # The folders an edit touched, when the file watcher knows them: the others are
        # trusted without their signatures (0.9 s of stat calls at 3,111 businesses), and
        # the site-wide files and the list of folders are those last read without a problem.
        self.changed: set[Path] | None = None
        self.sources: ContentSources | None = None

    def key(self, folder: Path, shared: str) -> str:
        known = self.results.get(folder)
        if self.changed is not None and known is not None and folder not in self.changed:
            return known[0]
        return shared + _tree_signature(folder)


memo = _Memo()


def _signature(files: list[Path]) -> str:
    parts = []
    for file in files:
        try:
            stat = file.stat()
            parts.append(f"{file}:{stat.st_mtime_ns}:{stat.st_size}")
        except OSError:
            parts.append(f"{file}:-")
    return "|".join(parts)


def _tree_signature(folder: Path) -> str:
    """Every file and folder under `folder`, with its size and modification time."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(parent, name) for name in sorted(files)]
        found.append(Path(parent))
    return _signature(found)


class ImageInspector(Protocol):
    """Checks image files during validation, and carries what it learned across processes."""

    def check(self, file: Path) -> tuple[str, dict[str, object]] | None: ...

    def learned(self) -> Any: ...

    def absorb(self, learned: Any) -> None: ...


RESERVED_PAGE_SLUGS = {"kategori", "ikm", "cari", "katalog", "img", "assets", "admin", "pagefind", "feeds"}
RESERVED_ALIAS_ROOTS = RESERVED_PAGE_SLUGS - {"ikm"} | {
    "sitemap.xml", "robots.txt", "404.html", "_redirects", "produk.json",
}  # fmt: skip
_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_CATEGORIES = TypeAdapter(list[schema.CategoryEntry])
_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif"}
WHOLE_CATALOG = "katalog-lengkap"


def build_catalog(
    sources: ContentSources,
    problems: Problems,
    images: ImageInspector,
    themes: set[str],
    drafts: bool = False,
    workers: int = 1,
) -> Catalog | None:
    """Validate everything; return the catalog when no problem was found.

    `images` inspects image files (real, safe images?); `themes` are the theme names
    available, for `theme:` in site.yaml. Businesses are read and validated on
    `workers` processes.
    """
    return _Validator(sources, problems, images, themes, drafts).run(workers)


class _Validator:
    def __init__(
        self,
        sources: ContentSources,
        problems: Problems,
        images: ImageInspector,
        themes: set[str],
        drafts: bool,
    ) -> None:
        self.sources = sources
        self.themes = themes
        self.root = sources.root
        self.problems = problems
        self.images = images
        self.drafts = drafts
        self.left_out: list[str] = []  # the free pages marked draft, left out
        self.language = sources.language
        self.districts: tuple[str, ...] = ()
        self.category_slugs: set[str] = set()
        self.categories_valid = False  # unknown categories are only worth reporting against a valid tree
        self.base_url: str | None = None  # site.yaml's, for aliases written as full addresses

    # -- reporting ---------------------------------------------------------------------
    def say(
        self,
        doc: Document | str,
        line: int,
        field_name: str,
        key: str,
        **detail: object,
    ) -> None:
        path = doc if isinstance(doc, str) else doc.path
        self.problems.add(path, line, field_name, message(key, self.language, **detail))

    def at(self, doc: Document, loc: Loc, key: str, **detail: object) -> None:
        self.say(doc, line_for(doc.lines, loc), format_loc(loc), key, **detail)

    def parse(self, model: Any, doc: Document) -> Any:
        """Validate the document against `model` (a model or a TypeAdapter); report every error."""
        data = doc.data
        adapter = model if isinstance(model, TypeAdapter) else None
        if adapter is None and not isinstance(data, dict):
            self.at(doc, (), "not_mapping")
            return None
        try:
            return adapter.validate_python(data) if adapter else model.model_validate(data)
        except ValidationError as exc:
            root_model = model if adapter is None else schema.CategoryEntry
            for error in exc.errors():
                described = describe(error, root_model, self.language)
                if described is not None:
                    loc, key, detail = described
                    self.at(doc, loc, key, **detail)
            if adapter is not None:
                return None
            return self.without_bad_fields(model, data, exc)

    @staticmethod
    def without_bad_fields(model: Any, data: dict[str, Any], exc: ValidationError) -> Any:
        """The entry minus the fields that failed, so its other rules are checked in this run too.

        Only for more messages: the run already has problems, so nothing built from this
        partial entry is ever published. None when even that does not validate.
        """
        bad = {error["loc"][0] for error in exc.errors() if error["loc"]}
        try:
            return model.model_validate({key: value for key, value in data.items() if key not in bad})
        except ValidationError:
            return None

    # -- images --------------------------------------------------------------------------
    def image(
        self,
        doc: Document,
        loc: Loc,
        value: str,
        base: Path,
        scope: Path,
        kind: str = "photo",
    ) -> ImageRef | None:
        """Resolve an image path named in `doc`, relative to `base`, confined to `scope`.

        Free pages pass `scope` = content/ and may use only pages/ and assets/ in it: the
        business folders hold drafts' photos too.
        """
        line, field_name = line_for(doc.lines, loc), format_loc(loc)
        scopes = [scope / "pages", scope / "assets"] if scope == self.root else [scope]
        scope_name = ", ".join(s.relative_to(self.root).as_posix() for s in scopes)
        if _REMOTE.match(value) or value.startswith("/") or "\\" in value:
            self.say(doc, line, field_name, "image_absolute", path=value)
            return None
        candidate = Path(os.path.normpath(base / unicodedata.normalize("NFC", value)))
        scope = next((s for s in scopes if candidate.is_relative_to(s)), None)
        if scope is None:
            self.say(doc, line, field_name, "image_outside", path=value, scope=scope_name)
            return None
        candidate = _find_normalized(candidate)
        real = candidate.resolve() if candidate.exists() else None  # assets/ itself may be a symlink
        if real and not (real.is_relative_to(scope.resolve()) and real.is_relative_to(self.root.resolve())):
            self.say(doc, line, field_name, "image_symlink", path=value, scope=scope_name)
            return None
        if not candidate.is_file():
            self.say(doc, line, field_name, "image_missing", path=value, hint=self.meant(candidate, value))
            return None
        rel = candidate.relative_to(self.root).as_posix()
        problem = self.images.check(candidate)
        if problem is not None:
            self.say(doc, line, field_name, problem[0], path=value, **problem[1])
            return None
        return ImageRef(candidate, rel, kind, doc.path, line, field_name)

    def meant(self, candidate: Path, value: str) -> str:
        """The "maksud Anda" hint for a missing photo whose name differs from a file beside it
        only in case or by a typo (`foto selendang.jpg` for `Foto Selendang.jpg`); else ""."""
        try:
            names = [e.name for e in candidate.parent.iterdir() if e.suffix.lower() in _PHOTO_SUFFIXES]
        except OSError:
            return ""
        folded = {unicodedata.normalize("NFC", name).casefold(): name for name in sorted(names)}
        wanted = candidate.name.casefold()
        close = [wanted] if wanted in folded else difflib.get_close_matches(wanted, list(folded), cutoff=0.8)
        if not close:
            return ""
        written = value.rpartition("/")
        return message("did_you_mean", self.language, name=written[0] + written[1] + folded[close[0]])

    def markdown(
        self,
        doc: Document,
        field_name: str,
        text: str,
        first_line: int,
        base: Path,
        scope: Path,
    ) -> Markup:
        safe = markup.to_html(text)
        images = []
        for src in markup.image_sources(safe):
            line = first_line + _line_index(text, src)
            if _REMOTE.match(src) or src.startswith("/"):
                self.say(doc, line, field_name, "markdown_image_remote", path=src)
                continue
            ref = self.image(_at_line(doc, line), (field_name,), unquote(src), base, scope)
            if ref is not None:
                images.append((src, ref))
        for href in markup.link_targets(safe):
            if not (_REMOTE.match(href) or href.startswith(("/", "#"))):
                line = first_line + _line_index(text, href)
                self.say(doc, line, field_name, "markdown_link_relative", path=href)
        return Markup(safe, tuple(images))

    # -- documents -------------------------------------------------------------------------
    def run(self, workers: int) -> Catalog | None:
        site = self.settings()
        categories = self.categories()
        pages = self.pages()
        businesses: list[Business] = []
        products: list[Product] = []
        drafts = list(self.left_out)
        for found, problems, learned, left_out in self.all_businesses(workers):
            self.problems.extend(problems)
            self.images.absorb(learned)
            drafts += left_out
            if found is not None:
                businesses.append(found[0])
                products.extend(found[1])
        if memo.changed is None:  # the live preview's quick path falls back to a build on any alias change
            self.check_aliases(businesses, products, pages)
        if site is not None and self.sources.site is not None:
            self.check_print_references(self.sources.site, site.print, businesses, pages)
            self.check_legal_categories(self.sources.site, site)
        if site is None or categories is None or self.problems:
            return None
        businesses.sort(key=lambda b: (b.name.casefold(), b.slug))
        warnings = legal_warnings([*businesses, *products], site.region_code, dt.date.today(), self.language)
        found = (tuple(businesses), tuple(products), tuple(pages))
        return Catalog(site, categories, *found, warnings, tuple(sorted(drafts)))

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

    def all_businesses(self, workers: int) -> list[BusinessResult]:
        """Every business folder read and validated, in folder order: on `workers`
        processes, or (in the live preview) from `memo` when nothing it reads changed."""
        folders = self.sources.business_folders
        shared = _signature([self.root / "site.yaml", self.root / "categories.yaml"])
        shared += f"|{self.drafts}|{self.language}"
        keys = {folder: memo.key(folder, shared) for folder in folders} if memo.enabled else {}
        results = {
            folder: memo.results[folder][1]
            for folder in keys
            if memo.results.get(folder, ("",))[0] == keys[folder]
        }
        todo = [folder for folder in folders if folder not in results]
        for done in fork_map(self.business_job, chunks(todo, BUSINESSES_PER_JOB), workers):
            results.update(done)
        if memo.enabled:
            memo.results = {folder: (keys[folder], results[folder]) for folder in folders}
        return [results[folder] for folder in folders]

    def business_job(self, folders: Sequence[Path]) -> list[tuple[Path, BusinessResult]]:
        """Read and validate some businesses; for each, it (None for a draft or a failure)
        and its products, its problems and the image facts learned.

        Runs in a worker process: everything it learns travels back in its result.
        """
        done = []
        for folder in folders:
            own = Problems()
            checker = copy.copy(self)
            checker.problems = own
            business, products, left_out = checker.business(read_business(self.sources, folder, own))
            found = (business, products) if business is not None and business.source not in left_out else None
            done.append((folder, (found, own.items, self.images.learned(), left_out)))
        return done

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

    def check_legal_categories(self, doc: Document, site: Settings) -> None:
        """site.yaml `legal` names categories that exist."""
        if not self.categories_valid:
            return
        for group in ("food_categories", "pirt_categories"):
            for index, slug in enumerate(getattr(site, group) or ()):
                if slug not in self.category_slugs:
                    self.at(doc, ("legal", group, index), "include_categories_missing", slug=slug)

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

    def check_print_references(
        self, doc: Document, settings: PrintSettings, businesses: list[Business], pages: list[Page]
    ) -> None:
        """`print_foreword` names a page, `print.include` names categories and businesses that exist."""
        if settings.foreword and settings.foreword not in {p.slug for p in pages}:
            self.at(doc, ("print_foreword",), "foreword_missing", slug=settings.foreword)
        known = {"categories": self.category_slugs, "businesses": {b.slug for b in businesses}}
        if not self.categories_valid:
            known.pop("categories")
        for group, slugs in known.items():
            chosen = getattr(settings, group)
            for index, slug in enumerate(chosen):
                if slug not in slugs:
                    self.at(doc, ("print", "include", group, index), f"include_{group}_missing", slug=slug)

    def check_aliases(self, businesses: list[Business], products: list[Product], pages: list[Page]) -> None:
        """No alias page may write a file that a page, a brochure or another alias writes, nor
        a folder where such a file is or a file where such a folder is. Compared without
        regard to case: a site copied to a Windows or macOS disk would mix them up."""
        paths = {"/": "/", "/ikm/": "/ikm/", "/cari/": "/cari/", "/katalog/": "/katalog/"}
        paths.update({f"/kategori/{slug}/": "categories.yaml" for slug in self.category_slugs})
        paths.update({f"/{p.slug}/": p.source for p in pages})
        paths.update({f"/ikm/{b.slug}/": b.source for b in businesses})
        paths.update({urls.brochure(b.slug): b.source for b in businesses})
        paths.update({f"/ikm/{p.business}/{p.slug}/": p.source for p in products})
        files = {urls.output_file(path).casefold(): owner for path, owner in paths.items()}
        folders = {folder: owner for file, owner in files.items() for folder in _folders(file)}
        for entry in [*businesses, *products]:
            for alias, line, index in entry.alias_lines:
                file = urls.alias_file(alias).casefold()
                clash = [files[f] for f in (file, *_folders(file)) if f in files] + [folders.get(file)]
                other = next((owner for owner in clash if owner), None)
                if other is not None:
                    self.say(entry.source, line, f"aliases[{index}]", "alias_taken", path=alias, other=other)
                    continue
                files[file] = entry.source
                folders.update({folder: entry.source for folder in _folders(file)})


def _folders(file: str) -> list[str]:
    """`a/b/index.html` -> `a`, `a/b`: the folders an output file needs."""
    parts = file.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


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


def legal_warnings(
    entries: Sequence[Business | Product], region_code: str | None, today: dt.date, language: str
) -> tuple[ContentError, ...]:
    """P-IRT numbers issued by another kab/kota than site.yaml `region_code`, or whose expiry
    year has passed: worth a look, but the product may still be sold (a business moves)."""
    found = []
    for entry in entries:
        for index, cert in enumerate(entry.certifications):
            facts = legal.pirt_facts(cert.type, cert.number)
            if facts is None:
                continue
            where = (cert.source, cert.line, f"certifications[{index}].number")
            region, year = facts
            if region_code and region != region_code:
                text = message("legal_pirt_region", language, found=region, expected=region_code)
                found.append(ContentError(*where, text))
            if year < today.year:
                found.append(ContentError(*where, message("legal_pirt_expired", language, year=year)))
    return tuple(sorted(found))


def _listed(slugs: list[str] | None) -> tuple[str, ...] | None:
    return None if slugs is None else tuple(slugs)


def _find_normalized(candidate: Path) -> Path:
    """On disk the name may be NFD (saved on a Mac); find the entry whose NFC name matches."""
    if candidate.exists() or not candidate.parent.is_dir():
        return candidate
    wanted = unicodedata.normalize("NFC", candidate.name)
    for entry in candidate.parent.iterdir():
        if unicodedata.normalize("NFC", entry.name) == wanted:
            return entry
    return candidate


def _line_index(text: str, needle: str) -> int:
    position = text.find(needle)
    return text.count("\n", 0, position) if position >= 0 else 0


def _at_line(doc: Document, line: int) -> Document:
    """A view of `doc` whose root location sits at `line` (for images named in Markdown)."""
    return Document(doc.path, doc.file, doc.data, {(): line}, doc.body, doc.body_line)
