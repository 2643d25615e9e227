"""Values as offices write them: WhatsApp numbers, old addresses as aliases (issue 14)."""

from __future__ import annotations

from conftest import BUSINESS, SITE, options, problems
from sitecheck import soup

from catalog import pipeline

NOT_MOBILE = (
    "WhatsApp perlu nomor HP (08..., contoh: 0812-3456-7890); nomor telepon rumah atau kantor"
    " ditulis di `phone:`"
)


def with_aliases(aliases: str) -> dict[str, str]:
    """The base site with `aliases: <aliases>` on Kerupuk Uji (line 17 of its index.md)."""
    return {
        "ikm/kerupuk-uji/index.md": BUSINESS.replace("featured: true", f"featured: true\naliases: {aliases}")
    }


def test_a_landline_is_no_whatsapp_number(site):
    landline = BUSINESS.replace("whatsapp: +62 812 3456 7890", "whatsapp: (0231) 123456")
    found = problems(
        site(
            {
                "site.yaml": SITE.replace("whatsapp: 0812-1111-2222", "whatsapp: 0231-204118"),
                "ikm/kerupuk-uji/index.md": landline,
            }
        )
    )
    assert found == [
        f"ikm/kerupuk-uji/index.md:8: whatsapp: {NOT_MOBILE}",
        f"site.yaml:7: contact.whatsapp: {NOT_MOBILE}",
    ]


def test_mobile_numbers_of_10_to_13_digits_are_whatsapp_numbers(site):
    short = BUSINESS.replace("whatsapp: +62 812 3456 7890", "whatsapp: 0812-345-678")
    assert problems(site({"ikm/kerupuk-uji/index.md": short})) == []
    too_long = BUSINESS.replace("whatsapp: +62 812 3456 7890", "whatsapp: 0812-3456-7890-12")
    found = problems(site({"ikm/kerupuk-uji/index.md": too_long}))
    assert found == [
        "ikm/kerupuk-uji/index.md:8: whatsapp: nomor WhatsApp tidak dikenali"
        " (contoh: 0812-3456-7890 atau +62 812 3456 7890)"
    ]


def test_old_addresses_as_offices_copy_them_redirect(site):
    content = site(
        with_aliases("[/toko/kerupuk-lama, /kerupuk-lama.html, https://uji.example.org/toko/Kerupuk_2/]")
    )
    opts = options(content)
    pipeline.build(opts)
    out = opts.out
    assert (out / "_redirects").read_text() == (
        "/toko/kerupuk-lama /ikm/kerupuk-uji/ 301!\n"
        "/kerupuk-lama.html /ikm/kerupuk-uji/ 301!\n"
        "/toko/Kerupuk_2/ /ikm/kerupuk-uji/ 301!\n"
    )
    for path in ("/toko/kerupuk-lama/", "/kerupuk-lama.html", "/toko/Kerupuk_2/"):
        moved = soup(out, path)
        assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/ikm/kerupuk-uji/"
    assert (out / "kerupuk-lama.html").is_file() and not (out / "toko/kerupuk-lama.html").exists()


def test_a_full_address_must_be_on_the_sites_own_host_and_path(site):
    found = problems(site(with_aliases("[https://lama.example.org/toko/kerupuk, /ok/]")))
    assert found == [
        "ikm/kerupuk-uji/index.md:17: aliases[0]: alias di situs lain (lama.example.org), bukan di situs ini"
        " (uji.example.org); tulis path-nya saja (/toko/nama-lama) bila domain lama kini menuju situs ini,"
        " atau atur pengalihan di hosting domain lama"
    ]
    under = SITE.replace("https://uji.example.org/", "https://uji.example.org/galeri/")
    changes = with_aliases("[https://uji.example.org/galeri/toko/a, https://uji.example.org/lain/b]")
    found = problems(site({**changes, "site.yaml": under}))
    assert found == [
        "ikm/kerupuk-uji/index.md:17: aliases[1]: alias di luar alamat situs (https://uji.example.org/galeri/);"
        " tulis path lamanya saja (contoh: /toko/nama-lama)"
    ]


def test_addresses_that_are_no_site_paths_are_refused(site):
    aliases = "['/toko/a b', /produk.php?id=3, toko/x, /toko/../x, //x.org/y, /.git/config]"
    found = problems(site(with_aliases(aliases)))
    assert [line.split(": alias ")[0] for line in found] == [
        f"ikm/kerupuk-uji/index.md:17: aliases[{index}]" for index in range(6)
    ]


def test_an_alias_may_not_write_what_a_page_or_another_alias_writes(site):
    aliases = (
        "[/ikm/topeng-uji, /toko/lama, /toko/lama/, /TOKO/Lama, /ikm/kerupuk-uji/brosur.pdf, /index.html]"
    )
    found = problems(site(with_aliases(aliases)))
    assert [line.split(": alias ")[0] for line in found] == [
        f"ikm/kerupuk-uji/index.md:17: aliases[{index}]" for index in (0, 2, 3, 4, 5)
    ]
    assert all("bentrok" in line for line in found)


def test_a_collision_names_its_own_index(site):
    found = problems(site(with_aliases("['/bad alias', /ikm/topeng-uji/]")))
    assert found[1] == (
        "ikm/kerupuk-uji/index.md:17: aliases[1]: alias /ikm/topeng-uji/ bentrok dengan halaman yang ada"
        " atau alias lain (ikm/topeng-uji/index.md)"
    )
