"""The spreadsheet's columns: their names, the field each fills, the template's notes.

One table, so the reader, the entries and the template agree on every column. Headers are
matched without regard to case, spaces or underscores ("Nama Usaha" is `nama_usaha`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str  # as the contract writes it
    field: str  # the entry's field it fills ("slug": the folder or file name)
    product: bool  # a product's column (else the business's, repeated on its rows)
    note: str  # the template's cell comment
    example: str = ""  # the template's example row; "" where it takes a value from the content


COLUMNS = (
    Column("nama_usaha", "name", False, "Nama usaha (wajib). Ulangi data usaha di setiap baris produknya. "
           "Baris 2 adalah contoh: timpa atau hapus.", "Contoh: Kerupuk Sekar Jagad"),
    Column("slug_usaha", "slug", False, "Nama folder usaha: huruf kecil a-z, angka, tanda -. Kosongkan: "
           "dibuat dari nama usaha. Isi slug usaha yang sudah ada untuk menambah produknya."),
    Column("pemilik", "owner", False, "Nama pemilik usaha.", "Siti Aminah"),
    Column("jenis", "kind", False, "ikm (industri kecil) atau umkm (usaha mikro/kecil); kosong: ikm.", "ikm"),
    Column("kecamatan", "district", False, "Kecamatan: pilih dari daftar."),
    Column("alamat", "address", False, "Alamat jalan.", "Jl. Kalibaru Selatan No. 12, Kota Cirebon"),
    Column("whatsapp", "whatsapp", False, "Nomor HP untuk WhatsApp: 08... atau 628... (bukan telepon "
           "rumah). Kolom ini berformat teks agar angka 0 di depan tidak hilang.", "0812-3456-7890"),
    Column("telepon", "phone", False, "Telepon kantor atau rumah.", "(0231) 204118"),
    Column("email", "email", False, "Alamat email.", "sekarjagad@contoh.id"),
    Column("nib", "nib", False, "Nomor Induk Berusaha dari OSS: 13 angka.", "1234567890123"),
    Column("nama_produk", "name", True, "Nama produk. Kosongkan semua kolom produk bila baris ini hanya "
           "menambah usaha.", "Kerupuk Udang Super"),
    Column("slug_produk", "slug", True, "Nama berkas produk: huruf kecil a-z, angka, tanda -. Kosongkan: "
           "dibuat dari nama produk."),
    Column("kategori", "category", True, "Kategori produk (wajib untuk produk): pilih dari daftar, atau "
           "tulis slug kategorinya."),
    Column("harga", "price", True, "Harga dalam rupiah tanpa Rp, titik atau koma: 185000, atau rentang "
           "150000-250000. Kosong: harga hubungi penjual.", "25000"),
    Column("satuan", "unit", True, "Satuan: pcs, kg, lembar, botol, ...", "bungkus"),
    Column("halal", "certifications", True, "Nomor sertifikat halal BPJPH: ID dan 17 angka.",
           "ID32110000123450124"),
    Column("pirt", "certifications", True, "Nomor P-IRT: 15 angka, 1234567890123-45.", "2153274010123-29"),
    Column("bpom", "certifications", True, "Nomor izin edar BPOM: MD atau ML dan 12 angka.",
           "MD224510001234"),
    Column("deskripsi", "body", True, "Deskripsi produk (boleh beberapa paragraf; Markdown).",
           "Kerupuk udang rebon asli Cirebon, renyah dan gurih."),
)  # fmt: skip
BY_NAME = {column.name: column for column in COLUMNS}
LEGAL = ("halal", "pirt", "bpom")  # product certifications, in this order


def key(header: str) -> str:
    """A header as compared: case, spaces (also non-breaking ones) and underscores do not count."""
    return re.sub(r"[\s_]+", "", header).casefold()


_BY_KEY = {key(column.name): column for column in COLUMNS}


def match(header: str) -> Column | None:
    return _BY_KEY.get(key(header))


# Headers offices commonly write for a column, as `key()` compares them without punctuation:
# suggested (never applied silently, as the contract wants unknown columns reported).
_USUAL_HEADERS = {
    "nowa": "whatsapp", "wa": "whatsapp", "nomorwa": "whatsapp", "nomorwhatsapp": "whatsapp",
    "nowhatsapp": "whatsapp", "hp": "whatsapp", "nohp": "whatsapp", "nomorhp": "whatsapp",
    "telp": "telepon", "notelp": "telepon", "notelepon": "telepon", "nomortelepon": "telepon",
    "namapemilik": "pemilik", "pemilikusaha": "pemilik", "namaikm": "nama_usaha",
    "namaumkm": "nama_usaha", "namaperusahaan": "nama_usaha", "usaha": "nama_usaha",
    "produk": "nama_produk", "hargarp": "harga", "hargasatuan": "harga", "kec": "kecamatan",
    "alamatusaha": "alamat", "nomornib": "nib", "nonib": "nib", "sertifikathalal": "halal",
    "nohalal": "halal", "nopirt": "pirt", "nomorpirt": "pirt", "nobpom": "bpom",
    "keterangan": "deskripsi", "deskripsiproduk": "deskripsi", "jenisusaha": "jenis",
}  # fmt: skip


def nearest(header: str) -> str | None:
    """The known column a mistyped header, or one an office commonly writes, most likely means."""
    usual = _USUAL_HEADERS.get(re.sub(r"[\W_]+", "", header).casefold())
    if usual:
        return usual
    close = difflib.get_close_matches(key(header), list(_BY_KEY), n=1, cutoff=0.6)
    return _BY_KEY[close[0]].name if close else None
