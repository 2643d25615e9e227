"""`python build.py import FILE`: the office's spreadsheet to draft entries (CONTENT-SPEC.md,
"Import from a spreadsheet"), every bad cell reported as FILE:ROW:COLUMN, the template."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from catalog import cli, pipeline
from catalog.content import sources, yamlsafe
from catalog.content.importing.columns import COLUMNS
from catalog.content.importing.entries import dump
from catalog.core.errors import Problems
from catalog.core.messages import message

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
HEADERS = [column.name for column in COLUMNS]
LEGAL = ("halal", "pirt", "bpom")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty catalog with the demo's site-wide files: its districts, categories, logo, pages."""
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("site.yaml", "categories.yaml"):
        shutil.copy(DEMO / name, folder / name)
    for name in ("assets", "pages"):
        shutil.copytree(DEMO / name, folder / name)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(args))
    return status, out.getvalue(), err.getvalue()


def load(content: Path) -> pipeline.Catalog:
    """The catalog with its drafts, as `check --drafts` sees it (raises on any problem)."""
    cache = Path(tempfile.mkdtemp(prefix="import-cache-"))  # never the repository's own
    options = pipeline.BuildOptions(content=content, drafts=True, pdf=False, workers=1, cache_dir=cache)
    try:
        return pipeline.check(options)[0]
    finally:
        shutil.rmtree(cache)


def write_xlsx(file: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(file)
    return file


def record(**cells: object) -> list[object]:
    """A row in the template's column order from the cells given by name."""
    return [cells.get(name) for name in HEADERS]


def files(content: Path) -> dict[str, bytes]:
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()
    }


# -- the demo, through a spreadsheet and back ------------------------------------------------------


def demo_rows() -> tuple[pipeline.Catalog, list[list[object]]]:
    """The demo's businesses and products as the office would type them: a category by name on
    one product and by slug on the next; the first WhatsApp typed as a number (its 0 lost)."""
    catalog = load(DEMO)
    bodies = raw_bodies()
    rows: list[list[object]] = [HEADERS]
    for number, business in enumerate(catalog.businesses):
        whatsapp = business.whatsapp and (int(business.whatsapp[2:]) if number == 0 else business.whatsapp)
        own = {
            "nama_usaha": business.name, "slug_usaha": business.slug, "pemilik": business.owner,
            "jenis": business.kind, "kecamatan": business.district, "alamat": business.address,
            "whatsapp": whatsapp, "telepon": business.phone, "email": business.email, "nib": business.nib,
        }  # fmt: skip
        products = catalog.products_of_business[business.slug]
        rows += [record(**own, **product_cells(catalog, p, i, bodies)) for i, p in enumerate(products)]
        if not products:
            rows.append(record(**own))
    return catalog, rows


def product_cells(catalog: pipeline.Catalog, product, index: int, bodies: dict) -> dict[str, object]:
    price = product.price and (
        f"{product.price.low}-{product.price.high}" if product.price.is_range else product.price.low
    )
    category = product.category if index % 2 else catalog.categories[product.category].name
    legal = {c.type: c.number for c in product.certifications if c.type in LEGAL}
    return {
        "nama_produk": product.name, "slug_produk": product.slug, "kategori": category, "harga": price,
        "satuan": product.unit, "deskripsi": bodies[(product.business, product.slug)], **legal,
    }  # fmt: skip


def raw_bodies() -> dict[tuple[str, str], str]:
    """Each demo product's Markdown as written (the body of a .md, `description` of a .yaml)."""
    problems = Problems()
    found = sources.load_sources(DEMO.resolve(), problems)
    bodies = {}
    for folder in found.business_folders:
        for slug, doc in sources.read_business(found, folder, problems).products:
            text = doc.body if doc.path.endswith(".md") else doc.data.get("description", "")
            bodies[(folder.name, slug)] = text.strip() or None
    return bodies


