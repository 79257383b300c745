"""A JSON-RPC node for the --rpc tests: the CLI's dev chain (virtual clock), mining each admitted transaction at once.

Run as `python rpc_devnode.py [DATADIR] [--no-automine]`: prints {"event": "ready", "rpc": URL} and serves until SIGTERM/SIGINT.
With the same virtual clock and one block per transaction as the local door, every output matches it byte for byte.
"""
import asyncio
import json
import signal
import sys

import obelisk
from obelisk.node.rpc import RpcServer
from obelisk.node.service import ChainService


async def main(datadir, automine=True, *, node=None, port=0, on_close=()):
    """Serve until SIGTERM/SIGINT; `node` is the RPC's node side (peers, extra methods), `on_close` more to close."""
    net = obelisk.Devnet(datadir)
    service = ChainService(net.chain, net.params, dev=True, door_class=obelisk.Devnet)  # traces, as `obelisk node`
    mining = []

    def on_event(event):
        if event["event"] == "tx" and automine:  # automine, as anvil does by default
            mining.append(asyncio.ensure_future(service.mine_block(net.miner)))
    service.subscribe(on_event)
    server = RpcServer(service, node, port=port)
    url = await server.start()
    print(json.dumps({"event": "ready", "rpc": url}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop()
    await asyncio.gather(*mining, return_exceptions=True)
    service.close()
    net.close()
    for close in on_close:
        close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--no-automine"]
    asyncio.run(main(args[0] if args else None, automine="--no-automine" not in sys.argv))
