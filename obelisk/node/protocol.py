"""The peer wire protocol: each message a canonical msgpack array `[type, ...]` with its own size bound.

The size bound of a message type is checked from the first two bytes, before
anything is decoded; decoding is the chain's strict canonical msgpack (re-encode
and compare). Everything malformed raises ProtocolError and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass

from chain import consensus as C
from vm.encoding import EncodingError, pack, unpack

PROTOCOL_VERSION = 1
# Domain tag in front of a handshake signature: a node key's signature can never
# be replayed as a transaction signature, nor the other way round.
HELLO_SIGN_DOMAIN = b"obelisk/p2p/hello/v1\x00"
CHALLENGE_SIZE = 32
HASH = 32

# How many items one message may carry (and so how much one request can ask for).
MAX_INV = 1024          # hashes in one announcement or transaction request
MAX_HEADERS = 2000      # headers in one answer (Bitcoin's limit)
MAX_LOCATOR = 64        # hashes in a block locator
MAX_BLOCKS = 32         # blocks in one request/answer
MAX_BLOCKS_BYTES = C.MAX_BLOCK_SIZE  # ... and their bytes: an answer stops adding blocks past this
MAX_TXS_BYTES = 2 * 1024 * 1024     # bytes of transactions in one answer
ITEM_HEAD = 5           # msgpack head of one byte string in a list (bin 32)
MAX_ADDRS = 64
MAX_ADDR_LEN = 128

HELLO, AUTH, STATUS, INV_TX, GET_TX, TXS, INV_BLOCK, GET_HEADERS, HEADERS, GET_BLOCKS, BLOCKS, GET_ADDR, ADDR = range(13)
NAMES = ["hello", "auth", "status", "inv_tx", "get_tx", "txs", "inv_block", "get_headers", "headers",
         "get_blocks", "blocks", "get_addr", "addr"]
# Blobs by hash (sealed compute inputs and results): announce, ask for one, the answer ([] when not held).
INV_BLOB, GET_BLOB, BLOB = 13, 14, 15
NAMES += ["inv_blob", "get_blob", "blob"]
MAX_INV_BLOB = 256                  # hashes in one blob announcement
MAX_BLOB = 512 * 1024               # bytes of one blob on the wire (the store's own limit is at most this)

# Bytes each message type may take, checked before decoding.
MAX_SIZE = {
    HELLO: 512, AUTH: 128, STATUS: 256,
    INV_TX: 64 + MAX_INV * (HASH + 2), GET_TX: 64 + MAX_INV * (HASH + 2),
    TXS: 64 + MAX_INV * ITEM_HEAD + MAX_TXS_BYTES,
    INV_BLOCK: 128,
    GET_HEADERS: 64 + MAX_LOCATOR * (HASH + 2),
    HEADERS: 64 + MAX_HEADERS * (C.MAX_HEADER_SIZE + 3),
    GET_BLOCKS: 64 + MAX_BLOCKS * (HASH + 2),
    # An answer holds at most MAX_BLOCKS_BYTES, or one block when a single block is larger.
    BLOCKS: 64 + MAX_BLOCKS * ITEM_HEAD + max(MAX_BLOCKS_BYTES, C.MAX_BLOCK_SIZE),
    GET_ADDR: 16, ADDR: 64 + MAX_ADDRS * (MAX_ADDR_LEN + 2),
    INV_BLOB: 64 + MAX_INV_BLOB * (HASH + 2), GET_BLOB: 64 + HASH, BLOB: 64 + MAX_BLOB,
}
# The largest message (a full block, ~4 MiB, as Bitcoin's 4 MB): the transport's frame limit is tied to it,
# so what one link can make the node buffer is bounded by it.
MAX_MESSAGE = max(MAX_SIZE.values())


class ProtocolError(ValueError):
    """A message that is not one of ours: malformed, non-canonical, of an unknown type or over its bound.

    `oversized` tells a size violation (which costs a peer more) from other faults.
    """

    def __init__(self, message: str, oversized: bool = False):
        super().__init__(message)
        self.oversized = oversized


@dataclass(frozen=True)
class Hello:
    version: int
    chain_id: int
    genesis: bytes
    head: bytes
    height: int
    work: int
    node_id: bytes      # Ed25519 public key
    challenge: bytes    # fresh random bytes the other side must sign
    listen_port: int    # 0 when the node accepts no connections


def _uint(v, what, limit=C.MAX_U64):
    if type(v) is not int or not 0 <= v <= limit:
        raise ProtocolError(f"{what}: an integer 0..{limit} expected")
    return v


def _bin(v, what, size):
    if type(v) is not bytes or len(v) != size:
        raise ProtocolError(f"{what}: {size} bytes expected")
    return v


def _list(v, what, limit):
    if type(v) is not list:
        raise ProtocolError(f"{what}: a list expected")
    if len(v) > limit:
        raise ProtocolError(f"{what}: {len(v)} items, over the limit of {limit}", oversized=True)
    return v


def _hashes(v, what, limit):
    return [_bin(h, what, HASH) for h in _list(v, what, limit)]


def _blobs(v, what, limit, size):
    out = []
    for b in _list(v, what, limit):
        if type(b) is not bytes or not b:
            raise ProtocolError(f"{what}: byte strings expected")
        if len(b) > size:
            raise ProtocolError(f"{what}: an item of {len(b)} bytes, over {size}", oversized=True)
        out.append(b)
    return out


def _addr(v):
    if type(v) is not str or not 0 < len(v) <= MAX_ADDR_LEN or ":" not in v:
        raise ProtocolError("addr: HOST:PORT strings expected")
    host, _, port = v.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536 or not v.isascii() or not v.isprintable():
        raise ProtocolError("addr: HOST:PORT strings expected")
    return v


# Each type: (arity after the type, field checker returning the decoded fields).
def _check(kind: int, f: list):
    if kind == HELLO:
        return Hello(_uint(f[0], "version"), _uint(f[1], "chain id"), _bin(f[2], "genesis", HASH),
                     _bin(f[3], "head", HASH), _uint(f[4], "height"), _uint(f[5], "work", 2**256),
                     _bin(f[6], "node id", 32), _bin(f[7], "challenge", CHALLENGE_SIZE),
                     _uint(f[8], "listen port", 65535))
    if kind == AUTH:
        return (_bin(f[0], "signature", 64),)
    if kind == STATUS:
        return (_bin(f[0], "head", HASH), _uint(f[1], "height"), _uint(f[2], "work", 2**256))
    if kind == INV_TX:
        return (_hashes(f[0], "inv_tx", MAX_INV),)
    if kind == GET_TX:
        return (_uint(f[0], "request id"), _hashes(f[1], "get_tx", MAX_INV))
    if kind == TXS:
        return (_uint(f[0], "request id"), _blobs(f[1], "txs", MAX_INV, C.MAX_TX_SIZE))
    if kind == INV_BLOCK:
        return (_bin(f[0], "block hash", HASH), _uint(f[1], "height"), _uint(f[2], "work", 2**256))
    if kind == GET_HEADERS:
        return (_uint(f[0], "request id"), _hashes(f[1], "locator", MAX_LOCATOR), _uint(f[2], "limit", MAX_HEADERS))
    if kind == HEADERS:
        return (_uint(f[0], "request id"), _blobs(f[1], "headers", MAX_HEADERS, C.MAX_HEADER_SIZE))
    if kind == GET_BLOCKS:
        return (_uint(f[0], "request id"), _hashes(f[1], "get_blocks", MAX_BLOCKS))
    if kind == BLOCKS:
        return (_uint(f[0], "request id"), _blobs(f[1], "blocks", MAX_BLOCKS, C.MAX_BLOCK_SIZE))
    if kind == GET_ADDR:
        return ()
    if kind == ADDR:
        return ([_addr(a) for a in _list(f[0], "addr", MAX_ADDRS)],)
    if kind == INV_BLOB:
        return (_hashes(f[0], "inv_blob", MAX_INV_BLOB),)
    if kind == GET_BLOB:
        return (_uint(f[0], "request id"), _bin(f[1], "blob hash", HASH))
    if kind == BLOB:
        held = _list(f[1], "blob", 1)
        if held and (type(held[0]) is not bytes or len(held[0]) > MAX_BLOB):
            raise ProtocolError(f"blob: at most {MAX_BLOB} bytes expected", oversized=type(held[0]) is bytes)
        return (_uint(f[0], "request id"), held[0] if held else None)
    raise ProtocolError(f"unknown message type {kind}")


ARITY = {HELLO: 9, AUTH: 1, STATUS: 3, INV_TX: 1, GET_TX: 2, TXS: 2, INV_BLOCK: 3, GET_HEADERS: 3,
         HEADERS: 2, GET_BLOCKS: 2, BLOCKS: 2, GET_ADDR: 0, ADDR: 1, INV_BLOB: 1, GET_BLOB: 2, BLOB: 2}


def peek_type(data: bytes) -> int:
    """The message type from the first bytes (an array header, then a positive fixint)."""
    if len(data) < 2:
        raise ProtocolError("message too short")
    first = data[0]
    if 0x90 <= first <= 0x9F:
        kind = data[1]
    elif first == 0xDC and len(data) >= 4:  # array 16: two length bytes, then the type
        kind = data[3]
    else:
        raise ProtocolError("a message is a msgpack array starting with its type")
    if kind >= len(NAMES):
        raise ProtocolError(f"unknown message type {kind}")
    return kind


def decode(data: bytes):
    """(type, fields) of one message; raises ProtocolError for anything else."""
    if not isinstance(data, (bytes, bytearray)):
        raise ProtocolError("a message is bytes")
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(data)} bytes, over the limit of {MAX_MESSAGE}", oversized=True)
    kind = peek_type(data)
    limit = MAX_SIZE[kind]
    if len(data) > limit:
        raise ProtocolError(f"{NAMES[kind]} message of {len(data)} bytes, over its limit of {limit}", oversized=True)
    try:
        obj = unpack(bytes(data), max_size=limit, max_depth=3)
    except EncodingError as exc:
        raise ProtocolError(f"{NAMES[kind]}: {exc}") from None
    if type(obj) is not list or not obj or obj[0] != kind or len(obj) != ARITY[kind] + 1:
        raise ProtocolError(f"{NAMES[kind]}: wrong number of fields")
    return kind, _check(kind, obj[1:])


def encode(kind: int, *fields) -> bytes:
    data = pack([kind, *fields])
    if len(data) > MAX_SIZE[kind]:
        raise ProtocolError(f"{NAMES[kind]} message over its limit", oversized=True)
    return data


def hello(h: Hello) -> bytes:
    return encode(HELLO, h.version, h.chain_id, h.genesis, h.head, h.height, h.work, h.node_id,
                  h.challenge, h.listen_port)


def hello_signing_bytes(challenge: bytes, signer_id: bytes, genesis: bytes) -> bytes:
    """What a node signs to prove its id: the other side's challenge, its own id, the network."""
    return HELLO_SIGN_DOMAIN + challenge + signer_id + genesis
