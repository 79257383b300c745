"""Reading stored blocks: the head, headers and blocks by hash (decoded ones kept), the canonical index.

Blocks never change under their hash, so decoded ones are cached (bounded by
count and by encoded bytes); the head and the canonical index are read from the
store each time, since another process may have moved them.
"""
from __future__ import annotations

from cachetools import LRUCache

from . import rules
from .block import Block, Header, decode_block
from .errors import InvalidBlock
from .store import Store, damaged

_HEADER_CACHE = 4096
# Decoded blocks kept, bounded in encoded bytes too: 64 blocks of 4 MiB decoded
# would be gigabytes, and anyone can send (side-chain) blocks that large. Each
# block counts at least 1/64 of the budget, so at most 64 are kept.
_BLOCK_CACHE = 64
_BLOCK_CACHE_BYTES = 16 * 1024 * 1024
# Ancestor timestamps kept by block hash (ancestor_times): each new block's come from its parent's.
_TIMES_CACHE = 256


class Blocks:
    """Stored blocks and headers of one Store, decoded on demand."""

    def __init__(self, store: Store):
        self.store = store
        self.headers = LRUCache(maxsize=_HEADER_CACHE)
        floor = _BLOCK_CACHE_BYTES // _BLOCK_CACHE
        self.decoded = LRUCache(maxsize=_BLOCK_CACHE_BYTES, getsizeof=lambda entry: max(entry[1], floor))
        self.times = LRUCache(maxsize=_TIMES_CACHE)  # block hash -> rules.ancestor_times of its header
        self._head, self._head_in = None, None  # the head hash, and Store.quiet_token() when read
        self.works = LRUCache(maxsize=_TIMES_CACHE)  # block hash -> cumulative work

    @property
    def head_hash(self) -> bytes:
        # Not read again while no other connection can have moved it (Store.quiet_token); set_head follows ours.
        quiet = self.store.quiet_token()
        if quiet is not None and quiet == self._head_in:
            return self._head
        h = self.store.get_meta("head")
        if type(h) is not bytes or len(h) != 32:
            raise damaged("the head pointer is malformed")
        self._head, self._head_in = h, quiet
        return h

    def set_head(self, h: bytes) -> None:
        """Point the head at `h` (inside the caller's write transaction)."""
        self.store.set_meta("head", h)
        self._head, self._head_in = h, self.store.quiet_token()

    @property
    def head(self) -> Header:
        return self.stored_header(self.head_hash)

    def header(self, h: bytes) -> Header | None:
        hd = self.headers.get(h)
        if hd is None:
            blk = self.block(h)
            if blk is None:
                return None
            hd = blk.header
            self.headers[h] = hd
        return hd

    def stored_header(self, h: bytes) -> Header:
        """The header of a block the database must hold (the head, a parent, an ancestor)."""
        hd = self.header(h)
        if hd is None:
            raise damaged(f"block {h.hex()} is missing")
        return hd

    def ancestor_times(self, header: Header) -> tuple:
        """rules.ancestor_times of a stored header (or one whose parent is stored), kept by hash: a block
        hash names all its ancestors, so the answer never changes, and a child's is its parent's shifted."""
        times = self.times.get(header.hash)
        if times is None:
            before = self.times.get(header.prev_hash) if header.height > 0 else ()
            if before is None:
                times = rules.ancestor_times(self.stored_header, header)
            else:
                times = (header.timestamp,) + before[:rules.ANCESTOR_TIMES - 1]
            self.times[header.hash] = times
        return times

    def block(self, h: bytes) -> Block | None:
        """A stored block, decoded (recent ones are kept: blocks never change under their hash)."""
        cached = self.decoded.get(h)
        if cached is not None:
            return cached[0]
        row = self.store.block_row(h)
        if row is None:
            return None
        try:
            blk = decode_block(row[3])
        except InvalidBlock as exc:
            raise damaged(f"block {h.hex()} does not decode ({exc})") from None
        if blk.hash != h:
            raise damaged(f"block {h.hex()} is stored with the bytes of block {blk.hash.hex()}")
        self.keep(blk, len(row[3]))
        return blk

    def keep(self, blk: Block, size: int, work: int | None = None) -> None:
        """Remember a decoded block (`size`: its encoded bytes) and its header: one just stored, or just read
        (`work`: its cumulative work, when known)."""
        self.headers[blk.hash] = blk.header
        if work is not None:
            self.works[blk.hash] = work
        if size <= self.decoded.maxsize:
            self.decoded[blk.hash] = (blk, size)

    def block_bytes(self, h: bytes):
        row = self.store.block_row(h)
        return None if row is None else row[3]

    def work(self, h: bytes) -> int:
        """The cumulative work of a stored block (kept: it never changes under its hash)."""
        work = self.works.get(h)
        if work is None:
            work = self.works[h] = self.store.block_row(h)[2]
        return work

    def canonical_hash(self, height: int):
        return self.store.canon_hash(height)

    def is_canonical(self, h: bytes) -> bool:
        hd = self.header(h)
        return hd is not None and self.store.canon_hash(hd.height) == h

    def find_tx(self, tx_hash: bytes):
        """(block hash, index) of a transaction on the canonical chain, or None."""
        for block_hash, idx in self.store.tx_locations(tx_hash):
            if self.is_canonical(block_hash):
                txs = self.block(block_hash).txs
                if idx >= len(txs) or txs[idx].hash != tx_hash:
                    raise damaged(f"the index entry of transaction {tx_hash.hex()} names the wrong place")
                return block_hash, idx
        return None
