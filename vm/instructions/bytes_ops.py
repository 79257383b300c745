"""Bytes and strings: concatenation, length, indexing, hashing, and int conversions.

A string's size is its UTF-8 length. Text that is not ASCII is measured by
encoding it, which is paid per character first (`str.isascii` is O(1)).
"""
from __future__ import annotations

import hashlib

from .. import gas, limits
from ..values import Address
from .common import Fault, Revert, contextual, kind_of, type_error


def utf8_size(ex, text: str) -> int:
    if text.isascii():
        return len(text)
    ex.charge(gas.COPY_PER_WORD * gas.words(len(text)))
    return len(text.encode("utf-8", "surrogatepass"))


def too_large(size: int) -> Fault:
    return Fault(f"value too large: {size} bytes, over the limit of {limits.MAX_VALUE_SIZE}")


@contextual
def concat(ex, s, _):
    b = s.pop()
    a = s[-1]
    ta = type(a)
    if ta is not type(b) or (ta is not str and ta is not bytes):
        raise type_error(f"CONCAT of {kind_of(a)} and {kind_of(b)}")
    # Characters bound the work from below, so charge by them before measuring UTF-8.
    ex.charge(gas.COPY_PER_WORD * gas.words(len(a) + len(b)))
    if ta is str:
        size = utf8_size(ex, a) + utf8_size(ex, b)
    else:
        size = len(a) + len(b)
    if size > limits.MAX_VALUE_SIZE:
        raise too_large(size)
    ex.allocate(size)
    s[-1] = a + b


def _len_slow(ex, s, _):
    s[-1] = utf8_size(ex, s[-1])


def len_(s, _):
    a = s[-1]
    t = type(a)
    if t is bytes:
        s[-1] = len(a)
    elif t is str:
        if not a.isascii():
            return _len_slow
        s[-1] = len(a)
    else:
        raise type_error(f"LEN expects bytes or string, got {kind_of(a)}")
    return None


def byte_at(s, _):
    i = s.pop()
    a = s[-1]
    if type(a) is not bytes or type(i) is not int:
        raise type_error(f"BYTE_AT expects bytes and int, got {kind_of(a)} and {kind_of(i)}")
    if not 0 <= i < len(a):
        raise Revert("index out of range")
    s[-1] = a[i]


@contextual
def sha256(ex, s, _):
    a = s[-1]
    t = type(a)
    if t is str:
        ex.charge(gas.COPY_PER_WORD * gas.words(len(a)))  # the UTF-8 copy, by characters
        data = a.encode("utf-8", "surrogatepass")
    elif t is bytes:
        data = a
    else:
        raise type_error(f"SHA256 expects bytes or string, got {kind_of(a)}")
    ex.charge(gas.HASH_PER_WORD * gas.words(len(data)))
    s[-1] = hashlib.sha256(data).digest()


def to_str(s, _):
    a = s[-1]
    if type(a) is not int:
        raise type_error(f"TO_STR expects int, got {kind_of(a)}")
    s[-1] = str(a)  # at most 78 characters: the static price covers it


_new_address = bytes.__new__


def to_addr(s, _):
    a = s[-1]
    if type(a) is not int:
        raise type_error(f"TO_ADDR expects int, got {kind_of(a)}")
    if not 0 <= a < 2**160:
        raise Revert("address out of range")
    s[-1] = _new_address(Address, a.to_bytes(20, "big"))  # 20 bytes already: skip Address's parsing


HANDLERS = {
    "CONCAT": concat,
    "LEN": len_,
    "BYTE_AT": byte_at,
    "SHA256": sha256,
    "TO_STR": to_str,
    "TO_ADDR": to_addr,
}
