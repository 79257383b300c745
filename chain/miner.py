"""Building a block from pending transactions on the head, sealing it (proof of work), storing it.

A miner's block goes through the same executor as an imported one, so a
block is valid exactly when re-running it reproduces its header.
"""
from __future__ import annotations

from vm.values import Address

from . import consensus as C
from . import errors as E
from . import fork, procpool
from .block import Block, Header, decode_block, header_from_fields, merkle_root, mine, tx_root
from .execute import Executor
from .pool import FeeOrder

# Nonces tried per call of chain.block.mine (per worker and round when parallel).
SEAL_STEP = 1 << 20
# Expected hashes (a target's work) from which a search is spread over worker
# processes: below it one core finds the nonce before a pool could start.
PARALLEL_WORK = 1 << 20


def next_timestamp(chain, parent: Header) -> int:
    return max(chain.clock(), chain.median_time_past(parent) + 1)


def build_block(chain, miner, txs=None, timestamp=None, parent_hash=None):
    """(unsealed Block, BlockResult, dropped tx hashes) on top of the head (`parent_hash`: the head
    when the caller has read it), from pending or given txs."""
    if parent_hash is None:
        parent_hash = chain.blocks.head_hash
    parent = chain.blocks.stored_header(parent_hash)
    ts = next_timestamp(chain, parent) if timestamp is None else timestamp
    ex = Executor(chain.state(parent.state_root), chain.params, parent.height + 1, ts, miner)
    ex.signature_cache = chain.signature_cache
    chosen, dropped = [], []
    size = 256
    # Best gas price first, each sender's nonces in order (chain.pool.FeeOrder).
    order = FeeOrder(chain.pending() if txs is None else txs)
    while (t_ := order.peek()) is not None:
        if ex.gas_used + C.TX_BASE_GAS > C.BLOCK_GAS_LIMIT:
            break  # the block is full: no transaction fits any more
        enc_len = len(t_.encode()) + 8
        if size + enc_len > C.MAX_BLOCK_SIZE:
            order.pop()  # no room left for this one: it (and its sender's later nonces) wait
            continue
        try:
            ex.apply(t_)
        except E.TxGasOverBlockLimit:
            order.pop()  # stays pending for a later block
            continue
        except E.BadNonce:
            if t_.nonce < ex.nonce(t_.sender):
                dropped.append(t_.hash)  # its nonce is spent: it can never run
                order.shift()
            else:
                order.pop()  # a gap before it: it waits for its predecessor
            continue
        except E.InvalidTransaction:
            dropped.append(t_.hash)
            order.pop()
            continue
        chosen.append(t_)
        size += enc_len
        order.shift()
    result = ex.finish()
    header = Header(C.HEADER_VERSION, chain.params.chain_id, parent.height + 1, parent_hash, ts,
                    chain.expected_target(parent), Address(miner),
                    tx_root(chosen), merkle_root([r.hash for r in result.receipts]), result.state_root,
                    result.gas_used, C.BLOCK_GAS_LIMIT, C.BLOCK_REWARD + result.fees, 0)
    return Block(header, tuple(chosen)), result, dropped


def seal(header: Header, workers: int = 1) -> Header:
    """The header with the first nonce (from 0) whose hash meets its target.

    With `workers` > 1 and a target hard enough to pay for it, the nonces are
    searched in rounds of consecutive SEAL_STEP slices, one slice per worker
    process; the lowest slice of a round that holds a hit gives the nonce, so
    the block is exactly the one a single core would find first.
    """
    if workers > 1 and header.work >= PARALLEL_WORK:
        sealed = _seal_parallel(header, workers)
        if sealed is not None:
            return sealed
    sealed, start = None, 0
    while sealed is None:
        sealed = mine(header, start, SEAL_STEP)
        start += SEAL_STEP
    return sealed


def _seal_parallel(header: Header, workers: int) -> Header | None:
    """As seal(), across `workers` processes; None if the pool cannot be used (then the caller searches)."""
    start = 0
    try:
        pool = procpool.get_pool(workers)
        while start < 1 << 64:
            found = _round(pool, header, start, workers, SEAL_STEP)
            if found is not None:
                return found
            start += workers * SEAL_STEP
    except procpool.BROKEN:
        procpool.shutdown()
    return None


