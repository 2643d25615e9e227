"""Pagefind's indexing service, spoken to directly, and a bundle's files written atomically."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from catalog.core.jsonfile import naming, stamp, write_atomic
from catalog.outputs.search.bundle import sorts_apart, steady

SUMS = ".sums.json"  # in each cached bundle: every file's stamp as written (never published)
CODE = ("pagefind.js", "pagefind-worker.js")  # with the WebAssembly, what only the router carries


def published_file(path: str, language: str, with_code: bool) -> bool:
    """Which of the files Pagefind makes a bundle keeps: its data, and for the router also
    Pagefind's script, worker and WebAssembly. The parts are merged into the router's
    instance and run on its WebAssembly; Pagefind's ready-made interfaces are not used."""
    if "/" in path or path.endswith(".pf_meta") or path == "pagefind-entry.json":
        return True
    return with_code and (path in CODE or path == f"wasm.{language}.pagefind")


def write_bundle(published: dict[str, bytes], out: Path) -> None:
    """Write a bundle's files and their stamps through a temporary folder, then move it to
    `out` (replacing a damaged one). A failed write (a full disk) leaves no temporary folder."""
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        sums = {}
        for path, data in published.items():
            target = tmp / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with naming(target):
                target.write_bytes(data)
            sums[path] = stamp(target, data)
        write_atomic(tmp / SUMS, json.dumps(sums, sort_keys=True))
        shutil.rmtree(out, ignore_errors=True)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


class Service:
    """Pagefind's indexing service (`pagefind --service`), spoken to directly.

    The `pagefind` package's Python client waits 100 ms before reading each answer, which is
    52 minutes for 31,000 records; this client writes the requests from a thread while it
    reads the answers, and indexes 31,000 records in about 20 s. The protocol is the one that
    client speaks: base64 of a JSON message, then a comma, both ways. The bundle's files come
    back in an answer (GetFiles) and are written here, atomically.
    """

    def __init__(self) -> None:
        from pagefind_bin import get_executable

        self.process = subprocess.Popen(
            [str(get_executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 0
        self.buffer = bytearray()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()

    def index(
        self,
        items: Iterable[dict[str, Any]],
        language: str,
        out: Path,
        with_code: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        """Index `items` into a new bundle written atomically at `out` (`published_file`),
        with the `extra` files (name -> text) beside Pagefind's."""
        index_id = self._call({"type": "NewIndex", "config": {"force_language": language}})["index_id"]
        requests = [
            self._encode({"type": "AddRecord", "index_id": index_id, "language": language, **item})
            for item in items
        ]
        writer = threading.Thread(target=self._send_all, args=(requests,))
        writer.start()
        errors = [answer for answer in (self._read() for _ in requests) if answer["type"] != "IndexedFile"]
        writer.join()
        if errors:
            raise RuntimeError(f"pagefind: {errors[0]}")
        # The files come back in the answer and are written here: Pagefind's own WriteFiles
        # answers before its last file is written (an empty pagefind-entry.json was seen).
        files = self._call({"type": "GetFiles", "index_id": index_id})["files"]
        self._call({"type": "DeleteIndex", "index_id": index_id})
        published = {
            file["path"]: base64.b64decode(file["content"])
            for file in files
            if published_file(file["path"], language, with_code)
        }
        published = steady(published, language)
        if not with_code:  # a part: a search by relevance need not download the sort orders
            published = sorts_apart(published, language)
        published |= {name: text.encode() for name, text in (extra or {}).items()}
        write_bundle(published, out)

    def _encode(self, payload: dict[str, Any]) -> bytes:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        return base64.b64encode(json.dumps(message, ensure_ascii=False).encode()) + b","

    def _send_all(self, requests: list[bytes]) -> None:
        assert self.process.stdin is not None
        for request in requests:
            self.process.stdin.write(request)
        self.process.stdin.flush()

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._send_all([self._encode(payload)])
        answer = self._read()
        if answer["type"] == "Error":
            raise RuntimeError(f"pagefind: {answer.get('message')}")
        return answer

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        searched = 0  # a large answer (GetFiles) arrives in many chunks: look at each once
        while (end := self.buffer.find(b",", searched)) < 0:
            searched = len(self.buffer)
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                raise RuntimeError("pagefind: the indexing service stopped")
            self.buffer += chunk
        message = bytes(self.buffer[:end])
        del self.buffer[: end + 1]
        return json.loads(base64.b64decode(message))["payload"]
