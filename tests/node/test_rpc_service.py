"""ChainService: chain work on its one thread, events for pool admissions, new blocks and reorganisations."""
import asyncio
import threading

import pytest

import chain
from chain import errors as E
from obelisk.node.service import ChainService


def run(coro):
    return asyncio.run(coro)


def _service(net=None):
    net = net or chain.Devnet()
    return net, ChainService(net.chain, net.params, dev=True)


def test_work_runs_on_one_chain_thread_not_the_loop():
    net, svc = _service()

    async def main():
        names = {await svc.run(lambda c: threading.current_thread().name) for _ in range(5)}
        return names, threading.current_thread().name
    names, loop_thread = run(main())
    svc.close()
    assert len(names) == 1 and names != {loop_thread} and next(iter(names)).startswith("obelisk-chain")


def test_submit_and_mine_publish_tx_then_block_events():
    net, svc = _service()
    events = []
    svc.subscribe(events.append)
    t = net.make_tx(0, net.accounts[1].address, 5)

    async def main():
        h = await svc.submit_tx(t.encode())
        assert await svc.pending() == [h]
        assert await svc.nonce(net.accounts[0].address) == 1
        bh = await svc.mine_block(net.miner)
        return h, bh
    h, bh = run(main())
    svc.close()
    assert h == t.hash
    assert [e["event"] for e in events] == ["tx", "block"]
    assert events[0] == {"event": "tx", "hash": t.hash, "data": t.encode()}
    assert events[1]["hash"] == bh and events[1]["height"] == 1 and events[1]["data"] == net.chain.block_bytes(bh)
    assert net.receipt(t.hash).status


def test_refused_transaction_raises_the_chain_error_and_publishes_nothing():
    net, svc = _service()
    events = []
    svc.subscribe(events.append)
    t = net.make_tx(0, net.accounts[1].address, 5, nonce=3)
    with pytest.raises(E.BadNonce):
        run(svc.submit_tx(t.encode()))
    with pytest.raises(E.TxEncodingError):
        run(svc.submit_tx(b"\x01\x02"))
    svc.close()
    assert events == [] and net.chain.pending() == []


def test_a_heavier_fork_publishes_a_reorg_and_each_adopted_block():
    a, b = chain.Devnet(), chain.Devnet()
    a.mine(2)
    b.transfer(0, b.accounts[1].address, 1)  # b's branch differs from its first block
    b.mine(2)
    old_head = a.chain.head_hash
    net, svc = _service(a)
    events = []
    svc.subscribe(events.append)

    async def main():
        for n in range(1, 4):
            await svc.import_block(b.block_bytes(n))
    run(main())
    svc.close()
    kinds = [e["event"] for e in events]
    assert kinds == ["reorg", "block", "block", "block"]
    assert events[0]["old_head"] == old_head and events[0]["new_head"] == b.block(3).hash
    assert events[0]["depth"] == 2
    assert [e["height"] for e in events[1:]] == [1, 2, 3]
    assert a.chain.head_hash == b.chain.head_hash


def test_orphans_held_then_connected_are_published_in_order():
    src = chain.Devnet()
    src.mine(3)
    net, svc = _service()
    events = []
    svc.subscribe(events.append)

    async def main():
        for n in (3, 2):
            with pytest.raises(E.UnknownParent):
                await svc.import_block(src.block_bytes(n))
        await svc.import_block(src.block_bytes(1))
    run(main())
    svc.close()
    assert [(e["event"], e["height"]) for e in events] == [("block", 1), ("block", 2), ("block", 3)]


def test_a_failing_listener_does_not_stop_the_others():
    net, svc = _service()
    seen = []

    def bad(event):
        raise RuntimeError("listener bug")
    svc.subscribe(bad)
    unsubscribe = svc.subscribe(seen.append)
    run(svc.mine_block(net.miner))
    unsubscribe()
    run(svc.mine_block(net.miner))
    svc.close()
    assert [e["height"] for e in seen] == [1]


def test_dev_mine_only_on_the_dev_network():
    net = chain.Devnet()
    svc = ChainService(net.chain, net.params, dev=False)
    with pytest.raises(PermissionError):
        run(svc.dev_mine(1))
    svc.close()
    assert net.height == 0


