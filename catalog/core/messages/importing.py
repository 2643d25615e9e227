"""Import from a spreadsheet (`import FILE`): problems are FILE:ROW:COLUMN, then what was created."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
