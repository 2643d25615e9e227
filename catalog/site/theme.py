"""Themes: the `extends:` chain, one Jinja environment, UI strings, fingerprinted assets.

A theme folder holds `theme.yaml`, `templates/`, `static/` and `i18n/<lang>.yaml`. A
child theme overrides single templates, static files or strings of its parent. Static
files are published under `/assets/` with a content hash in their names, so they can
be cached forever; CSS `url()`s are rewritten to those names.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import markupsafe
import yaml

from catalog.content.model import Price
from catalog.core.csvfile import csv_row
from catalog.core.urls import Urls, print_theme_uri

MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


class ThemeError(Exception):
    """A broken theme (missing folder, bad theme.yaml, extends loop): a developer's problem."""


@dataclass(frozen=True)
class Asset:
    path: str  # published path under the site root: assets/css/site.1a2b3c4d.css
    data: bytes


@dataclass
class Theme:
    name: str
    folders: tuple[Path, ...]  # the theme first, then its ancestors
    language: str
    strings: dict[str, str]
    env: jinja2.Environment
    assets: dict[str, Asset]  # by source path under static/: css/site.css
    fingerprint: str  # changes whenever a template, string or asset changes
    print_fingerprint: str = ""  # the same for PDFs: print templates, strings, static files
    shared_print: str = ""  # the strings and assets every page depends on
    page_prints: dict[str, str] = field(default_factory=dict)  # by template: `page_fingerprint`

    def page_fingerprint(self, template: str) -> str:
        """What a page made with `template` depends on in the theme: the templates it
        extends, includes or imports (to any depth), the UI strings and the assets. Editing
        product.html re-renders the product pages only; base.html, every page. A template
        named by a variable could be any: then every template counts."""
        if template not in self.page_prints:
            digest = hashlib.sha256(self.shared_print.encode())
            for name, file, source in sorted(self._used_templates(template)):
                digest.update(f"{name}|{file}|".encode() + source.encode())
            self.page_prints[template] = digest.hexdigest()
        return self.page_prints[template]

    def _used_templates(self, template: str) -> set[tuple[str, str, str]]:
        found: dict[str, tuple[str, str, str]] = {}
        todo = [template]
        while todo:
            name = todo.pop()
            if name in found:
                continue
            source, file, _ = self.env.loader.get_source(self.env, name)
            found[name] = (name, file or "", source)
            referenced = list(jinja2.meta.find_referenced_templates(self.env.parse(source)))
            if None in referenced:
                return {(self.fingerprint, "", "")}
            todo += [n for n in referenced if n is not None]
        return set(found.values())

    def t(self, key: str, **values: Any) -> str:
        if key not in self.strings:
            raise ThemeError(f"i18n/{self.language}.yaml: missing UI string {key!r}")
        return self.strings[key].format(**values) if values else self.strings[key]


def find_themes(roots: list[Path]) -> dict[str, Path]:
    """Theme name -> folder, the first root winning (a site's own themes/ before the project's)."""
    found: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            for folder in sorted(root.iterdir()):
                if (folder / "theme.yaml").is_file():
                    found.setdefault(folder.name, folder)
    return found


def load_theme(available: dict[str, Path], name: str, language: str, urls: Urls, brand_css: str) -> Theme:
    folders = _chain(available, name)
    strings: dict[str, str] = {}
    for folder in reversed(folders):
        strings.update(_read_yaml(folder / "i18n" / f"{language}.yaml"))
    assets = _assets(folders, brand_css)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader([str(f / "templates") for f in folders]),
                jinja2.PrefixLoader({"print": jinja2.FileSystemLoader([str(f / "print") for f in folders])}),
            ]
        ),
        autoescape=_escaped,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    theme = Theme(name, folders, language, strings, env, assets, "")
    env.globals.update(
        t=theme.t,
        link=urls.link,
        asset=lambda path: _asset_url(theme, urls, path),
        lang=language,
        theme_file=lambda path: theme_file(theme, path)[0],
    )
    env.filters.update(number=number, phone=phone, date=lambda d: long_date(d, language))
    env.filters["rupiah"] = lambda value: unbroken(rupiah(value))
    env.filters["email"] = email
    env.filters["csv_row"] = csv_row
    env.filters["price"] = lambda p: unbroken(price_text(p, theme.strings.get("price_on_request", "")))
    theme.fingerprint = _fingerprint(folders, strings, assets)
    theme.shared_print = _fingerprint((), strings, assets)
    theme.print_fingerprint = _print_fingerprint(folders, strings)
    return theme


def _escaped(name: str | None) -> bool:
    """Autoescape for every template but plain text (`.txt`) and CSV (`.csv`), whose outputs
    are no markup: an `&` in robots.txt or a CSV cell must stay an `&`. Escaping is the
    default, so a template of a new kind is escaped until it is listed here."""
    return not (name or "").endswith((".txt", ".csv"))