BUSINESS_FIELDS = ("name", "kind", "owner", "district", "address", "whatsapp", "phone", "email", "nib")
PRODUCT_FIELDS = ("name", "category", "price", "unit")


def test_the_demo_through_a_spreadsheet_gives_the_demo_entries(content, tmp_path):
    demo, rows = demo_rows()
    sheet = write_xlsx(tmp_path / "demo.xlsx", rows)
    status, out, err = run("import", str(sheet), "--content", str(content))
    assert status == 0, err
    imported = load(content)  # valid as written: `check --drafts` passes
    assert len(imported.businesses) == len(demo.businesses) and len(imported.products) == len(demo.products)
    bodies = raw_bodies()
    for business in demo.businesses:
        again = imported.business_by_slug[business.slug]
        assert again.draft
        assert [getattr(again, f) for f in BUSINESS_FIELDS] == [getattr(business, f) for f in BUSINESS_FIELDS]
    for product in demo.products:
        again = imported.product_by_key[product.key]
        assert again.draft
        assert [getattr(again, f) for f in PRODUCT_FIELDS] == [getattr(product, f) for f in PRODUCT_FIELDS]
        legal = [c for c in product.certifications if c.type in LEGAL]
        assert sorted(again.certifications, key=str) == sorted(legal, key=str)
        if bodies[product.key]:
            assert again.description.html == product.description.html
    assert f"{len(demo.businesses)} usaha dan {len(demo.products)} produk dibuat sebagai draf" in out


def test_the_same_file_twice_creates_nothing_the_second_time(content, tmp_path):
    sheet = write_xlsx(tmp_path / "demo.xlsx", demo_rows()[1])
    assert run("import", str(sheet), "--content", str(content))[0] == 0
    before = files(content)
    status, out, _ = run("import", str(sheet), "--content", str(content))
    assert status == 0 and files(content) == before
    *skipped, summary = out.splitlines()
    assert sorted(line.removeprefix("dilewati (sudah ada): ") for line in skipped) == sorted(
        name for name in before if name.startswith("ikm/")
    )
    assert summary.startswith(f"Tidak ada yang dibuat: semua {len(skipped)} berkas")
    assert "Tidak ada yang dibuat" in out


def test_an_existing_file_is_skipped_and_kept(content, tmp_path):
    index = content / "ikm/batik-sari/index.md"
    index.parent.mkdir(parents=True)
    index.write_text("---\nname: Batik Sari\nwhatsapp: 0812-1111-2222\n---\nCerita kami.\n")
    sheet = tmp_path / "a.csv"
    sheet.write_text("nama_usaha,nama_produk,kategori\nBatik Sari,Kain Biru,kain-batik\n")
    status, out, _ = run("import", str(sheet), "--content", str(content))
    assert status == 0
    assert out.splitlines()[:2] == [
        "dibuat: ikm/batik-sari/products/kain-biru.md",
        "dilewati (sudah ada): ikm/batik-sari/index.md",
    ]
    assert index.read_text().endswith("Cerita kami.\n")
    assert load(content).product_by_key[("batik-sari", "kain-biru")].category == "kain-batik"


def test_a_made_slug_never_adds_to_another_business_in_the_content(content, tmp_path):
    (content / "ikm/batik-sari").mkdir(parents=True)
    (content / "ikm/batik-sari/index.md").write_text("---\nname: Batik Lain\n---\n")
    sheet = tmp_path / "a.csv"
    sheet.write_text("nama_usaha,slug_usaha,nama_produk,kategori\nBatik Sari,,Kain,kain-batik\n")
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1
    assert err.splitlines()[0] == (
        f"{sheet}:2: nama_usaha: folder ikm/batik-sari/ sudah dipakai usaha lain ('Batik Lain'); isi slug_usaha "
        "dengan slug lain, atau dengan `batik-sari` bila produknya memang untuk usaha itu"
    )
    sheet.write_text("nama_usaha,slug_usaha,nama_produk,kategori\nBatik Sari,batik-sari,Kain,kain-batik\n")
    assert run("import", str(sheet), "--content", str(content))[0] == 0  # named on purpose: added to it
    assert (content / "ikm/batik-sari/products/kain.md").is_file()


