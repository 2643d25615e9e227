"""The CMS configuration (/admin/): generated from the models, fed by the content, complete."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import options

from catalog import pipeline
from catalog.cms import config, fields, vendor
from catalog.content import schema

pytestmark = pytest.mark.skipif(vendor.decap_version() is None, reason="`npm ci` installs Decap CMS")


def form_fields(fields: list[dict[str, Any]]) -> set[str]:
    return {field["name"] for field in fields}


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


def model_fields(model: type) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


@pytest.fixture
def built(site, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("REPOSITORY_URL", raising=False)
    content = site(
        {
            "ikm/kerupuk-uji/products/rengginang.yaml": "name: Rengginang\ncategory: kerupuk\nprice: 9000\n",
            "ikm/draf-rahasia/index.md": "---\nname: Usaha Rahasia\ndraft: true\n---\n",
            "ikm/kerupuk-lain/index.md": "---\nname: Kerupuk Lain\nwhatsapp: 0812-2222-3333\n---\n",
        }
    )
    opts = options(content)
    pipeline.build(opts)
    return opts.out


def load(out: Path, path: str) -> dict[str, Any]:
    return yaml.safe_load((out / path).read_text(encoding="utf-8"))


def desk(out: Path, slug: str) -> dict[str, Any]:
    """A business desk's configuration, filled in as galeri-cms.js does from its page."""
    page = BeautifulSoup((out / f"admin/ikm/{slug}/index.html").read_text(encoding="utf-8"), "html.parser")
    meta = page.find("meta", attrs={"name": "galeri-desk"})
    text = (out / meta["data-config"].lstrip("/")).read_text(encoding="utf-8")
    text = text.replace("{{desk}}", meta["content"]).replace("{{desk_name}}", meta["data-name"])
    config = json.loads(text)
    if not meta.has_attr("data-yaml"):
        config["collections"] = [c for c in config["collections"] if c["name"] != f"produk-yaml-{slug}"]
    return config


def test_every_model_field_is_in_the_forms_with_an_indonesian_label(built):
    office = load(built, "admin/config.yml")
    desk_config = desk(built, "kerupuk-uji")
    site_form = collection(office, "situs")["files"][0]["fields"]
    assert form_fields(site_form) == model_fields(schema.SiteConfig)
    print_form = field(site_form, "print")["fields"]
    assert form_fields(print_form) == model_fields(schema.Print)
    assert form_fields(collection(office, "ikm")["fields"]) == model_fields(schema.BusinessFrontMatter) | {
        "body"
    }
    assert form_fields(collection(office, "halaman")["fields"]) == model_fields(schema.PageFrontMatter) | {
        "body"
    }
    profile = collection(desk_config, "usaha-kerupuk-uji")["files"][0]["fields"]
    assert form_fields(profile) == model_fields(schema.BusinessFrontMatter) | {"body"}
    markdown_products = collection(desk_config, "produk-kerupuk-uji")["fields"]
    # in a .md file the body is the description; a description field there is an error
    assert form_fields(markdown_products) == model_fields(schema.ProductFrontMatter) - {"description"} | {
        "body"
    }
    yaml_products = collection(desk_config, "produk-yaml-kerupuk-uji")["fields"]
    assert form_fields(yaml_products) == model_fields(schema.ProductFrontMatter)
    for form in (site_form, print_form, markdown_products, profile):
        for entry in form:
            assert (entry["label"] and entry["label"] != entry["name"]) or entry["name"] in ("email",)


def test_selects_come_from_the_content(built):
    desk_config = desk(built, "kerupuk-uji")
    products = collection(desk_config, "produk-kerupuk-uji")["fields"]
    category = field(products, "category")
    assert category["widget"] == "select"
    assert [o["value"] for o in category["options"]] == ["makanan", "kerupuk", "sirup", "kerajinan", "topeng"]
    assert {"label": "Makanan › Kerupuk", "value": "kerupuk"} in category["options"]
    district = field(collection(desk_config, "usaha-kerupuk-uji")["files"][0]["fields"], "district")
    assert district == {**district, "widget": "select", "options": ["Kejaksan", "Kesambi"]}
    stock = field(products, "stock")
    assert {"label": "Habis", "value": "sold_out"} in stock["options"]
    assert field(products, "body")["sanitize_preview"] is True


