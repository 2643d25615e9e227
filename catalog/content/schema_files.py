"""JSON Schema for each kind of content file, generated from the models that validate them.

`galeri schema` writes them to docs/schema/ of the project (the content folder's parent,
where the scaffolds' `$schema` lines point, in a source checkout or beside an installed
package alike), and a test fails when the committed files are stale, so an editor's YAML
tooling (yaml-language-server, which reads the `# yaml-language-server: $schema=...` line
of a scaffold) checks each field as the build does, as far as JSON Schema can say it:
cross-file rules (a category that exists, a photo that exists) and a few value rules are
the build's alone (`price: 35.000` reads as the number 35 to a YAML editor). The loader
reads every scalar as the text written, so the schema also accepts a text field written as
a number or true/false (`whatsapp: 081234567890`), a whole number written as quoted digits
and a yes/no word for a flag.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from catalog.content import schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# file name -> (the content file it describes, its model)
SCHEMAS: dict[str, tuple[str, Any]] = {
    "site.schema.json": ("content/site.yaml", schema.SiteConfig),
    "categories.schema.json": ("content/categories.yaml", list[schema.CategoryEntry]),
    "ikm.schema.json": ("content/ikm/<slug>/index.md (front matter)", schema.BusinessFrontMatter),
    "produk.schema.json": (
        "content/ikm/<slug>/products/<slug>.md (front matter) or .yaml",
        schema.ProductFrontMatter,
    ),
    "halaman.schema.json": ("content/pages/<slug>.md (front matter)", schema.PageFrontMatter),
}


def schema_dir(content: Path) -> Path:
    """docs/schema/ of the project whose content folder is `content`."""
    return content.resolve().parent / "docs" / "schema"


def generate(name: str) -> dict[str, Any]:
    """The JSON Schema `name` of SCHEMAS, as a dict."""
    describes, model = SCHEMAS[name]
    found = TypeAdapter(model).json_schema(by_alias=True)
    _accept_scalars_as_text(found)
    return {"$schema": DIALECT, "$comment": f"Galeri IKM: {describes}. Generated; do not edit.", **found}


def rendered(name: str) -> str:
    return json.dumps(generate(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name in SCHEMAS:
        file = folder / name
        file.write_text(rendered(name), encoding="utf-8")
        files.append(file)
    return files


def stale(folder: Path) -> list[str]:
    """The schema files in `folder` that differ from what the models generate."""
    return [
        name
        for name in SCHEMAS
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != rendered(name)
    ]


FLAG_WORDS = "^([Tt]rue|TRUE|[Ff]alse|FALSE|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF|[TtFfYyNn]|1|0)$"


def _accept_scalars_as_text(node: Any) -> None:
    """What the loader accepts because it reads scalars as text: a free-text field written
    as a number or boolean, quoted digits for a whole number, a yes/no word for a flag."""
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "string" and not {"enum", "const", "format"} & node.keys():
            node["type"] = ["string", "number", "boolean"]
        elif kind == "integer":
            node["type"], node["pattern"] = ["integer", "string"], "^-?[0-9]+$"
        elif kind == "boolean":
            node["type"], node["pattern"] = ["boolean", "string"], FLAG_WORDS
        for value in node.values():
            _accept_scalars_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _accept_scalars_as_text(value)
