"""NODE.md's behaviours 1-4 with real node processes on loopback."""
import signal
import subprocess

from nodeproc import OBELISK, signed_transfer, wait_until


def _head(n):
    return n.rpc("node_info")["head"]


def test_line_of_three_tx_sent_to_c_is_mined_everywhere(nodes):
    a = nodes("a", mine=True, block_time=1)
    b = nodes("b", peers=[a.p2p])
    c = nodes("c", peers=[b.p2p])
    wait_until(lambda: c.rpc("node_info")["peers"] >= 1)
    h = c.rpc("tx_send", "0x" + signed_transfer(1, 0).hex())
    receipts = [wait_until(lambda n=n: n.rpc("chain_getReceipt", h), 30) for n in (a, b, c)]
    assert all(r["status"] == "success" for r in receipts)
    assert len({r["block"] for r in receipts}) == 1
    # The same block at that height everywhere, and the same head once a's next block has spread.
    number = receipts[0]["block"]
    assert len({n.rpc("chain_getBlock", number)["hash"] for n in (a, b, c)}) == 1
    wait_until(lambda: len({_head(n) for n in (a, b, c)}) == 1 or None, 15, 0.05)
    assert a.stop(signal.SIGINT) == 0
    for n in (b, c):
        assert n.stop() == 0


def test_late_node_syncs_and_verifies(nodes, tmp_path):
    a = nodes("a")
    a.rpc("dev_mine", 60)
    late = nodes("late", peers=[a.p2p])
    target = a.rpc("node_info")
    wait_until(lambda: late.rpc("node_info")["head"] == target["head"], 30)
    assert late.stop() == 0
    out = subprocess.run([OBELISK, "verify", "--datadir", late.datadir, "--json"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr


def test_partition_heals_to_most_work_and_abandoned_txs_get_mined(nodes):
    left = nodes("left", mine=True, block_time=1)
    right = nodes("right")
    # The right half mines a short branch holding a transaction; the left half a longer one.
    h = right.rpc("tx_send", "0x" + signed_transfer(2, 0).hex())
    right.rpc("dev_mine", 1)
    assert right.rpc("chain_getReceipt", h) is not None
    wait_until(lambda: left.rpc("node_info")["height"] >= 4, 30)
    assert right.rpc("node_addPeer", left.p2p) is True
    wait_until(lambda: _head(right) == _head(left) or None, 30, 0.05)
    # The right branch was abandoned; its transaction went back to the pool and is mined on the left chain.
    for n in (left, right):
        r = wait_until(lambda n=n: n.rpc("chain_getReceipt", h), 30)
        assert r["status"] == "success"


def test_kill_9_mid_sync_then_restart_converges_and_verifies(nodes):
    a = nodes("a")
    for _ in range(4):
        a.rpc("dev_mine", 100)
    target = a.rpc("node_info")
    b = nodes("b", peers=[a.p2p])
    wait_until(lambda: b.rpc("node_info")["height"] >= 20, 60, 0.01)
    b.kill()
    assert b.lines[-1].get("height", 0) < target["height"]  # killed mid-sync
    b2 = nodes("b", peers=[a.p2p])
    wait_until(lambda: b2.rpc("node_info")["head"] == target["head"], 60)
    assert b2.stop() == 0
    out = subprocess.run([OBELISK, "verify", "--datadir", b2.datadir], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_nodes_of_another_network_refuse_each_other_and_stop_cleanly(nodes, tmp_path):
    gen = tmp_path / "genesis.json"
    out = subprocess.run([OBELISK, "genesis", "new", "--chain-id", "4242", "--alloc", "0=1000", "-o", str(gen),
                          "--timestamp", "1700000000"], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    other = nodes("other", "--genesis", str(gen))
    assert other.rpc("node_info")["chain_id"] == 4242
    dev = nodes("dev", peers=[other.p2p])
    refused = dev.wait_event(lambda e: e["event"] == "peer_refused", 15)
    assert "another network" in refused["reason"]
    assert dev.rpc("node_info")["peers"] == 0
    assert other.stop() == 0 and dev.stop() == 0


def test_a_second_writer_on_a_node_datadir_is_refused(nodes):
    a = nodes("a")
    second = subprocess.run([OBELISK, "node", "--datadir", a.datadir, "--listen", "127.0.0.1:0", "--rpc-listen",
                             "127.0.0.1:0", "--json"], capture_output=True, text=True, timeout=30)
    assert second.returncode == 2
    assert "node" in second.stderr and "Traceback" not in second.stderr
    mine = subprocess.run([OBELISK, "mine", "--datadir", a.datadir], capture_output=True, text=True, timeout=30)
    assert mine.returncode != 0 and "Traceback" not in mine.stderr
    assert a.rpc("node_info")["height"] == 0  # the node serves on, its datadir untouched
