"""The message tables (catalog/core/messages/): one key, one topic."""

from __future__ import annotations

import string

from catalog.core.messages import MESSAGES, TABLES


def test_no_key_is_in_two_topics():
    assert sum(len(table.MESSAGES) for table in TABLES) == len(MESSAGES)


def test_both_languages_fill_in_the_same_details():
    fields = string.Formatter()
    for key, (indonesian, english) in MESSAGES.items():
        names = [{name for _, name, _, _ in fields.parse(text) if name} for text in (indonesian, english)]
        assert names[0] == names[1], key
