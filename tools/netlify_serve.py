"""Serve a built site as Netlify serves it: netlify.toml's headers, the 404 page, text
compressed with gzip. For the tests (tests/conftest.py) and the benchmarks (bench/)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

NETLIFY = tomllib.loads((Path(__file__).resolve().parent.parent / "netlify.toml").read_text(encoding="utf-8"))
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".yml")  # as Netlify does


def headers_for(path: str) -> dict[str, str]:
    """The headers Netlify sends for `path`: those of every rule whose `for` matches it."""
    found: dict[str, str] = {}
    for rule in NETLIFY["headers"]:
        pattern = "^" + re.escape(rule["for"]).replace(r"\*", ".*") + "$"
        if re.match(pattern, path):
            for name, value in rule["values"].items():
                assert name not in found, f"{name} set by two rules for {path}: Netlify would combine them"
                found[name] = value
    return found


class NetlifyHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with netlify.toml's headers and the 404 page, as Netlify does."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml",
    }

    def do_GET(self) -> None:
        file = Path(self.translate_path(self.path))
        if file.is_dir() and self.path.split("?")[0].endswith("/"):
            file = file / "index.html"
        if file.suffix in COMPRESSED and file.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(file.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        for name, value in headers_for(self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection early (a page left mid-load) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def netlify_server(folder: Path) -> Iterator[str]:
    """Serve a built site as Netlify would, on a free port; gives its base URL."""
    handler = functools.partial(NetlifyHandler, directory=str(folder))
    httpd = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
