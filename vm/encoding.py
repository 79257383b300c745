"""Canonical msgpack: one value, one encoding, checked on the way in.

Every byte string the project hashes or stores goes through `pack`, and every
one it reads back goes through `unpack`, which refuses anything `pack` would
not have produced (non-minimal ints, maps, floats, unknown ext types, trailing
bytes, nesting or sizes over the caller's limits).
"""
from __future__ import annotations

import msgpack

# Ext type 1 carries an int outside msgpack's 64-bit range as its minimal
# big-endian two's complement (the language spec's rule for call data).
BIGINT_EXT = 1
MSGPACK_INT_MIN = -(2**63)
MSGPACK_INT_MAX = 2**64 - 1

DEFAULT_MAX_SIZE = 4 * 1024 * 1024
DEFAULT_MAX_DEPTH = 32


class EncodingError(ValueError):
    """Bytes that are not the canonical encoding of an allowed value."""


def _int_to_ext(n: int) -> msgpack.ExtType:
    length = (n + (n < 0)).bit_length() // 8 + 1
    return msgpack.ExtType(BIGINT_EXT, n.to_bytes(length, "big", signed=True))


def _default(obj):
    if type(obj) is int:  # only reached for ints msgpack cannot hold natively
        return _int_to_ext(obj)
    if isinstance(obj, bytes):  # bytes subclasses (Address) are plain bin on the wire
        return bytes(obj)
    if isinstance(obj, int) and not isinstance(obj, bool):
        return _int_to_ext(int(obj))
    raise TypeError(f"cannot encode {type(obj).__name__}")


def pack(obj) -> bytes:
    """Encode ints (any size), bools, None, str, bytes and lists/tuples canonically.

    msgpack packs what it can natively (tuples and their subclasses as arrays,
    bytes subclasses as bin) and hands `_default` the ints outside its 64-bit
    range, which become BIGINT_EXT values: no walk over the value first.
    """
    try:
        return msgpack.packb(obj, use_bin_type=True, default=_default, strict_types=False)
    except (TypeError, ValueError, OverflowError) as exc:
        raise EncodingError(f"cannot encode value: {exc}") from None


def _ext_hook(code: int, data: bytes):
    if code != BIGINT_EXT:
        raise EncodingError(f"unknown ext type {code}")
    if not data:
        raise EncodingError("empty big integer")
    n = int.from_bytes(data, "big", signed=True)
    if MSGPACK_INT_MIN <= n <= MSGPACK_INT_MAX:
        raise EncodingError("big integer that fits 64 bits")
    if _int_to_ext(n).data != data:
        raise EncodingError("non-minimal big integer")
    return n


def _depth_ok(obj, max_depth: int) -> bool:
    stack = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if type(item) is list:
            if depth > max_depth:
                return False
            stack.extend((x, depth + 1) for x in item)
    return True


def unpack(data: bytes, *, max_size: int = DEFAULT_MAX_SIZE, max_depth: int = DEFAULT_MAX_DEPTH):
    """Decode exactly one canonical value; lists come back as Python lists.

    Raises EncodingError for anything that `pack` would not have produced.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise EncodingError("expected bytes")
    data = bytes(data)
    if len(data) > max_size:
        raise EncodingError(f"encoding of {len(data)} bytes is over the limit of {max_size}")
    try:
        obj = msgpack.unpackb(
            data,
            raw=False,
            use_list=True,
            strict_map_key=True,
            ext_hook=_ext_hook,
            max_str_len=max_size,
            max_bin_len=max_size,
            max_array_len=max_size,
            max_map_len=0,
            max_ext_len=max_size,
        )
    except EncodingError:
        raise
    except msgpack.ExtraData:
        raise EncodingError("trailing bytes after the value") from None
    except (ValueError, TypeError, msgpack.UnpackException, RecursionError) as exc:
        raise EncodingError(f"malformed msgpack: {exc.__class__.__name__}") from None
    if not _plain(obj, max_depth):  # then find the error exactly as these two say it (receipts hold it)
        if not _depth_ok(obj, max_depth):
            raise EncodingError(f"nesting deeper than {max_depth}")
        _reject_disallowed(obj)
    if pack(obj) != data:
        raise EncodingError("non-canonical encoding")
    return obj


_SCALARS = frozenset((int, bool, str, bytes, type(None)))


def _plain(obj, max_depth: int) -> bool:
    """One walk: True when no list is deeper than max_depth and every item is an allowed scalar or a list."""
    if type(obj) is not list:
        return type(obj) in _SCALARS
    stack = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return False
        for x in item:
            t = type(x)
            if t is list:
                stack.append((x, depth + 1))
            elif t not in _SCALARS:
                return False
    return True


def _reject_disallowed(obj) -> None:
    stack = [obj]
    while stack:
        item = stack.pop()
        t = type(item)
        if t is list:
            stack.extend(item)
        elif t is float:
            raise EncodingError("floats are not allowed")
        elif t is dict:
            raise EncodingError("maps are not allowed")
        elif t not in (int, bool, str, bytes) and item is not None:
            raise EncodingError(f"{t.__name__} values are not allowed")


def _array_header(n: int) -> bytes:
    """msgpack's shortest array header for n items (what `pack` writes)."""
    if n < 16:
        return bytes([0x90 | n])
    if n < 1 << 16:
        return b"\xdc" + n.to_bytes(2, "big")
    return b"\xdd" + n.to_bytes(4, "big")


