"""Blobs between nodes: peers announce the hashes they hold, and a node lacking a blob
fetches it from holders (then anyone), verifying the hash before it stores or serves it.

Written against an abstract peer (`id`, async `get(digest)`), so the node's peer
protocol carries it and tests run it over in-memory peers. Bounded: the directory of
who holds what, and the bytes taken from each peer in a window.
"""
from __future__ import annotations

import asyncio
import time
from typing import Protocol

from cachetools import LRUCache

from .blobs import HASH_SIZE, BlobStore, blob_hash

MAX_KNOWN_BLOBS = 10_000      # hashes whose holders we remember
MAX_HOLDERS = 16              # holders remembered per hash
MAX_ANNOUNCE = 256            # hashes taken from one announcement
PER_PEER_BYTES = 32 * 1024 * 1024  # bytes accepted from one peer per window
SERVE_PER_PEER_BYTES = 128 * 1024 * 1024  # bytes served to one peer per window
WINDOW = 3600.0               # seconds
FETCH_TIMEOUT = 20.0
MAX_PEERS_COUNTED = 4096      # peers whose bytes are counted (the least recent forgotten)


class _Budget:
    """Bytes per peer in fixed windows: a peer's count starts again WINDOW after its first byte."""

    def __init__(self, limit: int, window: float, clock):
        self.limit, self.window, self.clock = limit, window, clock
        self._used: LRUCache = LRUCache(MAX_PEERS_COUNTED)

    def used(self, peer_id: str) -> int:
        entry = self._used.get(peer_id)
        return 0 if entry is None or self.clock() - entry[0] >= self.window else entry[1]

    def add(self, peer_id: str, size: int) -> None:
        now = self.clock()
        start, used = self._used.get(peer_id, (now, 0))
        if now - start >= self.window:
            start, used = now, 0
        self._used[peer_id] = (start, used + size)


class BlobPeer(Protocol):
    id: str

    async def get(self, digest: bytes) -> bytes | None: ...


class BlobFetcher:
    """on_fault(peer_id, reason) is told of a peer that sent a wrong or oversized blob (the
    node scores it); a peer that merely lacks the blob is not at fault."""

    def __init__(self, store: BlobStore, *, on_fault=None, per_peer_bytes: int = PER_PEER_BYTES,
                 serve_per_peer: int = SERVE_PER_PEER_BYTES, window: float = WINDOW, clock=time.monotonic):
        self.store = store
        self.on_fault = on_fault or (lambda peer_id, reason: None)
        self._holders: LRUCache = LRUCache(MAX_KNOWN_BLOBS)
        self._taken = _Budget(per_peer_bytes, window, clock)
        self._served = _Budget(serve_per_peer, window, clock)
        self._inflight: dict = {}

    def may_serve(self, peer_id: str, size: int) -> bool:
        """Whether a blob of size bytes may go to this peer now (counted if so): each peer is
        served at most serve_per_peer bytes a window, so none can make us send without end."""
        if self._served.used(peer_id) + size > self._served.limit:
            return False
        self._served.add(peer_id, size)
        return True

    def announce(self, peer_id: str, hashes) -> None:
        """A peer says it holds these blobs (at most MAX_ANNOUNCE taken from one message)."""
        for digest in list(hashes)[:MAX_ANNOUNCE]:
            if type(digest) is not bytes or len(digest) != HASH_SIZE:
                continue
            holders = self._holders.get(digest) or []
            if peer_id not in holders:
                holders = (holders + [peer_id])[-MAX_HOLDERS:]
            self._holders[digest] = holders

    def holders(self, digest: bytes) -> list:
        return list(self._holders.get(digest) or [])

    async def fetch(self, digest: bytes, peers: list) -> bytes | None:
        """The blob, from the store or else from peers (holders first); None if nobody had it.
        Concurrent fetches of one blob share one attempt."""
        data = self.store.get(digest)
        if data is not None:
            return data
        running = self._inflight.get(digest)
        if running is None:
            running = self._inflight[digest] = asyncio.ensure_future(self._fetch(digest, peers))
            running.add_done_callback(lambda _: self._inflight.pop(digest, None))
        return await asyncio.shield(running)

    async def _fetch(self, digest: bytes, peers: list) -> bytes | None:
        known = self.holders(digest)
        ordered = [p for p in peers if p.id in known] + [p for p in peers if p.id not in known]
        for peer in ordered:
            if self._taken.used(peer.id) >= self._taken.limit:
                continue  # this peer gave us its share for now
            try:
                data = await asyncio.wait_for(peer.get(digest), FETCH_TIMEOUT)
            except (asyncio.TimeoutError, ConnectionError, OSError):
                continue
            if data is None:
                continue
            if type(data) is not bytes or len(data) > self.store.limits.max_blob:
                self.on_fault(peer.id, "sent a blob over the size limit")
                continue
            self._taken.add(peer.id, len(data))
            if blob_hash(data) != digest:  # checked here too, to tell a lying peer from a full store
                self.on_fault(peer.id, "sent a blob that does not match its hash")
                continue
            self.store.put_from_peer(digest, data)  # BlobError when the store or allowance is full
            self.announce(peer.id, [digest])
            return data
        return None
