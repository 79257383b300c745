"""A peer session over any link: handshake with signed challenges, score, rate limit, bounded send queue, bans.

A link is anything with `async send(bytes)`, `async recv() -> bytes | None`
(None once closed), `close()`, `.remote` ("HOST:PORT" it came from) and
`.inbound`; the aiohttp and in-memory transports both provide one.
"""
from __future__ import annotations

import asyncio
import collections
import json
import os
import time

from chain import keys

from . import protocol as P

HANDSHAKE_TIMEOUT = 10.0
MAX_REQUESTS = 256         # requests waiting for this peer's answer
KNOWN = 20_000             # hashes remembered per peer as known to it
MAX_ASKED = 8 * P.MAX_INV  # ... and the item hashes they name, together (a request remembers what it asked)
SEND_QUEUE = 1024           # messages waiting for a slow peer before it is dropped
# Bytes waiting for one peer: past SEND_PAUSE the node stops reading that peer's requests until its answers
# drain (so a peer that asks without reading holds about this plus one answer of ours); past SEND_LIMIT the
# peer, too slow even for what we send unasked, is dropped.
SEND_PAUSE = 1024 * 1024
SEND_LIMIT = SEND_PAUSE + 2 * P.MAX_MESSAGE
BAN_SECONDS = 24 * 3600
BAN_SCORE = -100            # a peer whose score falls this low is banned
# What each fault costs (Bitcoin Core's misbehaviour points, in spirit).
COST_MALFORMED = 20
COST_OVERSIZED = 50
COST_UNASKED = 10
COST_FLOOD = 5
# Token bucket per peer: messages per second and burst.
RATE = 500.0
BURST = 2000.0


def weak_node_id(public_key: bytes) -> bool:
    """True for a key that is no point, or of small order: a signature under such a key can verify for any
    message, so it proves nothing about who holds the id (pycryptodome's verify does not refuse them)."""
    from Crypto.Signature import eddsa
    try:
        point = eddsa.import_public_key(public_key).pointQ
    except ValueError:
        return True
    return (point * 8).is_point_at_infinity()


class PeerRefused(Exception):
    """A handshake that failed (another network or version, a bad signature, a ban); the reason is logged."""


class NodeKey:
    """The node's Ed25519 identity, kept as a 32-byte seed in DATADIR/node_key (created on first start)."""

    def __init__(self, key: keys.PrivateKey):
        self.key = key
        self.node_id = key.public_key

    @classmethod
    def load(cls, datadir: str | None) -> "NodeKey":
        if datadir is None:
            return cls(keys.PrivateKey.generate())
        path = os.path.join(datadir, "node_key")
        try:
            with open(path, "rb") as f:
                seed = f.read(64)
            if len(seed) == keys.SEED_SIZE:
                return cls(keys.PrivateKey(seed))
        except FileNotFoundError:
            pass
        key = keys.PrivateKey.generate()
        tmp = path + ".tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key.seed)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return cls(key)


def ban_key_for(remote: str, listen_port: int | None = None) -> str:
    """The address a ban names: the IP, or IP:port on loopback, where every node shares one IP."""
    host = remote.rpartition(":")[0] or remote
    if host.startswith("127.") or host in ("::1", "localhost"):
        return f"{host}:{listen_port}" if listen_port else remote
    return host


class BanList:
    """Node ids and addresses refused until a time; kept in DATADIR/bans.json when there is a datadir."""

    LIMIT = 10_000

    def __init__(self, datadir: str | None, clock=time.time):
        self.path = None if datadir is None else os.path.join(datadir, "bans.json")
        self.clock = clock
        self.until: dict = {}
        if self.path and os.path.exists(self.path):
            try:
                with open(self.path, encoding="utf-8") as f:
                    data = json.load(f)
                self.until = {k: float(v) for k, v in data.items() if isinstance(k, str)}
            except (OSError, ValueError, AttributeError, TypeError):
                self.until = {}  # a damaged ban list is dropped, never fatal

    def banned(self, *names) -> bool:
        now = self.clock()
        return any(n is not None and self.until.get(n, 0) > now for n in names)

    def ban(self, *names, seconds: float = BAN_SECONDS) -> None:
        now = self.clock()
        self.until = {k: v for k, v in self.until.items() if v > now}
        for n in names:
            if n is not None and len(self.until) < self.LIMIT:
                self.until[n] = now + seconds
        if self.path:
            tmp = self.path + ".tmp"
            try:
                with open(tmp, "w", encoding="utf-8") as f:
                    json.dump(self.until, f, sort_keys=True)
                os.replace(tmp, self.path)
            except OSError:
                pass  # the ban still holds in memory


