"""Which files changed, as the operating system reports them (through `watchfiles`).

livereload polls: every 800 ms it compares the modification time of every watched file,
40,000 of them at 3,111 businesses, so an edit waited up to a second before the preview
even knew of it, and the preview could not tell which file it was. `watchfiles` (Rust's
`notify`: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) names
the files at once, as Lektor's watcher does.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import watchfiles

STEP = 10  # ms without a new event that ends one save (an editor writes, renames, chmods)
DEBOUNCE = 50  # ms at most that one batch gathers: watchfiles' 1,600 would lose the 300 ms goal


def changes(folders: list[Path], stop: threading.Event) -> Iterator[list[Path]]:
    """The files (and folders) created, written, moved or deleted under `folders`, one list
    per save, until `stop` is set; editors' scratch files and hidden folders left out."""
    roots = [Path(os.path.abspath(folder)) for folder in folders]
    batches = watchfiles.watch(
        *roots,
        watch_filter=lambda _, path: not _ignored(Path(path), roots),
        debounce=DEBOUNCE,
        step=STEP,
        stop_event=stop,
    )
    for batch in batches:
        yield sorted({Path(path) for _, path in batch})


def _ignored(path: Path, roots: list[Path]) -> bool:
    """An editor's scratch file, or anything in a hidden folder (.git) of a watched folder."""
    root = next((root for root in roots if path.is_relative_to(root)), None)
    inside = path.relative_to(root).parts[:-1] if root else ()
    return _scratch(path) or any(part.startswith(".") for part in inside)


def _scratch(path: Path) -> bool:
    """An editor's swap or backup file (.x.swp, x~, #x#), not content."""
    return path.name.startswith((".", "#")) or path.name.endswith("~")
