"""Legal numbers in the content (errors, warnings, inheritance) and `python build.py laporan`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from conftest import BUSINESS, PRODUCT, PRODUCT_YAML, SITE, options, problems
from rich.console import Console

from catalog import cli, pipeline
from catalog.commands.laporan import run_laporan
from catalog.content.validate import legal_warnings
from catalog.outputs import laporan

TODAY = dt.date(2026, 11, 15)
EXPIRED = "P-IRT No. 2063274010123-25"  # expired at the end of last year
EXPIRING = "P-IRT 2063274020123-26"  # expires at the end of next month
ELSEWHERE = "P-IRT 2063209030123-30"  # Kabupaten Cirebon's code


def certified(text: str, *pairs: tuple[str, str], after: str = "featured: true\n") -> str:
    lines = "".join(f"  - type: {kind}\n    number: {number}\n" for kind, number in pairs)
    return text.replace(after, f"{after}certifications:\n{lines}", 1)


def legal_site(site, **changes: str | None):
    """The base site with region_code 3274 and P-IRT numbers: one expired, one expiring,
    one from another kab/kota, and a draft product without photo or price."""
    files: dict[str, str | bytes | None] = {
        "site.yaml": SITE + 'region_code: "3274"\n',
        "ikm/kerupuk-uji/products/kerupuk-melarat.md": certified(PRODUCT, ("pirt", EXPIRED)),
        "ikm/kerupuk-uji/products/sirup-uji.yaml": certified(
            PRODUCT_YAML, ("pirt", EXPIRING), after="category: sirup\n"
        ),
        "ikm/topeng-uji/index.md": "---\nname: Topeng Uji\nkind: umkm\nemail: topeng@uji.id\n"
        "district: Kesambi\nnib: 9120301234567\n---\nTopeng kayu.\n",
        "ikm/topeng-uji/products/topeng-kelana.md": "---\nname: Topeng Kelana\ncategory: topeng\n"
        f"draft: true\ncertifications:\n  - type: pirt\n    number: {ELSEWHERE}\n---\nMerah.\n",
    }
    files.update(changes)
    return site(files)


def test_a_wrong_number_is_an_error_naming_the_shape(site):
    content = site(
        {
            "ikm/kerupuk-uji/index.md": BUSINESS.replace("featured: true\n", "featured: true\nnib: 12345\n"),
            "ikm/kerupuk-uji/products/kerupuk-melarat.md": certified(
                PRODUCT, ("halal", "01211234560219"), ("sni", "SNI 01-2713-1999")
            ),
        }
    )
    assert problems(content) == [
        "ikm/kerupuk-uji/index.md:17: nib: NIB harus 13 angka (contoh: 9120301234567)",
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:13: certifications[0].number: "
        "nomor halal harus ID + 17 angka (contoh: ID32110000123450823)",
    ]


def test_region_code_and_legal_categories_are_checked(site):
    content = site({"site.yaml": SITE + "region_code: 32740\nlegal:\n  food_categories: [makan]\n"})
    assert problems(content) == [
        'site.yaml:13: region_code: kode wilayah harus 4 angka kode kab/kota (contoh: "3274" untuk Kota Cirebon)',
        "site.yaml:15: legal.food_categories[0]: kategori `makan` tidak ada di categories.yaml "
        "(tulis slug kategori yang ada)",
    ]


def test_pirt_of_another_region_or_expired_is_a_warning(site, capsys):
    content = legal_site(site)
    catalog, _ = pipeline.check(options(content, drafts=True))
    found = [str(w) for w in legal_warnings(catalog.products, "3274", TODAY, "id")]
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:13: certifications[0].number: "
        "P-IRT ini berlaku sampai 2025 dan sudah habis (perpanjang, lalu tulis nomor barunya)",
        "ikm/topeng-uji/products/topeng-kelana.md:7: certifications[0].number: nomor P-IRT ini dari "
        "kode wilayah 3209, bukan 3274 (region_code di site.yaml): periksa angka ke-4 sampai ke-7",
    ]
    assert cli.main(["check", "--content", str(content), "--drafts", "--no-pdf"]) == 0
    printed = capsys.readouterr().err
    assert "peringatan: ikm/topeng-uji/products/topeng-kelana.md:7: certifications[0].number:" in printed
    assert "peringatan: ikm/kerupuk-uji/products/kerupuk-melarat.md:13:" in printed  # 2025 has passed
    out = content.parent / "out"
    assert cli.main(["build", "--content", str(content), "--out", str(out), "--drafts", "--no-pdf"]) == 0
    printed = capsys.readouterr().err
    assert "peringatan: ikm/topeng-uji/products/topeng-kelana.md:7: certifications[0].number:" in printed


def test_a_product_carries_its_own_certificates_then_the_business_s(site):
    halal_and_pirt = (
        "  - type: halal\n    number: ID32110000123450823\n  - type: pirt\n    number: 2063274990123-30\n"
    )
    business = BUSINESS.replace("    number: 00123\n", "    number: 00123\n" + halal_and_pirt)
    content = legal_site(site, **{"ikm/kerupuk-uji/index.md": business})
    catalog, _ = pipeline.check(options(content))
    melarat = catalog.product_by_key[("kerupuk-uji", "kerupuk-melarat")]
    assert [(c.type, c.number) for c in catalog.certifications_of(melarat)] == [
        ("pirt", EXPIRED),
        ("other", "00123"),
        ("halal", "ID32110000123450823"),
    ]


def test_findings_of_a_day(site):
    catalog, _ = pipeline.check(options(legal_site(site), drafts=True))
    rows = [
        (f.business, f.product, f.kind, f.detail, f.file, f.line) for f in laporan.findings(catalog, TODAY)
    ]
    melarat = "ikm/kerupuk-uji/products/kerupuk-melarat.md"
    sirup = "ikm/kerupuk-uji/products/sirup-uji.yaml"
    kelana = "ikm/topeng-uji/products/topeng-kelana.md"
    laporan_draft = "draft: true (hapus baris itu untuk menerbitkan)"
    assert rows == [
        ("Kerupuk Uji", "", "nib_missing", "", "ikm/kerupuk-uji/index.md", 1),
        ("Kerupuk Uji", "Kerupuk Melarat", "halal_missing", "Kerupuk", melarat, 1),
        (
            "Kerupuk Uji",
            "Kerupuk Melarat",
            "pirt_expired",
            f"{EXPIRED} (berlaku sampai akhir 2025)",
            melarat,
            13,
        ),
        ("Kerupuk Uji", "Sirup Uji", "halal_missing", "Sirup", sirup, 1),
        ("Kerupuk Uji", "Sirup Uji", "pirt_expiring", f"{EXPIRING} (berlaku sampai akhir 2026)", sirup, 5),
        ("Kerupuk Uji", "Sirup Uji", "no_photo", "", sirup, 1),
        ("Topeng Uji", "Topeng Kelana", "draft", laporan_draft, kelana, 1),
        (
            "Topeng Uji",
            "Topeng Kelana",
            "pirt_region",
            f"{ELSEWHERE} (kode wilayah 3209, bukan 3274)",
            kelana,
            7,
        ),
        ("Topeng Uji", "Topeng Kelana", "no_photo", "", kelana, 1),
        ("Topeng Uji", "Topeng Kelana", "no_price", "", kelana, 1),
    ]


def test_expiry_counts_to_the_end_of_the_year():
    number = "2063274010123-26"
    assert laporan.expires(number) == dt.date(2026, 12, 31)
    days = (dt.date(2025, 12, 31), dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    kinds = [_pirt_kind(number, day) for day in days]
    assert kinds == ["pirt_expiring", "pirt_expiring", "pirt_expired"]
    assert _pirt_kind(number, dt.date(2025, 12, 30)) is None  # a year and a day ahead


def _pirt_kind(number: str, today: dt.date) -> str | None:
    from catalog.content.model import Certification

    found = laporan._number_findings("B", "P", (Certification("pirt", number),), None, today, "id")
    return found[0].kind if found else None


def test_food_categories_from_site_yaml(site):
    legal = "legal:\n  food_categories: [sirup]\n  pirt_categories: []\n"
    content = legal_site(site, **{"site.yaml": SITE + legal})
    catalog, _ = pipeline.check(options(content))
    kinds = {(f.product, f.kind) for f in laporan.findings(catalog, TODAY)}
    assert ("Sirup Uji", "halal_missing") in kinds and ("Kerupuk Melarat", "halal_missing") not in kinds


def test_home_made_food_without_pirt_or_bpom(site):
    # kerupuk-melarat has neither; sirup-uji gets a BPOM number
    sirup = certified(PRODUCT_YAML, ("bpom", "BPOM RI MD 224510001234"), after="category: sirup\n")
    content = site({"ikm/kerupuk-uji/products/sirup-uji.yaml": sirup})
    catalog, _ = pipeline.check(options(content))
    missing = [f.product for f in laporan.findings(catalog, TODAY) if f.kind == "pirt_missing"]
    assert missing == ["Kerupuk Melarat"]


def test_the_csv_opens_cleanly_in_a_spreadsheet():
    risky = laporan.Finding('=HYPERLINK("x")', "+62 Kerupuk", "no_price", "-1", "ikm/a/index.md", 1)
    plain = laporan.Finding("Batik Sari", "Kain @Mega", "nib_missing", "", "ikm/b/index.md", 1)
    data = laporan.csv_bytes([risky, plain], "id")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["usaha", "produk", "temuan", "keterangan", "berkas", "baris"],
        ['\'=HYPERLINK("x")', "'+62 Kerupuk", "produk tanpa harga", "'-1", "ikm/a/index.md", "1"],
        ["Batik Sari", "Kain @Mega", "NIB belum diisi", "", "ikm/b/index.md", "1"],
    ]
    english = laporan.csv_bytes([plain], "en").decode("utf-8-sig").splitlines()
    assert english == [
        "business,product,finding,detail,file,line",
        "Batik Sari,Kain @Mega,no NIB,,ikm/b/index.md,1",
    ]


def test_the_command_prints_a_summary_and_writes_the_csv(site, tmp_path, capsys):
    content = legal_site(site)
    target = tmp_path / "laporan.csv"
    assert run_laporan(content, target, Console(), Console(stderr=True), today=TODAY) == 0
    printed = capsys.readouterr().out
    assert "Laporan legalitas per 2026-11-15: 2 usaha, 3 produk (draf ikut dihitung)." in printed
    assert (
        "  makanan/minuman tanpa sertifikat halal: 2 (Kerupuk Uji / Kerupuk Melarat, Kerupuk Uji / Sirup Uji)"
        in printed
    )
    assert "10 temuan ditulis ke" in printed
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 11 and rows[1][:3] == ["Kerupuk Uji", "", "NIB belum diisi"]


def test_the_command_through_main(site, tmp_path, monkeypatch, capsys):
    content = site()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["laporan", "--content", str(content)]) == 0
    assert (tmp_path / laporan.FILE).read_bytes().startswith(b"\xef\xbb\xbfusaha,produk,temuan")
    assert cli.main(["laporan", "--content", str(tmp_path / "nothing")]) == 2
    bad = site({"site.yaml": SITE + "region_code: x\n"})
    assert cli.main(["laporan", "--content", str(bad), "--file", str(tmp_path / "b.csv")]) == 1
    assert not (tmp_path / "b.csv").exists()


def test_the_demo_writes_its_numbers_where_they_belong(tmp_path):
    root = Path(__file__).resolve().parent.parent / "content"
    catalog, _ = pipeline.check(
        pipeline.BuildOptions(content=root, drafts=True, cache_dir=tmp_path / "cache", workers=1)
    )
    assert catalog.site.region_code == "3274" and catalog.warnings == ()
    assert not [c for b in catalog.businesses for c in b.certifications if c.type in ("pirt", "bpom")]
    own = {c.type for p in catalog.products for c in p.certifications}
    assert {"pirt", "bpom"} <= own
    assert sum(b.nib is not None for b in catalog.businesses) >= 12
    kinds = {f.kind for f in laporan.findings(catalog, TODAY)}
    assert {"draft", "nib_missing", "halal_missing", "no_photo", "no_price"} <= kinds