# -- bad cells ---------------------------------------------------------------------------------------


def test_every_bad_cell_is_reported_at_once_and_nothing_is_written(content, tmp_path):
    rows = [
        [*HEADERS, "hrga"],
        record(
            nama_usaha="Kue Enak",
            kecamatan="Cirebon Utara",
            nama_produk="Kue",
            kategori="kue",
            harga="Rp 15.000",
        ),
        record(
            nama_usaha="Kue Enak", telepon="(0231) 111", nama_produk="Gapit", kategori="Kerupuk & Camilan"
        ),
        record(nama_usaha="Kue Enak", telepon="(0231) 222", nama_produk="Gapit", kategori="kerupuk-camilan"),
        record(nama_usaha="Toko HP", whatsapp="(0231) 204118", email="toko@", jenis="pt"),
        record(nama_usaha="Toko  hp!", slug_usaha="Toko_HP"),
        record(nama_usaha="Toko HP!"),
        record(
            nama_usaha="Madu",
            nama_produk="Madu",
            kategori="makanan-khas",
            halal="ID123",
            pirt="12345",
            bpom="XX1",
            harga="250000-150000",
        ),
        record(nama_usaha="Madu", nib="12345", nama_produk="Madu Hutan", harga=15000.5),
        record(pemilik="Tanpa Nama"),
        record(nama_usaha="Contoh: Kerupuk Sekar Jagad"),
    ]
    sheet = write_xlsx(tmp_path / "salah.xlsx", rows)
    status, out, err = run("import", str(sheet), "--content", str(content))
    assert status == 1 and out == ""
    at = str(sheet)
    assert err.splitlines() == [
        f"{at}:1: hrga: kolom tidak dikenal (maksud Anda `harga`?)",
        f"{at}:2: harga: harga harus angka rupiah tanpa Rp, titik atau koma (tulis 15000)",
        f"{at}:2: kategori: " + message("unknown_category", slug="kue", hint=_hint("kue")),
        f"{at}:2: kecamatan: kecamatan 'Cirebon Utara' tidak ada di daftar districts site.yaml "
        "(pilihan: Harjamukti, Kejaksan, Kesambi, Lemahwungkuk, Pekalipan)",
        f"{at}:4: nama_produk: produk `gapit` usaha ini sudah ada di baris 3 (isi slug_produk yang berbeda)",
        f"{at}:4: telepon: berbeda dengan baris 3 ('(0231) 111'); data satu usaha harus sama di setiap barisnya",
        f"{at}:5: email: alamat email tidak sah (contoh: nama@contoh.id)",
        f"{at}:5: jenis: harus salah satu dari: ikm, umkm",
        f"{at}:5: whatsapp: WhatsApp perlu nomor HP (08..., contoh: 0812-3456-7890); nomor telepon rumah "
        "atau kantor ditulis di kolom telepon",
        f"{at}:6: slug_usaha: slug 'Toko_HP' tidak sah (huruf kecil a-z, angka, tanda - tunggal)",
        f"{at}:7: nama_usaha: nama ini menghasilkan slug `toko-hp`, sama dengan usaha 'Toko HP' di baris 5 "
        "(isi slug_usaha yang berbeda untuk salah satunya)",
        f"{at}:8: bpom: " + message("legal_bpom_shape"),
        f"{at}:8: halal: " + message("legal_halal_shape"),
        f"{at}:8: harga: harga terendah harus di depan (contoh: 150000-250000)",
        f"{at}:8: pirt: " + message("legal_pirt_shape"),
        f"{at}:9: harga: harga harus angka rupiah tanpa Rp, titik atau koma (contoh: 185000 atau 150000-250000)",
        f"{at}:9: kategori: wajib diisi untuk produk (atau kosongkan semua kolom produk bila baris ini hanya "
        "untuk usaha)",
        f"{at}:9: nib: " + message("legal_nib_shape"),
        f"{at}:10: nama_usaha: wajib diisi (ulangi data usaha di setiap baris produknya)",
        f"{at}:11: nama_usaha: ini baris contoh dari templat (hapus barisnya, atau timpa dengan data usaha)",
        "20 masalah ditemukan. Perbaiki lembarnya lalu jalankan lagi; tidak ada berkas yang ditulis.",
    ]
    assert not (content / "ikm").exists()


