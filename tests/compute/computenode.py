"""A dev node for the compute tests: the rpc tests' dev node (each admitted transaction mined
at once) keeping blobs as `obelisk node` does (NodeBlobs, through the RPC's extra_methods).
Prints {"event": "ready", "rpc": URL}.

Run as `python computenode.py DATADIR [PORT]`; serves until SIGTERM/SIGINT.
"""
import asyncio
import os
import sys

import obelisk.node.rpc as rpc
from obelisk.compute.blob_node import NodeBlobs

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node"))
import rpc_devnode  # noqa: E402  the rpc tests' dev node: one serve loop for both


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
    blobs = NodeBlobs(datadir)
    await rpc_devnode.main(datadir, node=DevNode(blobs), port=port, on_close=(blobs.close,))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
