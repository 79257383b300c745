"""Headers, blocks, receipts: canonical arrays, hashes, Merkle roots, proof of work.

  header  = [version, chain_id, height, prev_hash, timestamp, target (32-byte bin),
             miner (20-byte bin), tx_root, receipts_root, state_root, gas_used,
             gas_limit, reward, nonce (8-byte bin)]
  block   = [version, header, [tx, ...]]
  receipt = [version, status, value, gas_used, [[address, event, [field values]]...],
             reason | nil, location | nil, created contract | nil]
The nonce is last and fixed-width so a miner hashes the rest once (midstate).
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, replace

import msgpack

from vm.encoding import EncodingError, Reader, pack, unpack
from vm.values import Address

from . import consensus as C
from . import errors as E
from . import tx as txmod
from .tx import once

HASH_SIZE = 32
NONCE_SIZE = 8
ZERO_HASH = b"\x00" * HASH_SIZE
HEADER_FIELDS = 14
# A block's encoding starts with a 3-item array header and its version.
_BLOCK_HEAD = b"\x93" + pack(C.BLOCK_VERSION)
_PACKER = msgpack.Packer()
# receipt -> logs -> log -> values -> struct nesting (VM's MAX_VALUE_DEPTH).
RECEIPT_DEPTH = 4 + 17


def sha256d(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def merkle_root(hashes) -> bytes:
    """Binary Merkle root with domain-separated leaves and nodes; an odd node moves up as is.

    Promoting (not duplicating) the odd node avoids Bitcoin's CVE-2012-2459,
    where two different lists shared a root. The empty list's root is 32 zeros.
    """
    level = [hashlib.sha256(b"\x00" + h).digest() for h in hashes]
    if not level:
        return ZERO_HASH
    while len(level) > 1:
        nxt = [hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]


@dataclass(frozen=True)
class Header:
    version: int
    chain_id: int
    height: int
    prev_hash: bytes
    timestamp: int
    target: int
    miner: Address
    tx_root: bytes
    receipts_root: bytes
    state_root: bytes
    gas_used: int
    gas_limit: int
    reward: int
    nonce: int = 0

    def fields(self) -> list:
        return [self.version, self.chain_id, self.height, self.prev_hash, self.timestamp,
                self.target.to_bytes(HASH_SIZE, "big"), bytes(self.miner), self.tx_root,
                self.receipts_root, self.state_root, self.gas_used, self.gas_limit, self.reward,
                self.nonce.to_bytes(NONCE_SIZE, "big")]

    def encode(self) -> bytes:
        return pack(self.fields())

    @once
    def hash(self) -> bytes:
        return sha256d(self.encode())

    @property
    def work(self) -> int:
        return C.work_of(self.target)

    def pow_ok(self) -> bool:
        return int.from_bytes(self.hash, "big") <= self.target

    def mining_prefix(self) -> bytes:
        """The encoding up to (not including) the 8 nonce bytes, which always come last."""
        return self.encode()[:-NONCE_SIZE]


def _need_uint(v, name, limit=C.MAX_U64):
    if type(v) is not int or not 0 <= v <= limit:
        raise E.BlockFieldError(f"{name} must be an integer 0..{limit}")
    return v


def _need_bin(v, name, size):
    if type(v) is not bytes or len(v) != size:
        raise E.BlockFieldError(f"{name} must be {size} bytes")
    return v


def header_from_fields(obj) -> Header:
    if type(obj) is not list or not obj:
        raise E.BlockEncodingError("a header is a msgpack array")
    if type(obj[0]) is not int or obj[0] != C.HEADER_VERSION:
        raise E.BlockVersionError(f"unknown header version {obj[0]!r}")
    if len(obj) != HEADER_FIELDS:
        raise E.BlockEncodingError(f"a header has {HEADER_FIELDS} fields, got {len(obj)}")
    (version, chain_id, height, prev, ts, target, miner, tx_root, receipts_root, state_root,
     gas_used, gas_limit, reward, nonce) = obj
    _need_uint(chain_id, "chain id")
    _need_uint(height, "height")
    _need_bin(prev, "previous hash", HASH_SIZE)
    _need_uint(ts, "timestamp")
    _need_bin(target, "target", HASH_SIZE)
    _need_bin(miner, "miner", 20)
    for name, root in (("transactions root", tx_root), ("receipts root", receipts_root), ("state root", state_root)):
        _need_bin(root, name, HASH_SIZE)
    _need_uint(gas_used, "gas used")
    _need_uint(gas_limit, "gas limit")
    _need_uint(reward, "reward", C.MAX_AMOUNT)
    _need_bin(nonce, "nonce", NONCE_SIZE)
    return Header(version, chain_id, height, prev, ts, int.from_bytes(target, "big"), Address(miner),
                  tx_root, receipts_root, state_root, gas_used, gas_limit, reward,
                  int.from_bytes(nonce, "big"))


def decode_header(data: bytes) -> Header:
    if len(data) > C.MAX_HEADER_SIZE:
        raise E.BlockTooLarge("header over its size limit")
    try:
        obj = unpack(data, max_size=C.MAX_HEADER_SIZE, max_depth=1)
    except EncodingError as exc:
        raise E.BlockEncodingError(str(exc)) from None
    return header_from_fields(obj)


@dataclass(frozen=True)
class Block:
    header: Header
    txs: tuple  # (Transaction, ...)

    def encode(self) -> bytes:
        # pack([version, header fields, [tx fields...]]), with each transaction's bytes as already encoded.
        return (_BLOCK_HEAD + pack(self.header.fields()) + _PACKER.pack_array_header(len(self.txs))
                + b"".join(t.encoded for t in self.txs))

    @property
    def hash(self) -> bytes:
        return self.header.hash


def decode_block(data: bytes) -> Block:
    """Strictly decode a block; transactions are checked structurally (not signatures).

    The size first, then the shape as it is read (an array of three; a header of
    scalars; transactions each a flat array, checked one by one),
    so junk is refused before anything large is built.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise E.BlockEncodingError("a block is bytes")
    if len(data) > C.MAX_BLOCK_SIZE:
        raise E.BlockTooLarge(f"{len(data)} bytes, over the limit of {C.MAX_BLOCK_SIZE}")
    try:
        reader = Reader(data, max_size=C.MAX_BLOCK_SIZE, max_len=C.MAX_TX_SIZE)
        if not reader.at_array():
            raise E.BlockEncodingError("a block is a msgpack array")
        n = reader.array("a block")
        if n == 0:
            raise E.BlockEncodingError("a block is a msgpack array")
        version = reader.scalar("a block's version")
        if type(version) is not int or version != C.BLOCK_VERSION:
            raise E.BlockVersionError(f"unknown block version {version!r}")
        if n != 3:
            raise E.BlockEncodingError("a block is [version, header, [transactions]]")
        header = header_from_fields(reader.scalars(2 * HEADER_FIELDS, "a header"))
        if not reader.at_array():
            raise E.BlockEncodingError("a block is [version, header, [transactions]]")
        count = reader.array("the transactions")
        # Plain transactions are read whole (msgpack's C unpacker); anything else, field by field.
        plain = txmod.read_plain(reader.data, reader.tell(), count)
        if plain is not None and plain[1] == len(reader.data):
            return Block(header, tuple(plain[0]))
        txs = []
        # Each transaction is checked as it is read: junk stops at the first one.
        for i in range(count):
            start = reader.tell()
            fields = reader.scalars(txmod.MAX_FIELDS, "a transaction")
            try:
                t = txmod.from_fields(fields, reader.data[start:reader.tell()])
                if reader.tell() - start > C.MAX_TX_SIZE:
                    raise E.TxTooLarge("transaction over its size limit")
            except E.InvalidTransaction as exc:
                raise E.BlockTxError(i, exc) from None
            txs.append(t)
        reader.end()
    except EncodingError as exc:
        raise E.BlockEncodingError(str(exc)) from None
    return Block(header, tuple(txs))


