"""`serve`: build, serve the output, rebuild on every change, reload the open browser.

The site is swapped in atomically by the writer, so the server never serves a
half-built site. While the last build failed, every page answers with an overlay that
lists the same problems as the terminal; saving a fix rebuilds and the browser reloads
into the site again. No content mistake, deleted file or half-written file stops the
server, not even on the first build. The server answers at once: while the first build
runs (its stages shown in the terminal), every page says the site is being built and reloads
itself. The preview leaves the PDFs out: their QR codes would point at this local address,
and a catalog takes seconds to lay out (`python build.py pdf` makes them).
"""

from __future__ import annotations

import dataclasses
import errno
import html
import logging
import mimetypes
import re
import socket
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from catalog.core.messages import message
from catalog.pipeline import BuildOptions, check_output_folder
from catalog.serve.watch import changes

Rebuild = Callable[[BuildOptions, list[Path] | None], list[str]]  # the problems shown, none when it built


class PortUnavailable(Exception):
    """The preview cannot listen where it was asked to (a port in use, an unknown host)."""


def serve(options: BuildOptions, host: str, port: int, rebuild: Rebuild, ready: Callable[[str], None]) -> int:
    """Serve the preview until interrupted; `ready` is told its address once the port is ours."""
    check_output_folder(options)  # a refused --out is a usage error, before anything is served
    check_port(host, port)  # before the first build, and before livereload says "Serving on"
    options = dataclasses.replace(options, pdf=False, feeds=False, search=False)
    if not options.base_url:
        options = dataclasses.replace(options, base_url=f"http://{host}:{port}/")
    preview = Preview(options.out, building=True)
    folders = [folder for folder in dict.fromkeys([options.content, *options.theme_roots]) if folder.is_dir()]
    watcher = _Watcher(folders, lambda changed: preview.edit(rebuild, options, changed))
    server = _Server(app=preview, watcher=watcher)
    # The browser is answered at once: the first build (47 s at 31k products) runs beside it.
    threading.Thread(target=preview.first_build, args=(rebuild, options), daemon=True).start()
    ready(f"http://{host}:{port}/")
    try:
        server.serve(host=host, port=port, open_url_delay=None, restart_delay=0, live_css=False, debug=False)
    except OSError as exc:  # taken in the moment since `check_port`
        raise _unavailable(host, port, exc) from None
    finally:
        watcher.stop()
    return 0


def check_port(host: str, port: int) -> None:
    """Bind the address as the server will (tornado, SO_REUSEADDR), then let it go."""
    try:
        sockets = bind_sockets(port, host)
    except OSError as exc:  # socket.gaierror too: a host name that does not resolve
        raise _unavailable(host, port, exc) from None
    for bound in sockets:
        bound.close()


def _unavailable(host: str, port: int, exc: OSError) -> PortUnavailable:
    other = port + 1 if port < 65535 else 8000
    if exc.errno == errno.EADDRINUSE:
        return PortUnavailable(message("port_busy", port=port, other=other))
    detail = exc.strerror or str(exc)
    if isinstance(exc, socket.gaierror):
        detail = f"alamat {host} tidak dikenal"
    return PortUnavailable(message("port_unavailable", host=host, port=port, detail=detail, other=other))


class _Server(Server):  # type: ignore[misc]
    """livereload whose reload script `Preview` adds to HTML pages only.

    livereload's own WSGI container adds it before every `</head>` of any response:
    decap-cms.js holds that text in a string, and the bundle, so changed, no longer parses
    (a blank /admin/)."""

    def get_web_handlers(self, script: bytes) -> list[Any]:
        self.app.script = script
        return super().get_web_handlers(b"")

    def _setup_logging(self) -> None:
        """Only livereload's warnings and errors reach the terminal: its English "Serving on",
        "Start watching changes" and "Reload 0 waiters" lines mean nothing to an editor, and
        the command says where the preview is itself (`serve_ready`)."""
        channel = logging.StreamHandler()
        channel.setLevel(logging.WARNING)
        for name in ("livereload", "tornado"):
            logging.getLogger(name).addHandler(channel)
        logging.getLogger("livereload").setLevel(logging.WARNING)


class _Watcher(Watcher):  # type: ignore[misc]
    """Applies each save as soon as the operating system reports it, then reloads the open pages.

    The preview knows which files changed, at once, and may update only the pages they
    touch. A thread waits for the changes (`watch.changes`) and hands them to the server's
    loop, which applies them one after another; the saves that come in meanwhile are applied
    together. The whole page reloads: livereload would swap a changed stylesheet or image in
    place by its source file name, which the site's hashed names never match, and it skips a
    reload within 3 s of the last one, which could leave the problems page up."""

    def __init__(self, folders: list[Path], apply: Callable[[list[Path]], None]) -> None:
        super().__init__()
        for folder in folders:  # named, or livereload adds the working folder (never polled)
            self.watch(str(folder))
        self.folders = folders
        self.apply = apply
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.pending: list[Path] = []
        self.flushing = False

    def start(self, callback: Callable[[], None]) -> bool:
        """Watch in a thread; True tells livereload not to poll."""
        loop = IOLoop.current()
        threading.Thread(target=self._wait, args=(loop,), daemon=True).start()
        return True

    def stop(self) -> None:
        self.stopped.set()

    def _wait(self, loop: IOLoop) -> None:
        for changed in changes(self.folders, self.stopped):
            with self.lock:
                self.pending += changed
                if self.flushing:
                    continue  # the loop has yet to apply the last batch: this one joins it
                self.flushing = True
            loop.add_callback(self._flush)

    def _flush(self) -> None:
        with self.lock:
            changed, self.pending, self.flushing = list(dict.fromkeys(self.pending)), [], False
        self.apply(changed)
        LiveReloadHandler.reload_waiters("*")


