"""The node's peers, transport-independent: accept and dial links, dispatch messages, score and ban, discovery.

What a message means for the chain (relay of blocks and transactions, sync)
lives in relay.py and sync.py; this module owns who we talk to. The transport
gives links (see peer.py) and a `dial(addr) -> link` coroutine.
"""
from __future__ import annotations

import asyncio
import logging
import os
import random

from cachetools import LRUCache

from chain import errors as E

from . import protocol as P
from .peer import (BAN_SCORE, COST_FLOOD, COST_MALFORMED, COST_OVERSIZED, COST_UNASKED, BanList, NodeKey, Peer,
                   PeerRefused, ban_key_for, handshake)
from .relay import Relay
from .sync import Syncer

log = logging.getLogger("obelisk.node")

MAX_OUTBOUND = 8
MAX_INBOUND = 32
ADDRESS_BOOK = 1000
REDIAL_SECONDS = 2.0


def _work_of_head(c):
    return c.head_hash, c.height, c.work(c.head_hash)


class Network:
    """Every peer of one node. `emit(event)` receives peer_connected/peer_disconnected/peer_banned/… dicts."""

    def __init__(self, service, key: NodeKey, bans: BanList, *, dial=None, listen_port: int = 0,
                 seeds=(), emit=None, max_outbound: int = MAX_OUTBOUND, max_inbound: int = MAX_INBOUND,
                 discover: bool = True):
        self.service = service
        self.key = key
        self.bans = bans
        self.dial = dial
        self.listen_port = listen_port
        self.seeds = list(seeds)              # --peer addresses: dialled at start and redialled when dropped
        self.emit = emit or (lambda event: None)
        self.max_outbound = max_outbound
        self.max_inbound = max_inbound
        self.discover = discover
        self.peers: dict = {}                 # node id -> Peer
        self.addresses: LRUCache = LRUCache(ADDRESS_BOOK)   # HOST:PORT learnt from peers -> True
        self.dialing: set = set()
        self.own_addrs: set = set()
        self.head = (service.genesis_hash, 0, 0)  # (hash, height, cumulative work), refreshed by events
        self.relay = Relay(self)
        self.syncer = Syncer(self)
        self.blobnet = None                   # blobnet.BlobNet when the node keeps blobs
        self._tasks: set = set()
        self._stopping = False
        self.unsubscribe = service.subscribe(self._on_chain_event)

    # --- life cycle ---
    async def start(self) -> None:
        self.head = await self.service.run(_work_of_head)
        self.spawn(self.syncer.loop())
        if self.dial is not None:
            self.spawn(self._dialer())

    async def stop(self) -> None:
        self._stopping = True
        self.unsubscribe()
        for peer in list(self.peers.values()):
            peer.close()
        for t in list(self._tasks):
            t.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def spawn(self, coro) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def hello(self) -> P.Hello:
        h, height, work = self.head
        return P.Hello(P.PROTOCOL_VERSION, self.service.params.chain_id, self.service.genesis_hash, h, height,
                       work, self.key.node_id, os.urandom(P.CHALLENGE_SIZE), self.listen_port)

    def outbound_count(self) -> int:
        return sum(1 for p in self.peers.values() if not p.inbound)

    def peer_list(self) -> list:
        return [p.info() for p in self.peers.values()]

    def connected_addresses(self) -> set:
        return {p.listen_addr for p in self.peers.values() if p.listen_addr}

    # --- links ---
    async def add_link(self, link, dial_addr: str | None = None) -> None:
        """Run one link to its end: handshake, then read messages until it closes. Never raises."""
        if link.inbound and sum(1 for p in self.peers.values() if p.inbound) >= self.max_inbound:
            link.close()
            return
        try:
            theirs = await handshake(link, self.hello(), self.key, self.bans)
        except PeerRefused as exc:
            if dial_addr is not None and "ourselves" in str(exc):
                self.own_addrs.add(dial_addr)  # our own address, learnt from a peer: never dialled again
                self.addresses.pop(dial_addr, None)
            log.info("peer %s refused: %s", dial_addr or link.remote, exc)
            self.emit({"event": "peer_refused", "address": dial_addr or link.remote, "reason": str(exc)})
            link.close()
            return
        if dial_addr is not None:
            listen = dial_addr
        elif theirs.listen_port:
            listen = f"{link.remote.rpartition(':')[0]}:{theirs.listen_port}"
        else:
            listen = None
        if self.bans.banned(ban_key_for(listen or link.remote, theirs.listen_port)) \
                or theirs.node_id in self.peers or self._stopping:
            link.close()
            return
        peer = Peer(link, theirs, listen, asyncio.get_running_loop().time)
        self.peers[peer.node_id] = peer
        writer = self.spawn(peer.writer())
        self.emit({"event": "peer_connected", "id": peer.id_hex, "address": listen or link.remote,
                   "inbound": peer.inbound, "height": peer.height})
        try:
            if self.discover:
                peer.send(P.encode(P.GET_ADDR))
            self.relay.on_connect(peer)
            if peer.work > self.head[2]:
                self.syncer.wake()
            await self._read(peer)
        finally:
            peer.close()
            writer.cancel()
            if self.peers.get(peer.node_id) is peer:
                del self.peers[peer.node_id]
                self.emit({"event": "peer_disconnected", "id": peer.id_hex, "address": listen or link.remote})

    async def _read(self, peer: Peer) -> None:
        handlers = {
            P.STATUS: self._on_status, P.GET_ADDR: self._on_get_addr, P.ADDR: self._on_addr,
            P.INV_TX: self.relay.on_inv_tx, P.GET_TX: self.relay.on_get_tx, P.TXS: self.relay.on_txs,
            P.INV_BLOCK: self.relay.on_inv_block, P.GET_BLOCKS: self.relay.on_get_blocks,
            P.BLOCKS: self.relay.on_blocks, P.GET_HEADERS: self.syncer.on_get_headers,
            P.HEADERS: self.syncer.on_headers,
        }
        if self.blobnet is not None:
            handlers.update(self.blobnet.handlers())
        while not peer.closed:
            await peer.drained()  # a peer that asks faster than it reads waits for its answers to drain
            try:
                data = await peer.link.recv()
            except (ConnectionError, OSError, RuntimeError):
                return
            if data is None:
                return
            peer.messages_in += 1
            if not peer.allow():
                self.penalize(peer, COST_FLOOD, "message flood")
                continue
            try:
                kind, fields = P.decode(data)
            except P.ProtocolError as exc:
                self.penalize(peer, COST_OVERSIZED if exc.oversized else COST_MALFORMED, str(exc))
                continue
            handler = handlers.get(kind)
            if handler is None:  # a second HELLO or AUTH
                self.penalize(peer, COST_MALFORMED, f"unexpected {P.NAMES[kind]}")
                continue
            try:
                await handler(peer, *fields)
            except (E.StoreError, asyncio.CancelledError):
                raise
            except Exception:  # our bug on one message must not end the node; the peer goes
                log.exception("handling %s from %s", P.NAMES[kind], peer.id_hex)
                return

    # --- scores and bans ---
    def penalize(self, peer: Peer, cost: int, reason: str) -> None:
        peer.score -= cost
        log.debug("peer %s: %s (score %d)", peer.id_hex, reason, peer.score)
        if peer.score <= BAN_SCORE:
            self.ban(peer, f"misbehaving: {reason}")

    def answered(self, peer: Peer, rid: int, kind: int, what: str, count: int | None = None):
        """The open request `rid` that this `kind` answer (of `count` items, if given: no more than asked)
        closes; None, with a penalty, for an answer nobody asked for."""
        req = peer.requests.pop(rid, None)
        if req is None or req[0] != kind or (count is not None and count > len(req[2])):
            self.penalize(peer, COST_UNASKED, f"{what} nobody asked for")
            return None
        return req

    def ban(self, peer: Peer, reason: str) -> None:
        """A permanent fault: the node id and address are refused for 24 h, and the link closes."""
        if peer.closed and not self.peers.get(peer.node_id) is peer:
            return
        address = peer.listen_addr or peer.remote
        self.bans.ban(peer.id_hex, ban_key_for(address, peer.hello.listen_port))
        log.warning("banned peer %s (%s): %s", peer.id_hex, address, reason)
        self.emit({"event": "peer_banned", "id": peer.id_hex, "address": address, "reason": reason})
        peer.close()

    # --- chain events ---
    def _on_chain_event(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "tx":
            self.relay.announce_tx(event["hash"])
            self.relay.release_followers(event["data"])
        elif kind == "block":
            self.relay.announce_block(event["hash"], event["height"])
        elif kind == "reorg":
            self.spawn(self.relay.announce_pool())

    async def refresh_head(self) -> None:
        self.head = await self.service.run(_work_of_head)

    # --- status and discovery ---
    async def _on_status(self, peer: Peer, head: bytes, height: int, work: int) -> None:
        peer.head, peer.height, peer.work = head, height, work
        if work > self.head[2]:
            self.syncer.wake()

    async def _on_get_addr(self, peer: Peer) -> None:
        out = [a for a in self.connected_addresses() if a != peer.listen_addr]
        out += [a for a in list(self.addresses.keys()) if a not in out and a != peer.listen_addr]
        peer.send(P.encode(P.ADDR, out[:P.MAX_ADDRS]))

    async def _on_addr(self, peer: Peer, addrs: list) -> None:
        for a in addrs:
            self.addresses[a] = True

    def add_peer(self, addr: str) -> None:
        """node_addPeer: remember the address and dial it now (a --peer is redialled when dropped)."""
        if addr not in self.seeds:
            self.seeds.append(addr)
        if self.dial is not None and addr not in self.dialing and addr not in self.connected_addresses():
            self.spawn(self._dial_one(addr))

    async def _dial_one(self, addr: str) -> None:
        if self.bans.banned(ban_key_for(addr)):
            return
        self.dialing.add(addr)
        try:
            try:
                link = await self.dial(addr)
            except (OSError, asyncio.TimeoutError, ValueError, RuntimeError) as exc:
                log.debug("dial %s failed: %s", addr, exc)
                return
            except Exception as exc:  # aiohttp's client errors, and the like
                log.debug("dial %s failed: %s", addr, exc)
                return
        finally:
            self.dialing.discard(addr)
        await self.add_link(link, dial_addr=addr)

    async def _dialer(self) -> None:
        while not self._stopping:
            connected = self.connected_addresses()
            for addr in self.seeds:
                if addr not in connected and addr not in self.dialing and addr not in self.own_addrs:
                    self.spawn(self._dial_one(addr))
            if self.discover and self.outbound_count() + len(self.dialing) < self.max_outbound:
                book = [a for a in self.addresses.keys() if a not in connected and a not in self.dialing
                        and a not in self.seeds and a not in self.own_addrs]
                random.shuffle(book)
                for addr in book[:self.max_outbound - self.outbound_count() - len(self.dialing)]:
                    self.spawn(self._dial_one(addr))
            await asyncio.sleep(REDIAL_SECONDS + random.random() * 0.5)
