"""Several processes on one data directory: short writers take turns, a node holds it, nothing acknowledged is lost."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import chain
from chain import errors as E
from chain.devnet import DB_FILE
from chain.lock import DatadirLock
from chain.store import Store

SCRIPT = Path(sys.executable).parent / "obelisk"


def _command(*args, datadir):
    base = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "obelisk"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}
    return base + [str(a) for a in args] + ["--datadir", str(datadir)], env


def _parallel(commands, timeout=120):
    """Start every command at once; (returncode, stdout, stderr) of each, all processes ended whatever happens."""
    procs = []
    try:
        for argv, env in commands:
            procs.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        deadline = time.monotonic() + timeout
        outputs = [p.communicate(timeout=max(1, deadline - time.monotonic())) for p in procs]
        return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs)]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def test_two_parallel_mines_on_a_new_datadir_leave_a_chain_that_verifies(tmp_path):
    d = tmp_path / "chain"
    results = _parallel([_command("mine", "6", "--json", datadir=d) for _ in range(2)])
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
    with chain.Devnet(datadir=d) as net:
        assert net.height == 12  # each process's six blocks, one on top of the other
        assert net.verify() == 12


def test_parallel_sends_from_one_account_all_land(tmp_path):
    d = tmp_path / "chain"
    n = int(os.environ.get("OBELISK_TEST_PARALLEL_SENDS", "16"))
    with chain.Devnet(datadir=d) as net:
        bob = net.accounts[1].address
        before = net.balance(bob)
    results = _parallel([_command("send", "1", str(1 + i), "--json", datadir=d) for i in range(n)])
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
        assert json.loads(out)["status"] == "success"
    with chain.Devnet(datadir=d) as net:
        assert net.nonce(net.accounts[0].address) == n  # every acknowledged send is on the chain
        assert net.balance(bob) == before + sum(range(1, n + 1))
        assert net.chain.pending() == []
        assert net.verify() == net.height


def test_a_node_holds_its_datadir_and_writers_are_refused_naming_it(tmp_path):
    d = tmp_path / "chain"
    chain.Devnet(datadir=d).close()
    path = str(d / DB_FILE)
    node = Store(path, writer_kind="node")
    try:
        with chain.Devnet(datadir=d) as net:  # a reader shares the datadir
            assert net.height == 0 and net.balance(net.accounts[0].address) > 0
            with pytest.raises(E.DatadirInUse) as info:
                net.transfer(0, net.accounts[1].address, 5)
            assert f"in use by an obelisk node (pid {os.getpid()})" in str(info.value)
            assert "--rpc" in str(info.value) and info.value.holder == {"pid": os.getpid(), "kind": "node"}
            assert net.height == 0 and net.chain.pending() == []  # nothing changed
        with pytest.raises(E.DatadirInUse, match="one node per data directory"):
            Store(path, writer_kind="node")
        # The CLI's words, from another process.
        ((code, out, err),) = _parallel([_command("send", "1", "5", datadir=d)])
        assert code != 0 and "in use by an obelisk node" in err and "Traceback" not in err
        ((code, out, err),) = _parallel([_command("balance", "0", "--json", datadir=d)])
        assert code == 0, err
    finally:
        node.close()
    with chain.Devnet(datadir=d) as net:  # the node is gone: writers write again
        net.transfer(0, net.accounts[1].address, 5)
        assert net.height == 1


def test_a_short_writer_waits_a_bounded_while_then_says_who_holds_it(tmp_path):
    path = str(tmp_path / "x.lock")
    holder = DatadirLock(path, "cli")
    holder.acquire()
    try:
        waiter = DatadirLock(path, "cli", wait=0.2)
        t0 = time.monotonic()
        with pytest.raises(E.DatadirInUse, match=rf"in use by another writer \(pid {os.getpid()}\) for over 0.2 s"):
            waiter.acquire()
        assert time.monotonic() - t0 >= 0.2 and not waiter.held
        waiter.close()
    finally:
        holder.close()
    after = DatadirLock(path, "cli", wait=0.2)
    after.acquire()  # released: taken at once
    assert after.held and after.holder() == {"pid": os.getpid(), "kind": "cli"}
    after.close()


def test_a_read_only_store_takes_no_lock_and_refuses_to_write(tmp_path):
    d = tmp_path / "chain"
    chain.Devnet(datadir=d).close()
    path = str(d / DB_FILE)
    node = Store(path, writer_kind="node")
    try:
        ro = Store(path, readonly=True)
        assert ro.get_meta("genesis") is not None
        with pytest.raises(E.StoreError, match="open read-only"):
            ro.begin()
        ro.close()
    finally:
        node.close()
    with pytest.raises(E.StoreError, match="cannot open the chain database"):
        Store(str(tmp_path / "empty.sqlite3"), readonly=True)
