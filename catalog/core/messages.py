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
        "penulisan YAML salah di sekitar baris ini (periksa titik dua, indentasi dan tanda kutip; "
        "keterangan teknis: {detail})",
        "YAML syntax error around this line (check colons, indentation and quotes; "
        "technical detail: {detail})",
    ),
    "yaml_tab": (
        "ada karakter Tab di baris ini (YAML hanya menerima spasi untuk menjorokkan baris; "
        "ganti Tab dengan spasi)",
        "this line has a Tab character (YAML indents with spaces only; replace the Tab with spaces)",
    ),
    "yaml_no_colon": (
        "titik dua tidak ada di baris ini (tulis `nama: nilai`; baris lanjutan teks di bawah "
        "`description: |` diberi spasi di depan; baris catatan diawali #)",
        "this line has no colon (write `field: value`; lines of text under `description: |` "
        "start with spaces; notes start with #)",
    ),
    "yaml_colon_in_value": (
        "ada titik dua di tengah nilai, atau baris ini menjorok lebih dalam dari kolom di atasnya "
        '(beri tanda kutip pada nilai yang berisi titik dua: name: "Sirup: Rasa Mangga"; '
        "atau hapus spasi di depan baris)",
        "a colon in the middle of a value, or this line is indented deeper than the field above "
        '(quote a value that holds a colon: name: "Syrup: Mango"; or remove the spaces before the line)',
    ),
    "yaml_unclosed_quote": (
        "tanda kutip {quote} dibuka di baris ini tetapi tidak ditutup (tambahkan {quote} di akhir nilai)",
        "the quote {quote} opened on this line is never closed (add {quote} at the end of the value)",
    ),
    "yaml_unclosed_bracket": (
        "kurung {open} dibuka di baris ini tetapi tidak ditutup (tambahkan {close} di akhir; nilai "
        "yang berisi koma atau titik dua ditulis dalam tanda kutip)",
        "the bracket {open} opened on this line is never closed (add {close} at the end; quote a "
        "value that holds a comma or a colon)",
    ),
    "yaml_misaligned": (
        "baris ini tidak sejajar dengan kolom atau butir di atasnya, atau ada teks setelah tanda "
        "kutip penutup (samakan jumlah spasi di depan baris satu kelompok; tulis seluruh nilai "
        "di dalam tanda kutip)",
        "this line is not aligned with the field or item above, or text follows a closing quote "
        "(give the lines of one group the same spaces in front; put the whole value in quotes)",
    ),
    "yaml_special_start": (
        "nilai tidak boleh diawali {char} tanpa tanda kutip "
        '(tulis dalam tanda kutip, mis. instagram: "@nama")',
        'a value cannot start with {char} unquoted (put it in quotes, e.g. instagram: "@name")',
    ),
    "yaml_control_char": (
        "ada karakter tak terlihat {name} di huruf ke-{position} baris ini (hapus lalu ketik ulang "
        "bagian itu; biasanya terbawa saat menyalin dari dokumen lain)",
        "there is an invisible character {name} at character {position} of this line (delete that "
        "part and type it again; it usually comes with text copied from another document)",
    ),
    "yaml_escape": (
        "garis miring terbalik \\ di dalam tanda kutip dua dibaca sebagai kode khusus "
        "(pakai tanda kutip satu: 'C:\\data', atau tulis \\\\)",
        "a backslash \\ inside double quotes starts an escape code "
        "(use single quotes: 'C:\\data', or write \\\\)",
    ),
    "yaml_document": (
        "baris --- kedua di dalam data (satu berkas berisi satu entri; hapus baris ini)",
        "a second --- line inside the data (one file holds one entry; remove this line)",
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
    "symlink_outside": (
        "tautan (symlink) ini mengarah ke luar folder konten dan tidak dibaca "
        "(ganti dengan berkas atau folder sungguhan di dalam folder konten)",
        "this symlink leads outside the content folder and is not read "
        "(replace it with a real file or folder inside the content folder)",
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
    "negative": (
        "tidak boleh negatif (tulis {limit} atau lebih, tanpa tanda -)",
        "must not be negative (write {limit} or more, without a -)",
    ),
    "invisible_char": (
        "ada karakter tak terlihat {name} di huruf ke-{position} nilai ini (hapus nilainya lalu "
        "ketik ulang; karakter ini biasanya terbawa saat menyalin dari Word, Excel atau WhatsApp)",
        "there is an invisible character {name} at character {position} of this value (delete the "
        "value and type it again; it usually comes with text copied from Word, Excel or WhatsApp)",
    ),
    "too_long": (
        "terlalu panjang: {length} karakter (paling banyak {limit} karakter)",
        "too long: {length} characters (at most {limit})",
    ),
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
        "alamat situs harus http:// atau https://, nama host, lalu path tanpa spasi, tanda kutip, < >,"
        " ? atau # (contoh: https://galeri-ikm.cirebonkota.go.id/)",
        "the site address must be http:// or https://, a host name, then a path without spaces,"
        " quotes, < >, ? or # (e.g. https://galeri-ikm.cirebonkota.go.id/)",
    ),
    "bad_color": (
        "harus warna CSS (contoh: #1f3a5f atau rgb(31 58 95))",
        "must be a CSS colour (e.g. #1f3a5f or rgb(31 58 95))",
    ),
    "bad_phone": (
        "nomor WhatsApp tidak dikenali (contoh: 0812-3456-7890 atau +62 812 3456 7890)",
        "WhatsApp number not recognised (e.g. 0812-3456-7890 or +62 812 3456 7890)",
    ),
    "whatsapp_not_mobile": (
        "WhatsApp perlu nomor HP (08..., contoh: 0812-3456-7890); nomor telepon rumah atau kantor"
        " ditulis di `phone:`",
        "WhatsApp needs a mobile number (08..., e.g. 0812-3456-7890); write a landline under `phone:`",
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
        "alias harus alamat lama di situs ini: path yang diawali / dengan huruf, angka, - _ . ~"
        " (contoh: /ikm/nama-lama/, /toko/nama-lama, /nama-lama.html)",
        "an alias must be an old address of this site: a path starting with / of letters, digits,"
        " - _ . ~ (e.g. /ikm/old-name/, /shop/old-name, /old-name.html)",
    ),
    "alias_other_host": (
        "alias di situs lain ({host}), bukan di situs ini ({site}); tulis path-nya saja (/toko/nama-lama)"
        " bila domain lama kini menuju situs ini, atau atur pengalihan di hosting domain lama",
        "an alias on another site ({host}), not this one ({site}); write its path alone (/shop/old-name)"
        " if the old domain now points here, or set the redirect up where the old domain is hosted",
    ),
    "alias_outside_site": (
        "alias di luar alamat situs ({site}); tulis path lamanya saja (contoh: /toko/nama-lama)",
        "an alias outside the site's address ({site}); write the old path alone (e.g. /shop/old-name)",
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
    "legal_halal_shape": (
        "nomor halal harus ID + 17 angka (contoh: ID32110000123450823)",
        "a halal number must be ID + 17 digits (e.g. ID32110000123450823)",
    ),
    "legal_pirt_shape": (
        "nomor P-IRT harus 15 angka ditulis 1234567890123-45, boleh diawali P-IRT No. "
        "(contoh: P-IRT No. 2063274010123-27)",
        "a P-IRT number must be 15 digits written 1234567890123-45, optionally after P-IRT No. "
        "(e.g. P-IRT No. 2063274010123-27)",
    ),
    "legal_bpom_shape": (
        "nomor BPOM harus MD atau ML + 12 angka, boleh diawali BPOM RI (contoh: BPOM RI MD 224510001234)",
        "a BPOM number must be MD or ML + 12 digits, optionally after BPOM RI (e.g. BPOM RI MD 224510001234)",
    ),
    "legal_nib_shape": (
        "NIB harus 13 angka (contoh: 9120301234567)",
        "an NIB must be 13 digits (e.g. 9120301234567)",
    ),
    "legal_pirt_region": (
        "nomor P-IRT ini dari kode wilayah {found}, bukan {expected} (region_code di site.yaml): "
        "periksa angka ke-4 sampai ke-7",
        "this P-IRT number has region code {found}, not {expected} (region_code in site.yaml): "
        "check its digits 4 to 7",
    ),
    "legal_pirt_expired": (
        "P-IRT ini berlaku sampai {year} dan sudah habis (perpanjang, lalu tulis nomor barunya)",
        "this P-IRT was valid until {year} and has expired (renew it, then write the new number)",
    ),
    "region_code_shape": (
        'kode wilayah harus 4 angka kode kab/kota (contoh: "3274" untuk Kota Cirebon)',
        'the region code must be the 4-digit kab/kota code (e.g. "3274" for Kota Cirebon)',
    ),
    # the legal-status report (`laporan`): report lines, not problems
    "laporan_title": (
        "Laporan legalitas per {date}: {businesses} usaha, {products} produk (draf ikut dihitung).",
        "Legal-status report as of {date}: {businesses} businesses, {products} products (drafts included).",
    ),
    "laporan_line": ("  {label}: {count} ({names})", "  {label}: {count} ({names})"),
    "laporan_more": (" dan {count} lainnya", " and {count} more"),
    "laporan_none": (
        "Tidak ada temuan: legalitas, foto dan harga semua usaha dan produk lengkap.",
        "Nothing found: every business and product has its legal numbers, photo and price.",
    ),
    "laporan_written": (
        "{count} temuan ditulis ke {file} (buka dengan Excel atau LibreOffice Calc).",
        "{count} findings written to {file} (open it with Excel or LibreOffice Calc).",
    ),
    "laporan_columns": (
        "usaha|produk|temuan|keterangan|berkas|baris",
        "business|product|finding|detail|file|line",
    ),
    "laporan_draft": ("draf menunggu terbit", "draft waiting for publication"),
    "laporan_nib_missing": ("NIB belum diisi", "no NIB"),
    "laporan_halal_missing": ("makanan/minuman tanpa sertifikat halal", "food or drink without halal"),
    "laporan_pirt_missing": (
        "pangan olahan rumahan tanpa P-IRT (atau BPOM)",
        "home-made food without P-IRT (or BPOM)",
    ),
    "laporan_pirt_expired": ("P-IRT sudah habis", "P-IRT expired"),
    "laporan_pirt_expiring": ("P-IRT habis dalam 12 bulan", "P-IRT expires within 12 months"),
    "laporan_pirt_region": ("P-IRT dari kab/kota lain", "P-IRT of another kab/kota"),
    "laporan_no_photo": ("produk tanpa foto", "product without a photo"),
    "laporan_no_price": ("produk tanpa harga", "product without a price"),
    "laporan_until": ("{number} (berlaku sampai akhir {year})", "{number} (valid until the end of {year})"),
    "laporan_region_detail": (
        "{number} (kode wilayah {found}, bukan {expected})",
        "{number} (region code {found}, not {expected})",
    ),
    "laporan_draft_detail": (
        "draft: true (hapus baris itu untuk menerbitkan)",
        "draft: true (remove that line to publish)",
    ),
    "page_reserved": (
        "slug halaman {slug!r} sudah dipakai situs (pilih nama lain)",
        "page slug {slug!r} is reserved by the site (choose another name)",
    ),
    # import from a spreadsheet (`import FILE`): problems are FILE:ROW:COLUMN
    "import_unreadable": (
        "berkas tidak dapat dibaca sebagai .xlsx ({detail}; simpan ulang dari Excel sebagai "
        "Buku Kerja Excel)",
        "file cannot be read as .xlsx ({detail}; save it again from Excel as an Excel Workbook)",
    ),
    "import_not_utf8": (
        "berkas CSV bukan teks UTF-8 (di Excel: Simpan Sebagai > CSV UTF-8)",
        "the CSV file is not UTF-8 text (in Excel: Save As > CSV UTF-8)",
    ),
    "import_unknown_column": ("kolom tidak dikenal{hint}", "unknown column{hint}"),
    "import_column_twice": (
        "kolom ini sama dengan kolom `{other}` (hapus salah satunya)",
        "this column is the same as column `{other}` (remove one of them)",
    ),
    "import_no_name_column": (
        "kolom nama_usaha tidak ada (baris 1 harus memuat judul kolom, seperti di templat)",
        "there is no nama_usaha column (row 1 must hold the column headers, as in the template)",
    ),
    "import_no_header": (
        "ada isi di kolom tanpa judul (beri judul kolom di baris 1, atau hapus isinya)",
        "a value in a column without a header (give the column a header in row 1, or clear it)",
    ),
    "import_no_business": (
        "wajib diisi (ulangi data usaha di setiap baris produknya)",
        "is required (repeat the business's columns on each of its product rows)",
    ),
    "import_example_row": (
        "ini baris contoh dari templat (hapus barisnya, atau timpa dengan data usaha)",
        "this is the template's example row (delete it, or write a business over it)",
    ),
    "import_no_slug": (
        "slug tidak dapat dibuat dari nama ini (isi kolom {column})",
        "no slug can be made from this name (fill in column {column})",
    ),
    "import_slug_clash": (
        "nama ini menghasilkan slug `{slug}`, sama dengan usaha {name!r} di baris {row} "
        "(isi slug_usaha yang berbeda untuk salah satunya)",
        "this name makes the slug `{slug}`, as does business {name!r} at row {row} "
        "(give one of them a different slug_usaha)",
    ),
    "import_slug_exists": (
        "folder ikm/{slug}/ sudah dipakai usaha lain ({name!r}); isi slug_usaha dengan slug lain, "
        "atau dengan `{slug}` bila produknya memang untuk usaha itu",
        "folder ikm/{slug}/ already holds another business ({name!r}); write another slug_usaha, "
        "or `{slug}` if the products are indeed that business's",
    ),
    "import_conflict": (
        "berbeda dengan baris {row} ({value!r}); data satu usaha harus sama di setiap barisnya",
        "differs from row {row} ({value!r}); a business's columns must be the same on each of its rows",
    ),
    "import_product_needs": (
        "wajib diisi untuk produk (atau kosongkan semua kolom produk bila baris ini hanya untuk usaha)",
        "is required for a product (or clear every product column if the row adds only the business)",
    ),
    "import_product_twice": (
        "produk `{slug}` usaha ini sudah ada di baris {row} (isi slug_produk yang berbeda)",
        "product `{slug}` of this business is already at row {row} (give a different slug_produk)",
    ),
    "import_whatsapp_landline": (
        "WhatsApp perlu nomor HP (08..., contoh: 0812-3456-7890); nomor telepon rumah atau kantor "
        "ditulis di kolom telepon",
        "WhatsApp needs a mobile number (08..., e.g. 0812-3456-7890); write a landline in the telepon column",
    ),
    "import_price": (
        "harga harus angka rupiah tanpa Rp, titik atau koma (tulis {suggestion})",
        "the price must be whole rupiah without Rp, dots or commas (write {suggestion})",
    ),
    "import_price_shape": (
        "harga harus angka rupiah tanpa Rp, titik atau koma (contoh: 185000 atau 150000-250000)",
        "the price must be whole rupiah without Rp, dots or commas (e.g. 185000 or 150000-250000)",
    ),
    "import_price_order": (
        "harga terendah harus di depan (contoh: 150000-250000)",
        "the lower price comes first (e.g. 150000-250000)",
    ),
    "import_category_ambiguous": (
        "nama kategori {name!r} dipakai beberapa kategori ({slugs}); tulis slug-nya",
        "category name {name!r} belongs to several categories ({slugs}); write its slug",
    ),
    "import_created": ("dibuat: {path}", "created: {path}"),
    "import_would_create": ("akan dibuat: {path}", "would create: {path}"),
    "import_skipped": ("dilewati (sudah ada): {path}", "skipped (exists): {path}"),
    "import_done": (
        "Impor selesai: {businesses} usaha dan {products} produk dibuat sebagai draf, {skipped} berkas "
        "sudah ada dan tidak diubah. Lengkapi drafnya, periksa dengan `python build.py check --drafts`, "
        "lalu hapus baris `draft: true` untuk menerbitkan.",
        "Import done: {businesses} businesses and {products} products created as drafts, {skipped} files "
        "already there and left unchanged. Finish the drafts, check with `python build.py check --drafts`, "
        "then remove the `draft: true` line to publish.",
    ),
    "import_dry_run": (
        "Uji coba (--dry-run): {businesses} usaha dan {products} produk akan dibuat, {skipped} berkas "
        "sudah ada dan akan dilewati. Tidak ada berkas yang ditulis.",
        "Dry run: {businesses} businesses and {products} products would be created, {skipped} files "
        "already there would be skipped. Nothing was written.",
    ),
    "import_nothing": (
        "Tidak ada yang dibuat: semua {skipped} berkas dari lembar ini sudah ada (sudah pernah diimpor?).",
        "Nothing created: all {skipped} files of this sheet already exist (imported before?).",
    ),
    "import_summary": (
        "{count} masalah ditemukan. Perbaiki lembarnya lalu jalankan lagi; tidak ada berkas yang ditulis.",
        "{count} problem(s) found. Fix the sheet and run again; nothing was written.",
    ),
    "import_template": (
        "Templat impor ditulis ke {file} ({districts} kecamatan, {categories} kategori di daftar pilihan).",
        "Import template written to {file} ({districts} districts, {categories} categories in its lists).",
    ),
    # images
    "image_missing": ("gambar {path!r} tidak ditemukan{hint}", "image {path!r} not found{hint}"),
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
        "gambar {path!r} bukan gambar yang dapat dibaca (simpan ulang sebagai JPEG, PNG, WebP, GIF, HEIC "
        "atau AVIF)",
        "image {path!r} is not a readable image (save it again as JPEG, PNG, WebP, GIF, HEIC or AVIF)",
    ),
    "image_empty": (
        "gambar {path!r} berkas kosong (0 byte); salin ulang fotonya dari ponsel, kamera atau pengirimnya",
        "image {path!r} is an empty file (0 bytes); copy the photo again from the phone, camera or sender",
    ),
    "image_svg": (
        "gambar {path!r} berformat SVG; SVG belum didukung, ekspor logo sebagai PNG (latar transparan tetap)",
        "image {path!r} is SVG; SVG is not supported yet, export the logo as PNG (transparency is kept)",
    ),
    "image_text": (
        "gambar {path!r} bukan gambar, melainkan teks (mungkin halaman web yang tersimpan); "
        "unduh ulang fotonya",
        "image {path!r} is not a picture but text (perhaps a saved web page); download the photo again",
    ),
    "image_damaged": (
        "gambar {path!r} ({fmt}) terpotong atau rusak; salin ulang berkas aslinya dari ponsel atau kamera",
        "image {path!r} ({fmt}) is truncated or damaged; copy the original again from the phone or camera",
    ),
    "image_unreadable": (
        "gambar {path!r} tidak dapat dibuka (periksa izin berkasnya, lalu salin ulang fotonya)",
        "image {path!r} cannot be opened (check the file's permissions, then copy the photo again)",
    ),
    "print_emoji": (
        "emoji {chars} tidak ikut dicetak (huruf cetak tidak punya emoji); situs web tetap menampilkannya",
        "emoji {chars} left out of the PDFs (the print fonts have no emoji); the website still shows it",
    ),
    "print_no_glyph": (
        "huruf “{char}” ({code}) tidak ada di huruf cetak dan tercetak sebagai kotak kosong (hapus atau "
        "ganti karakter itu di isinya)",
        "character “{char}” ({code}) is in no print font and prints as an empty box (remove or replace it "
        "in the content)",
    ),
    "image_bomb": (
        "gambar {path!r} terlalu besar ({pixels} megapiksel; batas {limit} megapiksel)",
        "image {path!r} is too large ({pixels} megapixels; limit {limit} megapixels)",
    ),
    "image_format": (
        "gambar {path!r} berformat {fmt}; simpan ulang sebagai JPEG (foto) atau PNG (logo)",
        "image {path!r} is {fmt}; save it again as JPEG (photos) or PNG (logos)",
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
    "drafts_left_out": (
        "{count} draf tidak ikut dibangun (pakai --drafts untuk menyertakan)",
        "{count} drafts left out of the build (use --drafts to include them)",
    ),
    "draft_left_out": (
        "  draf: {path}",
        "  draft: {path}",
    ),
    "serve_stage": (
        "Membangun pratinjau: {stage}…",
        "Building the preview: {stage}…",
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
    # the machine: disk, permissions, the preview's port (cli.machine_problem)
    "disk_full": (
        "Disk penuh: {path} tidak dapat ditulis ({detail}). Kosongkan ruang disk, lalu jalankan "
        "lagi; isi {out}/ tidak diubah.",
        "Disk full: {path} cannot be written ({detail}). Free some disk space, then run again; "
        "{out}/ was left unchanged.",
    ),
    "no_permission_out": (
        "Tidak boleh menulis {path} ({detail}). Beri izin tulis pada folder itu, atau pilih "
        "folder keluaran lain dengan --out; isi {out}/ tidak diubah.",
        "Not allowed to write {path} ({detail}). Make that folder writable, or choose another "
        "output folder with --out; {out}/ was left unchanged.",
    ),
    "no_permission_cache": (
        "Tidak boleh menulis tembolok {path} ({detail}). Beri izin tulis pada folder {cache}, "
        "atau pakai folder lain: GALERI_CACHE_DIR=/folder/lain python build.py; isi {out}/ tidak diubah.",
        "Not allowed to write the cache {path} ({detail}). Make {cache} writable, or use "
        "another folder: GALERI_CACHE_DIR=/other/folder python build.py; {out}/ was left unchanged.",
    ),
    "os_error": (
        "Berkas {path} tidak dapat dibaca atau ditulis ({detail}). Periksa folder itu, lalu "
        "jalankan lagi; isi {out}/ tidak diubah.",
        "File {path} cannot be read or written ({detail}). Check that folder, then run again; "
        "{out}/ was left unchanged.",
    ),
    "manifest_unsaved": (
        "catatan build tidak dapat disimpan di {path} ({detail}); situs sudah ditulis, build "
        "berikutnya membuat ulang semua halaman",
        "the build's record cannot be saved to {path} ({detail}); the site is written, the "
        "next build renders every page again",
    ),
    "serve_ready": (
        "Pratinjau: buka {url} di browser (halaman dimuat ulang sendiri tiap kali berkas disimpan; "
        "Ctrl+C untuk berhenti)",
        "Preview: open {url} in a browser (pages reload by themselves on every save; Ctrl+C to stop)",
    ),
    "port_busy": (
        "Port {port} sudah dipakai program lain (mungkin `python build.py serve` yang masih "
        "berjalan). Hentikan program itu, atau pakai port lain: python build.py serve --port {other}",
        "Port {port} is already in use by another program (perhaps a `python build.py serve` "
        "still running). Stop it, or use another port: python build.py serve --port {other}",
    ),
    "port_unavailable": (
        "Tidak dapat melayani di {host}:{port} ({detail}). Pakai --host atau --port lain, "
        "mis. python build.py serve --host 127.0.0.1 --port {other}",
        "Cannot serve on {host}:{port} ({detail}). Use another --host or --port, "
        "e.g. python build.py serve --host 127.0.0.1 --port {other}",
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
    # the local CMS (`python build.py cms`, catalog/cms/local.py)
    "cms_started": (
        "CMS lokal siap untuk cabang {branch} (port {port}). Jalankan juga `python build.py serve` "
        "di jendela lain, lalu buka http://127.0.0.1:8000/admin/. Berkas yang Anda ubah sendiri "
        "di folder ini tidak disentuh CMS. Tekan Ctrl+C untuk berhenti. (Catatan teknis: {log})",
        "Local CMS ready for branch {branch} (port {port}). Also run `python build.py serve` in "
        "another window, then open http://127.0.0.1:8000/admin/. Files you change yourself in "
        "this folder are not touched by the CMS. Press Ctrl+C to stop. (Technical log: {log})",
    ),
    "cms_branch_removed": (
        "Draf kosong {name} dihapus: penyimpanan sebelumnya gagal dan tidak menyimpan apa pun. "
        "Entri itu bisa dibuka dan disimpan lagi di CMS.",
        "Empty draft {name} removed: an earlier save failed and saved nothing. The entry can be "
        "opened and saved again in the CMS.",
    ),
    "cms_published": (
        "Diterbitkan dari CMS ke folder ini: {files}",
        "Published from the CMS into this folder: {files}",
    ),
    "cms_publish_waiting": (
        "Yang diterbitkan di CMS belum bisa masuk ke cabang {branch} folder ini; berkas Anda "
        "tidak diubah. Sebabnya (dari git): {detail}. Bila git menyebut berkas yang Anda ubah "
        "sendiri, simpan dulu (git commit) atau kembalikan berkas itu; bila cabang sudah punya "
        "commit baru, hentikan CMS (Ctrl+C) lalu jalankan lagi `python build.py cms`. Dicoba "
        "lagi otomatis tiap detik.",
        "What was published in the CMS cannot enter branch {branch} of this folder yet; your "
        "files were not changed. Reason (from git): {detail}. If git names files you changed "
        "yourself, commit them first (git commit) or undo them; if the branch has new commits, "
        "stop the CMS (Ctrl+C) and run `python build.py cms` again. Retried every second.",
    ),
    "cms_other_branch": (
        "folder ini sedang di cabang {current}, bukan {branch} (kembali dengan: git switch {branch})",
        "this folder is on branch {current}, not {branch} (go back with: git switch {branch})",
    ),
    "cms_sync_failed": (
        "CMS lokal tidak dapat dimulai: salinan kerjanya tidak dapat disamakan dengan cabang "
        "{branch} ({detail}). Pastikan cabang {branch} ada dan sudah di-commit, lalu jalankan lagi.",
        "The local CMS cannot start: its working copy cannot be brought up to branch {branch} "
        "({detail}). Make sure branch {branch} exists and is committed, then run again.",
    ),
    "cms_no_git": (
        "Folder {folder} bukan repositori git (atau git belum terpasang). Jalankan "
        "`python build.py cms` di folder proyek hasil `git clone`.",
        "Folder {folder} is not a git repository (or git is not installed). Run "
        "`python build.py cms` in the project folder made by `git clone`.",
    ),
    "cms_server_missing": (
        "decap-server belum terpasang. Jalankan `npm ci` di {folder} (perlu Node.js), lalu jalankan lagi.",
        "decap-server is not installed. Run `npm ci` in {folder} (needs Node.js), then run again.",
    ),
    "cms_port_busy": (
        "Port {port} sudah dipakai, mungkin oleh CMS lokal atau `npx decap-server` yang masih "
        "berjalan. Hentikan program itu (Ctrl+C di jendelanya), lalu jalankan lagi.",
        "Port {port} is already in use, perhaps by a local CMS or `npx decap-server` still "
        "running. Stop that program (Ctrl+C in its window), then run again.",
    ),
    "cms_server_stopped": (
        "decap-server berhenti sendiri; CMS lokal tidak berjalan. Keterangan teknis ada di {log}.",
        "decap-server stopped by itself; the local CMS is not running. Technical details are in {log}.",
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