def _hard_chain(expected_hashes):
    from chain import consensus as C
    from chain.core import Chain
    from chain.genesis import params_from_json
    from chain.keys import dev_keys
    from chain.store import Store

    params = params_from_json({"format": "obelisk-genesis/1", "chain_id": 77, "timestamp": 1_750_000_000,
                               "target": hex(C.POW_LIMIT // (expected_hashes // 16)),
                               "allocations": {str(dev_keys()[0].address): 10**24}})
    return Chain(Store(None), params, clock=lambda: 1_750_000_100)


def test_a_hard_block_is_sealed_beside_the_chain_thread_while_queries_are_answered():
    c = _hard_chain(1 << 26)  # ~80 s of hashing on average: still sealing when the queries are done
    svc = ChainService(c, c.params, dev=False)

    async def main():
        mining = asyncio.ensure_future(svc.mine_block(chain.devnet.DEV_MINER))
        await asyncio.sleep(0.05)
        info = await svc.info()
        balance = await svc.balance(chain.keys.dev_keys()[0].address)
        busy = not mining.done()
        mining.cancel()
        try:
            await mining
        except asyncio.CancelledError:
            pass
        return info, balance, busy
    info, balance, busy = run(main())
    svc.close()
    assert busy and info["height"] == 0 and balance == 10**24 and c.height == 0


def test_a_block_sealed_beside_the_chain_thread_is_stored_and_published():
    c = _hard_chain(1 << 17)
    svc = ChainService(c, c.params, dev=False)
    events = []
    svc.subscribe(events.append)
    from chain.keys import dev_keys
    t = chain.Devnet.over(c).make_tx(dev_keys()[0], dev_keys()[1].address, 5)
    run(svc.submit_tx(t.encode()))
    h = run(svc.mine_block(chain.devnet.DEV_MINER))
    svc.close()
    assert c.head_hash == h and c.height == 1 and c.block(h).txs[0].hash == t.hash and c.pending() == []
    assert [e["event"] for e in events] == ["tx", "block"] and events[1]["hash"] == h


def test_a_node_sealing_over_processes_stores_the_block_one_process_finds(monkeypatch):
    """--threads N: each round of the search beside the chain thread is split over N processes,
    and the block is the one a single process finds first."""
    from chain import miner, procpool
    monkeypatch.setattr(miner, "PARALLEL_WORK", 1)  # a short test's target is worth the processes
    heads = []
    try:
        for workers in (1, 2):
            c = _hard_chain(1 << 16)
            c.mining_workers = workers
            svc = ChainService(c, c.params, dev=False)
            heads.append(run(svc.mine_block(chain.devnet.DEV_MINER)))
            svc.close()
            assert c.head_hash == heads[-1] and chain.Devnet.over(c).verify() == 1
    finally:
        procpool.shutdown()  # no worker process outlives the test
    assert heads[0] == heads[1]


def test_queries_are_answered_while_the_chain_thread_is_busy(tmp_path):
    """On a datadir, queries read a snapshot on their own connection and thread, not behind an import."""
    net = chain.Devnet(tmp_path / "node")
    net.transfer(0, net.accounts[1].address, 5)
    svc = ChainService(net.chain, net.params, dev=True)
    release = threading.Event()

    async def main():
        busy = asyncio.ensure_future(svc.run(lambda c: release.wait(30)))
        await asyncio.sleep(0)
        try:
            balance = await svc.balance(net.accounts[1].address)
            block = await svc.block(None)
            info = await svc.info()
            thread = await svc._read(lambda d: threading.current_thread().name)
            still_busy = not busy.done()
        finally:
            release.set()
        await busy
        # What the chain thread writes, the next query sees.
        t = net.make_tx(0, net.accounts[2].address, 7)
        await svc.submit_tx(t.encode())
        pending = await svc.pending()
        await svc.mine_block(net.miner)
        return balance, block, info, thread, still_busy, pending, await svc.receipt(t.hash)
    balance, block, info, thread, still_busy, pending, receipt = run(main())
    svc.close()
    net.close()
    assert still_busy and thread.startswith("obelisk-read")
    assert balance == 10**24 + 5 and block["number"] == 1 and info["height"] == 1
    assert len(pending) == 1 and receipt["status"] == "success" and receipt["block"] == 2


def test_a_burst_of_submissions_is_admitted_together_each_judged_alone(tmp_path):
    net = chain.Devnet(tmp_path / "node")
    svc = ChainService(net.chain, net.params, dev=True)
    good = [net.make_tx(s, net.accounts[9].address, 1, nonce=n).encode() for n in range(5) for s in range(3)]
    bad = net.make_tx(4, net.accounts[9].address, 1, nonce=7).encode()  # a gap in its nonces
    events = []
    svc.subscribe(events.append)

    async def main():
        turns = []
        svc_run = svc.run

        async def counting_run(fn, *args):
            turns.append(fn.__name__)
            return await svc_run(fn, *args)
        svc.run = counting_run
        answers = await asyncio.gather(*[svc.submit_tx(d) for d in good[:8] + [bad, good[0]] + good[8:]],
                                       return_exceptions=True)
        svc.run = svc_run
        return answers, turns
    answers, turns = run(main())
    svc.close()
    assert turns.count("_submit_many") < len(good)  # together, not one turn each
    assert isinstance(answers[8], E.BadNonce) and isinstance(answers[9], E.DuplicateTransaction)
    hashes = [a for i, a in enumerate(answers) if i not in (8, 9)]
    assert [net.chain.find_pending(h).encode() for h in hashes] == good[:8] + good[8:]
    assert [e["hash"] for e in events] == hashes and len(net.chain.pending()) == len(good)
    net.close()
