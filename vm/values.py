"""VM values, their types, and how they cross the VM boundary as msgpack.

Inside the VM: int (Python int within 256 bits), bool, bytes, str, Address
(20-byte bytes subclass) and Struct (tuple subclass). Types are described by
plain data: "int" "bool" "address" "bytes" "string", or
("struct", NAME, ((FIELD, TYPE), ...)).
"""
from __future__ import annotations

from . import limits
from .encoding import pack
from .errors import short_name

INT_MIN = -(2**255)
INT_MAX = 2**255 - 1
SCALAR_TYPES = ("int", "bool", "address", "bytes", "string")


class Address(bytes):
    """A 20-byte account address; str() is 0x and 40 lower-case hex digits."""

    __slots__ = ()

    def __new__(cls, value=b"\x00" * 20):
        if isinstance(value, str):
            text = value[2:] if value[:2] in ("0x", "0X") else value
            if len(text) != 40:
                raise ValueError(f"an address is 40 hex digits, got {value!r}")
            try:
                value = bytes.fromhex(text)
            except ValueError:
                raise ValueError(f"not a hex address: {value!r}") from None
        elif isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value < 2**160:
                raise ValueError("address out of range")
            value = value.to_bytes(20, "big")
        value = bytes(value)
        if len(value) != 20:
            raise ValueError(f"an address is 20 bytes, got {len(value)}")
        return super().__new__(cls, value)

    def __str__(self) -> str:
        return "0x" + self.hex()

    def __repr__(self) -> str:
        return f"Address('{self}')"

    # An Address equals only another Address: never the same 20 raw bytes.
    def __eq__(self, other):
        return type(other) is type(self) and bytes.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = bytes.__hash__


class Struct(tuple):
    """An immutable struct value: its fields in declaration order."""

    # No __slots__: the VM caches each struct's (size, depth) on the instance
    # as `_meta`, so sizing a struct built from structs never walks them again.


ZERO_ADDRESS = Address(b"\x00" * 20)


def zero_of(t):
    """The zero value of a value type."""
    if t == "int":
        return 0
    if t == "bool":
        return False
    if t == "address":
        return ZERO_ADDRESS
    if t == "bytes":
        return b""
    if t == "string":
        return ""
    if isinstance(t, (tuple, list)) and t[0] == "struct":
        return Struct(zero_of(ft) for _, ft in t[2])
    raise ValueError(f"no zero value for type {t!r}")


def type_name(t) -> str:
    """How a type reads in messages and docs."""
    if isinstance(t, str):
        return t
    if isinstance(t, (tuple, list)) and t and t[0] == "struct":
        return t[1]
    if isinstance(t, (tuple, list)) and t and t[0] == "list":
        return f"list[{type_name(t[1])}]"
    return repr(t)


def value_size(v) -> int:
    """Bytes a value counts for against size limits and per-byte gas."""
    t = type(v)
    if t is bytes or t is Address:
        return len(v)
    if t is str:
        return len(v.encode("utf-8", "surrogatepass"))
    if t is Struct:
        return struct_meta(v)[0]
    return 32


def struct_meta(v) -> tuple:
    """(size, depth) of a struct, cached on it; depth counts struct levels.

    Each field counts one byte besides its own size, so walking a struct (even
    one whose fields share one inner struct) visits at most `size` values.

    Walks at most MAX_VALUE_DEPTH + 1 levels, so a hand-made deep struct
    cannot make it recurse without bound (it reports the excess depth).
    """
    meta = v.__dict__.get("_meta")
    if meta is None:
        meta = _measure(v, 1)
        v._meta = meta
    return meta


def _measure(v, level: int) -> tuple:
    if level > limits.MAX_VALUE_DEPTH + 1:
        return (limits.MAX_VALUE_SIZE + 1, level)
    size, depth = 1, 1
    for x in v:
        if type(x) is Struct:
            meta = x.__dict__.get("_meta") or _measure(x, level + 1)
            size += 1 + meta[0]
            depth = max(depth, meta[1] + 1)
        else:
            size += 1 + value_size(x)
    return (size, depth)


def type_fields(t) -> int:
    """Struct fields in a type, nested ones included: the work of checking a value against it."""
    if isinstance(t, (tuple, list)) and t and t[0] == "struct":
        return sum(1 + type_fields(ft) for _, ft in t[2])
    return 0


class ConformError(ValueError):
    """A wire value that does not fit the type a function declares."""


