"""Headers-first sync: headers from the best peer (most work), bodies fetched in parallel from several, imported in order.

Sync resumes after a restart by itself: the block locator starts from the head
the datadir holds. Fork choice stays the chain's (most cumulative work).
"""
from __future__ import annotations

import asyncio
import logging

from chain import errors as E
from chain.block import decode_header

from . import protocol as P
from .peer import COST_MALFORMED, COST_UNASKED

log = logging.getLogger("obelisk.node")

CHUNK = 16                # blocks per body request
PARALLEL = 8              # body requests in flight
PER_PEER = 4              # ... of them at one peer
HEADERS_TIMEOUT = 10.0
PROGRESS_SECONDS = 1.0


def _headers_after(c, locator: list, limit: int) -> list:
    """Encoded canonical headers after the first locator hash on our best chain (after genesis if none is)."""
    start = 1
    for h in locator:
        if c.is_canonical(h):
            start = c.header(h).height + 1
            break
    out = []
    for height in range(start, min(c.height, start + limit - 1) + 1):
        out.append(c.stored_header(c.canonical_hash(height)).encode())
    return out


def _missing(c, hashes: list) -> list:
    return [h for h in hashes if not c.store.has_block(h)]


class Syncer:
    def __init__(self, net):
        self.net = net
        self._wake = asyncio.Event()
        self.preferred = None
        self.busy = False
        self.imported = 0

    def wake(self, peer=None) -> None:
        if peer is not None:
            self.preferred = peer
        self._wake.set()

    def _best(self):
        mine = self.net.head[2]
        pref, self.preferred = self.preferred, None
        if pref is not None and not pref.closed:
            return pref
        peers = [p for p in self.net.peers.values() if not p.closed and p.work > mine]
        return max(peers, key=lambda p: p.work, default=None)

    async def loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            self.busy = True
            progress = self.net.spawn(self._progress())
            try:
                for _ in range(100_000):
                    peer = self._best()
                    if peer is None or not await self._round(peer):
                        break
            finally:
                self.busy = False
                progress.cancel()
                await self.net.refresh_head()
                h, height, _ = self.net.head
                self.net.relay.announce_block(h, height)

    async def _progress(self) -> None:
        loop = asyncio.get_running_loop()
        start, count = loop.time(), self.imported
        while True:
            await asyncio.sleep(PROGRESS_SECONDS)
            elapsed = loop.time() - start
            await self.net.refresh_head()
            self.net.emit({"event": "sync", "height": self.net.head[1], "peers": len(self.net.peers),
                           "blocks_per_s": round((self.imported - count) / elapsed, 1) if elapsed else 0.0})

    async def _round(self, peer) -> bool:
        """One batch of headers from `peer` and their bodies; False when nothing was gained."""
        locator = await self.net.service.locator()
        blobs = await peer.ask(P.HEADERS, (), lambda rid: P.encode(P.GET_HEADERS, rid, locator, P.MAX_HEADERS),
                               HEADERS_TIMEOUT)
        if not blobs:
            return False
        try:
            headers = [decode_header(b) for b in blobs]
        except E.InvalidBlock as exc:
            self.net.penalize(peer, COST_MALFORMED, f"malformed header: {exc}")
            return False
        for prev, hd in zip(headers, headers[1:]):
            if hd.prev_hash != prev.hash or hd.height != prev.height + 1:
                self.net.penalize(peer, COST_MALFORMED, "headers that do not link")
                return False
        for hd in headers:
            if not hd.pow_ok():
                self.net.ban(peer, "a header without its proof of work")
                return False
        if not await self.net.service.has_block(headers[0].prev_hash):
            self.net.penalize(peer, COST_UNASKED, "headers that start nowhere we know")
            return False
        wanted = await self.net.service.run(_missing, [hd.hash for hd in headers])
        if not wanted:
            return False
        heights = {hd.hash: hd.height for hd in headers}
        return await self._bodies(peer, wanted, heights)

    async def _bodies(self, source, wanted: list, heights: dict) -> bool:
        chunks = [wanted[i:i + CHUNK] for i in range(0, len(wanted), CHUNK)]
        gate = asyncio.Semaphore(PARALLEL)
        relay = self.net.relay

        inflight: dict = {}

        async def fetch(i, chunk):
            top = heights[chunk[-1]]
            failed: set = set()
            async with gate:
                for _ in range(6):
                    # The least busy peer that claims the height (a peer serves PER_PEER requests at once).
                    while True:
                        cands = [p for p in self.net.peers.values()
                                 if not p.closed and p.height >= top and p not in failed] or \
                                ([source] if not source.closed else [])
                        if not cands:
                            return None
                        src = min(cands, key=lambda p: inflight.get(p, 0))
                        if inflight.get(src, 0) < PER_PEER:
                            break
                        await asyncio.sleep(0.01)
                    inflight[src] = inflight.get(src, 0) + 1
                    try:
                        blobs = await relay.request_blocks(src, chunk)
                    finally:
                        inflight[src] -= 1
                    if blobs and len(blobs) == len(chunk):
                        return src, blobs
                    failed.add(src)
                return None

        tasks = [self.net.spawn(fetch(i, c)) for i, c in enumerate(chunks)]
        gained = False
        try:
            for task, chunk in zip(tasks, chunks):
                got = await task
                if got is None:
                    return gained
                src, blobs = got
                for want, data in zip(chunk, blobs):
                    outcome = await relay.import_from(src, data)
                    if outcome == "invalid":
                        return gained
                    if outcome == "ok":
                        self.imported += 1
                        gained = True
        finally:
            for task in tasks:
                task.cancel()
        return gained

    # --- answering ---
    async def on_get_headers(self, peer, rid: int, locator: list, limit: int) -> None:
        headers = await self.net.service.run(_headers_after, locator, limit)
        peer.send(P.encode(P.HEADERS, rid, headers))

    async def on_headers(self, peer, rid: int, blobs: list) -> None:
        req = self.net.answered(peer, rid, P.HEADERS, "headers")
        if req is None:
            return
        if not req[1].done():
            req[1].set_result(blobs)
