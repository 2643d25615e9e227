"""One test per kind of bad input: each names file, line and field (CONTENT-SPEC section 3)."""

import os

from conftest import BUSINESS, PRODUCT, SITE, jpeg, problems


def test_base_site_is_valid(site):
    assert problems(site()) == []


def with_product(site, text, name="kerupuk-melarat.md"):
    return problems(site({f"ikm/kerupuk-uji/products/{name}": text}))


def test_unknown_field_suggests_the_nearest(site):
    found = with_product(site, PRODUCT.replace("price: 15000", "prise: 15000"))
    assert (
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: prise: kolom tidak dikenal (maksud Anda `price`?)"
        in found
    )


def test_indonesian_field_names_suggest_the_field_they_mean(site):
    found = with_product(site, PRODUCT.replace("price: 15000", "harga: 15000\nberat: 650\nstok: ada"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: harga: kolom tidak dikenal (maksud Anda `price`?)",
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:5: berat: kolom tidak dikenal (maksud Anda `weight_g`?)",
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:6: stok: kolom tidak dikenal (maksud Anda `stock`?)",
    ]


def test_capitalised_and_odd_field_names_are_reported(site):
    # Found by tests/test_properties.py: `Harga:` was taken for a union branch and crashed
    # the build, and a field name with a newline split its message over two lines.
    found = with_product(site, PRODUCT.replace("price: 15000", 'Harga: 15000\n"a\\nb": 1'))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: Harga: kolom tidak dikenal (maksud Anda `price`?)",
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:5: a\\nb: kolom tidak dikenal"
        " (kolom yang dikenal: name, category, price, unit, images, variants, material, size, weight_g,"
        " min_order, stock, tags, certifications, showroom, shelf_life_days, preorder_days, featured, added, sku,"
        " draft, aliases, description)",
    ]


def test_missing_required_field(site):
    found = with_product(site, PRODUCT.replace("name: Kerupuk Melarat\n", ""))
    assert any(
        line.startswith("ikm/kerupuk-uji/products/kerupuk-melarat.md:1: name: wajib diisi") for line in found
    )


