"""Contract storage: scalars under byte-string keys that the compiler builds with KEY.

Writing a zero value deletes the key, so an absent key and a zero are one state.
"""
from __future__ import annotations

from .. import gas, limits
from ..encoding import pack
from ..values import ZERO_ADDRESS, Address, ConformError, from_wire
from ..opcodes import TYPE_TAGS
from .bytes_ops import utf8_size
from .common import Fault, Revert, contextual, kind_of, type_error

# SLOAD's immediate names the type, and so the zero an absent key reads as.
TAG_TYPES = {tag: name for name, tag in TYPE_TAGS.items()}
ZEROS = {"int": 0, "bool": False, "address": ZERO_ADDRESS, "bytes": b"", "string": ""}
_KEY_TYPES = (int, bool, Address, bytes, str)


def _need_key(op: str, key) -> None:
    if type(key) is not bytes:
        raise type_error(f"{op} expects a bytes key, got {kind_of(key)}")
    if len(key) > limits.MAX_KEY_SIZE:
        raise Fault(f"storage key too large: {len(key)} bytes, over the limit of {limits.MAX_KEY_SIZE}")


def is_zero(v) -> bool:
    t = type(v)
    if t is int:
        return v == 0
    if t is bool:
        return v is False
    if t is Address:
        return v == ZERO_ADDRESS
    return len(v) == 0


_ZERO_OF_TAG = {tag: ZEROS[name] for tag, name in TAG_TYPES.items()}
_MAX_KEY = limits.MAX_KEY_SIZE
_SLOAD_WORD = gas.SLOAD_PER_WORD
_SSTORE_WORD = gas.SSTORE_PER_WORD
_COPY_WORD = gas.COPY_PER_WORD
# These three run on every storage access: charges are inlined (ex.charge's
# arithmetic, words() as (n + 31) // 32) in the order the rules give them.


@contextual
def sload(ex, s, tag):
    key = s[-1]
    if type(key) is not bytes or len(key) > _MAX_KEY:
        _need_key("SLOAD", key)
    ex.gas -= _SLOAD_WORD * ((len(key) + 31) // 32)
    if ex.gas < 0:
        raise Fault("out of gas")
    s[-1] = stored_value(ex, ex.host.get_storage(ex.frame.ctx.address, key), tag)


def stored_value(ex, v, tag):
    """What SLOAD pushes for the value a host handed back (None: unset), its size paid for."""
    zero = _ZERO_OF_TAG[tag]
    if v is None:
        return zero
    t = type(v)
    if t is not type(zero):
        # A store may hand back the wire form (an address as 20 raw bytes).
        tname = TAG_TYPES[tag]
        try:
            v = from_wire(v, tname)
        except ConformError as exc:
            raise type_error(f"stored value is not {tname}: {exc}") from None
        t = type(v)
    if t is int or t is bool:
        ex.gas -= _SLOAD_WORD  # 32 bytes: one word
        if ex.gas < 0:
            raise Fault("out of gas")
    else:
        size = utf8_size(ex, v) if t is str else len(v)
        ex.charge(_SLOAD_WORD * gas.words(size))
        if t is bytes or t is str:
            # A store hands back a fresh copy on every read: it counts like a value built.
            ex.allocate(size)
    return v


@contextual
def sstore(ex, s, _):
    value = s.pop()
    key = s.pop()
    ctx = ex.frame.ctx
    if ctx.static:
        raise Revert("state change in a view call")
    if type(key) is not bytes or len(key) > _MAX_KEY:
        _need_key("SSTORE", key)
    t = type(value)
    if t is int:
        size, zero = 32, value == 0
    elif t not in _KEY_TYPES:
        raise type_error(f"storage holds only int, bool, address, bytes and string, not {kind_of(value)}")
    else:
        size = utf8_size(ex, value) if t is str else (32 if t is bool else len(value))
        zero = is_zero(value)
    ex.gas -= _SSTORE_WORD * ((len(key) + size + 31) // 32)
    if ex.gas < 0:
        raise Fault("out of gas")
    host = ex.host
    if not zero and host.get_storage(ctx.address, key) is None:
        ex.charge(gas.SSTORE_NEW_KEY)
    host.set_storage(ctx.address, key, None if zero else value)


@contextual
def key(ex, s, _):
    """prefix + canonical msgpack of the key (an Address encodes as its 20 raw bytes)."""
    k = s.pop()
    prefix = s[-1]
    if type(prefix) is not bytes:
        raise type_error(f"KEY expects a bytes prefix, got {kind_of(prefix)}")
    t = type(k)
    if t is Address:
        size = len(prefix) + 29
    elif t is int or t is bool:
        size = len(prefix) + 41
    elif t is bytes:
        size = len(prefix) + 9 + len(k)
    elif t is str:
        size = len(prefix) + 9 + utf8_size(ex, k)
    else:
        raise type_error(f"KEY cannot use a {kind_of(k)} as a key")
    ex.gas -= _COPY_WORD * ((size + 31) // 32)
    if ex.gas < 0:
        raise Fault("out of gas")
    if size > _MAX_KEY + 9:
        raise Fault(f"storage key too large: over the limit of {limits.MAX_KEY_SIZE} bytes")
    ex.allocate(size)
    out = prefix + (b"\xc4\x14" + k if t is Address else pack(k))  # an Address packs as bin 8 of 20 bytes
    if len(out) > _MAX_KEY:
        raise Fault(f"storage key too large: {len(out)} bytes, over the limit of {limits.MAX_KEY_SIZE}")
    s[-1] = out


HANDLERS = {"SLOAD": sload, "SSTORE": sstore, "KEY": key}
