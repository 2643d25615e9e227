"""Editor-facing problem messages, Indonesian first, English for `language: en`.

One table so every message can be reviewed (and documented for editors) in one place.
Each text says what is wrong and, in parentheses, what was expected.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # reading files
    "not_utf8": (
        "berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8)",
        "file is not UTF-8 text (save it again as UTF-8)",
    ),
    "unreadable": (
        "berkas tidak dapat dibaca: {detail}",
        "file cannot be read: {detail}",
    ),
    "yaml_syntax": (
        "penulisan YAML salah: {detail} (periksa titik dua, indentasi dan tanda kutip)",
        "YAML syntax error: {detail} (check colons, indentation and quotes)",
    ),
    "yaml_too_big": (
        "YAML terlalu besar atau terlalu banyak alias (batas 100.000 nilai)",
        "YAML too large or too many aliases (limit 100,000 values)",
    ),
    "yaml_too_deep": (
        "YAML terlalu dalam atau alias merujuk dirinya sendiri",
        "YAML nested too deeply or an alias refers to itself",
    ),
    "yaml_tag": (
        "tag YAML {tag} tidak diizinkan (tulis nilai biasa tanpa tanda !)",
        "YAML tag {tag} is not allowed (write a plain value without !)",
    ),
    "yaml_key": (
        "kunci harus teks biasa (tanpa << atau kunci bersusun)",
        "keys must be plain text (no << merge or complex keys)",
    ),
    "duplicate_key": (
        "kolom ditulis dua kali (hapus salah satunya)",
        "field written twice (remove one of them)",
    ),
    "no_front_matter": (
        "front matter tidak ada (berkas harus diawali baris --- lalu kolom YAML, ditutup ---)",
        "front matter missing (the file must start with a --- line, YAML fields, then ---)",
    ),
    "front_matter_open": (
        "front matter tidak ditutup (tambahkan baris --- setelah kolom terakhir)",
        "front matter not closed (add a --- line after the last field)",
    ),
    "not_mapping": (
        "isi harus berupa daftar kolom `nama: nilai`",
        "content must be a mapping of `field: value`",
    ),
    "not_list": ("isi harus berupa daftar (- ...)", "content must be a list (- ...)"),
    "missing_file": ("berkas wajib tidak ada", "required file is missing"),
    "bad_name": (
        "nama berkas/folder {name!r} bukan slug yang sah (huruf kecil a-z, angka, tanda - tunggal)",
        "file/folder name {name!r} is not a valid slug (lower-case a-z, digits, single -)",
    ),
    "stray_file": (
        "berkas tidak dikenal di sini (produk ditulis sebagai .md atau .yaml)",
        "unexpected file here (products are .md or .yaml files)",
    ),
    "no_index": (
        "folder usaha tanpa index.md (setiap usaha butuh index.md)",
        "business folder without index.md (each business needs index.md)",
    ),
    "twice_product": (
        "produk {slug} ditulis dua kali (.md dan .yaml); hapus salah satunya",
        "product {slug} exists twice (.md and .yaml); remove one",
    ),
    # schema
    "missing": ("wajib diisi", "is required"),
    "unknown_field": ("kolom tidak dikenal{hint}", "unknown field{hint}"),
    "did_you_mean": (" (maksud Anda `{name}`?)", " (did you mean `{name}`?)"),
    "known_fields": (" (kolom yang dikenal: {names})", " (known fields: {names})"),
    "expected_int": (
        "harus bilangan bulat, tanpa titik atau koma (contoh: 185000)",
        "must be a whole number, without dots or commas (e.g. 185000)",
    ),
    "expected_number": ("harus angka (contoh: 3)", "must be a number (e.g. 3)"),
    "expected_bool": ("harus true atau false", "must be true or false"),
    "expected_text": ("harus teks", "must be text"),
    "expected_date": (
        "harus tanggal dengan format YYYY-MM-DD (contoh: 2026-03-14)",
        "must be a date as YYYY-MM-DD (e.g. 2026-03-14)",
    ),
    "expected_list": ("harus daftar (- ...)", "must be a list (- ...)"),
    "expected_mapping": (
        "harus berisi kolom `nama: nilai`",
        "must hold `field: value` pairs",
    ),
    "expected_choice": (
        "harus salah satu dari: {choices}",
        "must be one of: {choices}",
    ),
    "too_small": ("harus paling sedikit {limit}", "must be at least {limit}"),
    "too_large": ("harus paling banyak {limit}", "must be at most {limit}"),
    "not_above": ("harus lebih dari {limit}", "must be more than {limit}"),
    "price_shape": (
        "harga harus bilangan bulat rupiah (185000) atau rentang {{from: 150000, to: 250000}}",
        "price must be whole rupiah (185000) or a range {{from: 150000, to: 250000}}",
    ),
    "empty_text": ("tidak boleh kosong", "must not be empty"),
    "invalid": ("nilai tidak sah ({detail})", "invalid value ({detail})"),
    # field rules
    "bad_url": (
        "harus alamat web lengkap yang diawali http:// atau https://",
        "must be a full web address starting with http:// or https://",
    ),
    "bad_base_url": (
        "alamat situs tidak boleh berisi ? atau # (contoh: https://galeri-ikm.cirebonkota.go.id/)",
        "the site address may not contain ? or # (e.g. https://galeri-ikm.cirebonkota.go.id/)",
    ),
    "bad_color": (
        "harus warna CSS (contoh: #1f3a5f atau rgb(31 58 95))",
        "must be a CSS colour (e.g. #1f3a5f or rgb(31 58 95))",
    ),
    "bad_phone": (
        "nomor WhatsApp tidak dikenali (contoh: 0812-3456-7890 atau +62 812 3456 7890)",
        "WhatsApp number not recognised (e.g. 0812-3456-7890 or +62 812 3456 7890)",
    ),
    "bad_email": (
        "alamat email tidak sah (contoh: nama@contoh.id)",
        "invalid email (e.g. name@example.id)",
    ),
    "bad_social": (
        "harus nama akun (@nama) atau alamat https://{host}/...",
        "must be an account name (@name) or an https://{host}/... address",
    ),
    "no_contact": (
        "isi paling sedikit satu kontak: whatsapp, phone atau email",
        "give at least one contact: whatsapp, phone or email",
    ),
    "bad_year": (
        "harus tahun antara 1900 dan {year}",
        "must be a year between 1900 and {year}",
    ),
    "range_order": (
        "`from` harus lebih kecil dari `to` (contoh: {{from: 150000, to: 250000}})",
        "`from` must be smaller than `to` (e.g. {{from: 150000, to: 250000}})",
    ),
    "description_in_md": (
        "di berkas .md deskripsi ditulis di bawah front matter, bukan di kolom description",
        "in .md files the description is the text below the front matter, not a description field",
    ),
    "bad_slug": (
        "slug {slug!r} tidak sah (huruf kecil a-z, angka, tanda - tunggal)",
        "slug {slug!r} is not valid (lower-case a-z, digits, single -)",
    ),
    "duplicate_slug": (
        "slug kategori {slug!r} sudah dipakai di baris {other}",
        "category slug {slug!r} is already used at line {other}",
    ),
    "unknown_category": (
        "kategori {slug!r} tidak ada di categories.yaml{hint}",
        "category {slug!r} is not in categories.yaml{hint}",
    ),
    "unknown_district": (
        "kecamatan {value!r} tidak ada di daftar districts site.yaml (pilihan: {choices})",
        "district {value!r} is not in site.yaml districts (choices: {choices})",
    ),
    "no_title": (
        "judul wajib: isi `title` atau awali isi dengan baris `# Judul`",
        "a title is required: set `title` or begin the body with a `# Title` line",
    ),
    "theme_missing": (
        "tema {name!r} tidak ada di folder themes/",
        "theme {name!r} is not in themes/",
    ),
    "bad_alias": (
        "alias harus path lama di situs ini, diawali dan diakhiri / (contoh: /ikm/nama-lama/)",
        "an alias must be an old path of this site, starting and ending with / (e.g. /ikm/old-name/)",
    ),
    "alias_reserved": (
        "alias {path} memakai folder milik situs (kategori, katalog, cari, img, assets, ...)",
        "alias {path} uses a folder the site needs (kategori, katalog, cari, img, assets, ...)",
    ),
    "alias_taken": (
        "alias {path} bentrok dengan halaman yang ada atau alias lain ({other})",
        "alias {path} collides with an existing page or another alias ({other})",
    ),
    "category_reserved": (
        "slug `{slug}` dipakai untuk katalog cetak lengkap (/katalog/{slug}.pdf); pilih slug lain",
        "slug `{slug}` is taken by the whole printed catalog (/katalog/{slug}.pdf); choose another",
    ),
    "foreword_missing": (
        "halaman `{slug}` tidak ada di content/pages (tulis slug halaman bebas, mis. kata-pengantar)",
        "page `{slug}` does not exist in content/pages (write a free page's slug, e.g. foreword)",
    ),
    "include_categories_missing": (
        "kategori `{slug}` tidak ada di categories.yaml (tulis slug kategori yang ada)",
        "category `{slug}` is not in categories.yaml (write an existing category slug)",
    ),
    "include_businesses_missing": (
        "usaha `{slug}` tidak ada di content/ikm (tulis nama folder usaha)",
        "business `{slug}` does not exist in content/ikm (write a business folder name)",
    ),
    "printed_gone": (
        "alamat {path} tercetak di katalog (kode QR) tetapi tidak ada lagi di situs "
        '(kembalikan halamannya, atau tulis `aliases: ["{path}"]` di entri penggantinya)',
        "{path} is printed in a catalog (QR code) but the site no longer has it "
        '(restore the page, or add `aliases: ["{path}"]` to the entry that replaces it)',
    ),
    "printed_bad_line": (
        "`{text}` bukan alamat halaman (tulis satu alamat per baris, mis. /ikm/nama-usaha/)",
        "`{text}` is not a page address (write one address per line, e.g. /ikm/business-name/)",
    ),
    "print_low_ppi": (
        "foto hanya {ppi} ppi pada ukuran cetak {width}×{height} mm (disarankan 300 ppi: "
        "pakai foto selebar minimal {needed} piksel)",
        "photo has only {ppi} ppi at its printed size {width}×{height} mm (300 ppi recommended: "
        "use a photo at least {needed} pixels wide)",
    ),
    "print_very_low_ppi": (
        "foto hanya {ppi} ppi pada ukuran cetak {width}×{height} mm: akan tampak pecah di katalog "
        "cetak (di bawah 150 ppi; ganti dengan foto selebar minimal {needed} piksel)",
        "photo has only {ppi} ppi at its printed size {width}×{height} mm: it will look blurred in "
        "print (under 150 ppi; replace it with a photo at least {needed} pixels wide)",
    ),
    "page_reserved": (
        "slug halaman {slug!r} sudah dipakai situs (pilih nama lain)",
        "page slug {slug!r} is reserved by the site (choose another name)",
    ),
    # images
    "image_missing": ("gambar {path!r} tidak ditemukan", "image {path!r} not found"),
    "image_outside": (
        "gambar {path!r} berada di luar folder {scope} (simpan fotonya di folder itu)",
        "image {path!r} is outside the {scope} folder (keep the photo in that folder)",
    ),
    "image_absolute": (
        "gambar {path!r} harus path relatif ke berkas ini, bukan alamat web atau path absolut",
        "image {path!r} must be a path relative to this file, not a web address or absolute path",
    ),
    "image_symlink": (
        "gambar {path!r} adalah tautan (symlink) ke luar folder {scope}",
        "image {path!r} is a symlink leaving the {scope} folder",
    ),
    "image_invalid": (
        "gambar {path!r} bukan gambar yang dapat dibaca (JPEG, PNG, WebP atau GIF): {detail}",
        "image {path!r} is not a readable image (JPEG, PNG, WebP or GIF): {detail}",
    ),
    "image_bomb": (
        "gambar {path!r} terlalu besar ({pixels} megapiksel; batas {limit} megapiksel)",
        "image {path!r} is too large ({pixels} megapixels; limit {limit} megapixels)",
    ),
    "image_format": (
        "gambar {path!r} berformat {fmt}; gunakan JPEG, PNG, WebP atau GIF",
        "image {path!r} is {fmt}; use JPEG, PNG, WebP or GIF",
    ),
    "built": (
        "Selesai dalam {seconds} dtk: {pages} halaman ({rendered} dibuat ulang, {reused} tidak berubah), "
        "{images} foto ({encoded} diproses) -> {out}/",
        "Done in {seconds} s: {pages} pages ({rendered} rendered, {reused} unchanged), "
        "{images} photos ({encoded} encoded) -> {out}/",
    ),
    "built_pdfs": (
        "PDF: {total} berkas ({rendered} dibuat ulang, {reused} tidak berubah) -> {out}/katalog/ dan brosur",
        "PDF: {total} files ({rendered} rendered, {reused} unchanged) -> {out}/katalog/ and brochures",
    ),
    "warnings": (
        "{count} peringatan (tidak menghentikan build; perbaiki sebelum mencetak)",
        "{count} warning(s) (they do not stop the build; fix them before printing)",
    ),
    "frozen": (
        "{count} alamat baru dicatat di {file} (edisi: {edition}); commit berkas ini bersama konten.",
        "{count} new addresses recorded in {file} (edition: {edition}); commit this file with the content.",
    ),
    "frozen_none": (
        "Semua alamat yang tercetak sudah tercatat di {file}.",
        "Every printed address is already recorded in {file}.",
    ),
    "feeds_skipped": (
        "Umpan Google dan Meta: {no_price} produk tanpa harga dan {no_photo} produk tanpa foto "
        "tidak dimasukkan (keduanya mewajibkan harga dan foto); /produk.json memuat semuanya.",
        "Google and Meta feeds: {no_price} products without a price and {no_photo} without a photo "
        "left out (both require a price and a photo); /produk.json lists them all.",
    ),
    "search_built": (
        "Indeks pencarian: {records} entri (produk, toko, kategori) dalam {parts} bagian di {out}/pagefind/.",
        "Search index: {records} entries (products, stores, categories) in {parts} parts in {out}/pagefind/.",
    ),
    "updated": (
        "Diperbarui di tempat dalam {seconds} dtk (hanya halaman yang berubah).",
        "Updated in place in {seconds} s (only the pages that changed).",
    ),
    "unchanged": (
        "Tidak ada yang berubah sejak build terakhir; {out}/ tetap ({seconds} dtk).",
        "Nothing changed since the last build; {out}/ kept as it was ({seconds} s).",
    ),
    "content_ok": (
        "Konten baik: {businesses} usaha, {products} produk.",
        "Content OK: {businesses} businesses, {products} products.",
    ),
    "summary": (
        "{count} masalah ditemukan. Perbaiki lalu jalankan lagi.",
        "{count} problem(s) found. Fix them and run again.",
    ),
    "summary_kept": (
        "{count} masalah ditemukan. Perbaiki lalu jalankan lagi; isi {out}/ tidak diubah.",
        "{count} problem(s) found. Fix them and run again; {out}/ was left unchanged.",
    ),
    "color_empty": (
        "warna kosong: tanda # memulai catatan dalam YAML, jadi tulis kodenya dalam tanda kutip, "
        'mis. "#1f3a5f" (atau hapus baris ini)',
        'empty colour: # starts a comment in YAML, so quote the code, e.g. "#1f3a5f" (or remove the line)',
    ),
    "cms_missing": (
        "halaman pengelolaan /admin/ tidak dibuat: paket Decap CMS belum terpasang "
        "(jalankan `npm ci` di folder proyek, lalu build lagi)",
        "/admin/ was not built: the Decap CMS package is not installed "
        "(run `npm ci` in the project folder, then build again)",
    ),
    "markdown_link_relative": (
        "tautan {path!r} tidak akan berfungsi: tulis alamat lengkap (https://...) atau path situs (/ikm/...)",
        "link {path!r} would not work: write a full address (https://...) or a site path (/ikm/...)",
    ),
    "markdown_image_remote": (
        "gambar di teks harus berkas di folder ini, bukan alamat web ({path})",
        "images in the text must be files in this folder, not web addresses ({path})",
    ),
}


def message(key: str, language: str = "id", **detail: object) -> str:
    """The message `key` in `language`, with `detail` filled in."""
    indonesian, english = MESSAGES[key]
    template = english if language == "en" else indonesian
    return template.format(**detail)
