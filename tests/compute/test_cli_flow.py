"""The compute flow across processes: a node, `obelisk worker` processes (one lazy), `obelisk
job post/serve/status/result`, `obelisk workers`; a worker killed with kill -9 between commit
and reveal reveals after restart. Needs the node's JSON-RPC (obelisk.node)."""
from __future__ import annotations

import hashlib
import json
import signal
import sys
from pathlib import Path

import pytest
from flowprocs import OBELISK, cli, cli_json, samples, wait_for

pytest.importorskip("obelisk.node.rpc_client", reason="the node's JSON-RPC is not in this tree yet")

HERE = Path(__file__).resolve().parent
PAYMENT, STAKE = 3_000_000, 1_000_000


def start_node(procs, datadir, port=None) -> str:
    """The compute tests' dev node (computenode.py); its RPC URL."""
    p = procs.start(sys.executable, str(HERE / "computenode.py"), str(datadir), *([] if port is None else [port]))
    return p.until("ready", 120)[-1]["rpc"]


@pytest.fixture
def node(procs, tmp_path):
    url = start_node(procs, tmp_path / "node")
    import lang
    from chain.keys import dev_keys
    from obelisk.compute.market import market_source
    from obelisk.node.rpc_client import RpcChain

    market = RpcChain(url).deploy(lang.compile_file(market_source()), sender=dev_keys()[0]).address
    return {"OBELISK_RPC": url, "OBELISK_MARKET": str(market)}


def test_client_and_three_worker_processes_one_lazy(procs, node, tmp_path):
    client = tmp_path / "client"
    for i, lazy in ((2, False), (3, False), (4, True)):
        procs.worker(node, tmp_path / f"worker{i}", i, *(["--lazy"] if lazy else []))
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(25))
    wait_for(lambda: len(cli_json(node, client, "workers")["workers"]) == 3, "announcements")
    listed = cli_json(node, client, "workers")["workers"]
    assert {o["runner"] for w in listed for o in w["offers"]} == {"digits"}

    posted = cli_json(node, client, "job", "post", str(data), "--runner", "digits", "--from", "1",
                      "--payment", str(PAYMENT), "--seats", "3", "--quorum", "2", "--stake", str(STAKE),
                      "--commit-blocks", "200", "--reveal-blocks", "200")
    job = str(posted["job"])

    def settled():
        return cli_json(node, client, "job", "status", job, "--from", "1")["state"] != "open"
    wait_for(settled, "settlement")
    status = cli_json(node, client, "job", "status", job, "--from", "1")
    assert status["state"] == "paid" and status["revealed"] == 3
    out = tmp_path / "result.txt"
    cli(node, client, "job", "result", job, "--from", "1", "-o", str(out))
    from obelisk.compute import runners

    expected = runners.load("digits").run(samples(25))
    assert out.read_bytes() == expected
    assert status["result_hash"] == "0x" + hashlib.sha256(expected).hexdigest()
    # Another account cannot open it: the result is sealed to the client's key.
    refused = cli(node, client, "job", "result", job, "--from", "2", check=False)
    assert refused.returncode == 1 and "no agreeing worker delivered a result that opens" in refused.stderr


def test_a_worker_killed_between_commit_and_reveal_reveals_after_restart(procs, node, tmp_path):
    client = tmp_path / "client"
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(5))
    first = procs.worker(node, tmp_path / "worker2", 2)
    first.until("announced")
    posted = cli_json(node, client, "job", "post", str(data), "--runner", "digits", "--from", "1",
                      "--payment", str(PAYMENT), "--seats", "2", "--quorum", "2", "--stake", str(STAKE),
                      "--commit-blocks", "300", "--reveal-blocks", "300", "--no-serve")
    job = str(posted["job"])
    server = procs.start(*OBELISK, "--datadir", str(client), "job", "serve", job, "--from", "1", env=node)
    first.until("committed")
    first.signal(signal.SIGKILL)  # between commit and reveal: seat 1 is still empty
    first.wait()
    second = procs.worker(node, tmp_path / "worker3", 3)
    second.until("committed")
    assert server.wait(120) == 0
    restarted = procs.worker(node, tmp_path / "worker2", 2)
    log = restarted.until("withdrew")
    events = [e["event"] for e in log]
    assert "joined" not in events and "committed" not in events  # it carried on from its state
    assert "revealed" in events
    assert log[-1]["amount"] == PAYMENT // 2 + STAKE


def test_a_worker_waits_out_a_node_that_went_away(procs, node, tmp_path):
    worker = procs.worker(node, tmp_path / "worker2", 2)
    worker.until("announced")
    first = procs.started[0]  # the node
    first.signal(signal.SIGTERM)
    assert first.wait(10) == 0
    worker.until("node unreachable")
    port = node["OBELISK_RPC"].rsplit(":", 1)[1]
    assert start_node(procs, tmp_path / "node", port) == node["OBELISK_RPC"]
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    cli(node, tmp_path / "client", "job", "post", str(data), "--runner", "digits", "--from", "1", "--payment",
        str(PAYMENT), "--seats", "1", "--quorum", "1", "--stake", str(STAKE), "--commit-blocks", "100",
        "--reveal-blocks", "100")
    log = worker.until("withdrew")
    assert log[-1]["amount"] == PAYMENT + STAKE


def test_a_job_nobody_serves_is_settled_by_its_client_for_the_money_back(node, tmp_path):
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    client, chain = tmp_path / "client", RpcChain(node["OBELISK_RPC"])
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    nobodys = "0x" + hashlib.sha256(b"a runner no worker serves").hexdigest()
    before = chain.balance(dev_keys()[1].address)
    posted = cli_json(node, client, "job", "post", str(data), "--runner", nobodys, "--from", "1", "--payment",
                      str(PAYMENT), "--seats", "1", "--quorum", "1", "--stake", str(STAKE), "--commit-blocks", "3",
                      "--reveal-blocks", "3", "--no-serve")
    job = str(posted["job"])
    early = cli(node, client, "--json", "job", "settle", job, "--from", "1", check=False)
    assert early.returncode == 1 and json.loads(early.stdout) == {"job": int(job), "state": "open"}
    chain.mine(7)  # past the reveal deadline
    assert cli_json(node, client, "job", "settle", job, "--from", "1") == {"job": int(job), "state": "failed"}
    assert before - chain.balance(dev_keys()[1].address) < PAYMENT // 5  # the payment came back; gas spent
    refused = cli(node, client, "job", "result", job, "--from", "1", check=False)
    assert refused.returncode == 1 and "has no agreed result (it is failed)" in refused.stderr
