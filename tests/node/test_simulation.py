"""NODE.md behaviour 6, small: the real network logic over in-memory links in virtual time."""
import asyncio

from obelisk.node.memory import virtual_loop
from obelisk.node.sim import Simulation, run_block_spread, transfers


def test_a_block_reaches_every_node_of_a_small_network():
    doc = run_block_spread(24, 30, dials=4, seed=3)
    assert doc["reached"] == 24 and doc["block_txs"] == 30
    assert doc["t100_s"] is not None and doc["t50_s"] <= doc["t100_s"]
    assert doc["messages_per_node"] < 40  # announce-then-fetch: a handful of messages per node, not a flood


def test_transactions_gossip_to_every_node_and_are_not_sent_twice():
    async def scenario():
        sim = Simulation(12, dials=3, seed=5)
        await sim.start()
        try:
            _, s0, _ = sim.nodes[0]
            for data in transfers(20):
                await s0.submit_tx(data)
            await asyncio.sleep(3.0)
            pools = [len(await s.pending()) for _, s, _ in sim.nodes]
            sent = [p.messages_out for _, _, n in sim.nodes for p in n.peers.values()]
            return pools, sent
        finally:
            await sim.stop()

    loop = virtual_loop()
    try:
        pools, _ = loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert pools == [20] * 12
