"""The versioned code object: what a compiler produces and a chain stores.

Encoded as one canonical msgpack array:
  [MAGIC, VERSION, name, functions, events, consts, code, files, lines]
  functions: [[name, entry, [[param, TYPE]...], TYPE|nil, nlocals, flags]...]
  events:    [[name, [[field, TYPE]...]]...]
  consts:    [int | bytes | str | bool ...]
  lines:     [[pc, file_index, line, col]...]  (each instruction takes the
             entry with the greatest pc at or before it)
TYPE is "int" "bool" "address" "bytes" "string" or ["struct", name, [[field, TYPE]...]].
"""
from __future__ import annotations

from dataclasses import dataclass

import msgpack

from . import limits
from .encoding import BIGINT_EXT, EncodingError, pack, unpack
from .values import SCALAR_TYPES

MAGIC = b"OBLK"
# Format versions: 1 is the first instruction set; 2 adds CHECK_TYPE and the
# read-only external calls XCALL_VIEW/XCALL_VIEW_VOID (vm/opcodes.py `since`).
# The encoding is the same; an object says the lowest version its opcodes
# need, so code without the new opcodes keeps its version 1 bytes and hash.
VERSION = 2
VERSIONS = (1, 2)

# Function flags.
PUB = 1
VIEW = 2
PAYABLE = 4
REENTRANT = 8
INIT = 16
ALL_FLAGS = PUB | VIEW | PAYABLE | REENTRANT | INIT


class CodeFormatError(ValueError):
    """Bytes that are not a well-formed code object of a known version."""


@dataclass(frozen=True)
class Function:
    name: str
    entry: int
    params: tuple  # ((name, TYPE), ...)
    returns: object  # TYPE or None
    nlocals: int  # local slots, parameters first
    flags: int

    @property
    def is_pub(self) -> bool:
        return bool(self.flags & PUB)

    @property
    def is_view(self) -> bool:
        return bool(self.flags & VIEW)

    @property
    def is_payable(self) -> bool:
        return bool(self.flags & PAYABLE)

    @property
    def is_reentrant(self) -> bool:
        return bool(self.flags & REENTRANT)

    @property
    def is_init(self) -> bool:
        return bool(self.flags & INIT)


@dataclass(frozen=True)
class Event:
    name: str
    fields: tuple  # ((name, TYPE), ...)


@dataclass(frozen=True)
class CodeObject:
    name: str
    functions: tuple  # (Function, ...)
    events: tuple  # (Event, ...)
    consts: tuple
    code: bytes
    files: tuple  # (str, ...)
    lines: tuple  # ((pc, file_index, line, col), ...)
    version: int = 1  # format version (VERSIONS)

    def function(self, name: str) -> Function | None:
        for f in self.functions:
            if f.name == name:
                return f
        return None

    def location(self, pc: int) -> str | None:
        """`file:line:col` of the instruction at pc, from the line table."""
        best = None
        for entry in self.lines:
            if entry[0] <= pc:
                best = entry
            else:
                break
        if best is None or not 0 <= best[1] < len(self.files):
            return None
        return f"{self.files[best[1]]}:{best[2]}:{best[3]}"

    def encode(self) -> bytes:
        return pack(
            [
                MAGIC,
                self.version,
                self.name,
                [[f.name, f.entry, [list(p) for p in f.params], f.returns, f.nlocals, f.flags] for f in self.functions],
                [[e.name, [list(fl) for fl in e.fields]] for e in self.events],
                list(self.consts),
                self.code,
                list(self.files),
                [list(x) for x in self.lines],
            ]
        )


def _type(t, depth=0):
    if isinstance(t, str):
        if t not in SCALAR_TYPES:
            raise CodeFormatError(f"unknown type {t!r}")
        return t
    if (
        type(t) is list
        and len(t) == 3
        and t[0] == "struct"
        and isinstance(t[1], str)
        and type(t[2]) is list
        and depth < limits.MAX_VALUE_DEPTH
        and len(t[2]) <= limits.MAX_FIELDS
    ):
        return ("struct", t[1], tuple(_named(f, depth + 1) for f in t[2]))
    raise CodeFormatError("malformed type")


def encode_type(t) -> bytes:
    """A TYPE's canonical msgpack: how a CHECK_TYPE immediate's constant holds it."""
    return pack(t)


def decode_type(data) -> object:
    """The TYPE held by a CHECK_TYPE constant; raises CodeFormatError unless it is one."""
    if type(data) is not bytes:
        raise CodeFormatError("a type constant must be bytes")
    try:
        obj = unpack(data, max_size=limits.MAX_VALUE_SIZE, max_depth=2 * limits.MAX_VALUE_DEPTH + 4)
    except EncodingError as exc:
        raise CodeFormatError(f"bad type constant: {exc}") from None
    return _type(obj)


