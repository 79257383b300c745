"""ChainService: the node's one door to the synchronous chain core, run on one dedicated chain thread.

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
from chain import tx as txmod
from vm import abi
from vm.values import Address

log = logging.getLogger("obelisk.node")

# Blocks one chain_getLogs request may scan (chain.logs says why).
MAX_LOG_BLOCKS = 10_000
# Headers one headers() answer may hold (bounds the peer answer's size).
MAX_HEADERS = 2_000
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

    def __init__(self, chain, params, *, dev: bool):
        self.chain = chain
        self.params = params
        self.dev = dev
        # One worker: the chain core is not thread-safe, and one writer keeps the
        # order of imports, submissions and mined blocks the order they were asked in.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obelisk-chain")
        self._subscribers: list = []
        # The library door's queries (block, tx, receipt, events decoded by the ABI),
        # over this chain: the CLI, the library and the RPC shape results alike.
        self.door = chainpkg.Devnet.over(chain)
        self.genesis_hash = chain.genesis_hash

    # --- the thread ---
    async def run(self, fn, *args):
        """fn(chain, *args) on the chain thread, awaited."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, self.chain, *args)

    async def _door(self, fn, *args):
        """fn(door, *args) on the chain thread (door: chain.Devnet over this chain)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, self.door, *args)

    def close(self) -> None:
        """Wait for the chain thread's current work and stop it (the chain itself is its opener's to close)."""
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
            for cb in list(self._subscribers):
                try:
                    cb(event)
                except Exception:  # one listener's bug must not stop the others or the caller
                    log.exception("event listener failed on %s", event.get("event"))

    # --- writes ---
    async def submit_tx(self, data: bytes) -> bytes:
        """Admit a signed transaction to the pool and publish "tx"; raises the chain's InvalidTransaction."""
        h = await self.run(Chain_submit, bytes(data))
        self._publish([{"event": "tx", "hash": h, "data": bytes(data)}])
        return h

    async def import_block(self, data: bytes) -> bytes:
        """Import a block (orphans held by the core); publish "reorg" and "block" for what joined the best chain."""
        h, events = await self.run(_import, bytes(data))
        self._publish(events)
        return h

    async def mine_block(self, miner, *, timestamp=None) -> bytes:
        """Mine one block on the head (pending transactions go in) and publish it; returns its hash."""
        h, events = await self.run(_mine, Address(miner), timestamp)
        self._publish(events)
        return h

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
        return await self.run(_info)

    async def block(self, ref):
        """A block by number (negative: from the head), hash or None (head), as `obelisk block --json`; or None."""
        return await self._door(_block_doc, ref)

    async def tx(self, tx_hash: bytes):
        return await self._door(_tx_doc, tx_hash)

    async def receipt(self, tx_hash: bytes):
        return await self._door(_receipt_doc, tx_hash)

    async def balance(self, address) -> int:
        return await self._door(lambda d, a: d.balance(a), Address(address))

    async def nonce(self, address) -> int:
        """The next nonce of address, pending transactions counted."""
        return await self.run(lambda c, a: c.next_nonce(a), Address(address))

    async def code(self, address):
        return await self._door(lambda d, a: d.code_at(a), Address(address))

    async def pending(self) -> list:
        """Pending transaction hashes, arrival order."""
        return await self.run(lambda c: [t.hash for t in c.pending()])

    async def logs(self, from_block=None, to_block=None, address=None, event=None) -> list:
        return await self._door(_logs, from_block, to_block, None if address is None else Address(address), event)

    async def call(self, to, data: bytes, sender=None, value: int = 0, gas=None) -> dict:
        """Run call data against the head state, keep nothing: {"status", "return", "gas_used", "reason", "location"}."""
        return await self._door(_call, Address(to), bytes(data), sender, value, gas)

    async def estimate_gas(self, to, data: bytes, sender=None, value: int = 0, gas=None) -> int:
        """Gas a transaction with this call needs (intrinsic + execution); CallFailed if the call fails."""
        doc = await self.call(to, data, sender, value, gas)
        if doc["status"] != "success":
            raise CallFailed(doc["reason"], doc["location"], doc)
        return doc["gas_used"]

    # --- for peers ---
    async def block_bytes(self, h: bytes):
        return await self.run(lambda c, x: c.block_bytes(x), bytes(h))

    async def has_block(self, h: bytes) -> bool:
        return await self.run(lambda c, x: c.store.has_block(x), bytes(h))

    async def has_tx(self, h: bytes) -> bool:
        """Known as pending or on the canonical chain."""
        return await self.run(lambda c, x: c.store.has_pending(x) or c.find_tx(x) is not None, bytes(h))

    async def pending_tx_bytes(self, h: bytes):
        return await self.run(_pending_bytes, bytes(h))

    async def headers(self, start_height: int, count: int) -> list:
        """Encoded headers of the canonical chain from start_height, at most min(count, MAX_HEADERS)."""
        return await self.run(_headers, start_height, max(0, min(count, MAX_HEADERS)))

    async def locator(self) -> list:
        """Canonical hashes back from the head, dense then doubling (Bitcoin's block locator), genesis last."""
        return await self.run(_locator)

    async def pacing(self, block_time: float, now: float | None = None) -> tuple:
        """(earliest timestamp of the next block, seconds to wait until then) for a miner aiming at block_time.

        A dev miner sleeps the wait (a new head meanwhile starts it over), then
        mine_block(); the block's timestamp is the clock's, at least the earliest.
        Pacing is each miner's policy, not consensus (chain.consensus.DEV_HARDEST_TARGET says why).
        """
        return await self.run(_pacing, float(block_time), time.time() if now is None else float(now))