class Reader:
    """One canonical encoding read piece by piece, so a decoder refuses a wrong shape before building anything large.

    `unpack` builds the whole value first: four MiB of empty arrays are four
    million lists before any check can run. A Reader hands out one array header
    or one scalar at a time, each checked canonical, under msgpack's own limits.
    """

    _ARRAY_BYTES = frozenset(range(0x90, 0xA0)) | {0xDC, 0xDD}
    _MAP_BYTES = frozenset(range(0x80, 0x90)) | {0xDE, 0xDF}

    def __init__(self, data, *, max_size: int = DEFAULT_MAX_SIZE, max_len: int | None = None):
        """`max_size` bounds the whole encoding, `max_len` (default: the same) any one str, bin or ext."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise EncodingError("expected bytes")
        if len(data) > max_size:
            raise EncodingError(f"encoding of {len(data)} bytes is over the limit of {max_size}")
        self.data = bytes(data)
        max_len = max_size if max_len is None else max_len
        self._u = msgpack.Unpacker(raw=False, use_list=True, strict_map_key=True, ext_hook=_ext_hook,
                                   max_buffer_size=max(1, len(self.data)), max_str_len=max_len,
                                   max_bin_len=max_len, max_array_len=max_size, max_map_len=0,
                                   max_ext_len=max_len)
        self._u.feed(self.data)

    def tell(self) -> int:
        return self._u.tell()

    def remaining(self) -> int:
        return len(self.data) - self._u.tell()

    def _peek(self) -> int:
        pos = self._u.tell()
        if pos >= len(self.data):
            raise EncodingError("truncated encoding")
        return self.data[pos]

    def at_array(self) -> bool:
        return self._peek() in self._ARRAY_BYTES

    def array(self, what: str = "value") -> int:
        """The item count of the array that comes next (its items follow)."""
        if not self.at_array():
            raise EncodingError(f"{what} is not an array")
        start = self._u.tell()
        try:
            n = self._u.read_array_header()
        except msgpack.OutOfData:
            raise EncodingError("truncated encoding") from None
        except (ValueError, msgpack.UnpackException) as exc:
            raise EncodingError(f"malformed msgpack: {exc.__class__.__name__}") from None
        if self.data[start:self._u.tell()] != _array_header(n):
            raise EncodingError("non-canonical encoding")
        return n

    def scalar(self, what: str = "value"):
        """The next value, which must not be an array or a map: int, bool, str, bytes or None."""
        start = self._u.tell()
        v = self._scalar(what)
        if pack(v) != self.data[start:self._u.tell()]:
            raise EncodingError("non-canonical encoding")
        return v

    def scalars(self, max_items: int, what: str = "value"):
        """An array of at most `max_items` scalars, as a list; anything else that comes next, as is if a scalar."""
        if not self.at_array():
            return self.scalar(what)
        start = self._u.tell()
        n = self.array(what)
        if n > max_items:
            raise EncodingError(f"{what} has {n} items, at most {max_items} expected")
        items = [self._scalar(what) for _ in range(n)]
        if pack(items) != self.data[start:self._u.tell()]:  # one check for the header and every item
            raise EncodingError("non-canonical encoding")
        return items

    def _scalar(self, what: str):
        b = self._peek()
        if b in self._ARRAY_BYTES:
            raise EncodingError(f"{what} holds an array where a single value belongs")
        if b in self._MAP_BYTES:
            raise EncodingError("maps are not allowed")
        try:
            v = self._u.unpack()
        except EncodingError:
            raise
        except msgpack.OutOfData:
            raise EncodingError("truncated encoding") from None
        except (ValueError, TypeError, msgpack.UnpackException) as exc:
            raise EncodingError(f"malformed msgpack: {exc.__class__.__name__}") from None
        t = type(v)
        if t not in (int, bool, str, bytes) and v is not None:
            raise EncodingError("floats are not allowed" if t is float else f"{t.__name__} values are not allowed")
        return v

    def end(self) -> None:
        if self._u.tell() != len(self.data):
            raise EncodingError("trailing bytes after the value")
