"""A dev node for the compute tests: the rpc tests' dev node (each admitted transaction mined
at once) keeping blobs as `obelisk node` does (NodeBlobs, through the RPC's extra_methods).
Prints {"event": "ready", "rpc": URL}.

Run as `python computenode.py DATADIR [PORT]`; serves until SIGTERM/SIGINT.
"""
import asyncio
import json
import signal
import sys

import chain
import obelisk.node.rpc as rpc
from obelisk.compute.blob_node import NodeBlobs
from obelisk.node.service import ChainService


class DevNode:
    """The node side the RPC sees: no peers, blobs kept in the datadir like a real node's."""

    def __init__(self, blobs):
        self.blobs = blobs

    def info(self):
        return {"peers": 0, "mining": True}

    def peers(self):
        return []

    def add_peer(self, hostport):
        raise rpc.RpcError(-32000, "this dev node has no peer port", {"reason": "no peer port", "location": None})

    def extra_methods(self, error):
        return self.blobs.methods(error=error, fetch=None, announce=lambda hashes: None)


async def main(datadir, port=0):
    net = chain.Devnet(datadir)
    blobs = NodeBlobs(datadir)
    service = ChainService(net.chain, net.params, dev=True)
    mining = []

    def on_event(event):
        if event["event"] == "tx":
            mining.append(asyncio.ensure_future(service.mine_block(net.miner)))
    service.subscribe(on_event)
    server = rpc.RpcServer(service, DevNode(blobs), port=port)
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
    blobs.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
