"""The one place that knows URLs and output paths (CONTENT-SPEC.md section 2).

Paths here are site paths such as `/ikm/batik-sari/`; `Urls` turns them into links
under `base_url` (which may carry a path) and into output files. These URLs are
printed as QR codes: change nothing here without an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_ALIAS_RE = re.compile(r"(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+/?")  # no hidden files, no `.`, `..`


def home() -> str:
    return "/"


def category(slug: str, page: int = 1) -> str:
    return f"/kategori/{slug}/" if page <= 1 else f"/kategori/{slug}/{page}/"


def directory() -> str:
    return "/ikm/"


def business(slug: str) -> str:
    return f"/ikm/{slug}/"


def product(business_slug: str, slug: str) -> str:
    return f"/ikm/{business_slug}/{slug}/"


def page(slug: str) -> str:
    return f"/{slug}/"


def search() -> str:
    return "/cari/"


def catalogs() -> str:
    return "/katalog/"


def whole_catalog_pdf() -> str:
    return "/katalog/katalog-lengkap.pdf"


def category_pdf(top_slug: str) -> str:
    return f"/katalog/{top_slug}.pdf"


def brochure(business_slug: str) -> str:
    return f"/ikm/{business_slug}/brosur.pdf"


def poster(business_slug: str) -> str:
    """The business's A5 "Pindai untuk pesan" counter poster."""
    return f"/ikm/{business_slug}/poster.pdf"


def shelf_labels_pdf() -> str:
    """Shelf labels of every product on display at the showroom."""
    return "/katalog/label-rak.pdf"


def press_pdf(pdf_path: str) -> str:
    """The print-shop edition (PDF/X-4, CMYK) of a catalog: /katalog/cetak/<name>.pdf."""
    return "/katalog/cetak/" + pdf_path.rsplit("/", 1)[-1]


def whatsapp_catalog(business_slug: str) -> str:
    """The business's products as a Meta catalog CSV, for its owner to upload to WhatsApp Business."""
    return f"/ikm/{business_slug}/katalog-whatsapp.csv"


def basket() -> str:
    """The order basket: built in the browser (localStorage), one WhatsApp message per seller."""
    return "/keranjang/"


# PDFs name the files they embed by these made-up absolute paths, which the PDF fetcher
# maps to the real folders: the names (WeasyPrint keys images by URL) and so the PDFs'
# bytes do not depend on where the cache or the theme happen to be.
PRINT_CACHE = "/galeri-cache"  # + /images/..., /qr/..., /fonts/...
PRINT_THEME = "/galeri-theme"  # + /<theme name>/print/..., /<theme name>/static/...


def print_cache_uri(relative: str) -> str:
    return f"file://{PRINT_CACHE}/{relative}"


def print_theme_uri(theme: str, relative: str) -> str:
    return f"file://{PRINT_THEME}/{theme}/{relative}"


def output_file(path: str) -> str:
    """Output file (relative to the output folder) for a site path: folders get index.html."""
    relative = path.lstrip("/")
    return relative + "index.html" if path.endswith("/") else relative


class AliasError(ValueError):
    """Why a written alias names no path of this site: a message key and its details."""

    def __init__(self, key: str, **detail: str) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


def alias_path(written: str, base_url: str | None) -> str:
    """The site path an alias names, as an office copies it from its previous site: a path
    (`/ikm/nama-lama/`, `/toko/nama-lama`, `/nama-lama.html`) or the full address from the
    browser on this site's own host (`https://galeri.example/toko/lama`: its path, under
    the path of `base_url`). Another host's address is refused: its redirects belong to
    that host. Segments are URL-safe characters not starting with a dot (no `..`, no
    `.git/`); no query or fragment."""
    path = written
    if written.startswith(("http://", "https://")):
        path = _path_on_site(written, base_url)
    if not _ALIAS_RE.fullmatch(path):
        raise AliasError("bad_alias")
    return path


def _path_on_site(address: str, base_url: str | None) -> str:
    parts = urlsplit(address)
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise AliasError("bad_alias")
    if base_url is None:  # site.yaml is broken, and reported: judge the path alone
        return parts.path
    site = urlsplit(base_url)
    if parts.netloc.lower() != site.netloc.lower():
        raise AliasError("alias_other_host", host=parts.netloc, site=site.netloc)
    prefix = site.path.rstrip("/")
    if prefix and not parts.path.startswith(prefix + "/"):
        raise AliasError("alias_outside_site", site=base_url)
    return parts.path.removeprefix(prefix)


def alias_file(path: str) -> str:
    """Output file of an alias page: `/nama-lama.html` is that file; any other path is a
    folder (`/toko/nama-lama` -> `toko/nama-lama/index.html`), which static hosts serve at
    the path with and without its trailing slash."""
    if path.lower().endswith((".html", ".htm")):
        return path.lstrip("/")
    return path.strip("/") + "/index.html"


@dataclass(frozen=True)
class Urls:
    """Links for one base URL: `link()` for href/src, `absolute()` for canonical, OG, QR."""

    base_url: str  # ends with "/"
    prefix: str = field(init=False)  # the base URL's path without its trailing slash: "" or "/galeri"

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix", urlsplit(self.base_url).path.rstrip("/"))

    def link(self, path: str) -> str:
        """A root-relative link that works under a base path, and on the 404 page at any depth."""
        return self.prefix + path

    def absolute(self, path: str) -> str:
        return self.base_url.rstrip("/") + path
