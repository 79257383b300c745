"""ChainService: the node's one door to the synchronous chain core: writes on one chain thread, queries beside it.

Peers, the miner and the RPC await its coroutines; the event loop never runs
chain work itself, so RPC keeps answering while a block imports or is mined.
"""
from __future__ import annotations

import asyncio
import logging
import math
import time
from concurrent.futures import ThreadPoolExecutor

import chain as chainpkg
from chain import consensus as C
from chain import errors as E
from chain.block import Block
from chain.miner import seal_round
from vm.values import Address

from . import queries as Q

log = logging.getLogger("obelisk.node")

# Headers one headers() answer may hold (bounds the peer answer's size).
MAX_HEADERS = 2_000
# Expected hashes up to which a block is sealed on the chain thread (about 0.1 s
# in Python); a harder target is sealed beside it (mine_block says why).
EASY_WORK = 1 << 16
# Nonces each sealing process tries per round beside the chain thread, between looks at the head.
SEAL_STEP = 1 << 16
# Transactions admitted in one database transaction (bounds one chain-thread turn).
MAX_SUBMIT_BATCH = 512
# Blocks one dev_mine may mine.
MAX_DEV_MINE = 1_000


class CallFailed(Exception):
    """vm_call / vm_estimateGas of a call that reverted or faulted: `.reason`, `.location`, `.doc`."""

    def __init__(self, reason, location=None, doc=None):
        super().__init__(reason or "reverted")
        self.reason = reason or "reverted"
        self.location = location
        self.doc = doc


