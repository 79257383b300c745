"""The consensus rules a transaction, a header and a block body must meet, each with its reason.

Constants live in chain.consensus; the retarget and median-time arithmetic in
chain.block. Everything here only reads: it raises an InvalidTransaction or
InvalidBlock, or returns.
"""
from __future__ import annotations

from cachetools import LRUCache

from . import consensus as C
from . import errors as E
from . import keys, sigcheck
from . import tx as txmod
from .block import Header, median_time, merkle_root, next_target

# Hashes of transactions whose signature has verified (Bitcoin Core's signature
# cache): a transaction checked when submitted is not checked again when mined.
# The hash covers the signed fields, the public key and the signature.
_SIGNATURES_OK = LRUCache(maxsize=100_000)


def clear_signature_cache() -> None:
    _SIGNATURES_OK.clear()


# --- transactions ---------------------------------------------------------

def check_static(tx: txmod.Transaction, params: C.ChainParams, use_cache: bool = True,
                 signature: bool = True) -> None:
    """Every rule a transaction must meet whatever the state: raises an InvalidTransaction.

    The signature, the one costly rule, is checked last (and only with `signature`).
    """
    # A version this build does not know may mean something else: never guess.
    if tx.version != C.TX_VERSION:
        raise E.TxVersionError(f"unknown transaction version {tx.version}")
    # The chain id is signed, so a transaction cannot be replayed on another chain.
    if tx.chain_id != params.chain_id:
        raise E.WrongChainId(f"signed for chain {tx.chain_id}, this is chain {params.chain_id}")
    # A zero price would let anyone fill blocks for free.
    if tx.gas_price < C.MIN_GAS_PRICE:
        raise E.GasPriceTooLow(f"gas price {tx.gas_price} under the minimum {C.MIN_GAS_PRICE}")
    if tx.is_deploy and not tx.data:
        raise E.EmptyDeployment("a deployment must carry code")
    # The intrinsic gas pays for storing and checking the transaction itself.
    intrinsic = txmod.intrinsic_gas(tx)
    if tx.gas_limit < intrinsic:
        raise E.IntrinsicGasTooLow(f"gas limit {tx.gas_limit} under the intrinsic cost {intrinsic}")
    # A transaction that could never fit in a block would sit in every pool forever.
    if tx.gas_limit > C.BLOCK_GAS_LIMIT:
        raise E.TxGasOverBlockLimit(f"gas limit {tx.gas_limit} over the block gas limit {C.BLOCK_GAS_LIMIT}")
    if tx.is_deploy:
        try:
            code, _ = txmod.decode_deploy(tx.data)
        except txmod.CallDataError:
            code = b"-"  # malformed deployment data fails in the receipt, not here
        if not code:
            raise E.EmptyDeployment("a deployment must carry code")
    if signature:
        check_signature(tx, use_cache)


def check_signature(tx: txmod.Transaction, use_cache: bool = True) -> None:
    """The transaction's Ed25519 signature over its signing bytes, remembered when it verifies."""
    if use_cache and tx.hash in _SIGNATURES_OK:
        return
    if not keys.verify(tx.public_key, tx.signing_bytes(), tx.signature):
        raise signature_error(tx)
    if use_cache:
        _SIGNATURES_OK[tx.hash] = True


def signed_here(tx: txmod.Transaction) -> None:
    """Remember as verified a transaction this process has just signed (chain.Devnet's own sends).

    Only for a signature made here by keys.PrivateKey over tx.signing_bytes(), whose public key
    is the one derived from its seed: Ed25519 verification accepts every signature its signer
    makes (RFC 8032; a seed's key is never of small order), so the check would be spent on a
    verdict known in advance. Everything else about the transaction is still checked.
    """
    _SIGNATURES_OK[tx.hash] = True


def check_signatures(txs, use_cache: bool = True, workers: int | None = 1) -> None:
    """check_signature of each transaction, in order, the unchecked ones spread over `workers` processes.

    The same verdict and error as checking one by one: BlockTxError(index of the
    first bad one, BadSignature).
    """
    start_signature_checks(txs, use_cache, workers)()


def start_signature_checks(txs, use_cache: bool = True, workers: int | None = 1):
    """check_signatures begun in worker processes (chain.sigcheck): returns the function that collects the
    verdicts and raises what check_signatures raises, so the caller can work meanwhile."""
    todo = [(i, t_) for i, t_ in enumerate(txs) if not (use_cache and t_.hash in _SIGNATURES_OK)]
    checks = sigcheck.Checks([(t_.public_key, t_.signing_bytes(), t_.signature) for _, t_ in todo], workers)

    def finish() -> None:
        for (i, t_), ok in zip(todo, checks.verdicts()):
            if not ok:
                raise E.BlockTxError(i, signature_error(t_))
            if use_cache:
                _SIGNATURES_OK[t_.hash] = True
    return finish


def signature_error(tx: txmod.Transaction) -> E.BadSignature:
    # A key that can sign for nobody is named as such (keys.public_key_problem).
    problem = keys.public_key_problem(tx.public_key)
    return E.BadSignature("signature does not verify" if problem is None else f"the public key is {problem}")


