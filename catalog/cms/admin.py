"""Every file of /admin/: the Decap bundle, our scripts and styles (catalog/cms/admin/), the
office's and the desks' configurations, and the pages, which are the theme's templates
`admin.html` and `admin-desks.html` (docs/cms.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from catalog.cms import vendor
from catalog.cms.config import Backend, desk_config, dump, office_config
from catalog.cms.fields import Choices, field_types
from catalog.content.model import Catalog
from catalog.site.theme import Theme

ADMIN_FILES = Path(__file__).resolve().parent / "admin"  # package data: shipped in the wheel
SCRIPTS = ("galeri-cms.js", "desk.js", "locale-id.js", "meja.css", "meja.js")


@dataclass(frozen=True)
class Desk:
    """What a business desk's page names: its business, and whether it has .yaml products."""

    slug: str
    name: str
    yaml_products: bool


def admin_files(
    catalog: Catalog, content: Path, theme: Theme, themes: list[str], backend: Backend
) -> Iterator[tuple[str, str | Path]]:
    """(output path, text or a file to publish) of /admin/. Nothing when the Decap package
    is not installed (`npm ci`, in the project folder: the content folder's parent); the
    build warns about that."""
    project = content.resolve().parent
    bundle = vendor.decap_files(project)
    if bundle is None:
        return
    version, files = bundle
    yield from files
    for name in SCRIPTS:
        yield f"admin/{name}", ADMIN_FILES / name
    types_script = "window.GALERI_FIELD_TYPES = " + json.dumps(field_types(), indent=1) + ";\n"
    yield "admin/galeri-fields.js", types_script
    choices = Choices.of(catalog, themes)
    widget = vendor.identity_widget(project) if backend.name == "git-gateway" else None
    if widget:
        yield widget
    page = partial(
        theme.env.get_template("admin.html").render,
        version=version,
        identity="/" + widget[0] if widget else None,
    )
    yield "admin/index.html", page(title=f"Kelola konten · {catalog.site.title}", desk=None)
    yield "admin/config.yml", dump(office_config(catalog, choices, backend))
    yield "admin/desk.json", json.dumps(desk_config(catalog, choices, backend), ensure_ascii=False) + "\n"
    # from the files, drafts included: a desk edits its draft products too
    yaml_products = {
        b.slug for b in catalog.businesses if any((content / "ikm" / b.slug / "products").glob("*.yaml"))
    }
    for business in catalog.businesses:
        desk = Desk(business.slug, business.name, business.slug in yaml_products)
        title = f"{business.name} · {catalog.site.title}"
        yield f"admin/ikm/{business.slug}/index.html", page(title=title, desk=desk)
    by_name = sorted(catalog.businesses, key=lambda b: b.name.lower())
    yield "admin/ikm/index.html", theme.env.get_template("admin-desks.html").render(businesses=by_name)
