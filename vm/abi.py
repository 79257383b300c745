"""The one ABI value codec: command-line text, JSON and Python values to and from VM values, driven by the ABI type.

Every door converts here, with one set of messages: the CLI, chain.Devnet, the interpreter's argument check.
"""
from __future__ import annotations

import json
from functools import lru_cache
from operator import itemgetter

from . import limits
from .values import INT_MAX, INT_MIN, Address, ConformError, Struct, from_wire, type_name

MAX_TEXT = 256 * 1024  # characters of one argument's text: bounds every parse below
_HEX = frozenset("0123456789abcdefABCDEF")
_DECIMAL = frozenset("0123456789")


class AbiError(ValueError):
    """A value that does not fit its ABI type; `message` is one line that names where."""

    def __init__(self, message: str, param: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.message = message
        self.param = param  # the parameter at fault, when one is
        self.reason = reason if reason is not None else message  # the message without its place


class ArityError(AbiError):
    """The wrong number of arguments: `want` and `got`."""

    def __init__(self, message: str, want: int, got: int):
        super().__init__(message)
        self.want, self.got = want, got


def _is_struct_type(t) -> bool:
    return isinstance(t, (tuple, list)) and bool(t) and t[0] == "struct"


def show(text) -> str:
    """A user's text quoted in a message, cut short."""
    text = str(text)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def check_arity(params, args, what: str) -> None:
    if len(args) != len(params):
        want = ", ".join(f"{n}: {type_name(t)}" for n, t in params) or "no arguments"
        s = "s" if len(params) != 1 else ""
        raise ArityError(f"{what} takes {len(params)} argument{s} ({want}), got {len(args)}", len(params), len(args))


# --------------------------------------------------------------------------
# Text (a command-line argument) -> value.


def _int_text(text: str) -> int:
    s = text.strip()
    sign = 1
    if s[:1] in "+-" and s:
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    body = s[2:] if s[:2].lower() == "0x" else s
    base = 16 if body is not s else 10
    digits = body.replace("_", "")
    allowed = _HEX if base == 16 else _DECIMAL
    # Python's int() also accepts spaces, "_" runs and non-ASCII digits: check first.
    if not digits or not set(digits) <= allowed or "__" in body or body.startswith("_") or body.endswith("_"):
        raise ValueError
    if len(digits) > 80:  # 2**255 has 78 decimal digits, 64 hex digits
        raise OverflowError
    return sign * int(digits, base)


def int_from_text(text: str, what: str, lo: int = INT_MIN, hi: int = INT_MAX) -> int:
    """An integer in decimal or 0x hex (`_` between digits), within lo..hi."""
    try:
        value = _int_text(text)
    except ValueError:
        raise AbiError(f"{what}: expected an integer (decimal or 0x hex), got {show(text)}") from None
    except OverflowError:
        raise AbiError(f"{what}: {show(text)} is out of range") from None
    if not lo <= value <= hi:
        raise AbiError(f"{what}: {show(text)} is out of range" + (f" ({lo} .. {hi})" if hi - lo < 2**70 else ""))
    return value


def hex_from_text(text: str, what: str) -> bytes:
    if not text.startswith(("0x", "0X")):
        raise AbiError(f"{what}: expected 0x-prefixed hex, got {show(text)}")
    digits = text[2:]
    if not set(digits) <= _HEX:
        raise AbiError(f"{what}: {show(text)} is not hex (0x, then only 0-9 a-f)")
    if len(digits) % 2:
        raise AbiError(f"{what}: {show(text)} is not an even number of hex digits")
    return bytes.fromhex(digits)


def address_from_text(text: str, what: str = "address") -> Address:
    raw = hex_from_text(text.strip(), what)
    if len(raw) != 20:
        raise AbiError(f"{what}: an address is 0x and 40 hex digits, got {show(text)}")
    return Address(raw)


def hash_from_text(text: str, what: str) -> bytes:
    raw = hex_from_text(text.strip(), what)
    if len(raw) != 32:
        raise AbiError(f"{what}: a hash is 0x and 64 hex digits, got {show(text)}")
    return raw


def from_text(text: str, t, what: str):
    """Text from the command line -> the VM value of type t: ints in decimal or 0x hex,
    true/false, addresses and bytes as 0x hex, strings as they are, structs as JSON."""
    if len(text) > MAX_TEXT:
        raise AbiError(f"{what}: argument of {len(text)} characters is too long")
    if t == "int":
        return int_from_text(text, what)
    if t == "bool":
        if text in ("true", "false"):
            return text == "true"
        raise AbiError(f"{what}: expected true or false, got {show(text)}")
    if t == "address":
        return address_from_text(text, what)
    if t == "bytes":
        raw = hex_from_text(text, what)
        if len(raw) > limits.MAX_VALUE_SIZE:
            raise AbiError(f"{what}: {len(raw)} bytes is over the limit of {limits.MAX_VALUE_SIZE}")
        return raw
    if t == "string":
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            raise AbiError(f"{what}: not valid UTF-8 text") from None
        if size > limits.MAX_VALUE_SIZE:
            raise AbiError(f"{what}: {size} bytes of text is over the limit of {limits.MAX_VALUE_SIZE}")
        return text
    if _is_struct_type(t):
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            raise AbiError(f"{what}: a {t[1]} is given as JSON (an object or an array), got {show(text)}") from None
        return from_json(obj, t, what)
    raise AbiError(f"{what}: type {type_name(t)} cannot be passed from the command line")


def args_from_text(texts, params, what: str) -> list:
    """A function's arguments from text; params is ((name, TYPE), ...)."""
    check_arity(params, texts, what)
    return [from_text(text, t, f"{what} argument '{name}'") for text, (name, t) in zip(texts, params)]


# --------------------------------------------------------------------------
# JSON <-> value.


def _struct_items(obj, t, what: str, shapes: str) -> list:
    """A struct's field values in order, from an object keyed by field name or a list."""
    fields = t[2]
    if isinstance(obj, dict):
        names = [name for name, _ in fields]
        extra = sorted(str(k) for k in set(obj) - set(names))
        missing = [n for n in names if n not in obj]
        if extra or missing:
            raise AbiError(f"{what}: {t[1]} has fields {', '.join(names) or '(none)'}"
                           + (f"; unknown {', '.join(extra)}" if extra else "") + (f"; missing {', '.join(missing)}" if missing else ""))
        return [obj[n] for n in names]
    if isinstance(obj, (list, tuple)) and not isinstance(obj, (str, bytes)):
        if len(obj) != len(fields):
            raise AbiError(f"{what}: {t[1]} has {len(fields)} fields, got {len(obj)} values")
        return list(obj)
    raise AbiError(f"{what}: expected a {t[1]} as {shapes}")


def from_json(obj, t, what: str, depth: int = 0):
    """A JSON value -> the VM value of type t (ints may also be strings, for 0x hex)."""
    if depth > limits.MAX_VALUE_DEPTH:
        raise AbiError(f"{what}: value nested too deeply")
    if _is_struct_type(t):
        items = _struct_items(obj, t, what, "a JSON object or array")
        return Struct(from_json(x, ft, f"{what}.{fn}", depth + 1) for x, (fn, ft) in zip(items, t[2]))
    if t == "int" and type(obj) is int:
        if not INT_MIN <= obj <= INT_MAX:
            raise AbiError(f"{what}: integer out of range")
        return obj
    if t == "bool" and type(obj) is bool:
        return obj
    if isinstance(obj, str):
        return from_text(obj, t, what)
    raise AbiError(f"{what}: expected {type_name(t)}, got JSON {type(obj).__name__}")


def to_json(v, t=None):
    """A value as JSON: ints as numbers, addresses and bytes as 0x hex, structs as objects (when typed)."""
    if isinstance(v, Address):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    if isinstance(v, (tuple, list)):
        if _is_struct_type(t) and len(t[2]) == len(v):
            return {name: to_json(x, ft) for x, (name, ft) in zip(v, t[2])}
        return [to_json(x) for x in v]
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    return v


# --------------------------------------------------------------------------
# Python <-> wire value (the library's arguments and results).


def _wire(value, t, what: str):
    if t == "address":
        if isinstance(value, str) or (isinstance(value, (bytes, bytearray)) and len(value) == 20):
            try:
                return bytes(Address(value))
            except ValueError as exc:
                raise AbiError(f"{what}: {exc}") from None
    elif t == "int":
        if type(value) is int:
            return value
    elif t == "bool":
        if type(value) is bool:
            return value
    elif t == "bytes":
        if isinstance(value, (bytes, bytearray)) and not isinstance(value, Address):
            return bytes(value)
    elif t == "string":
        if isinstance(value, str):
            return value
    elif _is_struct_type(t):
        items = _struct_items(value, t, what, "a dict, tuple or list")
        return [_wire(x, ft, f"{what}.{n}") for x, (n, ft) in zip(items, t[2])]
    else:
        raise AbiError(f"{what}: type {type_name(t)} cannot cross the VM boundary")
    raise AbiError(f"{what}: expected {type_name(t)}, got {type(value).__name__}")


def args_to_wire(args, params, what: str) -> list:
    """Python arguments -> wire values, checked as the VM will check them (int range,
    value sizes, UTF-8), so a value the contract would refuse never becomes a
    transaction that pays gas to revert."""
    check_arity(params, args, what)
    wire = [_wire(a, t, f"{what}: {n}") for a, (n, t) in zip(args, params)]
    try:
        args_from_wire(wire, params, what)
    except AbiError as exc:
        raise AbiError(f"{what}: {exc.message}", exc.param, exc.reason) from None
    return wire


def args_from_wire(args, params, what: str = "arguments") -> list:
    """Wire arguments -> VM values, checked against the parameter types (vm.values.from_wire).

    The interpreter words its own revert reason from `param` and `reason`: those
    reasons are in receipts, so their text is consensus."""
    if not isinstance(args, (list, tuple)):
        raise AbiError("expected a list of arguments")
    if len(args) != len(params):
        check_arity(params, args, what)
    out = []
    for (name, t), v in zip(params, args):
        try:
            out.append(from_wire(v, t))
        except ConformError as exc:
            raise AbiError(f"{name}: {exc}", name, str(exc)) from None
    return out


def to_python(v, t):
    """A VM value of type t as the library returns it: structs become named values
    (`job.client`) that still equal the tuple of their fields."""
    if _is_struct_type(t) and isinstance(v, (tuple, list)) and len(v) == len(t[2]):
        return struct_class(t)(to_python(x, ft) for x, (_, ft) in zip(v, t[2]))
    return v


@lru_cache(maxsize=512)
def _struct_class(name: str, fields: tuple) -> type:
    namespace = {"__slots__": (), "_fields": fields, "__repr__": _named_repr, "__doc__": f"struct {name}"}
    for i, field in enumerate(fields):
        if field.isidentifier() and not field.startswith("_"):
            namespace[field] = property(itemgetter(i))
    cls_name = name.rsplit(".", 1)[-1] if name.rsplit(".", 1)[-1].isidentifier() else "Struct"
    return type(cls_name, (Struct,), namespace)


def struct_class(t) -> type:
    """The named Struct subclass for a struct type (cached by name and field names)."""
    return _struct_class(str(t[1]), tuple(str(n) for n, _ in t[2]))


def _named_repr(self) -> str:
    return f"{type(self).__name__}({', '.join(f'{n}={x!r}' for n, x in zip(self._fields, self))})"


__all__ = ["AbiError", "ArityError", "from_text", "args_from_text", "int_from_text", "hex_from_text",
           "address_from_text", "hash_from_text", "from_json", "to_json", "args_to_wire", "args_from_wire",
           "to_python", "struct_class", "check_arity", "show"]
