"""The network logic without sockets: in-memory links, virtual time, real chains."""
import asyncio
from dataclasses import replace

import pytest

from chain import block as blk
from chain import consensus as C
from chain import tx as txmod
from chain.keys import dev_keys
from obelisk.node import protocol as P
from obelisk.node.memory import MemoryHub, link_pair, virtual_loop
from obelisk.node.network import Network
from obelisk.node.peer import BanList, NodeKey, PeerRefused, handshake
from obelisk.node.sim import Simulation, transfers

MINER = dev_keys()[0].address


def run(coro):
    loop = virtual_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


async def _pair(n=2):
    sim = Simulation(n, dials=0)
    await sim.start()
    return sim


async def _connect(sim, i, j):
    net = sim.nodes[i][2]
    net.spawn(net._dial_one(sim.nodes[j][0]))
    await asyncio.sleep(1.0)


def test_partitioned_halves_converge_on_most_work_and_return_abandoned_txs_to_the_pool():
    async def scenario():
        sim = await _pair(2)
        try:
            (_, a, _), (_, b, _) = sim.nodes
            tx = transfers(1)[0]
            await b.submit_tx(tx)
            await b.mine_block(MINER)                 # b's branch: 1 block holding the transaction
            for _ in range(3):
                await a.mine_block(MINER)             # a's branch: 3 blocks, more work
            await _connect(sim, 0, 1)
            await asyncio.sleep(3.0)
            heads = [await s.run(lambda c: c.head_hash) for s in (a, b)]
            txh = txmod.decode(tx).hash
            return heads, await b.pending(), await a.pending(), txh
        finally:
            await sim.stop()

    heads, b_pool, a_pool, txh = run(scenario())
    assert heads[0] == heads[1]
    assert txh in b_pool and txh in a_pool  # back in b's pool after the reorg, and gossiped to a


def test_a_late_node_syncs_headers_first_from_several_peers():
    async def scenario():
        sim = await _pair(4)
        try:
            src = [s for _, s, _ in sim.nodes[:3]]
            for _ in range(120):
                h = await src[0].mine_block(MINER)
                for s in src[1:]:
                    await s.import_block(await src[0].block_bytes(h))
            late_net = sim.nodes[3][2]
            for i in range(3):  # all three at once: the sync spreads body requests over them
                late_net.spawn(late_net._dial_one(sim.nodes[i][0]))
            await asyncio.sleep(5.0)
            late = sim.nodes[3]
            served = {p.listen_addr: p.messages_in for p in late[2].peers.values()}
            return await late[1].run(lambda c: c.height), served
        finally:
            await sim.stop()

    height, served = run(scenario())
    assert height == 120
    assert sum(1 for v in served.values() if v > 3) >= 2  # bodies came from more than one peer


def _evil_block(chain_):
    block, _, _ = chain_.build_block(MINER)
    return blk.Block(blk.mine(replace(block.header, state_root=b"\x42" * 32)), block.txs)


def _orphan_block(chain_):
    block, _, _ = chain_.build_block(MINER)
    return blk.Block(blk.mine(replace(block.header, prev_hash=b"\x13" * 32)), block.txs)


@pytest.mark.parametrize("make,banned", [(_evil_block, True), (_orphan_block, False)])
def test_invalid_block_bans_but_unknown_parent_does_not(make, banned):
    async def scenario():
        sim = await _pair(2)
        try:
            await _connect(sim, 0, 1)
            (_, a, net_a), (_, b, net_b) = sim.nodes
            bad = await a.run(make)
            peer_of_a = next(iter(net_b.peers.values()))
            ok = await net_b.relay.import_from(peer_of_a, bad.encode())
            await asyncio.sleep(0.5)
            return ok, net_b.bans.banned("0x" + net_a.key.node_id.hex()), len(net_b.peers)
        finally:
            await sim.stop()

    outcome, is_banned, peers = run(scenario())
    assert is_banned == banned
    assert outcome == ("invalid" if banned else "temporary")
    assert peers == (0 if banned else 1)


