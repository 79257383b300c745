"""The chain's pool of worker processes (proof-of-work search), started on first use; shutdown() stops it and
every other worker the chain keeps (chain.sigcheck's).

forkserver, not fork: the caller may be a node with threads running, and a
forked child of a threaded process can inherit a lock held by another thread.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

# What a caller catches to fall back to working in its own process.
BROKEN = (BrokenProcessPool, OSError, RuntimeError, AssertionError)  # AssertionError: a daemonic process may not have children

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_stoppers: list = []  # other workers' shutdown functions (on_shutdown)


def cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def get_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_workers
    if _pool is None or _pool_workers != workers:
        shutdown()
        _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))
        _pool_workers = workers
    return _pool


def on_shutdown(stop) -> None:
    """Have shutdown() call `stop` too (another module's worker processes)."""
    _stoppers.append(stop)


def shutdown() -> None:
    """Stop the pool's processes and every worker registered with on_shutdown (also done at exit)."""
    global _pool, _pool_workers
    for stop in _stoppers:
        stop()
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool, _pool_workers = None, 0


atexit.register(shutdown)
