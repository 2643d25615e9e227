"""Generate a synthetic Galeri IKM content folder at real scale, for benchmarks.

The output follows /work/shared/CONTENT-SPEC.md exactly (site.yaml, categories.yaml,
pages/, ikm/<slug>/index.md, ikm/<slug>/products/<slug>.md|.yaml, photos beside the
products), so the generator can be measured on content shaped like the real catalog.

Every value is written so that plain `yaml.safe_load` already yields the intended type
(text that looks like a number is quoted), which keeps the corpus valid whichever
YAML loader the generator uses. Output is deterministic for a given set of options.

Usage:
    .venv/bin/python bench/make_corpus.py --out /tmp/corpus [--businesses 3111]
        [--products 10] [--photos 0] [--seed 1] [--jobs N] [--force]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

DISTRICTS = ["Harjamukti", "Kejaksan", "Kesambi", "Lemahwungkuk", "Pekalipan"]
BASE_URL = "https://bench.example.org/"
PHOTO_SIZE = (2000, 1500)
PHOTO_QUALITY = 85
YAML_SHARE = 0.10  # share of products written as .yaml instead of .md
ADDED_FIRST = date(2025, 1, 1)
ADDED_DAYS = (date(2026, 10, 31) - ADDED_FIRST).days

# ---------------------------------------------------------------------------
# Word lists. Each leaf category carries what is needed to invent its products.
# ---------------------------------------------------------------------------

MOTIFS = [
    "Mega Mendung",
    "Singa Barong",
    "Paksi Naga Liman",
    "Wadasan",
    "Kapal Kandas",
    "Ayam Alas",
    "Sawat Penganten",
    "Patran Keris",
    "Taman Arum",
    "Kompeni",
    "Liris",
    "Banji",
]
COLOURS = [
    "Biru",
    "Merah Marun",
    "Hijau Tosca",
    "Cokelat Sogan",
    "Hitam",
    "Krem",
    "Nila",
]
FLAVOURS = [
    "Original",
    "Pedas",
    "Manis",
    "Gurih",
    "Pedas Manis",
    "Bawang",
    "Jeruk Nipis",
]
PACKS = ["100 g", "250 g", "500 g", "1 kg"]
SIZES = ["S", "M", "L", "XL", "XXL"]
FINISHES = ["Natural", "Cokelat Tua", "Putih Gading", "Hitam Doff"]

CATEGORIES: list[dict] = [
    {
        "slug": "fesyen-batik",
        "name": "Fesyen & Batik",
        "description": "Batik tulis dan cap khas Trusmi, busana muslim, dan aksesoris.",
        "trades": ["Batik", "Griya Batik", "Sanggar Batik", "Butik", "Konveksi"],
        "children": [
            {
                "slug": "batik-tulis",
                "name": "Batik Tulis",
                "items": ["Kain Batik Tulis", "Selendang Batik", "Kemeja Batik Tulis"],
                "quals": MOTIFS,
                "units": ["lembar", "pcs"],
                "materials": ["Katun Primisima", "Sutra ATBM", "Katun Prima"],
                "sizes": ["2 x 1,15 m", "2,5 x 1,15 m", "M", "L"],
                "price": (250_000, 2_500_000),
                "weight": (200, 600),
                "variants": COLOURS,
            },
            {
                "slug": "batik-cap",
                "name": "Batik Cap",
                "items": [
                    "Kain Batik Cap",
                    "Kemeja Batik",
                    "Daster Batik",
                    "Blus Batik",
                ],
                "quals": MOTIFS,
                "units": ["lembar", "pcs"],
                "materials": ["Katun", "Rayon", "Dobby"],
                "sizes": ["M", "L", "XL", "All size"],
                "price": (75_000, 450_000),
                "weight": (150, 400),
                "variants": SIZES,
            },
            {
                "slug": "busana-muslim",
                "name": "Busana Muslim",
                "items": ["Gamis", "Kerudung", "Mukena", "Baju Koko", "Sarung"],
                "quals": MOTIFS + COLOURS,
                "units": ["pcs", "set"],
                "materials": ["Katun Rayon", "Wolfis", "Voal", "Katun Jepang"],
                "sizes": ["M", "L", "XL", "All size"],
                "price": (50_000, 600_000),
                "weight": (150, 700),
                "variants": SIZES,
            },
            {
                "slug": "aksesoris",
                "name": "Aksesoris",
                "items": [
                    "Tas Batik",
                    "Dompet Batik",
                    "Ikat Kepala",
                    "Gantungan Kunci",
                ],
                "quals": MOTIFS,
                "units": ["pcs"],
                "materials": ["Kain Batik", "Kulit Sintetis", "Kanvas"],
                "sizes": ["Kecil", "Sedang", "Besar"],
                "price": (15_000, 350_000),
                "weight": (30, 500),
                "variants": COLOURS,
            },
        ],
    },
    {
        "slug": "kuliner",
        "name": "Kuliner & Oleh-oleh",
        "description": "Kerupuk, sambal, sirup, dan kue tradisional khas Cirebon.",
        "trades": ["Dapur", "Kedai", "Pawon", "Oleh-oleh", "Kerupuk"],
        "children": [
            {
                "slug": "makanan-ringan",
                "name": "Makanan Ringan",
                "items": [
                    "Kerupuk Udang",
                    "Kerupuk Melarat",
                    "Emping Melinjo",
                    "Rengginang",
                ],
                "quals": FLAVOURS,
                "units": ["bungkus", "kg", "toples"],
                "materials": ["Udang segar", "Tepung tapioka", "Melinjo pilihan"],
                "sizes": PACKS,
                "price": (10_000, 120_000),
                "weight": (100, 1000),
                "variants": PACKS,
            },
            {
                "slug": "sambal-bumbu",
                "name": "Sambal & Bumbu",
                "items": ["Sambal Roa", "Terasi Udang", "Bumbu Empal Gentong", "Petis"],
                "quals": FLAVOURS,
                "units": ["botol", "bungkus"],
                "materials": ["Cabai rawit", "Rebon", "Rempah pilihan"],
                "sizes": ["150 ml", "250 ml", "100 g", "250 g"],
                "price": (12_000, 85_000),
                "weight": (100, 400),
                "variants": FLAVOURS,
            },
            {
                "slug": "minuman",
                "name": "Minuman",
                "items": ["Sirup Tjampolay", "Kopi Bubuk", "Wedang Jahe", "Teh Rosela"],
                "quals": ["Pisang Susu", "Jeruk Nipis", "Melon", "Robusta", "Original"],
                "units": ["botol", "bungkus", "pak"],
                "materials": ["Gula asli", "Jahe merah", "Biji kopi robusta"],
                "sizes": ["350 ml", "620 ml", "200 g", "10 sachet"],
                "price": (15_000, 95_000),
                "weight": (200, 900),
                "variants": FLAVOURS,
            },
            {
                "slug": "kue-tradisional",
                "name": "Kue Tradisional",
                "items": ["Kue Gapit", "Dodol", "Jipang", "Kue Semprong", "Tape Ketan"],
                "quals": FLAVOURS,
                "units": ["toples", "kotak", "bungkus"],
                "materials": ["Tepung beras", "Ketan", "Gula aren"],
                "sizes": PACKS,
                "price": (15_000, 100_000),
                "weight": (150, 800),
                "variants": PACKS,
            },
        ],
    },
    {
        "slug": "kerajinan",
        "name": "Kerajinan & Dekorasi",
        "description": "Rotan, topeng, wayang, dan lukisan kaca buatan perajin Cirebon.",
        "trades": ["Rotan", "Sanggar", "Galeri", "Kriya", "Mebel Rotan"],
        "children": [
            {
                "slug": "rotan",
                "name": "Rotan",
                "items": [
                    "Kursi Rotan",
                    "Keranjang Rotan",
                    "Kap Lampu Rotan",
                    "Meja Rotan",
                ],
                "quals": ["Anyaman Kepang", "Model Bulat", "Minimalis", "Klasik"],
                "units": ["pcs", "set"],
                "materials": ["Rotan sintetis", "Rotan alam", "Rotan pulut"],
                "sizes": ["40 x 40 cm", "60 x 60 x 75 cm", "Diameter 35 cm"],
                "price": (45_000, 3_500_000),
                "weight": (300, 15000),
                "variants": FINISHES,
            },
            {
                "slug": "topeng-wayang",
                "name": "Topeng & Wayang",
                "items": [
                    "Topeng Kelana",
                    "Topeng Panji",
                    "Wayang Golek",
                    "Wayang Kulit",
                ],
                "quals": ["Ukiran Halus", "Mini", "Pajangan", "Pentas"],
                "units": ["pcs", "set"],
                "materials": ["Kayu jaran", "Kayu mahoni", "Kulit kerbau"],
                "sizes": ["Kecil", "Sedang", "Besar", "30 cm"],
                "price": (50_000, 1_500_000),
                "weight": (100, 2000),
                "variants": FINISHES,
            },
            {
                "slug": "lukisan-kaca",
                "name": "Lukisan Kaca",
                "items": ["Lukisan Kaca", "Kaligrafi Kaca", "Lukisan Kaca Wayang"],
                "quals": MOTIFS,
                "units": ["pcs"],
                "materials": ["Kaca bening dan cat minyak", "Kaca dan prada emas"],
                "sizes": ["30 x 40 cm", "50 x 70 cm", "60 x 90 cm"],
                "price": (150_000, 5_000_000),
                "weight": (1000, 8000),
                "variants": ["Bingkai Kayu", "Bingkai Ukir", "Tanpa Bingkai"],
            },
        ],
    },
]

NAME_MIDDLE = [
    "Mega",
    "Sari",
    "Ayu",
    "Putri",
    "Sekar",
    "Wijaya",
    "Cahaya",
    "Berkah",
    "Barokah",
    "Maju",
    "Sinar",
    "Lestari",
    "Mulya",
    "Rahayu",
    "Kencana",
    "Sumber",
    "Tirta",
    "Kusuma",
    "Citra",
    "Harapan",
    "Karya",
    "Mandiri",
    "Bunda",
    "Dewi",
]
NAME_LAST = [
    "Jaya",
    "Makmur",
    "Abadi",
    "Sejahtera",
    "Mulia",
    "Indah",
    "Asri",
    "Sentosa",
    "Cirebon",
    "Trusmi",
    "Gunung Jati",
    "Kasepuhan",
    "Kanoman",
    "Kalijaga",
    "Lestari",
    "Utama",
]
FIRST_NAMES = [
    "Siti",
    "Nur",
    "Ahmad",
    "Dedi",
    "Yanti",
    "Euis",
    "Mamat",
    "Rina",
    "Asep",
    "Tati",
    "Wawan",
    "Kartini",
    "Ujang",
    "Ratna",
    "Iwan",
    "Eti",
    "Sugeng",
    "Masruroh",
    "Komarudin",
    "Nining",
]
LAST_NAMES = [
    "Rohaeti",
    "Sunarya",
    "Hidayat",
    "Kurniasih",
    "Suryana",
    "Maulana",
    "Fauziah",
    "Setiawan",
    "Rahmawati",
    "Supriatna",
    "Nurhayati",
    "Saputra",
]
STREETS = [
    "Jl. Pekiringan",
    "Jl. Kesambi Raya",
    "Jl. Kalijaga",
    "Jl. Pagongan",
    "Jl. Lemahwungkuk",
    "Jl. Karanggetas",
    "Jl. Pemuda",
    "Jl. Kartini",
    "Jl. Ciptomangunkusumo",
    "Jl. Evakuasi",
    "Jl. Perjuangan",
]
TAGLINES = [
    "Warisan rasa dari Kota Udang",
    "Dibuat dengan tangan, dengan hati",
    "Kualitas ekspor, harga bersahabat",
    "Khas Cirebon sejak dulu",
    "Karya perajin lokal",
    "Oleh-oleh pilihan keluarga",
]
STORY = [
    "{name} dirintis oleh {owner} pada tahun {since} di {place}.",
    "Semua produk dibuat dengan tangan oleh perajin dari lingkungan sekitar.",
    "Bahan baku dipilih langsung dari pemasok lokal di Cirebon dan sekitarnya.",
    "Kami melayani pesanan satuan maupun partai besar untuk kantor dan hajatan.",
    "Produk kami sudah dikirim ke Jakarta, Bandung, Surabaya, bahkan ke luar negeri.",
    "Pengunjung dapat melihat langsung proses produksi di bengkel kami.",
    "Usaha ini kini mempekerjakan {workers} orang warga sekitar.",
    "Motif dan resep warisan keluarga tetap kami jaga sampai sekarang.",
    "Kami rutin mengikuti pameran produk unggulan Kota Cirebon.",
    "Pesanan dapat diambil langsung atau dikirim melalui jasa ekspedisi.",
]
PRODUCT_TEXT = [
    "{name} dibuat dari bahan pilihan dengan pengerjaan yang teliti.",
    "Cocok untuk oleh-oleh khas Cirebon maupun hadiah untuk keluarga.",
    "Setiap produk diperiksa satu per satu sebelum dikirim.",
    "Tersedia dalam beberapa pilihan; tanyakan stok terbaru melalui WhatsApp.",
    "Warna pada foto dapat sedikit berbeda dengan aslinya karena pencahayaan.",
    "Simpan di tempat kering dan terhindar dari sinar matahari langsung.",
    "Pemesanan dalam jumlah besar mendapatkan **harga khusus**.",
    "Dikemas rapi sehingga aman untuk pengiriman luar kota.",
]
CERT_TYPES = ["halal", "pirt", "bpom", "sni", "haki", "other"]
MARKETPLACES = {
    "tokopedia": "https://www.tokopedia.com/{slug}",
    "shopee": "https://shopee.co.id/{slug}",
    "lazada": "https://www.lazada.co.id/shop/{slug}",
    "blibli": "https://www.blibli.com/merchant/{slug}",
}
YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
PLAIN_OK = re.compile(r"[A-Za-z][A-Za-z0-9 .,'&()/+-]*")
SLUG_STRIP = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def scalar(text: str) -> str:
    """Write text plain when YAML reads it back as the same string, else quoted."""
    if PLAIN_OK.fullmatch(text) and text.lower() not in YAML11_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str) -> str:
    """Turn a display name into a slug that obeys the spec's slug rule."""
    return SLUG_STRIP.sub("-", text.lower()).strip("-")


