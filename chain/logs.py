"""Events of the canonical chain by block range, contract and name: `obelisk logs` and the RPC's chain_getLogs.

Queries read the store's events table (one row per event, written with its block, rewritten on a reorg);
each answer is the receipt's event document (decoded by the contract's ABI) with its `block` and `tx`.
"""
from __future__ import annotations

import hashlib
import sys

from vm.encoding import EncodingError, pack, unpack
from vm.values import Address

from . import consensus as C
from .block import RECEIPT_DEPTH, decode_receipt
from .store import damaged

# Events one answer may hold: with the index this also bounds a query's work,
# so one caller cannot hold a node's chain thread for long.
MAX_LOG_EVENTS = 10_000
# Blocks the bounded scan of an unindexed data directory may cover (read-only
# opens of a file from before the events table, until a writer indexes it).
MAX_LOG_BLOCKS = 10_000
# A backfill of more blocks than this says on stderr how far it is.
BACKFILL_QUIET_BLOCKS = 1_000


class LogQueryError(ValueError):
    """A query outside the bounds above, or with a block number below 0."""


def topic(name: str) -> bytes:
    """The indexed key of an event name."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()


def block_log_rows(chain, block_hash: bytes, height: int) -> list:
    """The events table's rows of one stored block (from its stored receipts)."""
    store = chain.store
    txs = chain.blocks.block(block_hash).txs
    receipts = []
    for i in range(len(txs)):
        data = store.receipt(block_hash, i)
        if data is None:
            raise damaged(f"receipt {i} of block {block_hash.hex()} is missing")
        receipts.append(data)
    return log_rows(height, txs, receipts)


def log_rows(height: int, txs, receipts) -> list:
    """The events table's rows of one block from its transactions and their receipts (encoded, or
    RawReceipts in hand: a receipt without events is not decoded, one with events is read from its bytes
    as stored, so both give the same rows)."""
    rows = []
    for i, (t_, r) in enumerate(zip(txs, receipts)):
        if type(r) is not bytes:
            if not r.logs:
                continue
            r = r.encoded
        for j, (address, name, values) in enumerate(decode_receipt(r).logs):
            rows.append((height, i, j, bytes(address), topic(name), t_.hash, pack([name, list(values)])))
    return rows


def _stderr_progress(done: int, total: int) -> None:
    if total > BACKFILL_QUIET_BLOCKS and (done % BACKFILL_QUIET_BLOCKS == 0 or done == total):
        print(f"indexing the events of block {done} of {total} (once, for this data directory's first "
              "open by this version)", file=sys.stderr, flush=True)


def ensure_index(chain, progress=_stderr_progress) -> None:
    """Give a data directory from before the events table its table, filled from the canonical
    blocks' receipts, in one write transaction (a crash leaves the file as it was).
    A read-only open leaves the file alone: its queries scan (find_logs)."""
    store = chain.store
    if store.has_logs or store.readonly:
        return
    store.begin()
    try:
        if not store.logs_table_exists():  # another process may have indexed it meanwhile
            store.create_logs_table()
            head = chain.height
            for height in range(1, head + 1):
                bh = store.canon_hash(height)
                if bh is None:
                    raise damaged(f"the canonical index has no block at height {height}")
                store.put_logs(block_log_rows(chain, bh, height))
                if progress is not None:
                    progress(height, head)
        store.commit()
    except BaseException:
        store.rollback()
        raise
    store.has_logs = True


def find_logs(net, from_block=None, to_block=None, address=None, event=None, *,
              max_blocks: int | None = None, max_events: int = MAX_LOG_EVENTS) -> list:
    """Event documents of blocks from_block..to_block (default: all; to_block past the head means the head),
    of the contract `address` and named `event` when given, oldest first. `net`: a chain.Devnet (or
    Devnet.over a node's chain). `max_blocks`: a bound on the block range, when a caller wants one."""
    c = net.chain
    head = c.height
    lo = 0 if from_block is None else from_block
    hi = head if to_block is None else min(to_block, head)
    if lo < 0 or hi < 0:
        raise LogQueryError("block numbers are >= 0")
    if max_blocks is not None and hi - lo + 1 > max_blocks:
        raise LogQueryError(f"a logs query spans at most {max_blocks} blocks (asked {hi - lo + 1}): split it")
    if hi < lo:
        return []
    if not c.store.has_logs:
        if hi - lo + 1 > MAX_LOG_BLOCKS:
            raise LogQueryError(f"this data directory's events are not indexed yet (any writing command indexes "
                                f"them): until then a logs query spans at most {MAX_LOG_BLOCKS} blocks: split it")
        return scan_logs(net, lo, hi, address, event, max_events)
    rows = c.store.log_rows(lo, hi, None if address is None else bytes(Address(address)),
                            None if event is None else topic(event), max_events + 1)
    if len(rows) > max_events:
        raise _too_many(max_events)
    out, codes = [], {}
    for height, row_address, tx_hash, data in rows:
        name, values = _decode_row(data)
        if event is not None and name != event:
            continue
        doc = net._event(Address(row_address), name, tuple(values), codes).to_json()
        doc["block"] = height
        doc["tx"] = "0x" + tx_hash.hex()
        out.append(doc)
    return out


def _decode_row(data: bytes):
    try:
        obj = unpack(data, max_size=C.MAX_RECEIPT_SIZE, max_depth=RECEIPT_DEPTH)
    except EncodingError:
        raise damaged("an events row does not decode") from None
    if type(obj) is not list or len(obj) != 2 or type(obj[0]) is not str or type(obj[1]) is not list:
        raise damaged("an events row is malformed")
    return obj[0], obj[1]


def _too_many(max_events: int) -> LogQueryError:
    return LogQueryError(f"more than {max_events} events match: narrow the block range")


def scan_logs(net, lo: int, hi: int, address=None, event=None, max_events: int = MAX_LOG_EVENTS) -> list:
    """The same answer read from every block's receipts (a file whose events are not indexed yet;
    the tests' reference for the index)."""
    c = net.chain
    out = []
    for height in range(lo, hi + 1):
        bh = c.canonical_hash(height)
        if bh is None:
            break
        for t_ in c.block(bh).txs:
            r = net.receipt(t_.hash)
            if r is None:
                continue
            for ev in r.logs:
                if (address is not None and ev.address != address) or (event is not None and ev.name != event):
                    continue
                if len(out) >= max_events:
                    raise _too_many(max_events)
                doc = ev.to_json()
                doc["block"] = height
                doc["tx"] = "0x" + t_.hash.hex()
                out.append(doc)
    return out
