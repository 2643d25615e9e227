"""Issue 14, input edges: nothing outside content/ read through a symlink, YAML mistakes told
in the editor's words at their line, and messages an office can act on."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
from pathlib import Path

import pytest
from conftest import PRODUCT, SITE, jpeg, options, write_files
from PIL import Image

from catalog import cli, pipeline
from catalog.content import scaffold
from catalog.core.errors import ContentErrors

SECRET = "RAHASIA-MESIN-BUILD"
OUTSIDE_SITE = "site.yaml:1: tautan (symlink) ini mengarah ke luar folder konten dan tidak dibaca"
PRODUCT_FILE = "ikm/kerupuk-uji/products/kerupuk-melarat.md"


def checked(content: Path, drafts: bool = False) -> list[str]:
    """Every problem `python build.py check` reports (empty when none), never a traceback."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["check", "--content", str(content), *(["--drafts"] if drafts else [])])
    assert "Traceback" not in stderr.getvalue()
    lines = stderr.getvalue().splitlines()
    assert status == (1 if lines else 0), lines
    return lines[:-1]


def outside(tmp_path: Path) -> Path:
    """Files of the machine that builds, beside (not inside) the content folder."""
    return write_files(
        tmp_path / "outside",
        {
            "secret.md": f"---\ntitle: {SECRET}\n---\n{SECRET}\n",
            "secret.yaml": SITE.replace("Galeri Uji", SECRET),
            "categories.yaml": f"- slug: rahasia\n  name: {SECRET}\n",
            "business/index.md": f"---\nname: {SECRET}\nemail: a@b.id\n---\n{SECRET}\n",
            "products/bocor.md": PRODUCT.replace("Kerupuk Melarat", SECRET).replace("[melarat.jpg]", "[]"),
            "pages/bocor.md": f"# {SECRET}\n",
            "ikm/bocor/index.md": f"---\nname: {SECRET}\nemail: a@b.id\n---\n",
            "assets/logo.png": b"",
        },
    )


