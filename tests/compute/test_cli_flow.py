"""The compute flow across processes: a node, `obelisk worker` processes (one lazy), `obelisk
job post/serve/status/result`, `obelisk workers`; a worker killed with kill -9 between commit
and reveal reveals after restart. Needs the node's JSON-RPC (obelisk.node)."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("obelisk.node.rpc_client", reason="the node's JSON-RPC is not in this tree yet")

HERE = Path(__file__).resolve().parent
OBELISK = [sys.executable, "-m", "obelisk"]
PAYMENT, STAKE = 3_000_000, 1_000_000


class Procs:
    """Every process a test starts, stopped whatever happens."""

    def __init__(self):
        self.procs = []

    def start(self, *args, **kw):
        p = subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
        self.procs.append(p)
        return p

    def stop_all(self):
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.fixture
def procs():
    ps = Procs()
    try:
        yield ps
    finally:
        ps.stop_all()


@pytest.fixture
def node(procs, tmp_path):
    p = procs.start(sys.executable, str(HERE / "computenode.py"), str(tmp_path / "node"))
    url = json.loads(p.stdout.readline())["rpc"]
    import lang
    from chain.keys import dev_keys
    from obelisk.compute.market import market_source
    from obelisk.node.rpc_client import RpcChain

    market = RpcChain(url).deploy(lang.compile_file(market_source()), sender=dev_keys()[0]).address
    return {"OBELISK_RPC": url, "OBELISK_MARKET": str(market)}


def cli(env, tmp_path, *args, check=True):
    out = subprocess.run([*OBELISK, "--datadir", str(tmp_path / "client"), *args], capture_output=True, text=True,
                         timeout=120, env={**os.environ, **env})
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def start_worker(procs, env, tmp_path, index, *extra):
    return procs.start(*OBELISK, "--datadir", str(tmp_path / f"worker{index}"), "worker", "--json",
                       "--from", str(index), "--interval", "0.2", *extra, env={**os.environ, **env})


def wait_for(pred, what, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def read_until(proc, event, timeout=60.0) -> list:
    """Lines of a worker's JSON log up to the first with this event."""
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"worker exited before {event}: {lines} {proc.stderr.read()}")
        lines.append(json.loads(line))
        if lines[-1]["event"] == event:
            return lines
    raise AssertionError(f"no {event} in {lines}")


def samples(n) -> Path:
    from obelisk.runners import digits

    x, _ = digits.held_out()
    return x[:n].tobytes()


def test_client_and_three_worker_processes_one_lazy(procs, node, tmp_path):
    for i, lazy in ((2, False), (3, False), (4, True)):
        start_worker(procs, node, tmp_path, i, *(["--lazy"] if lazy else []))
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(25))
    wait_for(lambda: len(json.loads(cli(node, tmp_path, "workers", "--json").stdout)["workers"]) == 3, "announcements")
    listed = json.loads(cli(node, tmp_path, "workers", "--json").stdout)["workers"]
    assert {o["runner"] for w in listed for o in w["offers"]} == {"digits"}

    posted = json.loads(cli(node, tmp_path, "--json", "job", "post", str(data), "--runner", "digits", "--from", "1",
                            "--payment", str(PAYMENT), "--seats", "3", "--quorum", "2", "--stake", str(STAKE),
                            "--commit-blocks", "200", "--reveal-blocks", "200").stdout.splitlines()[0])
    job = str(posted["job"])

    def settled():
        doc = json.loads(cli(node, tmp_path, "--json", "job", "status", job, "--from", "1").stdout)
        return doc["state"] != "open"
    wait_for(settled, "settlement")
    status = json.loads(cli(node, tmp_path, "--json", "job", "status", job, "--from", "1").stdout)
    assert status["state"] == "paid" and status["revealed"] == 3
    out = tmp_path / "result.txt"
    cli(node, tmp_path, "job", "result", job, "--from", "1", "-o", str(out))
    from obelisk.compute import runners

    expected = runners.load("digits").run(samples(25))
    assert out.read_bytes() == expected
    assert status["result_hash"] == "0x" + hashlib.sha256(expected).hexdigest()
    # Another account cannot open it: the result is sealed to the client's key.
    refused = cli(node, tmp_path, "job", "result", job, "--from", "2", check=False)
    assert refused.returncode == 1 and "no agreeing worker delivered a result that opens" in refused.stderr


def test_a_worker_killed_between_commit_and_reveal_reveals_after_restart(procs, node, tmp_path):
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(5))
    first = start_worker(procs, node, tmp_path, 2)
    read_until(first, "announced")
    posted = json.loads(cli(node, tmp_path, "--json", "job", "post", str(data), "--runner", "digits", "--from", "1",
                            "--payment", str(PAYMENT), "--seats", "2", "--quorum", "2", "--stake", str(STAKE),
                            "--commit-blocks", "300", "--reveal-blocks", "300", "--no-serve").stdout)
    job = str(posted["job"])
    server = procs.start(*OBELISK, "--datadir", str(tmp_path / "client"), "job", "serve", job, "--from", "1",
                         env={**os.environ, **node})
    read_until(first, "committed")
    first.send_signal(signal.SIGKILL)  # between commit and reveal: seat 1 is still empty
    first.wait()
    second = start_worker(procs, node, tmp_path, 3)
    read_until(second, "committed")
    assert server.wait(60) == 0
    restarted = start_worker(procs, node, tmp_path, 2)
    log = read_until(restarted, "withdrew")
    events = [e["event"] for e in log]
    assert "joined" not in events and "committed" not in events  # it carried on from its state
    assert "revealed" in events
    assert log[-1]["amount"] == PAYMENT // 2 + STAKE


def test_a_worker_waits_out_a_node_that_went_away(procs, node, tmp_path):
    worker = start_worker(procs, node, tmp_path, 2)
    read_until(worker, "announced")
    first = procs.procs[0]  # the node
    first.terminate()
    assert first.wait(10) == 0
    read_until(worker, "node unreachable")
    port = node["OBELISK_RPC"].rsplit(":", 1)[1]
    again = procs.start(sys.executable, str(HERE / "computenode.py"), str(tmp_path / "node"), port)
    assert json.loads(again.stdout.readline())["rpc"] == node["OBELISK_RPC"]
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    cli(node, tmp_path, "job", "post", str(data), "--runner", "digits", "--from", "1", "--payment", str(PAYMENT),
        "--seats", "1", "--quorum", "1", "--stake", str(STAKE), "--commit-blocks", "100", "--reveal-blocks", "100")
    log = read_until(worker, "withdrew")
    assert log[-1]["amount"] == PAYMENT + STAKE
