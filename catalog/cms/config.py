"""The web CMS at /admin/: Decap CMS configurations generated from the content models.

Every form field comes from a field of `schema` (a test fails when a model field has no
form field or no Indonesian label), so the CMS cannot drift from what the build accepts.
Choices the models leave open come from the content itself at build time: the category
select lists categories.yaml, the district select lists site.yaml's `districts`.

Two kinds of configuration, because of how Decap lists a folder (see docs/cms.md):
- /admin/: the office's desk: site settings, categories, free pages, every business;
- /admin/ikm/<slug>/: one business's desk: its profile and its products. It lists one
  small folder, so it works at any number of businesses, where a listing of all of
  content/ikm/ outgrows what GitHub's tree API returns.

Decap cannot write some of the content format's shapes (a list at the root of
categories.yaml, `price` as a number or a range, `marketplaces` as a mapping,
`print.include` as a word or a mapping): /admin/galeri-cms.js registers formats that
translate them, and `FIELD_TYPES` tells it which scalars are numbers or flags (it reads
every scalar as text, like the build's loader, so `whatsapp: 0812...` keeps its zero).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from catalog.content import schema
from catalog.content.model import Catalog, Category
from catalog.site.theme import Theme

PROJECT = Path(__file__).resolve().parents[2]
DECAP_PACKAGE = PROJECT / "node_modules" / "decap-cms"
JS_YAML = PROJECT / "node_modules" / "js-yaml" / "dist" / "js-yaml.min.js"
IDENTITY_PACKAGE = PROJECT / "node_modules" / "netlify-identity-widget"
ADMIN_FILES = Path(__file__).resolve().parent / "admin"

LABELS: dict[str, str] = {
    # site.yaml
    "title": "Judul", "tagline": "Slogan", "base_url": "Alamat situs", "language": "Bahasa",
    "publisher": "Instansi pengelola", "contact": "Kontak", "districts": "Kecamatan", "theme": "Tema",
    "brand": "Merek", "per_page": "Produk per halaman kategori", "print": "Katalog cetak (PDF)",
    "print_foreword": "Kata pengantar katalog cetak", "address": "Alamat", "phone": "Telepon",
    "email": "Email", "whatsapp": "WhatsApp", "primary": "Warna utama", "accent": "Warna aksen",
    "logo": "Logo", "paper": "Ukuran kertas", "bleed_mm": "Bleed (mm)", "crop_marks": "Tanda potong",
    "columns": "Kolom produk per halaman", "rows": "Baris produk per halaman", "include": "Isi katalog",
    "edition": "Nama edisi", "categories": "Kategori", "businesses": "Usaha",
    "binding": "Jilid", "press": "Edisi percetakan (CMYK)", "showroom": "Galeri (showroom)",
    "hours": "Jam buka", "map_url": "Tautan peta",
    # categories.yaml
    "slug": "Slug (alamat)", "name": "Nama", "description": "Keterangan", "children": "Subkategori",
    # a business
    "owner": "Pemilik", "since": "Tahun berdiri", "kind": "Jenis usaha", "district": "Kecamatan",
    "website": "Situs web", "instagram": "Instagram", "facebook": "Facebook", "tiktok": "TikTok",
    "marketplaces": "Toko daring (marketplace)", "cover": "Foto sampul", "certifications": "Sertifikat",
    "type": "Jenis", "number": "Nomor", "featured": "Unggulan (tampil di beranda)",
    "draft": "Draf (belum diterbitkan)", "aliases": "Alamat lama (dialihkan ke sini)",
    # a product
    "category": "Kategori", "price": "Harga", "unit": "Satuan", "images": "Foto produk",
    "variants": "Varian", "material": "Bahan", "size": "Ukuran", "weight_g": "Berat (gram)",
    "min_order": "Pesanan minimum", "stock": "Ketersediaan", "tags": "Label", "added": "Tanggal ditambahkan",
    "sku": "Kode produk (SKU)", "shelf_life_days": "Masa simpan (hari)",
    "preorder_days": "Lama pre-order (hari)", "payments": "Cara bayar", "delivery": "Pengiriman",
    # legal numbers
    "nib": "NIB (Nomor Induk Berusaha)", "region_code": "Kode kab/kota (P-IRT)",
    "legal": "Kategori pangan (laporan legalitas)", "food_categories": "Kategori makanan & minuman",
    "pirt_categories": "Kategori pangan olahan rumahan (P-IRT)",
    # a free page
    "menu": "Tampil di menu utama", "order": "Urutan di menu",
}  # fmt: skip

OPTION_LABELS: dict[str, str] = {
    "id": "Bahasa Indonesia", "en": "English", "ikm": "IKM (industri kecil)",
    "umkm": "UMKM (usaha mikro dan kecil)", "available": "Tersedia", "preorder": "Pesan dulu (pre-order)",
    "sold_out": "Habis", "halal": "Halal", "pirt": "P-IRT", "bpom": "BPOM", "sni": "SNI", "haki": "HaKI",
    "other": "Lainnya", "all": "Semua produk", "featured": "Produk unggulan saja",
    "listed": "Kategori dan usaha terpilih", "saddle": "Staples (kelipatan 4 halaman)",
    "perfect": "Lem punggung (perfect binding)", "qris": "QRIS", "transfer": "Transfer bank",
    "cod": "Bayar di tempat (COD)", "ewallet": "Dompet digital", "tunai": "Tunai",
    "ambil": "Ambil sendiri", "antar": "Diantar (dalam kota)", "kurir": "Kurir / ekspedisi",
}  # fmt: skip

# Hints for editors where the model's description is too terse for a form.
HINTS: dict[str, str] = {
    "whatsapp": "Nomor HP untuk tombol Pesan lewat WhatsApp, mis. 0812-3456-7890 (telepon rumah di Telepon)",
    "instagram": "@namaakun atau alamat https://www.instagram.com/...",
    "facebook": "nama halaman atau alamat https://www.facebook.com/...",
    "tiktok": "@namaakun atau alamat https://www.tiktok.com/@...",
    "category": "Pilih kategori produk; daftarnya diatur di koleksi Kategori",
    "district": "Pilih kecamatan tempat usaha",
    "since": "Tahun, mis. 1998",
    "images": "Foto pertama menjadi foto utama. Terang, produk di tengah, lebar minimal 1200 piksel.",
    "logo": "PNG atau JPG, sebaiknya persegi",
    "cover": "Foto lebar (mendatar) toko atau proses membuat",
    "aliases": "Alamat lama di situs ini, mis. /ikm/nama-lama/, /toko/nama-lama atau /nama-lama.html.",
    "draft": "Dicentang: tidak tampil di situs maupun katalog cetak",
    "added": "Produk terbaru tampil paling atas di “Produk baru”",
    "weight_g": "Angka saja, dalam gram",
    "min_order": "Angka saja, mis. 10",
    "price": "Isi Harga saja; untuk harga rentang isi juga Sampai. Kosongkan bila harga hubungi penjual.",
    "marketplaces": "Toko daring usaha ini: nama toko dan alamatnya",
    "include": "Semua produk, produk unggulan saja, atau kategori dan usaha yang dipilih",
    "theme": "Tampilan situs (bawaan: mal)",
    "print_foreword": "Slug halaman (koleksi Halaman) yang dicetak sebagai kata pengantar",
    "per_page": "Angka, mis. 24",
    "bleed_mm": "Untuk percetakan, mis. 3",
    "columns": "1 sampai 3",
    "rows": "1 sampai 4",
}

BODY = {
    "ikm": ("Cerita usaha", "Kisah usaha dalam Markdown: sejak kapan, bahan, cara membuat."),
    "produk": ("Deskripsi", "Deskripsi produk dalam Markdown."),
    "halaman": ("Isi halaman", "Isi halaman dalam Markdown."),
}


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


@dataclass(frozen=True)
class Choices:
    """What the content offers for the selects: categories, districts, themes, businesses."""

    categories: list[dict[str, str]]
    districts: list[str]
    themes: list[str]
    businesses: list[dict[str, str]]
    category_depth: int

    @classmethod
    def of(cls, catalog: Catalog, themes: list[str]) -> Choices:
        tree = catalog.categories
        options = [{"label": _indented(tree, c), "value": c.slug} for c in tree.values()]
        depth = max((len(c.ancestors) + 1 for c in tree.values()), default=1)
        businesses = [{"label": b.name, "value": b.slug} for b in catalog.businesses]
        return cls(options, list(catalog.site.districts), sorted(themes), businesses, depth)


def _indented(tree: dict[str, Category], category: Category) -> str:
    return " › ".join([*(tree[a].name for a in category.ancestors), category.name])


# --- fields from models -------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type without `None`, whether `None` was allowed)."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in get_args(annotation):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        inner = kept[0] if len(kept) == 1 else typing.Union[tuple(kept)]  # noqa: UP007
        return _unwrap(inner)[0], True
    return annotation, False


def _base(annotation: Any) -> Any:
    """The Python type under Annotated layers (str for Text, int for Whole, ...)."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


