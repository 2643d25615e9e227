"""docs/panduan-editor.md: every problem message explained, every command it names real."""

from __future__ import annotations

import re
from pathlib import Path

from catalog.commands.arguments import COMMANDS
from catalog.core.messages import MESSAGES

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "panduan-editor.md"

# Status lines and message fragments: printed, but nothing for an editor to fix (so are the
# `laporan_*` lines of the legal-status report, explained in its own section).
NOT_PROBLEMS = {
    "built",
    "built_pdfs",
    "warnings",
    "frozen",
    "frozen_none",
    "unchanged",
    "updated",
    "feeds_skipped",
    "search_built",
    "content_ok",
    "summary",
    "summary_kept",
    "did_you_mean",
    "known_fields",
    "import_created",
    "import_would_create",
    "import_skipped",
    "import_done",
    "import_dry_run",
    "import_nothing",
    "import_summary",
    "import_template",
}


def entry_lines() -> list[str]:
    """The lines that can start a message's entry: headings and bold lines."""
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith(("#", "**"))]


def test_the_skipped_keys_still_exist():
    assert sorted(NOT_PROBLEMS - MESSAGES.keys()) == []


def test_every_problem_message_has_an_entry():
    entries = "\n".join(entry_lines())
    problems = [key for key in MESSAGES if key not in NOT_PROBLEMS and not key.startswith("laporan_")]
    missing = [key for key in problems if f"`{key}`" not in entries]
    assert missing == [], f"explain these messages in {GUIDE.name} (a heading with the key in backticks)"


def test_every_command_the_guide_names_exists():
    named = re.findall(r"python build\.py +([a-z][a-z-]*)", GUIDE.read_text(encoding="utf-8"))
    assert named, "the guide names no command"
    assert sorted(set(named) - set(COMMANDS)) == []
