"""The content schema: one pydantic model per kind of file, exactly as CONTENT-SPEC.md says.

These models validate what editors wrote (field by field, unknown fields refused) and
will emit the JSON Schema and the CMS configuration. Values arrive as the text the
editor wrote (see `yamlsafe`); pydantic converts where a field wants a number, a
bool or a date. Cross-file rules (categories exist, images exist) live in `validate`.
Custom error types are keys of `messages.MESSAGES`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

URL_RE = re.compile(
    r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$|^https?://localhost(?::\d+)?(?:[/?#]\S*)?$"
)
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_BASE_URL_RE = re.compile(
    rf"^https?://(?:{_HOST_LABEL}(?:\.{_HOST_LABEL})+|localhost)(?::[0-9]{{1,5}})?"
    r"(?:/(?:[A-Za-z0-9._~!$&*+;=:@-]|%[0-9A-Fa-f]{2})+)*/?$"
)
_URL_RE_STRICT = re.compile(r"^https://[A-Za-z0-9.-]+(?:/[^\s?#]*)?(?:\?[^\s#]*)?$")
_COLOR_RE = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|oklch)\([0-9a-zA-Z .,%/+-]*\)|[a-zA-Z]{3,20})$"
)
_MOBILE_RE = re.compile(r"628[0-9]{8,11}")  # 08xx with 10 to 13 digits, after the country code
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
_HANDLE_RE = re.compile(r"^@?[A-Za-z0-9_][A-Za-z0-9._-]{0,59}$")
SOCIAL_HOSTS = {
    "instagram": ("instagram.com", "https://www.instagram.com/{}/"),
    "facebook": ("facebook.com", "https://www.facebook.com/{}"),
    "tiktok": ("tiktok.com", "https://www.tiktok.com/@{}"),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _url(value: str) -> str:
    if not URL_RE.match(value):
        raise PydanticCustomError("bad_url", "bad url")
    return value


def is_base_url(value: str) -> bool:
    """http(s), a host name (optionally a port) and a path of URL characters: no quotes,
    angle brackets, spaces, query, fragment, userinfo or `.`/`..` segments, since the
    address goes into every page, feed and `_redirects` rule."""
    return bool(_BASE_URL_RE.match(value)) and not {".", ".."} & set(urlsplit(value).path.split("/"))


def _base_url(value: str) -> str:
    if not is_base_url(value):
        raise PydanticCustomError("bad_base_url", "bad base url")
    return value


def _color(value: str) -> str:
    if not _COLOR_RE.match(value):
        raise PydanticCustomError("bad_color", "bad colour")
    return value


def _email(value: str) -> str:
    if not _EMAIL_RE.match(value):
        raise PydanticCustomError("bad_email", "bad email")
    return value


def normalize_whatsapp(value: str) -> str:
    """`0812-3456-7890`, `+62 812 3456 7890`, `62812...` -> `6281234567890`. WhatsApp needs
    a mobile number: 08 and 8 to 11 more digits (a landline such as `(0231) 123456` is refused)."""
    digits = re.sub(r"[\s().-]", "", value)
    digits = digits.removeprefix("+")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if digits.startswith("620"):  # "+62 0812 ...", "+62 (0)812 ...": the trunk 0 is not dialled
        digits = "62" + digits[3:]
    if not digits.isdigit() or not digits.startswith("62") or not 10 <= len(digits) <= 15:
        raise PydanticCustomError("bad_phone", "bad phone")
    if not digits.startswith("628"):  # (0231) 123456: a landline, which WhatsApp cannot reach
        raise PydanticCustomError("whatsapp_not_mobile", "not a mobile number")
    if not _MOBILE_RE.fullmatch(digits):
        raise PydanticCustomError("bad_phone", "bad phone")
    return digits


def _region_code(value: str) -> str:
    if not re.fullmatch(r"[0-9]{4}", value):
        raise PydanticCustomError("region_code_shape", "bad region code")
    return value


def _text_only(value: object) -> object:
    """Refuse lists and mappings where text is expected (numbers already arrive as text)."""
    if isinstance(value, (list, dict)):
        raise PydanticCustomError("expected_text", "text expected")
    return value


def _whole(value: object) -> object:
    """Digits only: "15.000" (Indonesian thousands) must not quietly become 15."""
    if isinstance(value, str) and not re.fullmatch(r"-?[0-9]+", value):
        raise PydanticCustomError("expected_int", "whole number expected")
    return value


Text = Annotated[str, BeforeValidator(_text_only), Field(min_length=1)]
Whole = Annotated[int, BeforeValidator(_whole)]
Url = Annotated[Text, AfterValidator(_url)]
BaseUrl = Annotated[Text, AfterValidator(_base_url)]
Color = Annotated[Text, AfterValidator(_color)]
Email = Annotated[Text, AfterValidator(_email)]
WhatsApp = Annotated[Text, AfterValidator(normalize_whatsapp)]
ImagePath = Text
Rupiah = Annotated[Whole, Field(ge=1, le=1_000_000_000_000)]
# Google Merchant Center cuts product titles at 150 characters; a business name longer than
# 100 no longer fits the storefront header or the brochure cover (the demo's longest is 29).
PRODUCT_NAME_MAX = 150
BUSINESS_NAME_MAX = 100


def social(network: str) -> AfterValidator:
    host, template = SOCIAL_HOSTS[network]

    def to_url(value: str) -> str:
        if value.startswith("https://"):
            hostname = (urlsplit(value).hostname or "").lower()
            if (hostname == host or hostname.endswith("." + host)) and _URL_RE_STRICT.match(value):
                return value
            raise PydanticCustomError("bad_social", "bad social", {"host": host})
        if _HANDLE_RE.match(value):
            return template.format(value.lstrip("@"))
        raise PydanticCustomError("bad_social", "bad social", {"host": host})

    return AfterValidator(to_url)


class Contact(Strict):
    address: Text | None = Field(None, description="Alamat kantor")
    phone: Text | None = Field(None, description="Telepon")
    email: Email | None = Field(None, description="Email")
    whatsapp: WhatsApp | None = Field(None, description="Nomor WhatsApp")


class Brand(Strict):
    primary: Color | None = Field(None, description="Warna utama (CSS)")
    accent: Color | None = Field(None, description="Warna aksen (CSS)")
    logo: ImagePath | None = Field(None, description="Logo, path di bawah content/")


class PrintSelection(Strict):
    categories: list[Text] | None = Field(None, description="Slug kategori yang dicetak")
    businesses: list[Text] | None = Field(None, description="Slug usaha yang dicetak")


class Print(Strict):
    paper: Literal["A4", "A5"] = Field("A4", description="Ukuran kertas")
    bleed_mm: float = Field(0, ge=0, le=10, description="Bleed dalam milimeter")
    crop_marks: bool = Field(False, description="Tanda potong")
    columns: Whole | None = Field(None, ge=1, le=3, description="Kolom produk per halaman katalog")
    rows: Whole | None = Field(None, ge=1, le=4, description="Baris produk per halaman katalog")
    include: Literal["all", "featured"] | PrintSelection = Field(
        "all", description="Yang dicetak di katalog: all, featured, atau daftar kategori/usaha"
    )
    edition: Text | None = Field(None, description="Nama edisi di sampul, mis. Edisi Pameran 2026")
    binding: Literal["saddle", "perfect"] = Field(
        "saddle", description="Jilid: saddle (staples, kelipatan 4 halaman) atau perfect (lem)"
    )
    press: bool = Field(False, description="Tulis juga edisi percetakan (PDF/X-4, CMYK) di /katalog/cetak/")


class Showroom(Strict):
    name: Text | None = Field(None, description="Nama galeri, mis. Galeri IKM Kota Cirebon")
    address: Text | None = Field(None, description="Alamat galeri")
    hours: Text | None = Field(None, description="Jam buka, mis. Senin-Jumat 08.00-16.00")
    map_url: Url | None = Field(None, description="Tautan peta (Google Maps)")
    whatsapp: WhatsApp | None = Field(None, description="Nomor WhatsApp galeri")


class Legal(Strict):
    """This implementation's extension: which categories the legal report (`laporan`) treats
    as food and drink (halal expected) and as home-made food (P-IRT expected)."""

    food_categories: list[Text] | None = Field(None, description="Slug kategori makanan & minuman")
    pirt_categories: list[Text] | None = Field(None, description="Slug kategori pangan olahan rumah tangga")


class SiteConfig(Strict):
    title: Text = Field(description="Judul situs")
    tagline: Text | None = Field(None, description="Slogan di bawah judul")
    base_url: BaseUrl = Field(description="Alamat situs, contoh https://galeri-ikm.cirebonkota.go.id/")
    language: Literal["id", "en"] = Field("id", description="Bahasa tampilan")
    publisher: Text | None = Field(None, description="Instansi pengelola katalog")
    contact: Contact | None = None
    districts: list[Text] | None = Field(None, description="Daftar kecamatan yang sah")
    theme: Text = Field("mal", description="Nama folder tema di themes/")
    brand: Brand | None = None
    per_page: Whole = Field(24, ge=1, description="Produk per halaman kategori")
    print: Print | None = None
    print_foreword: Text | None = Field(None, description="Slug halaman yang dicetak sebagai kata pengantar")
    region_code: Annotated[Text, AfterValidator(_region_code)] | None = Field(
        None, description="Kode kab/kota (4 angka) untuk nomor P-IRT; Kota Cirebon: 3274"
    )
    legal: Legal | None = Field(None, description="Kategori pangan untuk laporan legalitas")
    showroom: Showroom | None = Field(None, description="Galeri fisik tempat produk dipajang")


class CategoryEntry(Strict):
    slug: Text = Field(description="Slug kategori")
    name: Text = Field(description="Nama kategori")
    description: Text | None = Field(None, description="Keterangan singkat")
    children: list[CategoryEntry] | None = Field(None, description="Subkategori")


class Certification(Strict):
    type: Literal["halal", "pirt", "bpom", "sni", "haki", "other"] = Field(description="Jenis sertifikat")
    number: Text | None = Field(None, description="Nomor sertifikat")


class BusinessFrontMatter(Strict):
    name: Text = Field(max_length=BUSINESS_NAME_MAX, description="Nama usaha")
    tagline: Text | None = Field(None, description="Satu kalimat tentang usaha")
    owner: Text | None = Field(None, description="Nama pemilik")
    since: Whole | None = Field(None, description="Tahun berdiri")
    kind: Literal["ikm", "umkm"] = Field("ikm", description="IKM atau UMKM")
    district: Text | None = Field(None, description="Kecamatan")
    address: Text | None = Field(None, description="Alamat")
    whatsapp: WhatsApp | None = Field(None, description="Nomor WhatsApp")
    phone: Text | None = Field(None, description="Telepon")
    email: Email | None = Field(None, description="Email")
    website: Url | None = Field(None, description="Situs web")
    instagram: Annotated[Text, social("instagram")] | None = Field(None, description="Instagram")
    facebook: Annotated[Text, social("facebook")] | None = Field(None, description="Facebook")
    tiktok: Annotated[Text, social("tiktok")] | None = Field(None, description="TikTok")
    marketplaces: dict[str, Url] | None = Field(None, description="Toko daring: nama -> alamat")
    logo: ImagePath | None = Field(None, description="Logo")
    cover: ImagePath | None = Field(None, description="Foto sampul")
    nib: Text | None = Field(None, description="Nomor Induk Berusaha (13 angka)")
    certifications: list[Certification] | None = Field(None, description="Sertifikat")
    payments: list[Literal["qris", "transfer", "cod", "ewallet", "tunai"]] | None = Field(
        None, description="Cara bayar: qris, transfer, cod, ewallet, tunai"
    )
    delivery: list[Literal["ambil", "antar", "kurir"]] | None = Field(
        None, description="Pengiriman: ambil (di tempat), antar (dalam kota), kurir"
    )
    featured: bool = Field(False, description="Tampil di beranda")
    draft: bool = Field(False, description="Draf, tidak diterbitkan")
    aliases: list[Text] | None = Field(None, description="Alamat lama yang dialihkan ke sini")


class PriceRange(Strict):
    from_: Rupiah = Field(alias="from", description="Harga terendah")
    to: Rupiah = Field(description="Harga tertinggi")


def _price(value: object) -> object:
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value):
        return int(value)  # a negative one is then told it must be 1 or more
    raise PydanticCustomError("price_shape", "bad price")


class Variant(Strict):
    name: Text = Field(description="Nama varian")
    price: Rupiah | None = Field(None, description="Harga varian")


class ProductFrontMatter(Strict):
    name: Text = Field(max_length=PRODUCT_NAME_MAX, description="Nama produk")
    category: Text = Field(description="Slug kategori")
    price: Annotated[Rupiah | PriceRange | None, BeforeValidator(_price)] = Field(
        None, description="Harga dalam rupiah, atau rentang {from, to}"
    )
    unit: Text | None = Field(None, description="Satuan: pcs, kg, botol, ...")
    images: list[ImagePath] | None = Field(None, description="Foto produk; yang pertama foto utama")
    variants: list[Variant] | None = Field(None, description="Varian: ukuran, warna, rasa")
    material: Text | None = Field(None, description="Bahan")
    size: Text | None = Field(None, description="Ukuran")
    weight_g: Whole | None = Field(None, gt=0, description="Berat dalam gram")
    min_order: Whole | None = Field(None, ge=1, description="Pemesanan minimum")
    stock: Literal["available", "preorder", "sold_out"] = Field("available", description="Ketersediaan")
    tags: list[Text] | None = Field(None, description="Label")
    certifications: list[Certification] | None = Field(
        None, description="Sertifikat produk ini (P-IRT, BPOM, halal); menggantikan milik usaha yang sejenis"
    )
    showroom: bool = Field(False, description="Dipajang di galeri (site.yaml showroom)")
    shelf_life_days: Whole | None = Field(None, ge=1, description="Masa simpan dalam hari")
    preorder_days: Whole | None = Field(
        None, ge=1, description="Lama pembuatan pesanan (pre-order) dalam hari"
    )
    featured: bool = Field(False, description="Tampil di beranda")
    added: dt.date | None = Field(None, description="Tanggal ditambahkan (YYYY-MM-DD)")
    sku: Text | None = Field(None, description="Kode produk")
    draft: bool = Field(False, description="Draf, tidak diterbitkan")
    aliases: list[Text] | None = Field(None, description="Alamat lama yang dialihkan ke sini")
    description: Text | None = Field(None, description="Deskripsi (Markdown), hanya di berkas .yaml")


class PageFrontMatter(Strict):
    title: Text | None = Field(None, description="Judul halaman")
    description: Text | None = Field(None, description="Ringkasan untuk mesin pencari")
    menu: bool = Field(False, description="Tampil di menu utama")
    order: Whole = Field(0, description="Urutan di menu")
    draft: bool = Field(False, description="Draf, tidak diterbitkan")