def unique(slug: str, taken: set[str]) -> str:
    """Append -2, -3, ... so slugs stay unique; record the result in `taken`."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def rupiah(rng: random.Random, low: int, high: int) -> int:
    """Pick a price rounded like real price tags (to 500 or 1,000 rupiah)."""
    step = 500 if high < 100_000 else 1000
    return rng.randrange(low // step, high // step + 1) * step


def phone(rng: random.Random) -> str:
    """An Indonesian mobile number in one of the forms editors really type."""
    digits = f"8{rng.choice('1125789')}{rng.randrange(10**9):09d}"
    form = rng.randrange(4)
    if form == 0:
        return f"0{digits}"
    if form == 1:
        return f"0{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if form == 2:
        return f"+62 {digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"62{digits}"


def yaml_list(key: str, items: list[str]) -> list[str]:
    """A block-style YAML list of scalars."""
    return [f"{key}:"] + [f"  - {scalar(item)}" for item in items]


def paragraphs(rng: random.Random, pool: list[str], sizes: list[int], **fill: object) -> str:
    """Paragraphs of the given sentence counts, no sentence used twice, filled with `fill`."""
    picked = [s.format(**fill) for s in rng.sample(pool, min(sum(sizes), len(pool)))]
    out, start = [], 0
    for size in sizes:
        if picked[start : start + size]:
            out.append(" ".join(picked[start : start + size]))
        start += size
    return "\n\n".join(out)


def front_matter(lines: list[str], body: str) -> str:
    """A Markdown file: YAML front matter between --- lines, then the body."""
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body.rstrip("\n") + "\n"


# ---------------------------------------------------------------------------
# Site-wide files
# ---------------------------------------------------------------------------


def site_yaml() -> str:
    """site.yaml with every documented field, Kota Cirebon districts, bench base_url."""
    districts = "\n".join(f"  - {d}" for d in DISTRICTS)
    return (
        "title: Galeri IKM Kota Cirebon\n"
        "tagline: Etalase produk industri kecil dan menengah Kota Cirebon\n"
        f"base_url: {BASE_URL}\n"
        "language: id\n"
        "publisher: Dinas Koperasi, UMKM, Perdagangan dan Perindustrian Kota Cirebon\n"
        "contact:\n"
        '  address: "Jl. Dr. Sudarsono No. 40, Kota Cirebon"\n'
        '  phone: "(0231) 123456"\n'
        "  email: galeri@bench.example.org\n"
        '  whatsapp: "0812-0000-1234"\n'
        f"districts:\n{districts}\n"
        "theme: mal\n"
        "brand:\n"
        '  primary: "#1d4e89"\n'
        '  accent: "#f2a541"\n'
        "per_page: 24\n"
        "print:\n"
        "  paper: A4\n"
        "  bleed_mm: 3\n"
        "  crop_marks: true\n"
    )


def categories_yaml() -> str:
    """categories.yaml: the three top-level categories and their children."""
    out: list[str] = []
    for top in CATEGORIES:
        out += [f"- slug: {top['slug']}", f"  name: {scalar(top['name'])}"]
        out.append(f"  description: {scalar(top['description'])}")
        out.append("  children:")
        for child in top["children"]:
            out += [
                f"    - slug: {child['slug']}",
                f"      name: {scalar(child['name'])}",
            ]
    return "\n".join(out) + "\n"


PAGES = {
    "tentang.md": (
        "---\ntitle: Tentang Galeri\nmenu: true\norder: 1\n---\n\n"
        "Galeri IKM Kota Cirebon memajang produk industri kecil dan menengah "
        "dari lima kecamatan di Kota Cirebon.\n"
    ),
    "cara-pesan.md": (
        "---\nmenu: true\norder: 2\ndescription: Langkah memesan produk\n---\n\n"
        "# Cara Pesan\n\n1. Pilih produk.\n2. Hubungi penjual melalui WhatsApp.\n"
        "3. Sepakati harga, ongkos kirim, dan cara bayar.\n"
    ),
}


# ---------------------------------------------------------------------------
# Businesses and products
# ---------------------------------------------------------------------------


@dataclass
class Product:
    """One product as it will be written; images are filled in after the fact."""

    slug: str
    lines: list[str]
    body: str
    as_yaml: bool
    images: list[str] = field(default_factory=list)

    def render(self) -> str:
        """The file text: .md with front matter, or .yaml with `description`."""
        lines = list(self.lines)
        if self.images:
            lines += yaml_list("images", self.images)
        if not self.as_yaml:
            return front_matter(lines, self.body)
        block = "\n".join(f"  {ln}" if ln else "" for ln in self.body.splitlines())
        return "\n".join(lines) + "\ndescription: |\n" + block + "\n"


@dataclass
class Business:
    """One business folder: its index.md fields, story and products."""

    slug: str
    lines: list[str]
    body: str
    products: list[Product]
    cover: str | None = None

    def render(self) -> str:
        """The index.md text."""
        lines = list(self.lines)
        if self.cover:
            lines.append(f"cover: {self.cover}")
        return front_matter(lines, self.body)


def business_name(rng: random.Random, top: dict) -> str:
    """A plausible Cirebon business name: trade word + two name words."""
    middle, last = rng.choice(NAME_MIDDLE), rng.choice(NAME_LAST)
    while last == middle:
        last = rng.choice(NAME_LAST)
    return f"{rng.choice(top['trades'])} {middle} {last}"


def fresh_name(make: Callable[[], str], taken: set[str], tries: int = 25) -> str:
    """Redraw a name until its slug is free, so `-2` suffixes stay as rare as in reality."""
    name = make()
    for _ in range(tries):
        if slugify(name) not in taken:
            break
        name = make()
    return name


def contact_lines(rng: random.Random, slug: str) -> list[str]:
    """whatsapp/phone/email: at least one of them, as the spec requires."""
    lines: list[str] = []
    roll = rng.random()
    if roll < 0.85:
        number = phone(rng)  # "08..." reads back as text even unquoted, like editors write it
        lines.append(f"whatsapp: {number if number.startswith('08') else scalar(number)}")
    if roll >= 0.85 or rng.random() < 0.3:
        lines.append(f'phone: "(0231) {rng.randrange(200000, 999999)}"')
    if roll >= 0.95 or rng.random() < 0.4:
        lines.append(f"email: {slug.replace('-', '')}@bench.example.org")
    return lines


def social_lines(rng: random.Random, slug: str) -> list[str]:
    """Social handles and marketplace links, in the varied forms editors use."""
    handle = slug.replace("-", "")
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.append(f"instagram: {scalar(rng.choice(['@', '']) + handle)}")
    if rng.random() < 0.3:
        lines.append(f"facebook: https://www.facebook.com/{handle}")
    if rng.random() < 0.2:
        lines.append(f"tiktok: {scalar('@' + handle)}")
    shops = [name for name in MARKETPLACES if rng.random() < 0.35]
    if shops:
        lines.append("marketplaces:")
        lines += [f"  {name}: {MARKETPLACES[name].format(slug=handle)}" for name in shops]
    return lines


def certification_lines(rng: random.Random) -> list[str]:
    """0-3 certifications with realistic-looking numbers (always quoted text)."""
    count = rng.choice([0, 0, 0, 1, 1, 2, 3])
    if not count:
        return []
    lines = ["certifications:"]
    for kind in rng.sample(CERT_TYPES, count):
        number = f"{kind.upper()}-{rng.randrange(10**12):012d}"
        if kind == "halal":  # the shapes `check` accepts (catalog/content/legal.py)
            number = f"ID32{rng.randrange(10**15):015d}"
        elif kind == "pirt":  # issued in Kota Cirebon (3274), valid until 2027-2031
            serial = f"{rng.randrange(1, 10)}{rng.randrange(100):02d}3274{rng.randrange(10**6):06d}"
            number = f"P-IRT No. {serial}-{rng.randrange(27, 32)}"
        elif kind == "bpom":
            number = f"BPOM RI MD {rng.randrange(10**12):012d}"
        lines += [f"  - type: {kind}", f'    number: "{number}"']
    return lines


def make_business(rng: random.Random, index: int, taken: set[str]) -> Business:
    """Invent one business and its products (without photos)."""
    top = CATEGORIES[index % len(CATEGORIES)]
    name = fresh_name(lambda: business_name(rng, top), taken)
    slug = unique(slugify(name), taken)
    owner = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    since = rng.randint(1965, 2024)
    district = rng.choice(DISTRICTS) if rng.random() < 0.9 else None
    lines = [f"name: {scalar(name)}"]
    if rng.random() < 0.7:
        lines.append(f"tagline: {scalar(rng.choice(TAGLINES))}")
    if rng.random() < 0.8:
        lines += [f"owner: {scalar(owner)}", f"since: {since}"]
    lines.append(f"kind: {rng.choice(['ikm', 'ikm', 'umkm'])}")
    if district:
        lines.append(f"district: {district}")
    if rng.random() < 0.8:
        street = f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}"
        lines.append(f"address: {scalar(street)}")
    lines += contact_lines(rng, slug) + social_lines(rng, slug) + certification_lines(rng)
    if rng.random() < 0.02:
        lines.append("featured: true")
    if rng.random() < 0.01:
        lines += yaml_list("aliases", [f"/ikm/{slug}-lama/"])
    fill = {
        "name": name,
        "owner": owner,
        "since": since,
        "place": f"Kecamatan {district}" if district else "Kota Cirebon",
        "workers": rng.randint(2, 40),
    }
    sizes = [rng.randint(2, 4)] + [2] * rng.randint(0, 3)
    return Business(slug, lines, paragraphs(rng, STORY, sizes, **fill), [])


def price_lines(rng: random.Random, low: int, high: int) -> list[str]:
    """A single price (75%), a from/to range (15%), or none = price on request."""
    roll = rng.random()
    if roll < 0.75:
        return [f"price: {rupiah(rng, low, high)}"]
    if roll < 0.90:
        a, b = sorted((rupiah(rng, low, high), rupiah(rng, low, high)))
        b = b if b > a else a + 10_000
        if rng.random() < 0.5:
            return [f"price: {{from: {a}, to: {b}}}"]
        return ["price:", f"  from: {a}", f"  to: {b}"]
    return []


def variant_lines(rng: random.Random, leaf: dict, base: int) -> list[str]:
    """0 or 2-4 variants; some carry their own price."""
    if rng.random() >= 0.3:
        return []
    lines = ["variants:"]
    for name in rng.sample(leaf["variants"], rng.randint(2, min(4, len(leaf["variants"])))):
        lines.append(f"  - name: {scalar(name)}")
        if rng.random() < 0.5:
            lines.append(f"    price: {base + rng.randrange(0, 20) * 5000}")
    return lines


def product_body(rng: random.Random, name: str, leaf: dict) -> str:
    """1-3 paragraphs of Markdown, sometimes with a short spec list."""
    sizes = [rng.randint(1, 3)] + ([2] if rng.random() < 0.4 else [])
    text = paragraphs(rng, PRODUCT_TEXT, sizes, name=name)
    if rng.random() < 0.25:
        text += f"\n\n- Bahan: {rng.choice(leaf['materials'])}"
        text += f"\n- Ukuran: {rng.choice(leaf['sizes'])}"
    return text


def make_product(rng: random.Random, top: dict, biz: str, taken: set[str]) -> Product:
    """Invent one product of a business whose trade lies under `top`."""
    leaf = rng.choice(top["children"])
    name = fresh_name(lambda: f"{rng.choice(leaf['items'])} {rng.choice(leaf['quals'])}", taken)
    slug = unique(slugify(name), taken)
    low, high = leaf["price"]
    category = top["slug"] if rng.random() < 0.05 else leaf["slug"]
    lines = [f"name: {scalar(name)}", f"category: {category}"]
    lines += price_lines(rng, low, high)
    lines.append(f"unit: {rng.choice(leaf['units'])}")
    lines += variant_lines(rng, leaf, rupiah(rng, low, high))
    if rng.random() < 0.6:
        lines.append(f"material: {scalar(rng.choice(leaf['materials']))}")
    if rng.random() < 0.5:
        lines.append(f"size: {scalar(rng.choice(leaf['sizes']))}")
    if rng.random() < 0.7:
        lines.append(f"weight_g: {rng.randint(*leaf['weight'])}")
    if rng.random() < 0.3:
        lines.append(f"min_order: {rng.choice([2, 3, 5, 10, 12, 50])}")
    stock = rng.choices(["available", "preorder", "sold_out", None], [50, 15, 5, 30])[0]
    if stock:
        lines.append(f"stock: {stock}")
    tags = sorted({slugify(w) for w in name.split()[:2]} | {leaf["slug"], "khas-cirebon"})
    lines.append(f"tags: [{', '.join(rng.sample(tags, rng.randint(1, len(tags))))}]")
    if rng.random() < 0.03:
        lines.append("featured: true")
    added = ADDED_FIRST + timedelta(days=rng.randrange(ADDED_DAYS + 1))
    lines.append(f"added: {added.isoformat()}")
    if rng.random() < 0.4:
        lines.append(f'sku: "{biz[:3].upper()}-{rng.randrange(10**5):05d}"')
    body = product_body(rng, name, leaf)
    return Product(slug, lines, body, rng.random() < YAML_SHARE)


def make_catalog(businesses: int, products: int, seed: int) -> list[Business]:
    """All businesses and products, text only; same seed gives the same catalog."""
    rng = random.Random(seed)
    taken: set[str] = set()
    catalog: list[Business] = []
    for index in range(businesses):
        biz = make_business(rng, index, taken)
        top = CATEGORIES[index % len(CATEGORIES)]
        product_slugs: set[str] = set()
        biz.products = [make_product(rng, top, biz.slug, product_slugs) for _ in range(products)]
        catalog.append(biz)
    return catalog


# ---------------------------------------------------------------------------
# Photos
# ---------------------------------------------------------------------------


def assign_photos(catalog: list[Business], photos: int, seed: int) -> list[tuple[Path, str]]:
    """Give 1-3 new photos to each product of the first businesses until `photos` run out.

    Uses its own random stream so the text of a photo corpus equals the text of the
    photo-less corpus with the same seed (only `images`/`cover` lines are added).
    Returns (path relative to the content folder, per-photo seed) pairs.
    """
    rng = random.Random(f"{seed}:photos")
    jobs: list[tuple[Path, str]] = []
    for biz in catalog:
        if len(jobs) >= photos:
            break
        for product in biz.products:
            count = min(rng.randint(1, 3), photos - len(jobs))
            for n in range(1, count + 1):
                name = f"{product.slug}-{n}.jpg"
                product.images.append(name)
                jobs.append((Path("ikm", biz.slug, "products", name), f"{seed}:{len(jobs)}"))
        if biz.products and biz.products[0].images:
            biz.cover = f"products/{biz.products[0].images[0]}"
    return jobs


def render_photo(target: str, seed: str) -> None:
    """Write one 2000x1500 JPEG that does not compress trivially and differs per seed.

    A rotated colour gradient, random shapes and coarse RGB noise: enough entropy
    that the encoder and resizer do real work, like on a phone photo.
    """
    rng = random.Random(seed)
    width, height = PHOTO_SIZE

    def colour() -> tuple[int, int, int]:
        return (rng.randrange(256), rng.randrange(256), rng.randrange(256))

    ramp = Image.linear_gradient("L").resize((512, 512))
    ramp = ramp.rotate(rng.uniform(0, 360), resample=Image.Resampling.BILINEAR)
    ramp = ramp.crop((128, 128, 384, 384)).resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    img = ImageOps.colorize(ramp, colour(), colour())
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(12, 30)):
        x, y = rng.randrange(width), rng.randrange(height)
        box = (x, y, x + rng.randint(40, 700), y + rng.randint(40, 600))
        kind = rng.random()
        if kind < 0.4:
            draw.ellipse(box, fill=colour())
        elif kind < 0.7:
            draw.rectangle(box, fill=colour())
        else:
            points = [(rng.randrange(width), rng.randrange(height)) for _ in range(5)]
            draw.polygon(points, fill=colour())
    size = (width // 2, height // 2)
    noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    noise = noise.resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    img = Image.blend(img, noise, rng.uniform(0.12, 0.25))
    img.save(target, "JPEG", quality=PHOTO_QUALITY)


def _render_job(job: tuple[str, str]) -> None:
    """Pool adapter for render_photo."""
    render_photo(*job)


def write_photos(out: Path, jobs: list[tuple[Path, str]], workers: int) -> None:
    """Render photos in parallel; each photo has its own seed, so order does not matter."""
    tasks = [(str(out / rel), seed) for rel, seed in jobs]
    if workers <= 1 or len(tasks) < 4:
        for task in tasks:
            _render_job(task)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(_render_job, tasks, chunksize=4):
            pass


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


@dataclass
class Summary:
    """What was written, for the caller's report."""

    businesses: int
    products_md: int
    products_yaml: int
    photos: int
    seconds: float


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends (the spec's baseline format)."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_catalog(out: Path, catalog: list[Business]) -> tuple[int, int]:
    """Write site files and every business/product; return (md, yaml) product counts."""
    (out / "pages").mkdir(parents=True)
    (out / "ikm").mkdir()
    write_text(out / "site.yaml", site_yaml())
    write_text(out / "categories.yaml", categories_yaml())
    for name, text in PAGES.items():
        write_text(out / "pages" / name, text)
    md = yml = 0
    for biz in catalog:
        folder = out / "ikm" / biz.slug
        os.makedirs(folder / "products")
        write_text(folder / "index.md", biz.render())
        for product in biz.products:
            ext = ".yaml" if product.as_yaml else ".md"
            write_text(folder / "products" / f"{product.slug}{ext}", product.render())
            yml += product.as_yaml
            md += not product.as_yaml
    return md, yml


def prepare_out(out: Path, force: bool) -> Path | None:
    """Refuse to mix with existing files; with --force, move an earlier corpus aside.

    The old corpus is renamed now and deleted only after the new one is written: on
    ext4 mounted with `discard`, creating many files right after deleting many is
    several times slower, which would spoil the generation time for no reason.
    """
    if not out.exists() or not any(out.iterdir()):
        return None
    if not force:
        raise SystemExit(f"{out} is not empty (use --force to replace an earlier corpus)")
    if not (out / "site.yaml").is_file():
        raise SystemExit(f"{out} does not look like a content folder; not deleting it")
    old = out.with_name(f"{out.name}.old-{os.getpid()}")
    out.rename(old)
    return old


def generate(
    out: Path,
    *,
    businesses: int = 3111,
    products: int = 10,
    photos: int = 0,
    seed: int = 1,
    jobs: int | None = None,
    force: bool = False,
) -> Summary:
    """Generate a complete content folder in `out`; the API run.py uses."""
    start = time.perf_counter()
    old = prepare_out(out, force)
    catalog = make_catalog(businesses, products, seed)
    photo_jobs = assign_photos(catalog, photos, seed) if photos > 0 else []
    if len(photo_jobs) < photos:
        print(
            f"warning: only {len(photo_jobs)} of {photos} photos fit "
            f"({businesses} x {products} products, at most 3 each)",
            file=sys.stderr,
        )
    md, yml = write_catalog(out, catalog)
    write_photos(out, photo_jobs, jobs or os.cpu_count() or 1)
    seconds = time.perf_counter() - start
    if old:
        shutil.rmtree(old)
    return Summary(businesses, md, yml, len(photo_jobs), seconds)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="content folder to create")
    parser.add_argument("--businesses", type=int, default=3111, help="default 3111")
    parser.add_argument("--products", type=int, default=10, help="per business, default 10")
    parser.add_argument(
        "--photos",
        type=int,
        default=0,
        help="distinct source photos (default 0 = none)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="photo workers (default nproc)")
    parser.add_argument("--force", action="store_true", help="replace an existing corpus")
    args = parser.parse_args(argv)
    for name in ("businesses", "products", "photos"):
        if getattr(args, name) < 0:
            parser.error(f"--{name} must be >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus and print a one-line summary."""
    args = parse_args(argv)
    s = generate(
        args.out,
        businesses=args.businesses,
        products=args.products,
        photos=args.photos,
        seed=args.seed,
        jobs=args.jobs,
        force=args.force,
    )
    print(
        f"{args.out}: {s.businesses} businesses, {s.products_md + s.products_yaml} products "
        f"({s.products_md} .md, {s.products_yaml} .yaml), {s.photos} photos "
        f"in {s.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