def link(content: Path, name: str, target: Path) -> None:
    path = content / name
    if path.is_dir() and not path.is_symlink():
        for child in sorted(path.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        path.rmdir()
    elif path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


# name in content/ -> the outside file or folder it leads to
LEAKS = {
    "site.yaml": "secret.yaml",
    "categories.yaml": "categories.yaml",
    "pages/bocor.md": "secret.md",
    "pages": "pages",
    "ikm": "ikm",
    "ikm/bocor": "business",
    "ikm/kerupuk-uji/index.md": "business/index.md",
    "ikm/kerupuk-uji/products": "products",
    "ikm/kerupuk-uji/products/bocor.md": "secret.md",
    "ikm/kerupuk-uji/products/bocor.yaml": "secret.yaml",
}


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_a_symlink_leading_outside_is_an_error_and_is_not_read(site, tmp_path, monkeypatch, name):
    content, elsewhere = site(), outside(tmp_path)
    link(content, name, elsewhere / LEAKS[name])
    opened: list[str] = []
    for owner, method in ((pathlib.Path, "open"), (pathlib.Path, "iterdir"), (Image, "open")):
        monkeypatch.setattr(owner, method, recording(getattr(owner, method), opened))
    with pytest.raises(ContentErrors) as caught:
        pipeline.check(options(content))
    found = [str(error) for error in caught.value.errors]
    assert f"{name}:1: tautan (symlink) ini mengarah ke luar folder konten dan tidak dibaca" in found[0]
    assert not any(SECRET in line for line in found)
    assert [file for file in opened if file.startswith(str(elsewhere))] == []


def recording(original, opened: list[str]):
    def call(target, *args, **kwargs):
        opened.append(os.path.realpath(target))
        return original(target, *args, **kwargs)

    return call


def test_a_symlinked_printed_urls_file_is_not_echoed(site, tmp_path):
    content, elsewhere = site(), outside(tmp_path)
    link(content, "printed-urls.txt", elsewhere / "secret.md")
    assert checked(content) == [
        "printed-urls.txt:1: tautan (symlink) ini mengarah ke luar folder konten dan tidak dibaca "
        "(ganti dengan berkas atau folder sungguhan di dalam folder konten)"
    ]


def test_a_symlinked_assets_folder_cannot_bring_the_logo(site, tmp_path):
    content, elsewhere = site(), outside(tmp_path)
    link(content, "assets", elsewhere / "assets")
    found = checked(write_files(content, {"site.yaml": SITE + "  logo: assets/logo.png\n"}))
    assert found == [
        "site.yaml:13: brand.logo: gambar 'assets/logo.png' adalah tautan (symlink) ke luar folder assets"
    ]


def test_a_symlink_that_stays_inside_is_followed(site):
    content = site()
    link(content, "pages/tentang-kami.md", content / "pages/tentang.md")
    link(content, "ikm/kerupuk-uji/products/kerupuk-lama.md", Path("kerupuk-melarat.md"))
    assert checked(content) == []


def test_english_sites_are_told_in_english(site, tmp_path):
    content, elsewhere = site({"site.yaml": SITE + "language: en\n"}), outside(tmp_path)
    link(content, "pages/bocor.md", elsewhere / "secret.md")
    assert checked(content) == [
        "pages/bocor.md:1: this symlink leads outside the content folder and is not read "
        "(replace it with a real file or folder inside the content folder)"
    ]


# -- YAML mistakes in real scaffolds -------------------------------------------------------------


def scaffolded(content: Path, kind: str, old: str, new: str) -> tuple[str, list[str]]:
    """A scaffold of `kind` with the line `old` edited into `new` as an editor would; its path
    and the file's lines (numbered from 1 by the caller's index + 1)."""
    if kind == "ikm":
        file = scaffold.new_business(content, "usaha-baru")
    else:
        file = scaffold.new_product(content, "kerupuk-uji/produk-baru", ["kerupuk"])
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1
    file.write_text(text.replace(old, new), encoding="utf-8")
    return file.relative_to(content).as_posix(), file.read_text(encoding="utf-8").split("\n")


def line_of(lines: list[str], start: str) -> int:
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


YAML_MISTAKES = [
    # kind, scaffold line, as the editor wrote it, the message's start
    ("ikm", "# whatsapp: 0812", "whatsapp 0812", "titik dua tidak ada di baris ini (tulis `nama: nilai`"),
    ("ikm", "# owner: Nama Pemilik", "\towner: Bu Darsa", "ada karakter Tab di baris ini"),
    (
        "ikm",
        '# instagram: "@namaakun"',
        "instagram: @namaakun",
        "nilai tidak boleh diawali @ tanpa tanda kutip",
    ),
    ("produk", "name: Produk Baru ", "name: Sirup: Rasa Mangga ", "ada titik dua di tengah nilai"),
    ("produk", '# sku: "001"', 'sku: "001', 'tanda kutip " dibuka di baris ini tetapi tidak ditutup'),
    (
        "produk",
        "# tags: [oleh-oleh, khas cirebon]",
        "tags: [oleh-oleh, khas cirebon",
        "kurung [ dibuka di baris ini",
    ),
    (
        "produk",
        "#   - name: Ukuran M\n#     price",
        "  - name: Ukuran M\n   price",
        "baris ini tidak sejajar",
    ),
]


@pytest.mark.parametrize(("kind", "old", "new", "said"), YAML_MISTAKES)
def test_yaml_mistakes_in_a_scaffold_are_told_at_their_line(site, kind, old, new, said):
    content = site()
    if kind == "produk" and "price" in new:
        old, new = "# variants:\n" + old, "variants:\n" + new
    path, lines = scaffolded(content, kind, old, new)
    mistake = line_of(lines, new.split("\n")[-1])
    found = [line for line in checked(content, drafts=True) if line.startswith(path)]
    assert found == [line for line in found if line.startswith(f"{path}:{mistake}: {said}")]
    assert len(found) == 1
    assert "\t" not in found[0] and "could not" not in found[0] and "mapping values" not in found[0]


def test_a_missing_colon_among_comments_is_not_blamed_on_the_closing_line(site):
    content = site()
    path, lines = scaffolded(content, "ikm", "# whatsapp: 0812-3456-7890", "whatsapp 0812-3456-7890")
    assert line_of(lines, "whatsapp 0812") == 12
    assert checked(content, drafts=True)[0].startswith(f"{path}:12: titik dua tidak ada")


def test_an_unusual_yaml_mistake_is_still_told_in_indonesian(site):
    found = checked(site({"ikm/kerupuk-uji/products/x.yaml": "name: A\ncategory: kerupuk\nunit: | pcs\n"}))
    assert found == [
        "ikm/kerupuk-uji/products/x.yaml:3: penulisan YAML salah di sekitar baris ini (periksa titik dua, "
        "indentasi dan tanda kutip; keterangan teknis: did not find expected comment or line break)"
    ]


def test_a_control_character_is_named_at_its_line_and_place(site):
    found = checked(site({PRODUCT_FILE: PRODUCT.replace("unit: bungkus", "unit: bung\x08kus")}))
    assert found == [
        f"{PRODUCT_FILE}:5: ada karakter tak terlihat U+0008 CONTROL di huruf ke-11 baris ini (hapus lalu "
        "ketik ulang bagian itu; biasanya terbawa saat menyalin dari dokumen lain)"
    ]


def test_yaml_mistakes_in_english(site):
    content = site(
        {"site.yaml": SITE + "language: en\n", PRODUCT_FILE: PRODUCT.replace("unit: ", "\tunit: ")}
    )
    assert checked(content) == [
        f"{PRODUCT_FILE}:5: this line has a Tab character (YAML indents with spaces only; replace the Tab "
        "with spaces)"
    ]


# -- messages an office can act on ---------------------------------------------------------------


def product_checked(site, old: str, new: str) -> list[str]:
    assert old in PRODUCT
    return checked(site({PRODUCT_FILE: PRODUCT.replace(old, new)}))


def test_a_negative_price_is_told_it_must_not_be_negative(site):
    found = product_checked(
        site, "price: 15000", "price: -5000\nweight_g: -250\nvariants: [{name: A, price: -1}]"
    )
    assert found == [
        f"{PRODUCT_FILE}:4: price: tidak boleh negatif (tulis 1 atau lebih, tanpa tanda -)",
        f"{PRODUCT_FILE}:5: weight_g: tidak boleh negatif (tulis 1 atau lebih, tanpa tanda -)",
        f"{PRODUCT_FILE}:6: variants[0].price: tidak boleh negatif (tulis 1 atau lebih, tanpa tanda -)",
    ]


@pytest.mark.parametrize(
    ("written", "position", "name"),
    [
        ("185\u00a0000", 4, "U+00A0 NO-BREAK SPACE"),
        ("15000\u200b", 6, "U+200B ZERO WIDTH SPACE"),
        ("185\u202f000", 4, "U+202F NARROW NO-BREAK SPACE"),
    ],
)
def test_an_invisible_character_in_a_number_is_named(site, written, position, name):
    found = product_checked(site, "price: 15000", f"price: {written}\nmin_order: 1\u00a0")
    assert found == [
        f"{PRODUCT_FILE}:4: price: ada karakter tak terlihat {name} di huruf ke-{position} nilai ini "
        "(hapus nilainya lalu ketik ulang; karakter ini biasanya terbawa saat menyalin dari Word, Excel "
        "atau WhatsApp)",
        f"{PRODUCT_FILE}:5: min_order: ada karakter tak terlihat U+00A0 NO-BREAK SPACE di huruf ke-2 "
        "nilai ini (hapus nilainya lalu ketik ulang; karakter ini biasanya terbawa saat menyalin dari "
        "Word, Excel atau WhatsApp)",
    ]


def test_a_duplicate_key_does_not_hide_the_files_other_mistakes(site):
    text = PRODUCT.replace("unit: bungkus", "unit: bungkus\nprice: 20000\nprise: 1")
    found = checked(site({PRODUCT_FILE: text.replace("stock: available", "stock: habis")}))
    assert found == [
        f"{PRODUCT_FILE}:6: price: kolom ditulis dua kali (hapus salah satunya)",
        f"{PRODUCT_FILE}:7: prise: kolom tidak dikenal (maksud Anda `price`?)",
        f"{PRODUCT_FILE}:9: stock: harus salah satu dari: available, preorder, sold_out",
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("foto selendang.jpg", "Foto Selendang.jpg"),
        ("Foto Selendnag.jpg", "Foto Selendang.jpg"),
        ("../Dapur.JPG", "../dapur.jpg"),
    ],
)
def test_a_photo_name_that_nearly_matches_a_file_is_suggested(site, written, meant):
    content = site({"ikm/kerupuk-uji/products/Foto Selendang.jpg": jpeg()})
    found = checked(write_files(content, {PRODUCT_FILE: PRODUCT.replace("[melarat.jpg]", f"['{written}']")}))
    assert found == [
        f"{PRODUCT_FILE}:6: images[0]: gambar {written!r} tidak ditemukan (maksud Anda `{meant}`?)"
    ]