def tx_root(txs) -> bytes:
    return merkle_root([t.hash for t in txs])


# --- proof of work --------------------------------------------------------

def mine(header: Header, start: int = 0, count: int = 1 << 64) -> Header | None:
    """Search nonces start..start+count-1; the header with the first that meets its target, or None.

    SHA-256 of the fixed prefix is computed once and copied per nonce, so each
    try hashes only the 8 nonce bytes plus the second SHA-256.
    """
    base = hashlib.sha256(header.mining_prefix())
    target = header.target.to_bytes(HASH_SIZE, "big")
    sha256 = hashlib.sha256
    pack_nonce = struct.Struct(">Q").pack
    end = min(start + count, 1 << 64)
    for nonce in range(start, end):
        h = base.copy()
        h.update(pack_nonce(nonce))
        # Big-endian digests compare as bytes exactly as they do as integers.
        if sha256(h.digest()).digest() <= target:
            return replace(header, nonce=nonce)
    return None


def median_time(timestamps) -> int:
    """Median of up to MEDIAN_TIME_SPAN earlier timestamps (the lower middle for an even count)."""
    s = sorted(timestamps)
    return s[(len(s) - 1) // 2]


def next_target(parent_target: int, span_seconds: int, span_blocks: int, pow_limit: int,
                block_time: int = C.TARGET_BLOCK_TIME, hardest: int = 1) -> int:
    """The retarget rule: scale the parent's target by actual / expected time, bounded per block.

    `span_seconds` is the time the last `span_blocks` blocks took (timestamp
    difference). A chain whose blocks come exactly `block_time` apart keeps
    its target; no target goes above `pow_limit` or below `hardest`.
    """
    if span_blocks <= 0:
        return parent_target
    expected = span_blocks * block_time
    lo = expected * C.RETARGET_MAX_DOWN[0] // C.RETARGET_MAX_DOWN[1]
    hi = expected * C.RETARGET_MAX_UP[0] // C.RETARGET_MAX_UP[1]
    actual = min(max(span_seconds, lo), hi)
    return max(1, hardest, min(parent_target * actual // expected, pow_limit))


# --- receipts -------------------------------------------------------------

@dataclass(frozen=True)
class RawReceipt:
    """A receipt as consensus stores it: values in wire form (see vm.values.to_wire)."""

    status: bool
    value: object
    gas_used: int
    logs: tuple  # ((address, event name, (field values...)), ...)
    reason: str | None = None
    location: str | None = None
    contract: Address | None = None

    def fields(self) -> list:
        return [C.RECEIPT_VERSION, self.status, self.value, self.gas_used,
                [[bytes(a), n, list(v)] for a, n, v in self.logs], self.reason, self.location,
                None if self.contract is None else bytes(self.contract)]

    def encode(self) -> bytes:
        return self.encoded

    @once
    def encoded(self) -> bytes:  # cached: hashed for the receipts root, then stored
        return pack(self.fields())

    @property
    def hash(self) -> bytes:
        return hashlib.sha256(self.encoded).digest()


def decode_receipt(data: bytes) -> RawReceipt:
    try:
        obj = unpack(data, max_size=C.MAX_RECEIPT_SIZE, max_depth=RECEIPT_DEPTH)
    except EncodingError as exc:
        raise E.BlockEncodingError(f"receipt: {exc}") from None
    if type(obj) is not list or len(obj) != 8 or type(obj[0]) is not int or obj[0] != C.RECEIPT_VERSION:
        raise E.BlockEncodingError("receipt: not a version 1 receipt")
    _, status, value, gas_used, logs, reason, location, contract = obj
    if (type(status) is not bool or type(gas_used) is not int or not 0 <= gas_used <= C.MAX_U64
            or type(logs) is not list or (reason is not None and type(reason) is not str)
            or (location is not None and type(location) is not str)):
        raise E.BlockEncodingError("receipt: bad field")
    out = []
    for log in logs:
        if type(log) is not list or len(log) != 3 or type(log[0]) is not bytes or len(log[0]) != 20 \
                or type(log[1]) is not str or type(log[2]) is not list:
            raise E.BlockEncodingError("receipt: bad log")
        out.append((Address(log[0]), log[1], tuple(log[2])))
    if contract is not None and (type(contract) is not bytes or len(contract) != 20):
        raise E.BlockEncodingError("receipt: bad contract address")
    return RawReceipt(status, value, gas_used, tuple(out), reason, location,
                      None if contract is None else Address(contract))
