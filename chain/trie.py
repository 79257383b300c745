"""A compressed binary Merkle trie over 32-byte keys, its nodes content-addressed.

  leaf   = [0, key (32-byte bin), value (bin)]
  branch = [1, bit, path (32-byte bin), left hash, right hash]
A branch splits its keys on `bit` (0 = most significant); `path` is the keys'
common prefix (bits before `bit`, the rest zero). A node's hash is SHA-256 of
its encoding; the empty trie's root is 32 zero bytes. The shape depends only
on the set of keys, so equal contents give equal roots, and an update touches
one path: cost grows with log(size), not size. Old roots stay readable.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import OrderedDict
from operator import itemgetter

from vm.encoding import EncodingError, unpack

EMPTY_ROOT = b"\x00" * 32
KEY_BITS = 256
# Decoded nodes kept, by count and by encoded bytes (a storage leaf can hold 64 KiB):
# each counts at least 1/_CACHE_LIMIT of the byte budget.
_CACHE_LIMIT = 200_000
_CACHE_BYTES = 64 * 1024 * 1024

_sha256 = hashlib.sha256
_first = itemgetter(0)
# The fixed parts of a node's canonical msgpack form (vm.encoding.pack of its list), written
# directly: a node is made many times a block, and the list and packer cost more than the bytes.
_LEAF_HEAD = b"\x93\x00\xc4\x20"  # array of 3, int 0, bin of 32 (the key)
_BRANCH_HEAD = b"\x95\x01"  # array of 5, int 1, then the bit
_BIN32 = b"\xc4\x20"


def _bin_head(n: int) -> bytes:
    """msgpack's bin header for n bytes (the smallest form, as msgpack writes it)."""
    if n < 0x100:
        return b"\xc4" + n.to_bytes(1, "big")
    if n < 0x10000:
        return b"\xc5" + n.to_bytes(2, "big")
    return b"\xc6" + n.to_bytes(4, "big")


# The bit of a branch as msgpack writes an int from 0 to 255 (positive fixint, else uint 8).
_BIT = [bytes([b]) if b < 0x80 else b"\xcc" + bytes([b]) for b in range(KEY_BITS)]


def encode_node(node: tuple) -> bytes:
    """A node's stored form: vm.encoding.pack of [0, key, value] or [1, bit, path, left, right]."""
    if node[0] == 0:
        value = node[2]
        return _LEAF_HEAD + node[1].to_bytes(32, "big") + _bin_head(len(value)) + value
    return b"".join((_BRANCH_HEAD, _BIT[node[1]], _BIN32, node[2].to_bytes(32, "big"), _BIN32, node[3],
                     _BIN32, node[4]))


class MissingNode(LookupError):
    """A node the trie refers to is not in the store (corrupt or foreign data)."""


class _NodeCache(OrderedDict):
    """hash -> (node, encoded size), least recently used first, bounded by bytes (each entry counting at least
    maxsize / _CACHE_LIMIT)."""

    def __init__(self, maxsize: int):
        super().__init__()
        self.maxsize = maxsize
        self.floor = maxsize // _CACHE_LIMIT
        self.currsize = 0

    def keep(self, h: bytes, node, size: int) -> None:
        size = max(size, self.floor)
        if size > self.maxsize or h in self:
            return
        self[h] = (node, size)
        self.currsize += size
        while self.currsize > self.maxsize:
            self.currsize -= self.popitem(last=False)[1][1]

    def drop(self, h: bytes) -> None:
        entry = self.pop(h, None)
        if entry is not None:
            self.currsize -= entry[1]