class Fields:
    """Decap fields for one model, with the content's choices for selects."""

    def __init__(self, choices: Choices) -> None:
        self.choices = choices

    def of(self, model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return [
            self.field(model, name, info) for name, info in model.model_fields.items() if name not in skip
        ]

    def field(self, model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
        key = info.alias or name
        found: dict[str, Any] = {"name": key, "label": LABELS[key]}
        hint = HINTS.get(key) or info.description
        if hint and hint.lower() != LABELS[key].lower():
            found["hint"] = hint
        found["required"] = info.is_required()
        found.update(self.widget(model, key, info.annotation))
        if found.get("widget") == "boolean":
            found["default"] = False
        return found

    def widget(self, model: type[BaseModel], key: str, annotation: Any) -> dict[str, Any]:
        special = SPECIAL.get((model.__name__, key))
        if special is not None:
            return special(self)
        kind, _ = _unwrap(annotation)
        kind = _base(kind)
        origin = get_origin(kind)
        if origin is Literal:
            values = get_args(kind)
            return {"widget": "select", "options": [_option(v) for v in values]}
        if origin is list:
            (item,) = get_args(kind)
            item = _base(_unwrap(item)[0])
            if get_origin(item) is Literal:
                return {"widget": "select", "multiple": True, "options": [_option(v) for v in get_args(item)]}
            if isinstance(item, type) and issubclass(item, BaseModel):
                return {"widget": "list", "fields": self.of(item), "collapsed": False}
            item_field = {"name": "item", "label": LABELS[key], "widget": "string"}
            return {"widget": "list", "field": item_field, "collapsed": False}
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return {"widget": "object", "fields": self.of(kind), "collapsed": True}
        if kind is bool:
            return {"widget": "boolean"}
        if kind is int:
            return {"widget": "string", "pattern": WHOLE}
        if kind is float:
            return {"widget": "string", "pattern": DECIMAL}
        if kind is dt.date:
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY",
                    "time_format": False, "picker_utc": True}  # fmt: skip
        if kind is str:
            return {"widget": "string"}
        raise TypeError(f"{model.__name__}.{key}: no CMS widget for {kind!r}")


# Numbers are typed as text and checked here, then written as numbers by galeri-cms.js.
# A number field would take "185.000" (Indonesian thousands) as 185.0 and save 185.
WHOLE = ["^ *-?[0-9]+ *$", "Angka bulat saja, tanpa titik atau koma (mis. 185000)"]
DECIMAL = ["^ *[0-9]+([.][0-9]+)? *$", "Angka, dengan titik untuk pecahan (mis. 3 atau 2.5)"]


def _option(value: str) -> dict[str, str]:
    return {"label": OPTION_LABELS.get(value, value), "value": value}


def _image(_: Fields) -> dict[str, Any]:
    return {"widget": "image", "choose_url": False}


def _images(_: Fields) -> dict[str, Any]:
    photo = {"name": "image", "label": "Foto", "widget": "image", "choose_url": False}
    return {"widget": "list", "field": photo, "collapsed": False}


def _category(fields: Fields) -> dict[str, Any]:
    return {"widget": "select", "options": fields.choices.categories}


def _district(fields: Fields) -> dict[str, Any]:
    if not fields.choices.districts:
        return {"widget": "string"}
    return {"widget": "select", "options": fields.choices.districts}


def _theme(fields: Fields) -> dict[str, Any]:
    return {"widget": "select", "options": fields.choices.themes}


def _color(_: Fields) -> dict[str, Any]:
    return {"widget": "color", "allowInput": True}


def _price(_: Fields) -> dict[str, Any]:
    """`price: 185000` or `{from, to}`: one object in the form; galeri-cms.js translates."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            _rupiah("from", "Harga (Rp)", "Angka saja, tanpa titik: 185000. Kosong: harga hubungi penjual."),
            _rupiah("to", "Sampai (Rp), bila rentang harga", "Isi hanya bila harganya rentang, mis. 250000."),
        ],
    }  # fmt: skip


def _rupiah(name: str, label: str, hint: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "widget": "string",
        "pattern": WHOLE,
        "required": False,
        "hint": hint,
    }


def _marketplaces(_: Fields) -> dict[str, Any]:
    """A mapping name -> URL in the file; a list of pairs in the form."""
    return {
        "widget": "list",
        "fields": [
            {"name": "name", "label": "Nama toko daring", "widget": "string", "hint": "mis. tokopedia"},
            {"name": "url", "label": "Alamat (https://...)", "widget": "string"},
        ],
    }


def _include(fields: Fields) -> dict[str, Any]:
    """`all`, `featured` or `{categories, businesses}` in the file; one object in the form."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            {"name": "mode", "label": "Yang dicetak", "widget": "select", "default": "all",
             "options": [_option("all"), _option("featured"), _option("listed")]},
            {"name": "categories", "label": "Kategori terpilih", "widget": "select", "multiple": True,
             "required": False, "options": fields.choices.categories},
            {"name": "businesses", "label": "Usaha terpilih", "widget": "select", "multiple": True,
             "required": False, "options": fields.choices.businesses},
        ],
    }  # fmt: skip


