"""verify: rebuild the whole chain from the stored block bytes and compare every stored row.

A fresh in-memory chain imports every stored block (proof of work, signatures,
re-execution, every root); then blocks, the canonical index, transaction
index, receipts, events, state nodes, code and metadata must equal the stored ones
row for row, so a flipped byte anywhere in them is found; SQLite's integrity check
first finds damage the row queries cannot see (an index that disagrees with its table).
"""
from __future__ import annotations

from . import consensus as C
from . import errors as E
from . import tx as txmod
from .core import Chain
from .rules import check_static
from .store import Store


def verify_store(store: Store, params: C.ChainParams) -> int:
    """Raise VerifyError on the first fault; return the verified head height."""
    fresh = Chain(Store(None), params, clock=lambda: 1 << 62)
    fresh.signature_cache = False  # every signature is checked again, from the stored bytes
    try:
        # One snapshot for every read: another process may be mining meanwhile.
        store.begin_read()
        return _verify(store, params, fresh)
    except E.StoreError as exc:  # the stored data cannot even be read back: not a valid chain
        raise E.VerifyError(str(exc)) from None
    finally:
        store.end_read()
        fresh.store.close()


def _verify(store: Store, params: C.ChainParams, fresh: Chain) -> int:
    problems = store.integrity_problems()
    if problems:
        raise E.VerifyError(f"the database file is damaged: {'; '.join(problems)}")
    # Arrival order (rowid): every block is imported after its parent, as it first was.
    blocks = store.blocks_in_arrival_order()
    for h, height, data in blocks:
        if type(h) is not bytes or type(data) is not bytes or type(height) is not int:
            raise E.VerifyError(f"a stored block row is malformed (rowid order, height {height!r})")
        if height == 0:
            if h != fresh.genesis_hash or data != fresh.block_bytes(fresh.genesis_hash):
                raise E.VerifyError("the stored genesis block is not this chain's genesis")
            continue
        try:
            got = fresh.import_block(data, check_future=False)
        except E.ChainError as exc:
            raise E.VerifyError(f"block {height} ({h.hex()[:16]}): {exc}") from None
        if got != h:
            raise E.VerifyError(f"block {height} is stored under {h.hex()} but hashes to {got.hex()}")
    for table in store.derived_tables():
        if store.rows(table) != fresh.store.rows(table):
            raise E.VerifyError(f"stored {table} do not match the re-validated chain")
    for tx_hash, data in store.pending():
        try:
            t = txmod.decode(data)
            check_static(t, params, use_cache=False)
        except E.ChainError as exc:
            raise E.VerifyError(f"pending transaction {tx_hash.hex()[:16]}: {exc}") from None
        if t.hash != tx_hash:
            raise E.VerifyError(f"pending transaction {tx_hash.hex()[:16]} is stored under the wrong hash")
    return fresh.height
