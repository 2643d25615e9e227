"""The shape of the package (docs/architecture.md) beyond the import layers.

The layers themselves are import-linter contracts in pyproject.toml (`lint-imports`, run by
`make test`); what a contract cannot say is checked here."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "catalog"
STAGES = {"core", "content", "images", "site", "print", "outputs", "cms", "serve"}


def test_the_tree_shows_the_stages():
    """Only the commands and the orchestrator sit at the top; every other module is in a stage."""
    assert {p.name for p in PACKAGE.glob("*.py")} == {"__init__.py", "cli.py", "pipeline.py"}
    assert {p.parent.name for p in PACKAGE.glob("*/__init__.py")} == STAGES


def test_only_the_cli_prints():
    printing = [
        module.relative_to(PACKAGE).as_posix()
        for module in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(module.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    ]
    assert printing == []
