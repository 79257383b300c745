"""Blobs between nodes over in-memory peers: holders first, hash verified before storing,
lying and oversized peers reported, per-peer budgets, one fetch for concurrent asks."""
from __future__ import annotations

import asyncio

import pytest

from obelisk.compute import blob_rpc
from obelisk.compute.blob_fetch import BlobFetcher
from obelisk.compute.blobs import BlobError, BlobStore, Limits, blob_hash

BLOB = b"sealed input " * 50
H = blob_hash(BLOB)


class Peer:
    def __init__(self, id, blobs=None, lie=False, big=False):
        self.id, self.blobs, self.lie, self.big = id, dict(blobs or {}), lie, big
        self.asked = 0

    async def get(self, digest):
        self.asked += 1
        if self.big:
            return bytes(10_000)
        data = self.blobs.get(digest)
        if data is not None and self.lie:
            return data[:-1] + b"!"
        return data


@pytest.fixture
def store(tmp_path):
    with BlobStore(tmp_path, Limits(max_blob=5000, peer_allowance=3000)) as s:
        yield s


def fetcher(store, **kw):
    faults = []
    return BlobFetcher(store, on_fault=lambda p, r: faults.append((p, r)), **kw), faults


def test_a_blob_is_fetched_verified_stored_and_then_served_locally(store):
    f, faults = fetcher(store)
    empty, holder = Peer("a"), Peer("b", {H: BLOB})
    assert asyncio.run(f.fetch(H, [empty, holder])) == BLOB
    assert store.get(H) == BLOB and f.holders(H) == ["b"] and faults == []
    assert asyncio.run(f.fetch(H, [empty, holder])) == BLOB
    assert holder.asked == 1  # the second time it came from the store


def test_announced_holders_are_asked_first(store):
    f, _ = fetcher(store)
    peers = [Peer(str(i)) for i in range(5)] + [Peer("holder", {H: BLOB})]
    f.announce("holder", [H, b"junk"])
    asyncio.run(f.fetch(H, peers))
    assert [p.asked for p in peers] == [0, 0, 0, 0, 0, 1]


def test_a_tampered_or_oversized_blob_is_refused_and_its_peer_reported(store):
    f, faults = fetcher(store)
    liar, big, honest = Peer("liar", {H: BLOB}, lie=True), Peer("big", big=True), Peer("honest", {H: BLOB})
    assert asyncio.run(f.fetch(H, [liar, big, honest])) == BLOB
    assert faults == [("liar", "sent a blob that does not match its hash"), ("big", "sent a blob over the size limit")]
    assert asyncio.run(fetcher(store)[0].fetch(blob_hash(b"absent"), [liar, honest])) is None


def test_each_peer_gives_at_most_its_budget_per_window(store):
    clock = [0.0]
    f, _ = fetcher(store, per_peer_bytes=len(BLOB), clock=lambda: clock[0])
    other = BLOB + b"2"
    peer = Peer("p", {H: BLOB, blob_hash(other): other})
    assert asyncio.run(f.fetch(H, [peer])) == BLOB
    assert asyncio.run(f.fetch(blob_hash(other), [peer])) is None  # over budget: not asked
    clock[0] += 3601  # a new window
    assert asyncio.run(f.fetch(blob_hash(other), [peer])) == other


def test_a_store_with_no_room_says_so(tmp_path):
    with BlobStore(tmp_path, Limits(max_blob=5000, peer_allowance=100)) as small:
        with pytest.raises(BlobError, match="quota exceeded: peers"):
            asyncio.run(fetcher(small)[0].fetch(H, [Peer("b", {H: BLOB})]))


def test_concurrent_asks_for_one_blob_share_one_fetch(store):
    f, _ = fetcher(store)

    class Slow(Peer):
        async def get(self, digest):
            await asyncio.sleep(0.01)
            return await super().get(digest)

    peer = Slow("s", {H: BLOB})

    async def many():
        return await asyncio.gather(*(f.fetch(H, [peer]) for _ in range(5)))
    assert asyncio.run(many()) == [BLOB] * 5
    assert peer.asked == 1


def test_blob_get_falls_back_to_peers(store):
    f, _ = fetcher(store)
    peers = [Peer("b", {H: BLOB})]
    methods = blob_rpc.blob_methods(store, fetch=lambda d: f.fetch(d, peers))
    assert asyncio.run(methods["blob_get"](["0x" + H.hex()])) == "0x" + BLOB.hex()
    assert asyncio.run(methods["blob_get"](["0x" + "11" * 32])) is None


def test_each_peer_is_served_at_most_its_budget_per_window(tmp_path):
    """A node answers a peer's GET_BLOB until that peer had its share for the window, then as if
    it lacked the blob; other peers are served meanwhile, and the share comes back."""
    from obelisk.compute.blob_node import NodeBlobs
    from obelisk.node import protocol as P
    from obelisk.node.blobnet import BlobNet

    class Asker:
        def __init__(self, id_hex):
            self.id_hex, self.known, self.sent = id_hex, {}, []

        def send(self, data):
            self.sent.append(P.decode(data))
            return True

    clock = [0.0]
    blobs = NodeBlobs(tmp_path)
    try:
        blobs.fetcher = BlobFetcher(blobs.store, serve_per_peer=2 * len(BLOB), clock=lambda: clock[0])
        net = BlobNet(type("Net", (), {"peers": {}, "penalize": lambda *a: None})(), blobs)
        blobs.store.put(BLOB, b"\x01" * 20)
        greedy, other = Asker("0xaa"), Asker("0xbb")

        def ask(peer, rid):
            asyncio.run(net.on_get_blob(peer, rid, H))
            return peer.sent[-1]
        assert [ask(greedy, i) for i in range(3)] == [(P.BLOB, (0, BLOB)), (P.BLOB, (1, BLOB)), (P.BLOB, (2, None))]
        assert ask(other, 7) == (P.BLOB, (7, BLOB))
        clock[0] += 3600
        assert ask(greedy, 3) == (P.BLOB, (3, BLOB))
    finally:
        blobs.close()
