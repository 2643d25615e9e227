"""`new ikm <slug>` and `new product <ikm>/<slug>`: entries with every field, explained.

A scaffold is valid as written and starts as `draft: true`, so a half-filled entry
never reaches the public site; the editor removes that line when it is ready. Its first
line names the entry's JSON Schema (docs/schema/) for editors whose YAML tooling reads it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from pathlib import Path

from catalog.content.schema_files import schema_dir
from catalog.content.sources import is_slug

BUSINESS = """\
---
# Data usaha. Baris yang diawali # adalah petunjuk; hapus # untuk mengisi kolomnya.
# (Kecuali baris berikut: untuk pemeriksaan di editor teks; biarkan apa adanya.)
# yaml-language-server: $schema={schema}
name: {title}                # nama usaha (wajib)
# tagline: Satu kalimat tentang usaha Anda
# owner: Nama Pemilik
# since: 2015                # tahun berdiri
kind: ikm                    # ikm (industri kecil) atau umkm (usaha mikro/kecil)
# district: Kejaksan         # kecamatan: Harjamukti, Kejaksan, Kesambi, Lemahwungkuk, Pekalipan
# address: Jl. Contoh No. 1, Kota Cirebon
# whatsapp: 0812-3456-7890   # nomor WhatsApp untuk tombol pesan; sebelum terbit isi
#                            # paling sedikit satu kontak: whatsapp, phone atau email
# phone: (0231) 000000
# email: nama@contoh.id
# website: https://contoh.id
# instagram: "@namaakun"
# facebook: namahalaman
# tiktok: "@namaakun"
# marketplaces:              # toko daring: nama -> alamat lengkap https://
#   tokopedia: https://www.tokopedia.com/namatoko
#   shopee: https://shopee.co.id/namatoko
# logo: logo.png             # berkas gambar di folder ini
# cover: sampul.jpg
# nib: 9120301234567         # Nomor Induk Berusaha dari OSS, 13 angka
# certifications:            # halal, pirt, bpom, sni, haki, other; P-IRT dan BPOM di produknya
#   - type: halal
#     number: ID32110000123450823
# payments: [qris, transfer, tunai]  # cara bayar: qris, transfer, cod, ewallet, tunai
# delivery: [ambil, kurir]   # ambil (di tempat), antar (dalam kota), kurir
# featured: true             # tampil di beranda
draft: true                  # hapus baris ini bila data sudah lengkap dan siap terbit
# aliases: [/ikm/nama-lama/] # alamat lama yang dialihkan ke sini
---
Ceritakan usaha Anda di sini: sejarah, bahan, cara membuat, keunggulan.
"""

PRODUCT = """\
---
# Data produk. Baris yang diawali # adalah petunjuk; hapus # untuk mengisi kolomnya.
# (Kecuali baris berikut: untuk pemeriksaan di editor teks; biarkan apa adanya.)
# yaml-language-server: $schema={schema}
name: {title}                # nama produk (wajib)
category: {category}         # slug kategori (wajib): {categories}
# price: 25000               # harga dalam rupiah tanpa titik; atau rentang:
# price: {{from: 150000, to: 250000}}
# unit: pcs                  # pcs, kg, lembar, botol, ...
# images:                    # foto di folder products/, yang pertama foto utama
#   - {slug}-1.jpg
# variants:
#   - name: Ukuran M
#     price: 25000
# material: Katun
# size: 20 x 30 cm
# weight_g: 250              # berat dalam gram
# min_order: 1
stock: available             # available (tersedia), preorder, sold_out (habis)
# tags: [oleh-oleh, khas cirebon]
# certifications:            # nomor produk ini; seperti tertulis di sertifikat
#   - type: pirt             # pirt, bpom, halal, sni, haki, other
#     number: P-IRT No. 2063274010123-30
# showroom: true             # dipajang di galeri (Galeri IKM)
# shelf_life_days: 30        # masa simpan dalam hari
# preorder_days: 3           # lama membuat pesanan pre-order, dalam hari
# featured: true             # tampil di beranda
added: {today}               # tanggal ditambahkan (YYYY-MM-DD)
# sku: "001"
draft: true                  # hapus baris ini bila data sudah lengkap dan siap terbit
---
Tuliskan deskripsi produk di sini: bahan, rasa atau ukuran, cara pakai atau penyimpanan.
"""


_CATEGORY_LINE = re.compile(r"^category:\s*([a-z0-9-]+)\s*$", re.MULTILINE)


class ScaffoldError(Exception):
    """The slug is wrong, the business does not exist, or the file already exists."""


def new_business(content: Path, slug: str) -> Path:
    if not is_slug(slug):
        raise ScaffoldError(f"slug {slug!r} tidak sah (huruf kecil a-z, angka, tanda - tunggal)")
    file = content / "ikm" / slug / "index.md"
    _refuse_existing(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    (file.parent / "products").mkdir(exist_ok=True)
    file.write_text(
        business_text(_title(slug), schema_path(content, file, "ikm.schema.json")), encoding="utf-8"
    )
    return file


def new_product(content: Path, target: str, categories: list[str]) -> Path:
    business, _, slug = target.partition("/")
    for part in (business, slug):
        if not is_slug(part):
            raise ScaffoldError(f"{target!r}: tulis <slug-usaha>/<slug-produk> dengan slug yang sah")
    folder = content / "ikm" / business
    if not (folder / "index.md").is_file():
        raise ScaffoldError(f"usaha {business!r} belum ada (buat dulu: python build.py new ikm {business})")
    _refuse_existing(folder / "products" / f"{slug}.yaml")
    file = folder / "products" / f"{slug}.md"
    _refuse_existing(file)
    file.parent.mkdir(exist_ok=True)
    category = _likely_category(folder / "products", categories)
    schema = schema_path(content, file, "produk.schema.json")
    file.write_text(product_text(_title(slug), slug, category, categories, schema), encoding="utf-8")
    return file


def business_text(title: str, schema: str) -> str:
    """A business's scaffold; `import` fills the same text, so both explain the same fields."""
    return BUSINESS.format(title=title, schema=schema)


def product_text(title: str, slug: str, category: str, categories: list[str], schema: str) -> str:
    """A product's scaffold (added today); `import` fills the same text."""
    values = {"title": title, "slug": slug, "category": category, "schema": schema}
    return PRODUCT.format(**values, categories=", ".join(categories), today=dt.date.today().isoformat())


def _likely_category(products: Path, categories: list[str]) -> str:
    """The category most of the business's products already have (a batik maker's next
    product is most likely batik too); else the first in categories.yaml."""
    written = Counter(
        found.group(1)
        for file in sorted(products.glob("*.*"))
        if file.suffix in (".md", ".yaml")
        and (found := _CATEGORY_LINE.search(file.read_text(encoding="utf-8", errors="replace")))
        and found.group(1) in categories
    )
    if written:
        return written.most_common(1)[0][0]
    return categories[0] if categories else "ganti-dengan-slug-kategori"


def schema_path(content: Path, file: Path, name: str) -> str:
    """The schema's path relative to the new file, which is how yaml-language-server finds it."""
    return Path(os.path.relpath(schema_dir(content) / name, file.resolve().parent)).as_posix()


def _refuse_existing(file: Path) -> None:
    if file.exists():
        raise ScaffoldError(f"{file} sudah ada; tidak ditimpa")


def _title(slug: str) -> str:
    return " ".join(word.capitalize() for word in slug.split("-"))
