"""The output folder: write everything into a temporary sibling, swap it in on success.

A failed or interrupted build never touches the previous output. Every output path is
written once; a second write means two pages claim one URL, which is a bug we refuse.
Unchanged files are hard-linked from the previous output or from the image cache.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of ours from before is stale by definition
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux's renameat2 with RENAME_EXCHANGE); False where the
    system or its file system cannot, so that the caller falls back to two renames."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    here, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if renameat2(here, os.fsencode(first), here, os.fsencode(second), exchange) == 0:
        return True
    failure = ctypes.get_errno()
    if failure in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(failure, os.strerror(failure), str(second))


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
        """Clean up after an interrupted build (temporary and old folders of dead processes).

        A build killed between the two renames of `commit` left no output folder but the
        previous site as `.NAME.old-PID`: that one is put back first.
        """
        stale = [
            folder
            for folder in self.out.parent.glob(f".{self.out.name}.*-*")
            if folder.is_dir() and folder.name.rsplit("-", 1)[-1].isdigit()
            and not _running(int(folder.name.rsplit("-", 1)[-1]))
        ]  # fmt: skip
        previous = [folder for folder in stale if folder.name.startswith(f".{self.out.name}.old-")]
        if previous and not self.out.exists():
            newest = max(previous, key=lambda folder: folder.stat().st_mtime)
            newest.rename(self.out)
            stale.remove(newest)
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)

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

    def claimed_file(self, path: str) -> Path:
        """Where a claimed path is written, for a producer that writes the file itself (PDFs)."""
        return self._file(path)

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

    def keep_previous(self, keys: dict[str, str]) -> dict[str, str]:
        """Link every file of the current output nobody claimed; return their manifest `keys`.

        Old PDFs are not kept: the ones still wanted were written again.
        """
        kept = {}
        if self.out.is_dir():
            for file in sorted(self.out.rglob("*")):
                path = file.relative_to(self.out).as_posix()
                if file.is_file() and path not in self.written and not path.endswith(".pdf"):
                    self.link(path, file)
                    if path in keys:
                        kept[path] = keys[path]
        return kept

    def commit(self) -> None:
        """Swap the new output in, then remove the old folder.

        On Linux one system call swaps the two folders, so there is no moment without an
        output folder. Elsewhere it takes two renames; a build killed between them leaves the
        previous site as `.NAME.old-PID`, which `recover` puts back.
        """
        if self.out.exists() and _exchange(self.tmp, self.out):
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        if self.out.exists():
            self.out.rename(old)
        self.tmp.rename(self.out)
        shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
