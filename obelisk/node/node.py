"""The node process: one asyncio loop serving the peer port (websockets) and the JSON-RPC port, a miner, events on stdout.

`Node(...).serve()` runs until stop() (SIGINT/SIGTERM in the CLI). The chain
core runs on ChainService's one chain thread; the loop never imports or mines.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import sys
import time

from aiohttp import web

from chain import errors as E
from chain.core import Chain
from chain.devnet import DB_FILE, dev_params
from chain.store import Store

from . import ws
from .network import Network
from .peer import BanList, NodeKey
from .service import ChainService

log = logging.getLogger("obelisk.node")

BLOB_PRUNE_SECONDS = 60.0  # how often blobs past their retention are dropped
STOP_SECONDS = 3.0  # what the shutdown may take before the rest is abandoned (NODE.md: stop within 5 s)


class NodeError(Exception):
    """A node that cannot start (datadir refused, port taken, bad genesis): one line for the user."""


def split_hostport(text: str, what: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise NodeError(f"{what}: HOST:PORT expected (as 127.0.0.1:7710), got {text!r}")
    return host.strip("[]"), int(port)


def _jsonable(v):
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    return v


class Node:
    def __init__(self, datadir: str, *, listen="0.0.0.0:7710", rpc_listen="127.0.0.1:7711", peers=(),
                 mine=False, miner=None, block_time: float = 2.0, params=None, dev=True, json_out=False,
                 out=None, progress=False, blobs=None, door_class=None, threads: int = 1):
        self.datadir = datadir
        self.door_class = door_class  # the chain door that also records VM steps (obelisk.Devnet): tx_trace & co.
        self.blobs = blobs      # obelisk.compute.blob_node.NodeBlobs (or alike), owned and closed by the node
        self.listen = split_hostport(listen, "--listen")
        self.rpc_listen = split_hostport(rpc_listen, "--rpc-listen") if rpc_listen else None
        self.seed_peers = [f"{h}:{p}" for h, p in (split_hostport(a, "--peer") for a in peers)]
        self.mining = mine
        self.miner = miner
        self.block_time = block_time
        self.threads = threads  # processes sealing a block on a hard target (--threads)
        self.params = params or dev_params()
        self.dev = dev
        self.json_out = json_out
        self.out = out or sys.stdout
        self.progress = progress
        self._stop = None
        self.network = None
        self.service = None

    # --- the object the RPC's node_* methods use ---
    def info(self) -> dict:
        return {"peers": len(self.network.peers) if self.network else 0, "mining": self.mining}

    def peers(self) -> list:
        return self.network.peer_list() if self.network else []

    def add_peer(self, hostport: str) -> None:
        host, port = split_hostport(hostport, "node_addPeer")
        if self.network is not None:
            self.network.add_peer(f"{host}:{port}")

    def extra_methods(self, error) -> dict:
        """RPC methods beyond the chain's: the blob methods when the node keeps blobs."""
        if self.blobs is None or self.network is None or self.network.blobnet is None:
            return {}
        return self.blobs.methods(error=error, fetch=self.network.blobnet.fetch,
                                  announce=self.network.blobnet.announce)

    def _start_blobs(self) -> None:
        from .blobnet import BlobNet
        self.network.blobnet = BlobNet(self.network, self.blobs)
        self.network.spawn(self._prune_blobs())

        def on_block(event):
            if event["event"] == "block":
                self.network.spawn(self._follow_market(event["height"]))
        self.service.subscribe(on_block)

    async def _follow_market(self, height: int) -> None:
        # The market's events link blobs to jobs and mark jobs finished, for pruning.
        try:
            docs = await self.service.logs(height, height, None, None)
            await asyncio.to_thread(self.blobs.follow, docs)
        except (ValueError, E.ChainError) as exc:  # a block gone in a reorg, say: its jobs come again
            log.debug("blob follow at %d: %s", height, exc)

    async def _prune_blobs(self) -> None:
        while True:
            await asyncio.sleep(BLOB_PRUNE_SECONDS)
            await asyncio.to_thread(self.blobs.prune)

    # --- output ---
    def emit(self, event: dict) -> None:
        doc = {k: _jsonable(v) for k, v in event.items() if k != "data"}
        kind = doc.get("event")
        if self.json_out:
            line = json.dumps(doc)
        elif kind == "sync":
            if not self.progress:
                return
            line = f"sync: height {doc['height']}, {doc['peers']} peers, {doc['blocks_per_s']} blocks/s"
        elif kind == "block":
            if self.network is not None and self.network.syncer.busy:
                return
            line = f"block {doc['height']} {doc['hash'][:18]}…"
        elif kind == "tx":
            return
        else:
            rest = " ".join(f"{k}={v}" for k, v in doc.items() if k != "event")
            line = f"{kind}: {rest}"
        try:
            self.out.write(line + "\n")
            self.out.flush()
        except (OSError, ValueError):
            pass  # a closed stdout must not stop the node

    def _on_chain_event(self, event: dict) -> None:
        if event["event"] in ("block", "reorg"):
            self.emit(event)

    # --- life cycle ---
    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()

    async def serve(self, on_ready=None) -> None:
        self._stop = asyncio.Event()
        os.makedirs(self.datadir, exist_ok=True)
        store = _open_store(self.datadir)
        try:
            chain = Chain(store, self.params)
            chain.mining_workers = self.threads
        except BaseException:
            store.close()
            raise
        service = self.service = ChainService(chain, self.params, dev=self.dev, door_class=self.door_class)
        runners = []
        try:
            self.network = Network(service, NodeKey.load(self.datadir), BanList(self.datadir), dial=ws.dial,
                                   seeds=self.seed_peers, emit=self.emit)
            service.subscribe(self._on_chain_event)
            if self.blobs is not None:
                self._start_blobs()
            p2p_runner = web.AppRunner(ws.peer_app(lambda: self.network), access_log=None, shutdown_timeout=0.5)
            await p2p_runner.setup()
            runners.append(p2p_runner)
            p2p_addr = await _bind(p2p_runner, *self.listen, "--listen")
            self.network.listen_port = p2p_addr[1]
            rpc_url = None
            if self.rpc_listen is not None:
                from .rpc import make_rpc_app
                rpc_runner = web.AppRunner(make_rpc_app(service, self), access_log=None, shutdown_timeout=0.5)
                await rpc_runner.setup()
                runners.append(rpc_runner)
                host, port = await _bind(rpc_runner, *self.rpc_listen, "--rpc-listen")
                rpc_url = f"http://{_fmt(host, port)}"
            await self.network.start()
            info = await service.info()
            self.emit({"event": "ready", "p2p": _fmt(*p2p_addr), "rpc": rpc_url, "height": info["height"],
                       "head": info["head"]})
            if on_ready is not None:
                on_ready()
            miner_task = asyncio.get_running_loop().create_task(self._mine()) if self.mining else None
            await self._stop.wait()
            if miner_task is not None:
                miner_task.cancel()
        finally:
            await self._shutdown(runners)
            service.close()
            store.close()
            if self.blobs is not None:
                self.blobs.close()

    async def _shutdown(self, runners) -> None:
        async def steps():
            if self.network is not None:
                await self.network.stop()
            for r in reversed(runners):
                await r.cleanup()
        try:
            await asyncio.wait_for(steps(), STOP_SECONDS)
        except (asyncio.TimeoutError, Exception) as exc:  # stopping must finish whatever failed
            log.warning("shutdown cut short: %r", exc)

    # --- mining ---
    async def _mine(self) -> None:
        """Mine on the best head with the real clock: one block per --block-time after its parent, empty or not.

        A new head from a peer restarts the wait, so miners on one network build
        on each other; two blocks at once make a fork that the next block settles.
        """
        head_changed = asyncio.Event()
        self.service.subscribe(lambda e: head_changed.set() if e["event"] == "block" else None)
        bt = self.block_time
        while True:
            head_changed.clear()
            ts, wait = await self.service.pacing(bt)
            delay = wait + random.uniform(0, bt * 0.25)
            if delay > 0:
                try:
                    await asyncio.wait_for(head_changed.wait(), delay)
                    continue  # someone else's block: wait a full interval on it
                except asyncio.TimeoutError:
                    pass
            if self.network.syncer.busy:
                await asyncio.sleep(bt)
                continue
            try:
                await self.service.mine_block(self.miner, timestamp=max(ts, int(time.time())))
            except E.ChainError as exc:
                log.warning("mining failed: %s", exc)
                await asyncio.sleep(bt)


def _fmt(host, port) -> str:
    return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"


async def _bind(runner: web.AppRunner, host: str, port: int, what: str):
    site = web.TCPSite(runner, host, port, reuse_address=True)
    try:
        await site.start()
    except OSError as exc:
        raise NodeError(f"{what} {_fmt(host, port)}: {exc.strerror or exc}") from None
    for addr in runner.addresses:
        if isinstance(addr, tuple):
            return addr[0], addr[1]
    return host, port


def _open_store(datadir: str) -> Store:
    """The datadir's chain database, held by this process as its one writer for its whole life
    (chain.lock: other writers are refused with a message naming this node; readers share it)."""
    import inspect

    path = os.path.join(datadir, DB_FILE)
    kind = {"writer_kind": "node"} if "writer_kind" in inspect.signature(Store).parameters else {}
    try:
        return Store(path, **kind)
    except E.StoreError as exc:
        raise NodeError(str(exc)) from None
