"""Faults: kill -9 while mining or submitting, and flipped bytes in stored data.

A killed process leaves the last whole block and every acknowledged
transaction; verify finds any changed byte of the database.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import chain
from chain.devnet import DB_FILE
from chain.state import StateCorrupt

# Submits transfers and mines, printing each hash once submit() has returned
# (acknowledged) and "mined" once a block is stored. Killed at a random moment
# by the test, or kills itself (SIGKILL) at a chosen SQL statement of the
# database transaction of its NTH submission or mining: argv = datadir seed
# [phase nth target], target a statement index after BEGIN, "COMMIT" (the
# moment before the commit starts) or "COMMIT~US" (US microseconds after the
# commit starts, from another thread: during SQLite's write and fsync).
WORKER = r"""
import os, signal, sys, random, threading, time
import chain
net = chain.Devnet(datadir=sys.argv[1])
rnd = random.Random(int(sys.argv[2]))
phase, nth, target = (sys.argv[3], int(sys.argv[4]), sys.argv[5]) if len(sys.argv) > 3 else (None, 0, None)
to = chain.Address("0x" + "cd" * 20)
seen = {"submit": 0, "mine": 0}
now = {"phase": None, "k": None}

def trace(sql):
    if now["phase"] != phase or seen[phase] != nth:
        return
    if sql.startswith("BEGIN"):
        now["k"] = 0
    elif now["k"] is not None:
        now["k"] += 1
    if target.startswith("COMMIT~") and sql == "COMMIT":
        delay = int(target[7:]) / 1e6
        threading.Thread(target=lambda: (time.sleep(delay), os.kill(os.getpid(), signal.SIGKILL))).start()
        now["k"] = None
        return
    if now["k"] is not None and (str(now["k"]) == target or sql == "COMMIT"):
        os.kill(os.getpid(), signal.SIGKILL)

def step(name, fn):
    seen[name] += 1
    now["phase"], now["k"] = name, None
    out = fn()
    now["phase"] = None
    return out

net.store.db.set_trace_callback(trace)
print("ready", flush=True)
while True:
    for _ in range(rnd.randint(1, 30)):
        sender = net.accounts[rnd.randrange(3)]
        h = step("submit", lambda: net.submit(net.make_tx(sender, to, rnd.randint(1, 1000))))
        print(h.hex(), flush=True)
    for _ in range(rnd.randint(1, 2)):
        step("mine", lambda: net.mine(1))
        print("mined", flush=True)
