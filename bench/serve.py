"""Benchmark the live preview: start-up, and edit-to-updated-page latency.

Starts `python build.py serve` on a copy of a corpus, waits until the home page answers
(start-up), then edits one product's name N times and measures, for each edit, the time
until the product's page is served with the new name (what the reloaded browser shows).

Usage (from the repository root):
    .venv/bin/python bench/serve.py CORPUS [--edits 10] [--workdir /dev/shm/galeri-serve]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IN_PLACE = re.compile(r"(?:Diperbarui di tempat dalam|Updated in place in) ([0-9.]+)")
BUILDING = "galeri-preview-building"  # the id of the page shown while the first build runs


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait(condition, timeout: float) -> float | None:
    """Seconds until `condition()` held (polled every 10 ms), or None."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if condition():
            return time.perf_counter() - started
        time.sleep(0.01)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--workdir", type=Path, default=Path("/dev/shm/galeri-serve"))
    args = parser.parse_args()
    content, out = args.workdir / "content", args.workdir / "public"
    shutil.rmtree(args.workdir, ignore_errors=True)
    shutil.copytree(args.corpus, content)
    product = sorted(content.glob("ikm/*/products/*.md"))[0]
    business = product.parent.parent.name
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "GALERI_CACHE_DIR": str(args.workdir / "cache")}
    command = [sys.executable, "build.py", "serve", "--content", str(content), "--out", str(out)]
    log = (args.workdir / "serve.log").open("w")  # the server's own timing of each edit applied in place
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        # The server answers at once with a page saying the site is being built: wait for the site.
        startup = wait(lambda: "<h1" in (home := fetch(base + "/")) and BUILDING not in home, 1800)
        print(f"start-up (cold cache, {sum(1 for _ in content.rglob('*.md'))} entries): {startup:.1f} s")
        page = f"{base}/ikm/{business}/{product.stem}/"
        time.sleep(2)  # the watcher records the files' first state
        latencies = []
        original = product.read_text(encoding="utf-8")
        for n in range(args.edits):
            name = f"Edit Nomor {n}"
            product.write_text(original.replace("\nname: ", f"\nname: {name} ", 1), encoding="utf-8")
            seconds = wait(lambda name=name: name in fetch(page), 300)
            latencies.append(seconds if seconds is not None else float("inf"))
            print(f"edit {n + 1}: {latencies[-1]:.2f} s", flush=True)
            time.sleep(1)
        ordered = sorted(latencies)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"edit to updated page: median {statistics.median(latencies):.2f} s, p95 {p95:.2f} s")
        applied = [float(x) for x in IN_PLACE.findall((args.workdir / "serve.log").read_text())]
        if applied:
            print(
                f"applied in place ({len(applied)}), as the server timed it: "
                + ", ".join(f"{x:.2f}" for x in applied)
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
