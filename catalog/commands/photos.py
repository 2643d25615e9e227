"""`foto`: shrink originals to what print needs, in place (docs/photos.md)."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from rich.console import Console

from catalog.core.errors import UsageError


def run_photos(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Shrink originals to what print needs (docs/photos.md); exit 1 if one could not be."""
    from catalog.images import intake

    missing = [path for path in args.paths or [args.content] if not path.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: tidak ada")
    dirty: list[Path] = []
    if args.staged:
        try:
            files, dirty = intake.staged(args.content)
        except (OSError, subprocess.CalledProcessError):
            raise UsageError("--staged: folder ini bukan repositori git") from None
        if not files and not dirty:
            return 0  # a commit without photos: nothing to say
    else:
        files = list(intake.photos(args.paths or [args.content]))
    changed, fine, failed = intake.run(files, args.dry_run)
    for change in changed:
        out.print(intake.describe(change, args.dry_run), markup=False)
    if args.staged and not args.dry_run:
        intake.restage(change.path for change in changed)
    for failure in failed:
        err.print(f"{failure.path}: foto tidak diubah: {failure.detail}", markup=False)
    for path in dirty:
        err.print(
            f"{path}: diubah lagi setelah `git add`; jalankan `python build.py foto {path}`, "
            f"lalu `git add {path}`",
            markup=False,
        )
    out.print(intake.summary(changed, len(fine), args.dry_run), markup=False)
    return 1 if failed or dirty else 0
