"""Gossip by announce-then-fetch: blocks and transactions are announced by hash, fetched by whoever lacks them,
validated by the chain before they are passed on, and never sent twice to one peer.
"""
from __future__ import annotations

import asyncio
import logging

from cachetools import LRUCache

from chain import errors as E
from chain import tx as txmod

from . import protocol as P
from .peer import COST_UNASKED

log = logging.getLogger("obelisk.node")

SEEN = 100_000            # hashes of items recently fetched or refused (bounded)
WAITING = 4096            # transactions held for their sender's previous nonce
FETCH_TIMEOUT = 10.0
MAX_BLOCK_FETCHES = 64    # blocks being fetched at once (announcements past this wait for the next)

# Refusals that depend on the receiver's view (its pool, its head), not on the item: no ban.
CONTEXT_TX_ERRORS = (E.BadNonce, E.InsufficientFunds, E.PoolFull, E.ReplacementUnderpriced,
                     E.DuplicateTransaction, E.SenderHasCode)
# A block refused for these is not (yet) known to be bad: Bitcoin Core's temporary faults.
TEMPORARY_BLOCK_ERRORS = (E.UnknownParent, E.TimestampTooNew, E.KnownBlock)


def _pending_bytes(c, hashes: list) -> list:
    """The encodings of those pending transactions we hold (None for the others), with one pass over the pool."""
    pool = {t_.hash: t_ for t_ in c.pending()}
    return [None if pool.get(h) is None else pool[h].encode() for h in hashes]


