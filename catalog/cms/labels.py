"""The Indonesian words of the CMS forms: a label for every model field (a test fails when one
is missing), the options' labels, hints where a model's description is too terse for a form,
and the Markdown body's label per kind of entry."""

from __future__ import annotations

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
    "whatsapp": "Nomor HP untuk tombol Pesan via WhatsApp, mis. 0812-3456-7890 (telepon rumah di Telepon)",
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