def _categories_tree(fields: Fields) -> dict[str, Any]:
    """Decap has no recursive field: one level more than the deepest category today."""

    def level(depth: int) -> list[dict[str, Any]]:
        found = [
            {"name": "slug", "label": LABELS["slug"], "widget": "string",
             "hint": "huruf kecil, angka dan tanda hubung; alamatnya /kategori/<slug>/ (jangan diubah)"},
            {"name": "name", "label": LABELS["name"], "widget": "string"},
            {"name": "description", "label": LABELS["description"], "widget": "string", "required": False},
        ]  # fmt: skip
        if depth > 1:
            found.append({"name": "children", "label": LABELS["children"], "widget": "list",
                          "required": False, "collapsed": True, "summary": CATEGORY_SUMMARY,
                          "fields": level(depth - 1)})  # fmt: skip
        return found

    return {"widget": "list", "fields": level(fields.choices.category_depth + 1), "collapsed": False,
            "summary": CATEGORY_SUMMARY}  # fmt: skip


CATEGORY_SUMMARY = "{{fields.name}} ({{fields.slug}})"


def _markdown(_: Fields) -> dict[str, Any]:
    return {"widget": "markdown", "sanitize_preview": True}


SPECIAL: dict[tuple[str, str], Any] = {
    ("Brand", "logo"): _image,
    ("Brand", "primary"): _color,
    ("Brand", "accent"): _color,
    ("SiteConfig", "theme"): _theme,
    ("Print", "include"): _include,
    ("BusinessFrontMatter", "logo"): _image,
    ("BusinessFrontMatter", "cover"): _image,
    ("BusinessFrontMatter", "district"): _district,
    ("BusinessFrontMatter", "marketplaces"): _marketplaces,
    ("ProductFrontMatter", "category"): _category,
    ("ProductFrontMatter", "images"): _images,
    ("ProductFrontMatter", "price"): _price,
    ("ProductFrontMatter", "description"): _markdown,
}