def _named(item, depth=0):
    if type(item) is not list or len(item) != 2 or not isinstance(item[0], str):
        raise CodeFormatError("malformed named type")
    return (item[0], _type(item[1], depth))


_INT_MIN, _INT_MAX = -(2**255), 2**255 - 1


def _need(cond, what):
    if not cond:
        raise CodeFormatError(what)


def decode_trusted(data: bytes) -> CodeObject:
    """The code object of bytes `decode` accepted before (their hash says so), without its checks again.

    For a program read back from its stored form (vm/stored.py): the plain
    msgpack reader and the same builders, so the result equals `decode(data)`.
    """
    obj = msgpack.unpackb(data, raw=False, use_list=True, ext_hook=_big_int)
    magic, version, name, functions, events, consts, code, files, lines = obj
    funcs = tuple(Function(f[0], f[1], tuple(_named(p) for p in f[2]), None if f[3] is None else _type(f[3]), f[4], f[5])
                  for f in functions)
    evs = tuple(Event(e[0], tuple(_named(x) for x in e[1])) for e in events)
    return CodeObject(name, funcs, evs, tuple(consts), code, tuple(files), tuple(tuple(x) for x in lines), version)


def _big_int(code: int, data: bytes) -> int:
    if code != BIGINT_EXT:
        raise CodeFormatError(f"unknown ext type {code}")
    return int.from_bytes(data, "big", signed=True)


def decode(data: bytes) -> CodeObject:
    """Strictly decode a code object; raises CodeFormatError on anything off."""
    try:
        obj = unpack(data, max_size=limits.MAX_CODE_OBJECT_SIZE, max_depth=2 * limits.MAX_VALUE_DEPTH + 8)
    except EncodingError as exc:
        raise CodeFormatError(f"bad encoding: {exc}") from None
    _need(type(obj) is list and len(obj) == 9, "not a code object")
    magic, version, name, functions, events, consts, code, files, lines = obj
    _need(magic == MAGIC, "bad magic")
    _need(type(version) is int and version in VERSIONS, f"unsupported code version {version!r}")
    _need(isinstance(name, str), "bad name")
    _need(type(code) is bytes and len(code) <= limits.MAX_CODE_SIZE, "code missing or over the size limit")
    _need(type(functions) is list and len(functions) <= limits.MAX_FUNCTIONS, "bad function table")
    _need(type(events) is list and len(events) <= limits.MAX_EVENTS, "bad event table")
    _need(type(consts) is list and len(consts) <= limits.MAX_CONSTS, "bad constant pool")
    _need(type(files) is list and all(isinstance(f, str) for f in files), "bad file table")
    _need(type(lines) is list, "bad line table")
    funcs = []
    names = set()
    for f in functions:
        _need(type(f) is list and len(f) == 6, "malformed function entry")
        fname, entry, params, returns, nlocals, flags = f
        _need(isinstance(fname, str) and fname not in names, "bad or duplicate function name")
        names.add(fname)
        _need(type(entry) is int and 0 <= entry < max(len(code), 1), f"function {fname}: entry outside the code")
        _need(type(params) is list and len(params) <= limits.MAX_FIELDS, f"function {fname}: bad parameters")
        _need(type(nlocals) is int and len(params) <= nlocals <= limits.MAX_LOCALS, f"function {fname}: bad local count")
        _need(type(flags) is int and 0 <= flags <= ALL_FLAGS, f"function {fname}: bad flags")
        ret = None if returns is None else _type(returns)
        funcs.append(Function(fname, entry, tuple(_named(p) for p in params), ret, nlocals, flags))
    evs = []
    for e in events:
        _need(type(e) is list and len(e) == 2 and isinstance(e[0], str), "malformed event entry")
        _need(type(e[1]) is list and len(e[1]) <= limits.MAX_FIELDS, "malformed event fields")
        evs.append(Event(e[0], tuple(_named(x) for x in e[1])))
    # These two loops run once per constant and line entry, which a 256 KiB
    # object can hold tens of thousands of: kept tight (loading is paid per byte).
    for c in consts:
        t = type(c)
        if t is int:
            _need(_INT_MIN <= c <= _INT_MAX, "constant int out of range")
        elif t is bytes or t is str:
            _need(len(c) <= limits.MAX_VALUE_SIZE, "constant over the size limit")
        else:
            _need(t is bool, "constant of a disallowed type")
    prev = -1
    nfiles = len(files)
    table = []
    for entry in lines:
        if type(entry) is not list or len(entry) != 4:
            raise CodeFormatError("malformed line entry")
        pc, fi, line, col = entry
        if type(pc) is not int or type(fi) is not int or type(line) is not int or type(col) is not int:
            raise CodeFormatError("malformed line entry")
        _need(pc > prev and 0 <= fi < nfiles, "line table out of order or bad file index")
        prev = pc
        table.append((pc, fi, line, col))
    return CodeObject(name, tuple(funcs), tuple(evs), tuple(consts), code, tuple(files), tuple(table), version)
