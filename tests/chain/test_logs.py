"""Event queries read the store's events table: it follows every block and reorg, an older file is indexed once, and it answers as a scan of the blocks would."""
import pathlib
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chain
import lang
from chain import logs as logsmod
from chain import tx as txmod
from chain.core import Chain
from chain.store import Store

BEACON = lang.compile_file(pathlib.Path(__file__).parent / "contracts" / "beacon.contract")


def deploy_two(net):
    return net.deploy(BEACON), net.deploy(BEACON, sender=net.accounts[1])


def send_block(net, actions):
    """One block holding a transaction per (sender, contract, function, n) action."""
    for sender, address, function, n in actions:
        net.submit(net.make_tx(net.accounts[sender], address, 0, txmod.encode_call(function, [n]), gas=200_000))
    net.mine()


def everything(net):
    return net.logs(), logsmod.scan_logs(net, 0, net.height)


def test_filters_combine_and_keep_chain_order():
    net = chain.Devnet()
    a, b = deploy_two(net)
    send_block(net, [(0, a.address, "both", 1), (1, b.address, "ping", 2), (2, a.address, "fail", 3)])
    send_block(net, [(2, b.address, "both", 10)])
    send_block(net, [(0, a.address, "ping", 20)])
    docs = net.logs()
    assert [(d["block"], d["name"], d["args"].get("n")) for d in docs] == [
        (3, "Ping", 1), (3, "Pong", 1), (3, "Ping", 2), (3, "Ping", 2), (4, "Ping", 10), (4, "Pong", 10),
        (4, "Ping", 11), (5, "Ping", 20)]
    assert docs[1]["args"]["who"] == str(net.accounts[0].address)  # decoded by the contract's ABI
    assert docs == logsmod.scan_logs(net, 0, net.height)
    pongs_of_b = net.logs(address=b.address, event="Pong")
    assert [(d["block"], d["address"]) for d in pongs_of_b] == [(4, str(b.address))]
    assert [d["args"]["n"] for d in net.logs(3, 4, a.address, "Ping")] == [1, 2]
    assert [d["args"]["n"] for d in net.logs(from_block=4, event="Ping")] == [10, 11, 20]
    assert net.logs(to_block=2) == [] and net.logs(5, 10**9, b.address) == []
    assert net.logs(event="Nope") == [] and net.logs(address="0x" + "55" * 20) == []
    assert net.logs(4, 3) == []
    with pytest.raises(logsmod.LogQueryError, match="more than 3 events"):
        logsmod.find_logs(net, max_events=3)
    # No bound on the range by default (the index makes a long range cheap); a caller may set one.
    with pytest.raises(logsmod.LogQueryError, match="at most 2 blocks"):
        logsmod.find_logs(net, 0, 5, max_blocks=2)


def test_logs_follow_a_reorg_and_back():
    a, b = chain.Devnet(), chain.Devnet()
    for net in (a, b):
        deploy_two(net)
    ca, cb = deploy_two(chain.Devnet())  # the same addresses on every fresh chain
    send_block(a, [(0, ca.address, "ping", 1)])
    send_block(a, [(0, cb.address, "both", 2)])
    for n in (100, 101, 102):
        send_block(b, [(2, ca.address, "ping", n)])
    old = a.logs()
    assert [d["args"]["n"] for d in old] == [1, 2, 2, 3]
    for height in range(3, b.height + 1):
        a.import_block(b.block_bytes(height))
    assert a.chain.head_hash == b.chain.head_hash
    assert a.logs() == b.logs() == logsmod.scan_logs(a, 0, a.height)
    assert [d["args"]["n"] for d in a.logs()] == [100, 101, 102]  # the orphaned branch's events are gone
    # The old branch grows heavier again elsewhere and comes back: its events return, the others go.
    c = chain.Devnet()
    deploy_two(c)
    send_block(c, [(0, ca.address, "ping", 1)])
    send_block(c, [(0, cb.address, "both", 2)])
    send_block(c, [])
    send_block(c, [])
    for height in range(3, c.height + 1):
        try:
            a.import_block(c.block_bytes(height))
        except chain.InvalidBlock as exc:
            assert exc.code == "block-known"
    assert a.chain.head_hash == c.chain.head_hash
    assert a.logs() == old == c.logs() == logsmod.scan_logs(a, 0, a.height)
    assert a.verify() == a.height  # verify rebuilds the events table and compares it row for row


