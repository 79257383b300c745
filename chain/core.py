"""The chain core: genesis, block import with full validation, fork choice, mining, pending pool.

The library (Devnet), the CLI and a future RPC are doors onto this class;
none of them validates, executes or stores anything by itself.
"""
from __future__ import annotations

import time

from vm.values import Address

from . import consensus as C
from . import errors as E
from . import tx as txmod
from .block import (ZERO_HASH, Block, Header, decode_block, median_time, merkle_root, mine, next_target,
                    tx_root)
from .execute import BlockResult, Executor, check_signature, check_static
from .state import StateView, account_links, commit_changes
from .store import Store, check_format, damaged
from .trie import EMPTY_ROOT, Trie

_HEADER_CACHE = 4096
# Decoded blocks kept, bounded in encoded bytes too: 64 blocks of 4 MiB decoded
# would be gigabytes, and anyone can send (side-chain) blocks that large.
_BLOCK_CACHE = 64
_BLOCK_CACHE_BYTES = 16 * 1024 * 1024
# Hashes of blocks refused for their contents (not for their context, such as a
# timestamp still in the future), with the error each was refused with.
_INVALID_CACHE = 1024
# Blocks held while their parent is unknown (orphans), by count and bytes.
_ORPHAN_LIMIT = 64
_ORPHAN_BYTES = 16 * 1024 * 1024
# Pending-pool policy (not consensus): bounds what one sender, or everyone,
# can make a node store before anything is mined.
MAX_PENDING_PER_SENDER = 4096
MAX_PENDING = 65536
# ... and in bytes: 65 536 transactions of the largest size would be 20 GiB.
MAX_PENDING_BYTES = 64 * 1024 * 1024


def _cost(t_) -> int:
    return t_.gas_limit * t_.gas_price + t_.value


def _bare(exc: E.InvalidBlock) -> E.InvalidBlock:
    """A copy of a refusal with no traceback: a remembered one must not keep the
    frames (a decoded block, an executor's state) it was raised through alive."""
    if isinstance(exc, E.BlockTxError):
        return E.BlockTxError(exc.index, type(exc.tx_error)(exc.tx_error.message))
    return type(exc)(exc.message)


class _Pool:
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


