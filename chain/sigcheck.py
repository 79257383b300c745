"""Checking a block's many Ed25519 signatures in worker processes while the caller goes on (executing the block).

Verdicts come back in order and are the ones chain.keys.verify gives in this
process. Chunks no worker has started by the time the caller asks are checked
by the caller itself, and a pool that cannot be used (a worker lost, no
children allowed) falls back to checking here, so the outcome never depends on
the pool, and the caller never waits for a queue it could have emptied itself.
Processes, not threads: libsodium releases the GIL while it checks, but a
thread needs the GIL back after every check and competes with the caller's
Python for it (measured: 3x slower per check beside a busy thread).
"""
from __future__ import annotations

from . import keys
from .procpool import BROKEN, cores, get_pool, shutdown

# Below this many signatures, shipping them to other processes costs more than
# checking them here (a check is ~45 us; a chunk's round trip ~0.2-1 ms).
MIN_PARALLEL = 64
# Signatures per chunk: enough to pay for its round trip, small enough that the
# caller, done with its own work, finds unstarted chunks to take back.
CHUNK = 32
__all__ = ["Checks", "verify_all", "cores", "shutdown"]


def _check(items) -> list:
    return [keys.verify(pk, msg, sig) for pk, msg, sig in items]


class Checks:
    """keys.verify of each (public key, message, signature): started now, verdicts() when needed.

    `workers`: processes to spread over (None: one a core; 1: the caller only, in verdicts()).
    """

    def __init__(self, items, workers: int | None = None):
        self.items = list(items)
        workers = cores() if workers is None else max(1, int(workers))
        self._chunks = []
        self._verdicts = None
        if workers > 1 and len(self.items) >= MIN_PARALLEL:
            try:
                pool = get_pool(workers)
                for i in range(0, len(self.items), CHUNK):
                    chunk = self.items[i:i + CHUNK]
                    self._chunks.append((chunk, pool.submit(_check, chunk)))
            except BROKEN:
                self._abandon()

    def _abandon(self) -> None:
        for _, future in self._chunks:
            future.cancel()
        self._chunks = []
        shutdown()

    def verdicts(self) -> list:
        if self._verdicts is None:
            self._verdicts = self._collect()
        return self._verdicts

    def _collect(self) -> list:
        if not self._chunks:
            return _check(self.items)
        # Take back the chunks no worker has started, last first (the workers take from the front).
        taken = {}
        for n in range(len(self._chunks) - 1, -1, -1):
            chunk, future = self._chunks[n]
            if future.cancel():
                taken[n] = _check(chunk)
        try:
            return [ok for n, (_, future) in enumerate(self._chunks)
                    for ok in (taken[n] if n in taken else future.result())]
        except BROKEN:
            self._abandon()
            return _check(self.items)


def verify_all(items, workers: int | None = None) -> list:
    """[keys.verify(public_key, message, signature) for each item], in order."""
    return Checks(items, workers).verdicts()
