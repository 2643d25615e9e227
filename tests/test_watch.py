"""catalog/serve/watch.py: the preview learns which files a save changed, at once, and stops cleanly."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalog.serve import watch


@contextmanager
def watching(folder: Path) -> Iterator[queue.Queue[list[Path]]]:
    """The batches `watch.changes` reports for `folder`, once it is seen to be watching."""
    stop = threading.Event()
    batches: queue.Queue[list[Path]] = queue.Queue()
    thread = threading.Thread(target=lambda: [batches.put(b) for b in watch.changes([folder], stop)])
    thread.start()
    try:
        probe = folder / "probe.txt"
        for attempt in range(100):  # the watch starts in the thread: write until it is seen
            probe.write_text(str(attempt))
            try:
                if probe in batches.get(timeout=0.1):
                    break
            except queue.Empty:
                continue
        else:
            pytest.fail("the watcher never reported a write")
        probe.unlink()
        time.sleep(0.2)
        drain(batches)
        yield batches
    finally:
        stop.set()
        thread.join(timeout=5)
        assert not thread.is_alive(), "the watcher did not stop when asked"


def drain(batches: queue.Queue[list[Path]], wait: float = 0.0) -> set[Path]:
    time.sleep(wait)
    found: set[Path] = set()
    while not batches.empty():
        found.update(batches.get())
    return found


def test_a_save_names_the_files_it_changed_and_leaves_scratch_files_out(tmp_path):
    (tmp_path / "ikm/toko/products").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    product = tmp_path / "ikm/toko/products/kerupuk.md"
    product.write_text("name: Kerupuk\n")
    with watching(tmp_path) as batches:
        product.write_text("name: Kerupuk Pedas\n")
        (product.parent / ".kerupuk.md.swp").write_text("vim")
        (product.parent / "kerupuk.md~").write_text("backup")
        (product.parent / "#kerupuk.md#").write_text("emacs")
        (tmp_path / ".git/index").write_text("git")
        assert drain(batches, wait=1.0) == {product}


def test_a_deleted_file_is_reported_too(tmp_path):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"jpeg")
    with watching(tmp_path) as batches:
        photo.unlink()
        assert drain(batches, wait=1.0) == {photo}


def test_one_save_arrives_in_one_batch_within_the_step(tmp_path):
    """The writes of one save (write, rename into place) come as one batch, at once."""
    entry = tmp_path / "site.yaml"
    with watching(tmp_path) as batches:
        started = time.perf_counter()
        temporary = tmp_path / "site.yaml.tmp"
        temporary.write_text("title: Galeri\n")
        temporary.replace(entry)
        first = batches.get(timeout=5)
        seconds = time.perf_counter() - started
        assert entry in first
        assert seconds < 1.0, f"{seconds:.3f} s to learn of a save (watchfiles' default waits 1.6 s)"
