"""The embedded demo catalog builds and is what the issue promises a visitor."""

from __future__ import annotations

import json
from pathlib import Path

from sitecheck import broken_links, html_files, jsonld, soup

from catalog import pipeline

ROOT = Path(__file__).resolve().parent.parent


def test_demo_has_the_promised_breadth(demo):
    out, stats = demo
    catalog, _ = pipeline.check(
        pipeline.BuildOptions(content=ROOT / "content", cache_dir=out.parent / "cache")
    )
    assert len(catalog.businesses) >= 12 and len(catalog.products) >= 60
    assert {b.district for b in catalog.businesses} == set(catalog.site.districts) == {
        "Harjamukti", "Kejaksan", "Kesambi", "Lemahwungkuk", "Pekalipan"
    }  # fmt: skip
    assert {b.kind for b in catalog.businesses} == {"ikm", "umkm"}
    assert any(p.price and p.price.is_range for p in catalog.products)
    assert any(p.price is None for p in catalog.products)
    assert any(p.variants for p in catalog.products) and any(b.certifications for b in catalog.businesses)
    assert any(b.marketplaces for b in catalog.businesses)
    assert stats.images >= 60


def test_demo_links_resolve(demo):
    """A crawl of the whole output: pages, style sheets, feeds, sitemap, redirects."""
    out, _ = demo
    assert broken_links(out, site_url="https://galeri-ikm-cirebon.netlify.app/") == []


def test_the_crawl_finds_what_is_broken(tmp_path):
    """The crawl above can fail: one broken reference of each kind it looks at."""
    files = {
        "index.html": '<a href="#utama">x</a><a href="/hilang/">x</a><a href="/a/#tidak-ada">x</a>'
        '<img srcset="/img/ada.webp 1x, /img/hilang.webp 2x"><div style="background:url(/img/x.png)">',
        "a/index.html": '<main id="utama"><link rel="canonical" href="https://contoh.id/b/"></main>',
        "img/ada.webp": "",
        "assets/gaya.css": "@font-face{src:url(../fonts/hilang.woff2)} a{background:url(data:,x)}",
        "sitemap.xml": "<loc>https://contoh.id/a/</loc><loc>https://contoh.id/c/</loc>",
        "_redirects": "/lama/ /d/ 301\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert sorted(broken_links(tmp_path, site_url="https://contoh.id/")) == [
        ("_redirects", "/d/"),
        ("a/index.html", "/b/"),
        ("assets/gaya.css", "../fonts/hilang.woff2"),
        ("index.html", "#utama"),
        ("index.html", "/a/#tidak-ada"),
        ("index.html", "/hilang/"),
        ("index.html", "/img/hilang.webp"),
        ("index.html", "/img/x.png"),
        ("sitemap.xml", "/c/"),
    ]


def test_every_demo_product_page_has_structured_data(demo):
    out, _ = demo
    sitemap = (out / "sitemap.xml").read_text()
    paths = ["/" + str(p.parent.relative_to(out)) + "/" for p in sorted(out.glob("ikm/*/*/index.html"))]
    paths = [path for path in paths if f"{path}</loc>" in sitemap]  # not the alias redirect pages
    assert len(paths) >= 60
    for path in paths:
        data = [d for d in jsonld(soup(out, path)) if d["@type"] == "Product"]
        assert len(data) == 1, path
        assert data[0]["url"].startswith("https://") and data[0]["url"].endswith(path)
        json.dumps(data)


def test_every_demo_image_has_its_size(demo):
    """No layout shift from images: the browser reserves each one's box before it loads."""
    out, _ = demo
    unsized = [
        (str(file.relative_to(out)), img.get("src"))
        for file in html_files(out)
        for img in soup(out, "/" + str(file.relative_to(out))).find_all("img")
        if not (img.get("width") and img.get("height"))
    ]
    assert unsized == []
