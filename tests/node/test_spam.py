"""NODE.md "memory stays flat under spam": raw peers flood a node for a few seconds with junk, oversized and
valid-but-useless messages; the node keeps serving RPC, bans the spammers and its resident memory stays bounded."""
import asyncio
import os
import struct
import threading
import time

import aiohttp
from nodeproc import wait_until

from chain import consensus as C
from obelisk.node import protocol as P
from obelisk.node import ws
from obelisk.node.peer import MAX_ASKED, SEND_LIMIT, SEND_PAUSE, BanList, NodeKey, Peer, PeerRefused, handshake

FLOOD_SECONDS = 5.0
RSS_BOUND = 50 * 1024 * 1024  # bytes the node may grow by while flooded (a behaviour bound, not a timing)


def _rss(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _binary_frame_head(length: int) -> bytes:
    """A masked binary websocket frame header announcing `length` payload bytes (RFC 6455)."""
    return b"\x82\xff" + struct.pack(">Q", length) + b"\x00\x00\x00\x00"


async def _raw_upgrade(addr: str):
    host, port = addr.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"GET {ws.PATH} HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    return reader, writer, head.split(b" ", 2)[1]


async def _raw_oversized(addr: str, end: float) -> int:
    """Unauthenticated links that announce a frame far over the limit, or send a real one just over it."""
    sent = 0
    big = os.urandom(ws.MAX_FRAME + 4096)
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < end:
            try:
                if sent % 2:
                    reader, writer, _ = await _raw_upgrade(addr)
                    try:
                        writer.write(_binary_frame_head(1 << 40) + b"\x00" * 65536)
                        await asyncio.wait_for(writer.drain(), 5)
                        await asyncio.wait_for(reader.read(), 5)  # the node closes the link
                    finally:
                        writer.close()
                else:
                    async with session.ws_connect(f"http://{addr}{ws.PATH}", max_msg_size=0) as conn:
                        await conn.send_bytes(big)
                        await asyncio.wait_for(conn.receive(), 5)
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError, RuntimeError):
                pass
            sent += 1
            await asyncio.sleep(0)
    return sent


async def _handshaken(addr: str, genesis: bytes):
    key = NodeKey.load(None)
    link = await ws.dial(addr)
    hello = P.Hello(P.PROTOCOL_VERSION, 1337, genesis, genesis, 0, 0, key.node_id, os.urandom(32), 0)
    await handshake(link, hello, key, BanList(None), timeout=10)
    return key, link


async def _drain(link) -> None:
    while await link.recv() is not None:
        pass


async def _flooder(addr: str, genesis: bytes, end: float, ids: list, counts: dict) -> None:
    """One identity after another: each floods junk, oversized and useless-but-valid messages until banned."""
    useless = [P.encode(P.STATUS, genesis, 0, 0), P.encode(P.GET_ADDR),
               P.encode(P.GET_BLOCKS, 1, [genesis] * P.MAX_BLOCKS),
               P.encode(P.GET_HEADERS, 2, [genesis], P.MAX_HEADERS),
               P.encode(P.INV_TX, [os.urandom(32) for _ in range(P.MAX_INV)])]
    junk = [os.urandom(3000), b"\x92\x03" + b"\x00" * 40_000, b"\xdc\xff\xff" + os.urandom(200_000),
            P.encode(P.TXS, 77, [b"\x01" * 100])]
    while time.monotonic() < end:
        try:
            key, link = await _handshaken(addr, genesis)
        except (PeerRefused, aiohttp.ClientError, asyncio.TimeoutError, OSError):
            await asyncio.sleep(0.05)
            continue
        ids.append("0x" + key.node_id.hex())
        drain = asyncio.get_running_loop().create_task(_drain(link))  # ends when the node closes the link
        try:
            i = 0
            while time.monotonic() < end and not drain.done():
                msg = junk[i % len(junk)] if i % 8 == 7 else useless[i % len(useless)]
                await asyncio.wait_for(link.send(msg), 5)
                counts["messages"] += 1
                i += 1
        except (ConnectionError, RuntimeError, OSError, asyncio.TimeoutError, aiohttp.ClientError):
            pass
        finally:
            link.close()
            drain.cancel()
            await asyncio.sleep(0.01)


