"""Checking a block's many Ed25519 signatures at once, across processes when there are enough to pay for it.

Verdicts come back in order and are the ones chain.keys.verify gives in this
process; a pool that cannot be used (no cores to spare, a worker lost) falls
back to checking here, so the outcome never depends on the pool.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import keys

# Below this many signatures, shipping them to other processes costs more than
# checking them here (a check is ~0.15 ms; a round trip to the pool ~1-2 ms).
MIN_PARALLEL = 64
# Work items per worker: enough to even out uneven chunks, few enough to keep
# the per-chunk overhead small.
CHUNKS_PER_WORKER = 4

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0


def cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _check(items) -> list:
    return [keys.verify(pk, msg, sig) for pk, msg, sig in items]


def _get_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_workers
    if _pool is None or _pool_workers != workers:
        shutdown()
        # forkserver, not fork: the caller may be a node with threads running, and
        # a forked child of a threaded process can inherit a held lock.
        _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))
        _pool_workers = workers
    return _pool


def shutdown() -> None:
    """Stop the pool's processes (also done at exit)."""
    global _pool, _pool_workers
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool, _pool_workers = None, 0


atexit.register(shutdown)


def verify_all(items, workers: int | None = None) -> list:
    """[keys.verify(public_key, message, signature) for each item], in order.

    `workers`: processes to spread over (None: every core; 1: this process only).
    """
    items = list(items)
    workers = cores() if workers is None else max(1, int(workers))
    if workers == 1 or len(items) < MIN_PARALLEL:
        return _check(items)
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    try:
        results = list(_get_pool(workers).map(_check, chunks))
    except (BrokenProcessPool, OSError, RuntimeError):
        shutdown()
        return _check(items)
    return [ok for chunk in results for ok in chunk]