def test_a_transaction_with_a_bad_signature_bans_its_sender_a_stale_nonce_does_not():
    async def scenario():
        sim = await _pair(2)
        try:
            await _connect(sim, 0, 1)
            (_, a, net_a), (_, b, net_b) = sim.nodes
            k = dev_keys()[1]
            good = txmod.decode(transfers(2)[1])
            await b.submit_tx(good.encode())
            stale = good  # b already has it: a context refusal
            forged = replace(good, nonce=1, signature=good.signature)
            peer = next(iter(net_b.peers.values()))
            out = []
            for t_ in (stale, forged):
                rid, _ = peer.new_request(P.TXS, [t_.hash])
                await net_b.relay.on_txs(peer, rid, [t_.encode()])
                out.append(net_b.bans.banned("0x" + net_a.key.node_id.hex()))
            return out, k
        finally:
            await sim.stop()

    out, _ = run(scenario())
    assert out == [False, True]


def test_handshake_refuses_another_network_and_a_forged_id(tmp_path):
    async def scenario():
        ka, kb = NodeKey.load(None), NodeKey.load(None)
        g = b"\x01" * 32
        ha = P.Hello(1, 1337, g, g, 0, 0, ka.node_id, b"\x02" * 32, 0)
        results = []
        for hb, key_b in ((P.Hello(1, 1338, g, g, 0, 0, kb.node_id, b"\x03" * 32, 0), kb),
                          (P.Hello(1, 1337, g, g, 0, 0, ka.node_id[:31] + b"\x00", b"\x03" * 32, 0), kb),
                          (P.Hello(1, 1337, g, g, 0, 0, kb.node_id, b"\x03" * 32, 0), kb)):
            x, y = link_pair("a:1", "b:1", 0.01, 1e6)
            r = await asyncio.gather(handshake(x, ha, ka, BanList(None)), handshake(y, hb, key_b, BanList(None)),
                                     return_exceptions=True)
            results.append([isinstance(v, PeerRefused) for v in r])
        return results

    results = run(scenario())
    assert results[0] == [True, True]            # chain id 1338 against 1337
    assert results[1][0] is True                 # b claims an id whose key it does not hold
    assert results[2] == [False, False]          # the honest pair


@pytest.mark.parametrize("key_hex", ["01" + "00" * 31, "ec" + "ff" * 30 + "7f", "00" * 32,
                                     "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"])
def test_small_order_node_ids_are_weak(key_hex):
    from obelisk.node.peer import weak_node_id
    assert weak_node_id(bytes.fromhex(key_hex))
    assert not weak_node_id(dev_keys()[0].public_key)


def test_ban_list_survives_a_restart(tmp_path):
    bans = BanList(str(tmp_path))
    bans.ban("0xabc", "10.0.0.1")
    again = BanList(str(tmp_path))
    assert again.banned("0xabc") and again.banned("10.0.0.1") and not again.banned("10.0.0.2")
    (tmp_path / "bans.json").write_text("{not json")
    assert not BanList(str(tmp_path)).banned("0xabc")  # a damaged list is dropped, never fatal


def test_a_transaction_ahead_of_its_predecessor_waits_for_it():
    async def scenario():
        sim = await _pair(2)
        try:
            await _connect(sim, 0, 1)
            (_, a, _), (_, b, net_b) = sim.nodes
            first, second = (txmod.decode(d) for d in transfers(11)[::10])  # account 0, nonces 0 and 1
            peer = next(iter(net_b.peers.values()))
            for t_ in (second, first):  # the later nonce arrives first
                rid, _ = peer.new_request(P.TXS, [t_.hash])
                await net_b.relay.on_txs(peer, rid, [t_.encode()])
            await asyncio.sleep(0.1)
            return await b.pending(), first.hash, second.hash
        finally:
            await sim.stop()

    pool, h0, h1 = run(scenario())
    assert pool == [h0, h1]