class Relay:
    def __init__(self, net):
        self.net = net
        self.seen: LRUCache = LRUCache(SEEN)     # tx/block hashes asked for or refused: not asked again
        self._tx_batch: list = []
        self._fetching: dict = {}                # block hash -> task
        # Transactions that came before their sender's previous nonce (gossip has no order across
        # peers): held, a bounded few, until the one before them is admitted (Bitcoin's orphan pool).
        self.waiting: LRUCache = LRUCache(WAITING)   # (sender, nonce) -> (peer, encoded tx)
        self.invalid_peers = 0

    # --- announcing what the chain accepted ---
    def announce_tx(self, h: bytes) -> None:
        self.seen[h] = True
        if not self._tx_batch:
            asyncio.get_running_loop().call_soon(self._flush_txs)
        self._tx_batch.append(h)

    def _flush_txs(self) -> None:
        batch, self._tx_batch = self._tx_batch, []
        for peer in list(self.net.peers.values()):
            fresh = [h for h in batch if h not in peer.known]
            for h in fresh:
                peer.known[h] = True
            for i in range(0, len(fresh), P.MAX_INV):
                peer.send(P.encode(P.INV_TX, fresh[i:i + P.MAX_INV]))

    def announce_block(self, h: bytes, height: int) -> None:
        self.seen[h] = True
        self.net.spawn(self._announce_block(h, height))

    async def _announce_block(self, h: bytes, height: int) -> None:
        await self.net.refresh_head()
        head, head_height, work = self.net.head
        if head != h:
            return  # a block of a reorg's middle: only the new head is worth announcing
        msg = P.encode(P.INV_BLOCK, h, height, work)
        for peer in list(self.net.peers.values()):
            if h not in peer.known:
                peer.known[h] = True
                peer.send(msg)

    def on_connect(self, peer) -> None:
        peer.send(P.encode(P.STATUS, *self.net.head))
        self.net.spawn(self._send_pool(peer))

    async def _send_pool(self, peer) -> None:
        hashes = await self.net.service.pending()
        fresh = [h for h in hashes if h not in peer.known][:P.MAX_INV * 4]
        for h in fresh:
            peer.known[h] = True
        for i in range(0, len(fresh), P.MAX_INV):
            peer.send(P.encode(P.INV_TX, fresh[i:i + P.MAX_INV]))

    async def announce_pool(self) -> None:
        """After a reorg the abandoned blocks' transactions are pending again: tell the peers."""
        for peer in list(self.net.peers.values()):
            await self._send_pool(peer)

    # --- transactions ---
    async def on_inv_tx(self, peer, hashes: list) -> None:
        want = []
        for h in hashes:
            peer.known[h] = True
            if h not in self.seen:
                self.seen[h] = True
                want.append(h)
        if want:
            rid, _ = peer.new_request(P.TXS, want)
            peer.send(P.encode(P.GET_TX, rid, want))

    async def on_get_tx(self, peer, rid: int, hashes: list) -> None:
        out, size = [], 0
        for h, data in zip(hashes, await self.net.service.run(_pending_bytes, hashes)):
            if data is not None and size + len(data) <= P.MAX_SIZE[P.TXS] - 64 * len(hashes):
                out.append(data)
                size += len(data)
                peer.known[h] = True
        peer.send(P.encode(P.TXS, rid, out))

    async def on_txs(self, peer, rid: int, blobs: list) -> None:
        req = self.net.answered(peer, rid, P.TXS, "transactions")
        if req is None:
            return
        asked = req[2]
        req[1].set_result(True)
        for data in blobs:
            try:
                t_ = txmod.decode(data)
            except E.InvalidTransaction as exc:
                self.net.ban(peer, f"invalid transaction: {exc}")
                return
            if t_.hash not in asked:
                self.net.penalize(peer, COST_UNASKED, "a transaction nobody asked for")
                continue
            asked.discard(t_.hash)
            peer.known[t_.hash] = True
            if not await self._admit(peer, t_, data):
                return
        # Hashes the peer no longer had: another peer may announce them again.
        for h in asked:
            self.seen.pop(h, None)

    async def _admit(self, peer, t_, data: bytes) -> bool:
        """Submit one fetched transaction, then any held ones that follow it; False once the peer is banned."""
        while True:
            try:
                await self.net.service.submit_tx(data)
            except E.BadNonce:
                if len(self.waiting) < WAITING or (t_.sender, t_.nonce) in self.waiting:
                    self.waiting[(t_.sender, t_.nonce)] = (peer, data)
                return True
            except CONTEXT_TX_ERRORS:
                return True
            except E.InvalidTransaction as exc:
                if not peer.closed:
                    self.net.ban(peer, f"invalid transaction: {exc}")
                return False
            follower = self.waiting.pop((t_.sender, t_.nonce + 1), None)
            if follower is None:
                return True
            peer, data = follower
            t_ = txmod.decode(data)

    def release_followers(self, data: bytes) -> None:
        """A transaction was admitted (from RPC or a peer): the held one with the next nonce may go in now."""
        if not self.waiting:
            return
        t_ = txmod.decode(data)
        follower = self.waiting.pop((t_.sender, t_.nonce + 1), None)
        if follower is not None:
            peer, fdata = follower
            self.net.spawn(self._admit(peer, txmod.decode(fdata), fdata))

    # --- blocks ---
    async def on_inv_block(self, peer, h: bytes, height: int, work: int) -> None:
        peer.known[h] = True
        if work > peer.work:
            peer.head, peer.height, peer.work = h, height, work
        if h in self.seen or h in self._fetching or len(self._fetching) >= MAX_BLOCK_FETCHES:
            return
        if height > self.net.head[1] + 1 or self.net.syncer.busy:
            # More than one block ahead: headers-first sync fetches the whole gap.
            if work > self.net.head[2]:
                self.net.syncer.wake()
            return
        self._fetching[h] = self.net.spawn(self._fetch_block(peer, h))

    async def _fetch_block(self, peer, h: bytes) -> None:
        try:
            if await self.net.service.has_block(h):
                self.seen[h] = True
                return
            blobs = await self.request_blocks(peer, [h])
            if blobs:
                await self.import_from(peer, blobs[0])
        finally:
            self._fetching.pop(h, None)

    async def request_blocks(self, peer, hashes: list, timeout: float = FETCH_TIMEOUT):
        """The blocks' bytes from one peer (in the order asked; a shorter list if it lacks some), or None."""
        return await peer.ask(P.BLOCKS, hashes, lambda rid: P.encode(P.GET_BLOCKS, rid, hashes), timeout)

    async def import_from(self, peer, data: bytes) -> str:
        """Import one block a peer sent: "ok", "known", "temporary" (kept, no fault) or "invalid" (the peer is banned)."""
        try:
            h = await self.net.service.import_block(data)
        except E.KnownBlock:
            return "known"
        except E.UnknownParent:
            # Held as an orphan by the chain; the gap is fetched headers-first.
            self.net.syncer.wake(peer)
            return "temporary"
        except TEMPORARY_BLOCK_ERRORS:
            return "temporary"
        except E.InvalidBlock as exc:
            self.net.ban(peer, f"invalid block: {exc}")
            return "invalid"
        self.seen[h] = True
        peer.known[h] = True
        return "ok"

    async def on_get_blocks(self, peer, rid: int, hashes: list) -> None:
        out, size = [], 0
        for h in hashes:
            data = await self.net.service.block_bytes(h)
            if data is None or size + len(data) > P.MAX_BLOCKS_BYTES and out:
                break
            out.append(data)
            size += len(data)
        peer.send(P.encode(P.BLOCKS, rid, out))

    async def on_blocks(self, peer, rid: int, blobs: list) -> None:
        req = self.net.answered(peer, rid, P.BLOCKS, "blocks", len(blobs))
        if req is None:
            return
        if not req[1].done():
            req[1].set_result(blobs)
