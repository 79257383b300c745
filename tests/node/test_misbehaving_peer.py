"""NODE.md behaviour 5: a peer sending an invalid block, oversized messages or a flood is banned; honest peers
are unaffected; garbage on either port leaves the node serving."""
import asyncio
import os
import socket
import urllib.request
from dataclasses import replace

from nodeproc import signed_transfer, wait_until

from chain import block as blk
from chain.core import Chain
from chain.devnet import dev_params
from chain.store import Store
from obelisk.node import protocol as P
from obelisk.node import ws
from obelisk.node.peer import BanList, NodeKey, PeerRefused, handshake


def _invalid_block() -> bytes:
    """A block on the dev genesis with a proper proof of work but a wrong state root."""
    c = Chain(Store(None), dev_params())
    block, _, _ = c.build_block(b"\x11" * 20)
    header = replace(block.header, state_root=b"\x42" * 32)
    sealed = blk.mine(header)
    return blk.Block(sealed, block.txs).encode(), sealed


async def _evil(addr: str, genesis: bytes, act):
    key = NodeKey(NodeKey.load(None).key)
    link = await ws.dial(addr)
    hello = P.Hello(P.PROTOCOL_VERSION, 1337, genesis, genesis, 0, 0, key.node_id, os.urandom(32), 0)
    await handshake(link, hello, key, BanList(None))
    try:
        await act(link)
        # The node closes a banned peer's link: recv ends.
        for _ in range(10_000):
            if await asyncio.wait_for(link.recv(), 10) is None:
                return key
        raise AssertionError("the node kept talking to a misbehaving peer")
    finally:
        link.close()
        await asyncio.sleep(0.05)


def _banned(n, key) -> bool:
    return any(e["event"] == "peer_banned" and e["id"] == "0x" + key.node_id.hex() for e in n.lines)


def test_misbehaving_peers_are_banned_and_the_node_keeps_serving(nodes):
    node = nodes("node")
    honest = nodes("honest", peers=[node.p2p])
    wait_until(lambda: node.rpc("node_info")["peers"] == 1)
    genesis = bytes.fromhex(node.rpc("node_info")["genesis"][2:])
    data, header = _invalid_block()

    async def invalid_block(link):
        await link.send(P.encode(P.INV_BLOCK, header.hash, 1, 10**6))
        while True:  # answer the node's request for the block with the invalid block
            msg = await asyncio.wait_for(link.recv(), 10)
            kind, fields = P.decode(msg)
            if kind == P.GET_BLOCKS:
                await link.send(P.encode(P.BLOCKS, fields[0], [data]))
                return

    async def oversized(link):
        for _ in range(3):  # an announcement over its bound: refused from its first two bytes
            await link.send(b"\x92\x03" + b"\x00" * 40_000)

    async def flood(link):
        status = P.encode(P.STATUS, genesis, 0, 0)
        for _ in range(4000):
            await link.send(status)

    async def scenario():
        keys = [await _evil(node.p2p, genesis, act) for act in (invalid_block, oversized, flood)]
        # A banned id cannot come back.
        link = await ws.dial(node.p2p)
        hello = P.Hello(P.PROTOCOL_VERSION, 1337, genesis, genesis, 0, 0, keys[0].node_id, os.urandom(32), 0)
        try:
            await handshake(link, hello, keys[0], BanList(None), timeout=5)
            refused = False
        except PeerRefused:
            refused = True
        link.close()
        await asyncio.sleep(0.05)
        return keys, refused

    keys, refused = asyncio.run(scenario())
    for key in keys:
        wait_until(lambda key=key: _banned(node, key), 10)
    assert refused
    # Honest peers are unaffected: still connected, and a transaction still spreads.
    assert [p["address"] for p in node.rpc("node_peers")] == [honest.p2p]
    assert not any(e["event"] == "peer_banned" for e in honest.lines)
    h = node.rpc("tx_send", "0x" + signed_transfer(3, 0).hex())
    wait_until(lambda: h in honest.rpc("tx_pending"), 10)


def test_garbage_on_either_port_leaves_the_node_serving(nodes):
    node = nodes("node")
    rpc_hostport = node.rpc_url.split("//")[1]
    for hostport in (node.p2p, rpc_hostport):
        host, port = hostport.rsplit(":", 1)
        for junk in (os.urandom(4096), b"GET /p2p HTTP/1.1\r\nHost: x\r\n\r\n", b"\x00" * 70000,
                     b"POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n{{{{"):
            with socket.create_connection((host, int(port)), timeout=5) as s:
                try:
                    s.sendall(junk)
                    s.recv(1024)
                except OSError:
                    pass
        try:
            urllib.request.urlopen(f"http://{hostport}/p2p", timeout=5).read()
        except OSError:
            pass
    assert node.rpc("node_info")["height"] == 0
    assert node.proc.poll() is None
