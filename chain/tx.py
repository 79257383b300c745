"""Transactions: the signed, canonical msgpack array and its call data.

  tx = [version, chain_id, nonce, to (20-byte bin | nil = deploy), value,
        gas_limit, gas_price, data (bin), public_key (32-byte bin), signature (64-byte bin)]
The signature covers TX_SIGN_DOMAIN + pack(the first nine fields); the hash
of a transaction is SHA-256 of its whole encoding.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import msgpack

from vm.encoding import EncodingError, Reader, pack, unpack
from vm.values import Address

from . import consensus as C
from . import errors as E
from .keys import PUBLIC_KEY_SIZE, SIGNATURE_SIZE, address_of

# A transaction is one flat array; its data is opaque bin.
N_FIELDS = 10
# Items a transaction array may have before it is refused unread: room for a
# later version's extra fields to be named as such (unknown version).
MAX_FIELDS = 2 * N_FIELDS
# msgpack's one-byte headers of the 10-field transaction array and the 9 signed fields.
_TEN_ITEMS = 0x90 | N_FIELDS
_NINE_ITEMS_HEADER = bytes([0x90 | (N_FIELDS - 1)])
# Transactions read whole by read_plain are at most this long; a longer one is read
# field by field (decode_block's careful path). It also bounds what msgpack builds
# for a crafted "transaction" before the fast path gives up on it.
PLAIN_TX_MAX = 64 * 1024
_FEED = 16 * 1024  # bytes handed to the unpacker at a time
# Call data = [function_name, [args...]]; args may hold structs (arrays).
CALL_DATA_DEPTH = 2 + 16 + 1


# One Address object per address seen lately (bounded; emptied when full). A dict
# finds a key it holds by identity before comparing, and Address compares in
# Python: with the same object for the same sender or contract in every
# transaction, executing a block's transfers looks balances, nonces and storage
# up without a Python-level comparison (measured: 16% of the executor's time).
_ADDRESSES: dict = {}  # 20 bytes -> Address
_SENDERS: dict = {}  # public key -> Address
_INTERN_MAX = 1 << 14


def _interned(table: dict, key: bytes, make) -> Address:
    a = table.get(key)
    if a is None:
        if len(table) >= _INTERN_MAX:
            table.clear()
        a = table[key] = make(key)
    return a


def address(raw: bytes) -> Address:
    """Address(raw), the same object for the same bytes while it is remembered."""
    return _interned(_ADDRESSES, raw, Address)


def sender_of(public_key: bytes) -> Address:
    """keys.address_of(public_key), the same object for the same key while it is remembered."""
    if type(public_key) is not bytes:
        return address_of(public_key)
    return _interned(_SENDERS, public_key, lambda pk: address(bytes(address_of(pk))))


class once:
    """functools.cached_property without the lock Python 3.11 takes on each first read (a cost on
    every transaction imported): the values are pure, so two threads computing one is harmless."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@dataclass(frozen=True)
