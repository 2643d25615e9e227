"""Which files changed, as the kernel reports them (Linux inotify, through ctypes).

livereload polls: every 800 ms it compares the modification time of every watched file,
40,000 of them at 3,111 businesses, so an edit waited up to a second before the preview
even knew of it, and the preview could not tell which file it was. inotify names the file
at once. Where it is missing (not Linux), `Inotify.open` returns None and the preview
keeps livereload's polling.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
from pathlib import Path

IN_MODIFY = 0x002
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
EVENTS = IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MODIFY
HEADER = struct.Struct("iIII")  # wd, mask, cookie, len; then the name, NUL-padded


class Inotify:
    """Watches folders and everything under them; `changed()` drains the kernel's events."""

    def __init__(self, libc: ctypes.CDLL, fd: int) -> None:
        self.libc = libc
        self.fd = fd
        self.folders: dict[int, Path] = {}

    @classmethod
    def open(cls, roots: list[Path]) -> Inotify | None:
        name = ctypes.util.find_library("c")
        if not name or not hasattr(os, "O_NONBLOCK"):
            return None
        libc = ctypes.CDLL(name, use_errno=True)
        if not hasattr(libc, "inotify_init1"):
            return None
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return None
        watcher = cls(libc, fd)
        for root in roots:
            if root.is_dir() and not watcher.add_tree(root):
                watcher.close()  # too many folders for the system's limit: poll instead
                return None
        return watcher

    def add_tree(self, root: Path) -> bool:
        for folder, dirs, _ in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            wd = self.libc.inotify_add_watch(self.fd, os.fsencode(folder), EVENTS)
            if wd < 0:
                return False
            self.folders[wd] = Path(folder)
        return True

    def changed(self) -> list[Path]:
        """The files (and folders) created, written, moved or deleted since the last call."""
        found: list[Path] = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return found
            offset = 0
            while offset + HEADER.size <= len(data):
                wd, mask, _, length = HEADER.unpack_from(data, offset)
                raw = data[offset + HEADER.size : offset + HEADER.size + length].rstrip(b"\0")
                offset += HEADER.size + length
                folder = self.folders.get(wd)
                if folder is None:
                    continue
                path = folder / os.fsdecode(raw) if raw else folder
                found.append(path)
                if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO):
                    self.add_tree(path)  # a new folder: watch it, and report what it holds
                    found += [Path(parent, name) for parent, _, files in os.walk(path) for name in files]
                if mask & IN_DELETE_SELF:
                    self.folders.pop(wd, None)

    def close(self) -> None:
        os.close(self.fd)
