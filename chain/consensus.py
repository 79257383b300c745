"""Every consensus constant of the Obelisk chain, in one place, each with its reason.

Changing any value here changes which blocks are valid: it is a fork, and the
format versions below must move with it.
"""
from __future__ import annotations

from dataclasses import dataclass

# --- format versions ------------------------------------------------------
# Every hashed or stored array starts with its format version, so a later
# format can be told apart from this one instead of misread.
TX_VERSION = 1
HEADER_VERSION = 1
BLOCK_VERSION = 1
RECEIPT_VERSION = 1
ACCOUNT_VERSION = 1
# The SQLite layout; a data directory of another layout is refused, not migrated.
# 2: same layout, but its blocks execute under the VM's code-loading gas of
# CODE_ACCESS + 1 a byte (vm/gas.py); a version-1 directory holds receipts and
# state roots of the older 8 + 12 a byte schedule, so it is refused clearly
# rather than failing `obelisk verify` on its first contract call.
STORE_VERSION = 2

# --- identity -------------------------------------------------------------
# Chain id of the dev chain (anvil's and geth --dev's choice): it is inside
# every signed transaction, so a dev signature is worthless on any other chain.
DEV_CHAIN_ID = 1337
# Domain tag in front of signed transaction bytes, so a transaction signature
# can never be replayed as a signature over any other kind of message.
TX_SIGN_DOMAIN = b"obelisk/tx/v1\x00"
# Dev accounts: SHA-256(DEV_SEED || index as 4 big-endian bytes) is the
# Ed25519 seed of account `index`. Fixed and public, like anvil's mnemonic,
# so scripts and docs can name the same funded accounts on every dev chain.
DEV_SEED = b"obelisk dev chain: test test test test test test test test test test test junk"
DEV_ACCOUNT_COUNT = 10
# Each dev account's genesis balance: plenty for any test, far from overflow.
DEV_ACCOUNT_BALANCE = 10**24
# Genesis timestamp of the dev chain (2023-11-14T22:13:20Z): fixed, so every
# new dev chain has the same genesis hash.
DEV_GENESIS_TIMESTAMP = 1_700_000_000
# Where the dev network's genesis puts the compute market's code (a predeploy,
# like an OP-stack system contract): fixed and public, so `obelisk job` and
# `obelisk worker` find the market on every dev chain without being told. The
# code is the committed artifact chain/predeploys/compute_market.code (its init
# function is empty, so placing the code is the same as deploying it).
DEV_MARKET_ADDRESS = bytes.fromhex("000000000000000000000000000000000000c0de")

# --- issuance and gas -----------------------------------------------------
# New coin for the miner of each block; with fees it is the header's reward.
BLOCK_REWARD = 2 * 10**18
# Gas one block may use: bounds a block's execution time for every node.
BLOCK_GAS_LIMIT = 30_000_000
# Gas every transaction pays before any code runs: covers the signature
# check, the nonce and balance updates and the receipt.
TX_BASE_GAS = 2_000
# Extra intrinsic gas of a deployment: code validation and a new account.
DEPLOY_BASE_GAS = 10_000
# Intrinsic gas per byte of transaction data: every node stores and hashes it.
TX_DATA_BYTE_GAS = 8
# Gas price floor: a zero price would let anyone fill blocks for free.
MIN_GAS_PRICE = 1
# Largest nonce, gas limit and gas price (msgpack's native uint range), and
# the largest value or balance: keeps every amount a plain bounded integer.
MAX_U64 = 2**64 - 1
MAX_AMOUNT = 2**255 - 1
# A transaction's nonce stays below 2^64 - 1 (Ethereum's EIP-2681), so the
# sender's nonce after it, nonce + 1, still fits in 64 bits.
MAX_NONCE = MAX_U64 - 1

