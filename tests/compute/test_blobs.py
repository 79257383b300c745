"""The blob store: addressed and verified by SHA-256, bounded, pruned; and its RPC methods."""
from __future__ import annotations

import asyncio
import hashlib
import sqlite3

import pytest

from chain.keys import dev_key
from obelisk.compute import blob_rpc
from obelisk.compute.blobs import PEER, BlobError, BlobStore, Corrupt, Limits, blob_hash

ALICE = bytes(dev_key(1).address)
BOB = bytes(dev_key(2).address)


class Clock:
    def __init__(self):
        self.now = 1_000_000

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    limits = Limits(max_blob=1000, quota=2500, peer_allowance=1500, max_total=4000,
                    keep_finished=100, keep_unclaimed=1000)
    with BlobStore(tmp_path, limits, clock=clock) as s:
        yield s


def test_a_blob_is_stored_and_served_by_its_hash(store, tmp_path):
    h = store.put(b"sealed input", ALICE)
    assert h == hashlib.sha256(b"sealed input").digest()
    assert store.get(h) == b"sealed input" and store.has(h)
    assert store.get(blob_hash(b"other")) is None
    assert (tmp_path / "blobs.sqlite3").is_file()


def test_a_blob_that_does_not_match_its_hash_is_refused(store):
    wanted = blob_hash(b"the real blob")
    with pytest.raises(BlobError, match="does not match its hash"):
        store.put_from_peer(wanted, b"the real blob, tampered")
    assert not store.has(wanted) and store.usage(PEER) == 0
    assert store.put_from_peer(wanted, b"the real blob") == wanted


def test_a_blob_damaged_on_disk_is_never_served(store, tmp_path):
    h = store.put(b"x" * 100, ALICE)
    db = sqlite3.connect(tmp_path / "blobs.sqlite3")
    with db:
        db.execute("UPDATE blobs SET data = ? WHERE hash = ?", (b"y" * 100, h))
    db.close()
    with pytest.raises(Corrupt):
        store.get(h)
    assert store.get(h) is None  # dropped, so a peer can supply it again


def test_sizes_quotas_and_the_total_are_bounded(store):
    with pytest.raises(BlobError, match="over the limit of 1000"):
        store.put(bytes(1001), ALICE)
    store.put(b"a" * 1000, ALICE)
    store.put(b"b" * 1000, ALICE)
    with pytest.raises(BlobError, match="quota exceeded"):
        store.put(b"c" * 600, ALICE)
    store.put(b"a" * 1000, ALICE)  # already stored: free
    assert store.usage(ALICE) == 2000
    store.put(b"d" * 1000, BOB)  # another account has its own quota
    store.put(b"e" * 1000, BOB)  # 4000 bytes in all: the store's limit
    with pytest.raises(BlobError, match="full"):
        store.put(b"f", BOB)


def test_blobs_from_peers_have_an_allowance_of_their_own(store):
    store.put_from_peer(blob_hash(b"f" * 1000), b"f" * 1000)
    with pytest.raises(BlobError, match="quota exceeded: peers"):
        store.put_from_peer(blob_hash(b"g" * 600), b"g" * 600)
    with pytest.raises(BlobError, match="32 bytes"):
        store.put_from_peer(b"short", b"g")


def test_finished_jobs_blobs_are_pruned_after_the_configured_time(store, clock):
    job1, job2 = b"market" + bytes(8), b"market" + (1).to_bytes(8, "big")
    shared, only1, loose = store.put(b"shared", ALICE), store.put(b"only1", ALICE), store.put(b"loose", ALICE)
    store.link(shared, job1)
    store.link(shared, job2)
    store.link(only1, job1)
    store.job_finished(job1)
    clock.now += 100
    assert store.prune() == 0  # kept for keep_finished seconds, gone after
    clock.now += 1
    assert store.prune() == 1
    assert not store.has(only1) and store.has(shared)  # job2 still runs
    store.job_finished(job2)
    clock.now += 101
    assert store.prune() == 1 and not store.has(shared)
    assert store.has(loose)  # unclaimed: kept for keep_unclaimed
    clock.now += 1000
    assert store.prune() == 1 and not store.has(loose)
    assert store.usage(ALICE) == 0
    assert store.rows() == {"blobs": 0, "blob_jobs": 0, "finished_jobs": 0}  # nothing left of the jobs


