"""The whole compute flow across processes on two real `obelisk node`s peered on loopback: A
mines, the client posts through A, workers attach to A and to B (one of them lazy); the
sealed input reaches B only by peer blob fetch; the job is paid, the lazy worker slashed, the
client's result equals a local run, and both nodes end on the same head."""
from __future__ import annotations

import hashlib
import signal
import subprocess
import time

import pytest

from flowprocs import cli, cli_json, samples, wait_for
from nodeproc import OBELISK as NODE_OBELISK, NodeProc

from obelisk.compute.blob_rpc import sign_put
from obelisk.compute.blobs import BlobStore, Limits, blob_hash

PAYMENT, STAKE = 3_000_000, 1_000_000
BLOCK_TIME = 0.25
RETENTION = 3600  # seconds a finished job's blobs stay (--blob-retention); unclaimed ones stay 6 h


@pytest.fixture
def two_nodes(tmp_path):
    """A (mining) and B (peered to A), with the market deployed through A; both stopped at the end."""
    started = []
    try:
        a = NodeProc(tmp_path / "a", "--blob-retention", str(RETENTION), mine=True, block_time=BLOCK_TIME)
        started.append(a)
        b = NodeProc(tmp_path / "b", "--blob-retention", str(RETENTION), peers=[a.p2p])
        started.append(b)
        wait_for(lambda: a.rpc("node_info")["peers"] >= 1 and b.rpc("node_info")["peers"] >= 1, "the peering", 60)
        import lang
        from chain.keys import dev_keys
        from obelisk.compute.market import market_source
        from obelisk.node.rpc_client import RpcChain

        market = str(RpcChain(a.rpc_url, timeout=120).deploy(lang.compile_file(market_source()),
                                                            sender=dev_keys()[0]).address)
        wait_for(lambda: b.rpc("chain_getCode", market), "the market's code on B", 60)
        yield a, b, market
    finally:
        for n in started:
            n.kill()


def _events(node, market, name) -> list:
    return node.rpc("chain_getLogs", {"address": market, "event": name})


def test_workers_on_two_nodes_serve_one_job(procs, two_nodes, tmp_path):
    a, b, market = two_nodes
    on_a = {"OBELISK_RPC": a.rpc_url, "OBELISK_MARKET": market}
    on_b = {"OBELISK_RPC": b.rpc_url, "OBELISK_MARKET": market}
    honest_a = procs.worker(on_a, tmp_path / "w2", 2)
    honest_b = procs.worker(on_b, tmp_path / "w3", 3)
    lazy_b = procs.worker(on_b, tmp_path / "w4", 4, "--lazy")
    for w in (honest_a, honest_b, lazy_b):
        w.until("announced", 180)
    listed = wait_for(lambda: len(cli_json(on_a, tmp_path / "client", "workers")["workers"]) == 3, "3 announced on A")
    assert listed

    data = tmp_path / "digits.bin"
    data.write_bytes(samples(25))
    posted = cli_json(on_a, tmp_path / "client", "job", "post", str(data), "--runner", "digits", "--from", "1",
                      "--payment", str(PAYMENT), "--seats", "3", "--quorum", "2", "--stake", str(STAKE),
                      "--commit-blocks", "600", "--reveal-blocks", "600", "--no-serve")
    job, blob = str(posted["job"]), posted["input_blob"]
    loose = blob_hash(b"a blob no job names")
    a.rpc("blob_put", "0x" + b"a blob no job names".hex(), sign_put(_key(1), b"a blob no job names"))
    # Put through A only; no seat has its key yet, so nobody on B has asked for it.
    assert a.rpc("blob_has", [blob]) == [True] and b.rpc("blob_has", [blob]) == [False]
    served = cli_json(on_a, tmp_path / "client", "job", "serve", job, "--from", "1", timeout=300)
    assert served == {"job": int(job), "served": True}

    def settled():
        doc = cli_json(on_a, tmp_path / "client", "job", "status", job, "--from", "1")
        return doc if doc["state"] != "open" else None
    status = wait_for(settled, "settlement", 300, 0.5)
    assert status["state"] == "paid" and status["revealed"] == 3
    # B's workers opened the input B fetched from A (hash checked): B now holds it.
    assert b.rpc("blob_has", [blob]) == [True]
    for w in (honest_b, lazy_b):
        assert any(e["event"] == "computed" for e in w.until("settled", 120))

    accounts = {str(w): i for i, w in ((i, _address(i)) for i in (2, 3, 4))}
    paid = sorted(accounts[e["args"]["worker"]] for e in _events(a, market, "WorkerPaid") if e["args"]["job"] == int(job))
    slashed = [accounts[e["args"]["worker"]] for e in _events(a, market, "StakeForfeited") if e["args"]["job"] == int(job)]
    assert paid == [2, 3] and slashed == [4]

    out = tmp_path / "result.txt"
    cli(on_a, tmp_path / "client", "job", "result", job, "--from", "1", "-o", str(out))
    from obelisk.compute import runners

    expected = runners.load("digits").run(samples(25))
    assert out.read_bytes() == expected
    assert status["result_hash"] == "0x" + hashlib.sha256(expected).hexdigest()

    for w in (honest_a, honest_b, lazy_b):
        w.signal(signal.SIGTERM)
        assert w.wait(30) == 0
    wait_for(lambda: a.rpc("node_info")["head"] == b.rpc("node_info")["head"], "the same head on A and B", 60, 0.05)
    assert b.stop() == 0 and a.stop() == 0
    for n in (a, b):
        verified = subprocess.run([NODE_OBELISK, "verify", "--datadir", n.datadir], capture_output=True, text=True,
                                  timeout=300)
        assert verified.returncode == 0, verified.stderr
    # Each node followed the market: the job's blobs are linked to it and it is finished, so
    # they go once the retention has passed; a blob no job names stays its own (longer) time.
    results = {bytes.fromhex(s["result_blob"][2:]) for s in status["seat_list"] if s["result_blob"]}
    assert len(results) == 3
    for n in (a, b):
        with BlobStore(n.datadir, Limits(keep_finished=RETENTION), clock=lambda: time.time() + RETENTION + 60) as store:
            held = {h for h in results | {bytes.fromhex(blob[2:]), loose} if store.has(h)}
            assert bytes.fromhex(blob[2:]) in held and (n is b or loose in held)
            assert store.prune() == len(held - {loose})
            assert not any(store.has(h) for h in held - {loose}) and (n is b or store.has(loose))


def _key(index: int):
    from chain.keys import dev_keys

    return dev_keys()[index]


def _address(index: int):
    return _key(index).address