def test_a_photo_name_like_no_file_gets_no_guess(site):
    found = product_checked(site, "[melarat.jpg]", "[kemeja-biru.jpg]")
    assert found == [f"{PRODUCT_FILE}:6: images[0]: gambar 'kemeja-biru.jpg' tidak ditemukan"]


def test_names_longer_than_their_limit_are_refused(site):
    business = "ikm/topeng-uji/index.md"
    content = site(
        {
            PRODUCT_FILE: PRODUCT.replace("Kerupuk Melarat", "Kerupuk " + "x" * 592),
            business: "---\nname: " + "T" * 101 + "\nemail: topeng@uji.id\n---\n",
        }
    )
    assert checked(content) == [
        f"{PRODUCT_FILE}:2: name: terlalu panjang: 600 karakter (paling banyak 150 karakter)",
        f"{business}:2: name: terlalu panjang: 101 karakter (paling banyak 100 karakter)",
    ]


def test_names_at_their_limit_are_accepted(site):
    business = "---\nname: " + "T" * 100 + "\nemail: topeng@uji.id\n---\n"
    content = site(
        {PRODUCT_FILE: PRODUCT.replace("Kerupuk Melarat", "K" * 150), "ikm/topeng-uji/index.md": business}
    )
    assert checked(content) == []


def test_a_site_theme_cannot_link_out_of_its_folder(site, tmp_path, capsys):
    """A site's own theme sits beside its content, in the same pull request."""
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-MESIN")
    content = site({"site.yaml": SITE + "theme: kota\n"})
    theme = content.parent / "themes" / "kota"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: mal\n")
    (theme / "static" / "bocor.txt").symlink_to(secret)
    out = content.parent / "out"
    assert cli.main(["build", "--content", str(content), "--out", str(out), "--no-pdf"]) == 1
    said = capsys.readouterr().err
    assert "bocor.txt: tautan (symlink) ini mengarah ke luar folder tema" in said
    assert not out.exists()