def _hint(written: str) -> str:
    import difflib

    from catalog.content.importing.choices import read

    allowed = read(DEMO, Problems())[0]
    known = sorted(allowed.category_slugs) + sorted(allowed.category_names)
    close = difflib.get_close_matches(written, known, n=1)
    return message("did_you_mean", name=close[0]) if close else ""


def test_rows_are_numbered_as_the_spreadsheet_does_and_empty_ones_skipped(content, tmp_path):
    rows = [HEADERS, [], record(nama_usaha="Satu"), [None] * 5, [], record(nama_usaha="Dua", harga="x")]
    sheet = write_xlsx(tmp_path / "a.xlsx", rows)
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1
    needed = "wajib diisi untuk produk (atau kosongkan semua kolom produk bila baris ini hanya untuk usaha)"
    assert err.splitlines()[:3] == [
        f"{sheet}:6: harga: harga harus angka rupiah tanpa Rp, titik atau koma (contoh: 185000 atau 150000-250000)",
        f"{sheet}:6: kategori: {needed}",
        f"{sheet}:6: nama_produk: {needed}",
    ]


def test_a_value_under_no_header_and_a_header_twice_are_problems(content, tmp_path):
    sheet = tmp_path / "a.csv"
    sheet.write_text("nama_usaha,Nama Usaha,,\nSatu,Satu,,x\n")
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1
    assert err.splitlines()[:2] == [
        f"{sheet}:1: Nama Usaha: kolom ini sama dengan kolom `nama_usaha` (hapus salah satunya)",
        f"{sheet}:2: D: ada isi di kolom tanpa judul (beri judul kolom di baris 1, atau hapus isinya)",
    ]


def test_a_sheet_without_nama_usaha_is_refused(content, tmp_path):
    sheet = tmp_path / "a.csv"
    sheet.write_text("pemilik\nBu Sari\n")
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1
    assert err.splitlines()[0] == (
        f"{sheet}:1: nama_usaha: kolom nama_usaha tidak ada (baris 1 harus memuat judul kolom, seperti di templat)"
    )


# -- what Excel hands over ---------------------------------------------------------------------------


def test_excel_numbers_spaces_and_header_spellings_are_read_as_meant(content, tmp_path):
    rows = [
        [
            "Nama Usaha",
            "NAMA_PRODUK",
            " harga ",
            "WhatsApp",
            "Telepon",
            "Kategori",
            "NIB",
            "pirt",
            None,
            None,
        ],
        [
            "\u00a0Batik  Sari ",
            "Kain\u00a0Biru",
            15000.0,
            81234567890,
            231204118,
            " kain batik ",
            9120301234567,
            206327401012329,
        ],
        [None] * 10,
    ]
    sheet = write_xlsx(tmp_path / "a.xlsx", rows)
    book = load_workbook(sheet)
    book.active.cell(row=1, column=40).number_format = "@"  # a sheet formatted far to the right
    book.save(sheet)
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 0, err
    business = load(content).business_by_slug["batik-sari"]
    product = load(content).product_by_key[("batik-sari", "kain-biru")]
    assert (business.name, business.whatsapp, business.phone, business.nib) == (
        "Batik Sari", "6281234567890", "0231204118", "9120301234567"
    )  # fmt: skip
    assert (product.name, product.price.low, product.category) == ("Kain Biru", 15000, "kain-batik")
    assert product.certifications[0].number == "206327401012329"
    text = (content / "ikm/batik-sari/index.md").read_text()
    assert 'whatsapp: "081234567890"' in text and 'nib: "9120301234567"' in text


