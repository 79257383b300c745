"""What a dev chain offers beyond a node: snapshots to go back to, and transactions run without mining
(replays with a VM tracer, dry runs, estimates). chain.Devnet inherits these."""
from __future__ import annotations

import itertools
import sqlite3

from . import errors as E
from .core import Chain
from .execute import Executor
from .results import ArgumentError, Receipt, Reverted

# A transaction sent with no gas limit gets the gas its dry run used times this percentage
# (forge script's default --gas-estimate-multiplier): the dry run is exact on the state it ran
# on (no opcode reads the gas left), and the margin absorbs what other transactions change
# before it is mined (a longer loop, a map entry written first). Capped by the block's limit.
GAS_MARGIN_PERCENT = 130


def padded_gas(used: int, cap: int) -> int:
    """The gas limit for a run that used `used`: plus the margin, at most `cap` (never under `used`)."""
    return max(min(used, cap), min(cap, -(-used * GAS_MARGIN_PERCENT // 100)))


def gas_cap(balance: int, value: int, gas_price: int, intrinsic: int) -> int:
    """The most gas a sender can put on a transaction: the block's limit, or what its balance pays for."""
    from . import consensus as C

    affordable = max(0, balance - value) // max(gas_price, 1)
    return max(intrinsic, min(C.BLOCK_GAS_LIMIT, affordable))


class DevTools:
    """Mixed into chain.Devnet (which gives store, chain, params, miner, make_tx, _receipt and the clock)."""

    def _init_snapshots(self) -> None:
        self._snapshots: list = []  # [(id, in-memory copy of the database)], oldest first
        self._snapshot_ids = itertools.count(1)

    def _close_snapshots(self) -> None:
        for _, copy in self._snapshots:
            copy.close()
        self._snapshots.clear()

    # --- snapshots (anvil's evm_snapshot / evm_revert) ---
    def snapshot(self) -> int:
        """Remember the whole chain as it is now (blocks, state, pending); returns an id for revert().

        A snapshot is a page copy of the database (SQLite's backup API), so
        revert() restores it to the byte whatever happened since; its cost
        grows with the size of the chain, which a dev chain keeps small.
        """
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            self.store.db.backup(copy)
        except sqlite3.DatabaseError as exc:
            copy.close()
            raise E.StoreError(f"cannot snapshot the chain database: {exc}") from None
        sid = next(self._snapshot_ids)
        self._snapshots.append((sid, copy))
        return sid

    def revert(self, snapshot_id: int) -> None:
        """Go back to the chain as it was at snapshot(); that snapshot and every later one are used up.

        Nested snapshots unwind like anvil's: reverting to an older one also
        drops the newer ones. An unknown or used-up id is an ArgumentError
        and changes nothing.
        """
        ids = [sid for sid, _ in self._snapshots]
        if type(snapshot_id) is not int or snapshot_id not in ids:
            live = ", ".join(map(str, ids)) or "none"
            raise ArgumentError(f"no snapshot {snapshot_id!r} to revert to (it was never taken or is used up; "
                                f"live snapshots: {live})")
        at = ids.index(snapshot_id)
        _, copy = self._snapshots[at]
        try:
            copy.backup(self.store.db)
        except sqlite3.DatabaseError as exc:
            raise E.StoreError(f"cannot restore the chain database: {exc}") from None
        for _, dropped in self._snapshots[at:]:
            dropped.close()
        del self._snapshots[at:]
        # A fresh Chain over the restored tables: no cached head, pool or block
        # of the abandoned future survives.
        self.chain = Chain(self.store, self.params, clock=self._clock or self._virtual_clock)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- running without mining: replays, dry runs, estimates ---
    def replay(self, tx_hash, tracer_for=None):
        """Run a mined transaction again on the state it ran on (its block's parent state after the
        transactions before it in the block); changes nothing. `tracer_for(host)` gives the VM tracer.

        Returns (the transaction, its RawReceipt); the receipt equals the stored one, to the gas unit.
        """
        tx_hash = hash_arg(tx_hash)
        where = self.chain.find_tx(tx_hash)
        if where is None:
            raise ArgumentError(f"transaction 0x{tx_hash.hex()} is not mined on this chain")
        block_hash, idx = where
        blk = self.chain.block(block_hash)
        hd = blk.header
        parent = self.chain.stored_header(hd.prev_hash)
        ex = Executor(self.chain.state(parent.state_root), self.params, hd.height, hd.timestamp, hd.miner)
        for earlier in blk.txs[:idx]:
            ex.apply(earlier, checked_static=True)
        if tracer_for is not None:
            ex.tracer = tracer_for(ex.host)
        return blk.txs[idx], ex.apply(blk.txs[idx], checked_static=True)

    def dry_run(self, tx, tracer_for=None) -> Receipt:
        """What a signed transaction would do if mined next on the head state (pending ones not counted):
        its Receipt (block_hash None), nothing sent or changed. Invalid ones raise InvalidTransaction.
        A nonce after the sender's pending transactions is accepted; their effects are not counted."""
        head = self.chain.head
        ex = Executor(self.chain.state(head.state_root), self.params, head.height + 1,
                      self.chain.next_timestamp(head), self.miner)
        sender = tx.sender
        if ex.nonce(sender) < tx.nonce <= self.chain.next_nonce(sender):
            ex.nonces[sender] = tx.nonce  # it follows the sender's pending ones: run as if they were in
        if tracer_for is not None:
            ex.tracer = tracer_for(ex.host)
        raw = ex.apply(tx)
        return self._receipt(raw, tx, None, 0, height=head.height + 1)

    def default_gas(self, probe) -> int:
        """The gas limit for a transaction given none: `probe` (it, signed with the most gas the sender
        can give) run dry, its use plus GAS_MARGIN_PERCENT. A run that fails gets the gas it used too
        (plus the margin), so the transaction is mined and its receipt says why it reverted; one the
        pool would refuse keeps the probe's gas (the submission says why)."""
        from . import errors as E

        try:
            used = self.dry_run(probe).gas_used
        except E.InvalidTransaction:
            return probe.gas_limit
        return padded_gas(used, probe.gas_limit)

    def estimate_gas(self, sender=None, to=None, value=0, data=b"") -> int:
        """The gas the transaction would use if mined next: exact (no opcode reads the gas left, so
        a limit above the use changes nothing), or Reverted when it would fail."""
        r = self.dry_run(self.make_tx(sender, to, value, data))
        if not r.status:
            raise Reverted(r.reason, r.location, None)
        return r.gas_used


def hash_arg(h) -> bytes:
    """A transaction or block hash given as 32 bytes or 64 hex digits (0x optional)."""
    if isinstance(h, str):
        text = h[2:] if h[:2] in ("0x", "0X") else h
        try:
            h = bytes.fromhex(text)
        except ValueError:
            raise ArgumentError(f"not a hex hash: {h!r}") from None
    if not isinstance(h, (bytes, bytearray)) or len(h) != 32:
        raise ArgumentError("a hash is 32 bytes")
    return bytes(h)