# --- headers --------------------------------------------------------------

# Timestamps the header rules read: the parent's and its ancestors', newest first.
ANCESTOR_TIMES = max(C.MEDIAN_TIME_SPAN, C.RETARGET_WINDOW + 1)


def ancestor_times(header_of, parent: Header) -> tuple:
    """The timestamps of `parent` and its ancestors, newest first, ANCESTOR_TIMES at most
    (fewer near genesis): all that expected_target and median_time_past read."""
    stamps, h = [], parent
    while h is not None and len(stamps) < ANCESTOR_TIMES:
        stamps.append(h.timestamp)
        h = header_of(h.prev_hash) if h.height > 0 else None
    return tuple(stamps)


def expected_target(header_of, params: C.ChainParams, parent: Header, times: tuple | None = None) -> int:
    """The target a child of `parent` must carry (chain.block.next_target over the window).

    `header_of(hash)` gives a stored header; `times`, when given, is ancestor_times(header_of, parent).
    Averaging over a window of ancestors smooths out luck; the step bound is in next_target.
    """
    if times is None:
        times = ancestor_times(header_of, parent)
    span = min(parent.height, C.RETARGET_WINDOW)  # back to the block at max(0, height - window)
    return next_target(parent.target, parent.timestamp - times[span], span,
                       params.pow_limit, params.block_time, params.hardest_target)


def median_time_past(header_of, parent: Header, times: tuple | None = None) -> int:
    """The median timestamp of `parent` and its ancestors, MEDIAN_TIME_SPAN in all (Bitcoin's rule)."""
    if times is None:
        times = ancestor_times(header_of, parent)
    return median_time(times[:C.MEDIAN_TIME_SPAN])


def check_header_on(header: Header, parent: Header, params: C.ChainParams, header_of, now: int | None,
                    times: tuple | None = None) -> None:
    """Every header rule that needs the parent but no execution; `now` None skips the future-drift rule.
    `times`: ancestor_times(header_of, parent) when the caller has it."""
    # Heights count blocks: a header must say where it stands.
    if header.height != parent.height + 1:
        raise E.BadHeight(f"height {header.height}, parent is at {parent.height}")
    # The work a block claims is only real if its hash meets its target.
    if not header.pow_ok():
        raise E.BadProofOfWork("block hash is above its target")
    if times is None:
        times = ancestor_times(header_of, parent)
    # A miner cannot choose its own difficulty.
    expected = expected_target(header_of, params, parent, times)
    if header.target != expected:
        raise E.BadTarget(f"target {header.target:#x}, the retarget rule gives {expected:#x}")
    # One lying miner cannot drag time backwards.
    mtp = median_time_past(header_of, parent, times)
    if header.timestamp <= mtp:
        raise E.TimestampTooOld(f"timestamp {header.timestamp} not above the median {mtp} of the last 11")
    # Nor forward past what honest clocks allow (it would ease the retarget).
    if now is not None:
        limit = now + C.MAX_FUTURE_DRIFT
        if header.timestamp > limit:
            raise E.TimestampTooNew(f"timestamp {header.timestamp} is over {limit}")
    # Every block has the same gas room: it bounds a block's execution time for every node.
    if header.gas_limit != C.BLOCK_GAS_LIMIT:
        raise E.BadGasLimit(f"gas limit {header.gas_limit}, the chain's is {C.BLOCK_GAS_LIMIT}")
    if header.gas_used > header.gas_limit:
        raise E.BlockGasExceeded(f"gas used {header.gas_used} over the gas limit {header.gas_limit}")


# --- block bodies ---------------------------------------------------------

def check_body(block, params: C.ChainParams) -> None:
    """The body rules that need no state and no signature check (cheap: run before any signature)."""
    header = block.header
    # A transaction runs once: a second copy would fail its nonce, so the block is wrong.
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
            check_static(t_, params, signature=False)
        except E.InvalidTransaction as exc:
            raise E.BlockTxError(i, exc) from None
        intrinsic += txmod.intrinsic_gas(t_)
    # Each transaction uses at least its intrinsic gas: a block claiming less in
    # all is wrong whatever its execution (Bitcoin's sigop limit plays this role).
    if intrinsic > header.gas_used:
        raise E.BadGasUsed(f"the transactions' intrinsic gas {intrinsic} is over the gas used {header.gas_used}")


def check_result(header: Header, result) -> None:
    """Re-execution must reproduce what the header claims: a block is valid exactly when it does."""
    if result.gas_used != header.gas_used:
        raise E.BadGasUsed(f"header says {header.gas_used}, execution used {result.gas_used}")
    # The miner mints the fixed reward plus the fees, not a coin more.
    if header.reward != C.BLOCK_REWARD + result.fees:
        raise E.BadReward(f"header says {header.reward}, block reward + fees is {C.BLOCK_REWARD + result.fees}")
    if merkle_root([r.hash for r in result.receipts]) != header.receipts_root:
        raise E.BadReceiptsRoot("receipts root does not match re-execution")
    if result.state_root != header.state_root:
        raise E.BadStateRoot("state root does not match re-execution")
