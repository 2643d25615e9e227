"""Problems as the editor reads them: content problems one per line with a summary, and what
the machine refused (a full disk, a folder without write permission) as one plain message."""

from __future__ import annotations

import errno
from pathlib import Path

from rich.console import Console

from catalog.core.errors import ContentErrors
from catalog.core.messages import message


def machine_problem(exc: OSError, out: Path, cache: Path) -> str:
    """What the machine refused (a full disk, a folder without write permission), as one
    message naming the path and what to do."""
    path = exc.filename2 or exc.filename or f"{out}/ / {cache}/"  # unnamed: one of the two
    details = {"path": path, "detail": exc.strerror or exc, "out": out}
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return message("disk_full", **details)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if Path(path).resolve().is_relative_to(cache.resolve()):
            return message("no_permission_cache", cache=cache, **details)
        return message("no_permission_out", **details)
    return message("os_error", **details)


def print_problems(exc: ContentErrors, err: Console, out_dir: Path | None) -> list[str]:
    """Print every problem and the summary line; return the problems' lines."""
    lines = [str(error) for error in exc.errors]
    for line in lines:
        err.print(line, markup=False, soft_wrap=True)
    count = len(exc.errors)
    summary = message("summary_kept", exc.language, count=count, out=out_dir) if out_dir else None
    err.print(summary or message("summary", exc.language, count=count), markup=False)
    return lines
