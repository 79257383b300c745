"""Writing a validated block and choosing the head: most cumulative work wins, the first seen on a tie.

One database transaction holds the block, its receipts, indexes and state nodes,
the head switch (canonical index rewritten back to the fork point) and the
pool's follow-up, so a crash leaves either all of it or none.
"""
from __future__ import annotations

from .block import Block
from .logs import block_log_rows, log_rows
from .state import account_links


def write_block(chain, block: Block, result, work: int, data: bytes | None = None) -> None:
    """The rows of one block (inside the caller's write transaction)."""
    store = chain.store
    h = block.hash
    store.put_block(h, block.header.height, block.header.prev_hash, work, data or block.encode())
    store.put_block_txs(h, [t_.hash for t_ in block.txs], [r.encode() for r in result.receipts])
    if result.accounts is None:
        nodes = chain.trie.take_new([result.state_root], account_links)
    else:
        # New storage nodes hang only under the storage roots of accounts the block wrote: taken from
        # those roots too, no account leaf is decoded to find its storage root (the same nodes).
        nodes = chain.trie.take_new([result.state_root, *{a.storage_root for a in result.accounts.values()}])
    store.put_nodes(nodes)
    store.put_code(sorted(result.new_code.items()))


def store_block(chain, block: Block, result, data: bytes | None = None, dropped=(), expect_head=None) -> bool:
    """One database transaction: the block, its receipts, indexes, state nodes, and fork choice.

    `dropped`: pending transactions the miner found invalid, removed in the same
    transaction. `expect_head`: store only if the head is still this hash (a
    miner's block built on it), else write nothing and return False.
    """
    store = chain.store
    data = data or block.encode()
    chain.pool.invalidate()
    store.begin()
    try:
        head = chain.blocks.head_hash
        if expect_head is not None and head != expect_head:
            store.rollback()
            chain.trie.discard_new()
            return False
        work = store_in_transaction(chain, block, result, data, dropped, head)
        store.commit()
    except BaseException:
        store.rollback()
        chain.pool.invalidate()
        chain.trie.discard_new()
        raise
    chain.blocks.keep(block, len(data), work)  # in hand: reading the new head or its transactions decodes nothing
    return True


def store_in_transaction(chain, block: Block, result, data: bytes, dropped, head: bytes) -> int:
    """store_block's writes and fork choice, inside the caller's write transaction; `head`: the head now.
    Returns the block's cumulative work."""
    store = chain.store
    header = block.header
    parent_work = chain.blocks.work(header.prev_hash)
    work = parent_work + header.work
    write_block(chain, block, result, work, data)
    chain.pool.remove(dropped)
    if work > (parent_work if head == header.prev_hash else chain.blocks.work(head)):
        _switch_head(chain, head, block, result)
    return work


def _switch_head(chain, old_hash: bytes, new_block: Block, result) -> None:
    """Make `new_block` (and its BlockResult, in hand: receipts not read back, the accounts and storage
    it wrote for the new state's view) the head in place of `old_hash`: rewrite the canonical index,
    and the events table with it, back to the fork point."""
    store, blocks = chain.store, chain.blocks
    new_hash, new_header = new_block.hash, new_block.header
    old_head = blocks.stored_header(old_hash)
    orphaned = []
    # Old canonical blocks above the new height, and below it back to the fork point.
    for height in range(old_head.height, new_header.height, -1):
        orphaned.append(store.canon_hash(height))
    # The canonical index and the events table reach exactly to the head: a block on top of
    # the old head leaves nothing above the new height to truncate, nor events above the fork point,
    # and the fork point is the old head.
    extends = new_header.prev_hash == old_hash
    h, hd, adopted = new_hash, new_header, []
    if extends:
        adopted.append((h, hd))
        store.set_canon(hd.height, h)
        hd = old_head
    else:
        while (old := store.canon_hash(hd.height)) != h:
            if old is not None:
                orphaned.append(old)
            adopted.append((h, hd))
            store.set_canon(hd.height, h)
            h = hd.prev_hash
            hd = blocks.stored_header(h)
    if not extends:
        store.truncate_canon(new_header.height)
    blocks.set_head(new_hash)
    # hd: the fork point. The events above it are the old branch's; the adopted blocks' replace them.
    if not extends:
        store.delete_logs_above(hd.height)
    for bh, bhd in reversed(adopted):
        store.put_logs(log_rows(bhd.height, new_block.txs, result.receipts) if bh == new_hash
                       else block_log_rows(chain, bh, bhd.height))
    included = set()
    for bh, _ in adopted:
        for t_ in (new_block if bh == new_hash else blocks.block(bh)).txs:
            included.add(t_.hash)
    chain.pool.remove(included)
    view = chain.state(new_header.state_root)
    if result.accounts:
        view.remember(result.accounts, result.storage)  # what the next transaction reads: in hand
    chain.pool.drop_stale(view)
    if orphaned:
        chain.pool.requeue([blocks.block(bh).txs for bh in reversed(orphaned)], included, view)
