"""Blobs by hash between two real nodes: put on A, get on B (fetched from A, hash checked);
a put whose bytes do not match is refused; a peer serving wrong bytes is not stored and is scored."""
import asyncio
import os
import subprocess

import pytest

from chain.keys import dev_keys
from obelisk.compute.blob_node import NodeBlobs
from obelisk.compute.blob_rpc import sign_put
from obelisk.compute.blobs import blob_hash
from obelisk.node import protocol as P
from obelisk.node.blobnet import BlobNet
from obelisk.node.peer import Peer

from .nodeproc import OBELISK, NodeProc


def _put_params(data: bytes, key=None):
    return ["0x" + data.hex(), sign_put(key or dev_keys()[0], data)]


def _wait_peer(node, timeout=20.0):
    node.wait_event(lambda e: e["event"] == "peer_connected", timeout)


def test_blob_put_on_one_node_is_fetched_by_its_peer(tmp_path):
    a = b = None
    try:
        a = NodeProc(tmp_path / "a")
        b = NodeProc(tmp_path / "b", peers=[a.p2p])
        _wait_peer(b)
        data = os.urandom(50_000)
        digest = "0x" + blob_hash(data).hex()
        assert a.rpc("blob_put", *_put_params(data)) == digest
        assert b.rpc("blob_has", [digest]) == [False]
        assert b.rpc("blob_get", digest) == "0x" + data.hex()       # fetched from A, checked, stored
        assert b.rpc("blob_has", [digest]) == [True]
        missing = "0x" + blob_hash(b"nobody has this").hex()
        assert b.rpc("blob_get", missing) is None
        # Bytes signed for another hash: refused, nothing stored.
        other = _put_params(b"other bytes")
        with pytest.raises(RuntimeError, match="blob refused"):
            a.rpc("blob_put", "0x" + b"tampered bytes".hex(), other[1])
        assert a.rpc("blob_has", ["0x" + blob_hash(b"tampered bytes").hex()]) == [False]
        assert a.stop() == 0 and b.stop() == 0
    finally:
        for n in (a, b):
            if n is not None:
                n.kill()


class _Peer:
    """A connected peer as the network sees it, whose GET_BLOB answers are scripted."""

    def __init__(self, net, id_hex, answer):
        self.id_hex, self.known, self.requests, self.closed = id_hex, {}, {}, False
        self.net, self.answer, self._next = net, answer, 0

    def new_request(self, kind, asked):
        self._next += 1
        fut = asyncio.get_running_loop().create_future()
        self.requests[self._next] = (kind, fut, set(asked))
        return self._next, fut

    ask = Peer.ask  # the real request-and-wait, over this scripted send

    def send(self, data):
        kind, fields = P.decode(data)
        if kind == P.GET_BLOB:
            rid, digest = fields
            reply = P.encode(P.BLOB, rid, self.answer(digest))
            asyncio.get_running_loop().call_soon(
                lambda: asyncio.ensure_future(self.net.blobnet.on_blob(self, *P.decode(reply)[1])))
        return True


class _Net:
    def __init__(self):
        self.peers, self.penalties = {}, []

    def penalize(self, peer, cost, reason):
        self.penalties.append((peer.id_hex, cost, reason))


def test_a_peer_serving_wrong_bytes_is_scored_and_nothing_is_stored(tmp_path):
    data = b"the sealed input" * 100
    digest = blob_hash(data)

    async def run():
        blobs = NodeBlobs(tmp_path / "n")
        net = _Net()
        net.blobnet = BlobNet(net, blobs)
        liar = _Peer(net, "aa", lambda d: [b"not the bytes"])
        honest = _Peer(net, "bb", lambda d: [data])
        net.peers = {b"a": liar}
        try:
            assert await net.blobnet.fetch(digest) is None
            assert not blobs.store.has(digest)
            assert [(p, c) for p, c, _ in net.penalties] == [("aa", 50)]
            assert "does not match its hash" in net.penalties[0][2]
            net.peers = {b"a": liar, b"b": honest}
            assert await net.blobnet.fetch(digest) == data
            assert blobs.store.get(digest) == data
            assert [p for p, _, _ in net.penalties] == ["aa", "aa"]
        finally:
            blobs.close()
    asyncio.run(run())


def test_blob_messages_are_bounded_and_canonical():
    h = bytes(32)
    assert P.decode(P.encode(P.INV_BLOB, [h])) == (P.INV_BLOB, ([h],))
    assert P.decode(P.encode(P.GET_BLOB, 7, h)) == (P.GET_BLOB, (7, h))
    assert P.decode(P.encode(P.BLOB, 7, [])) == (P.BLOB, (7, None))
    assert P.decode(P.encode(P.BLOB, 7, [b"x"])) == (P.BLOB, (7, b"x"))
    for size in (P.MAX_BLOB + 1, P.MAX_BLOB + 100):  # over the item's bound, then over the message's
        with pytest.raises(P.ProtocolError) as exc:
            P.decode(bytes([0x93, P.BLOB, 7, 0x91, 0xC6]) + size.to_bytes(4, "big") + bytes(size))
        assert exc.value.oversized
    with pytest.raises(P.ProtocolError) as exc:
        P.decode(bytes([0x92, P.INV_BLOB, 0xDC]) + (P.MAX_INV_BLOB + 1).to_bytes(2, "big")
                 + (b"\xc4\x20" + h) * (P.MAX_INV_BLOB + 1))
    assert exc.value.oversized
    with pytest.raises(P.ProtocolError):
        P.decode(P.encode(P.BLOB, 7, [b"a", b"b"]))


def test_a_bad_blob_retention_is_refused_in_one_line(tmp_path):
    r = subprocess.run([OBELISK, "node", "--datadir", str(tmp_path / "n"), "--listen", "127.0.0.1:0",
                        "--rpc-listen", "127.0.0.1:0", "--blob-retention", "-5"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "--blob-retention -5" in r.stderr and "Traceback" not in r.stderr
