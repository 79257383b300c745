"""The blob store: sealed inputs and results addressed by SHA-256, kept in SQLite in a datadir.

Every blob is hashed before it is stored and again before it is served, so nothing
unverified ever leaves. Bounded: bytes per blob, per account (quota) and in all; blobs
of finished jobs, and blobs no job ever named, are pruned after configurable times.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HASH_SIZE = 32
FILE_NAME = "blobs.sqlite3"
PEER = b""  # the owner of blobs fetched from peers (charged to the store's peer allowance)


@dataclass(frozen=True)
class Limits:
    max_blob: int = 400 * 1024            # fits a 1 MiB JSON-RPC request as hex
    quota: int = 16 * 1024 * 1024          # bytes one account may keep stored
    peer_allowance: int = 64 * 1024 * 1024  # bytes fetched from peers, in all
    max_total: int = 256 * 1024 * 1024
    keep_finished: int = 24 * 3600         # seconds a finished job's blobs stay
    keep_unclaimed: int = 6 * 3600         # seconds a blob no job names stays
    # Seconds any blob stays at most (or keep_finished, if longer), whatever names it: any contract
    # can emit the market's events, so a job that never finishes must not pin a blob (and an
    # account's quota) for ever.
    keep_at_most: int = 7 * 24 * 3600


class BlobError(ValueError):
    """A blob refused: wrong hash, too large, over quota or malformed."""


class Corrupt(BlobError):
    """A stored blob no longer matches its hash; it was dropped, never served."""


def blob_hash(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS blobs (hash BLOB PRIMARY KEY, data BLOB NOT NULL, size INTEGER NOT NULL,
                                  owner BLOB NOT NULL, stored_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS blobs_owner ON blobs(owner);
CREATE TABLE IF NOT EXISTS blob_jobs (hash BLOB NOT NULL, job BLOB NOT NULL, PRIMARY KEY (hash, job));
CREATE INDEX IF NOT EXISTS blob_jobs_job ON blob_jobs(job);
CREATE TABLE IF NOT EXISTS finished_jobs (job BLOB PRIMARY KEY, finished_at INTEGER NOT NULL);
"""