# A page's own Content-Security-Policy forbids inline scripts, and the preview adds livereload's
# to reload the page: it serves pages without that <meta> (the deployed site keeps it).
PAGE_POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


class Preview:
    """A WSGI app over the output folder that shows the last build's problems, if any, or
    that the first build is still running."""

    def __init__(self, out: Path, building: bool = False) -> None:
        self.out = out
        self.problems: list[str] = []
        self.script = b""  # livereload's reload script, added to every HTML page
        self.building = building  # the first build runs: pages answer "sedang dibangun"
        self.stale = False  # an edit came in during the first build
        self.lock = threading.Lock()

    def first_build(self, rebuild: Rebuild, options: BuildOptions) -> None:
        """Build until no edit came in during the build (it may have read the file before)."""
        while True:
            self.build(rebuild, options, None)
            with self.lock:
                if not self.stale:
                    self.building = False
                    return
                self.stale = False

    def edit(self, rebuild: Rebuild, options: BuildOptions, changed: list[Path] | None) -> None:
        """Apply an edit, or leave it to the first build when that still runs."""
        with self.lock:
            if self.building:
                self.stale = True
                return
        self.build(rebuild, options, changed)

    def build(self, rebuild: Rebuild, options: BuildOptions, changed: list[Path] | None) -> None:
        try:
            self.problems = rebuild(options, changed)
        except Exception as exc:  # a file that vanished mid-read, ...: shown, never fatal
            traceback.print_exc()
            self.problems = [f"Build berhenti karena kesalahan tak terduga: {exc!r}"]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        raw = environ.get("PATH_INFO") or "/"  # already percent-decoded, as latin-1 (PEP 3333)
        try:
            file = self._file(raw.encode("latin-1").decode("utf-8"))
        except (UnicodeError, OSError):  # not UTF-8, a name too long for the file system
            file = None
        page = file is None or file.suffix == ".html"
        if self.building and page:
            return self._page(start_response, "200 OK", BUILDING)
        if self.problems and page:
            return self._page(start_response, "200 OK", overlay(self.problems))
        if file is None:
            missing = self.out / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"<h1>404</h1>"
            return self._page(start_response, "404 Not Found", body)
        try:
            body = file.read_bytes()
        except OSError:  # removed since: the next rebuild is on its way
            return _respond(start_response, "404 Not Found", "text/plain; charset=utf-8", b"404")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind == "text/html":
            return self._page(start_response, "200 OK", PAGE_POLICY.sub(b"", body, count=1))
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        return _respond(start_response, "200 OK", kind, body)

    def _page(self, start_response: Callable[..., Any], status: str, body: bytes) -> list[bytes]:
        """An HTML page, with the reload script before its first `</head>`."""
        body = body.replace(b"</head>", self.script + b"</head>", 1)
        return _respond(start_response, status, "text/html; charset=utf-8", body)

    def _file(self, path: str) -> Path | None:
        """The output file a URL path names (a folder's index.html), inside the output only."""
        root = self.out.resolve()
        try:
            file = (root / path.lstrip("/")).resolve()
        except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
            return None
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_relative_to(root) and file.is_file() else None


def _respond(start_response: Callable[..., Any], status: str, kind: str, body: bytes) -> list[bytes]:
    start_response(status, [("Content-Type", kind), ("Cache-Control", "no-store")])
    return [body]


def overlay(problems: list[str]) -> bytes:
    """The page shown instead of the site while the content has problems."""
    items = "\n".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Perlu diperbaiki · Galeri IKM</title>
<style>
body{{margin:0;font:16px/1.5 system-ui,sans-serif;background:#fdf6f5;color:#1c2230}}
main{{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}}
h1{{font-size:1.5rem;margin:0 0 .5rem;color:#9b2c22}}
ol{{padding-left:1.25rem}}
li{{margin:.6rem 0;padding:.6rem .8rem;background:#fff;border-left:4px solid #b3362b;border-radius:4px}}
code{{font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}}
</style>
</head>
<body>
<main id="galeri-preview-problems">
<h1>Perlu diperbaiki: {len(problems)} masalah</h1>
<p>Build terakhir menemukan masalah berikut (sama dengan pesan di terminal). Simpan perbaikannya:
halaman ini dimuat ulang sendiri. Situs yang terakhir berhasil tetap utuh di folder keluaran.</p>
<ol>
{items}
</ol>
<p>Arti tiap pesan dan cara memperbaikinya: <code>docs/panduan-editor.md</code>, bagian 9.</p>
</main>
</body>
</html>
""".encode()


# While the first build runs: reloads itself every 2 s, until the site (or its problems) answers.
BUILDING = """<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Situs sedang dibangun · Galeri IKM</title>
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1c2230}
main{max-width:40rem;margin:3rem auto;padding:0 1.25rem}
</style>
</head>
<body>
<main id="galeri-preview-building">
<h1>Situs sedang dibangun…</h1>
<p>Pratinjau pertama sedang dibuat (kemajuannya tampil di terminal). Halaman ini dimuat ulang
sendiri begitu situs siap.</p>
</main>
</body>
</html>
""".encode()
