"""Writing a validated block and choosing the head: most cumulative work wins, the first seen on a tie.

One database transaction holds the block, its receipts, indexes and state nodes,
the head switch (canonical index rewritten back to the fork point) and the
pool's follow-up, so a crash leaves either all of it or none.
"""
from __future__ import annotations

from .block import Block, Header
from .logs import block_log_rows, log_rows
from .state import account_links


def write_block(chain, block: Block, result, work: int, data: bytes | None = None) -> None:
    """The rows of one block (inside the caller's write transaction)."""
    store = chain.store
    h = block.hash
    store.put_block(h, block.header.height, block.header.prev_hash, work, data or block.encode())
    store.put_block_txs(h, [t_.hash for t_ in block.txs], [r.encode() for r in result.receipts])
    store.put_nodes(chain.trie.take_new([result.state_root], account_links))
    store.put_code(sorted(result.new_code.items()))


def store_block(chain, block: Block, result, data: bytes | None = None, dropped=(), expect_head=None) -> bool:
    """One database transaction: the block, its receipts, indexes, state nodes, and fork choice.

    `dropped`: pending transactions the miner found invalid, removed in the same
    transaction. `expect_head`: store only if the head is still this hash (a
    miner's block built on it), else write nothing and return False.
    """
    store = chain.store
    header = block.header
    data = data or block.encode()
    chain.pool.invalidate()
    store.begin()
    try:
        head = chain.blocks.head_hash
        if expect_head is not None and head != expect_head:
            store.rollback()
            chain.trie.discard_new()
            return False
        parent_work = chain.blocks.work(header.prev_hash)
        work = parent_work + header.work
        write_block(chain, block, result, work, data)
        store.remove_pending(sorted(dropped))
        if work > (parent_work if head == header.prev_hash else chain.blocks.work(head)):
            _switch_head(chain, block.hash, header, block, result.receipts)
        store.commit()
    except BaseException:
        store.rollback()
        chain.trie.discard_new()
        raise
    chain.blocks.keep(block, len(data))  # in hand: reading the new head or its transactions decodes nothing
    return True


def _switch_head(chain, new_hash: bytes, new_header: Header, new_block: Block, new_receipts) -> None:
    """Make new_hash (`new_block` and its receipts, in hand: not read back) the head: rewrite the canonical index,
    and the events table with it, back to the fork point."""
    store, blocks = chain.store, chain.blocks
    old_head = blocks.head
    orphaned = []
    # Old canonical blocks above the new height, and below it back to the fork point.
    for height in range(old_head.height, new_header.height, -1):
        orphaned.append(store.canon_hash(height))
    h, hd, adopted = new_hash, new_header, []
    while store.canon_hash(hd.height) != h:
        old = store.canon_hash(hd.height)
        if old is not None:
            orphaned.append(old)
        adopted.append(h)
        store.set_canon(hd.height, h)
        h = hd.prev_hash
        hd = blocks.stored_header(h)
    store.truncate_canon(new_header.height)
    store.set_meta("head", new_hash)
    # hd: the fork point. The events above it are the old branch's; the adopted blocks' replace them.
    store.delete_logs_above(hd.height)
    for bh in reversed(adopted):
        store.put_logs(log_rows(new_header.height, new_block.txs, new_receipts) if bh == new_hash
                       else block_log_rows(chain, bh, blocks.stored_header(bh).height))
    included = set()
    for bh in adopted:
        for t_ in (new_block if bh == new_hash else blocks.block(bh)).txs:
            included.add(t_.hash)
    store.remove_pending(sorted(included))
    view = chain.state(new_header.state_root)
    chain.pool.drop_stale(view)
    if orphaned:
        chain.pool.requeue([blocks.block(bh).txs for bh in reversed(orphaned)], included, view)
