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


def _prepare(obj):
    """Turn big ints into ext values before msgpack sees them (iteratively deep)."""
    t = type(obj)
    if t is int:
        if MSGPACK_INT_MIN <= obj <= MSGPACK_INT_MAX:
            return obj
        return _int_to_ext(obj)
    if t is list or t is tuple or isinstance(obj, tuple):
        return [_prepare(x) for x in obj]
    return obj


def pack(obj) -> bytes:
    """Encode ints (any size), bools, None, str, bytes and lists/tuples canonically."""
    try:
        return msgpack.packb(_prepare(obj), use_bin_type=True, default=_default, strict_types=False)
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
    if not _depth_ok(obj, max_depth):
        raise EncodingError(f"nesting deeper than {max_depth}")
    _reject_disallowed(obj)
    if pack(obj) != data:
        raise EncodingError("non-canonical encoding")
    return obj


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
