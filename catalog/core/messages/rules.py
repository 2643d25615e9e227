"""The content's rules beyond a value's kind: addresses, contacts, slugs, aliases, legal numbers,
and references from one file to another."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "page_reserved": (
        "slug halaman {slug!r} sudah dipakai situs (pilih nama lain)",
        "page slug {slug!r} is reserved by the site (choose another name)",
    ),
    "color_empty": (
        "warna kosong: tanda # memulai catatan dalam YAML, jadi tulis kodenya dalam tanda kutip, "
        'mis. "#1f3a5f" (atau hapus baris ini)',
        'empty colour: # starts a comment in YAML, so quote the code, e.g. "#1f3a5f" (or remove the line)',
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