def from_wire(obj, t, depth: int = 0):
    """Turn a decoded msgpack value into the VM value of type t, or raise ConformError.

    Also used on VM values arriving at an external call, so an Address passes
    as an address and a Struct as a struct.
    """
    if depth > limits.MAX_VALUE_DEPTH:
        raise ConformError("value nested too deeply")
    if t == "int":
        if type(obj) is not int or not INT_MIN <= obj <= INT_MAX:
            raise ConformError(f"expected int, got {_describe(obj)}")
        return obj
    if t == "bool":
        if type(obj) is not bool:
            raise ConformError(f"expected bool, got {_describe(obj)}")
        return obj
    if t == "address":
        if not isinstance(obj, bytes) or len(obj) != 20:
            raise ConformError(f"expected address (20 bytes), got {_describe(obj)}")
        return obj if type(obj) is Address else Address(obj)
    if t == "bytes":
        if type(obj) is not bytes or len(obj) > limits.MAX_VALUE_SIZE:
            raise ConformError(f"expected bytes, got {_describe(obj)}")
        return obj
    if t == "string":
        if type(obj) is not str or len(obj.encode("utf-8", "surrogatepass")) > limits.MAX_VALUE_SIZE:
            raise ConformError(f"expected string, got {_describe(obj)}")
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            raise ConformError("string is not valid UTF-8") from None
        return obj
    if isinstance(t, (tuple, list)) and t and t[0] == "struct":
        fields = t[2]
        if not isinstance(obj, (list, tuple)) or len(obj) != len(fields):
            raise ConformError(f"expected {short_name(t[1])} with {len(fields)} fields, got {_describe(obj)}")
        st = Struct(from_wire(x, ft, depth + 1) for x, (_, ft) in zip(obj, fields))
        if depth == 0:  # a struct from outside obeys the size limit of one built inside
            size = struct_meta(st)[0]
            if size > limits.MAX_VALUE_SIZE:
                raise ConformError(f"{short_name(t[1])} of {size} bytes is over the limit of {limits.MAX_VALUE_SIZE}")
        return st
    raise ConformError(f"type {type_name(t)} cannot cross the VM boundary")


def to_wire(v):
    """Turn a VM value into plain msgpack-able data (Address -> bytes, Struct -> list)."""
    t = type(v)
    if t is Address:
        return bytes(v)
    if t is Struct:
        return [to_wire(x) for x in v]
    return v


def encode_value(v) -> bytes:
    """Canonical msgpack of a VM value (the language spec's value encoding)."""
    return pack(to_wire(v))


def _describe(obj) -> str:
    if obj is None:
        return "nil"
    if type(obj) is bool:
        return "bool"
    if type(obj) is int:
        return "int" if INT_MIN <= obj <= INT_MAX else "int out of 256-bit range"
    if isinstance(obj, bytes):
        return f"{len(obj)} bytes"
    if isinstance(obj, str):
        return "string"
    if isinstance(obj, (list, tuple)):
        return f"array of {len(obj)}"
    return type(obj).__name__


def type_mismatch(v, t, depth: int = 0) -> str | None:
    """None when the VM value v has exactly type t, else what is wrong ("expected int, got bool").

    Strict, unlike from_wire: nothing is converted, so 20 raw bytes are not an
    address and 1 is not a bool, at any depth of a struct.
    """
    want = _EXACT.get(t) if type(t) is str else None
    if want is not None:
        if type(v) is want:
            return None
        return f"expected {t}, got {_kind(v)}"
    if type(t) is tuple and t[0] == "struct" and depth <= limits.MAX_VALUE_DEPTH:
        fields = t[2]
        if type(v) is not Struct or len(v) != len(fields):
            return f"expected {short_name(t[1])} with {len(fields)} fields, got {_kind(v)}"
        for x, (fname, ft) in zip(v, fields):
            wrong = type_mismatch(x, ft, depth + 1)
            if wrong is not None:
                return f"field {short_name(fname)}: {wrong}"
        return None
    return f"expected {type_name(t)}, got {_kind(v)}"


def same_value(a, b) -> bool:
    """The language's equality: values of different types are never equal, in struct fields too."""
    if type(a) is not type(b):
        return False
    if type(a) is Struct:
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


_EXACT = {"int": int, "bool": bool, "address": Address, "bytes": bytes, "string": str}


def _kind(v) -> str:
    t = type(v)
    if t is Struct:
        return f"struct of {len(v)} fields"
    return {int: "int", bool: "bool", Address: "address", bytes: "bytes", str: "string"}.get(t, t.__name__)