# --- sizes ----------------------------------------------------------------
# Bytes of one encoded transaction: a code object (256 KiB) plus arguments.
MAX_TX_SIZE = 320 * 1024
# Bytes of one encoded block, checked before decoding anything in it.
MAX_BLOCK_SIZE = 4 * 1024 * 1024
# Bytes of one encoded header (fixed fields only, so small).
MAX_HEADER_SIZE = 512
# Bytes of one encoded receipt (return value, logs, reason). A transaction
# whose receipt would be larger fails ("receipt over the size limit"), so
# every stored receipt stays decodable whatever its logs cost in gas.
MAX_RECEIPT_SIZE = 4 * 1024 * 1024

# --- proof of work and time -----------------------------------------------
# Seconds the retarget rule steers the average block interval toward.
TARGET_BLOCK_TIME = 12
# Blocks whose timestamps the retarget rule averages over: long enough to
# smooth out luck, short enough to follow hash-rate changes.
RETARGET_WINDOW = 10
# The target moves at most by this ratio per block (up or down), so a run of
# forged timestamps can only shift difficulty slowly.
RETARGET_MAX_UP = (4, 3)  # easier: target * 4 / 3 at most
RETARGET_MAX_DOWN = (3, 4)  # harder: target * 3 / 4 at least
# The easiest target the chain allows (proof-of-work limit). On the dev chain
# this is also the genesis target: about 16 hashes a block, so a block takes
# well under a millisecond while the rule is still exercised.
POW_LIMIT = 2**252 - 1
DEV_INITIAL_TARGET = POW_LIMIT
# The dev network's hardest target: its retarget may make blocks harder (fast
# blocks still raise the difficulty, and every node checks it), but only down to
# about 16 thousand hashes a block (~20 ms in Python). Why: a node mining with a
# real clock paces blocks at its own --block-time (2 s by default, any value per
# node), and a retarget can hold only one spacing, which a node flag cannot set
# (nodes with different flags would refuse each other's blocks). With the
# consensus spacing left at the virtual 12 s, every 2 s block made the next one
# 4/3 harder, without end, until blocks took 12 s of hashing. Bounded here, any
# dev miner at any pace mines each block in milliseconds, for hours, and all dev
# nodes agree; the CLI's virtual 12 s blocks never come near the bound, so the
# dev chain's blocks and hashes are unchanged. Like Bitcoin's regtest, the dev
# network's proof of work orders blocks; it does not secure them.
DEV_HARDEST_TARGET = POW_LIMIT >> 10
# A block's timestamp must exceed the median of this many previous blocks'
# timestamps (Bitcoin's rule): one lying miner cannot drag time backwards.
MEDIAN_TIME_SPAN = 11
# Seconds a block's timestamp may run ahead of the node's clock (Bitcoin: 2 h).
MAX_FUTURE_DRIFT = 2 * 60 * 60


@dataclass(frozen=True)
class ChainParams:
    """What makes one chain differ from another: identity and genesis."""

    chain_id: int = DEV_CHAIN_ID
    genesis_timestamp: int = DEV_GENESIS_TIMESTAMP
    initial_target: int = DEV_INITIAL_TARGET
    pow_limit: int = POW_LIMIT
    # (address bytes, balance) pairs funded at genesis.
    allocations: tuple = ()
    # (address bytes, code bytes) pairs whose code genesis holds, storage empty and no
    # init function run (the dev network's compute market; a genesis file's "code").
    code_allocations: tuple = ()
    # Seconds the retarget rule steers the block interval toward.
    block_time: int = TARGET_BLOCK_TIME
    # The hardest target the retarget may reach (1: no bound; the dev network's is DEV_HARDEST_TARGET).
    hardest_target: int = 1
    # The genesis block's previous hash: zero on the dev network. A genesis file puts
    # there the digest of the rules above that no header field holds (chain.genesis),
    # so networks that differ only in them have different genesis hashes and refuse
    # each other at the handshake instead of banning each other's blocks later.
    genesis_parent: bytes = b"\x00" * 32


def work_of(target: int) -> int:
    """Expected hashes to find a block at `target`; fork choice sums these."""
    return (1 << 256) // (target + 1)
