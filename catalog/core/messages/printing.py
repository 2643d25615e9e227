"""The printed catalog: photo resolution, characters the print fonts lack, addresses printed in an
edition (printed-urls.txt)."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
