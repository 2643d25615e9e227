"""The Decap CMS configurations of /admin/: where the CMS saves (the backend) and which
collections it shows, built from the form fields of `fields`.

Two kinds of configuration, because of how Decap lists a folder (see docs/cms.md):
- /admin/: the office's desk: site settings, categories, free pages, every business;
- /admin/ikm/<slug>/: one business's desk: its profile and its products. It lists one
  small folder, so it works at any number of businesses, where a listing of all of
  content/ikm/ outgrows what GitHub's tree API returns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from catalog.cms.fields import Choices, Fields, body, categories_tree
from catalog.content import schema
from catalog.content.model import Catalog


@dataclass(frozen=True)
class Backend:
    """Where the CMS saves: Netlify Identity + git-gateway (the default) or GitHub."""

    name: str = "git-gateway"
    repo: str | None = None
    branch: str = "main"

    @classmethod
    def from_environment(cls) -> Backend:
        """GALERI_CMS_BACKEND (github or git-gateway), GALERI_CMS_REPO (owner/name),
        GALERI_CMS_BRANCH (default main): a deployment's choice, not content. Without them,
        GitHub when Netlify's build names a GitHub repository (REPOSITORY_URL): it needs
        no widget to sign editors in (docs/cms.md); otherwise git-gateway."""
        repo = os.environ.get("GALERI_CMS_REPO", "").strip() or _github_repo(
            os.environ.get("REPOSITORY_URL", "")
        )
        name = os.environ.get("GALERI_CMS_BACKEND", "").strip() or ("github" if repo else "git-gateway")
        branch = os.environ.get("GALERI_CMS_BRANCH", "").strip() or "main"
        return cls(name, repo, branch)

    def config(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "branch": self.branch}
        if self.repo:
            found["repo"] = self.repo
        found["commit_messages"] = {
            "create": "Tambah {{collection}} “{{slug}}” (CMS)",
            "update": "Ubah {{collection}} “{{slug}}” (CMS)",
            "delete": "Hapus {{collection}} “{{slug}}” (CMS)",
            "uploadMedia": "Unggah “{{path}}” (CMS)",
            "deleteMedia": "Hapus “{{path}}” (CMS)",
        }
        return found


def _github_repo(url: str) -> str | None:
    """owner/name of a https://github.com/owner/name(.git) address."""
    match = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", url.strip())
    return match.group(1) if match else None


def _site_files(fields: Fields) -> list[dict[str, Any]]:
    """Two collections: Decap takes a file's format from its collection."""
    return [
        {"name": "situs", "label": "Pengaturan situs", "format": "galeri-situs", "editor": {"preview": False},
         "description": "Judul, kontak, kecamatan, warna dan katalog cetak.",
         "files": [{"name": "pengaturan", "label": "Pengaturan situs", "file": "content/site.yaml",
                    "fields": fields.of(schema.SiteConfig)}]},
        {"name": "kategori", "label": "Kategori", "format": "galeri-kategori", "editor": {"preview": False},
         "description": "Pohon kategori. Slug kategori adalah alamatnya: jangan diubah setelah terbit.",
         "files": [{"name": "kategori", "label": "Daftar kategori", "file": "content/categories.yaml",
                    "fields": [{"name": "categories", "label": "Kategori", **categories_tree(fields)}]}]},
    ]  # fmt: skip


def _pages(fields: Fields) -> dict[str, Any]:
    return {
        "name": "halaman",
        "label": "Halaman",
        "label_singular": "Halaman",
        "description": "Halaman bebas: Tentang, Cara pesan, Kata pengantar katalog.",
        "folder": "content/pages",
        "extension": "md",
        "format": "galeri-halaman",
        "create": True,
        "delete": False,
        "identifier_field": "title",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "preview_path": "{{slug}}/",
        "fields": [*fields.of(schema.PageFrontMatter), body("halaman")],
    }


