"""Blobs between peers: INV_BLOB announces held hashes, GET_BLOB asks for one, BLOB answers.

The node layer only carries the messages; the store, the fetcher (which verifies the hash
before anything is stored or passed on) and the RPC methods come from the `blobs` object
the node is given (obelisk.compute.blob_node.NodeBlobs), so this module imports none of it.
"""
from __future__ import annotations

import asyncio
import logging

from . import protocol as P
from .peer import COST_UNASKED

log = logging.getLogger("obelisk.node")

COST_BAD_BLOB = 50        # a blob that does not match its hash: a lie, costly
FETCH_TIMEOUT = 15.0


class _PeerSource:
    """One connected peer as the fetcher's abstract peer (`id`, async `get(digest)`)."""

    def __init__(self, blobnet: "BlobNet", peer):
        self.id, self._net, self._peer = peer.id_hex, blobnet, peer

    async def get(self, digest: bytes):
        return await self._net.request(self._peer, digest)


class BlobNet:
    def __init__(self, net, blobs):
        self.net, self.blobs = net, blobs
        blobs.fetcher.on_fault = self._on_fault

    def handlers(self) -> dict:
        return {P.INV_BLOB: self.on_inv_blob, P.GET_BLOB: self.on_get_blob, P.BLOB: self.on_blob}

    # --- asking ---
    async def fetch(self, digest: bytes):
        """The blob from this node's store or from a peer (verified, then stored), or None."""
        peers = [_PeerSource(self, p) for p in list(self.net.peers.values()) if not p.closed]
        data = await self.blobs.fetcher.fetch(digest, peers)
        if data is not None:
            self.announce([digest])
        return data

    async def request(self, peer, digest: bytes):
        return await peer.ask(P.BLOB, [digest], lambda rid: P.encode(P.GET_BLOB, rid, digest), FETCH_TIMEOUT)

    def announce(self, hashes) -> None:
        hashes = list(hashes)[:P.MAX_INV_BLOB]
        for peer in list(self.net.peers.values()):
            fresh = [h for h in hashes if h not in peer.known]
            for h in fresh:
                peer.known[h] = True
            if fresh:
                peer.send(P.encode(P.INV_BLOB, fresh))

    def _on_fault(self, peer_id: str, reason: str) -> None:
        for peer in list(self.net.peers.values()):
            if peer.id_hex == peer_id:
                self.net.penalize(peer, COST_BAD_BLOB, reason)

    # --- answering ---
    async def on_inv_blob(self, peer, hashes: list) -> None:
        for h in hashes:
            peer.known[h] = True
        self.blobs.fetcher.announce(peer.id_hex, hashes)

    async def on_get_blob(self, peer, rid: int, digest: bytes) -> None:
        try:
            data = await asyncio.to_thread(self.blobs.store.get, digest)  # re-hashed before it is served
        except ValueError:  # damaged on disk: dropped by the store, never served
            data = None
        if data is not None and (len(data) > P.MAX_BLOB or not self.blobs.fetcher.may_serve(peer.id_hex, len(data))):
            data = None  # too large for a message, or this peer had its share for now
        peer.send(P.encode(P.BLOB, rid, [] if data is None else [data]))

    async def on_blob(self, peer, rid: int, data) -> None:
        req = peer.requests.pop(rid, None)
        if req is None or req[0] != P.BLOB:
            self.net.penalize(peer, COST_UNASKED, "a blob nobody asked for")
            return
        if not req[1].done():
            req[1].set_result(data)  # the fetcher checks its size and hash, and scores a liar
