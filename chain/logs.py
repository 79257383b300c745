"""Events of the canonical chain by block range, contract and name: `obelisk logs` and the RPC's chain_getLogs.

Each is the receipt's event document (decoded by the contract's ABI) with its `block` and `tx`.
"""
from __future__ import annotations

# Blocks one query may scan: a whole long chain is many queries, so one caller
# cannot hold a node's chain thread for minutes.
MAX_LOG_BLOCKS = 10_000
# Events one answer may hold (bounds the answer's size).
MAX_LOG_EVENTS = 10_000


class LogQueryError(ValueError):
    """A query outside the bounds above, or with a block number below 0."""


def find_logs(net, from_block=None, to_block=None, address=None, event=None, *,
              max_blocks: int = MAX_LOG_BLOCKS, max_events: int = MAX_LOG_EVENTS) -> list:
    """Event documents of blocks from_block..to_block (default: all; to_block past the head means the head),
    of the contract `address` and named `event` when given. `net`: a chain.Devnet (or Devnet.over a node's chain)."""
    c = net.chain
    head = c.height
    lo = 0 if from_block is None else from_block
    hi = head if to_block is None else min(to_block, head)
    if lo < 0 or hi < 0:
        raise LogQueryError("block numbers are >= 0")
    if hi - lo + 1 > max_blocks:
        raise LogQueryError(f"a logs query spans at most {max_blocks} blocks (asked {hi - lo + 1}): split it")
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
                    raise LogQueryError(f"more than {max_events} events match: narrow the block range")
                doc = ev.to_json()
                doc["block"] = height
                doc["tx"] = "0x" + t_.hash.hex()
                out.append(doc)
    return out