class Transaction:
    version: int
    chain_id: int
    nonce: int
    to: Address | None
    value: int
    gas_limit: int
    gas_price: int
    data: bytes
    public_key: bytes
    signature: bytes = b""

    # --- encoding ---
    def unsigned_fields(self) -> list:
        to = None if self.to is None else bytes(self.to)
        return [self.version, self.chain_id, self.nonce, to, self.value,
                self.gas_limit, self.gas_price, self.data, self.public_key]

    def signing_bytes(self) -> bytes:
        # pack(first nine fields) is the encoding less its last field, under a
        # nine-item array header: one slice instead of a second encoding.
        encoded, n = self.encoded, len(self.signature)
        if encoded[0] == _TEN_ITEMS and n < 256:
            return C.TX_SIGN_DOMAIN + _NINE_ITEMS_HEADER + encoded[1:len(encoded) - 2 - n]
        return C.TX_SIGN_DOMAIN + pack(self.unsigned_fields())  # pragma: no cover - every transaction fits the above

    def encode(self) -> bytes:
        return self.encoded

    # Cached: a frozen transaction's bytes never change. A decoded transaction
    # gets the bytes it was read from (canonical: the decoder compared them to
    # this encoding), so a block's transactions are never encoded again.
    @once
    def encoded(self) -> bytes:
        return pack(self.unsigned_fields() + [self.signature])

    @once
    def hash(self) -> bytes:
        return hashlib.sha256(self.encoded).digest()

    @once
    def sender(self) -> Address:
        return sender_of(self.public_key)

    @property
    def is_deploy(self) -> bool:
        return self.to is None

    def signed(self, key) -> "Transaction":
        """This transaction with `key`'s public key and signature."""
        fields = self.unsigned_fields()
        fields[-1] = key.public_key
        unsigned = pack(fields)
        signature = key.sign(C.TX_SIGN_DOMAIN + unsigned)
        t = Transaction(self.version, self.chain_id, self.nonce, self.to, self.value, self.gas_limit,
                        self.gas_price, self.data, key.public_key, signature)
        # Its encoding is the signed fields' under a 10-item header, then the signature (as signing_bytes reads it).
        t.__dict__["encoded"] = bytes([_TEN_ITEMS]) + unsigned[1:] + pack(signature)
        return t


def _uint(value, name, limit) -> int:
    if type(value) is not int or not 0 <= value <= limit:
        raise E.TxFieldError(f"{name} must be an integer 0..{limit}, got {value!r}")
    return value


