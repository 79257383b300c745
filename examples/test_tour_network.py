"""`bash examples/tour.sh`: three nodes, three workers (one lazy), a client, over loopback.

The --json document tells the whole outcome; no process the tour started survives it, whether
it ends, is stopped by SIGTERM, or is killed with SIGKILL.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARK = "OBELISK_TOUR_TEST_MARK"


def survivors(mark: str) -> list:
    """Pids of processes whose environment carries this run's mark (the tour passes it on to all it starts)."""
    needle = f"{MARK}={mark}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if needle in f.read().split(b"\0"):
                    found.append(int(entry))
        except OSError:
            continue
    return found


def gone(mark: str, timeout: float = 10.0) -> list:
    end = time.monotonic() + timeout
    while survivors(mark) and time.monotonic() < end:
        time.sleep(0.1)
    return survivors(mark)


def start_tour(*args, mark):
    return subprocess.Popen(["bash", str(ROOT / "examples" / "tour.sh"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, MARK: mark})


@pytest.fixture(scope="module")
def tour(tmp_path_factory):
    mark = uuid.uuid4().hex
    root = tmp_path_factory.mktemp("tour") / "net"
    proc = start_tour("--json", "--datadir", str(root), mark=mark)
    try:
        out, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, out + err
    lines = out.splitlines()
    assert len(lines) == 1, out  # one JSON document, nothing else
    return json.loads(lines[0]), root, mark


def test_the_tour_pays_the_honest_workers_and_slashes_the_lazy_one(tour):
    doc, _, _ = tour
    from chain.keys import dev_keys

    keys = dev_keys()
    assert doc["ok"] is True and doc["nodes"] == 3 and doc["workers"] == 3
    job = doc["job"]
    assert job["state"] == "paid"
    assert job["paid"] == sorted([str(keys[2].address), str(keys[3].address)])
    assert job["slashed"] == [str(keys[4].address)]
    assert doc["market"] == "0x000000000000000000000000000000000000c0de"


def test_the_agreed_result_is_the_model_run_locally(tour):
    doc, root, _ = tour
    from obelisk.compute import runners
    from obelisk.runners import digits

    x, _ = digits.held_out()
    expected = runners.load("digits").run(x[:doc["samples"]].tobytes())
    assert doc["result_matches_local"] is True
    assert doc["job"]["result_hash"] == "0x" + hashlib.sha256(expected).hexdigest()
    assert (root / "result.txt").read_bytes() == expected  # what `obelisk job result -o` wrote


def test_every_node_ends_on_one_head_and_verifies(tour):
    doc, root, _ = tour
    assert doc["heads_equal"] is True and doc["verified"] is True
    import chain

    for name in "ABC":  # the kept datadirs, read again here
        net = chain.Devnet(root / name)
        try:
            assert net.block().hash.hex() == doc["head"]["hash"][2:]
            assert net.verify() == doc["head"]["height"]
        finally:
            net.close()


def test_no_process_survives_the_tour(tour):
    assert gone(tour[2]) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_no_process_survives_a_stopped_or_killed_tour(tmp_path, sig):
    mark = uuid.uuid4().hex
    proc = start_tour("--datadir", str(tmp_path / "net"), mark=mark)
    try:
        for line in proc.stdout:  # the story, until the workers are running
            if "announces" in line:
                break
        else:
            pytest.fail(f"the tour ended early: {proc.stderr.read()}")
        assert len(survivors(mark)) >= 6  # three nodes and three workers at least
        proc.send_signal(sig)
        proc.wait(30)
        if sig == signal.SIGTERM:
            assert proc.returncode == 1
            assert "interrupted (SIGTERM)" in proc.stderr.read()
        assert gone(mark) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in survivors(mark):  # a failed test still leaves nothing running
            os.kill(pid, signal.SIGKILL)


def _tour_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("obelisk_network_tour", ROOT / "examples" / "tour.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_nodes_that_missed_the_miners_last_block_get_it_from_the_miner_restarted(tmp_path, monkeypatch):
    # The rare ending where A's last block left with A: the first wait for B and C fails.
    tour = _tour_module()
    waits = []
    real_wait = tour._wait_heads

    def first_wait_fails(b, c, want, timeout):
        waits.append(want)
        return False if len(waits) == 1 else real_wait(b, c, want, timeout)

    monkeypatch.setattr(tour, "_wait_heads", first_wait_fails)
    with tour.LocalNet(str(tmp_path)) as net:
        a = net.node("A", mine=True, block_time=0.5)
        b, c = net.node("B", peers=[a.p2p]), net.node("C", peers=[a.p2p])
        deadline = time.monotonic() + 30
        while min(n.rpc("node_info")["height"] for n in (b, c)) < 2:
            assert time.monotonic() < deadline, "B and C did not follow A"
            time.sleep(0.1)
        head, heads_equal, verified = tour.agree_and_verify(net, tour.Story(quiet=True), a, b, c)
        assert heads_equal and verified and len(waits) == 2 and head["number"] >= 2
        assert not any(p.running for p in net.procs)  # A restarted, and stopped again


def test_a_used_datadir_is_refused_before_anything_starts(tmp_path):
    (tmp_path / "something").write_text("x")
    mark = uuid.uuid4().hex
    proc = start_tour("--datadir", str(tmp_path), mark=mark)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "not an empty directory" in err and "Traceback" not in err
    assert survivors(mark) == []


def test_a_story_that_goes_wrong_fails_the_tour_and_stops_everything(tmp_path, monkeypatch, capsys):
    # A worker that cannot start (dev account 99 does not exist): the tour says so, exits 1, leaves nothing.
    tour = _tour_module()
    mark = uuid.uuid4().hex
    monkeypatch.setenv(MARK, mark)
    monkeypatch.setattr(tour, "WORKERS", (("A", 2, False), ("B", 3, False), ("C", 99, True)))
    monkeypatch.setattr(tour, "dev_address", lambda index: f"dev account {index}")
    assert tour.main(["--json", "--datadir", str(tmp_path / "net")]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    assert doc["error"].startswith("worker99 exited: ") and "99" in doc["error"][len("worker99"):]
    assert gone(mark) == []
