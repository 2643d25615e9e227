"""What a command says when it is done: build, check, freeze, serve, and the problem summary."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "serve_ready": (
        "Pratinjau: buka {url} di browser (halaman dimuat ulang sendiri tiap kali berkas disimpan; "
        "Ctrl+C untuk berhenti)",
        "Preview: open {url} in a browser (pages reload by themselves on every save; Ctrl+C to stop)",
    ),
}