def test_csv_with_a_bom_and_semicolons(content, tmp_path):
    sheet = tmp_path / "dari-excel.csv"
    text = (
        "Nama Usaha;Pemilik;Kecamatan;Nama Produk;Kategori;Harga;Deskripsi\r\n"
        'Sirup Sekar;Bu Sekar, S.E.;kesambi;Sirup Tjampolay;Minuman & Sirup;150000-250000;"Manis.\r\n\r\nSegar."\r\n'
        ";;;;;;\r\n"
        "Topeng Panji;;;;;;\r\n"
    )
    sheet.write_bytes(b"\xef\xbb\xbf" + text.encode())
    status, out, err = run("import", str(sheet), "--content", str(content))
    assert status == 0, err
    catalog = load(content)
    business = catalog.business_by_slug["sirup-sekar"]
    assert (business.owner, business.district) == ("Bu Sekar, S.E.", "Kesambi")
    product = catalog.product_by_key[("sirup-sekar", "sirup-tjampolay")]
    assert (product.category, product.price.low, product.price.high) == ("minuman-sirup", 150000, 250000)
    assert product.description.html == "<p>Manis.</p>\n<p>Segar.</p>"
    assert catalog.products_of_business["topeng-panji"] == ()  # a row with only business columns
    assert "2 usaha dan 1 produk" in out


def test_a_csv_that_is_not_utf8_is_refused_with_the_way_out(content, tmp_path):
    sheet = tmp_path / "a.csv"
    sheet.write_bytes("nama_usaha\nKue Bu Ratna\nCaf\u00e9\n".encode("cp1252"))
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert (status, err.splitlines()[0]) == (
        1, f"{sheet}:3: berkas CSV bukan teks UTF-8 (di Excel: Simpan Sebagai > CSV UTF-8)"
    )  # fmt: skip


def test_a_damaged_xlsx_is_a_message_not_a_traceback(content, tmp_path):
    """A workbook that opens but whose sheet is cut (a copy interrupted, a bad download)."""
    import zipfile

    whole = write_xlsx(tmp_path / "utuh.xlsx", [HEADERS, record(nama_usaha="Kue Bu Ratna")] * 50)
    cut = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data)
    status, _, err = run("import", str(cut), "--content", str(content))
    assert status == 1 and err.startswith(f"{cut}:1:") and "Traceback" not in err, err
    assert not (content / "ikm" / "kue-bu-ratna").exists()


def test_dry_run_lists_and_writes_nothing(content, tmp_path):
    (content / "ikm/satu").mkdir(parents=True)
    (content / "ikm/satu/index.md").write_text("---\nname: Satu\n---\n")
    sheet = tmp_path / "a.csv"
    sheet.write_text("nama_usaha,nama_produk,kategori\nSatu,Kue,kerupuk-camilan\nDua,,\n")
    before = files(content)
    status, out, _ = run("import", str(sheet), "--content", str(content), "--dry-run")
    assert status == 0 and files(content) == before
    assert out.splitlines() == [
        "akan dibuat: ikm/satu/products/kue.md",
        "akan dibuat: ikm/dua/index.md",
        "dilewati (sudah ada): ikm/satu/index.md",
        "Uji coba (--dry-run): 1 usaha dan 1 produk akan dibuat, 1 berkas sudah ada dan akan dilewati. "
        "Tidak ada berkas yang ditulis.",
    ]


