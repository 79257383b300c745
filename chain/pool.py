"""The pending pool: transactions admitted (durably, in the store) and waiting for a block.

Policy, not consensus: what a node keeps before anything is mined. Its rules
are geth's (a sender's nonces follow on without gaps, a replacement pays 10%
more, a sender covers all it has queued) with bounds per sender, in count and
in bytes.
"""
from __future__ import annotations

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


class Pool:
    """The pending pool of one Store; `blocks` (chain.query.Blocks) answers "already mined?"."""

    def __init__(self, store, blocks):
        self.store = store
        self.blocks = blocks
        self._snapshot = None  # decoded pending transactions, or None to reload from the store
        self._version = None  # the store's data_version when _snapshot was read
        self._decoded: dict = {}  # encoding -> Transaction, from the last pool read (reused on reload)

    def invalidate(self) -> None:
        self._snapshot = None

    def snapshot(self) -> Snapshot:
        # Reloaded when the pool changed here (None) or another process committed.
        version = self.store.data_version()
        if self._snapshot is None or self._version != version:
            self._snapshot = Snapshot(self.store.pending(), self._decoded)
            self._decoded = self._snapshot.by_bytes
            self._version = version
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
    def add(self, t_, view: StateView, signature_cache: bool) -> None:
        """Admit `t_` (static rules already checked) against `view`, the head state; raises InvalidTransaction.

        The caller holds the write transaction, so nothing another process does
        can slip in between the checks and the write.
        """
        replaced = self._admit(t_, view, signature_cache)
        if replaced is not None:
            self.store.remove_pending([replaced.hash])
            self._snapshot = None
        self.store.add_pending(t_.hash, t_.encode())

    def added(self, t_) -> None:
        """After the commit of add(): the decoded pool follows without a reload."""
        if self._snapshot is not None:
            self._snapshot.add(t_, t_.encode())

    def _admit(self, t_, view: StateView, signature_cache: bool):
        """The pool's rules for a new transaction: the pending one it replaces, or None; raises InvalidTransaction."""
        h = t_.hash
        if self.store.has_pending(h) or self.blocks.find_tx(h) is not None:
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
        if (replaced is None and (len(queued) >= MAX_PENDING_PER_SENDER or len(pool.txs) >= MAX_PENDING)) \
                or pool.size + size > MAX_PENDING_BYTES:
            raise E.PoolFull("too many pending transactions; mine some first")
        # The sender must cover everything it has queued, as geth's pool requires,
        # so an acknowledged transaction is not starved by its own predecessors.
        # Stale ones (nonce already used on the head) will never run: not counted.
        cost = sum(_cost(p) for p in queued if p.nonce >= state_nonce and p is not replaced) + _cost(t_)
        if view.read_balance(sender) < cost:
            raise E.InsufficientFunds(f"balance {view.read_balance(sender)} is under gas limit * price + value "
                                      f"of this and the sender's pending transactions = {cost}")
        # Last, the one costly check: a transaction refused for any other reason costs no signature check.
        check_signature(t_, signature_cache)
        return replaced

    # --- after a head change: called inside the store's write transaction ---
    def drop_stale(self, view: StateView) -> None:
        """Remove pending transactions whose nonce the state in `view` has already used.

        They can never run (a block from elsewhere spent the nonce), and left in
        the pool they would hold a slot and hide the sender's next nonce; Bitcoin
        Core likewise drops a new block's conflicts from its mempool.
        """
        rows = self.store.pending()
        if not rows:
            return
        stale = [t_.hash for t_ in Snapshot(rows, self._decoded).txs if t_.nonce < view.read_nonce(t_.sender)]
        self.store.remove_pending(sorted(stale))

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
