"""A dev node for the compute tests: the rpc tests' dev node (each admitted transaction mined
at once) with the blob store's methods registered. Prints {"event": "ready", "rpc": URL}.

Run as `python computenode.py DATADIR [PORT]`; serves until SIGTERM/SIGINT.
"""
import asyncio
import json
import signal
import sys

import chain
import obelisk.node.rpc as rpc
from obelisk.compute.blob_rpc import blob_methods
from obelisk.compute.blobs import BlobStore
from obelisk.node.service import ChainService


def with_blob_methods(store):
    # The node registers blob_methods in its own method table once it is wired to a
    # blob store; until then this helper adds them the same way.
    original = rpc.Methods.__init__

    def init(self, service, node):
        original(self, service, node)
        if "blob_put" not in self.table:
            self.table.update(blob_methods(store, error=rpc.RpcError))
    rpc.Methods.__init__ = init


async def main(datadir, port=0):
    net = chain.Devnet(datadir)
    store = BlobStore(datadir)
    with_blob_methods(store)
    service = ChainService(net.chain, net.params, dev=True)
    mining = []

    def on_event(event):
        if event["event"] == "tx":
            mining.append(asyncio.ensure_future(service.mine_block(net.miner)))
    service.subscribe(on_event)
    server = rpc.RpcServer(service, port=port)
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
    store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
