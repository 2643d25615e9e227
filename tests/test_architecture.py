"""The shape of the package (docs/architecture.md) beyond the import layers.

The layers themselves are import-linter contracts in pyproject.toml (`lint-imports`, run by
`make test`); what a contract cannot say is checked here."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "catalog"
STAGES = {"core", "content", "images", "site", "print", "outputs", "cms", "serve"}
TOP = {"cli.py", "commands"}  # the command line: the only place that writes to the terminal
TERMINAL = {"rich", "sys.stdout", "sys.stderr"}  # what writing to the terminal needs


def test_the_tree_shows_the_stages():
    """Only the commands and the orchestrator sit at the top; every other module is in a stage."""
    assert {p.name for p in PACKAGE.glob("*.py")} == {"__init__.py", "cli.py", "pipeline.py"}
    assert {p.parent.name for p in PACKAGE.glob("*/__init__.py")} == STAGES | {"commands"}


def terminal_writes(module: Path) -> list[str]:
    """The `print` calls of `module`, and what it uses that writes to the terminal."""
    found = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"print, line {node.lineno}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"import {name}" for name in names if name.split(".")[0] == "rich"]
        elif isinstance(node, ast.Attribute) and ast.unparse(node) in TERMINAL:
            found.append(f"{ast.unparse(node)}, line {node.lineno}")
    return found


def test_only_the_command_line_prints():
    """Stages report through objects (problems, a reporter); cli.py and commands/ write them out."""
    printing = {
        module.relative_to(PACKAGE).as_posix(): found
        for module in PACKAGE.rglob("*.py")
        if module.relative_to(PACKAGE).parts[0] not in TOP and (found := terminal_writes(module))
    }
    assert printing == {}
    assert terminal_writes(PACKAGE / "cli.py")  # the check sees what it looks for
