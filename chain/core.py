"""The chain: one Store and the jobs on it, coordinated (reads, pool, import and fork choice, mining).

The library (Devnet), the CLI and the node's RPC are doors onto this class;
none of them validates, executes or stores anything by itself. Each job lives
in its own module: query (stored blocks), pool, importer and fork, miner, and
rules (the consensus rules).
"""
from __future__ import annotations

import threading
import time

from cachetools import LRUCache

from vm.values import Address

from . import consensus as C
from . import errors as E
from . import fork, logs, rules
from . import miner as mining
from . import tx as txmod
from .block import Block, Header, merkle_root
from .execute import BlockResult
from .importer import Importer
from .pool import Pool
from .query import Blocks
from .state import StateView, commit_changes
from .store import Store, check_format
from .trie import EMPTY_ROOT, Trie

# State views kept by root (Chain.state): the head's, its parent's, a few more;
# each shared while it holds at most this many decoded accounts.
_STATE_VIEWS = 4
_VIEW_ACCOUNTS = 1 << 16


class Chain:
    """One chain in one Store. `clock()` gives the node's time in seconds (for the future-drift rule)."""

    def __init__(self, store: Store, params: C.ChainParams, clock=None):
        self.store = store
        self.params = params
        self._clock = clock or time.time
        self.trie = Trie(store.get_node)
        self.blocks = Blocks(store)
        self.pool = Pool(store, self.blocks)
        self.importer = Importer(self)
        # False re-checks every signature (verify does), else verified ones are remembered.
        self.signature_cache = True
        # Processes a block's signatures are checked across (None: every core; 1: this process only).
        self.signature_workers = None
        # Processes the proof-of-work search is spread over (a node: procpool.cores()); the
        # nonce found is the one a single process finds first.
        self.mining_workers = 1
        self.timings = None  # a dict to accumulate import stage times into (bench), or None
        self._views = LRUCache(maxsize=_STATE_VIEWS)  # state root -> StateView (see state())
        self._views_lock = threading.Lock()
        check_format(store)
        genesis, result = self._genesis()
        stored = store.get_meta("genesis")
        # Only a new data directory is written here (so a reader shares a datadir a node holds).
        if stored is None:
            self._write_genesis(genesis, result)
            stored = store.get_meta("genesis")
        self.trie.discard_new()
        if stored != genesis.hash:
            why = ""
            if params.chain_id == C.DEV_CHAIN_ID and store.get_meta("chain_id") == C.DEV_CHAIN_ID:
                # The dev genesis changes only with the code it holds (the compute market's).
                why = (": a version of Obelisk with another dev genesis made it (the dev genesis holds the "
                       "compute market's code, which changed); start a new data directory")
            raise E.StoreError(f"the data directory holds another chain (genesis differs){why}")
        self.genesis_hash = genesis.hash
        logs.ensure_index(self)  # a data directory from before the events table gets it, once

    def _write_genesis(self, genesis: Block, result) -> None:
        store = self.store
        store.begin()
        try:
            # Read again inside the write transaction: two processes creating one
            # data directory at once write genesis exactly once.
            if store.get_meta("genesis") is None:
                store.set_meta("store_version", C.STORE_VERSION)
                store.set_meta("chain_id", self.params.chain_id)
                store.set_meta("genesis", genesis.hash)
                fork.write_block(self, genesis, result, genesis.header.work)
                self.blocks.set_head(genesis.hash)
                store.set_canon(0, genesis.hash)
            store.commit()
        except BaseException:
            store.rollback()
            self.trie.discard_new()
            raise

    def clock(self) -> int:
        """The node's time in whole seconds (a clock such as time.time gives floats; headers hold ints)."""
        now = self._clock()
        if type(now) is float and now == now and 0 <= now < 2**63:
            return int(now)
        if type(now) is not int or not 0 <= now <= C.MAX_U64:
            raise ValueError(f"the chain's clock gave {now!r}: it must give seconds (an int or float >= 0)")
        return now

    def _genesis(self):
        view = StateView(self.trie, self.store.get_code, EMPTY_ROOT)
        balances = {Address(a): amount for a, amount in self.params.allocations}
        codes = {Address(a): code for a, code in self.params.code_allocations}
        root, code = commit_changes(view, balances, {}, codes, {})
        header = Header(C.HEADER_VERSION, self.params.chain_id, 0, self.params.genesis_parent,
                        self.params.genesis_timestamp,
                        self.params.initial_target, Address(b"\x00" * 20), merkle_root([]), merkle_root([]),
                        root, 0, C.BLOCK_GAS_LIMIT, 0, 0)
        return Block(header, ()), BlockResult([], 0, 0, root, code)

    # --- reading (chain.query) ---
    @property
    def head_hash(self) -> bytes:
        return self.blocks.head_hash

    @property
    def head(self) -> Header:
        return self.blocks.head

    @property
    def height(self) -> int:
        return self.blocks.head.height

    def header(self, h: bytes) -> Header | None:
        return self.blocks.header(h)

    def stored_header(self, h: bytes) -> Header:
        return self.blocks.stored_header(h)

    def block(self, h: bytes) -> Block | None:
        return self.blocks.block(h)

    def block_bytes(self, h: bytes):
        return self.blocks.block_bytes(h)

    def work(self, h: bytes) -> int:
        return self.blocks.work(h)

    def canonical_hash(self, height: int):
        return self.blocks.canonical_hash(height)

    def is_canonical(self, h: bytes) -> bool:
        return self.blocks.is_canonical(h)

    def find_tx(self, tx_hash: bytes):
        """(block hash, index) of a transaction on the canonical chain, or None."""
        return self.blocks.find_tx(tx_hash)

    def state(self, root: bytes | None = None) -> StateView:
        """The read-only state at `root` (None: the head's). A root's contents never change, so the
        view of a recent root is shared: the accounts one reader decoded serve the next (a Devnet
        transaction reads the head state to sign, admit, build and drop stale ones)."""
        root = self.head.state_root if root is None else root
        with self._views_lock:
            view = self._views.get(root)
            # A view that met damage is not shared; nor is one grown large (it keeps every
            # account read through it, and an idle node's head may be read for a long time).
            if view is None or view.failure is not None or view.accounts_held > _VIEW_ACCOUNTS:
                view = self._views[root] = StateView(self.trie, self.store.get_code, root, self.store)
        return view

    # --- consensus rules that look at ancestors (chain.rules) ---
    def expected_target(self, parent: Header) -> int:
        return rules.expected_target(self.blocks.stored_header, self.params, parent, self.blocks.ancestor_times(parent))

    def median_time_past(self, parent: Header) -> int:
        return rules.median_time_past(self.blocks.stored_header, parent, self.blocks.ancestor_times(parent))

    # --- import (chain.importer, chain.fork) ---
    def check_header(self, header: Header, check_future: bool = True) -> Header:
        """Every header rule that needs no execution; returns the parent."""
        return self.importer.check_header(header, check_future)

    def import_block(self, data: bytes, check_future: bool = True) -> bytes:
        """Validate and store a block; returns its hash. Raises an InvalidBlock and stores nothing.

        A block whose parent is unknown is refused (UnknownParent) but held in
        memory, a bounded few, as Bitcoin Core holds orphan blocks: once its
        parent is imported, it is imported too.
        """
        return self.importer.import_block(data, check_future)

    # --- pending pool (chain.pool) ---
    def submit(self, data: bytes) -> bytes:
        """Check a transaction against the head state and keep it as pending (durably) before returning its hash.

        Cheap checks come first (size, format, nonce, pool room, funds), the
        signature last. The checks that read the database
        run inside the write transaction, so another process submitting or
        mining at the same time cannot slip in between. A transaction with the
        nonce of a pending one of its sender replaces it if it pays a gas price
        at least 10% higher (geth's rule).
        """
        t_ = self._decoded(data)
        return self._admit(lambda view: t_)

    def submit_next(self, sender, build) -> bytes:
        """Submit `build(nonce)` (a signed transaction's bytes) carrying `sender`'s next nonce; returns its hash.

        The nonce is chosen inside the write transaction that admits the
        transaction, so parallel submitters from one account (sixty CLI
        processes, an RPC server's threads) each get their own.
        """
        return self._admit(self._next_nonce_tx(sender, build))

    def submit_and_mine(self, data, miner) -> tuple:
        """submit(data) and mine_block(miner) in one write transaction (chain.miner.admit_and_mine):
        (the transaction, the Block mined, its BlockResult); the transaction waits pending if the block
        had no room for it. `data`: its bytes or a Transaction (and `build` of submit_next_and_mine
        may give either)."""
        t_ = self._decoded(data)
        return mining.admit_and_mine(self, miner, lambda view: t_, self.mining_workers)

    def submit_next_and_mine(self, sender, build, miner) -> tuple:
        """submit_next(sender, build) and mine_block(miner) in one write transaction, as submit_and_mine."""
        return mining.admit_and_mine(self, miner, self._next_nonce_tx(sender, build), self.mining_workers)

    def _decoded(self, data):
        """The transaction in `data` (bytes, or a Transaction object: see below), static rules checked.

        A Transaction object (a Devnet's, made here) is held to what decoding its bytes checks
        without parsing them again: its encoding is its fields packed, so when txmod.from_fields
        (decode's own field rules) takes those fields as they are, decoding the bytes would give
        the same transaction; anything else (an oversized one, a field of another type) is decoded,
        which names the fault as for bytes."""
        t_ = None
        if isinstance(data, txmod.Transaction):
            built, data = data, data.encode()
            if len(data) <= C.MAX_TX_SIZE:
                try:
                    t_ = txmod.from_fields(built.unsigned_fields() + [built.signature], data)
                except E.InvalidTransaction:
                    pass
        if t_ is None:
            t_ = txmod.decode(data)
        rules.check_static(t_, self.params, self.signature_cache, signature=False)
        return t_

    def _next_nonce_tx(self, sender, build):
        """make(view) for _admit: `build`'s transaction with `sender`'s next nonce on `view`, pending ones counted."""
        sender = Address(sender)
        return lambda view: self._decoded(build(self.pool.next_nonce(view, sender)))

    def submit_many(self, datas) -> list:
        """Admit several transactions in one write transaction (one disk sync for all, so a node
        admits a burst from many clients and peers at the pace of memory, not of fsync).

        Each item is judged as submit() would judge it after the ones before it;
        the answer has, per item, its hash or the InvalidTransaction that refused
        that item alone (nothing of it written).
        """
        out = []
        self.store.begin()
        try:
            for data in datas:
                try:
                    t_ = self._decoded(data)
                    self.pool.add(t_, self.state(), self.signature_cache)
                except E.InvalidTransaction as exc:
                    out.append(exc)
                    continue
                self.pool.added(t_)  # the next item sees this one (same sender's next nonce)
                out.append(t_.hash)
            self.store.commit()
        except BaseException:
            self.store.rollback()
            self.pool.invalidate()
            raise
        return out

    def _admit(self, make) -> bytes:
        # One write transaction: read the head state, decide, write.
        self.store.begin()
        try:
            view = self.state()
            t_ = make(view)
            self.pool.add(t_, view, self.signature_cache)
            self.store.commit()
        except BaseException:
            self.store.rollback()
            self.pool.invalidate()
            raise
        self.pool.added(t_)
        return t_.hash

    def find_pending(self, tx_hash: bytes):
        """The pending transaction with this hash, or None."""
        return self.pool.find(tx_hash)

    def pending(self) -> list:
        """Pending transactions in arrival order (decoded once, then kept until the pool changes)."""
        return self.pool.pending()

    def next_nonce(self, address) -> int:
        """The nonce the next transaction of `address` should carry (pending ones counted)."""
        return self.pool.next_nonce(self.state(), Address(address))

    # --- mining (chain.miner) ---
    def next_timestamp(self, parent: Header) -> int:
        return mining.next_timestamp(self, parent)

    def build_block(self, miner, txs=None, timestamp=None):
        """(unsealed Block, BlockResult, dropped tx hashes) on top of the head, from pending or given txs."""
        return mining.build_block(self, miner, txs, timestamp)

    def mine_block(self, miner, txs=None, timestamp=None) -> Block:
        """Build, seal (proof of work, over `mining_workers` processes) and store one block on the head."""
        return mining.mine_block(self, miner, txs, timestamp, self.mining_workers)