def _old_format(path):
    """What a build from before the events table wrote: the same file without it."""
    db = sqlite3.connect(path)
    db.execute("DROP TABLE logs")
    db.commit()
    db.close()


def test_an_older_data_directory_is_indexed_once_on_open(tmp_path, monkeypatch, capsys):
    net = chain.Devnet(tmp_path)
    a, b = deploy_two(net)
    for n in range(4):
        send_block(net, [(n % 3, (a, b)[n % 2].address, ("ping", "both", "fail")[n % 3], n)])
    want = net.logs()
    net.close()
    db_path = str(tmp_path / "chain.sqlite3")
    _old_format(db_path)

    # Read-only (as a node's reader shares the file): nothing is written; the query scans.
    reader = Store(db_path, readonly=True)
    try:
        door = chain.Devnet.over(Chain(reader, chain.Devnet().params))
        assert not reader.has_logs and door.logs() == want
    finally:
        reader.close()

    # A backfill that fails half way leaves the file as it was.
    real = logsmod.block_log_rows

    def failing(c, bh, height):
        if height == 4:
            raise chain.StoreError("disk full")
        return real(c, bh, height)
    monkeypatch.setattr(logsmod, "block_log_rows", failing)
    with pytest.raises(chain.StoreError, match="disk full"):
        chain.Devnet(tmp_path)
    assert "logs" not in _tables(db_path)
    monkeypatch.undo()

    monkeypatch.setattr(logsmod, "BACKFILL_QUIET_BLOCKS", 2)
    net = chain.Devnet(tmp_path)
    try:
        err = capsys.readouterr().err
        assert "indexing the events of block 2 of 6" in err and "block 6 of 6" in err
        assert net.store.has_logs and "logs" in _tables(db_path)
        assert net.logs() == want == logsmod.scan_logs(net, 0, net.height)
        assert net.verify() == net.height
        send_block(net, [(0, a.address, "ping", 99)])
        assert net.logs()[-1]["args"] == {"n": 99}
    finally:
        net.close()
    net = chain.Devnet(tmp_path)  # indexed once: a second open says nothing
    try:
        assert capsys.readouterr().err == "" and net.logs(event="Ping")[-1]["args"] == {"n": 99}
    finally:
        net.close()


def _tables(path):
    db = sqlite3.connect(path)
    try:
        return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        db.close()


def test_verify_finds_an_events_row_that_differs_from_the_blocks(tmp_path):
    net = chain.Devnet(tmp_path)
    a, _ = deploy_two(net)
    a.both(7)
    net.close()
    db = sqlite3.connect(str(tmp_path / "chain.sqlite3"))
    db.execute("UPDATE logs SET height = height + 1 WHERE log_idx = 1")
    db.commit()
    db.close()
    net = chain.Devnet(tmp_path)
    try:
        with pytest.raises(chain.VerifyError, match="stored logs do not match"):
            net.verify()
    finally:
        net.close()


ACTION = st.tuples(st.integers(0, 2), st.integers(0, 1), st.sampled_from(["ping", "both", "fail"]),
                   st.integers(-3, 3))
BRANCH = st.lists(st.lists(ACTION, max_size=3), max_size=4)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BRANCH, BRANCH, st.data())
def test_the_index_answers_as_a_scan_of_the_blocks(first, second, data):
    """Two branches from the same contracts, the second imported into the first (a reorg when heavier):
    every query through the index equals the scan of the canonical blocks."""
    net, other = chain.Devnet(), chain.Devnet(miner="0x" + "77" * 20)  # another miner: other blocks
    contracts = [c.address for c in deploy_two(net)]
    deploy_two(other)
    for actions in first:
        send_block(net, [(s, contracts[c], f, n) for s, c, f, n in actions])
    for actions in second:
        send_block(other, [(s, contracts[c], f, n) for s, c, f, n in actions])
    for height in range(1, other.height + 1):
        net.import_block(other.block_bytes(height))
    for _ in range(4):
        lo = data.draw(st.none() | st.integers(0, net.height + 1))
        hi = data.draw(st.none() | st.integers(0, net.height + 1))
        address = data.draw(st.sampled_from([None, *contracts, chain.Address("0x" + "33" * 20)]))
        event = data.draw(st.sampled_from([None, "Ping", "Pong", "Other"]))
        low, high = lo or 0, net.height if hi is None else min(hi, net.height)
        assert net.logs(lo, hi, address, event) == logsmod.scan_logs(net, low, high, address, event)
