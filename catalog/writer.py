"""The output folder: write everything into a temporary sibling, swap it in on success.

A failed or interrupted build never touches the previous output. Every output path is
written once; a second write means two pages claim one URL, which is a bug we refuse.
Unchanged files are hard-linked from the previous output or from the image cache.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class DuplicateOutput(Exception):
    """Two outputs claim the same path."""


class OutputWriter:
    def __init__(self, out: Path) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.recover()
        self.tmp = self.out.parent / f".{self.out.name}.tmp-{os.getpid()}"
        self.tmp.mkdir()
        self.written: set[str] = set()

    def recover(self) -> None:
        """Remove what an interrupted build left: stale temporary and old folders."""
        for stale in self.out.parent.glob(f".{self.out.name}.*-*"):
            if stale.name.rsplit("-", 1)[-1].isdigit() and stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)

    def claim(self, path: str) -> None:
        """Reserve `path`; a second claim means two outputs want one URL."""
        if path in self.written:
            raise DuplicateOutput(path)
        self.written.add(path)

    def write_bytes(self, path: str, data: bytes) -> None:
        self.claim(path)
        self.write_claimed(path, data)

    def write_text(self, path: str, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    def link(self, path: str, source: Path) -> None:
        """Publish an existing file (cache or previous output) without copying its bytes."""
        self.claim(path)
        self.link_claimed(path, source)

    def write_claimed(self, path: str, data: bytes) -> None:
        """Write a claimed path (safe in worker processes: no shared bookkeeping)."""
        self._file(path).write_bytes(data)

    def link_claimed(self, path: str, source: Path) -> None:
        file = self._file(path)
        try:
            os.link(source, file)
        except OSError:
            shutil.copyfile(source, file)

    def _file(self, path: str) -> Path:
        file = self.tmp / path
        file.parent.mkdir(parents=True, exist_ok=True)
        return file

    def previous(self, path: str) -> Path | None:
        """The file at `path` in the current output, if any (to reuse an unchanged page)."""
        file = self.out / path
        return file if file.is_file() else None

    def commit(self) -> None:
        """Swap the new output in: two renames, the old folder removed afterwards."""
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        if self.out.exists():
            self.out.rename(old)
        self.tmp.rename(self.out)
        shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
