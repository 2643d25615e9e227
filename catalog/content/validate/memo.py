"""The live preview's memory of validated businesses: an object the preview owns and passes in.

A business is read and validated again only when a file it read changed: its folder,
site.yaml or categories.yaml (their sizes and modification times).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from catalog.content.model import Business, Product
from catalog.content.sources import ContentSources
from catalog.core.errors import ContentError

# (the business and its products, or None), its problems, the image facts learned, the
# drafts left out (paths in content/)
BusinessResult = tuple[tuple[Business, list[Product]] | None, list[ContentError], Any, list[str]]


class Memo:
    """What the live preview keeps of its previous validation, owned and passed in by the
    preview: each business by folder, with a signature of every file it read (its folder,
    site.yaml, categories.yaml), so a business whose signature is unchanged is not read or
    validated again; and the site-wide files last read without a problem."""

    def __init__(self) -> None:
        self.results: dict[Path, tuple[str, BusinessResult]] = {}
        # The folders an edit touched, when the file watcher knows them: the others are
        # trusted without their signatures (0.9 s of stat calls at 3,111 businesses), and
        # the site-wide files and the list of folders are those last read without a problem.
        self.changed: set[Path] | None = None
        self.sources: ContentSources | None = None

    def key(self, folder: Path, shared: str) -> str:
        known = self.results.get(folder)
        if self.changed is not None and known is not None and folder not in self.changed:
            return known[0]
        return shared + _tree_signature(folder)


def signature(files: list[Path]) -> str:
    parts = []
    for file in files:
        try:
            stat = file.stat()
            parts.append(f"{file}:{stat.st_mtime_ns}:{stat.st_size}")
        except OSError:
            parts.append(f"{file}:-")
    return "|".join(parts)


def _tree_signature(folder: Path) -> str:
    """Every file and folder under `folder`, with its size and modification time."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(parent, name) for name in sorted(files)]
        found.append(Path(parent))
    return signature(found)