def _body(kind: str) -> dict[str, Any]:
    label, hint = BODY[kind]
    return {"name": "body", "label": label, "hint": hint, "widget": "markdown", "required": False,
            "sanitize_preview": True}  # fmt: skip


# --- collections --------------------------------------------------------------------------


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
                    "fields": [{"name": "categories", "label": "Kategori", **_categories_tree(fields)}]}]},
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
        "fields": [*fields.of(schema.PageFrontMatter), _body("halaman")],
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
        "fields": [*fields.of(schema.BusinessFrontMatter), _body("ikm")],
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
             "fields": [*fields.of(schema.BusinessFrontMatter), _body("ikm")]},
        ],
    }  # fmt: skip


def _products(fields: Fields, slug: str, yaml_files: bool) -> dict[str, Any]:
    if yaml_files:
        name, label, extension = f"produk-yaml-{slug}", "Produk (berkas .yaml)", "yaml"
        fmt = "galeri-produk-yaml"
        form = fields.of(schema.ProductFrontMatter)
    else:
        name, label, extension, fmt = f"produk-{slug}", "Produk", "md", "galeri-produk"
        form = [*fields.of(schema.ProductFrontMatter, skip=("description",)), _body("produk")]
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


def field_types() -> dict[str, dict[str, str]]:
    """Per format: dotted field path -> "bool", "int" or "float", for galeri-cms.js, which
    reads every scalar as text and converts only these (a list's items share a path)."""

    def walk(model: type[BaseModel], prefix: str, found: dict[str, str], seen: set[type]) -> None:
        if model in seen:
            return
        for name, info in model.model_fields.items():
            key = prefix + (info.alias or name)
            kind, _ = _unwrap(info.annotation)
            kind = _base(kind)
            if get_origin(kind) is list:
                kind = _base(_unwrap(get_args(kind)[0])[0])
            if kind in (bool, int, float):
                found[key] = kind.__name__
            elif isinstance(kind, type) and issubclass(kind, BaseModel):
                walk(kind, key + ".", found, seen | {model})
            elif get_origin(kind) in (typing.Union, types.UnionType):
                for option in get_args(kind):
                    option = _base(option)
                    if option is int:
                        found[key] = "int"
                    elif isinstance(option, type) and issubclass(option, BaseModel):
                        walk(option, key + ".", found, seen | {model})

    def of(model: type[BaseModel]) -> dict[str, str]:
        found: dict[str, str] = {}
        walk(model, "", found, set())
        return dict(sorted(found.items()))

    product = of(schema.ProductFrontMatter)
    return {
        "galeri-situs": of(schema.SiteConfig),
        "galeri-kategori": {},
        "galeri-ikm": of(schema.BusinessFrontMatter),
        "galeri-produk": product,
        "galeri-produk-yaml": product,
        "galeri-halaman": of(schema.PageFrontMatter),
    }


