"""JSON-RPC throughput of one node over loopback, printed as one JSON document.

- reads: chain_getBalance requests per second (C concurrent HTTP clients, keep-alive);
- batch: the same requests 100 to a batch;
- tx_send: signed transfers (signed beforehand, 10 senders, a client each) admitted per second;
- while_importing: chain_getBalance answers per second while the chain thread
  imports blocks (reads wait their turn on the one chain thread).
The node side is the real server (obelisk.node.rpc) on a real chain in a temporary datadir.
Run: .venv/bin/python bench/rpc.py [--requests N] [--txs N] [--clients C]
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

import aiohttp  # noqa: E402

import chain  # noqa: E402
from obelisk.node.rpc import RpcServer  # noqa: E402
from obelisk.node.service import ChainService  # noqa: E402


async def _hammer(session, url, bodies, clients):
    """POST every body with `clients` at a time; seconds taken."""
    queue = list(reversed(bodies))

    async def worker():
        while queue:
            body = queue.pop()
            async with session.post(url, data=body) as resp:
                doc = json.loads(await resp.read())
                if isinstance(doc, dict) and "error" in doc:
                    raise RuntimeError(doc["error"])
    t0 = time.perf_counter()
    await asyncio.gather(*[worker() for _ in range(clients)])
    return time.perf_counter() - t0


def _req(method, *params, i=1):
    return {"jsonrpc": "2.0", "id": i, "method": method, "params": list(params)}


async def main(args):
    with tempfile.TemporaryDirectory() as tmp:
        net = chain.Devnet(os.path.join(tmp, "node"))
        source = chain.Devnet()  # blocks for the import run, made beforehand
        source.mine(args.import_blocks)
        blocks = [source.block_bytes(n) for n in range(1, args.import_blocks + 1)]
        txs = []
        for i in range(args.txs):
            sender = i % 10
            txs.append(net.make_tx(sender, net.accounts[(sender + 1) % 10].address, 1, nonce=i // 10).encode())
        service = ChainService(net.chain, net.params, dev=True)
        server = RpcServer(service)
        url = await server.start() + "/"
        addr = str(net.accounts[1].address)
        out = {"clients": args.clients}
        try:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=args.clients)) as session:
                reads = [json.dumps(_req("chain_getBalance", addr)) for _ in range(args.requests)]
                dt = await _hammer(session, url, reads, args.clients)
                out["reads"] = {"requests": args.requests, "seconds": round(dt, 3), "per_second": round(args.requests / dt)}
                batches = [json.dumps([_req("chain_getBalance", addr, i=i) for i in range(100)])
                           for _ in range(max(1, args.requests // 100))]
                dt = await _hammer(session, url, batches, args.clients)
                n = len(batches) * 100
                out["batch"] = {"requests": n, "seconds": round(dt, 3), "per_second": round(n / dt)}
                # One client per sender, each in its nonce order (10 at once).
                per_sender = [[json.dumps(_req("tx_send", "0x" + t.hex())) for t in txs[s::10]] for s in range(10)]
                t0 = time.perf_counter()
                await asyncio.gather(*[_hammer(session, url, bodies, 1) for bodies in per_sender])
                dt = time.perf_counter() - t0
                out["tx_send"] = {"txs": len(txs), "clients": 10, "seconds": round(dt, 3),
                                  "per_second": round(len(txs) / dt)}
                pending = len(await service.pending())
                assert pending == len(txs), pending
                # Reads while blocks import: both queue on the one chain thread.
                other = chain.Devnet(os.path.join(tmp, "other"))
                service2 = ChainService(other.chain, other.params, dev=True)
                server2 = RpcServer(service2)
                url2 = await server2.start() + "/"
                try:
                    async def importer():
                        t0 = time.perf_counter()
                        for data in blocks:
                            await service2.import_block(data)
                        return time.perf_counter() - t0
                    imp = asyncio.ensure_future(importer())
                    answered, t0 = 0, time.perf_counter()
                    while not imp.done():
                        async with session.post(url2, data=reads[0]) as resp:
                            await resp.read()
                        answered += 1
                    dt_import = await imp
                    out["while_importing"] = {"blocks": len(blocks), "import_seconds": round(dt_import, 3),
                                              "reads_answered": answered,
                                              "reads_per_second": round(answered / (time.perf_counter() - t0))}
                finally:
                    await server2.stop()
                    service2.close()
                    other.close()
        finally:
            await server.stop()
            service.close()
            net.close()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--txs", type=int, default=1000)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--import-blocks", type=int, default=200)
    asyncio.run(main(p.parse_args()))
