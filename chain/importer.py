"""Block import: every rule checked (cheapest first), then re-execution, then one write with fork choice.

Blocks whose parent is unknown are held a while (orphans); blocks refused for
their own contents are remembered, so sending one again costs a lookup.
"""
from __future__ import annotations

import time

from cachetools import FIFOCache

from . import errors as E
from . import fork, rules
from .block import Block, Header, decode_block, tx_root
from .execute import Executor

# Hashes of blocks refused for their contents (not for their context, such as a
# timestamp still in the future), with the error each was refused with.
_INVALID_CACHE = 1024
# Blocks held while their parent is unknown (orphans), by count and bytes:
# each counts at least 1/_ORPHAN_LIMIT of the byte budget.
_ORPHAN_LIMIT = 64
_ORPHAN_BYTES = 16 * 1024 * 1024


def _bare(exc: E.InvalidBlock) -> E.InvalidBlock:
    """A copy of a refusal with no traceback: a remembered one must not keep the
    frames (a decoded block, an executor's state) it was raised through alive."""
    if isinstance(exc, E.BlockTxError):
        return E.BlockTxError(exc.index, type(exc.tx_error)(exc.tx_error.message))
    return type(exc)(exc.message)


class Importer:
    """Imports blocks into one Chain (chain.core)."""

    def __init__(self, chain):
        self.chain = chain
        self.invalid = FIFOCache(maxsize=_INVALID_CACHE)  # block hash -> the InvalidBlock it was refused with
        floor = _ORPHAN_BYTES // _ORPHAN_LIMIT
        # block hash -> (Block, bytes), waiting for their parent, oldest let go first
        self.orphans = FIFOCache(maxsize=_ORPHAN_BYTES, getsizeof=lambda entry: max(len(entry[1]), floor))

    def import_block(self, data: bytes, check_future: bool = True) -> bytes:
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
        if (h in self.orphans or not block.header.pow_ok() or len(data) > _ORPHAN_BYTES
                or tx_root(block.txs) != block.header.tx_root):
            return
        self.orphans[h] = (block, data)

    def _connect_orphans(self, parent_hash: bytes, check_future: bool) -> None:
        """Import held blocks that were waiting for `parent_hash`, and theirs in turn (arrival order)."""
        ready = [parent_hash]
        while ready and self.orphans:
            parent_hash = ready.pop(0)
            for h in [h for h, (b, _) in self.orphans.items() if b.header.prev_hash == parent_hash]:
                block, data = self.orphans.pop(h)
                try:
                    ready.append(self._import_decoded(block, data, check_future, time.perf_counter()))
                except E.InvalidBlock:
                    pass  # refused (and remembered when it is the block's own fault)

    def check_header(self, header: Header, check_future: bool = True) -> Header:
        """Every header rule that needs no execution; returns the parent."""
        chain = self.chain
        if header.chain_id != chain.params.chain_id:
            raise E.BlockWrongChain(f"block of chain {header.chain_id}, this is chain {chain.params.chain_id}")
        if chain.store.has_block(header.hash):
            raise E.KnownBlock(f"block {header.hash.hex()} is already stored")
        parent = chain.header(header.prev_hash)
        if parent is None:
            raise E.UnknownParent(f"parent {header.prev_hash.hex()} is unknown")
        rules.check_header_on(header, parent, chain.params, chain.blocks.stored_header,
                              chain.clock() if check_future else None)
        return parent

    def _import_decoded(self, block: Block, data: bytes, check_future: bool, t0: float) -> bytes:
        header = block.header
        refused = self.invalid.get(header.hash)
        if refused is not None:
            raise _bare(refused)
        if header.prev_hash in self.invalid and header.pow_ok():
            # A descendant of an invalid block is invalid: refused at once, and
            # remembered in turn so its own descendants are too (only with its
            # proof of work: junk headers must not push real entries out).
            self._remember_invalid(header.hash, E.InvalidParent(f"parent {header.prev_hash.hex()} is invalid"))
            raise _bare(self.invalid[header.hash])
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
        self.invalid[h] = _bare(exc)

    def _import_checked(self, block: Block, parent: Header, data: bytes, t0: float) -> bytes:
        chain = self.chain
        t = chain.timings
        header = block.header
        rules.check_body(block, chain.params)
        t1 = time.perf_counter()
        # Signatures are checked in worker processes while this one executes the block; a bad
        # one is still the refusal whenever execution or the roots fail too, as when
        # every signature was checked first.
        signatures_checked = rules.start_signature_checks(block.txs, chain.signature_cache, chain.signature_workers)
        try:
            failure = None
            try:
                ex = Executor(chain.state(parent.state_root), chain.params, header.height, header.timestamp,
                              header.miner)
                for i, t_ in enumerate(block.txs):
                    try:
                        ex.apply(t_, checked_static=True)
                    except E.InvalidTransaction as exc:
                        raise E.BlockTxError(i, exc) from None
                t2 = time.perf_counter()
                result = ex.finish()
            except E.InvalidBlock as exc:
                failure = exc
            t3 = time.perf_counter()
            signatures_checked()
            if failure is not None:
                raise failure
            t4 = time.perf_counter()
            rules.check_result(header, result)
            fork.store_block(chain, block, result, data)
            t5 = time.perf_counter()
        except BaseException:
            chain.trie.discard_new()
            raise
        if t is not None:  # "signatures": after execution and roots, checking what the workers left
            for k, v in (("decode_and_header", t1 - t0), ("execution", t2 - t1), ("roots", t3 - t2),
                         ("signatures", t4 - t3), ("commit", t5 - t4)):
                t[k] = t.get(k, 0.0) + v
        return header.hash
