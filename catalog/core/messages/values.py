"""A value of the wrong kind, as the schema finds it (`schema_errors` maps pydantic's errors to these)."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
