"""Assembler: instructions with labels and symbolic arguments -> CodeObject.

Only the assembler knows byte offsets. Symbolic arguments:
  PUSH_CONST value   (the pool is built here, first use first)
  JUMP* label        (a Label name within the same function)
  CALL function-name, EMIT event-name, SLOAD type-name ("int", ...)
  CHECK_TYPE TYPE     (held in the pool as bytes of its canonical msgpack)
Everything else takes its integer immediate, or none.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import limits
from .code import CodeObject, Event, Function, encode_type
from .bytecode import decode_region, encode_immediate
from .opcodes import BY_NAME, TYPE_TAGS


@dataclass(frozen=True)
class Label:
    name: str


@dataclass(frozen=True)
class Instr:
    op: str
    arg: object = None
    span: tuple | None = None  # (file, line, col) of the source this came from


@dataclass
class FunctionAsm:
    name: str
    params: tuple  # ((name, TYPE), ...)
    returns: object  # TYPE or None
    nlocals: int
    flags: int
    body: list = field(default_factory=list)  # [Instr | Label]


class AssemblyError(ValueError):
    """Instructions that cannot be assembled (a compiler bug, or bad hand-written assembly)."""


def _const_key(v):
    # 1 == True in Python; the pool must keep them apart.
    return (type(v).__name__, v)


def assemble(name: str, functions: list, events: list = ()) -> CodeObject:
    """Lay out functions in order and resolve labels, constants and names."""
    fn_index = {f.name: i for i, f in enumerate(functions)}
    if len(fn_index) != len(functions):
        raise AssemblyError("duplicate function name")
    ev_index = {e.name: i for i, e in enumerate(events)}
    consts: list = []
    const_index: dict = {}
    files: list = []
    file_index: dict = {}

    # Pass 1: offsets of every instruction and label, and the format version the opcodes need.
    entries, label_at = [], {}
    pc = 0
    version = 1
    for fi, f in enumerate(functions):
        entries.append(pc)
        for item in f.body:
            if isinstance(item, Label):
                if (fi, item.name) in label_at:
                    raise AssemblyError(f"{f.name}: duplicate label {item.name}")
                label_at[(fi, item.name)] = pc
            else:
                spec = BY_NAME.get(item.op)
                if spec is None:
                    raise AssemblyError(f"unknown opcode {item.op}")
                pc += 1 + spec.imm
                version = max(version, spec.since)

    # Pass 2: bytes and line table.
    out = bytearray()
    lines: list = []
    last_span = None
    for fi, f in enumerate(functions):
        for item in f.body:
            if isinstance(item, Label):
                continue
            spec = BY_NAME[item.op]
            if item.span is not None and item.span != last_span:
                fname, line, col = item.span
                if fname not in file_index:
                    file_index[fname] = len(files)
                    files.append(fname)
                lines.append((len(out), file_index[fname], line, col))
                last_span = item.span
            out.append(spec.code)
            if spec.imm:
                value = _immediate(spec, item, fi, f, label_at, fn_index, ev_index, consts, const_index)
                try:
                    out += encode_immediate(spec, value)
                except OverflowError:
                    raise AssemblyError(f"{f.name}: immediate {value} does not fit {item.op}") from None
            elif item.arg is not None:
                raise AssemblyError(f"{f.name}: {item.op} takes no argument")
    if len(out) > limits.MAX_CODE_SIZE:
        raise AssemblyError(f"code is {len(out)} bytes, over the limit of {limits.MAX_CODE_SIZE}")
    funcs = tuple(
        Function(f.name, entries[i], tuple(f.params), f.returns, f.nlocals, f.flags) for i, f in enumerate(functions)
    )
    evs = tuple(Event(e.name, tuple(e.fields)) for e in events)
    return CodeObject(name, funcs, evs, tuple(consts), bytes(out), tuple(files), tuple(lines), version)


def _immediate(spec, item, fi, f, label_at, fn_index, ev_index, consts, const_index) -> int:
    """The number for a symbolic argument, by what the immediate means (its imm_kind)."""
    arg = item.arg
    kind = spec.imm_kind
    if kind == "label":
        if (fi, arg) not in label_at:
            raise AssemblyError(f"{f.name}: unknown label {arg!r}")
        return label_at[(fi, arg)]
    if kind == "type":  # a TYPE, held in the pool as its canonical msgpack
        arg = encode_type(arg)
        kind = "const"
    if kind == "const":
        key = _const_key(arg)
        if key not in const_index:
            if len(consts) >= limits.MAX_CONSTS:
                raise AssemblyError("constant pool is full")
            const_index[key] = len(consts)
            consts.append(arg)
        return const_index[key]
    if kind == "func" and isinstance(arg, str):
        if arg not in fn_index:
            raise AssemblyError(f"{f.name}: call to unknown function {arg!r}")
        return fn_index[arg]
    if kind == "event" and isinstance(arg, str):
        if arg not in ev_index:
            raise AssemblyError(f"{f.name}: unknown event {arg!r}")
        return ev_index[arg]
    if kind == "tag" and isinstance(arg, str):
        return TYPE_TAGS[arg]
    if type(arg) is not int:
        raise AssemblyError(f"{f.name}: {spec.name} needs an integer immediate, got {arg!r}")
    return arg


def decode_instructions(code: bytes):
    """(offset, OpSpec, immediate or None) of each instruction; AssemblyError on unknown or truncated input."""
    instrs, stop = decode_region(code)
    if stop is not None:
        raise AssemblyError(f"{stop[1]} at offset {stop[0]}")
    return instrs