class BlobStore:
    """One datadir's blobs. Safe to call from several threads (one connection, one lock)."""

    def __init__(self, path, limits: Limits = Limits(), clock=time.time):
        path = Path(path)
        if path.is_dir():
            path = path / FILE_NAME
        self.limits, self._clock = limits, clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _now(self) -> int:
        return int(self._clock())

    # -- storing ---------------------------------------------------------------------

    def put(self, data: bytes, owner: bytes, expected_hash: bytes | None = None) -> bytes:
        """Stores data charged to owner (an account's address bytes, or PEER); returns its hash.
        Storing a blob already here is free and changes nothing."""
        if type(data) is not bytes:
            raise BlobError("a blob is bytes")
        if len(data) > self.limits.max_blob:
            raise BlobError(f"blob of {len(data)} bytes is over the limit of {self.limits.max_blob}")
        digest = blob_hash(data)
        if expected_hash is not None and digest != expected_hash:
            raise BlobError(f"blob does not match its hash 0x{expected_hash.hex()} (it hashes to 0x{digest.hex()})")
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            if self._db.execute("SELECT 1 FROM blobs WHERE hash = ?", (digest,)).fetchone():
                return digest
            used = self._used(owner)
            allowance = self.limits.peer_allowance if owner == PEER else self.limits.quota
            if used + len(data) > allowance:
                who = "peers" if owner == PEER else "0x" + owner.hex()
                raise BlobError(f"quota exceeded: {who} keeps {used} bytes, the limit is {allowance}")
            total = self._db.execute("SELECT COALESCE(SUM(size), 0) FROM blobs").fetchone()[0]
            if total + len(data) > self.limits.max_total:
                raise BlobError("the blob store is full")
            self._db.execute("INSERT INTO blobs VALUES (?, ?, ?, ?, ?)",
                             (digest, data, len(data), owner, self._now()))
        return digest

    def put_from_peer(self, expected_hash: bytes, data: bytes) -> bytes:
        """A blob fetched from a peer: stored only if it hashes to what was asked for."""
        if type(expected_hash) is not bytes or len(expected_hash) != HASH_SIZE:
            raise BlobError("a blob hash is 32 bytes")
        return self.put(data, PEER, expected_hash)

    def _used(self, owner: bytes) -> int:
        return self._db.execute("SELECT COALESCE(SUM(size), 0) FROM blobs WHERE owner = ?", (owner,)).fetchone()[0]

    def usage(self, owner: bytes) -> int:
        with self._lock:
            return self._used(owner)

    # -- serving ---------------------------------------------------------------------

    def get(self, digest: bytes) -> bytes | None:
        """The blob with this hash, verified again before it is returned; None if absent.
        A blob damaged on disk is dropped and reported (Corrupt), never served."""
        if type(digest) is not bytes or len(digest) != HASH_SIZE:
            raise BlobError("a blob hash is 32 bytes")
        with self._lock:
            row = self._db.execute("SELECT data FROM blobs WHERE hash = ?", (digest,)).fetchone()
            if row is None:
                return None
            data = bytes(row[0])
            if blob_hash(data) != digest:
                with self._db:
                    self._db.execute("DELETE FROM blobs WHERE hash = ?", (digest,))
                raise Corrupt(f"stored blob 0x{digest.hex()} was damaged; dropped")
        return data

    def has(self, digest: bytes) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM blobs WHERE hash = ?", (digest,)).fetchone() is not None

    # -- lifetime --------------------------------------------------------------------

    def link(self, digest: bytes, job: bytes) -> None:
        """Records that a job uses this blob (job: any stable key, e.g. market address + job id)."""
        with self._lock, self._db:
            self._db.execute("INSERT OR IGNORE INTO blob_jobs VALUES (?, ?)", (digest, job))

    def job_finished(self, job: bytes, at: int | None = None) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR IGNORE INTO finished_jobs VALUES (?, ?)",
                             (job, self._now() if at is None else at))

    def prune(self) -> int:
        """Drops blobs whose every job finished keep_finished ago, blobs stored keep_unclaimed
        ago that no job names, and any blob stored keep_at_most ago. Returns how many went."""
        now = self._now()
        finished_before = now - self.limits.keep_finished
        unclaimed_before = now - self.limits.keep_unclaimed
        stored_before = now - max(self.limits.keep_at_most, self.limits.keep_finished, self.limits.keep_unclaimed)
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            doomed = [r[0] for r in self._db.execute(
                """SELECT b.hash FROM blobs b WHERE b.stored_at < ?
                  OR (NOT EXISTS (SELECT 1 FROM blob_jobs j WHERE j.hash = b.hash) AND b.stored_at < ?)
                  OR (EXISTS (SELECT 1 FROM blob_jobs j WHERE j.hash = b.hash)
                      AND NOT EXISTS (SELECT 1 FROM blob_jobs j LEFT JOIN finished_jobs f ON f.job = j.job
                                      WHERE j.hash = b.hash AND (f.finished_at IS NULL OR f.finished_at >= ?)))""",
                (stored_before, unclaimed_before, finished_before))]
            for digest in doomed:
                self._db.execute("DELETE FROM blobs WHERE hash = ?", (digest,))
                self._db.execute("DELETE FROM blob_jobs WHERE hash = ?", (digest,))
            # Jobs long finished keep no row: their links to blobs never fetched, then the job itself.
            self._db.execute("""DELETE FROM blob_jobs WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.hash = blob_jobs.hash)
                                AND job IN (SELECT job FROM finished_jobs WHERE finished_at < ?)""", (finished_before,))
            self._db.execute("""DELETE FROM finished_jobs WHERE finished_at < ?
                                AND NOT EXISTS (SELECT 1 FROM blob_jobs j WHERE j.job = finished_jobs.job)""",
                             (finished_before,))
        return len(doomed)

    def rows(self) -> dict:
        """Rows kept per table (for tests and diagnostics)."""
        with self._lock:
            return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                    for t in ("blobs", "blob_jobs", "finished_jobs")}


def job_key(market: bytes, job: int) -> bytes:
    """The key a market's job has in the store: the market's address and the job id."""
    return bytes(market) + job.to_bytes(8, "big")


def follow_market(store: BlobStore, events) -> None:
    """Links blobs to jobs and marks jobs finished from market event documents (as
    Event.to_json and chain_getLogs give them), so finished jobs' blobs get pruned."""
    for e in events:
        name, args = e.get("name"), e.get("args") or {}
        try:
            key = job_key(bytes.fromhex(e["address"][2:]), int(args["job"]))
            if name == "SealedJob":
                store.link(bytes.fromhex(args["input_blob"][2:]), key)
            elif name == "ResultDelivered":
                store.link(bytes.fromhex(args["result_blob"][2:]), key)
            elif name in ("JobPaid", "JobFailed"):
                store.job_finished(key)
        except (KeyError, TypeError, ValueError, OverflowError):
            continue  # not one of the market's events
