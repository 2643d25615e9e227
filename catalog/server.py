"""`serve`: build, serve the output, rebuild on every change, reload the open browser.

The site is swapped in atomically by the writer, so the server never serves a
half-built site; a failed rebuild keeps the last good one on screen and its problems
on the terminal. The preview leaves the PDFs out: their QR codes would point at this
local address, and a catalog takes seconds to lay out (`python build.py pdf` makes them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .pipeline import BuildOptions


def serve(options: BuildOptions, host: str, port: int, rebuild: Callable[[BuildOptions], int]) -> int:
    from livereload import Server

    options = dataclasses.replace(options, pdf=False)
    if not options.base_url:
        options = dataclasses.replace(options, base_url=f"http://{host}:{port}/")
    status = rebuild(options)
    if status != 0:
        return status
    server = Server()
    for folder in dict.fromkeys([options.content, *options.theme_roots]):
        if folder.is_dir():
            server.watch(str(folder), lambda: rebuild(options), delay=0.2)
    server.serve(host=host, port=port, root=str(options.out), open_url_delay=None, restart_delay=0)
    return 0
