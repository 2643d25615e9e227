"""docs/schema/: current with the models, and checking what the build checks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from catalog.content import schema_files as schemafiles

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
COMMITTED = ROOT / "docs" / "schema"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = schemafiles.generate(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


class EditorYaml(yaml.SafeLoader):
    """YAML as an editor's YAML 1.2 tooling reads it: a date stays a string."""


EditorYaml.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(file: Path) -> object:
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".md":
        text = text.split("---", 2)[1]
    return yaml.load(text, Loader=EditorYaml)


def test_committed_schemas_are_current():
    assert schemafiles.stale(COMMITTED) == [], "run: python build.py schema"


def test_schema_command_writes_them(tmp_path, monkeypatch):
    command = [sys.executable, str(ROOT / "build.py"), "schema"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "5 berkas JSON Schema ditulis" in done.stdout
    assert schemafiles.stale(COMMITTED) == []
    files = schemafiles.write(tmp_path / "schema")
    assert sorted(f.name for f in files) == sorted(schemafiles.SCHEMAS)
    assert schemafiles.stale(tmp_path / "schema") == []
    (tmp_path / "schema/site.schema.json").write_text("{}")
    assert schemafiles.stale(tmp_path / "schema") == ["site.schema.json"]


def test_the_demo_content_is_valid_against_its_schemas():
    """As a YAML editor reads it: unquoted numbers in text fields are no mistake."""
    cases = [("site.schema.json", DEMO / "site.yaml"), ("categories.schema.json", DEMO / "categories.yaml")]
    cases += [("ikm.schema.json", f) for f in sorted(DEMO.glob("ikm/*/index.md"))]
    cases += [
        ("produk.schema.json", f)
        for f in sorted(DEMO.glob("ikm/*/products/*.*"))
        if f.suffix in (".md", ".yaml")
    ]
    cases += [("halaman.schema.json", f) for f in sorted(DEMO.glob("pages/*.md"))]
    assert len(cases) > 30
    for name, file in cases:
        errors = [e.message for e in validator(name).iter_errors(front_matter(file))]
        assert errors == [], (file, errors)
    assert validator("ikm.schema.json").is_valid({"name": "Usaha", "whatsapp": 81234567890, "since": 2015})
    assert validator("produk.schema.json").is_valid(
        {"name": "A", "category": "b", "price": "15000", "draft": "yes"}
    )
    assert not validator("produk.schema.json").is_valid({"name": "A", "category": "b", "price": "15.000"})


@pytest.mark.parametrize(
    ("name", "entry", "why"),
    [
        ("produk.schema.json", {"category": "kerupuk"}, "'name' is a required property"),
        ("produk.schema.json", {"name": "A", "category": "b", "prise": 1}, "Additional properties"),
        ("produk.schema.json", {"name": "A", "category": "b", "stock": "ada"}, "is not one of"),
        (
            "produk.schema.json",
            {"name": "A", "category": "b", "price": {"from": 5}},
            "is not valid under any",
        ),
        ("ikm.schema.json", {"name": "A", "kind": "pt"}, "is not one of"),
        (
            "site.schema.json",
            {"title": "A", "base_url": "x", "print": {"paper": "A3"}},
            "not valid under any",
        ),
    ],
)
def test_schemas_refuse_what_the_build_refuses(name, entry, why):
    assert any(why in error.message for error in validator(name).iter_errors(entry))


def test_scaffolds_name_their_schema(site, tmp_path):
    content = site()
    build = [sys.executable, str(ROOT / "build.py")]
    subprocess.run(
        [*build, "new", "ikm", "batik-baru", "--content", str(content)], check=True, capture_output=True
    )
    subprocess.run(
        [*build, "new", "product", "batik-baru/kain", "--content", str(content)],
        check=True,
        capture_output=True,
    )
    for file, name in [
        (content / "ikm/batik-baru/index.md", "ikm.schema.json"),
        (content / "ikm/batik-baru/products/kain.md", "produk.schema.json"),
    ]:
        lines = file.read_text(encoding="utf-8").splitlines()
        found = next(
            m for m in (re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", x) for x in lines) if m
        )
        assert found and (file.parent / found.group(1)).resolve() == schemafiles.schema_dir(content) / name
        assert validator(name).is_valid(front_matter(file))