class Trie:
    """Reads nodes through `source(hash) -> bytes | None`; new nodes stay in `.new` until flushed."""

    def __init__(self, source):
        self.source = source
        self.new: dict = {}  # hash -> (encoding, node), made since the last flush
        self._cache = _NodeCache(_CACHE_BYTES)

    # --- nodes ---
    def _load(self, h: bytes):
        made = self.new.get(h)
        if made is not None:
            return made[1]
        cached = self._cache.get(h)
        if cached is not None:
            self._cache.move_to_end(h)
            return cached[0]
        data = self.source(h)
        if data is None:
            raise MissingNode(f"trie node {h.hex()} is missing")
        node = _decode_node(data, h)
        self._cache.keep(h, node, len(data))
        return node

    def _put(self, node: tuple) -> bytes:
        data = encode_node(node)
        h = _sha256(data).digest()
        self.new[h] = (data, node)  # cached once taken (written): a node of an intermediate state never is
        return h

    # --- reads ---
    def get(self, root: bytes, key: bytes):
        """The value stored under `key`, or None."""
        k = int.from_bytes(key, "big")
        h = root
        while h != EMPTY_ROOT:
            node = self._load(h)
            if node[0] == 0:
                return node[2] if node[1] == k else None
            _, bit, path, left, right = node
            if (k >> (KEY_BITS - bit)) != (path >> (KEY_BITS - bit)):
                return None
            h = right if (k >> (KEY_BITS - 1 - bit)) & 1 else left
        return None

    def items(self, root: bytes):
        """Every (key, value) under `root`, in key order."""
        stack = [root]
        while stack:
            h = stack.pop()
            if h == EMPTY_ROOT:
                continue
            node = self._load(h)
            if node[0] == 0:
                yield node[1].to_bytes(32, "big"), node[2]
            else:
                stack.append(node[4])
                stack.append(node[3])

    # --- writes ---
    def update(self, root: bytes, key: bytes, value: bytes | None) -> bytes:
        """The root after setting `key` to `value` (None deletes)."""
        k = int.from_bytes(key, "big")
        if value is None:
            return self._delete(root, k)
        return self._insert(root, k, value)

    def update_many(self, root: bytes, changes) -> bytes:
        """The root after setting each (key, value) of `changes` (None deletes; keys distinct): update() of
        each in turn, in any order, gives the same root. One walk makes only the final nodes: a path two
        keys share is written once, not once per key."""
        items = sorted([(int.from_bytes(key, "big"), value) for key, value in changes])  # distinct: ints decide
        return self._apply(root, items) if items else root

    def _apply(self, h: bytes, items: list) -> bytes:
        """The subtree at h after `items` (sorted (key, value|None), distinct keys, at least one)."""
        if len(items) == 1:
            k, value = items[0]
            return self._delete(h, k) if value is None else self._insert(h, k, value)
        if h == EMPTY_ROOT:
            return self._build([kv for kv in items if kv[1] is not None])
        node = self._load(h)
        if node[0] == 0:
            merged = {node[1]: node[2]}
            merged.update(items)
            live = sorted(kv for kv in merged.items() if kv[1] is not None)
            if merged.get(node[1]) != node[2]:
                return self._build(live)
            return h if len(live) == 1 else self._build(live, (node[1], h))  # the leaf as it is, not made again
        _, bit, path, left, right = node
        shift = KEY_BITS - bit
        prefix = path >> shift
        if (items[0][0] >> shift) != prefix or (items[-1][0] >> shift) != prefix:  # sorted: the ends tell
            # Keys outside this subtree: deleting them changes nothing; inserting them puts a branch above it.
            items = [kv for kv in items if kv[1] is not None or (kv[0] >> shift) == prefix]
            inserted = [k for k, _ in items if (k >> shift) != prefix]
            if not inserted:
                return self._apply(h, items) if items else h
            top = KEY_BITS - max((k ^ path).bit_length() for k in inserted)
            at = KEY_BITS - 1 - top
            side = (path >> at) & 1
            mine = [kv for kv in items if (kv[0] >> at) & 1 == side]
            below = self._apply(h, mine) if mine else h
            other = self._build([kv for kv in items if (kv[0] >> at) & 1 != side])
            if below == EMPTY_ROOT:
                return other
            top_path = (path >> (KEY_BITS - top)) << (KEY_BITS - top) if top else 0
            return self._put((1, top, top_path, other, below) if side else (1, top, top_path, below, other))
        split = bisect_left(items, path | (1 << (KEY_BITS - 1 - bit)), key=_first)  # the first key going right
        new_left = self._apply(left, items[:split]) if split else left
        new_right = self._apply(right, items[split:]) if split < len(items) else right
        if new_left == left and new_right == right:
            return h
        if new_left == EMPTY_ROOT:
            return new_right
        if new_right == EMPTY_ROOT:
            return new_left
        return self._put((1, bit, path, new_left, new_right))

    def _build(self, items: list, leaf=None) -> bytes:
        """A new subtree of `items` (sorted (key, value), distinct keys); `leaf`: (key, hash) of one of them
        already stored."""
        if not items:
            return EMPTY_ROOT
        if len(items) == 1:
            if leaf is not None and leaf[0] == items[0][0]:
                return leaf[1]
            return self._put((0, items[0][0], items[0][1]))
        first = items[0][0]
        bit = KEY_BITS - (first ^ items[-1][0]).bit_length()
        path = (first >> (KEY_BITS - bit)) << (KEY_BITS - bit) if bit else 0
        split = bisect_left(items, path | (1 << (KEY_BITS - 1 - bit)), 1, key=_first)
        return self._put((1, bit, path, self._build(items[:split], leaf), self._build(items[split:], leaf)))

    def _insert(self, h: bytes, k: int, value: bytes) -> bytes:
        if h == EMPTY_ROOT:
            return self._put((0, k, value))
        node = self._load(h)
        if node[0] == 0:
            if node[1] == k:
                return h if node[2] == value else self._put((0, k, value))
            return self._split(h, node[1], k, value)
        _, bit, path, left, right = node
        if (k >> (KEY_BITS - bit)) != (path >> (KEY_BITS - bit)):
            return self._split(h, path, k, value)
        if (k >> (KEY_BITS - 1 - bit)) & 1:
            new = self._insert(right, k, value)
            return h if new == right else self._put((1, bit, path, left, new))
        new = self._insert(left, k, value)
        return h if new == left else self._put((1, bit, path, new, right))

    def _split(self, h: bytes, other_key: int, k: int, value: bytes) -> bytes:
        """A branch where `k` first differs from the subtree at h (whose keys share other_key's prefix)."""
        bit = KEY_BITS - (other_key ^ k).bit_length()
        path = (k >> (KEY_BITS - bit)) << (KEY_BITS - bit) if bit else 0
        leaf = self._put((0, k, value))
        if (k >> (KEY_BITS - 1 - bit)) & 1:
            return self._put((1, bit, path, h, leaf))
        return self._put((1, bit, path, leaf, h))

    def _delete(self, h: bytes, k: int) -> bytes:
        if h == EMPTY_ROOT:
            return h
        node = self._load(h)
        if node[0] == 0:
            return EMPTY_ROOT if node[1] == k else h
        _, bit, path, left, right = node
        if (k >> (KEY_BITS - bit)) != (path >> (KEY_BITS - bit)):
            return h
        if (k >> (KEY_BITS - 1 - bit)) & 1:
            new = self._delete(right, k)
            if new == right:
                return h
            # A branch with one child left is replaced by that child.
            return left if new == EMPTY_ROOT else self._put((1, bit, path, left, new))
        new = self._delete(left, k)
        if new == left:
            return h
        return right if new == EMPTY_ROOT else self._put((1, bit, path, new, right))

    # --- persistence ---
    def take_new(self, roots, leaf_links=None) -> list:
        """(hash, encoding) of every new node reachable from `roots`, sorted; forgets all new nodes.

        `leaf_links(value)` names the roots of sub-tries a leaf of the top trie
        holds (an account's storage root). Nodes made for intermediate states
        of a block are dropped here, so only what the final roots need is written.
        """
        new, keep = self.new, self._cache.keep
        out = []
        stack = [(r, True) for r in roots]
        while stack:
            h, top = stack.pop()
            made = new.pop(h, None)  # popped: each node is taken once
            if made is None:
                continue
            data, node = made
            out.append((h, data))
            keep(h, node, len(data))
            if node[0] == 1:
                stack.append((node[3], top))
                stack.append((node[4], top))
            elif top and leaf_links is not None:
                stack.extend((r, False) for r in leaf_links(node[2]))
        self.new = {}
        out.sort()
        return out

    def discard_new(self) -> None:
        self.new = {}


def _decode_node(data: bytes, h: bytes):
    if hashlib.sha256(data).digest() != h:
        raise MissingNode(f"trie node {h.hex()} does not match its hash")
    try:
        obj = unpack(data, max_size=1 << 24, max_depth=1)
    except EncodingError as exc:
        raise MissingNode(f"trie node {h.hex()}: {exc}") from None
    # `type(...) is int` first: False == 0 and True == 1 in Python, but not in the encoding.
    if type(obj) is list and len(obj) == 3 and type(obj[0]) is int and obj[0] == 0 and type(obj[1]) is bytes \
            and len(obj[1]) == 32 and type(obj[2]) is bytes:
        return (0, int.from_bytes(obj[1], "big"), obj[2])
    if type(obj) is list and len(obj) == 5 and type(obj[0]) is int and obj[0] == 1 and type(obj[1]) is int \
            and 0 <= obj[1] < KEY_BITS \
            and type(obj[2]) is bytes and len(obj[2]) == 32 and all(type(c) is bytes and len(c) == 32 for c in obj[3:]):
        return (1, obj[1], int.from_bytes(obj[2], "big"), obj[3], obj[4])
    raise MissingNode(f"trie node {h.hex()} is malformed")