# --- work done on the chain thread (module functions: nothing here touches the event loop) ---

def Chain_submit(c, data: bytes) -> bytes:
    return c.submit(data)


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


def _mine(c, miner, timestamp):
    old_head, old_height = c.head_hash, c.height
    blk = c.mine_block(miner, timestamp=timestamp)
    return blk.hash, _head_events(c, old_head, old_height)


def _info(c) -> dict:
    head = c.head
    return {"chain_id": c.params.chain_id, "genesis": "0x" + c.genesis_hash.hex(),
            "head": "0x" + head.hash.hex(), "height": head.height}


def _block_doc(door, ref):
    info = door.block(ref)
    return None if info is None else info.to_json()


def _tx_doc(door, tx_hash):
    info = door.tx(tx_hash)
    return None if info is None else info.to_json()


def _receipt_doc(door, tx_hash):
    r = door.receipt(tx_hash)
    return None if r is None else r.to_json()


def _pending_bytes(c, h: bytes):
    t_ = c.find_pending(h)
    return None if t_ is None else t_.encode()


def _headers(c, start: int, count: int) -> list:
    out = []
    for height in range(max(0, start), max(0, start) + count):
        h = c.canonical_hash(height)
        if h is None:
            break
        out.append(c.stored_header(h).encode())
    return out


def _locator(c) -> list:
    out, height, step = [], c.height, 1
    while height > 0:
        out.append(c.canonical_hash(height))
        if len(out) >= 10:
            step *= 2
        height -= step
    out.append(c.genesis_hash)
    return out


def _logs(door, from_block, to_block, address, event) -> list:
    from chain.logs import find_logs

    return find_logs(door, from_block, to_block, address, event, max_blocks=MAX_LOG_BLOCKS)


def _call(door, to: Address, data: bytes, sender, value: int, gas):
    """One call on a throwaway overlay of the head state, charged like a transaction (intrinsic gas counted)."""
    import vm
    from vm.host import MemoryHost

    c = door.chain
    head = c.head
    sender = Address(b"\x00" * 20) if sender is None else Address(sender)
    probe = txmod.Transaction(C.TX_VERSION, c.params.chain_id, 0, to, value, 0, 1, data, b"\x00" * 32, b"")
    intrinsic = txmod.intrinsic_gas(probe)
    limit = C.BLOCK_GAS_LIMIT if gas is None else gas
    if limit < intrinsic:
        return _call_doc(False, None, limit, f"gas {limit} is under the intrinsic gas {intrinsic}", None)
    view = c.state(head.state_root)
    if view.read_balance(sender) < value:
        return _call_doc(False, None, intrinsic, f"balance {view.read_balance(sender)} is under the value {value}", None)
    host = MemoryHost(backing=view)
    if host.get_code(to) is None:
        if data:
            return _call_doc(False, None, intrinsic, "no contract at the address", None)
        return _call_doc(True, None, intrinsic, None, None)
    try:
        function, args = txmod.decode_call(data)
    except txmod.CallDataError as exc:
        return _call_doc(False, None, intrinsic, str(exc), None)
    result = vm.call(host, to=to, function=function, args=args, sender=sender, value=value,
                     gas=limit - intrinsic, block=vm.BlockEnv(number=head.height + 1, timestamp=head.timestamp + 1))
    used = intrinsic + result.gas_used
    if not result.success:
        return _call_doc(False, None, used, result.reason or result.error, result.location)
    code = door.code_object_at(to)
    fn = code.function(function) if code is not None else None
    value_doc = abi.to_json(result.value, fn.returns if fn is not None else None)
    return _call_doc(True, value_doc, used, None, None)


def _call_doc(ok, value, gas_used, reason, location) -> dict:
    return {"status": "success" if ok else "reverted", "return": value, "gas_used": gas_used,
            "reason": reason, "location": location}


def _pacing(c, block_time: float, now: float) -> tuple:
    parent = c.head
    earliest = max(parent.timestamp + block_time, c.median_time_past(parent) + 1)
    return math.ceil(earliest), max(0.0, earliest - now)


__all__ = ["ChainService", "CallFailed"]
