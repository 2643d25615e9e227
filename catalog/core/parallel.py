"""Run a function over a list on every core, in forked processes that inherit the caller's state.

Forking means the workers see the catalog and views already in memory; only the items'
indexes go out and the results come back (pickled). Where fork is unavailable, or one
worker is asked for, the same function runs in this process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

_task: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # inherited by forked workers


def fork_map(
    func: Callable[[Any], Any],
    items: Sequence[Any],
    workers: int,
    progress: Callable[[int, int], None] | None = None,
    tasks_per_worker: int | None = None,
) -> list[Any]:
    """`[func(item) for item in items]`, in order, spread over `workers` processes.

    `tasks_per_worker` replaces a worker after that many items, for work whose libraries
    keep memory between items (WeasyPrint does, about 0.15 MB per document)."""
    global _task
    results: list[Any] = []
    if workers <= 1 or len(items) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            results.append(func(item))
            if progress:
                progress(len(results), len(items))
        return results
    _task = (func, items)
    try:
        context = multiprocessing.get_context("fork")
        pool = context.Pool(
            min(workers, len(items)), die_with_parent, (os.getpid(),), maxtasksperchild=tasks_per_worker
        )
        with pool:
            for result in pool.imap(_run, range(len(items))):
                results.append(result)
                if progress:
                    progress(len(results), len(items))
    finally:
        _task = None
    return results


def die_with_parent(parent: int) -> None:
    """A worker whose build was killed (kill -9, a cancelled job) ends too: a pool's workers
    hold both ends of their task pipe and would otherwise wait for work forever."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the build died before the line above ran
        os._exit(1)


def _run(index: int) -> Any:
    assert _task is not None
    func, items = _task
    return func(items[index])


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
