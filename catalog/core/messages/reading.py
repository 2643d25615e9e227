"""Reading the content: files, their encoding, YAML syntax, front matter, folder names."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
