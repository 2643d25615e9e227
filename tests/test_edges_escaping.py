"""What editors write never runs: `base_url` in /admin/, formulas in the feeds' CSV (issue 14)."""

from __future__ import annotations

import contextlib
import csv
import io
import xml.etree.ElementTree as ElementTree

from bs4 import BeautifulSoup
from conftest import PRODUCT, SITE, jpeg, options, problems

from catalog import cli, cms, pipeline
from catalog.core import csvfile

SCRIPT_URL = 'https://uji.example.org/"><script>alert(1)</script>'


def test_a_base_url_that_breaks_out_of_an_attribute_is_refused(site):
    found = problems(site({"site.yaml": SITE.replace("https://uji.example.org/", SCRIPT_URL)}))
    assert found == [
        "site.yaml:3: base_url: alamat situs harus http:// atau https://, nama host, lalu path tanpa"
        " spasi, tanda kutip, < >, ? atau # (contoh: https://galeri-ikm.cirebonkota.go.id/)"
    ]


def test_base_urls_with_quotes_spaces_userinfo_or_dot_segments_are_refused(site):
    for bad in (
        "https://uji.example.org/it's/",
        "https://uji.example.org/a b/",
        "https://admin@uji.example.org/",
        "https://uji.example.org/galeri/../",
        "https://uji.example.org/<b>/",
    ):
        found = problems(site({"site.yaml": SITE.replace("https://uji.example.org/", f'"{bad}"')}))
        assert [line.split(": alamat situs")[0] for line in found] == ["site.yaml:3: base_url"], bad


def test_a_bad_base_url_option_is_a_usage_error(site):
    content = site()
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["check", "--content", str(content), "--base-url", SCRIPT_URL])
    assert status == 2 and "--base-url" in stderr.getvalue() and "Traceback" not in stderr.getvalue()


def test_the_admin_pages_escape_what_they_show(site):
    if cms.decap_version() is None:
        return  # no /admin/ without `npm ci` (the build warns)
    business = '---\nname: Kue <b>Ani</b> & "Putri"\ndistrict: Kesambi\nemail: a@b.id\n---\nKue.\n'
    content = site(
        {
            "site.yaml": SITE.replace("https://uji.example.org/", "https://uji.example.org/a&b/"),
            "ikm/kue-ani/index.md": business,
        }
    )
    opts = options(content)
    pipeline.build(opts)
    office = (opts.out / "admin/index.html").read_text(encoding="utf-8")
    assert 'href="/a&amp;b/admin/config.yml"' in office and "/a&b/" not in office
    desk = (opts.out / "admin/ikm/kue-ani/index.html").read_text(encoding="utf-8")
    assert "<b>" not in desk and 'data-name="Kue &lt;b&gt;Ani&lt;/b&gt; &amp; &#34;Putri&#34;"' in desk
    meta = BeautifulSoup(desk, "html.parser").find("meta", attrs={"name": "galeri-desk"})
    assert meta["data-name"] == 'Kue <b>Ani</b> & "Putri"' and meta["data-config"] == "/a&b/admin/desk.json"
    desks = (opts.out / "admin/ikm/index.html").read_text(encoding="utf-8")
    assert (
        '<a href="/a&amp;b/admin/ikm/kue-ani/">Kue &lt;b&gt;Ani&lt;/b&gt; &amp; &#34;Putri&#34;</a>' in desks
    )


def test_alias_pages_escape_the_base_url(site):
    text = "---\nname: Topeng Uji\nemail: t@uji.id\naliases: [/toko/topeng]\n---\nTopeng.\n"
    content = site(
        {
            "site.yaml": SITE.replace("https://uji.example.org/", "https://uji.example.org/a&b/"),
            "ikm/topeng-uji/index.md": text,
        }
    )
    opts = options(content)
    pipeline.build(opts)
    page = (opts.out / "toko/topeng/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=/a&amp;b/ikm/topeng-uji/"' in page and "/a&b/" not in page


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(site):
    product = (
        PRODUCT.replace("name: Kerupuk Melarat", 'name: \'=HYPERLINK("http://x","y")\'')
        .replace("Kerupuk pasir khas Cirebon.", "+62 812 untuk pesan. Kerupuk pasir khas Cirebon.")
        .replace("Paragraf kedua.\n", "")
    )
    content = site(
        {
            "ikm/kerupuk-uji/index.md": "---\nname: '@SUM(1)'\nemail: k@uji.id\n---\nKerupuk.\n",
            "ikm/kerupuk-uji/products/kerupuk-melarat.md": product,
            "ikm/kerupuk-uji/products/minus.md": "---\nname: Minus\ncategory: kerupuk\nprice: 5000\n"
            "images: [melarat.jpg]\n---\n-Minus di depan.\n",
            "ikm/kerupuk-uji/products/melarat.jpg": jpeg(),
        }
    )
    opts = options(content)
    pipeline.build(opts)
    rows = list(
        csv.DictReader(io.StringIO((opts.out / "feeds/meta-catalog.csv").read_text(encoding="utf-8")))
    )
    by_id = {row["id"]: row for row in rows}
    melarat = by_id["kerupuk-uji/kerupuk-melarat"]
    assert melarat["title"] == '\'=HYPERLINK("http://x","y")'
    assert melarat["description"].startswith("'+62 812 untuk pesan.")
    assert melarat["brand"] == "'@SUM(1)"
    assert melarat["price"] == "15000.00 IDR" and melarat["link"].startswith("https://")
    assert by_id["kerupuk-uji/minus"]["description"] == "'-Minus di depan."
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_every_formula_start_is_neutralised_and_nothing_else():
    for cell in ("=1+1", "+1", "-1", "@SUM(1)", "\tTab", "\rCR"):
        assert csvfile.spreadsheet_safe(cell) == "'" + cell
    for cell in ("15000.00 IDR", "https://x.org/", "Kerupuk = renyah", "", "'kutip"):
        assert csvfile.spreadsheet_safe(cell) == cell
    text = csvfile.csv_text([["id", "title"], ["a/b", "=1+1"]])
    assert list(csv.reader(io.StringIO(text))) == [["id", "title"], ["a/b", "'=1+1"]]


def test_the_xml_feeds_carry_markup_characters_as_text(site):
    product = PRODUCT.replace("name: Kerupuk Melarat", "name: 'Kerupuk <b>\"Melarat\"</b> & Co'")
    content = site({"ikm/kerupuk-uji/products/kerupuk-melarat.md": product})
    opts = options(content)
    pipeline.build(opts)
    google = ElementTree.parse(opts.out / "feeds/google-merchant.xml")
    titles = [e.text for e in google.iter("{http://base.google.com/ns/1.0}title")]
    assert 'Kerupuk <b>"Melarat"</b> & Co' in titles
    atom = ElementTree.parse(opts.out / "feeds/produk-baru.xml")
    entry = atom.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert entry is not None and entry.text == 'Kerupuk <b>"Melarat"</b> & Co — Kerupuk Uji'
