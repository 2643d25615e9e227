"""What each output page was built from (a fingerprint per path), kept between builds.

Stored in the cache folder, keyed by the output folder, so the output itself stays a
clean deployable site. A missing or unreadable manifest only means a full render. Each
page and PDF also has the stamp it had when written (`jsonfile.stamp`): one that no longer
matches (truncated, edited in the output) is made again, never reused.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from catalog.core.jsonfile import Stamp, read_mapping, still_intact, write_atomic
from catalog.core.jsonfile import stamp as stamp_of


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
        self.files: dict[str, Stamp] = saved.get("files", {}) if valid else {}
        self.seal: str | None = saved.get("seal") if valid else None
        self.drafts: list[str] = (
            saved.get("drafts", []) if valid else []
        )  # left out, told again when unchanged
        self.current: dict[str, str] = {}
        self.current_pdf_pages: dict[str, int] = {}
        self.current_files: dict[str, Stamp] = {}
        self.stamped: dict[str, str] = {}  # the key each stamp was taken with

    def same_inputs(self, stamp: str) -> bool:
        """True when the output folder is the last build's and its inputs were exactly these."""
        return self.stamp == stamp

    def same_output(self, seal: str | None) -> bool:
        """True when every file the last build wrote is still as written (writer.seal)."""
        return seal is not None and self.seal == seal

    def unchanged(self, path: str, key: str) -> bool:
        return self.previous.get(path) == key

    def reusable(self, path: str, key: str, file: Path | None) -> Stamp | None:
        """The stamp of the previous output's `file` when it may be reused for `path`: made
        from the same inputs (`key`) and still the bytes that build wrote."""
        if file is None or not self.unchanged(path, key):
            return None
        return still_intact(file, self.files.get(path))

    def record(self, path: str, key: str, pdf_pages: int | None = None, stamp: Stamp | None = None) -> None:
        self.current[path] = key
        if pdf_pages is not None:
            self.current_pdf_pages[path] = pdf_pages
        if stamp is not None:
            self.current_files[path] = stamp
            self.stamped[path] = key

    def save(
        self, stamp: str | None, language: str, seal: str | None = None, drafts: tuple[str, ...] = ()
    ) -> None:
        """Record this build's pages, inputs and output folder (call after the swap).

        `stamp` None says the output is not a full build of its inputs (`pdf` rebuilt only
        the PDFs), so the next build may not skip everything.
        """
        self._stamp_rewritten()
        data = {
            "output": _identity(self.out),
            "stamp": stamp,
            "pages": self.current,
            "pdf_pages": self.current_pdf_pages,
            "files": self.current_files,
            "seal": seal,
            "language": language,
            "drafts": list(drafts),
        }
        write_atomic(self.file, json.dumps(data, sort_keys=True))

    def _stamp_rewritten(self) -> None:
        """Pages rewritten in place since they were recorded (the preview's quick path sets
        their new key alone) get the stamp of what is in the file now."""
        for path, key in self.current.items():
            if path in self.current_files and self.stamped.get(path) != key:
                try:
                    self.current_files[path] = stamp_of(self.out / path)
                except OSError:
                    del self.current_files[path]  # unknown: rendered again next time
                self.stamped[path] = key


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
