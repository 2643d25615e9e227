"""Files in the cache and the output: read leniently, write atomically, reuse only if intact.

A cache file that is missing, half-written by a killed build or not what we expect
only means "start from nothing"; writing goes through a temporary name so readers
never see half a file, and a write that fails (a full disk) leaves no temporary behind.
A file reused from an earlier build is checked against the stamp recorded when it was
written (`stamp`, `still_intact`), so a truncated or altered file is made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# [size, mtime_ns, sha256]: what a file was when it was written
Stamp = list[Any]


def read_mapping(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_atomic(file: Path, data: str | bytes, durable: bool = False) -> None:
    """Write `file` whole or not at all (text as UTF-8). `durable`, for an editor's own file
    (a photo `foto` shrinks): flushed to disk before it replaces the old one, whose
    permissions it keeps."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        with naming(tmp), tmp.open("wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if durable and file.exists():
            os.chmod(tmp, file.stat().st_mode & 0o777)
        tmp.replace(file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def naming(file: Path) -> Iterator[None]:
    """An OSError raised while writing `file` names it: a failed write() (ENOSPC, EFBIG)
    carries no file name of its own, and the message must say where the disk is full."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(file)
        raise


def stamp(file: Path, data: bytes | None = None) -> Stamp:
    """The stamp of a file just written (`data`: its bytes, when still in memory)."""
    stat = file.stat()
    return [
        stat.st_size,
        stat.st_mtime_ns,
        _digest(file) if data is None else hashlib.sha256(data).hexdigest(),
    ]


def still_intact(file: Path, saved: Any) -> Stamp | None:
    """`file`'s stamp if it still holds the bytes `saved` recorded, else None.

    Size and time stamp equal: trusted without reading (one stat; hashing the 37,000 pages
    of the 31k catalog would cost about 1.5 s a build). Same size, time stamp moved (a
    touch, a copy): the hash decides. Anything else (truncated, altered) is not reused."""
    try:
        size, mtime, digest = saved
        stat = file.stat()
    except (OSError, TypeError, ValueError):
        return None
    if stat.st_size != size:
        return None
    if stat.st_mtime_ns == mtime:
        return [size, mtime, digest]
    try:
        same = _digest(file) == digest
    except OSError:
        return None
    return [size, stat.st_mtime_ns, digest] if same else None


def _digest(file: Path) -> str:
    with file.open("rb") as opened:
        return hashlib.file_digest(opened, "sha256").hexdigest()
