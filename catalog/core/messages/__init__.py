"""Editor-facing messages, Indonesian first, English for `language: en`.

One table per topic (the modules beside this one), so each can be reviewed, and documented
for editors, in one place; `message` is the one way to look a text up. Each problem says
what is wrong and, in parentheses, what was expected.
"""

from __future__ import annotations

from catalog.core.messages import (
    cms,
    commands,
    importing,
    laporan,
    machine,
    photos,
    printing,
    reading,
    rules,
    values,
)

TABLES = (reading, values, rules, photos, printing, laporan, importing, commands, machine, cms)
MESSAGES: dict[str, tuple[str, str]] = {
    key: texts for table in TABLES for key, texts in table.MESSAGES.items()
}


def message(key: str, language: str = "id", **detail: object) -> str:
    """The message `key` in `language`, with `detail` filled in."""
    indonesian, english = MESSAGES[key]
    template = english if language == "en" else indonesian
    return template.format(**detail)
