"""Checking a block's many Ed25519 signatures in worker processes while the caller goes on (executing the block).

Verdicts come back in order and are the ones chain.keys.verify gives in this
process. The workers and the caller claim chunks from one shared table (workers
from the front, the caller from the back once it asks), so the caller never
waits for work it could do itself; a pool that cannot be used (a worker lost,
no children allowed, busy with another thread's block) leaves the checks here,
so the outcome never depends on the pool.
Processes, not threads: libsodium releases the GIL while it checks, but a
thread needs the GIL back after every check and competes with the caller's
Python for it (measured: 3x slower per check beside a busy thread). Each worker
is fed one bytes message per block on its own pipe, written by the caller's
thread: no executor threads in the caller, whose GIL they would wait for.
"""
from __future__ import annotations

import multiprocessing
import os
import struct
import threading

from . import keys
from .procpool import BROKEN, cores, on_shutdown

# Below this many signatures, shipping them to another process costs more than
# checking them here (a check is ~50 us; a round trip ~0.1-0.3 ms).
MIN_PARALLEL = 64
# Signatures per claim: small, so whoever is free last finds work to take (a
# claim is one lock round, ~1 us; a chunk ~0.4 ms of checks).
CHUNK = 8
# How long a claim may wait for the table's lock before the pool counts as broken
# (a worker killed while holding it).
_LOCK_WAIT = 5.0
__all__ = ["Checks", "verify_all", "cores", "shutdown"]

# A job: [job id, item count, chunk] then each item as [len pk, len sig, len msg] + pk + sig + msg.
_JOB = struct.Struct(">QII")
_ITEM = struct.Struct(">III")
_REPLY = struct.Struct(">Q")
_LEFT = 2  # a verdict byte a worker left to others (1: valid, 0: not)


def _check(items) -> list:
    return [keys.verify(pk, msg, sig) for pk, msg, sig in items]


def _encode_job(job: int, items, chunk: int) -> bytes:
    parts = [_JOB.pack(job, len(items), chunk)]
    head = _ITEM.pack
    for pk, msg, sig in items:
        parts.append(head(len(pk), len(sig), len(msg)))
        parts.append(pk)
        parts.append(sig)
        parts.append(msg)
    return b"".join(parts)


def _decode_job(blob: bytes):
    job, n, chunk = _JOB.unpack_from(blob)
    pos, items = _JOB.size, []
    unpack = _ITEM.unpack_from
    for _ in range(n):
        a, b, c = unpack(blob, pos)
        pos += _ITEM.size
        pk, sig, msg = blob[pos:pos + a], blob[pos + a:pos + a + b], blob[pos + a + b:pos + a + b + c]
        pos += a + b + c
        items.append((pk, msg, sig))
    return job, items, chunk


def _claim(lock, table, job: int, from_front: bool):
    """The index of a chunk of `job` nobody has taken (now this claimer's), or None."""
    if not lock.acquire(timeout=_LOCK_WAIT):
        raise RuntimeError("the signature workers' claim table is stuck")
    try:
        if table[0] != job or table[1] >= table[2]:
            return None
        if from_front:
            table[1] += 1
            return table[1] - 1
        table[2] -= 1
        return table[2]
    finally:
        lock.release()


def _serve(conn, lock, table) -> None:
    """A worker: for each job received, check the chunks it claims; reply with the verdicts (2 where another did)."""
    while True:
        try:
            blob = conn.recv_bytes()
        except (EOFError, OSError):
            return  # the caller is gone
        job, items, chunk = _decode_job(blob)
        out = bytearray([_LEFT]) * len(items)
        while True:
            c = _claim(lock, table, job, True)
            if c is None:
                break
            for i in range(c * chunk, min(len(items), (c + 1) * chunk)):
                pk, msg, sig = items[i]
                out[i] = keys.verify(pk, msg, sig)
        try:
            conn.send_bytes(_REPLY.pack(job) + out)
        except (EOFError, OSError):
            return


