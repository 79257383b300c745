"""Signatures checked across processes, and mining split over workers: the same verdicts and blocks as one process."""
import json
from dataclasses import replace
from pathlib import Path

import pytest

import chain
from chain import block as blk
from chain import errors as E
from chain import procpool, rules, sigcheck

VECTORS = Path(__file__).resolve().parent / "vectors"


@pytest.fixture(autouse=True)
def _stop_the_pool():
    yield
    procpool.shutdown()  # no worker process outlives a test


def test_the_pool_gives_the_verdicts_of_one_process_on_every_edge_case():
    cases = json.loads((VECTORS / "cctv_ed25519vectors.json").read_text())
    items = [(bytes.fromhex(c["key"]), c["msg"].encode(), bytes.fromhex(c["sig"])) for c in cases]
    serial = sigcheck.verify_all(items, workers=1)
    assert sigcheck.verify_all(items, workers=2) == serial
    assert sigcheck.verify_all(items, workers=3) == serial  # uneven chunks, in order
    assert 0 < sum(serial) < len(serial)


def _signed_items(n: int, bad=()):
    key = chain.PrivateKey(bytes(range(32)))
    items = []
    for i in range(n):
        msg = b"message %d" % i
        sig = key.sign(msg)
        items.append((key.public_key, msg, bytes(64) if i in bad else sig))
    return items


def _checked_by_the_workers(items):
    """Verdicts of `items` once the workers have written every one (the caller checks none)."""
    import time

    assert sigcheck.ready(2)  # a new worker may still be starting
    checks = sigcheck.Checks(items, workers=2)
    assert checks._pool is sigcheck._workers
    deadline = time.monotonic() + 60
    while sigcheck._UNKNOWN in bytes(sigcheck._workers.verdicts[:len(items)]) and time.monotonic() < deadline:
        time.sleep(0.001)
    assert sigcheck._UNKNOWN not in bytes(sigcheck._workers.verdicts[:len(items)])
    return checks.verdicts()


def test_verdicts_the_workers_give_are_the_ones_given_here():
    cases = json.loads((VECTORS / "cctv_ed25519vectors.json").read_text())
    items = [(bytes.fromhex(c["key"]), c["msg"].encode(), bytes.fromhex(c["sig"])) for c in cases]
    serial = sigcheck.verify_all(items, workers=1)
    assert _checked_by_the_workers(items) == serial
    assert _checked_by_the_workers(_signed_items(100, bad={0, 99})) == [i not in (0, 99) for i in range(100)]


def test_a_worker_lost_between_blocks_changes_no_verdict_and_is_replaced():
    items = _signed_items(100, bad={3, 77})
    serial = sigcheck.verify_all(items, workers=1)
    assert _checked_by_the_workers(items) == serial
    for proc in sigcheck._workers.procs:
        proc.kill()
        proc.join()
    assert sigcheck.verify_all(items, workers=2) == serial  # checked here: the pool is gone
    assert _checked_by_the_workers(items) == serial  # a new pool
    assert all(p.is_alive() for p in sigcheck._workers.procs)


def test_checks_dropped_uncollected_leave_the_next_block_its_own_verdicts():
    first, second = _signed_items(200, bad={5}), _signed_items(150, bad={140})
    sigcheck.Checks(first, workers=2)  # started, never asked: the caller failed meanwhile
    assert sigcheck.verify_all(second, workers=2) == sigcheck.verify_all(second, workers=1)
    assert sigcheck.verify_all(first, workers=2) == sigcheck.verify_all(first, workers=1)