def seal_round(header: Header, start: int, workers: int = 1, step: int = SEAL_STEP) -> Header | None:
    """The header with the first nonce in start .. start + workers * step - 1 that meets its target,
    or None: one round of a search for a caller that looks at its head between rounds (a node's
    miner). Over `workers` processes, a slice of `step` nonces each, as seal() (the same nonce as
    one core finds first); else, or if the pool cannot be used, in this thread."""
    if workers > 1 and header.work >= PARALLEL_WORK:
        try:
            return _round(procpool.get_pool(workers), header, start, workers, step)
        except procpool.BROKEN:
            procpool.shutdown()
    return mine(header, start, workers * step)


def _round(pool, header: Header, start: int, workers: int, step: int) -> Header | None:
    """One slice of `step` nonces per worker from `start`; the lowest slice's hit."""
    slices = [(header, s, step) for s in range(start, min(start + workers * step, 1 << 64), step)]
    for found in pool.map(_search, slices):
        if found is not None:
            return found
    return None


def _search(job):
    header, start, count = job
    return mine(header, start, count)


def mine_block(chain, miner, txs=None, timestamp=None, workers: int = 1) -> Block:
    """Build, seal (proof of work) and store one block on the head; returns it.

    The block is built and sealed with no lock held, then stored only if the
    head is still its parent (checked inside the write transaction); when
    another writer moved the head meanwhile, it is built again on the new one.
    """
    while True:
        try:
            block, result, dropped = build_block(chain, miner, txs, timestamp)
            block = Block(seal(block.header, workers), block.txs)
            data = block.encode()
            # What we store must decode again: a header field out of its range (a
            # caller's timestamp, a miner) fails here, before anything is written.
            # Pending transactions were decoded from their bytes when admitted;
            # only a caller's own list of transactions needs decoding again.
            if txs is None:
                header_from_fields(block.header.fields())  # the decoder's field rules, on what was encoded
            else:
                decode_block(data)
        except BaseException:
            chain.trie.discard_new()
            raise
        if fork.store_block(chain, block, result, data, dropped=dropped, expect_head=block.header.prev_hash):
            return block


def admit_and_mine(chain, miner, make, workers: int = 1):
    """Admit one transaction as Chain.submit does and mine it as mine_block does, in one write
    transaction (one commit: one disk sync where the store syncs); returns (the transaction, the
    stored Block, its BlockResult).

    `make(view)` gives the transaction, static rules checked (as for Chain._admit); the pool's
    rules judge it against the head state. The block is built on the head from the pending
    transactions and it, by the same rules as every block (FeeOrder, build_block), then sealed
    and stored. The transaction is written to the pending table only when the block leaves it
    waiting (no room); dropped as invalid, it is not written at all. Nothing is written when
    anything fails. The lock is held while the block is built and sealed (its transactions run,
    then a few hashes at the Devnet's targets); a node's miner uses mine_block, which holds none.
    """
    store, pool = chain.store, chain.pool
    store.begin()
    try:
        head = chain.blocks.head_hash
        view = chain.state(chain.blocks.stored_header(head).state_root)
        t_ = make(view)
        pool.add(t_, view, chain.signature_cache, write=False)
        block, result, dropped = build_block(chain, miner, pool.pending() + [t_], None, head)
        block = Block(seal(block.header, workers), block.txs)
        data = block.encode()
        header_from_fields(block.header.fields())  # the decoder's field rules, as mine_block checks them
        if t_.hash not in dropped and not any(x is t_ for x in block.txs):
            store.add_pending(t_.hash, t_.encode())  # it waits for a later block, as if submitted
            pool.invalidate()
        work = fork.store_in_transaction(chain, block, result, data, dropped, head)
        store.commit()
    except BaseException:
        store.rollback()
        pool.invalidate()
        chain.trie.discard_new()
        raise
    chain.blocks.keep(block, len(data), work)
    return t_, block, result