"""


def _run_and_kill(datadir, seed, rnd=None, planned=()):
    """(acknowledged hashes, blocks stored); killed by us after a random delay, or by itself as `planned`."""
    proc = subprocess.Popen([sys.executable, "-c", WORKER, str(datadir), str(seed), *map(str, planned)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        if planned:
            proc.wait(timeout=30)
        else:
            time.sleep(rnd.uniform(0.02, 0.25))
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    lines = out.split()
    return [line for line in lines if len(line) == 64], lines.count("mined")


# (phase, nth occurrence, statement): every step of a block's and of a
# submission's database transaction, from just after BEGIN to just before COMMIT.
# A block's transaction writes the block, indexes, receipts and state nodes
# (statements 1..~15), then moves the head (~16..28).
PLANNED_KILLS = [("mine", 1, "1"), ("mine", 2, "4"), ("mine", 1, "12"), ("mine", 2, "20"), ("mine", 3, "COMMIT"),
                 ("submit", 3, "1"), ("submit", 7, "COMMIT"),
                 ("mine", 2, "COMMIT~0"), ("mine", 1, "COMMIT~300"), ("submit", 5, "COMMIT~100")]


def test_kill_9_loses_no_block_and_no_acknowledged_transaction(tmp_path):
    rnd = random.Random(1234)
    acknowledged = []
    height = 0
    rounds = [(p, None) for p in PLANNED_KILLS] + [((), rnd), ((), rnd)]
    for seed, (planned, timer) in enumerate(rounds):
        acked, mined = _run_and_kill(tmp_path, seed, timer, planned)
        acknowledged += acked
        with chain.Devnet(datadir=tmp_path) as net:  # no recovery step: just open
            if planned and not planned[2].startswith("COMMIT~"):
                # Killed inside a database transaction: exactly the blocks that were
                # reported stored are there, and nothing of the interrupted one.
                assert net.height == height + mined, planned
            elif planned and planned[0] == "mine":
                # Killed during the commit: the block is there whole or not at all.
                assert net.height in (height + mined, height + mined + 1), planned
            else:
                assert net.height >= height + mined
            height = net.height
            assert net.verify() == net.height
            lost = [h for h in acknowledged if net.tx(h) is None]
            assert lost == [], planned
    assert acknowledged, "the worker never got a transaction through"
    with chain.Devnet(datadir=tmp_path) as net:
        net.mine(1)
        missing = [h for h in acknowledged if net.receipt(h) is None]
        assert missing == []
        assert all(net.receipt(h).status for h in acknowledged)
        assert net.verify() == net.height


def _flip_targets(db):
    """(table, column, rowid) of every stored value, integer and blob columns alike."""
    columns = {
        "blocks": ["hash", "height", "parent", "work", "data"],
        "canon": ["height", "hash"],
        "txindex": ["tx_hash", "block_hash", "idx"],
        "receipts": ["block_hash", "idx", "data"],
        "nodes": ["hash", "data"],
        "code": ["hash", "data"],
        "meta": ["value"],
        "pending": ["tx_hash", "data"],
    }
    out = []
    for table, cols in columns.items():
        for (rowid,) in db.execute(f"SELECT rowid FROM {table}"):
            out += [(table, c, rowid) for c in cols]
    return out


def _flip(db, table, column, rowid, rnd):
    (value,) = db.execute(f"SELECT {column} FROM {table} WHERE rowid=?", (rowid,)).fetchone()
    if isinstance(value, int):
        new = value ^ (1 << rnd.randrange(4))
    elif isinstance(value, str):  # cumulative work, as decimal text
        i = rnd.randrange(len(value))
        new = value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1:]
    else:
        data = bytearray(value)
        data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
        new = bytes(data)
    try:
        db.execute(f"UPDATE {table} SET {column}=? WHERE rowid=?", (new, rowid))
    except sqlite3.IntegrityError:  # the flip collides with another key: not a storable change
        return None
    # canon.height is the rowid itself: the row has moved.
    return value, (new if (table, column) == ("canon", "height") else rowid)


def test_any_flipped_byte_is_caught_by_verify(tmp_path, asm):
    with chain.Devnet(datadir=tmp_path) as net:
        token = net.deploy(asm.token(), 1000)
        token.transfer(net.accounts[1].address, 5)
        with pytest.raises(chain.Reverted):
            token.transfer(net.accounts[1].address, 10**6)
        net.transfer(net.accounts[2], net.accounts[3].address, 9)
        net.submit(net.make_tx(0, net.accounts[4].address, 1))
        assert net.verify() == net.height
    db = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    rnd = random.Random(99)
    targets = _flip_targets(db)
    by_table = {}
    for t in targets:
        by_table.setdefault(t[0], []).append(t)
    # Every table and column, and a sample of the many state nodes.
    chosen = [t for t in targets if t[0] != "nodes"] + rnd.sample(by_table["nodes"], min(40, len(by_table["nodes"])))
    caught = 0
    for table, column, rowid in chosen:
        flipped = _flip(db, table, column, rowid, rnd)
        if flipped is None:
            continue
        old, where = flipped
        try:
            with chain.Devnet(datadir=tmp_path) as net:
                with pytest.raises(chain.ChainError):
                    net.verify()
        except chain.ChainError:
            pass  # refusing to open the data directory at all is also a catch
        finally:
            db.execute(f"UPDATE {table} SET {column}=? WHERE rowid=?", (old, where))
        caught += 1
    assert caught >= len(chosen) - 3
    with chain.Devnet(datadir=tmp_path) as net:
        assert net.verify() == net.height


SPAM = """
contract Spam {
    event Big(b: bytes);
    pub fn spam(n: int, b: bytes) {
        for i in range(n) {
            emit Big(b);
        }
    }
}
"""


def test_a_receipt_over_the_size_limit_fails_the_transaction(net, monkeypatch):
    import lang

    from chain import consensus

    # With event data at 8 gas a byte, 4 MiB of logs costs more than a block's
    # gas: the guard is checked here with a smaller limit.
    monkeypatch.setattr(consensus, "MAX_RECEIPT_SIZE", 150_000)
    spam = net.deploy(lang.compile_source(SPAM, filename="spam.contract"))
    blob = b"\x07" * 60_000
    ok = spam.spam(2, blob, gas=5_000_000)
    assert len(ok.logs) == 2 and ok.logs[0].args["b"] == blob
    with pytest.raises(chain.Reverted) as info:
        spam.spam(3, blob, gas=5_000_000)
    r = info.value.receipt
    assert r.reason == "receipt over the size limit" and r.gas_used == 5_000_000 and r.logs == []
    assert net.verify() == net.height


def test_damaged_state_stops_execution_instead_of_becoming_a_receipt(tmp_path, asm):
    with chain.Devnet(datadir=tmp_path) as net:
        token = net.deploy(asm.token(), 1000)
        address = token.address
    db = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    # Damage every storage leaf: [0, key, value] whose value is a tagged [tag, v] pair.
    damaged = 0
    for h, data in db.execute("SELECT hash, data FROM nodes").fetchall():
        if data[:2] == b"\x93\x00" and data[38] == 0x92:
            db.execute("UPDATE nodes SET data=? WHERE hash=?", (data[:-1] + bytes([data[-1] ^ 1]), h))
            damaged += 1
    db.close()
    assert damaged >= 1
    with chain.Devnet(datadir=tmp_path) as net:
        height = net.height
        with pytest.raises(StateCorrupt):
            net.at(address, asm.token()).transfer(net.accounts[1].address, 1)
        assert net.height == height
        with pytest.raises(chain.VerifyError):
            net.verify()


def test_unusable_data_directories_are_refused_cleanly(tmp_path):
    from chain import consensus as C
    from chain.core import Chain
    from chain.store import Store

    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / DB_FILE).write_bytes(b"not a database" * 100)
    (tmp_path / "file").write_text("x")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    db = sqlite3.connect(foreign / DB_FILE)
    db.execute("CREATE TABLE blocks (x INTEGER)")
    db.commit()
    db.close()
    for d in (tmp_path / "junk", tmp_path / "file", foreign):
        with pytest.raises(chain.StoreError):
            chain.Devnet(datadir=d)
    with chain.Devnet(datadir=tmp_path / "dev"):
        pass
    other = C.ChainParams(chain_id=99)
    with pytest.raises(chain.StoreError, match="another chain"):
        Chain(Store(str(tmp_path / "dev" / DB_FILE)), other)


# Damage a data directory by hand (another tool, a bad disk, an attacker with
# file access): every door then works or raises a ChainError, never a traceback.
DAMAGE = [
    "UPDATE meta SET value=x'00' WHERE key='head'",
    "UPDATE meta SET value=5 WHERE key='head'",
    "DELETE FROM meta WHERE key='head'",
    "UPDATE meta SET value='text' WHERE key='genesis'",
    "UPDATE meta SET value=x'00' WHERE key='chain_id'",
    "UPDATE blocks SET work='abc'",
    "UPDATE blocks SET work=x'0102'",
    "UPDATE blocks SET work='-5' WHERE height=1",
    "UPDATE blocks SET data=x'c0' WHERE height=1",
    "UPDATE blocks SET data=7 WHERE height=1",
    "UPDATE blocks SET data='x' WHERE height=1",
    "UPDATE blocks SET data=x'00' WHERE height=0",
    "UPDATE blocks SET parent='zz' WHERE height=1",
    "UPDATE blocks SET height='zz' WHERE height=1",
    "DELETE FROM blocks WHERE height=1",
    "UPDATE pending SET data=x'c0'",
    "UPDATE pending SET data='hello'",
    "UPDATE pending SET tx_hash=3",
    "UPDATE receipts SET data=x'c0'",
    "UPDATE receipts SET data='x'",
    "DELETE FROM receipts",
    "UPDATE canon SET hash='x' WHERE height=1",
    "UPDATE canon SET hash=x'00' WHERE height=1",
    "UPDATE nodes SET data='x'",
    "DELETE FROM nodes",
    "UPDATE code SET data='x'",
    "DELETE FROM code",
    "UPDATE txindex SET idx='x'",
    "UPDATE txindex SET idx=99",
    "UPDATE txindex SET block_hash=x'00'",
]


def _doors(net, tx_hash, address):
    yield "height", lambda: net.height
    yield "block", lambda: net.block(1)
    yield "tx", lambda: net.tx(tx_hash)
    yield "receipt", lambda: net.receipt(tx_hash)
    yield "balance", lambda: net.balance(address)
    yield "code", lambda: net.code_object_at(address)
    yield "view", lambda: net.view(address, "balance_of", [bytes(address)])
    yield "transfer", lambda: net.transfer(1, address, 1)
    yield "mine", lambda: net.mine(1)
    yield "verify", lambda: net.verify()


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_data_directory_gives_chain_errors_never_a_traceback(tmp_path, asm, damage):
    import shutil

    src = tmp_path / "src"
    with chain.Devnet(datadir=src) as net:
        token = net.deploy(asm.token(), 1000)
        tx_hash = token.transfer(net.accounts[1].address, 5).tx_hash
        net.submit(net.make_tx(0, net.accounts[4].address, 1))
        address = token.address
    dst = tmp_path / "dst"
    shutil.copytree(src, dst)
    db = sqlite3.connect(dst / DB_FILE, isolation_level=None)
    db.execute(damage)
    db.close()
    try:
        net = chain.Devnet(datadir=dst)
    except chain.ChainError:
        return
    with net:
        for name, door in _doors(net, tx_hash, address):
            try:
                door()
            except (chain.ChainError, chain.Reverted):
                pass
        with pytest.raises(chain.VerifyError):
            net.verify()


MINER = r"""
import sys
import chain
net = chain.Devnet(datadir=sys.argv[1])
print("ready", flush=True)
to = chain.Address("0x" + "ab" * 20)
while True:
    net.transfer(0, to, 1)
"""


def test_verify_sees_one_snapshot_while_another_process_mines(tmp_path):
    with chain.Devnet(datadir=tmp_path) as net:
        net.transfer(0, net.accounts[1].address, 1)
    proc = subprocess.Popen([sys.executable, "-c", MINER, str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        with chain.Devnet(datadir=tmp_path) as net:
            heights = [net.verify()]
            deadline = time.monotonic() + 10
            while len(set(heights)) < 4 and time.monotonic() < deadline:  # blocks came during verifies
                heights.append(net.verify())
    finally:
        proc.kill()
        proc.communicate()
    assert heights == sorted(heights) and len(set(heights)) >= 4


def test_a_node_store_syncs_every_commit_and_a_dev_chain_only_at_checkpoints(tmp_path):
    """docs/chain.md, Durability: what a node acknowledged survives power loss (synchronous=FULL); a dev
    chain's data directory skips the per-block sync (NORMAL) and still loses nothing to a killed process."""
    from chain.store import Store

    net = chain.Devnet(datadir=tmp_path / "dev")
    try:
        assert net.store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert net.store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        net.close()
    store = Store(str(tmp_path / "node.sqlite3"), writer_kind="node")
    try:
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()
