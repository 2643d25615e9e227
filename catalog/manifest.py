"""What each output page was built from (a fingerprint per path), kept between builds.

Stored in the cache folder, keyed by the output folder, so the output itself stays a
clean deployable site. A missing or unreadable manifest only means a full render.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .jsonfile import read_mapping, write_atomic


class Manifest:
    """Page fingerprints of the last build, valid only for the output folder that build wrote.

    Each build swaps in a new folder, so the folder's inode identifies the build that made
    it; a manifest whose inode does not match (another cache built this output, or a build
    was killed after its swap) is ignored and every page is rendered.
    """

    def __init__(self, cache_dir: Path, out: Path) -> None:
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        self.out = out
        self.file = cache_dir / "pages" / f"{name}.json"
        saved = read_mapping(self.file)
        valid = saved.get("output") == _identity(out) and isinstance(saved.get("pages"), dict)
        self.previous: dict[str, str] = saved["pages"] if valid else {}
        self.stamp: str | None = saved.get("stamp") if valid else None
        self.language: str = saved.get("language", "id") if valid else "id"
        self.pdf_pages: dict[str, int] = saved.get("pdf_pages", {}) if valid else {}
        self.current: dict[str, str] = {}
        self.current_pdf_pages: dict[str, int] = {}

    def same_inputs(self, stamp: str) -> bool:
        """True when the output folder is the last build's and its inputs were exactly these."""
        return self.stamp == stamp

    def unchanged(self, path: str, key: str) -> bool:
        return self.previous.get(path) == key

    def record(self, path: str, key: str, pdf_pages: int | None = None) -> None:
        self.current[path] = key
        if pdf_pages is not None:
            self.current_pdf_pages[path] = pdf_pages

    def save(self, stamp: str | None, language: str) -> None:
        """Record this build's pages, inputs and output folder (call after the swap).

        `stamp` None says the output is not a full build of its inputs (`pdf` rebuilt only
        the PDFs), so the next build may not skip everything.
        """
        data = {
            "output": _identity(self.out),
            "stamp": stamp,
            "pages": self.current,
            "pdf_pages": self.current_pdf_pages,
            "language": language,
        }
        write_atomic(self.file, json.dumps(data, sort_keys=True))


def _identity(out: Path) -> str | None:
    try:
        stat = out.stat()
    except OSError:
        return None
    return f"{stat.st_dev}:{stat.st_ino}"


def inputs_stamp(folders: list[Path], settings: str) -> str:
    """A fingerprint of every file (path, size, mtime) under `folders`, plus `settings`.

    Cheap enough to compute on every build (one stat per file), and exact enough to say
    "nothing changed since the last successful build".
    """
    digest = hashlib.sha256(settings.encode())
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:  # a dangling symlink: validation reports it if it matters
                    digest.update(f"{root}/{name}|missing\n".encode())
                    continue
                digest.update(f"{root}/{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
