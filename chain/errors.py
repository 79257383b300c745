"""Why a transaction or block is refused: one class and one stable code per rule.

Codes are short kebab-case strings (like Bitcoin Core's reject reasons) that
the CLI and a future RPC can print and match on.
"""
from __future__ import annotations


class ChainError(Exception):
    """Base of every refusal; `code` names the rule that was broken."""

    code = "invalid"

    def __init__(self, message: str = ""):
        super().__init__(message or self.code)
        self.message = message or self.code

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InvalidTransaction(ChainError):
    code = "invalid-tx"


class InvalidBlock(ChainError):
    code = "invalid-block"


def _tx(name, code, doc):
    return type(name, (InvalidTransaction,), {"code": code, "__doc__": doc})


def _blk(name, code, doc):
    return type(name, (InvalidBlock,), {"code": code, "__doc__": doc})


# --- transactions ---
TxEncodingError = _tx("TxEncodingError", "tx-bad-encoding", "Not the canonical encoding of a transaction.")
TxTooLarge = _tx("TxTooLarge", "tx-too-large", "Encoded transaction over MAX_TX_SIZE.")
TxVersionError = _tx("TxVersionError", "tx-bad-version", "Unknown transaction format version.")
WrongChainId = _tx("WrongChainId", "tx-wrong-chain", "Signed for another chain.")
TxFieldError = _tx("TxFieldError", "tx-bad-field", "A field of the wrong type, size or range (negative, too big).")
BadSignature = _tx("BadSignature", "tx-bad-signature", "Signature does not verify against the public key.")
SenderHasCode = _tx("SenderHasCode", "tx-sender-has-code", "The sender's address holds a contract (EIP-3607).")
BadNonce = _tx("BadNonce", "tx-bad-nonce", "Nonce is not the sender's next nonce.")
InsufficientFunds = _tx("InsufficientFunds", "tx-insufficient-funds", "Balance below gas limit * price + value.")
IntrinsicGasTooLow = _tx("IntrinsicGasTooLow", "tx-intrinsic-gas", "Gas limit under the intrinsic cost.")
TxGasOverBlockLimit = _tx("TxGasOverBlockLimit", "tx-gas-over-block-limit", "Gas limit over the block gas limit.")
GasPriceTooLow = _tx("GasPriceTooLow", "tx-gas-price-too-low", "Gas price under MIN_GAS_PRICE.")
EmptyDeployment = _tx("EmptyDeployment", "tx-empty-deploy", "A deployment without code.")
PoolFull = _tx("PoolFull", "tx-pool-full", "The pending pool holds too many transactions (node policy).")
ReplacementUnderpriced = _tx("ReplacementUnderpriced", "tx-replacement-underpriced",
                             "Replaces a pending transaction without paying 10% more gas price (node policy).")
DuplicateTransaction = _tx("DuplicateTransaction", "tx-duplicate", "Already pending or twice in one block.")

# --- blocks ---
BlockEncodingError = _blk("BlockEncodingError", "block-bad-encoding", "Not the canonical encoding of a block.")
BlockTooLarge = _blk("BlockTooLarge", "block-too-large", "Encoded block over MAX_BLOCK_SIZE.")
BlockVersionError = _blk("BlockVersionError", "block-bad-version", "Unknown block or header version.")
BlockWrongChain = _blk("BlockWrongChain", "block-wrong-chain", "Header names another chain id.")
BlockFieldError = _blk("BlockFieldError", "block-bad-field", "A header field of the wrong type, size or range.")
KnownBlock = _blk("KnownBlock", "block-known", "The block is already stored.")
InvalidParent = _blk("InvalidParent", "block-invalid-parent", "The parent was refused as invalid (Bitcoin's bad-prevblk).")
UnknownParent = _blk("UnknownParent", "block-unknown-parent", "Previous hash names no stored block.")
BadHeight = _blk("BadHeight", "block-bad-height", "Height is not the parent's height + 1.")
BadProofOfWork = _blk("BadProofOfWork", "block-high-hash", "Block hash above its target.")
BadTarget = _blk("BadTarget", "block-bad-target", "Target differs from the retarget rule.")
TimestampTooOld = _blk("TimestampTooOld", "block-time-too-old", "Timestamp not above the median of the last 11.")
TimestampTooNew = _blk("TimestampTooNew", "block-time-too-new", "Timestamp too far ahead of the node's clock.")
BadGasLimit = _blk("BadGasLimit", "block-bad-gas-limit", "Header gas limit differs from the consensus value.")
BlockGasExceeded = _blk("BlockGasExceeded", "block-gas-exceeded", "Transactions' gas limits exceed the block's.")
BadTxRoot = _blk("BadTxRoot", "block-bad-tx-root", "Transactions root does not match the transactions.")
BadReceiptsRoot = _blk("BadReceiptsRoot", "block-bad-receipts-root", "Receipts root does not match re-execution.")
BadStateRoot = _blk("BadStateRoot", "block-bad-state-root", "State root does not match re-execution.")
BadGasUsed = _blk("BadGasUsed", "block-bad-gas-used", "Gas used does not match re-execution.")
BadReward = _blk("BadReward", "block-bad-reward", "Reward is not block reward plus fees.")
BadTransactionInBlock = _blk("BadTransactionInBlock", "block-bad-tx", "A transaction in the block is invalid.")


class BlockTxError(InvalidBlock):
    """A block refused because of one of its transactions; `.tx_error` says which rule."""

    def __init__(self, index: int, tx_error: InvalidTransaction):
        super().__init__(f"transaction {index}: {tx_error}")
        self.index = index
        self.tx_error = tx_error
        self.code = f"block-bad-tx/{tx_error.code}"


class VerifyError(ChainError):
    """Stored chain data that does not re-validate."""

    code = "verify-failed"


class StoreError(ChainError):
    """A data directory that cannot be used (other format, other chain)."""

    code = "store-error"


class DatadirInUse(StoreError):
    """A data directory another process holds for writing; `.holder` is {"pid", "kind"} as it recorded."""

    code = "datadir-in-use"

    def __init__(self, message: str = "", holder: dict | None = None):
        super().__init__(message)
        self.holder = holder
