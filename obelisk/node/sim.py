"""An in-process network of many nodes: the real Network logic and chains over in-memory links in virtual time.

Used by bench/network.py and the test suite. Each node's chain work runs
inline; its CPU time is then spent again as virtual time, so a slow import
delays that node as it would a real one.
"""
from __future__ import annotations

import asyncio
import random
import time

from chain import consensus as C
from chain import tx as txmod
from chain.core import Chain
from chain.devnet import dev_params
from chain.keys import dev_keys
from chain.store import Store

from .memory import MemoryHub, virtual_loop
from .network import Network
from .peer import BanList, NodeKey
from .service import ChainService


class InlineService(ChainService):
    """ChainService whose chain work runs on the (virtual-time) loop itself, then waits out its CPU time."""

    async def run(self, fn, *args):
        t0 = time.perf_counter()
        out = fn(self.chain, *args)
        spent = time.perf_counter() - t0
        if spent > 0.0005:
            await asyncio.sleep(spent)
        return out

    async def _door(self, fn, *args):
        return fn(self.door, *args)


def transfers(count: int, chain_id: int = C.DEV_CHAIN_ID) -> list:
    """`count` signed dev-account transfers (round robin over the dev accounts, nonces from 0), encoded."""
    keys = dev_keys()
    out = []
    for i in range(count):
        k = keys[i % len(keys)]
        t_ = txmod.Transaction(C.TX_VERSION, chain_id, i // len(keys), keys[(i + 1) % len(keys)].address, 1,
                               C.TX_BASE_GAS, 1, b"", k.public_key).signed(k)
        out.append(t_.encode())
    return out


class Simulation:
    """n nodes, each dialling `dials` random others (so about 2 * dials links per node)."""

    def __init__(self, n: int, dials: int = 4, seed: int = 1, latency=(0.02, 0.1), bandwidth: float = 12.5e6):
        self.rng = random.Random(seed)
        lat = {}

        def latency_of(a, b):
            key = (min(a, b), max(a, b))
            if key not in lat:
                lat[key] = self.rng.uniform(*latency)
            return lat[key]

        self.hub = MemoryHub(latency_of, bandwidth)
        self.n, self.dials = n, dials
        self.params = dev_params()
        self.nodes = []
        self.arrival: dict = {}  # block hash -> {node index: virtual time it became the head}

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        for i in range(self.n):
            addr = f"10.0.{i // 250}.{i % 250}:7710"
            chain = Chain(Store(None), self.params, clock=time.time)
            service = InlineService(chain, self.params, dev=True)
            net = Network(service, NodeKey.load(None), BanList(None), dial=self.hub.dialer(addr),
                          listen_port=7710, discover=False, max_inbound=64)
            self.hub.register(addr, net)
            service.subscribe(self._watch(i, loop))
            self.nodes.append((addr, service, net))
        for _, _, net in self.nodes:
            await net.start()
        for i, (addr, _, net) in enumerate(self.nodes):
            others = [j for j in range(self.n) if j != i]
            for j in self.rng.sample(others, min(self.dials, len(others))):
                net.spawn(net._dial_one(self.nodes[j][0]))
        await asyncio.sleep(2.0)  # handshakes settle

    def _watch(self, i, loop):
        def on_event(event):
            if event["event"] == "block":
                self.arrival.setdefault(event["hash"], {})[i] = loop.time()
        return on_event

    async def stop(self) -> None:
        for _, service, net in self.nodes:
            await net.stop()
            service.close()
            service.chain.store.close()

    def links(self) -> int:
        return sum(len(net.peers) for _, _, net in self.nodes)

    def messages(self) -> int:
        return sum(p.messages_out for _, _, net in self.nodes for p in net.peers.values())


async def block_spread(n: int, txs: int, dials: int = 4, seed: int = 1, wait: float = 10.0) -> dict:
    """Mine one block of `txs` transfers on node 0 and measure when it becomes every node's head."""
    sim = Simulation(n, dials, seed)
    await sim.start()
    loop = asyncio.get_running_loop()
    try:
        _, service0, _ = sim.nodes[0]
        for data in transfers(txs):
            await service0.run(lambda c, d: c.submit(d), data)  # in node 0's pool only: not gossiped
        msgs0 = sim.messages()
        start = loop.time()
        h = await service0.mine_block(dev_keys()[0].address)
        deadline = start + wait
        while loop.time() < deadline and len(sim.arrival.get(h, {})) < n:
            await asyncio.sleep(0.01)
        times = sorted(t - start for t in sim.arrival.get(h, {}).values())
        block_txs = len(service0.chain.block(h).txs)

        def reach(frac):
            k = max(1, int(round(frac * n)))
            return round(times[k - 1], 4) if len(times) >= k else None
        return {"nodes": n, "links_per_node": round(sim.links() / n, 2), "block_txs": block_txs,
                "reached": len(times), "t50_s": reach(0.5), "t99_s": reach(0.99), "t100_s": reach(1.0),
                "messages_per_node": round((sim.messages() - msgs0) / n, 2)}
    finally:
        await sim.stop()


def run_block_spread(n: int, txs: int, dials: int = 4, seed: int = 1) -> dict:
    loop = virtual_loop()
    try:
        return loop.run_until_complete(block_spread(n, txs, dials, seed))
    finally:
        loop.close()
