"""The shape of the package (docs/architecture.md): data flows one way, only the CLI prints."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "catalog"

# A module may import only modules of a lower or equal layer.
LAYERS = [
    {
        "errors",
        "report",
        "messages",
        "jsonfile",
        "parallel",
        "urls",
        "qr",
        "pdfjoin",
        "watch",
        "search_bytes",
        "legal",
        "csvfile",
    },
    {"yamlsafe", "markup", "model"},
    {"sources", "schema", "schema_errors"},
    {"validate", "images", "manifest", "editions", "schemafiles", "intake", "localcms"},
    {"themes", "views", "feeds", "writer", "jsonld", "printing", "cms", "productfeeds", "search", "laporan"},
    {"render", "pdf", "pdfs"},
    {"pipeline", "scaffold", "importing"},
    {"preview"},
    {"cli", "server"},
]
LAYER = {name: level for level, names in enumerate(LAYERS) for name in names}


def imports(module: Path) -> set[str]:
    """The package's modules `module` imports (from a subpackage, `..name`; its own `.x` do not count)."""
    level = 1 if module.parent == PACKAGE else 2
    found = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == level:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_every_module_has_a_layer():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules | {p.parent.name for p in PACKAGE.glob("*/__init__.py")} == set(LAYER)


def test_lower_layers_never_import_higher_ones():
    owner = {module: module.stem for module in PACKAGE.glob("*.py")}
    owner |= {module: module.parent.name for module in PACKAGE.glob("*/*.py")}  # a subpackage is one module
    wrong = [
        (owner[module], name)
        for module in owner
        if owner[module] in LAYER
        for name in imports(module)
        if LAYER[name] > LAYER[owner[module]]
    ]
    assert wrong == []


def test_errors_and_report_import_nothing_from_the_package():
    assert imports(PACKAGE / "errors.py") == set()
    assert imports(PACKAGE / "report.py") == set()


def test_only_the_cli_prints():
    printing = [
        module.relative_to(PACKAGE).as_posix()
        for module in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(module.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    ]
    assert printing == []
