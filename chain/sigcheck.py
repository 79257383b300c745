"""Checking a block's many Ed25519 signatures in worker processes while the caller goes on (executing the block).

Verdicts come back in order and are the ones chain.keys.verify gives in this
process. Workers and caller share one claim table: workers take chunks from
the front and write each verdict into shared memory as it is found; the caller,
done with its own work, takes the chunks nobody started from the back, then
checks itself whatever is still unanswered (a chunk a busy machine left
half-done), so it never waits for a worker. A pool that cannot be used (a
worker lost, no children allowed, busy with another thread's block) leaves the
checks here, so the outcome never depends on the pool.
Processes, not threads: libsodium releases the GIL while it checks, but a
thread needs the GIL back after every check and competes with the caller's
Python for it (measured: 3x slower per check beside a busy thread). Each worker
is sent one bytes message per block on its own pipe, written by the caller's
thread: no executor threads in the caller, whose GIL they would wait for.
"""
from __future__ import annotations

import multiprocessing
import os
import struct
import threading
import time

from . import keys
from .procpool import BROKEN, cores, on_shutdown

# Below this many signatures, shipping them to another process costs more than
# checking them here (a check is ~50 us; sending a block's ~0.1-0.3 ms).
MIN_PARALLEL = 64
# Signatures per claim: few, so the caller, done first, finds chunks to take, and
# at most this many are checked twice when a worker is slow (a claim is one lock round).
CHUNK = 4
# Verdicts the shared memory holds: a larger batch is checked in the caller.
CAPACITY = 1 << 16
# How long any wait for the claim table's lock may last before the pool counts
# as broken (a worker killed while holding it).
_LOCK_WAIT = 5.0
__all__ = ["Checks", "verify_all", "ready", "cores", "shutdown"]

# A job: [job id, item count, chunk] then each item as [len pk, len sig, len msg] + pk + sig + msg.
_JOB = struct.Struct(">QII")
_ITEM = struct.Struct(">III")
_UNKNOWN = 2  # a verdict not found yet (1: valid, 0: not)
# The claim table: the current job (0: none), the next chunk from the front, the end of the
# unclaimed chunks, then for each worker the last job it took out of its pipe.
_JOB_ID, _FRONT, _END, _TAKEN = 0, 1, 2, 3


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
        items.append((blob[pos:pos + a], blob[pos + a + b:pos + a + b + c], blob[pos + a:pos + a + b]))
        pos += a + b + c
    return job, items, chunk


def _locked(lock):
    if not lock.acquire(timeout=_LOCK_WAIT):
        raise RuntimeError("the signature workers' claim table is stuck")


def _claim(lock, table, job: int, from_front: bool):
    """The index of a chunk of `job` nobody has taken (now this claimer's), or None."""
    _locked(lock)
    try:
        if table[_JOB_ID] != job or table[_FRONT] >= table[_END]:
            return None
        if from_front:
            table[_FRONT] += 1
            return table[_FRONT] - 1
        table[_END] -= 1
        return table[_END]
    finally:
        lock.release()


def _serve(k: int, conn, lock, table, verdicts) -> None:
    """Worker k: for each job received, check the chunks it claims, each verdict written as found."""
    while True:
        try:
            blob = conn.recv_bytes()
        except (EOFError, OSError):
            return  # the caller is gone
        job, items, chunk = _decode_job(blob)
        _locked(lock)
        table[_TAKEN + k] = job
        lock.release()
        _work(job, items, chunk, lock, table, verdicts)


def _work(job, items, chunk, lock, table, verdicts) -> None:
    while True:
        c = _claim(lock, table, job, True)
        if c is None:
            return
        for i in range(c * chunk, min(len(items), (c + 1) * chunk)):
            pk, msg, sig = items[i]
            ok = keys.verify(pk, msg, sig)
            _locked(lock)
            try:
                if table[_JOB_ID] != job:
                    return  # the caller has finished the job without us
                verdicts[i] = ok
            finally:
                lock.release()