def test_each_business_desk_lists_only_its_own_folder_and_keeps_media_beside_entries(built):
    desk_config = desk(built, "kerupuk-uji")
    products = collection(desk_config, "produk-kerupuk-uji")
    assert products["folder"] == "content/ikm/kerupuk-uji/products"
    assert (products["media_folder"], products["public_folder"]) == ("", "")
    profile = collection(desk_config, "usaha-kerupuk-uji")["files"][0]
    assert (profile["file"], profile["label"]) == ("content/ikm/kerupuk-uji/index.md", "Kerupuk Uji")
    # a desk without .yaml products has no collection for them
    assert [c["name"] for c in desk(built, "kerupuk-lain")["collections"]] == [
        "usaha-kerupuk-lain",
        "produk-kerupuk-lain",
    ]
    office = load(built, "admin/config.yml")
    businesses = collection(office, "ikm")
    assert (businesses["folder"], businesses["path"]) == ("content/ikm", "{{slug}}/index")
    assert office["publish_mode"] == "editorial_workflow" and office["locale"] == "id"
    assert office["backend"]["name"] == "git-gateway"


def test_drafts_get_no_desk_and_are_not_named_anywhere(built):
    assert not (built / "admin/ikm/draf-rahasia").exists()
    for file in (built / "admin").rglob("*"):
        if file.is_file() and file.suffix in (".yml", ".html"):
            assert "Rahasia" not in file.read_text(encoding="utf-8"), file


def test_the_desk_list_links_every_business_and_the_pages_load_pinned_local_scripts(built):
    desks = (built / "admin/ikm/index.html").read_text(encoding="utf-8")
    assert 'href="/admin/ikm/kerupuk-uji/"' in desks
    page = (built / "admin/ikm/kerupuk-uji/index.html").read_text(encoding="utf-8")
    version = vendor.decap_version()
    assert f'src="/admin/decap-cms-{version}/decap-cms.js"' in page
    assert 'data-config="/admin/desk.json"' in page and 'src="/admin/desk.js"' in page
    assert "https://" not in page  # nothing from a CDN
    assert (built / f"admin/decap-cms-{version}/decap-cms.js").stat().st_size > 1_000_000
    chunks = list((built / f"admin/decap-cms-{version}").glob("*.decap-cms.js"))
    assert len(chunks) > 10  # the bundle loads these lazily, beside itself
    assert "Disallow: /admin/" in (built / "robots.txt").read_text()
    assert "/admin/" not in (built / "sitemap.xml").read_text()


def test_the_backend_is_a_deployment_setting(site, monkeypatch):
    monkeypatch.setenv("GALERI_CMS_BACKEND", "github")
    monkeypatch.setenv("GALERI_CMS_REPO", "dkukmpp/galeri-ikm")
    opts = options(site())
    pipeline.build(opts)
    backend = load(opts.out, "admin/config.yml")["backend"]
    assert (backend["name"], backend["repo"], backend["branch"]) == ("github", "dkukmpp/galeri-ikm", "main")
    assert "netlify-identity-widget" not in (opts.out / "admin/index.html").read_text()  # GitHub signs in


def test_git_gateway_pages_load_the_identity_widget_first(built):
    for page in ("admin/index.html", "admin/ikm/kerupuk-uji/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        widget = html.index('src="/admin/netlify-identity-widget-')
        assert widget < html.index("decap-cms.js")
    assert list(built.glob("admin/netlify-identity-widget-*.js"))


def test_the_netlify_cache_rule_names_the_installed_version():
    netlify = (Path(__file__).resolve().parent.parent / "netlify.toml").read_text(encoding="utf-8")
    assert f'for = "/admin/decap-cms-{vendor.decap_version()}/*"' in netlify


def test_field_types_cover_every_number_and_flag():
    types = fields.field_types()
    assert types["galeri-produk"]["price"] == "int" and types["galeri-produk"]["price.to"] == "int"
    assert types["galeri-produk"]["variants.price"] == "int" and types["galeri-produk"]["draft"] == "bool"
    assert types["galeri-situs"]["print.bleed_mm"] == "float" and types["galeri-situs"]["per_page"] == "int"
    assert "whatsapp" not in types["galeri-ikm"]  # text: "0812..." keeps its zero


def test_on_netlify_the_repository_chooses_the_github_backend(monkeypatch):
    for name in ("GALERI_CMS_BACKEND", "GALERI_CMS_REPO", "GALERI_CMS_BRANCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REPOSITORY_URL", "https://github.com/dkukmpp/galeri-ikm")
    assert config.Backend.from_environment() == config.Backend("github", "dkukmpp/galeri-ikm", "main")
    monkeypatch.setenv("REPOSITORY_URL", "https://gitlab.com/dkukmpp/galeri-ikm")
    assert config.Backend.from_environment() == config.Backend("git-gateway", None, "main")


def test_numbers_are_typed_as_text_so_thousands_dots_are_refused():
    whole, decimal = re.compile(fields.WHOLE[0]), re.compile(fields.DECIMAL[0])
    assert whole.fullmatch("185000") and not whole.fullmatch("185.000") and not whole.fullmatch("185,000")
    assert decimal.fullmatch("2.5") and not decimal.fullmatch("2,5")
