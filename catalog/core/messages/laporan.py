"""The legal-status report (`laporan`): its lines and CSV columns, not problems."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
