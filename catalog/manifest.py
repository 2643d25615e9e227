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
    def __init__(self, cache_dir: Path, out: Path) -> None:
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        self.file = cache_dir / "pages" / f"{name}.json"
        self.stamp_file = cache_dir / "pages" / f"{name}.stamp"
        self.previous = read_mapping(self.file)
        self.current: dict[str, str] = {}

    def same_inputs(self, stamp: str) -> bool:
        """True when the last successful build into this output had exactly these inputs."""
        try:
            return self.stamp_file.read_text() == stamp
        except OSError:
            return False

    def save_stamp(self, stamp: str) -> None:
        write_atomic(self.stamp_file, stamp)

    def unchanged(self, path: str, key: str) -> bool:
        return self.previous.get(path) == key

    def record(self, path: str, key: str) -> None:
        self.current[path] = key

    def save(self) -> None:
        write_atomic(self.file, json.dumps(self.current, sort_keys=True))


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
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