def _businesses(fields: Fields) -> dict[str, Any]:
    return {
        "name": "ikm",
        "label": "Usaha (IKM/UMKM)",
        "label_singular": "Usaha",
        "description": "Semua usaha. Produk sebuah usaha diubah di meja usaha itu: /admin/ikm/<slug>/ "
        "(daftarnya di menu “Meja usaha”).",
        "folder": "content/ikm",
        "path": "{{slug}}/index",
        "extension": "md",
        "format": "galeri-ikm",
        "media_folder": "",
        "public_folder": "",
        "create": True,
        "identifier_field": "name",
        "slug": "{{name}}",
        "summary": "{{name}} · {{district}}",
        "preview_path": "ikm/{{dirname}}/",
        "delete": False,
        "sortable_fields": ["name", "district"],
        "view_groups": [{"label": "Kecamatan", "field": "district"}],
        "fields": [*fields.of(schema.BusinessFrontMatter), body("ikm")],
    }


def _business_profile(fields: Fields, slug: str, name: str) -> dict[str, Any]:
    return {
        "name": f"usaha-{slug}",
        "label": "Profil usaha",
        "description": "Nama, kontak, logo dan cerita usaha.",
        "format": "galeri-ikm",
        "media_folder": "",
        "public_folder": "",
        "files": [
            {"name": "profil", "label": name, "file": f"content/ikm/{slug}/index.md",
             "preview_path": f"ikm/{slug}/",
             "fields": [*fields.of(schema.BusinessFrontMatter), body("ikm")]},
        ],
    }  # fmt: skip


def _products(fields: Fields, slug: str, yaml_files: bool) -> dict[str, Any]:
    if yaml_files:
        name, label, extension = f"produk-yaml-{slug}", "Produk (berkas .yaml)", "yaml"
        fmt = "galeri-produk-yaml"
        form = fields.of(schema.ProductFrontMatter)
    else:
        name, label, extension, fmt = f"produk-{slug}", "Produk", "md", "galeri-produk"
        form = [*fields.of(schema.ProductFrontMatter, skip=("description",)), body("produk")]
    return {
        "name": name,
        "label": label,
        "label_singular": "Produk",
        "description": "Foto produk disimpan di samping berkasnya (folder products/).",
        "folder": f"content/ikm/{slug}/products",
        "extension": extension,
        "format": fmt,
        "media_folder": "",
        "public_folder": "",
        "create": not yaml_files,
        "delete": False,
        "identifier_field": "name",
        "slug": "{{name}}",
        "summary": "{{name}}",
        "sortable_fields": ["name", "added"],
        "preview_path": f"ikm/{slug}/{{{{slug}}}}/",
        "fields": form,
    }


def _common(catalog: Catalog, backend: Backend) -> dict[str, Any]:
    return {
        "backend": backend.config(),
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "id",
        "site_url": catalog.site.base_url,
        "display_url": catalog.site.base_url,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "media_folder": "content/assets",
        "public_folder": "assets",
    }


def office_config(catalog: Catalog, choices: Choices, backend: Backend) -> dict[str, Any]:
    """/admin/: site settings, categories, free pages and every business."""
    fields = Fields(choices)
    found = _common(catalog, backend)
    found["collections"] = [*_site_files(fields), _pages(fields), _businesses(fields)]
    return found


DESK = "{{desk}}"  # a business desk's slug, filled in by galeri-cms.js from its page
DESK_NAME = "{{desk_name}}"


def desk_config(catalog: Catalog, choices: Choices, backend: Backend) -> dict[str, Any]:
    """The configuration of every business desk (/admin/ikm/<slug>/): its profile and its
    products, with DESK and DESK_NAME for galeri-cms.js to fill in from the desk's page.
    One file for all desks: 3,111 copies of the forms would weigh about 90 MB. The
    collection of .yaml products is dropped for a desk without such files."""
    fields = Fields(choices)
    found = _common(catalog, backend)
    found["load_config_file"] = False
    found["collections"] = [
        _business_profile(fields, DESK, DESK_NAME),
        _products(fields, DESK, False),
        _products(fields, DESK, True),
    ]
    return found


def dump(config: dict[str, Any]) -> str:
    header = "# Dibuat otomatis oleh `python build.py` dari model konten; jangan diubah.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