def decode(data: bytes) -> Transaction:
    """Strictly decode one transaction: its size, then its shape (a flat array), before any field is built.

    Checks structure and field ranges; the signature, chain id and account
    rules are checked by chain.rules and chain.execute.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise E.TxEncodingError("a transaction is bytes")
    if len(data) > C.MAX_TX_SIZE:
        raise E.TxTooLarge(f"{len(data)} bytes, over the limit of {C.MAX_TX_SIZE}")
    data = bytes(data)
    plain = read_plain(data, 0, 1)  # a plain transaction read whole; anything else field by field
    if plain is not None and plain[1] == len(data):
        return plain[0][0]
    try:
        reader = Reader(data, max_size=C.MAX_TX_SIZE)
        obj = reader.scalars(MAX_FIELDS, "a transaction")
        reader.end()
    except EncodingError as exc:
        raise E.TxEncodingError(str(exc)) from None
    return from_fields(obj, data)


def from_fields(obj, encoded: bytes | None = None) -> Transaction:
    """A transaction from its decoded fields; `encoded`: the canonical bytes they were read from (Reader.scalars)."""
    if type(obj) is not list or not obj:
        raise E.TxEncodingError("a transaction is a msgpack array")
    if obj[0] != C.TX_VERSION or type(obj[0]) is not int:
        raise E.TxVersionError(f"unknown transaction version {obj[0]!r}")
    if len(obj) != N_FIELDS:
        raise E.TxEncodingError(f"a version {C.TX_VERSION} transaction has {N_FIELDS} fields, got {len(obj)}")
    version, chain_id, nonce, to, value, gas_limit, gas_price, data, public_key, signature = obj
    _uint(chain_id, "chain id", C.MAX_U64)
    _uint(nonce, "nonce", C.MAX_NONCE)
    _uint(value, "value", C.MAX_AMOUNT)
    _uint(gas_limit, "gas limit", C.MAX_U64)
    _uint(gas_price, "gas price", C.MAX_U64)
    if to is not None and (type(to) is not bytes or len(to) != 20):
        raise E.TxFieldError("to must be a 20-byte address or nil")
    if type(data) is not bytes:
        raise E.TxFieldError("data must be bytes")
    if type(public_key) is not bytes or len(public_key) != PUBLIC_KEY_SIZE:
        raise E.TxFieldError(f"public key must be {PUBLIC_KEY_SIZE} bytes")
    if type(signature) is not bytes or len(signature) != SIGNATURE_SIZE:
        raise E.TxFieldError(f"signature must be {SIGNATURE_SIZE} bytes")
    t = Transaction(version, chain_id, nonce, None if to is None else address(to), value,
                    gas_limit, gas_price, data, public_key, signature)
    if encoded is not None:
        t.__dict__["encoded"] = encoded  # what `encoded` would compute, byte for byte
    return t


def read_plain(data: bytes, pos: int, count: int):
    """`count` transactions from data[pos:], each read whole by msgpack's C unpacker: (transactions, end),
    or None as soon as one is not a plain transaction (a 10-field array of this version whose fields
    from_fields takes, canonically encoded, at most PLAIN_TX_MAX bytes).

    What it returns is what reading field by field (Reader.scalars, then from_fields) gives for
    those bytes; on None the caller reads them that way, which names any fault.
    """
    if count and data[pos:pos + 1] != b"\x9a":
        return None
    unpacker = msgpack.Unpacker(raw=False, use_list=True, max_buffer_size=max(1, len(data) - pos),
                                max_array_len=N_FIELDS, max_map_len=0, max_str_len=PLAIN_TX_MAX,
                                max_bin_len=PLAIN_TX_MAX, max_ext_len=PLAIN_TX_MAX)
    base = fed = pos
    txs = []
    try:
        for _ in range(count):
            if data[pos:pos + 1] != b"\x9a":  # the one canonical header of a 10-item array
                return None
            while True:
                try:
                    fields = unpacker.unpack()
                    break
                except msgpack.OutOfData:
                    # More bytes only while this transaction is short enough: what msgpack
                    # builds for one stays bounded by the bytes it was given.
                    if fed >= len(data) or fed - pos > PLAIN_TX_MAX:
                        return None
                    unpacker.feed(data[fed:fed + _FEED])
                    fed = min(len(data), fed + _FEED)
            end = base + unpacker.tell()
            encoded = data[pos:end]
            if end - pos > PLAIN_TX_MAX or pack(fields) != encoded:
                return None
            txs.append(from_fields(fields, encoded))
            pos = end
    except (E.InvalidTransaction, EncodingError, ValueError, TypeError, msgpack.UnpackException):
        return None
    return txs, pos


def intrinsic_gas(tx: Transaction) -> int:
    """Gas charged before any code runs (see chain.consensus)."""
    gas = C.TX_BASE_GAS + C.TX_DATA_BYTE_GAS * len(tx.data)
    if tx.is_deploy:
        gas += C.DEPLOY_BASE_GAS
    return gas


def contract_address(sender: bytes, nonce: int) -> Address:
    """Address of the contract deployed by `sender` at `nonce`: last 20 bytes of SHA-256(pack([sender, nonce]))."""
    return Address(hashlib.sha256(pack([bytes(sender), nonce])).digest()[-20:])


# --- call data -----------------------------------------------------------

class CallDataError(ValueError):
    """Transaction data that is not well-formed call or deployment data."""


def encode_call(function: str, args_wire) -> bytes:
    """Call data: pack([function_name, [args...]]) with args already in wire form."""
    return pack([function, list(args_wire)])


def decode_call(data: bytes):
    """(function_name, [args...]) from call data, or CallDataError."""
    return _decode_pair(data, str, "call data", "[function_name, [args...]]")


def encode_deploy(code: bytes, args_wire) -> bytes:
    """Deployment data: pack([bytecode, [constructor args...]])."""
    return pack([bytes(code), list(args_wire)])


def decode_deploy(data: bytes):
    """(bytecode, [args...]) from deployment data, or CallDataError."""
    return _decode_pair(data, bytes, "deployment data", "[bytecode, [args...]]")


def _decode_pair(data: bytes, head_type: type, what: str, shape: str):
    """[head, [args...]]: call data and deployment data share this shape and its errors."""
    try:
        obj = unpack(data, max_size=C.MAX_TX_SIZE, max_depth=CALL_DATA_DEPTH)
    except EncodingError as exc:
        raise CallDataError(f"bad {what}: {exc}") from None
    if type(obj) is not list or len(obj) != 2 or type(obj[0]) is not head_type or type(obj[1]) is not list:
        raise CallDataError(f"bad {what}: expected {shape}")
    return obj[0], obj[1]