# --- files ---------------------------------------------------------------------------------


def decap_version() -> str | None:
    """The installed, pinned Decap CMS package's version, or None when `npm ci` has not run."""
    return _version(DECAP_PACKAGE)


def vendor_versions() -> str:
    """The installed versions of what /admin/ serves from npm (a build's inputs too)."""
    packages = (DECAP_PACKAGE, JS_YAML.parent.parent, IDENTITY_PACKAGE)
    return ",".join(f"{package.name} {_version(package)}" for package in packages)


def _version(package: Path) -> str | None:
    try:
        return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def identity_widget() -> tuple[str, Path] | None:
    """(output path, file) of Netlify's Identity widget, which the git-gateway backend needs
    to sign editors in and to let an invited editor set a password (docs/cms.md)."""
    version = _version(IDENTITY_PACKAGE)
    file = IDENTITY_PACKAGE / "build" / "netlify-identity-widget.js"
    return (f"admin/netlify-identity-widget-{version}.js", file) if version and file.is_file() else None


def vendor_files(version: str) -> Iterator[tuple[str, Path]]:
    """(output path under admin/, file) of the Decap bundle (its lazily loaded chunks beside
    it, in a folder named by version, so it can be cached for ever) and of js-yaml."""
    dist = DECAP_PACKAGE / "dist"
    for file in sorted(dist.glob("*decap-cms.js")):
        yield f"admin/decap-cms-{version}/{file.name}", file
    yield f"admin/decap-cms-{version}/js-yaml.min.js", JS_YAML


def dump(config: dict[str, Any]) -> str:
    header = "# Dibuat otomatis oleh `python build.py` dari model konten; jangan diubah.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def admin_files(
    catalog: Catalog, content: Path, theme: Theme, themes: list[str], backend: Backend
) -> Iterator[tuple[str, str | Path]]:
    """Every file of /admin/: (output path, text or a file to publish). Nothing when the
    Decap package is not installed (`npm ci`); the build warns about that. Its pages are
    the theme's templates `admin.html` and `admin-desks.html`."""
    version = decap_version()
    if version is None or not JS_YAML.is_file():
        return
    yield from vendor_files(version)
    for name in ("galeri-cms.js", "desk.js", "locale-id.js", "meja.css", "meja.js"):
        yield f"admin/{name}", ADMIN_FILES / name
    types_script = "window.GALERI_FIELD_TYPES = " + json.dumps(field_types(), indent=1) + ";\n"
    yield "admin/galeri-fields.js", types_script
    choices = Choices.of(catalog, themes)
    widget = identity_widget() if backend.name == "git-gateway" else None
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


@dataclass(frozen=True)
class Desk:
    """What a business desk's page names: its business, and whether it has .yaml products."""

    slug: str
    name: str
    yaml_products: bool