def test_unknown_category_with_suggestion(site):
    found = with_product(site, PRODUCT.replace("category: kerupuk", "category: kerupukk"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:3: category: kategori 'kerupukk' tidak ada di "
        "categories.yaml (maksud Anda `kerupuk`?)"
    ]


def test_wrong_types_name_their_field_and_line(site):
    text = PRODUCT.replace("price: 15000", "price: 15.000").replace("added: 2026-03-14", "added: 14-03-2026")
    text = text.replace("stock: available", "stock: habis")
    found = with_product(site, text)
    assert any(":4: price: harga harus bilangan bulat rupiah" in line for line in found)
    assert any(":8: added: harus tanggal dengan format YYYY-MM-DD" in line for line in found)
    assert any(":7: stock: harus salah satu dari" in line for line in found)
    assert len(found) == 3


def test_price_range_must_be_ordered(site):
    found = problems(
        site(
            {"ikm/kerupuk-uji/products/sirup-uji.yaml": "name: S\ncategory: sirup\nprice: {from: 5, to: 5}\n"}
        )
    )
    assert found == [
        "ikm/kerupuk-uji/products/sirup-uji.yaml:3: price.from: `from` harus lebih kecil dari `to` "
        "(contoh: {from: 150000, to: 250000})"
    ]


def test_text_fields_keep_their_form(site, tmp_path):
    from conftest import options

    from catalog import pipeline

    catalog, _ = pipeline.check(options(site()))
    business = catalog.business_by_slug["kerupuk-uji"]
    assert business.certifications[0].number == "00123"
    assert business.whatsapp == "6281234567890"
    assert catalog.products_of_business["kerupuk-uji"][0].sku == "00123"


def test_duplicate_key(site):
    found = with_product(site, PRODUCT.replace("unit: bungkus", "unit: bungkus\nunit: pcs"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:6: unit: kolom ditulis dua kali (hapus salah satunya)"
    ]


def test_district_must_be_listed(site):
    found = problems(
        site({"ikm/kerupuk-uji/index.md": BUSINESS.replace("district: Kejaksan", "district: Cirebon Utara")})
    )
    assert found == [
        "ikm/kerupuk-uji/index.md:6: district: kecamatan 'Cirebon Utara' tidak ada di daftar districts "
        "site.yaml (pilihan: Kejaksan, Kesambi)"
    ]


def test_business_needs_a_contact(site):
    found = problems(site({"ikm/topeng-uji/index.md": "---\nname: Topeng\n---\n"}))
    assert found == [
        "ikm/topeng-uji/index.md:1: whatsapp: isi paling sedikit satu kontak: whatsapp, phone atau email"
    ]


def test_bad_whatsapp_and_url(site):
    text = BUSINESS.replace("whatsapp: +62 812 3456 7890", "whatsapp: 12ab").replace(
        "https://www.tokopedia.com/kerupukuji", "javascript:alert(1)"
    )
    found = problems(site({"ikm/kerupuk-uji/index.md": text}))
    assert any(":8: whatsapp: nomor WhatsApp tidak dikenali" in line for line in found)
    assert any(":11: marketplaces.tokopedia: harus alamat web lengkap" in line for line in found)


def test_bad_slugs(site):
    found = problems(
        site({"ikm/Kerupuk_Baru/index.md": BUSINESS, "ikm/kerupuk-uji/products/Sirup Baru.md": PRODUCT})
    )
    assert (
        "ikm/Kerupuk_Baru:1: nama berkas/folder 'Kerupuk_Baru' bukan slug yang sah (huruf kecil a-z, angka, tanda - tunggal)"
        in found
    )
    assert any(
        line.startswith("ikm/kerupuk-uji/products/Sirup Baru.md:1: nama berkas/folder 'Sirup Baru'")
        for line in found
    )


def test_description_field_not_allowed_in_markdown(site):
    found = with_product(site, PRODUCT.replace("sku: 00123", "sku: 00123\ndescription: teks"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:10: description: di berkas .md deskripsi ditulis di bawah "
        "front matter, bukan di kolom description"
    ]


def test_images_missing_outside_absolute(site):
    text = PRODUCT.replace(
        "images: [melarat.jpg]",
        "images:\n  - hilang.jpg\n  - ../../topeng-uji/x.jpg\n  - /etc/passwd\n  - https://contoh.id/a.jpg",
    )
    found = with_product(site, text)
    assert (
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:7: images[0]: gambar 'hilang.jpg' tidak ditemukan"
        in found
    )
    assert any(
        ":8: images[1]: gambar '../../topeng-uji/x.jpg' berada di luar folder ikm/kerupuk-uji" in line
        for line in found
    )
    assert any(":9: images[2]: gambar '/etc/passwd' harus path relatif" in line for line in found)
    assert any(
        ":10: images[3]: gambar 'https://contoh.id/a.jpg' harus path relatif" in line for line in found
    )
    assert len(found) == 4


def test_product_may_use_a_photo_of_its_business_folder(site):
    assert with_product(site, PRODUCT.replace("images: [melarat.jpg]", "images: [../dapur.jpg]")) == []


def test_symlink_leaving_the_business_is_refused(site, tmp_path):
    content = site({"secret.jpg": jpeg()})
    os.symlink(content / "secret.jpg", content / "ikm/kerupuk-uji/products/link.jpg")
    text = PRODUCT.replace("images: [melarat.jpg]", "images: [link.jpg]")
    (content / "ikm/kerupuk-uji/products/kerupuk-melarat.md").write_text(text)
    found = problems(content)
    assert any(
        ":6: images[0]: gambar 'link.jpg' adalah tautan (symlink) ke luar folder" in line for line in found
    )


def test_not_an_image_renamed_jpg(site):
    found = problems(site({"ikm/kerupuk-uji/products/melarat.jpg": b"<html>not a photo</html>"}))
    assert len(found) == 1
    assert found[0].startswith(
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:6: images[0]: gambar 'melarat.jpg' bukan gambar"
    )


def test_decompression_bomb(site):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG")
    found = problems(site({"ikm/kerupuk-uji/products/melarat.jpg": buffer.getvalue()}))
    assert len(found) == 1 and "terlalu besar (144 megapiksel; batas 50 megapiksel)" in found[0]
    assert ":6: images[0]:" in found[0]
    buffer = io.BytesIO()
    Image.new("1", (8000, 7000)).save(buffer, "PNG")  # over the limit, under twice it
    found = problems(site({"ikm/kerupuk-uji/products/melarat.jpg": buffer.getvalue()}))
    assert len(found) == 1 and "terlalu besar (56 megapiksel; batas 50 megapiksel)" in found[0]


def test_markdown_image_missing_names_its_line(site):
    found = problems(site({"ikm/kerupuk-uji/dapur.jpg": None}))
    assert found == ["ikm/kerupuk-uji/index.md:20: body: gambar 'dapur.jpg' tidak ditemukan"]


def test_not_utf8_and_bom_crlf(site):
    latin1 = "---\nname: Caf\xe9\ncategory: kerupuk\n---\n".encode("latin-1")
    bom_crlf = ("\ufeff" + PRODUCT).replace("\n", "\r\n").encode("utf-8")
    found = problems(
        site(
            {
                "ikm/kerupuk-uji/products/cafe.md": latin1,
                "ikm/kerupuk-uji/products/kerupuk-melarat.md": bom_crlf,
            }
        )
    )
    assert found == [
        "ikm/kerupuk-uji/products/cafe.md:2: berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8)"
    ]


def test_front_matter_problems(site):
    found = problems(
        site(
            {
                "ikm/kerupuk-uji/products/a.md": "name: A\n",
                "ikm/kerupuk-uji/products/b.md": "---\nname: B\n",
                "ikm/kerupuk-uji/products/c.md": "---\nname: [C\n---\n",
            }
        )
    )
    assert found[0].startswith("ikm/kerupuk-uji/products/a.md:1: front matter tidak ada")
    assert found[1].startswith("ikm/kerupuk-uji/products/b.md:1: front matter tidak ditutup")
    assert found[2].startswith("ikm/kerupuk-uji/products/c.md:2: kurung [ dibuka di baris ini")


def test_categories_unique_and_slugs_valid(site):
    found = problems(
        site(
            {
                "categories.yaml": "- slug: a\n  name: A\n  children:\n    - slug: a\n      name: B\n- slug: B_b\n  name: C\n"
            }
        )
    )
    assert "categories.yaml:4: [0].children[0].slug: slug kategori 'a' sudah dipakai di baris 1" in found
    assert (
        "categories.yaml:6: [1].slug: slug 'B_b' tidak sah (huruf kecil a-z, angka, tanda - tunggal)" in found
    )


def test_every_problem_in_one_run(site):
    found = problems(
        site(
            {
                "site.yaml": "title: X\nbase_url: not-a-url\nper_page: 0\n",
                "ikm/kerupuk-uji/products/kerupuk-melarat.md": PRODUCT.replace(
                    "category: kerupuk", "category: x"
                ),
                "ikm/topeng-uji/index.md": "---\nname: T\nemail: bukan-email\n---\n",
            }
        )
    )
    assert any(line.startswith("site.yaml:2: base_url:") for line in found)
    assert any(line.startswith("site.yaml:3: per_page: harus paling sedikit 1") for line in found)
    assert any(line.startswith("ikm/kerupuk-uji/products/kerupuk-melarat.md:3: category:") for line in found)
    assert any(line.startswith("ikm/topeng-uji/index.md:3: email:") for line in found)


def test_messages_in_english(site):
    found = problems(
        site(
            {
                "site.yaml": "title: X\nbase_url: https://x.org/\nlanguage: en\n",
                "ikm/kerupuk-uji/products/kerupuk-melarat.md": PRODUCT.replace(
                    "price: 15000", "prise: 15000"
                ),
            }
        )
    )
    assert (
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: prise: unknown field (did you mean `price`?)" in found
    )


def test_aliases_must_not_collide(site):
    text = BUSINESS.replace("featured: true", "featured: true\naliases: [/ikm/topeng-uji/, bad]")
    found = problems(site({"ikm/kerupuk-uji/index.md": text}))
    assert any(":17: aliases[1]: alias harus alamat lama" in line for line in found)
    assert any(":17: aliases[0]: alias /ikm/topeng-uji/ bentrok" in line for line in found)


def test_aliases_may_not_take_the_sites_own_folders(site):
    text = BUSINESS.replace(
        "featured: true",
        "featured: true\naliases: [/kategori/kerupuk/2/, /sitemap.xml/, /katalog/katalog-lengkap.pdf/]",
    )
    found = problems(site({"ikm/kerupuk-uji/index.md": text}))
    assert [line.split(": alias ")[0] for line in found] == [
        "ikm/kerupuk-uji/index.md:17: aliases[0]",
        "ikm/kerupuk-uji/index.md:17: aliases[1]",
        "ikm/kerupuk-uji/index.md:17: aliases[2]",
    ]


def test_drafts_are_validated_but_left_out(site):
    from conftest import options

    from catalog import pipeline

    content = site({"ikm/topeng-uji/index.md": "---\nname: T\nemail: t@uji.id\ndraft: true\n---\n"})
    catalog, _ = pipeline.check(options(content))
    assert [b.slug for b in catalog.businesses] == ["kerupuk-uji"]
    catalog, _ = pipeline.check(options(content, drafts=True))
    assert len(catalog.businesses) == 2


def test_symlinked_folder_cannot_bring_outside_images(site, tmp_path):
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "x.jpg").write_bytes(jpeg())
    content = site()
    os.symlink(outside, content / "ikm/kerupuk-uji/products/sys")
    text = PRODUCT.replace("images: [melarat.jpg]", "images: [sys/x.jpg]")
    (content / "ikm/kerupuk-uji/products/kerupuk-melarat.md").write_text(text)
    found = problems(content)
    assert (
        len(found) == 1
        and ":6: images[0]: gambar 'sys/x.jpg' adalah tautan (symlink) ke luar folder" in found[0]
    )


def test_dangling_symlink_in_content_is_no_crash(site):
    content = site()
    os.symlink("nowhere.jpg", content / "ikm/kerupuk-uji/lain.jpg")
    assert problems(content) == []


def test_truncated_photo_is_found_by_check(site):
    from conftest import options

    from catalog import pipeline
    from catalog.core.errors import ContentErrors

    truncated = jpeg(1600, 1200, "green", quality=95)[:3000]
    content = site({"ikm/kerupuk-uji/products/melarat.jpg": truncated})
    try:
        pipeline.check(options(content))
    except ContentErrors as exc:
        (error,) = exc.errors
        assert (error.line, error.field) == (6, "images[0]") and "melarat.jpg" in error.message
        assert str(content) not in error.message
    else:
        raise AssertionError("check passed a truncated photo")


def test_whatsapp_with_trunk_zero_after_country_code(site):
    from catalog.content.schema import normalize_whatsapp

    assert normalize_whatsapp("+62 0812-3456-7890") == "6281234567890"
    assert normalize_whatsapp("+62 (0)812 3456 7890") == "6281234567890"


def test_social_links_must_be_on_their_network(site):
    text = BUSINESS.replace(
        'instagram: "@kerupukuji"', "instagram: https://evil.example?.instagram.com\nfacebook: '@..'"
    )
    found = problems(site({"ikm/kerupuk-uji/index.md": text}))
    assert any(
        ":9: instagram: harus nama akun (@nama) atau alamat https://instagram.com/" in line for line in found
    )
    assert any(":10: facebook: harus nama akun" in line for line in found)


def test_base_url_without_query_or_fragment(site):
    found = problems(site({"site.yaml": "title: X\nbase_url: https://x.go.id/galeri?utm=1#a\n"}))
    assert found == [
        "site.yaml:2: base_url: alamat situs harus http:// atau https://, nama host, lalu path tanpa spasi, tanda kutip, < >, ? atau # (contoh: https://galeri-ikm.cirebonkota.go.id/)"
    ]


def test_one_mistake_in_categories_is_one_message(site):
    found = problems(site({"categories.yaml": "- slug: makanan\n  nama: Makanan\n"}))
    assert found == [
        "categories.yaml:2: [0].nama: kolom tidak dikenal (maksud Anda `name`?)",
        "categories.yaml:1: [0].name: wajib diisi",
    ] or (len(found) == 2 and all(line.startswith("categories.yaml:") for line in found))


def test_price_range_errors_name_the_real_field(site):
    found = problems(
        site({"ikm/kerupuk-uji/products/sirup-uji.yaml": "name: S\ncategory: sirup\nprice: {from: 10}\n"})
    )
    assert found == ["ikm/kerupuk-uji/products/sirup-uji.yaml:3: price.to: wajib diisi"]


def test_choices_are_listed_in_the_sites_language(site):
    found = with_product(site, PRODUCT.replace("stock: available", "stock: habis"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:7: stock: harus salah satu dari: available, preorder, sold_out"
    ]


def test_prices_must_be_positive_and_sane(site):
    found = with_product(site, PRODUCT.replace("price: 15000", "price: 0"))
    assert found == ["ikm/kerupuk-uji/products/kerupuk-melarat.md:4: price: harus paling sedikit 1"]
    found = with_product(site, PRODUCT.replace("price: 15000", "price: 12345678901234567890"))
    assert found == [
        "ikm/kerupuk-uji/products/kerupuk-melarat.md:4: price: harus paling banyak 1000000000000"
    ]
    found = with_product(site, PRODUCT.replace("price: 15000", "price: 15000\nweight_g: 0"))
    assert found == ["ikm/kerupuk-uji/products/kerupuk-melarat.md:5: weight_g: harus lebih dari 0"]


def test_thousands_dots_are_refused_in_every_whole_number(site):
    """Indonesian `15.000` is fifteen thousand: it must never quietly become 15."""
    text = PRODUCT.replace(
        "price: 15000",
        "price: {from: 150.000, to: 250000}\nweight_g: 1.000\nmin_order: 2\nvariants:\n  - {name: Besar, price: 25.000}",
    )
    found = with_product(site, text)
    dots = "harus bilangan bulat, tanpa titik atau koma (contoh: 185000)"
    assert found == [
        f"ikm/kerupuk-uji/products/kerupuk-melarat.md:4: price.from: {dots}",
        f"ikm/kerupuk-uji/products/kerupuk-melarat.md:5: weight_g: {dots}",
        f"ikm/kerupuk-uji/products/kerupuk-melarat.md:8: variants[0].price: {dots}",
    ]


def test_other_rules_still_checked_when_a_field_is_wrong(site):
    text = BUSINESS.replace("since: 2001", "since: 1899").replace("district: Kejaksan", "district: Bandung")
    text = text.replace("whatsapp: +62 812 3456 7890", "whatsapp: 12")
    found = problems(site({"ikm/kerupuk-uji/index.md": text, "ikm/kerupuk-uji/dapur.jpg": None}))
    assert [line.split(": ")[1] for line in found] == ["since", "district", "whatsapp", "body"]


def test_markdown_links_and_images_in_stories(site):
    story = BUSINESS.replace(
        "![Dapur kami](dapur.jpg)",
        "![Dapur kami](dapur%20baru.jpg) [lihat](products/x.yaml) [toko](/ikm/) [web](https://contoh.id)",
    )
    found = problems(site({"ikm/kerupuk-uji/index.md": story, "ikm/kerupuk-uji/dapur baru.jpg": jpeg()}))
    assert found == [
        "ikm/kerupuk-uji/index.md:20: body: tautan 'products/x.yaml' tidak akan berfungsi: tulis alamat lengkap (https://...) atau path situs (/ikm/...)"
    ]


def test_free_pages_use_only_pages_and_assets_images(site):
    page = "---\ntitle: T\n---\n![logo](../ikm/kerupuk-uji/logo.png)\n"
    found = problems(site({"pages/t.md": page}))
    assert found == [
        "pages/t.md:4: body: gambar '../ikm/kerupuk-uji/logo.png' berada di luar folder pages, assets (simpan fotonya di folder itu)"
    ]


def test_a_folder_named_like_a_product_is_reported(site):
    content = site()
    (content / "ikm/kerupuk-uji/products/aneh.md").mkdir()
    assert problems(content) == [
        "ikm/kerupuk-uji/products/aneh.md:1: berkas tidak dikenal di sini (produk ditulis sebagai .md atau .yaml)"
    ]


def test_an_unquoted_colour_is_not_silently_dropped(site):
    """`primary: #1f3a5f` is a key with a comment: the colour would silently vanish."""
    text = SITE.replace('primary: "#123456"', "primary: #123456")
    assert problems(site({"site.yaml": text})) == [
        "site.yaml:11: brand.primary: warna kosong: tanda # memulai catatan dalam YAML, jadi tulis kodenya "
        'dalam tanda kutip, mis. "#1f3a5f" (atau hapus baris ini)'
    ]
