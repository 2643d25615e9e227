"""Photos: missing, outside their folder, unreadable, damaged, too large, of a format the site cannot use."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "image_bomb": (
        "gambar {path!r} terlalu besar ({pixels} megapiksel; batas {limit} megapiksel)",
        "image {path!r} is too large ({pixels} megapixels; limit {limit} megapixels)",
    ),
    "image_format": (
        "gambar {path!r} berformat {fmt}; simpan ulang sebagai JPEG (foto) atau PNG (logo)",
        "image {path!r} is {fmt}; save it again as JPEG (photos) or PNG (logos)",
    ),
}