def test_a_job_that_never_finishes_pins_no_blob_for_ever(store, clock):
    # Any contract can emit the market's events: a job that never finishes holds its blobs
    # keep_at_most at most; links to blobs never fetched go with their finished jobs.
    pinned = store.put(b"pinned", ALICE)
    store.link(pinned, b"fake" + bytes(8))
    store.link(blob_hash(b"never fetched"), b"done" + bytes(8))
    store.job_finished(b"done" + bytes(8))
    clock.now += 7 * 24 * 3600 - 1
    assert store.prune() == 0 and store.has(pinned)
    assert store.rows() == {"blobs": 1, "blob_jobs": 1, "finished_jobs": 0}
    clock.now += 2
    assert store.prune() == 1 and store.usage(ALICE) == 0
    assert store.rows() == {"blobs": 0, "blob_jobs": 0, "finished_jobs": 0}


def test_the_store_survives_a_reopen(tmp_path):
    with BlobStore(tmp_path) as s:
        h = s.put(b"kept", ALICE)
    with BlobStore(tmp_path) as s:
        assert s.get(h) == b"kept"


# -- the RPC methods ---------------------------------------------------------------------

def call(methods, name, *params):
    return asyncio.run(methods[name](list(params)))


@pytest.fixture
def methods(store):
    return blob_rpc.blob_methods(store)


def test_blob_put_and_get_over_the_methods(methods, store):
    key = dev_key(1)
    data = b"\x00\x01sealed"
    h = call(methods, "blob_put", "0x" + data.hex(), blob_rpc.sign_put(key, data))
    assert h == "0x" + blob_hash(data).hex()
    assert call(methods, "blob_get", h) == "0x" + data.hex()
    assert call(methods, "blob_get", "0x" + "00" * 32) is None
    assert call(methods, "blob_has", [h, "0x" + "00" * 32]) == [True, False]
    assert store.usage(bytes(key.address)) == len(data)


def test_blob_put_is_charged_only_to_the_signer(methods, store):
    data = b"payload"
    auth = blob_rpc.sign_put(dev_key(1), b"another payload")  # signature for other bytes
    with pytest.raises(blob_rpc.BlobRpcError) as info:
        call(methods, "blob_put", "0x" + data.hex(), auth)
    assert info.value.code == -32000 and "signature" in info.value.data["reason"]
    assert not store.has(blob_hash(data))


@pytest.mark.parametrize("name, params, message", [
    ("blob_put", ["0x00"], "takes a list of 2"),
    ("blob_put", ["00", {}], "data: expected 0x hex"),
    ("blob_put", ["0x" + "00" * 1001, {}], "at most 1000 bytes"),
    ("blob_put", ["0x00", {"public_key": "0x"}], "owner: expected"),
    ("blob_get", ["0x1234"], "32-byte"),
    ("blob_get", [5], "hash: expected 0x hex"),
    ("blob_has", ["0x" + "00" * 32], "list of at most 100"),
    ("blob_has", [["0x" + "00" * 32] * 101], "list of at most 100"),
    ("blob_has", [["zz"]], "hashes[0]"),
])
def test_bad_parameters_are_named(methods, name, params, message):
    with pytest.raises(blob_rpc.BlobRpcError) as info:
        call(methods, name, *params)
    assert info.value.code == -32602 and message in info.value.message


def test_quota_refusal_reaches_the_caller(methods):
    key = dev_key(3)
    for i in range(2):
        data = bytes([i]) * 1000
        call(methods, "blob_put", "0x" + data.hex(), blob_rpc.sign_put(key, data))
    data = b"z" * 600
    with pytest.raises(blob_rpc.BlobRpcError) as info:
        call(methods, "blob_put", "0x" + data.hex(), blob_rpc.sign_put(key, data))
    assert "quota exceeded" in info.value.data["reason"]


def test_market_events_link_blobs_and_finish_jobs(store, clock):
    from obelisk.compute.blobs import follow_market, job_key

    market = "0x" + "ab" * 20
    inp, res, other = store.put(b"input", ALICE), store.put(b"result", BOB), store.put(b"other", BOB)
    events = [
        {"name": "SealedJob", "address": market, "args": {"job": 4, "input_blob": "0x" + inp.hex()}},
        {"name": "ResultDelivered", "address": market, "args": {"job": 4, "result_blob": "0x" + res.hex()}},
        {"name": "Transfer", "address": market, "args": {"to": "0x00"}},  # not the market's: ignored
        {"name": "SealedJob", "address": "junk", "args": {}},
    ]
    follow_market(store, events)
    follow_market(store, [{"name": "JobPaid", "address": market, "args": {"job": 4}}])
    clock.now += 101
    assert store.prune() == 2
    assert not store.has(inp) and not store.has(res) and store.has(other)
    assert job_key(bytes.fromhex("ab" * 20), 4) == bytes.fromhex("ab" * 20) + (4).to_bytes(8, "big")
