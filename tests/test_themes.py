"""Themes: extends chain, overrides, brand colours, autoescape, UI strings."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BUSINESS, options
from sitecheck import soup

from catalog import pipeline

ROOT = Path(__file__).resolve().parent.parent


def test_child_theme_overrides_one_template_and_one_static_file(site):
    content = site({"site.yaml": "title: T\nbase_url: https://t.org/\ntheme: anak\n"})
    themes = content.parent / "themes" / "anak"
    (themes / "templates").mkdir(parents=True)
    (themes / "static" / "img").mkdir(parents=True)
    (themes / "theme.yaml").write_text("name: anak\nextends: mal\n")
    (themes / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block content %}<h1>Hilang</h1>{% endblock %}'
    )
    (themes / "static" / "img" / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>anak</title></svg>'
    )
    out = options(content).out
    pipeline.build(options(content))
    assert soup(out, "/404.html").h1.get_text() == "Hilang"
    assert soup(out, "/ikm/").h1  # every other template from mal
    favicons = list((out / "assets" / "img").glob("favicon.*.svg"))
    assert len(favicons) == 1 and "anak" in favicons[0].read_text()


def test_brand_colours_reach_the_stylesheet(site):
    out = options(site()).out
    pipeline.build(options(site()))
    page = soup(out, "/")
    stylesheet = next(link["href"] for link in page.find_all("link", rel="stylesheet"))
    css = (out / stylesheet.lstrip("/")).read_text()
    assert css.rstrip().endswith(":root{--brand-primary:#123456;--brand-accent:#c0392b}")
    assert page.find("meta", attrs={"name": "theme-color"})["content"] == "#123456"
    fonts = [line for line in css.splitlines() if "woff2" in line]
    assert fonts and all(".woff2" in line and "url(" in line for line in fonts)


def test_content_is_escaped(site):
    hostile = BUSINESS.replace("name: Kerupuk Uji", 'name: "<script>alert(1)</script> Kerupuk"')
    content = site({"ikm/kerupuk-uji/index.md": hostile})
    pipeline.build(options(content))
    html = (options(content).out / "ikm/kerupuk-uji/index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Kerupuk" in html


def test_sharing_tags(site):
    pipeline.build(options(site()))
    page = soup(options(site()).out, "/ikm/kerupuk-uji/kerupuk-melarat/")
    assert page.find("meta", property="og:type")["content"] == "product"
    assert (
        page.find("meta", property="og:url")["content"]
        == "https://uji.example.org/ikm/kerupuk-uji/kerupuk-melarat/"
    )
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert page.find("meta", attrs={"name": "description"})["content"].startswith(
        "Kerupuk pasir khas Cirebon."
    )


def test_an_edited_template_re_renders_the_pages_that_use_it(site):
    """product.html is used by product pages only; base.html by every page."""
    content = site()
    theme = content.parent / "themes" / "mal"
    shutil.copytree(ROOT / "catalog" / "themes" / "mal", theme)
    first = pipeline.build(options(content))
    product = theme / "templates" / "product.html"
    product.write_text(product.read_text() + "{# edited #}\n")
    edited = pipeline.build(options(content))
    assert sorted(edited.rendered) == ["/ikm/kerupuk-uji/kerupuk-melarat/", "/ikm/kerupuk-uji/sirup-uji/"]
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text() + "{# edited #}\n")
    everything = pipeline.build(options(content))
    assert len(everything.rendered) == first.pages
