"""The npm packages behind the CMS: the Decap bundle, js-yaml and Netlify's Identity widget that
/admin/ serves, and decap-server for the local CMS. Where `npm ci` put them, and their versions.

They are no part of the Python package (package.json pins them; `npm ci` installs them into a
project's node_modules/), so an installed `galeri` looks for them in the current folder, then
in the project folder it is given (the content folder's parent, the repository of `cms`), then
in the source checkout it runs from, if it does.
"""

from __future__ import annotations

import json
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]  # the project folder, when run from a source checkout


def package(name: str, project: Path | None = None) -> Path | None:
    """The folder of the installed npm package `name`, the first of the places above, or None."""
    places = [Path.cwd(), *([project] if project else []), CHECKOUT]
    return next(
        (place / "node_modules" / name for place in places if _version(place / "node_modules" / name)), None
    )


def _version(folder: Path) -> str | None:
    try:
        return json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def version(name: str, project: Path | None = None) -> str | None:
    """The installed version of npm package `name`, or None when `npm ci` has not run."""
    folder = package(name, project)
    return _version(folder) if folder else None


def decap_version(project: Path | None = None) -> str | None:
    """The installed, pinned Decap CMS package's version, or None when `npm ci` has not run."""
    return version("decap-cms", project)


def vendor_versions(project: Path | None = None) -> str:
    """The installed versions of what /admin/ serves from npm (a build's inputs too)."""
    names = ("decap-cms", "js-yaml", "netlify-identity-widget")
    return ",".join(f"{name} {version(name, project)}" for name in names)


def decap_files(project: Path | None = None) -> tuple[str, list[tuple[str, Path]]] | None:
    """Decap's version and (output path under admin/, file) of its bundle (its lazily loaded
    chunks beside it, in a folder named by version, so it can be cached for ever) and of
    js-yaml; None when either is not installed."""
    decap, js_yaml = package("decap-cms", project), package("js-yaml", project)
    found = decap and _version(decap)
    script = js_yaml / "dist" / "js-yaml.min.js" if js_yaml else None
    if decap is None or not found or script is None or not script.is_file():
        return None
    files = [
        (f"admin/decap-cms-{found}/{file.name}", file) for file in sorted(decap.glob("dist/*decap-cms.js"))
    ]
    return found, [*files, (f"admin/decap-cms-{found}/js-yaml.min.js", script)]


def identity_widget(project: Path | None = None) -> tuple[str, Path] | None:
    """(output path, file) of Netlify's Identity widget, which the git-gateway backend needs
    to sign editors in and to let an invited editor set a password (docs/cms.md)."""
    folder = package("netlify-identity-widget", project)
    found = _version(folder) if folder else None
    file = folder / "build" / "netlify-identity-widget.js" if folder else None
    return (f"admin/netlify-identity-widget-{found}.js", file) if found and file and file.is_file() else None


def decap_server(project: Path | None = None) -> Path | None:
    """decap-server's script, which the local CMS runs with Node.js, or None when not installed."""
    folder = package("decap-server", project)
    script = folder / "dist" / "index.js" if folder else None
    return script if script and script.is_file() else None
