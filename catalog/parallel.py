"""Run a function over a list on every core, in forked processes that inherit the caller's state.

Forking means the workers see the catalog and views already in memory; only the items'
indexes go out and the results come back (pickled). Where fork is unavailable, or one
worker is asked for, the same function runs in this process.
"""

from __future__ import annotations

import multiprocessing
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
        with context.Pool(min(workers, len(items)), maxtasksperchild=tasks_per_worker) as pool:
            for result in pool.imap(_run, range(len(items))):
                results.append(result)
                if progress:
                    progress(len(results), len(items))
    finally:
        _task = None
    return results


def _run(index: int) -> Any:
    assert _task is not None
    func, items = _task
    return func(items[index])


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