def test_blocks_checked_from_several_threads_at_once_get_their_own_verdicts():
    import threading

    jobs = [_signed_items(64 + 10 * k, bad={k}) for k in range(6)]
    expected = [sigcheck.verify_all(items, workers=1) for items in jobs]
    got = [None] * len(jobs)

    def run(k):
        for _ in range(3):
            got[k] = sigcheck.verify_all(jobs[k], workers=2)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def _transfers(n: int):
    net = chain.Devnet()
    return [net.make_tx(i % 10, net.accounts[(i + 1) % 10].address, 1 + i, nonce=i // 10) for i in range(n)]


@pytest.mark.parametrize("flaw", ["flipped signature", "small-order key"])
def test_a_bad_signature_is_named_by_the_same_index_and_reason_in_parallel(flaw):
    txs = _transfers(150)
    bad = txs[97]
    if flaw == "flipped signature":
        txs[97] = replace(bad, signature=bad.signature[:-1] + bytes([bad.signature[-1] ^ 1]))
    else:
        txs[97] = replace(bad, public_key=bytes.fromhex("01" + "00" * 31))
    txs[120] = replace(txs[120], signature=bytes(64))  # a later bad one: the first is reported
    errors = []
    for workers in (1, 2):
        with pytest.raises(E.BlockTxError) as info:
            rules.check_signatures(txs, use_cache=False, workers=workers)
        errors.append((info.value.index, type(info.value.tx_error), str(info.value)))
    assert errors[0] == errors[1] and errors[0][:2] == (97, E.BadSignature)
    rules.check_signatures(_transfers(150), use_cache=False, workers=2)  # all good: no error


def test_blocks_import_the_same_with_signatures_checked_in_parallel():
    src = chain.Devnet()
    for t in _transfers(120):
        src.submit(t)
    src.mine(1)
    data = src.block_bytes(1)
    heads = []
    for workers in (1, 2):
        dst = chain.Devnet()
        dst.chain.signature_cache = False
        dst.chain.signature_workers = workers
        heads.append(dst.import_block(data))
        assert dst.verify() == 1
    assert heads[0] == heads[1] == src.chain.head_hash


def test_mining_over_workers_finds_the_nonce_one_core_finds_first(monkeypatch):
    from chain import miner

    monkeypatch.setattr(miner, "SEAL_STEP", 1 << 9)  # many rounds and slices, quickly
    monkeypatch.setattr(miner, "PARALLEL_WORK", 1)
    net = chain.Devnet()
    block, _, _ = net.chain.build_block(net.miner)
    net.chain.trie.discard_new()
    for target_bits in (244, 245, 246):  # about 4 096, 2 048, 1 024 hashes a block
        header = replace(block.header, target=(1 << target_bits) - 1)
        serial = miner.seal(header, workers=1)
        assert miner.seal(header, workers=2) == serial and miner.seal(header, workers=3) == serial
        assert serial.pow_ok() and blk.mine(header, 0, serial.nonce) is None  # no lower nonce works


def test_a_node_sealing_in_rounds_over_workers_finds_the_nonce_one_core_finds_first(monkeypatch):
    from chain import miner

    monkeypatch.setattr(miner, "PARALLEL_WORK", 1)
    net = chain.Devnet()
    block, _, _ = net.chain.build_block(net.miner)
    net.chain.trie.discard_new()
    header = replace(block.header, target=(1 << 244) - 1)  # about 4 096 hashes
    serial = miner.seal(header, workers=1)
    for workers in (1, 2, 3):
        start, step = 0, 1 << 8  # many rounds, as obelisk.node's miner looks at its head between them
        while (sealed := miner.seal_round(header, start, workers, step)) is None:
            start += workers * step
        assert sealed == serial


def test_a_chain_mines_the_same_blocks_with_mining_workers(monkeypatch):
    from chain import miner

    monkeypatch.setattr(miner, "PARALLEL_WORK", 1)
    monkeypatch.setattr(miner, "SEAL_STEP", 1 << 4)
    heads = []
    for workers in (1, 2):
        net = chain.Devnet()
        net.chain.mining_workers = workers
        net.transfer(0, net.accounts[1].address, 7)
        net.mine(2)
        heads.append(net.chain.head_hash)
        assert net.verify() == 3
    assert heads[0] == heads[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_signature_is_the_refusal_even_when_an_earlier_transaction_fails_to_execute(workers):
    """Signatures are checked beside execution now, but refused as when they were all checked first."""
    net = chain.Devnet()
    net.chain.signature_cache = False
    txs = _transfers(100)
    txs[10] = replace(txs[10], nonce=txs[10].nonce + 5).signed(net.accounts[0])  # executes: a nonce gap
    txs[80] = replace(txs[80], signature=bytes(64))
    built, _, _ = net.chain.build_block(net.miner)
    net.chain.trie.discard_new()
    block = blk.Block(blk.mine(replace(built.header, tx_root=blk.tx_root(txs), gas_used=2_000 * len(txs))), tuple(txs))
    net.chain.signature_workers = workers
    with pytest.raises(E.BlockTxError) as info:
        net.import_block(block.encode())
    assert (info.value.index, type(info.value.tx_error)) == (80, E.BadSignature)
    assert net.height == 0


def _child_verdicts(items, queue):
    queue.put(sigcheck.verify_all(items, workers=2))
    sigcheck.shutdown()  # its own workers; the parent's are not its to stop


def test_a_forked_child_checks_with_its_own_workers_and_leaves_the_parents_alone():
    import multiprocessing

    items = _signed_items(100, bad={9})
    expected = sigcheck.verify_all(items, workers=1)
    assert _checked_by_the_workers(items) == expected
    parents = list(sigcheck._workers.procs)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child_verdicts, args=(items, queue))
    child.start()
    try:
        assert queue.get(timeout=120) == expected
        child.join(120)
        assert child.exitcode == 0
    finally:
        if child.is_alive():
            child.kill()
            child.join()
    assert all(p.is_alive() for p in parents) and _checked_by_the_workers(items) == expected
