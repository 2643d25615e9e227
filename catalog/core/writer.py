"""The output folder: write everything into a temporary sibling, swap it in on success.

A failed or interrupted build never touches the previous output. Every output path is
written once; a second write means two pages claim one URL, which is a bug we refuse.
Unchanged files are hard-linked from the previous output or from the image cache.

The build owns only what it writes. Every path it wrote is listed in the output folder
itself (`RECORD`, so the list survives a deleted cache and travels with a deploy
repository); any other file there (a deploy repository's `.git`, `CNAME`, `.well-known/`)
is hard-linked into the new folder before the swap, so it survives every build and a
killed one. A listed path the build no longer writes (a deleted product's page) is gone.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from catalog.core.jsonfile import naming

RECORD = ".galeri-files"  # in the output folder: every path the last build wrote, one a line
RECORD_HEADER = (
    "# Galeri IKM: berkas yang ditulis build terakhir di folder ini. Build berikutnya mengganti\n"
    "# atau menghapus berkas di daftar ini dan membiarkan berkas lain (.git, CNAME, .well-known/).\n"
)


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


def read_record(out: Path) -> set[str] | None:
    """The paths the build that made `out` wrote; None when it has no record (an output
    of an older version, or a folder no build made yet)."""
    try:
        lines = (out / RECORD).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return {line for line in lines if line and not line.startswith("#")}


def _previously_written(out: Path) -> set[str] | None:
    """What the build that made `out` wrote: its record; nothing, in a folder without a site
    (a fresh deploy repository: all of it is foreign); unknown (None) in a site without a
    record (an older version's or another generator's), of which only `conventional` is kept."""
    written = read_record(out)
    if written is None and not (out / "index.html").is_file():
        return set()
    return written


def conventional(path: str) -> bool:
    """What a folder with no record may hold besides a site: hidden entries (.git, .nojekyll,
    .well-known/...) and a custom domain's CNAME. Without a record, only these are kept."""
    return path == "CNAME" or any(part.startswith(".") for part in path.split("/"))


def accepts(out: Path) -> bool:
    """Whether `out` may be an output folder: empty, a site (ours or another generator's),
    a git working tree (a deploy repository) or only hidden entries and CNAME."""
    entries = [entry.name for entry in out.iterdir()]
    markers = ("index.html", RECORD, ".git")
    return any(name in entries for name in markers) or all(conventional(name) for name in entries)


def seal(folder: Path, paths: Iterable[str]) -> str | None:
    """A digest of the size and time stamp of every file a build wrote (one stat each,
    about 0.2 s for the 40,000 files of the 31k catalog): equal after the build, so a file
    since truncated, edited or removed makes the next build a real one. None: one is missing."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        try:
            stat = os.stat(folder / path)
        except OSError:
            return None
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def output_seal(out: Path) -> str | None:
    """`seal` of the output folder as it is now, over the paths its record lists."""
    written = read_record(out)
    return None if written is None else seal(out, written)


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
        self.owned = _previously_written(self.out)  # None: unknown
        self.seal: str | None = None  # the new output's seal, once committed

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

    def write_claimed(self, path: str, data: bytes) -> Path:
        """Write a claimed path (safe in worker processes: no shared bookkeeping)."""
        file = self._file(path)
        with naming(file):
            file.write_bytes(data)
        return file

    def link_claimed(self, path: str, source: Path) -> None:
        _link(source, self._file(path))

    def _file(self, path: str) -> Path:
        file = self.tmp / path
        file.parent.mkdir(parents=True, exist_ok=True)
        return file

    def previous(self, path: str) -> Path | None:
        """The file at `path` in the current output, if any (to reuse an unchanged page)."""
        file = self.out / path
        return file if file.is_file() else None

    def keep_previous(self, keys: dict[str, str]) -> dict[str, str]:
        """Link every file the previous build wrote that nobody claimed; return their
        manifest `keys`. Old PDFs are not kept: the ones still wanted were written again.
        """
        kept = {}
        for path in sorted(self._previous_files()):
            file = self.out / path
            if path not in self.written and not path.endswith(".pdf") and file.is_file():
                self.link(path, file)
                if path in keys:
                    kept[path] = keys[path]
        return kept

    def _previous_files(self) -> Iterable[str]:
        if self.owned is not None:
            return self.owned
        if not self.out.is_dir():
            return []
        files = (file.relative_to(self.out).as_posix() for file in self.out.rglob("*") if file.is_file())
        return [path for path in files if not conventional(path)]

    def commit(self) -> None:
        """Carry over the files no build wrote, list the ones this build wrote, swap the new
        output in, then remove the old folder.

        On Linux one system call swaps the two folders, so there is no moment without an
        output folder. Elsewhere it takes two renames; a build killed between them leaves the
        previous site as `.NAME.old-PID`, which `recover` puts back.
        """
        if self.out.is_dir():
            self._carry_foreign(self.out, "", self._owned_folders())
        record = self.tmp / RECORD
        with naming(record):
            record.write_text(RECORD_HEADER + "".join(f"{path}\n" for path in sorted(self.written)), "utf-8")
        self.seal = seal(self.tmp, self.written)
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

    def _owned_folders(self) -> set[str] | None:
        """Every folder holding a file the previous build wrote (None: no record)."""
        if self.owned is None:
            return None
        return {path.rsplit("/", depth)[0] for path in self.owned for depth in range(1, path.count("/") + 1)}

    def _carry_foreign(self, folder: Path, prefix: str, owned_folders: set[str] | None) -> None:
        """Link into the new folder every file under `folder` that no build wrote; a folder
        holding nothing a build wrote (.git) goes over whole. A path this build wrote is its own."""
        with os.scandir(folder) as entries:
            for entry in entries:
                path, target = prefix + entry.name, self.tmp / prefix / entry.name
                if not entry.is_dir(follow_symlinks=False):
                    if path != RECORD and path not in self.written and self._foreign(path):
                        target.parent.mkdir(parents=True, exist_ok=True)
                        _carry(entry, target)
                elif path in self.written:
                    continue
                elif self._foreign(path) if owned_folders is None else path not in owned_folders:
                    shutil.copytree(
                        entry.path, target, symlinks=True, copy_function=_link, dirs_exist_ok=True
                    )
                else:
                    self._carry_foreign(Path(entry.path), path + "/", owned_folders)

    def _foreign(self, path: str) -> bool:
        return conventional(path) if self.owned is None else path not in self.owned


def _carry(entry: os.DirEntry[str], target: Path) -> None:
    """A foreign file into the new folder as it is: a symbolic link stays a link."""
    if not entry.is_symlink():
        _link(entry.path, target)
    elif not os.path.lexists(target):
        os.symlink(os.readlink(entry.path), target)


def _link(source: Path | str, target: Path | str) -> None:
    """Hard-link `source` at `target` (a copy where the file system cannot); an existing
    `target` is a file the build wrote, which wins."""
    if os.path.lexists(target):
        return
    try:
        os.link(source, target)
    except OSError:
        with naming(Path(target)):
            shutil.copyfile(source, target)