def number(value: int) -> str:
    """1028 -> "1.028" (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def phone(value: str) -> str:
    """A normalised WhatsApp number as Indonesians write it: 6281234567890 -> 0812-3456-7890."""
    local = "0" + value[2:] if value.startswith("62") else value
    return "-".join(local[i : i + 4] for i in range(0, len(local), 4))


def rupiah(value: int) -> str:
    return f"Rp {number(value)}"


def unbroken(text: str) -> str:
    """A price as a page shows it: "Rp" joined to its number, and a range's dash to the price
    before it, by no-break spaces, so that a narrow screen never splits them. Pages only: a
    WhatsApp message or a feed keeps plain spaces."""
    return text.replace("Rp ", "Rp\u00a0").replace(" –", "\u00a0–")


def email(address: str) -> markupsafe.Markup:
    """An e-mail address that a narrow screen breaks before its "@" or a dot of its domain
    (`<wbr>`), never inside a word (site.css keeps it from breaking anywhere else)."""
    local, at, domain = address.rpartition("@")
    if not at:
        return markupsafe.escape(address)
    dots = markupsafe.Markup("<wbr>.").join(markupsafe.escape(part) for part in domain.split("."))
    return markupsafe.escape(local) + markupsafe.Markup("<wbr>@") + dots


def price_text(price: Price | None, on_request: str) -> str:
    if price is None:
        return on_request
    if price.high is not None:
        return f"{rupiah(price.low)} – {rupiah(price.high)}"
    return rupiah(price.low)


def long_date(value: Any, language: str = "id") -> str:
    """2026-03-14 -> "14 Maret 2026"."""
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"


def _chain(available: dict[str, Path], name: str) -> tuple[Path, ...]:
    folders: list[Path] = []
    while name:
        if name not in available:
            raise ThemeError(f"themes/{name}: theme not found")
        folder = available[name]
        if folder in folders:
            raise ThemeError(f"themes/{name}/theme.yaml: `extends` makes a loop")
        _refuse_links_out(folder)
        folders.append(folder)
        parent = _read_yaml(folder / "theme.yaml").get("extends")
        name = str(parent) if parent else ""
    return tuple(folders)


def _refuse_links_out(folder: Path) -> None:
    """A site's own theme sits in the repository beside its content: a symlink in it that
    leads out of the theme would publish (static files) or render (templates) a file of the
    machine that builds a pull request. Refused, like such links in the content."""
    root = Path(os.path.realpath(folder))
    for parent, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            entry = Path(parent) / name
            if entry.is_symlink() and not Path(os.path.realpath(entry)).is_relative_to(root):
                raise ThemeError(
                    f"{entry}: tautan (symlink) ini mengarah ke luar folder tema; hapus tautannya"
                )


def _read_yaml(file: Path) -> dict[str, Any]:
    if not file.is_file():
        return {}
    try:
        data = yaml.load(
            file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{file}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ThemeError(f"{file}: expected a mapping")
    return {str(k): str(v) if not isinstance(v, (dict, list)) else v for k, v in data.items()}


def _static_files(folders: tuple[Path, ...]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in reversed(folders):
        static = folder / "static"
        if static.is_dir():
            for file in sorted(static.rglob("*")):
                if file.is_file():
                    files[file.relative_to(static).as_posix()] = file
    return dict(sorted(files.items()))


def _assets(folders: tuple[Path, ...], brand_css: str) -> dict[str, Asset]:
    """Hash every static file; CSS last, so its url()s can point at hashed names."""
    files = _static_files(folders)
    assets: dict[str, Asset] = {}
    for source, file in files.items():
        if not source.endswith(".css"):
            assets[source] = _hashed(source, file.read_bytes())
    for source, file in files.items():
        if source.endswith(".css"):
            text = _CSS_URL.sub(
                partial(_rewrite_css_url, css_source=source, assets=assets), file.read_text("utf-8")
            )
            if source == "css/site.css" and brand_css:
                text += "\n" + brand_css + "\n"
            assets[source] = _hashed(source, text.encode())
    return assets


def _rewrite_css_url(match: re.Match[str], *, css_source: str, assets: dict[str, Asset]) -> str:
    target = match.group(2)
    if ":" in target or target.startswith(("/", "#")):
        return match.group(0)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(css_source), target))
    if resolved not in assets:
        return match.group(0)
    relative = posixpath.relpath(assets[resolved].path, posixpath.dirname("assets/" + css_source))
    return f'url("{relative}")'


def _hashed(source: str, data: bytes) -> Asset:
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, ext = source.rpartition(".")
    name = f"{stem}.{digest}.{ext}" if dot and "/" not in ext else f"{source}.{digest}"
    return Asset(f"assets/{name}", data)


def _asset_url(theme: Theme, urls: Urls, path: str) -> str:
    if path not in theme.assets:
        raise ThemeError(f"theme {theme.name}: no static file {path!r}")
    return urls.link("/" + theme.assets[path].path)


def theme_file(theme: Theme, path: str) -> tuple[str, Path]:
    """A theme file (`static/…` or `print/…`) for PDFs, the child theme's first: the URI the PDF
    fetcher knows it by (urls.print_theme_uri) and the file itself."""
    for folder in theme.folders:
        if (folder / path).is_file():
            return print_theme_uri(folder.name, path), folder / path
    raise ThemeError(f"theme {theme.name}: no file {path!r}")


def _fingerprint(folders: tuple[Path, ...], strings: dict[str, str], assets: dict[str, Asset]) -> str:
    digest = hashlib.sha256(repr(sorted(strings.items())).encode())
    for folder in folders:
        for file in sorted((folder / "templates").rglob("*")):
            if file.is_file():
                digest.update(file.as_posix().encode() + file.read_bytes())
    for asset in assets.values():
        digest.update(asset.path.encode())
    return digest.hexdigest()


def _print_fingerprint(folders: tuple[Path, ...], strings: dict[str, str]) -> str:
    digest = hashlib.sha256(repr(sorted(strings.items())).encode())
    for folder in folders:
        for file in sorted([*(folder / "print").rglob("*"), *(folder / "static").rglob("*")]):
            if file.is_file():
                digest.update(file.as_posix().encode() + file.read_bytes())
    return digest.hexdigest()


def brand_css(primary: str | None, accent: str | None) -> str:
    """The site's brand colours as CSS variables, appended after the theme's stylesheet."""
    rules = [f"--brand-primary:{primary}" if primary else "", f"--brand-accent:{accent}" if accent else ""]
    body = ";".join(rule for rule in rules if rule)
    return f":root{{{body}}}" if body else ""