def test_wrong_usage_exits_2(content, tmp_path):
    (tmp_path / "a.ods").write_text("x")
    assert run("import", str(tmp_path / "tidak-ada.xlsx"), "--content", str(content))[0] == 2
    assert run("import", str(tmp_path / "a.ods"), "--content", str(content))[0] == 2
    assert run("import", "--content", str(content))[0] == 2
    assert run("import", str(tmp_path / "a.ods"), "--content", str(tmp_path / "none"))[0] == 2


# -- what is written ---------------------------------------------------------------------------------

TRICKY = [
    "0812-3456-7890", "081234567890", "yes", "No", "null", "~", "true", "Kemeja: Batik #1", "- daftar",
    "@akun", "'kutip'", 'Kue "Gapit"', "[x]", "{y}", "a\\b", "Bu Iyah's", "2026-01-01", ".inf", "*",
    "ganda\u2028baris", "\x85x", "Kopi & Teh", "100%", "Jl. Pemuda No. 27, Sunyaragi",
]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY)
def test_values_are_written_so_every_yaml_reader_reads_them_back(text):
    written = f"name: {dump(text)}\n"
    assert yamlsafe.parse(written)[0] == {"name": text}
    assert yaml.safe_load(written) == {"name": text}


# -- the template -----------------------------------------------------------------------------------


def template_content(file: Path) -> dict[str, object]:
    book = load_workbook(file)
    sheet = book.worksheets[0]
    return {
        "sheets": [(s.title, s.sheet_state) for s in book.worksheets],
        "rows": list(sheet.iter_rows(values_only=True)),
        "notes": [cell.comment and cell.comment.text for cell in sheet[1]],
        "lists": [(str(v.sqref), v.formula1) for v in sheet.data_validations.dataValidation],
        "choices": list(book["pilihan"].iter_rows(values_only=True)),
    }


def test_the_committed_template_is_what_the_command_writes(tmp_path):
    made = tmp_path / "templat.xlsx"
    status, out, _ = run("import", "--template", str(made))
    assert status == 0 and "5 kecamatan" in out
    committed = template_content(ROOT / "docs/templat-impor.xlsx")
    assert template_content(made) == committed, (
        "run: python build.py import --template docs/templat-impor.xlsx"
    )
    assert committed["rows"][0] == tuple(HEADERS) and all(committed["notes"])
    again = tmp_path / "lagi.xlsx"
    run("import", "--template", str(again))
    assert again.read_bytes() == made.read_bytes()  # no timestamps inside


def test_the_template_filled_in_imports(content, tmp_path):
    sheet = tmp_path / "isi.xlsx"
    run("import", "--template", str(sheet), "--content", str(content))
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1 and "ini baris contoh dari templat" in err  # its example row is not imported
    book = load_workbook(sheet)
    book.active["A2"] = "Kerupuk Sekar Jagad"
    book.save(sheet)
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 0, err
    product = load(content).product_by_key[("kerupuk-sekar-jagad", "kerupuk-udang-super")]
    assert [c.type for c in product.certifications] == ["halal", "pirt", "bpom"]


def test_a_file_that_is_not_a_workbook_is_a_problem_not_a_crash(content, tmp_path):
    sheet = tmp_path / "a.xlsx"
    sheet.write_text("bukan zip")
    status, _, err = run("import", str(sheet), "--content", str(content))
    assert status == 1 and err.startswith(f"{sheet}:1: berkas tidak dapat dibaca sebagai .xlsx (")


def test_headers_offices_commonly_write_suggest_their_column():
    """`No. WA` or `Harga (Rp)` is still reported (the contract's columns), but names the column meant."""
    from catalog.content.importing.columns import nearest

    assert [
        nearest(h) for h in ("No. WA", "No HP", "Telp.", "Nama Pemilik", "Harga (Rp)", "Kec.", "zzz")
    ] == [
        "whatsapp",
        "whatsapp",
        "telepon",
        "pemilik",
        "harga",
        "kecamatan",
        None,
    ]
