"""The pending pool: transactions admitted (durably, in the store) and waiting for a block.

Policy, not consensus: what a node keeps before anything is mined and in what
order a block takes it. Its rules are geth's (a sender's nonces follow on
without gaps, a replacement pays 10% more, a sender covers all it has queued,
a full pool evicts its cheapest, blocks take the best price first).
"""
from __future__ import annotations

import heapq

from vm.values import Address

from . import errors as E
from . import tx as txmod
from .rules import check_signature
from .state import StateView

# Bounds on what one sender, or everyone, can make a node store before anything is mined.
MAX_PENDING_PER_SENDER = 4096
MAX_PENDING = 65536
# ... and in bytes: 65 536 transactions of the largest size would be 20 GiB.
MAX_PENDING_BYTES = 64 * 1024 * 1024


def _cost(t_) -> int:
    return t_.gas_limit * t_.gas_price + t_.value


class FeeOrder:
    """Transactions in the order a block takes them: geth's price-and-nonce heap.

    Among the senders' next transactions (each sender's lowest nonce not yet
    taken) the highest gas price comes first; a tie goes to the earlier
    arrival, where a transaction counts as arriving when the last of its
    sender's lower nonces has, so with equal prices the order is arrival order
    with each late predecessor pulling in its waiting followers.
    """

    def __init__(self, txs):
        by_sender: dict = {}
        for arrival, t_ in enumerate(txs):
            by_sender.setdefault(t_.sender, []).append((t_.nonce, arrival, t_))
        self._queues = []  # per sender: [(effective arrival, tx), ...] in nonce order, reversed (pop from the end)
        self._heap = []  # (-gas price, effective arrival, sender queue index)
        for queue in by_sender.values():
            queue.sort(key=lambda q: (q[0], q[1]))
            latest, items = -1, []
            for _, arrival, t_ in queue:
                latest = max(latest, arrival)
                items.append((latest, t_))
            items.reverse()
            self._queues.append(items)
            self._push(len(self._queues) - 1)

    def _push(self, i: int) -> None:
        queue = self._queues[i]
        if queue:
            arrival, t_ = queue[-1]
            heapq.heappush(self._heap, (-t_.gas_price, arrival, i))

    def peek(self):
        """The best transaction to take next, or None when none is left."""
        if not self._heap:
            return None
        return self._queues[self._heap[0][2]][-1][1]

    def shift(self) -> None:
        """The peeked transaction is dealt with (taken or dropped): its sender's next nonce competes."""
        i = heapq.heappop(self._heap)[2]
        self._queues[i].pop()
        self._push(i)

    def pop(self) -> None:
        """The peeked transaction waits: its sender's later nonces would leave a gap, so they wait too."""
        i = heapq.heappop(self._heap)[2]
        self._queues[i].clear()


class Snapshot:
    """The pending table decoded: arrival order, each sender's transactions, total encoded bytes."""

    def __init__(self, rows, known=None):
        self.txs: list = []
        self.by_sender: dict = {}
        self.by_bytes: dict = {}  # encoding -> Transaction
        self.size = 0
        # Transactions decoded for an earlier pool are reused when their bytes are
        # the same: a block changes a few rows of a pool that may hold 65 536.
        known = known or {}
        for _, data in rows:
            t_ = known.get(data)
            if t_ is None:
                try:
                    t_ = txmod.decode(data)
                except E.InvalidTransaction as exc:
                    raise E.StoreError(f"the chain database is damaged: a pending transaction: {exc}") from None
            self.add(t_, data)

    def add(self, t_, data: bytes) -> None:
        self.txs.append(t_)
        self.by_sender.setdefault(t_.sender, []).append(t_)
        self.by_bytes[data] = t_
        self.size += len(data)


def _evictions(pool: Snapshot, t_, count: int, size: int) -> list:
    """Hashes to evict so that `count` more transactions and `size` more bytes fit; raises PoolFull.

    The cheapest pending transactions go first (the latest arrival among equal
    prices), each with its sender's later nonces, which could no longer be
    mined; only ones paying less than `t_`, and never `t_`'s own sender's (its
    earlier nonces are what `t_` follows on from).
    """
    if count <= 0 and size <= 0:
        return []
    others = sorted(((p.gas_price, -arrival, p) for arrival, p in enumerate(pool.txs) if p.sender != t_.sender),
                    key=lambda c: c[:2])
    gone: dict = {}
    for price, _, cheapest in others:
        if count <= 0 and size <= 0:
            break
        if cheapest.hash in gone:
            continue
        if price >= t_.gas_price:
            raise E.PoolFull(f"pool full: gas price {t_.gas_price} does not beat the cheapest pending ({price})")
        for p in pool.by_sender[cheapest.sender]:
            if p.nonce >= cheapest.nonce and p.hash not in gone:
                gone[p.hash] = p
                count, size = count - 1, size - len(p.encode())
    if count > 0 or size > 0:
        raise E.PoolFull("too many pending transactions; mine some first")
    return list(gone)