class ChainService:
    """The node's one door to the synchronous chain core: every call runs on one dedicated chain thread.

    `chain` is an open chain.core.Chain (its SQLite connection is used only
    from the chain thread from now on); `dev` says whether this is the dev
    network (dev_mine is allowed, dev accounts are funded).
    """

    def __init__(self, chain, params, *, dev: bool, door_class=None):
        self.chain = chain
        self.params = params
        self.dev = dev
        # One worker: the chain core is not thread-safe, and one writer keeps the
        # order of imports, submissions and mined blocks the order they were asked in.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obelisk-chain")
        # Proof of work on hard targets: pure hashing, no chain state (see mine_block).
        self._sealer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obelisk-seal")
        self._head = chain.head_hash  # the best head as events last said
        self._subscribers: list = []
        self._submissions: list = []  # (bytes, future) waiting for the chain thread
        self._admitting = False
        # The library door's queries (block, tx, receipt, events decoded by the ABI),
        # over this chain: the CLI, the library and the RPC shape results alike. `door_class`
        # (obelisk.Devnet, from the layer above) also records the VM's steps: traces, profiles.
        self.door_class = door_class or chainpkg.Devnet
        self.door = self.door_class.over(chain)
        self.debug = Q.can_debug(self.door)
        self.genesis_hash = chain.genesis_hash
        # Queries run on a second, read-only connection to the same file, on their own
        # thread, each in one snapshot (SQLite WAL): they are answered while the chain
        # thread imports or mines, and never see half of a block. A chain in memory has
        # no second connection: its queries take their turn on the chain thread.
        self._reader = self._open_reader(chain, params)
        self._read_executor = (ThreadPoolExecutor(max_workers=1, thread_name_prefix="obelisk-read")
                               if self._reader is not None else None)

    def _open_reader(self, chain, params):
        path = getattr(chain.store, "path", None)
        if not path:
            return None
        from chain.core import Chain
        from chain.store import Store

        try:
            store = Store(path, readonly=True)
        except E.ChainError as exc:
            log.warning("queries share the chain thread: no read-only connection (%s)", exc)
            return None
        try:
            return self.door_class.over(Chain(store, params, clock=chain.clock))
        except BaseException:
            store.close()
            raise

    # --- the thread ---
    async def run(self, fn, *args):
        """fn(chain, *args) on the chain thread, awaited."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, self.chain, *args)

    async def _door(self, fn, *args):
        """fn(door, *args) on the chain thread (door: chain.Devnet over this chain)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, self.door, *args)

    async def _read(self, fn, *args):
        """fn(door, *args) on the read thread in one snapshot (or on the chain thread, for a chain in memory)."""
        if self._reader is None:
            return await self._door(fn, *args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._read_executor, _in_snapshot, self._reader, fn, args)

    def close(self) -> None:
        """Wait for the chain thread's current work and stop it (the chain itself is its opener's to close)."""
        if self._reader is not None:
            self._read_executor.shutdown(wait=True)
            self._reader.store.close()
        self._sealer.shutdown(wait=True, cancel_futures=True)
        self._executor.shutdown(wait=True)

    # --- events ---
    def subscribe(self, callback):
        """callback(event: dict) on the event loop for each tx / block / reorg event; returns an unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe():
            if callback in self._subscribers:
                self._subscribers.remove(callback)
        return unsubscribe

    def _publish(self, events) -> None:
        for event in events:
            if event["event"] == "block":
                self._head = event["hash"]
            for cb in list(self._subscribers):
                try:
                    cb(event)
                except Exception:  # one listener's bug must not stop the others or the caller
                    log.exception("event listener failed on %s", event.get("event"))

    # --- writes ---
    async def submit_tx(self, data: bytes) -> bytes:
        """Admit a signed transaction to the pool and publish "tx"; raises the chain's InvalidTransaction.

        Submissions that arrive while the chain thread is busy are admitted
        together, in arrival order, in one database transaction (Chain.submit_many):
        one disk sync for the burst instead of one each.
        """
        loop = asyncio.get_running_loop()
        answer = loop.create_future()
        self._submissions.append((bytes(data), answer))
        if not self._admitting:
            self._admitting = True
            asyncio.ensure_future(self._admit_queued())
        return await answer

    async def _admit_queued(self) -> None:
        try:
            while self._submissions:
                batch = self._submissions[:MAX_SUBMIT_BATCH]
                del self._submissions[:len(batch)]
                try:
                    results = await self.run(_submit_many, [d for d, _ in batch])
                except Exception as exc:  # the store failed: every caller of the batch hears it
                    for _, answer in batch:
                        if not answer.done():
                            answer.set_exception(exc)
                    continue
                self._publish([{"event": "tx", "hash": r, "data": d}
                               for (d, _), r in zip(batch, results) if not isinstance(r, Exception)])
                for (_, answer), r in zip(batch, results):
                    if answer.done():  # the caller went away (a closed connection)
                        continue
                    if isinstance(r, Exception):
                        answer.set_exception(r)
                    else:
                        answer.set_result(r)
        finally:
            self._admitting = False

    async def import_block(self, data: bytes) -> bytes:
        """Import a block (orphans held by the core); publish "reorg" and "block" for what joined the best chain."""
        h, events = await self.run(_import, bytes(data))
        self._publish(events)
        return h

    async def mine_block(self, miner, *, timestamp=None) -> bytes:
        """Mine one block on the head (pending transactions go in) and publish it; returns its hash.

        An easy target (the dev network's) is sealed on the chain thread in
        milliseconds. A harder one is built there, sealed on a thread of its own
        in steps, and imported like any block, so queries, submissions and peers'
        blocks keep their turns meanwhile; when the head moves under it, the
        block is built again on the new head. Cancelling the task stops it.
        """
        miner = Address(miner)
        while True:
            built = await self.run(_build_or_mine, miner, timestamp)
            if built[0] == "mined":
                _, h, events = built
                break
            _, block, dropped, parent = built
            sealed = await self._seal(block.header, parent)
            if sealed is None:
                continue  # the head moved: build on the new one
            try:
                h, events = await self.run(_store_sealed, Block(sealed, block.txs).encode(), dropped)
            except E.InvalidBlock:
                continue  # stale after all (a parent gone from the best chain): build again
            break
        self._publish(events)
        return h

    async def _seal(self, header, parent: bytes):
        """The sealed header, or None once the head is no longer `parent`."""
        loop = asyncio.get_running_loop()
        workers = self.chain.mining_workers  # processes per round (--threads), the same nonce as one finds first
        start = 0
        while True:
            sealed = await loop.run_in_executor(self._sealer, seal_round, header, start, workers, SEAL_STEP)
            if sealed is not None:
                return sealed
            start += workers * SEAL_STEP
            if self._head != parent:
                return None

    async def dev_mine(self, n: int, miner=None) -> list:
        """Mine n blocks now (dev network only); their hashes."""
        if not self.dev:
            raise PermissionError("dev_mine is only available on the dev network")
        out = []
        for _ in range(n):
            out.append(await self.mine_block(chainpkg.devnet.DEV_MINER if miner is None else miner))
        return out

    # --- queries (shaped as the CLI's --json documents) ---
    async def info(self) -> dict:
        """{"chain_id", "genesis", "head", "height"}: the chain's part of node_info."""
        return await self._read(lambda d: Q.info(d.chain))

    async def block(self, ref):
        """A block by number (negative: from the head), hash or None (head), as `obelisk block --json`; or None."""
        return await self._read(Q.block_doc, ref)

    async def tx(self, tx_hash: bytes):
        return await self._read(Q.tx_doc, tx_hash)

    async def receipt(self, tx_hash: bytes):
        return await self._read(Q.receipt_doc, tx_hash)

    async def balance(self, address) -> int:
        return await self._read(lambda d, a: d.balance(a), Address(address))

    async def nonce(self, address) -> int:
        """The next nonce of address, pending transactions counted."""
        return await self._read(lambda d, a: d.chain.next_nonce(a), Address(address))

    async def code(self, address):
        return await self._read(lambda d, a: d.code_at(a), Address(address))

    async def pending(self) -> list:
        """Pending transaction hashes, arrival order."""
        return await self._read(lambda d: [t.hash for t in d.chain.pending()])

    async def logs(self, from_block=None, to_block=None, address=None, event=None) -> list:
        return await self._read(Q.logs, from_block, to_block, None if address is None else Address(address), event)

    async def call(self, to, data: bytes, sender=None, value: int = 0, gas=None) -> dict:
        """Run call data against the head state, keep nothing: {"status", "return", "gas_used", "reason", "location"}."""
        return await self._read(Q.call, Address(to), bytes(data), sender, value, gas)

    async def estimate_gas(self, to, data: bytes, sender=None, value: int = 0, gas=None) -> int:
        """Gas a transaction with this call needs (intrinsic + execution); CallFailed if the call fails."""
        doc = await self.call(to, data, sender, value, gas)
        if doc["status"] != "success":
            raise CallFailed(doc["reason"], doc["location"], doc)
        return doc["gas_used"]

    async def storage(self, address, key: bytes):
        """The stored record under key at address ("0x" hex) or None (queries.storage)."""
        return await self._read(Q.storage, Address(address), bytes(key))

    async def trace(self, tx_hash: bytes):
        """The call tree of a mined transaction as `obelisk trace --json`, or None (unknown or pending)."""
        return await self._read(Q.trace, bytes(tx_hash))

    async def profile(self, tx_hash: bytes):
        """The gas profile of a mined transaction (sources null), or None."""
        return await self._read(Q.profile, bytes(tx_hash))

    async def dry_run(self, data: bytes, with_profile: bool = False) -> dict:
        """The receipt a signed transaction would get if mined next; nothing is sent or kept."""
        return await self._read(Q.dry_run, bytes(data), bool(with_profile))

    async def view(self, to, data: bytes, sender=None, gas=None, with_profile: bool = False) -> dict:
        """A function run read-only as the library runs a view (queries.view)."""
        return await self._read(Q.view, Address(to), bytes(data), sender, gas, bool(with_profile))

    # --- for peers ---
    async def block_bytes(self, h: bytes):
        return await self.run(lambda c, x: c.block_bytes(x), bytes(h))

    async def has_block(self, h: bytes) -> bool:
        return await self.run(lambda c, x: c.store.has_block(x), bytes(h))

    async def has_tx(self, h: bytes) -> bool:
        """Known as pending or on the canonical chain."""
        return await self.run(lambda c, x: c.store.has_pending(x) or c.find_tx(x) is not None, bytes(h))

    async def pending_tx_bytes(self, h: bytes):
        return await self.run(Q.pending_bytes, bytes(h))

    async def headers(self, start_height: int, count: int) -> list:
        """Encoded headers of the canonical chain from start_height, at most min(count, MAX_HEADERS)."""
        return await self.run(Q.headers, start_height, max(0, min(count, MAX_HEADERS)))

    async def locator(self) -> list:
        """Canonical hashes back from the head, dense then doubling (Bitcoin's block locator), genesis last."""
        return await self.run(Q.locator)

    async def pacing(self, block_time: float, now: float | None = None) -> tuple:
        """(earliest timestamp of the next block, seconds to wait until then) for a miner aiming at block_time.

        A dev miner sleeps the wait (a new head meanwhile starts it over), then
        mine_block(); the block's timestamp is the clock's, at least the earliest.
        Pacing is each miner's policy, not consensus (chain.consensus.DEV_HARDEST_TARGET says why).
        """
        return await self.run(_pacing, float(block_time), time.time() if now is None else float(now))


# --- work done on the chain thread (module functions: nothing here touches the event loop) ---

def _submit_many(c, datas) -> list:
    return c.submit_many(datas)


def _in_snapshot(door, fn, args):
    door.store.begin_read()
    try:
        return fn(door, *args)
    finally:
        door.store.end_read()


def _head_events(c, old_head: bytes, old_height: int) -> list:
    """The "reorg" and "block" events that take the best chain from old_head to the current head."""
    new_head = c.head_hash
    if new_head == old_head:
        return []
    new_hd = c.head
    # Walk the new chain back to the old chain (canonical index now shows the new chain).
    fork = min(old_height, new_hd.height)
    old_hd = c.stored_header(old_head)
    h = old_hd
    while h.height > fork:
        h = c.stored_header(h.prev_hash)
    while c.canonical_hash(h.height) != h.hash:
        h = c.stored_header(h.prev_hash)
    fork = h.height
    events = []
    if fork < old_height:
        events.append({"event": "reorg", "old_head": old_head, "new_head": new_head, "depth": old_height - fork})
    for height in range(fork + 1, new_hd.height + 1):
        bh = c.canonical_hash(height)
        events.append({"event": "block", "hash": bh, "height": height, "data": c.block_bytes(bh)})
    return events


def _import(c, data: bytes):
    old_head, old_height = c.head_hash, c.height
    h = c.import_block(data)
    return h, _head_events(c, old_head, old_height)


def _build_or_mine(c, miner, timestamp):
    """("mined", hash, events) for an easy target; else ("built", unsealed block, dropped, parent hash)."""
    parent = c.head
    if C.work_of(c.expected_target(parent)) <= EASY_WORK:
        old_head, old_height = c.head_hash, c.height
        blk = c.mine_block(miner, timestamp=timestamp)
        return "mined", blk.hash, _head_events(c, old_head, old_height)
    try:
        block, _, dropped = c.build_block(miner, timestamp=timestamp)
    finally:
        c.trie.discard_new()  # the sealed block is imported (executed again): keep nothing half-stored
    return "built", block, dropped, parent.hash


def _store_sealed(c, data: bytes, dropped):
    old_head, old_height = c.head_hash, c.height
    h = c.import_block(data)
    if dropped:  # pending transactions the build found invalid, as Chain.mine_block removes them
        c.store.begin()
        try:
            c.store.remove_pending(sorted(dropped))
            c.store.commit()
        except BaseException:
            c.store.rollback()
            raise
        finally:
            c.pool.invalidate()
    return h, _head_events(c, old_head, old_height)


def _pacing(c, block_time: float, now: float) -> tuple:
    parent = c.head
    earliest = max(parent.timestamp + block_time, c.median_time_past(parent) + 1)
    return math.ceil(earliest), max(0.0, earliest - now)


__all__ = ["ChainService", "CallFailed"]