class Peer:
    """One handshaken link. The node's logic calls send(); the reader loop hands messages to `on_message`."""

    def __init__(self, link, hello: P.Hello, remote_addr: str | None, loop_time):
        self.link = link
        self.hello = hello
        self.node_id = hello.node_id
        self.inbound = link.inbound
        self.remote = link.remote
        # Where this peer accepts connections (its host as we see it, its advertised port).
        self.listen_addr = remote_addr
        self.head = hello.head
        self.height = hello.height
        self.work = hello.work
        self.score = 0
        self.queue: asyncio.Queue = asyncio.Queue(SEND_QUEUE)
        self.queued_bytes = 0
        self._drained = asyncio.Event()
        self._drained.set()
        self.known = KnownHashes(KNOWN)  # item hashes this peer has or was sent: never send them twice
        self.requests: dict = {}  # request id -> (kind, future, set of hashes asked)
        self._next_id = 1
        self._time = loop_time
        self._tokens = BURST
        self._last = loop_time()
        self.closed = False
        self.messages_in = 0
        self.messages_out = 0

    @property
    def id_hex(self) -> str:
        return "0x" + self.node_id.hex()

    def info(self) -> dict:
        return {"id": self.id_hex, "address": self.listen_addr or self.remote, "height": self.height,
                "inbound": self.inbound}

    def send(self, data: bytes) -> bool:
        """Queue a message; a peer whose queue is full (in messages or bytes) is too slow and is dropped."""
        if self.closed:
            return False
        if self.queued_bytes + len(data) > SEND_LIMIT:
            self.close()
            return False
        try:
            self.queue.put_nowait(data)
        except asyncio.QueueFull:
            self.close()
            return False
        self.queued_bytes += len(data)
        if self.queued_bytes > SEND_PAUSE:
            self._drained.clear()
        self.messages_out += 1
        return True

    async def drained(self) -> None:
        """Wait until what is queued for this peer is under SEND_PAUSE bytes (or the peer closed)."""
        while not self._drained.is_set() and not self.closed:
            await self._drained.wait()

    def allow(self) -> bool:
        """Take one token from the rate bucket; False when the peer sends faster than RATE."""
        now = self._time()
        self._tokens = min(BURST, self._tokens + (now - self._last) * RATE)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    def new_request(self, kind: int, asked) -> tuple[int, asyncio.Future]:
        # A peer that never answers must not make us remember requests without end: the oldest is given up.
        asked = set(asked)
        while self.requests and (len(self.requests) >= MAX_REQUESTS or
                                 sum(len(r[2]) for r in self.requests.values()) + len(asked) > MAX_ASKED):
            _, fut, _ = self.requests.pop(next(iter(self.requests)))
            if not fut.done():
                fut.set_result(None)
        rid = self._next_id
        self._next_id += 1
        fut = asyncio.get_running_loop().create_future()
        self.requests[rid] = (kind, fut, asked)
        return rid, fut

    async def ask(self, kind: int, asked, message, timeout: float):
        """Send the request `message(rid)` and await its answer: None when the peer cannot be sent to,
        gives the request up, or does not answer within `timeout` s."""
        rid, fut = self.new_request(kind, asked)
        if not self.send(message(rid)):
            self.requests.pop(rid, None)
            return None
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            self.requests.pop(rid, None)
            return None

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            for _, fut, _ in self.requests.values():
                if not fut.done():
                    fut.set_result(None)
            self.requests.clear()
            self._drained.set()
            self.link.close()

    async def writer(self) -> None:
        try:
            while not self.closed:
                data = await self.queue.get()
                await self.link.send(data)
                self.queued_bytes -= len(data)
                if self.queued_bytes <= SEND_PAUSE:
                    self._drained.set()
        except (ConnectionError, asyncio.CancelledError, RuntimeError, OSError):
            pass
        finally:
            self.close()


class KnownHashes:
    """A bounded set of hashes, the oldest forgotten first; `known[h] = True` adds. A set and a deque cost
    ~100 bytes a hash where an LRUCache costs ~300, which matters as every peer keeps one."""

    def __init__(self, limit: int):
        self._set: set = set()
        self._order: collections.deque = collections.deque()
        self.limit = limit

    def __contains__(self, h) -> bool:
        return h in self._set

    def __len__(self) -> int:
        return len(self._set)

    def __setitem__(self, h, _value) -> None:
        if h in self._set:
            return
        if len(self._order) >= self.limit:
            self._set.discard(self._order.popleft())
        self._order.append(h)
        self._set.add(h)


async def handshake(link, my_hello: P.Hello, key: NodeKey, bans: BanList, timeout: float = HANDSHAKE_TIMEOUT):
    """Exchange HELLOs, then AUTHs signing each other's challenge; returns the peer's Hello or raises PeerRefused."""
    async def recv_one(kind):
        data = await link.recv()
        if data is None:
            raise PeerRefused("the link closed during the handshake")
        try:
            got, fields = P.decode(data)
        except P.ProtocolError as exc:
            raise PeerRefused(f"malformed handshake: {exc}") from None
        if got != kind:
            raise PeerRefused(f"expected {P.NAMES[kind]}, got {P.NAMES[got]}")
        return fields

    async def run():
        await link.send(P.hello(my_hello))
        theirs = await recv_one(P.HELLO)
        if theirs.version != P.PROTOCOL_VERSION:
            raise PeerRefused(f"protocol version {theirs.version}, ours is {P.PROTOCOL_VERSION}")
        if theirs.chain_id != my_hello.chain_id or theirs.genesis != my_hello.genesis:
            raise PeerRefused(f"another network (chain id {theirs.chain_id}, genesis 0x{theirs.genesis.hex()[:16]}…)")
        if theirs.node_id == my_hello.node_id:
            raise PeerRefused("a connection to ourselves")
        if weak_node_id(theirs.node_id):
            raise PeerRefused("a node id of small order (it proves nothing)")
        if bans.banned("0x" + theirs.node_id.hex()):
            raise PeerRefused("a banned node id")
        sig = key.key.sign(P.hello_signing_bytes(theirs.challenge, my_hello.node_id, my_hello.genesis))
        await link.send(P.encode(P.AUTH, sig))
        (their_sig,) = await recv_one(P.AUTH)
        if not keys.verify(theirs.node_id, P.hello_signing_bytes(my_hello.challenge, theirs.node_id,
                                                                 my_hello.genesis), their_sig):
            raise PeerRefused("the node id's signature over our challenge does not verify")
        return theirs

    try:
        return await asyncio.wait_for(run(), timeout)
    except asyncio.TimeoutError:
        raise PeerRefused("handshake timed out") from None
    except (ConnectionError, OSError, RuntimeError) as exc:
        raise PeerRefused(f"the link failed during the handshake ({exc.__class__.__name__})") from None
