"""Checking a block's many Ed25519 signatures at once, across processes when there are enough to pay for it.

Verdicts come back in order and are the ones chain.keys.verify gives in this
process; a pool that cannot be used (no cores to spare, a worker lost) falls
back to checking here, so the outcome never depends on the pool.
"""
from __future__ import annotations

from . import keys
from .procpool import BROKEN, cores, get_pool, shutdown

# Below this many signatures, shipping them to other processes costs more than
# checking them here (a check is ~0.15 ms; a round trip to the pool ~1-2 ms).
MIN_PARALLEL = 64
# Work items per worker: enough to even out uneven chunks, few enough to keep
# the per-chunk overhead small.
CHUNKS_PER_WORKER = 4
__all__ = ["verify_all", "cores", "shutdown"]


def _check(items) -> list:
    return [keys.verify(pk, msg, sig) for pk, msg, sig in items]


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
        results = list(get_pool(workers).map(_check, chunks))
    except BROKEN:
        shutdown()
        return _check(items)
    return [ok for chunk in results for ok in chunk]