class Pool:
    """The pending pool of one Store; `blocks` (chain.query.Blocks) answers "already mined?"."""

    def __init__(self, store, blocks):
        self.store = store
        self.blocks = blocks
        self._snapshot = None  # decoded pending transactions, or None to reload from the store
        self._version = None  # the store's data_version when _snapshot was read
        self._decoded: dict = {}  # encoding -> Transaction, from the last pool read (reused on reload)
        self._checked_in = None  # Store.quiet_token() when _snapshot was last checked

    def invalidate(self) -> None:
        self._snapshot = None

    def snapshot(self) -> Snapshot:
        # Reloaded when the pool changed here (None) or another process committed; not asked
        # again while the store says no other connection can have committed (Store.quiet_token).
        quiet = self.store.quiet_token()
        if self._snapshot is not None and quiet is not None and quiet == self._checked_in:
            return self._snapshot
        version = self.store.data_version()
        if self._snapshot is None or self._version != version:
            self._snapshot = Snapshot(self.store.pending(), self._decoded)
            self._decoded = self._snapshot.by_bytes
            self._version = version
        self._checked_in = quiet
        return self._snapshot

    def pending(self) -> list:
        """Pending transactions in arrival order (decoded once, then kept until the pool changes)."""
        return list(self.snapshot().txs)

    def find(self, tx_hash: bytes):
        """The pending transaction with this hash, or None."""
        return next((t_ for t_ in self.snapshot().txs if t_.hash == tx_hash), None)

    def next_nonce(self, view: StateView, address: Address) -> int:
        """The nonce the next transaction of `address` should carry on `view`, pending ones counted."""
        # The head nonce, then past every pending nonce that follows on without a gap.
        # Counting all pending transactions instead would go wrong as soon as one is
        # stale (its nonce spent by a block from elsewhere) or dropped mid-queue.
        nonce = view.read_nonce(address)
        taken = {t_.nonce for t_ in self.snapshot().by_sender.get(address, ())}
        while nonce in taken:
            nonce += 1
        return nonce

    # --- admission: called inside the store's write transaction ---
    def add(self, t_, view: StateView, signature_cache: bool, write: bool = True) -> None:
        """Admit `t_` (static rules already checked) against `view`, the head state; raises InvalidTransaction.

        The caller holds the write transaction, so nothing another process does
        can slip in between the checks and the write. `write=False` leaves `t_`
        out of the pending table (what it replaces or evicts still goes): a
        caller mining it in this transaction writes it only if it waits (chain.miner.admit_and_mine).
        """
        replaced, evicted = self._admit(t_, view, signature_cache)
        gone = evicted + ([] if replaced is None else [replaced.hash])
        if gone:
            self.store.remove_pending(sorted(gone))
            self._snapshot = None
        if write:
            self.store.add_pending(t_.hash, t_.encode())
            self._checked_in = None  # the table has a row the decoded pool gets only with added()

    def _current(self):
        """The decoded pool when it is known to be the table without asking (see snapshot), else None."""
        snap = self._snapshot
        if snap is not None and self._checked_in is not None and self._checked_in == self.store.quiet_token():
            return snap
        return None

    def _is_pending(self, t_) -> bool:
        snap = self._current()
        # Equal bytes, equal hash: the decoded pool is keyed by the transactions' bytes.
        return t_.encode() in snap.by_bytes if snap is not None else self.store.has_pending(t_.hash)

    def remove(self, hashes) -> None:
        """Delete these pending transactions (inside the caller's write transaction; a rollback must
        invalidate()): the decoded pool follows without a reload."""
        gone = set(hashes)
        if gone and self._current() is not None:
            # The decoded pool is the table (checked since no other connection committed, and
            # following this one's writes): only what it holds has a row to delete.
            gone = {t_.hash for t_ in self._snapshot.txs if t_.hash in gone}
        if not gone:
            return
        self.store.remove_pending(sorted(gone))
        snap = self._snapshot
        if snap is not None and any(t_.hash in gone for t_ in snap.txs):
            self._snapshot = Snapshot([(t_.hash, t_.encode()) for t_ in snap.txs if t_.hash not in gone], snap.by_bytes)

    def added(self, t_) -> None:
        """After the commit of add(): the decoded pool follows without a reload."""
        if self._snapshot is not None:
            self._snapshot.add(t_, t_.encode())

    def _admit(self, t_, view: StateView, signature_cache: bool):
        """The pool's rules for a new transaction: (the pending one it replaces or None, hashes it evicts).

        Raises InvalidTransaction.
        """
        h = t_.hash
        # A transaction on the canonical chain has a nonce under its sender's on the head state:
        # one at or above it needs no look-up in the transaction index.
        if self._is_pending(t_) or (t_.nonce < view.read_nonce(t_.sender) and self.blocks.find_tx(h) is not None):
            raise E.DuplicateTransaction(f"transaction {h.hex()} is already known")
        pool = self.snapshot()
        sender = t_.sender
        queued = pool.by_sender.get(sender, [])
        if view.account(sender).code_hash:
            raise E.SenderHasCode(f"the sender {sender} is a contract")
        state_nonce = view.read_nonce(sender)
        expected = self.next_nonce(view, sender)
        replaced = None
        if t_.nonce != expected:
            replaced = next((p for p in queued if p.nonce == t_.nonce and p.nonce >= state_nonce), None)
            if replaced is None:
                raise E.BadNonce(f"nonce {t_.nonce}, expected {expected}")
            if t_.gas_price * 10 < replaced.gas_price * 11:
                raise E.ReplacementUnderpriced(f"gas price {t_.gas_price}: replacing pending transaction "
                                               f"{replaced.hash.hex()} takes at least 10% over its "
                                               f"{replaced.gas_price}")
        size = len(t_.encode()) - (0 if replaced is None else len(replaced.encode()))
        if replaced is None and len(queued) >= MAX_PENDING_PER_SENDER:
            raise E.PoolFull("too many pending transactions; mine some first")
        evicted = _evictions(pool, t_, int(replaced is None and len(pool.txs) >= MAX_PENDING),
                             pool.size + size - MAX_PENDING_BYTES)
        # The sender must cover everything it has queued, as geth's pool requires,
        # so an acknowledged transaction is not starved by its own predecessors.
        # Stale ones (nonce already used on the head) will never run: not counted.
        cost = sum(_cost(p) for p in queued if p.nonce >= state_nonce and p is not replaced) + _cost(t_)
        if view.read_balance(sender) < cost:
            raise E.InsufficientFunds(f"balance {view.read_balance(sender)} is under gas limit * price + value "
                                      f"of this and the sender's pending transactions = {cost}")
        # Last, the one costly check: a transaction refused for any other reason costs no signature check.
        check_signature(t_, signature_cache)
        return replaced, evicted

    # --- after a head change: called inside the store's write transaction ---
    def drop_stale(self, view: StateView) -> None:
        """Remove pending transactions whose nonce the state in `view` has already used.

        They can never run (a block from elsewhere spent the nonce), and left in
        the pool they would hold a slot and hide the sender's next nonce; Bitcoin
        Core likewise drops a new block's conflicts from its mempool.
        """
        self.remove([t_.hash for t_ in self.snapshot().txs if t_.nonce < view.read_nonce(t_.sender)])

    def requeue(self, blocks_txs, included: set, view: StateView) -> None:
        """Transactions of blocks that left the canonical chain go back to the pool.

        `blocks_txs`: their transactions, oldest block first so each sender's
        nonces stay in order, as far as the pool's bounds allow (a deep
        reorganisation must not blow the pool up).
        """
        store = self.store
        pool = Snapshot(store.pending(), self._decoded)
        count, size = len(pool.txs), pool.size
        for txs in blocks_txs:
            for t_ in txs:
                th, data = t_.hash, t_.encode()
                if th in included or store.has_pending(th) or t_.nonce < view.read_nonce(t_.sender):
                    continue
                if count >= MAX_PENDING or size + len(data) > MAX_PENDING_BYTES:
                    continue
                store.add_pending(th, data)
                count, size = count + 1, size + len(data)
        self._snapshot = None