class _Workers:
    """Worker processes kept warm (forkserver: the caller may have threads), each on its own pipe."""

    def __init__(self, count: int):
        ctx = multiprocessing.get_context("forkserver")
        self.lock = ctx.Lock()
        self.table = ctx.RawArray("q", 3)  # job id, next chunk from the front, end of the unclaimed chunks
        self.busy = threading.Lock()  # one block's checks at a time; another thread's check in its own process
        self.job = 0
        self.unanswered = 0  # replies owed for a job dropped uncollected
        self.procs, self.conns = [], []
        self.pid = os.getpid()  # a forked child of this process starts its own workers, never stops these
        try:
            for _ in range(count):
                mine, theirs = ctx.Pipe(duplex=True)
                proc = ctx.Process(target=_serve, args=(theirs, self.lock, self.table), daemon=True,
                                   name="obelisk-sigcheck")
                self.conns.append(mine)
                proc.start()
                self.procs.append(proc)
                theirs.close()
        except BaseException:
            self.stop()
            raise

    def start(self, items, chunk: int) -> int:
        """Publish a job (the caller holds `busy`); its chunks are claimable from now."""
        self._drain()
        self.job += 1
        blob = _encode_job(self.job, items, chunk)
        self._set_table(self.job, -(-len(items) // chunk))
        for conn in self.conns:
            conn.send_bytes(blob)
        return self.job

    def drop(self) -> None:
        """The current job will not be collected: stop it; its replies are read before the next job."""
        self.unanswered = len(self.conns)
        self._set_table(0, 0)

    def _set_table(self, job: int, chunks: int) -> None:
        if not self.lock.acquire(timeout=_LOCK_WAIT):
            raise RuntimeError("the signature workers' claim table is stuck")
        try:
            self.table[0], self.table[1], self.table[2] = job, 0, chunks
        finally:
            self.lock.release()

    def _drain(self) -> None:
        while self.unanswered:
            for conn in self.conns:
                conn.recv_bytes()
                self.unanswered -= 1

    def replies(self, job: int) -> list:
        """Each worker's verdict bytes for `job` (after the caller took every chunk left)."""
        out = []
        for conn in self.conns:
            reply = conn.recv_bytes()
            if _REPLY.unpack_from(reply)[0] != job:
                raise RuntimeError("a signature worker answered another job")
            out.append(memoryview(reply)[_REPLY.size:])
        return out

    def stop(self) -> None:
        for conn in self.conns:
            conn.close()
        for proc in self.procs:
            proc.join(timeout=1)
            if proc.is_alive():
                proc.kill()
                proc.join()
        self.procs, self.conns = [], []


_workers: _Workers | None = None
_workers_lock = threading.Lock()


def _get_workers(count: int) -> _Workers:
    global _workers
    with _workers_lock:
        if _workers is None or _workers.pid != os.getpid() or len(_workers.procs) != count:
            _stop()
            _workers = _Workers(count)
        return _workers


def _stop() -> None:
    global _workers
    if _workers is not None:
        w, _workers = _workers, None
        if w.pid == os.getpid():
            w.stop()


def shutdown() -> None:
    """Stop the signature workers (also done at exit, and by chain.procpool.shutdown)."""
    with _workers_lock:
        _stop()


on_shutdown(shutdown)


class Checks:
    """keys.verify of each (public key, message, signature): started now, verdicts() when needed.

    `workers`: processes to spread over, the caller's included (None: one a core; 1: the caller only,
    in verdicts()).
    """

    def __init__(self, items, workers: int | None = None):
        self.items = list(items)
        workers = cores() if workers is None else max(1, int(workers))
        self._verdicts = None
        self._pool = None
        if (workers > 1 and len(self.items) >= MIN_PARALLEL
                and all(type(x) is bytes for item in self.items for x in item)):
            try:
                pool = _get_workers(workers - 1)
            except BROKEN:
                shutdown()
                return
            if not pool.busy.acquire(blocking=False):
                return  # another thread's block has the workers: this one is checked here
            try:
                self._job = pool.start(self.items, CHUNK)
                self._pool = pool
            except BROKEN:
                pool.busy.release()
                shutdown()

    def verdicts(self) -> list:
        if self._verdicts is None:
            self._verdicts = self._collect()
        return self._verdicts

    def _collect(self) -> list:
        pool, self._pool = self._pool, None
        if pool is None:
            return _check(self.items)
        try:
            out = bytearray([_LEFT]) * len(self.items)
            # Take the chunks nobody has started, last first (the workers take from the front).
            while True:
                c = _claim(pool.lock, pool.table, self._job, False)
                if c is None:
                    break
                for i in range(c * CHUNK, min(len(self.items), (c + 1) * CHUNK)):
                    pk, msg, sig = self.items[i]
                    out[i] = keys.verify(pk, msg, sig)
            for reply in pool.replies(self._job):
                for i, v in enumerate(reply):
                    if v != _LEFT:
                        out[i] = v
            if _LEFT in out:
                raise RuntimeError("a signature chunk was claimed but not answered")
            return [v == 1 for v in out]
        except BROKEN + (EOFError,):
            shutdown()
            return _check(self.items)
        finally:
            if pool.busy.locked():
                pool.busy.release()

    def __del__(self):
        pool = getattr(self, "_pool", None)
        if pool is not None:  # started, never collected (the caller failed meanwhile)
            self._pool = None
            try:
                pool.drop()
            except BROKEN:
                pass  # a stuck table: the next block finds the pool broken and checks here
            finally:
                pool.busy.release()


def verify_all(items, workers: int | None = None) -> list:
    """[keys.verify(public_key, message, signature) for each item], in order."""
    return Checks(items, workers).verdicts()
