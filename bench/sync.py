"""Headers-first sync of N blocks from one peer over loopback websockets, as JSON (blocks/s; goal >= 500).

The source chain is built first (timestamps 12 s apart, so proof of work stays
the dev minimum); then a fresh node with an on-disk datadir syncs it through the
real Network, ChainService and aiohttp transport, both in this process.
Run: .venv/bin/python bench/sync.py [--blocks 10000]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

from aiohttp import web  # noqa: E402

from chain.core import Chain  # noqa: E402
from chain.devnet import DEV_MINER, dev_params  # noqa: E402
from chain.store import Store  # noqa: E402
from obelisk.node import ws  # noqa: E402
from obelisk.node.network import Network  # noqa: E402
from obelisk.node.peer import BanList, NodeKey  # noqa: E402
from obelisk.node.service import ChainService  # noqa: E402


def build(path: str, n: int) -> Chain:
    c = Chain(Store(path), dev_params())
    c.store.db.execute("PRAGMA synchronous=OFF")  # building the source is not what is measured
    while c.height < n:
        c.mine_block(DEV_MINER, timestamp=c.head.timestamp + 12)
    return c


async def run(n: int, workdir: str, in_memory: bool = False) -> dict:
    t0 = time.perf_counter()
    src_chain = build(os.path.join(workdir, "src.db"), n)
    built = time.perf_counter() - t0
    params = dev_params()
    src = ChainService(src_chain, params, dev=True)
    dst_chain = Chain(Store(None if in_memory else os.path.join(workdir, "dst.db")), params, clock=lambda: 2**40)
    dst = ChainService(dst_chain, params, dev=True)
    src_net = Network(src, NodeKey.load(None), BanList(None), dial=ws.dial, discover=False)
    runner = web.AppRunner(ws.peer_app(lambda: src_net), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    src_net.listen_port = port
    await src_net.start()
    dst_net = Network(dst, NodeKey.load(None), BanList(None), dial=ws.dial, discover=False)
    await dst_net.start()
    target = src_chain.head_hash
    t1 = time.perf_counter()
    dst_net.add_peer(f"127.0.0.1:{port}")
    while (await dst.run(lambda c: c.head_hash)) != target:
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - t1
    await dst_net.stop()
    await src_net.stop()
    await runner.cleanup()
    src.close()
    dst.close()
    return {"blocks": n, "datadir": "memory" if in_memory else "disk", "sync_s": round(elapsed, 2), "blocks_per_s": round(n / elapsed, 1), "goal_blocks_per_s": 500,
            "source_build_s": round(built, 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=10_000)
    ap.add_argument("--memory", action="store_true", help="the syncing node's chain in memory (no fsync per block)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        print(json.dumps(asyncio.run(run(a.blocks, d, a.memory))))


if __name__ == "__main__":
    main()