class _Workers:
    """Worker processes kept warm (forkserver: the caller may have threads), each on its own pipe."""

    def __init__(self, count: int):
        ctx = multiprocessing.get_context("forkserver")
        self.lock = ctx.Lock()
        self.table = ctx.RawArray("q", _TAKEN + count)
        self.verdicts = ctx.RawArray("B", CAPACITY)
        self.busy = threading.Lock()  # one block's checks at a time; another thread's are checked in it
        self.job = 0
        self.procs, self.conns = [], []
        self.pid = os.getpid()  # a forked child of this process starts its own workers, never stops these
        try:
            for k in range(count):
                theirs, mine = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_serve, args=(k, theirs, self.lock, self.table, self.verdicts),
                                   daemon=True, name="obelisk-sigcheck")
                self.conns.append(mine)
                proc.start()
                self.procs.append(proc)
                theirs.close()
        except BaseException:
            self.stop()
            raise

    def usable(self, count: int) -> bool:
        return self.pid == os.getpid() and len(self.procs) == count and all(p.is_alive() for p in self.procs)

    def start(self, items, chunk: int):
        """Publish a job (the caller holds `busy`) and return its id; None when a worker has not yet
        taken the last one out of its pipe (busy elsewhere: the pipes hold one job at most)."""
        if any(self.table[_TAKEN + k] != self.job for k in range(len(self.procs))):
            return None
        self.job += 1
        blob = _encode_job(self.job, items, chunk)
        _locked(self.lock)
        try:
            self.table[_JOB_ID], self.table[_FRONT], self.table[_END] = self.job, 0, -(-len(items) // chunk)
            self.verdicts[:len(items)] = bytes([_UNKNOWN]) * len(items)
        finally:
            self.lock.release()
        for conn in self.conns:
            conn.send_bytes(blob)
        return self.job

    def finish(self, job: int, n: int) -> bytes:
        """End `job`: the verdicts the workers have written for its first `n` items (_UNKNOWN where none)."""
        _locked(self.lock)
        try:
            found = bytes(self.verdicts[:n]) if self.table[_JOB_ID] == job else bytes([_UNKNOWN]) * n
            self.table[_JOB_ID] = 0
        finally:
            self.lock.release()
        return found

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
        if _workers is None or not _workers.usable(count):
            _stop()
            _workers = _Workers(count)
        return _workers


def _stop() -> None:
    global _workers
    if _workers is not None:
        w, _workers = _workers, None
        if w.pid == os.getpid():
            w.stop()


def ready(workers: int | None = None, timeout: float = 30.0) -> bool:
    """Start the workers Checks(..., workers) would use and wait until each is taking jobs (a
    benchmark before timing, a node before its first block): True when all are, within `timeout`."""
    workers = cores() if workers is None else max(1, int(workers))
    if workers < 2:
        return True
    deadline = time.monotonic() + timeout
    try:
        pool = _get_workers(workers - 1)
        job = None
        while time.monotonic() < deadline:
            if job is None:  # an empty job, sent once the pipes are empty
                with pool.busy:
                    job = pool.start([], CHUNK)
            elif all(pool.table[_TAKEN + k] == job for k in range(len(pool.procs))):
                return True
            time.sleep(0.002)
    except BROKEN:
        shutdown()
    return False


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
        if (workers > 1 and MIN_PARALLEL <= len(self.items) <= CAPACITY
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
            except BROKEN:
                self._job = None
                shutdown()
            if self._job is None:
                pool.busy.release()
            else:
                self._pool = pool

    def verdicts(self) -> list:
        if self._verdicts is None:
            self._verdicts = self._collect()
        return self._verdicts

    def _collect(self) -> list:
        pool, self._pool = self._pool, None
        items = self.items
        if pool is None:
            return _check(items)
        try:
            out = bytearray([_UNKNOWN]) * len(items)
            # Take the chunks nobody has started, last first (the workers take from the front).
            while True:
                c = _claim(pool.lock, pool.table, self._job, False)
                if c is None:
                    break
                for i in range(c * CHUNK, min(len(items), (c + 1) * CHUNK)):
                    pk, msg, sig = items[i]
                    out[i] = keys.verify(pk, msg, sig)
            found = pool.finish(self._job, len(items))
        except BROKEN:
            shutdown()
            return _check(items)
        finally:
            pool.busy.release()
        result = []
        for i, v in enumerate(out):
            if v == _UNKNOWN:
                v = found[i]
                if v == _UNKNOWN:  # in a chunk a worker has not finished: checked here, not waited for
                    pk, msg, sig = items[i]
                    v = keys.verify(pk, msg, sig)
            result.append(v == 1 or v is True)
        return result

    def __del__(self):
        pool = getattr(self, "_pool", None)
        if pool is not None:  # started, never collected (the caller failed meanwhile)
            self._pool = None
            try:
                pool.finish(self._job, 0)
            except Exception:  # noqa: BLE001 - a stuck table, or the interpreter exiting: nothing to undo
                pass
            finally:
                pool.busy.release()


def verify_all(items, workers: int | None = None) -> list:
    """[keys.verify(public_key, message, signature) for each item], in order."""
    return Checks(items, workers).verdicts()