class Chain:
    """One chain in one Store. `clock()` gives the node's time in seconds (for the future-drift rule)."""

    def __init__(self, store: Store, params: C.ChainParams, clock=None):
        self.store = store
        self.params = params
        self._clock = clock or time.time
        self.trie = Trie(store.get_node)
        self._headers: dict = {}
        self._blocks: dict = {}  # hash -> (Block, encoded size)
        self._blocks_size = 0
        self._pool = None  # decoded pending transactions, or None to reload from the store
        self._invalid: dict = {}  # block hash -> the InvalidBlock it was refused with
        self._orphans: dict = {}  # block hash -> (Block, bytes), waiting for their parent
        self._orphans_size = 0
        self._pool_version = None  # the store's data_version when _pool was read
        self._decoded: dict = {}  # encoding -> Transaction, from the last pool read (reused on reload)
        # False re-checks every signature (verify does), else verified ones are remembered.
        self.signature_cache = True
        self.timings = None  # a dict to accumulate import stage times into (bench), or None
        check_format(store)
        genesis, result = self._genesis()
        store.begin()
        try:
            # Read inside the write transaction: two processes creating one
            # data directory at once write genesis exactly once.
            stored = store.get_meta("genesis")
            if stored is None:
                store.set_meta("store_version", C.STORE_VERSION)
                store.set_meta("chain_id", self.params.chain_id)
                store.set_meta("genesis", genesis.hash)
                self._write_block(genesis, result, genesis.header.work)
                store.set_meta("head", genesis.hash)
                store.set_canon(0, genesis.hash)
            store.commit()
        except BaseException:
            store.rollback()
            raise
        finally:
            self.trie.discard_new()
        if stored is not None and stored != genesis.hash:
            raise E.StoreError("the data directory holds another chain (genesis differs)")
        self.genesis_hash = genesis.hash

    def clock(self) -> int:
        """The node's time in whole seconds (a clock such as time.time gives floats; headers hold ints)."""
        now = self._clock()
        if type(now) is float and now == now and 0 <= now < 2**63:
            return int(now)
        if type(now) is not int or not 0 <= now <= C.MAX_U64:
            raise ValueError(f"the chain's clock gave {now!r}: it must give seconds (an int or float >= 0)")
        return now

    # --- genesis ---
    def _genesis(self):
        view = StateView(self.trie, self.store.get_code, EMPTY_ROOT)
        balances = {Address(a): amount for a, amount in self.params.allocations}
        root, code = commit_changes(view, balances, {}, {}, {})
        header = Header(C.HEADER_VERSION, self.params.chain_id, 0, self.params.genesis_parent, self.params.genesis_timestamp,
                        self.params.initial_target, Address(b"\x00" * 20), merkle_root([]), merkle_root([]),
                        root, 0, C.BLOCK_GAS_LIMIT, 0, 0)
        return Block(header, ()), BlockResult([], 0, 0, root, code, [])

    # --- reading ---
    @property
    def head_hash(self) -> bytes:
        h = self.store.get_meta("head")
        if type(h) is not bytes or len(h) != 32:
            raise damaged("the head pointer is malformed")
        return h

    @property
    def head(self) -> Header:
        return self.stored_header(self.head_hash)

    @property
    def height(self) -> int:
        return self.head.height

    def header(self, h: bytes) -> Header | None:
        hd = self._headers.get(h)
        if hd is None:
            blk = self.block(h)
            if blk is None:
                return None
            hd = blk.header
            if len(self._headers) > _HEADER_CACHE:
                self._headers.clear()
            self._headers[h] = hd
        return hd

    def stored_header(self, h: bytes) -> Header:
        """The header of a block the database must hold (the head, a parent, an ancestor)."""
        hd = self.header(h)
        if hd is None:
            raise damaged(f"block {h.hex()} is missing")
        return hd

    def block(self, h: bytes) -> Block | None:
        """A stored block, decoded (recent ones are kept: blocks never change under their hash)."""
        cached = self._blocks.get(h)
        if cached is not None:
            return cached[0]
        row = self.store.block_row(h)
        if row is None:
            return None
        try:
            blk = decode_block(row[3])
        except E.InvalidBlock as exc:
            raise damaged(f"block {h.hex()} does not decode ({exc})") from None
        if blk.hash != h:
            raise damaged(f"block {h.hex()} is stored with the bytes of block {blk.hash.hex()}")
        size = len(row[3])
        while self._blocks and (len(self._blocks) >= _BLOCK_CACHE
                                or self._blocks_size + size > _BLOCK_CACHE_BYTES):
            self._blocks_size -= self._blocks.pop(next(iter(self._blocks)))[1]
        if size <= _BLOCK_CACHE_BYTES:
            self._blocks[h] = (blk, size)
            self._blocks_size += size
        return blk

    def block_bytes(self, h: bytes):
        row = self.store.block_row(h)
        return None if row is None else row[3]

    def work(self, h: bytes) -> int:
        return self.store.block_row(h)[2]

    def canonical_hash(self, height: int):
        return self.store.canon_hash(height)

    def is_canonical(self, h: bytes) -> bool:
        hd = self.header(h)
        return hd is not None and self.store.canon_hash(hd.height) == h

    def state(self, root: bytes | None = None) -> StateView:
        return StateView(self.trie, self.store.get_code, self.head.state_root if root is None else root)

    def find_tx(self, tx_hash: bytes):
        """(block hash, index) of a transaction on the canonical chain, or None."""
        for block_hash, idx in self.store.tx_locations(tx_hash):
            if self.is_canonical(block_hash):
                txs = self.block(block_hash).txs
                if idx >= len(txs) or txs[idx].hash != tx_hash:
                    raise damaged(f"the index entry of transaction {tx_hash.hex()} names the wrong place")
                return block_hash, idx
        return None

    # --- consensus rules that look at ancestors ---
    def _ancestor(self, header: Header, height: int) -> Header:
        while header.height > height:
            header = self.stored_header(header.prev_hash)
        return header

    def expected_target(self, parent: Header) -> int:
        """The target a child of `parent` must carry (chain.block.next_target over the window)."""
        first = self._ancestor(parent, max(0, parent.height - C.RETARGET_WINDOW))
        return next_target(parent.target, parent.timestamp - first.timestamp, parent.height - first.height,
                           self.params.pow_limit, self.params.block_time, self.params.hardest_target)

    def median_time_past(self, parent: Header) -> int:
        stamps, h = [], parent
        while h is not None and len(stamps) < C.MEDIAN_TIME_SPAN:
            stamps.append(h.timestamp)
            h = self.stored_header(h.prev_hash) if h.height > 0 else None
        return median_time(stamps)

    # --- import ---
    def check_header(self, header: Header, check_future: bool = True) -> Header:
        """Every header rule that needs no execution; returns the parent."""
        if header.chain_id != self.params.chain_id:
            raise E.BlockWrongChain(f"block of chain {header.chain_id}, this is chain {self.params.chain_id}")
        if self.store.has_block(header.hash):
            raise E.KnownBlock(f"block {header.hash.hex()} is already stored")
        parent = self.header(header.prev_hash)
        if parent is None:
            raise E.UnknownParent(f"parent {header.prev_hash.hex()} is unknown")
        if header.height != parent.height + 1:
            raise E.BadHeight(f"height {header.height}, parent is at {parent.height}")
        if not header.pow_ok():
            raise E.BadProofOfWork("block hash is above its target")
        expected = self.expected_target(parent)
        if header.target != expected:
            raise E.BadTarget(f"target {header.target:#x}, the retarget rule gives {expected:#x}")
        mtp = self.median_time_past(parent)
        if header.timestamp <= mtp:
            raise E.TimestampTooOld(f"timestamp {header.timestamp} not above the median {mtp} of the last 11")
        if check_future:
            limit = self.clock() + C.MAX_FUTURE_DRIFT
            if header.timestamp > limit:
                raise E.TimestampTooNew(f"timestamp {header.timestamp} is over {limit}")
        if header.gas_limit != C.BLOCK_GAS_LIMIT:
            raise E.BadGasLimit(f"gas limit {header.gas_limit}, the chain's is {C.BLOCK_GAS_LIMIT}")
        if header.gas_used > header.gas_limit:
            raise E.BlockGasExceeded(f"gas used {header.gas_used} over the gas limit {header.gas_limit}")
        return parent

    def import_block(self, data: bytes, check_future: bool = True) -> bytes:
        """Validate and store a block; returns its hash. Raises an InvalidBlock and stores nothing.

        A block whose parent is unknown is refused (UnknownParent) but held in
        memory, a bounded few, as Bitcoin Core holds orphan blocks: once its
        parent is imported, it is imported too.
        """
        t0 = time.perf_counter()
        block = decode_block(data)
        try:
            h = self._import_decoded(block, data, check_future, t0)
        except E.UnknownParent:
            self._hold_orphan(block, data)
            raise
        self._connect_orphans(h, check_future)
        return h

    def _hold_orphan(self, block: Block, data: bytes) -> None:
        h = block.hash
        # Proof of work, so holding a block costs its sender a block's work; and the
        # transactions root, so a body swapped under an honest header cannot take
        # the honest block's place while both wait.
        if (h in self._orphans or not block.header.pow_ok() or len(data) > _ORPHAN_BYTES
                or tx_root(block.txs) != block.header.tx_root):
            return
        while self._orphans and (len(self._orphans) >= _ORPHAN_LIMIT
                                 or self._orphans_size + len(data) > _ORPHAN_BYTES):
            self._orphans_size -= len(self._orphans.pop(next(iter(self._orphans)))[1])
        self._orphans[h] = (block, data)
        self._orphans_size += len(data)

    def _connect_orphans(self, parent_hash: bytes, check_future: bool) -> None:
        """Import held blocks that were waiting for `parent_hash`, and theirs in turn (arrival order)."""
        ready = [parent_hash]
        while ready and self._orphans:
            parent_hash = ready.pop(0)
            for h in [h for h, (b, _) in self._orphans.items() if b.header.prev_hash == parent_hash]:
                block, data = self._orphans.pop(h)
                self._orphans_size -= len(data)
                try:
                    ready.append(self._import_decoded(block, data, check_future, time.perf_counter()))
                except E.InvalidBlock:
                    pass  # refused (and remembered when it is the block's own fault)

    def _import_decoded(self, block: Block, data: bytes, check_future: bool, t0: float) -> bytes:
        header = block.header
        refused = self._invalid.get(header.hash)
        if refused is not None:
            raise _bare(refused)
        if header.prev_hash in self._invalid and header.pow_ok():
            # A descendant of an invalid block is invalid: refused at once, and
            # remembered in turn so its own descendants are too (only with its
            # proof of work: junk headers must not push real entries out).
            self._remember_invalid(header.hash, E.InvalidParent(f"parent {header.prev_hash.hex()} is invalid"))
            raise _bare(self._invalid[header.hash])
        parent = self.check_header(header, check_future)
        if tx_root(block.txs) != header.tx_root:
            raise E.BadTxRoot("transactions root does not match the transactions")
        # From here the header commits to everything checked (parent, transactions),
        # so a refusal holds for any block with this hash and is remembered: sending
        # the same invalid block again costs a lookup, not a re-execution (Bitcoin
        # Core marks such blocks BLOCK_FAILED_VALID).
        try:
            return self._import_checked(block, parent, data, t0)
        except E.InvalidBlock as exc:
            self._remember_invalid(header.hash, exc)
            raise

    def _remember_invalid(self, h: bytes, exc: E.InvalidBlock) -> None:
        if len(self._invalid) >= _INVALID_CACHE:
            self._invalid.pop(next(iter(self._invalid)))
        self._invalid[h] = _bare(exc)

    def _import_checked(self, block: Block, parent: Header, data: bytes, t0: float) -> bytes:
        t = self.timings
        header = block.header
        seen = set()
        for i, t_ in enumerate(block.txs):
            h = t_.hash
            if h in seen:
                raise E.BlockTxError(i, E.DuplicateTransaction("the transaction is in the block twice"))
            seen.add(h)
        # Every cheap rule of every transaction before the first signature check, so a
        # block that fails one costs its sender's proof of work, not our CPU.
        intrinsic = 0
        for i, t_ in enumerate(block.txs):
            try:
                check_static(t_, self.params, signature=False)
            except E.InvalidTransaction as exc:
                raise E.BlockTxError(i, exc) from None
            intrinsic += txmod.intrinsic_gas(t_)
        # Each transaction uses at least its intrinsic gas: a block claiming less in
        # all is wrong whatever its execution (Bitcoin's sigop limit plays this role).
        if intrinsic > header.gas_used:
            raise E.BadGasUsed(f"the transactions' intrinsic gas {intrinsic} is over the gas used {header.gas_used}")
        t1 = time.perf_counter()
        for i, t_ in enumerate(block.txs):
            try:
                check_signature(t_, self.signature_cache)
            except E.InvalidTransaction as exc:
                raise E.BlockTxError(i, exc) from None
        t2 = time.perf_counter()
        try:
            ex = Executor(self.state(parent.state_root), self.params, header.height, header.timestamp, header.miner)
            for i, t_ in enumerate(block.txs):
                try:
                    ex.apply(t_, checked_static=True)
                except E.InvalidTransaction as exc:
                    raise E.BlockTxError(i, exc) from None
            t3 = time.perf_counter()
            result = ex.finish()
            receipts_root = merkle_root([r.hash for r in result.receipts])
            t4 = time.perf_counter()
            if result.gas_used != header.gas_used:
                raise E.BadGasUsed(f"header says {header.gas_used}, execution used {result.gas_used}")
            if header.reward != C.BLOCK_REWARD + result.fees:
                raise E.BadReward(f"header says {header.reward}, block reward + fees is {C.BLOCK_REWARD + result.fees}")
            if receipts_root != header.receipts_root:
                raise E.BadReceiptsRoot("receipts root does not match re-execution")
            if result.state_root != header.state_root:
                raise E.BadStateRoot("state root does not match re-execution")
            self._store_block(block, result, data)
            t5 = time.perf_counter()
        except BaseException:
            self.trie.discard_new()
            raise
        if t is not None:
            for k, v in (("decode_and_header", t1 - t0), ("signatures", t2 - t1), ("execution", t3 - t2),
                         ("roots", t4 - t3), ("commit", t5 - t4)):
                t[k] = t.get(k, 0.0) + v
        return header.hash

    def _write_block(self, block: Block, result, work: int, data: bytes | None = None) -> None:
        store = self.store
        h = block.hash
        store.put_block(h, block.header.height, block.header.prev_hash, work, data or block.encode())
        for i, (t_, r) in enumerate(zip(block.txs, result.receipts)):
            store.put_tx_index(t_.hash, h, i)
            store.put_receipt(h, i, r.encode())
        store.put_nodes(self.trie.take_new([result.state_root], account_links))
        store.put_code(sorted(result.new_code.items()))

    def _store_block(self, block: Block, result, data: bytes | None = None, dropped=()) -> None:
        """One database transaction: the block, its receipts, indexes, state nodes, and fork choice.

        `dropped`: pending transactions the miner found invalid, removed in the same transaction.
        """
        store = self.store
        header = block.header
        work = self.work(header.prev_hash) + header.work
        self._pool = None
        store.begin()
        try:
            self._write_block(block, result, work, data)
            store.remove_pending(sorted(dropped))
            if work > self.work(self.head_hash):
                self._switch_head(block.hash, header)
            store.commit()
        except BaseException:
            store.rollback()
            self.trie.discard_new()
            raise

    def _switch_head(self, new_hash: bytes, new_header: Header) -> None:
        """Make new_hash the head: rewrite the canonical index back to the fork point."""
        store = self.store
        old_head = self.head
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
            hd = self.stored_header(h)
        store.truncate_canon(new_header.height)
        store.set_meta("head", new_hash)
        included = set()
        for bh in adopted:
            for t_ in self.block(bh).txs:
                included.add(t_.hash)
        store.remove_pending(sorted(included))
        view = StateView(self.trie, store.get_code, new_header.state_root)
        self._drop_stale_pending(view)
        # Transactions of blocks that left the canonical chain go back to the pool,
        # oldest block first so each sender's nonces stay in order, as far as the
        # pool's bounds allow (a deep reorganisation must not blow the pool up).
        if orphaned:
            pool = _Pool(store.pending(), self._decoded)
            count, size = len(pool.txs), pool.size
            for bh in reversed(orphaned):
                for t_ in self.block(bh).txs:
                    th, data = t_.hash, t_.encode()
                    if th in included or store.has_pending(th) or t_.nonce < view.read_nonce(t_.sender):
                        continue
                    if count >= MAX_PENDING or size + len(data) > MAX_PENDING_BYTES:
                        continue
                    store.add_pending(th, data)
                    count, size = count + 1, size + len(data)

    def _drop_stale_pending(self, view: StateView) -> None:
        """Remove pending transactions whose nonce the state in `view` has already used.

        They can never run (a block from elsewhere spent the nonce), and left in
        the pool they would hold a slot and hide the sender's next nonce; Bitcoin
        Core likewise drops a new block's conflicts from its mempool.
        """
        rows = self.store.pending()
        if not rows:
            return
        stale = [t_.hash for t_ in _Pool(rows, self._decoded).txs if t_.nonce < view.read_nonce(t_.sender)]
        self.store.remove_pending(sorted(stale))

    # --- pending pool ---
    def submit(self, data: bytes) -> bytes:
        """Check a transaction against the head state and keep it as pending (durably) before returning its hash.

        Cheap checks come first (size, format, nonce, pool room, funds), the
        signature last. The checks that read the database
        run inside the write transaction, so another process submitting or
        mining at the same time cannot slip in between. A transaction with the
        nonce of a pending one of its sender replaces it if it pays a gas price
        at least 10% higher (geth's rule).
        """
        t_ = txmod.decode(data)
        check_static(t_, self.params, self.signature_cache, signature=False)
        self.store.begin()
        try:
            replaced = self._admit(t_)
            if replaced is not None:
                self.store.remove_pending([replaced.hash])
                self._pool = None
            self.store.add_pending(t_.hash, t_.encode())
            self.store.commit()
        except BaseException:
            self.store.rollback()
            self._pool = None
            raise
        if self._pool is not None:
            self._pool.add(t_, t_.encode())
        return t_.hash

    def _admit(self, t_):
        """The pool's rules for a new transaction: the pending one it replaces, or None; raises InvalidTransaction."""
        h = t_.hash
        if self.store.has_pending(h) or self.find_tx(h) is not None:
            raise E.DuplicateTransaction(f"transaction {h.hex()} is already known")
        pool = self._pending_pool()
        sender = t_.sender
        queued = pool.by_sender.get(sender, [])
        view = self.state()
        if view.account(sender).code_hash:
            raise E.SenderHasCode(f"the sender {sender} is a contract")
        state_nonce = view.read_nonce(sender)
        expected = self._next_nonce(view, sender)
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
        check_signature(t_, self.signature_cache)
        return replaced

    def _pending_pool(self) -> "_Pool":
        # Reloaded when the pool changed here (None) or another process committed.
        version = self.store.data_version()
        if self._pool is None or self._pool_version != version:
            self._pool = _Pool(self.store.pending(), self._decoded)
            self._decoded = self._pool.by_bytes
            self._pool_version = version
        return self._pool

    def find_pending(self, tx_hash: bytes):
        """The pending transaction with this hash, or None."""
        return next((t_ for t_ in self._pending_pool().txs if t_.hash == tx_hash), None)

    def pending(self) -> list:
        """Pending transactions in arrival order (decoded once, then kept until the pool changes)."""
        return list(self._pending_pool().txs)

    def _next_nonce(self, view: StateView, address: Address) -> int:
        # The head nonce, then past every pending nonce that follows on without a gap.
        # Counting all pending transactions instead would go wrong as soon as one is
        # stale (its nonce spent by a block from elsewhere) or dropped mid-queue.
        nonce = view.read_nonce(address)
        taken = {t_.nonce for t_ in self._pending_pool().by_sender.get(address, ())}
        while nonce in taken:
            nonce += 1
        return nonce

    def next_nonce(self, address) -> int:
        """The nonce the next transaction of `address` should carry (pending ones counted)."""
        return self._next_nonce(self.state(), Address(address))

    # --- mining ---
    def next_timestamp(self, parent: Header) -> int:
        return max(self.clock(), self.median_time_past(parent) + 1)

    def build_block(self, miner, txs=None, timestamp=None):
        """(unsealed Block, BlockResult, dropped tx hashes) on top of the head, from pending or given txs."""
        parent = self.head
        ts = self.next_timestamp(parent) if timestamp is None else timestamp
        ex = Executor(self.state(parent.state_root), self.params, parent.height + 1, ts, miner)
        ex.signature_cache = self.signature_cache
        chosen, dropped = [], []
        # A transaction whose predecessor (same sender, nonce - 1) comes later in
        # the pool waits here and goes in right after it, in this block.
        parked: dict = {}
        size = 256
        source = self.pending() if txs is None else txs
        for first in source:
            if ex.gas_used + C.TX_BASE_GAS > C.BLOCK_GAS_LIMIT:
                break  # the block is full: no transaction fits any more
            todo = [first]
            while todo:
                t_ = todo.pop()
                enc_len = len(t_.encode()) + 8
                if size + enc_len > C.MAX_BLOCK_SIZE:
                    continue  # no room left for this one: it waits for a later block
                try:
                    ex.apply(t_)
                except E.TxGasOverBlockLimit:
                    continue  # stays pending for a later block
                except E.BadNonce:
                    if t_.nonce < ex.nonce(t_.sender):
                        dropped.append(t_.hash)
                    else:
                        parked.setdefault((t_.sender, t_.nonce), t_)
                    continue
                except E.InvalidTransaction:
                    dropped.append(t_.hash)
                    continue
                chosen.append(t_)
                size += enc_len
                follower = parked.pop((t_.sender, t_.nonce + 1), None)
                if follower is not None:
                    todo.append(follower)
        result = ex.finish()
        header = Header(C.HEADER_VERSION, self.params.chain_id, parent.height + 1, self.head_hash, ts,
                        self.expected_target(parent), Address(miner), tx_root(chosen),
                        merkle_root([r.hash for r in result.receipts]), result.state_root, result.gas_used,
                        C.BLOCK_GAS_LIMIT, C.BLOCK_REWARD + result.fees, 0)
        return Block(header, tuple(chosen)), result, dropped

    def mine_block(self, miner, txs=None, timestamp=None) -> Block:
        """Build, seal (proof of work) and store one block on the head; returns it."""
        try:
            block, result, dropped = self.build_block(miner, txs, timestamp)
            sealed = None
            start = 0
            while sealed is None:
                sealed = mine(block.header, start, 1 << 20)
                start += 1 << 20
            block = Block(sealed, block.txs)
            # What we store must decode again: a header field out of its range (a
            # caller's timestamp, a miner) fails here, before anything is written.
            decode_block(block.encode())
        except BaseException:
            self.trie.discard_new()
            raise
        self._store_block(block, result, dropped=dropped)
        return block