def test_a_flood_is_banned_and_memory_stays_flat(nodes):
    node = nodes("node")
    genesis = bytes.fromhex(node.rpc("node_info")["genesis"][2:])
    pid = node.proc.pid
    for _ in range(20):  # warm the RPC path before the baseline
        node.rpc("node_info")
    time.sleep(0.5)
    baseline = _rss(pid)
    peak = [baseline]
    rpc_ok, rpc_failed = [0], []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], _rss(pid))
            try:
                node.rpc("node_info")
                rpc_ok[0] += 1
            except Exception as exc:  # noqa: BLE001 - a failure is what the test reports
                rpc_failed.append(repr(exc))
            stop.wait(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    ids, counts = [], {"messages": 0}

    async def flood():
        end = time.monotonic() + FLOOD_SECONDS
        tasks = [_flooder(node.p2p, genesis, end, ids, counts) for _ in range(3)]
        return await asyncio.gather(_raw_oversized(node.p2p, end), *tasks)

    watcher.start()
    try:
        raw_sent = asyncio.run(flood())[0]
        time.sleep(1.0)  # let the node finish what it read
    finally:
        stop.set()
        watcher.join(10)
    peak[0] = max(peak[0], _rss(pid))
    growth = peak[0] - baseline
    banned = {e["id"] for e in node.lines if e["event"] == "peer_banned"}
    print(f"spam: {counts['messages']} messages from {len(ids)} identities ({len(banned)} banned), {raw_sent} oversized frames; "
          f"RSS {baseline / 2**20:.1f} MiB -> peak {peak[0] / 2**20:.1f} MiB (+{growth / 2**20:.1f} MiB); "
          f"{rpc_ok[0]} RPC answers during the flood")
    assert not rpc_failed, rpc_failed[:3]
    assert rpc_ok[0] > 0
    assert node.proc.poll() is None
    assert counts["messages"] > 1000 and raw_sent > 0
    # The spammers were banned (every identity that got far enough) and none is still connected.
    assert len(banned) >= 3 and banned <= set(ids)
    wait_until(lambda: node.rpc("node_info")["peers"] == 0, 10)
    assert growth < RSS_BOUND, f"RSS grew by {growth / 2**20:.1f} MiB under spam"
    # Still a working node: it takes and answers a transaction's worth of RPC.
    assert node.rpc("node_info")["height"] == 0


class _StuckLink:
    """A link whose far side never reads: every send waits forever."""
    remote, inbound = "127.0.0.1:1", True

    def __init__(self):
        self.closed = False

    async def send(self, data):
        await asyncio.Event().wait()

    def close(self):
        self.closed = True


def test_a_peer_that_does_not_read_pauses_its_requests_then_is_dropped():
    async def scenario():
        g = b"\x00" * 32
        peer = Peer(_StuckLink(), P.Hello(1, 1337, g, g, 0, 0, b"\x01" * 32, b"\x02" * 32, 0), None,
                    asyncio.get_running_loop().time)
        writer = asyncio.get_running_loop().create_task(peer.writer())
        answer = b"\x00" * P.MAX_MESSAGE
        sent = 0
        while peer.queued_bytes <= SEND_PAUSE:
            assert peer.send(answer)
            sent += 1
        paused = asyncio.get_running_loop().create_task(peer.drained())
        await asyncio.sleep(0.05)
        assert not paused.done()  # the node reads no more requests from it
        while peer.send(answer):
            sent += 1
        assert peer.closed and peer.link.closed and peer.queued_bytes <= SEND_LIMIT
        await asyncio.wait_for(paused, 1)  # a closed peer releases its reader
        writer.cancel()
        return sent

    assert asyncio.run(scenario()) * P.MAX_MESSAGE <= SEND_LIMIT + P.MAX_MESSAGE


def test_the_frame_limit_is_the_largest_message_and_a_full_block_fits():
    assert max(P.MAX_SIZE.values()) == P.MAX_MESSAGE < ws.MAX_FRAME <= P.MAX_MESSAGE + 1024
    assert P.MAX_MESSAGE < 5 * 1024 * 1024  # ~4 MiB: forty links buffer ~200 MiB at most, not ~500
    block = b"\x07" * C.MAX_BLOCK_SIZE
    assert P.decode(P.encode(P.BLOCKS, 2**64 - 1, [block]))[1] == (2**64 - 1, [block])
    # An answer the relay builds (blocks up to MAX_BLOCKS_BYTES) always fits its bound.
    blocks = [b"\x07" * (P.MAX_BLOCKS_BYTES // P.MAX_BLOCKS)] * P.MAX_BLOCKS
    assert len(P.encode(P.BLOCKS, 2**64 - 1, blocks)) <= P.MAX_SIZE[P.BLOCKS]


def test_links_that_never_finish_a_handshake_are_bounded_in_number(nodes):
    node = nodes("node")
    cap = 32 + ws.PENDING_LINKS  # the node's default accepted links, plus those still in a handshake

    async def scenario():
        held = []
        try:
            for _ in range(cap + 20):  # one at a time, each held open (its handshake never answered)
                held.append(await _raw_upgrade(node.p2p))
            return [status for _, _, status in held]
        finally:
            for _, writer, _ in held:
                writer.close()

    statuses = asyncio.run(scenario())
    # (each held link would be dropped by the node's 10 s handshake timeout; these 60 take far less)
    assert statuses[:cap] == [b"101"] * cap and statuses[cap] == b"503"
    assert node.rpc("node_info")["peers"] == 0 and node.proc.poll() is None


def test_requests_to_a_peer_that_never_answers_remember_a_bounded_number_of_hashes():
    async def scenario():
        g = b"\x00" * 32
        peer = Peer(_StuckLink(), P.Hello(1, 1337, g, g, 0, 0, b"\x01" * 32, b"\x02" * 32, 0), None,
                    asyncio.get_running_loop().time)
        futs = [peer.new_request(P.TXS, [os.urandom(32) for _ in range(P.MAX_INV)])[1] for _ in range(40)]
        remembered = sum(len(r[2]) for r in peer.requests.values())
        given_up = [f.result() for f in futs if f.done()]
        return remembered, given_up, len(peer.requests)

    remembered, given_up, pending = asyncio.run(scenario())
    assert remembered <= MAX_ASKED and pending == MAX_ASKED // P.MAX_INV
    assert given_up == [None] * (40 - pending)  # the oldest requests were given up, as if unanswered
