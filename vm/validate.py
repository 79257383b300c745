"""Load-time validation: code is checked once, before anything runs, and cached by hash.

Every opcode known, every immediate in range, jumps landing on instruction
starts of the same function, one stack height per instruction on every path,
no underflow, no falling off a function, RET at exactly its return height.
"""
from __future__ import annotations

import bisect
import hashlib
import weakref
from dataclasses import dataclass, field

from cachetools import LRUCache

from . import limits
from .code import CodeFormatError, CodeObject, Function, decode, decode_type
from .errors import ValidationError
from .bytecode import decode_region
from .opcodes import BY_CODE, OpSpec, TYPE_TAGS
from .values import type_fields

# The cache is bounded by bytecode held: a program costs about 260 bytes of
# memory per byte of code (one-byte instructions, measured), so 1 MiB of code
# is about 270 MB at worst. Each program counts at least 1 KiB, which also
# bounds the entries to 1024. Least recently used first out; a miss costs
# time, never gas.
CACHE_SIZE = 1024
CACHE_CODE_BYTES = 1024 * 1024


def new_cache(code_bytes: int = CACHE_CODE_BYTES, entries: int = CACHE_SIZE) -> LRUCache:
    """An empty program cache holding at most `code_bytes` of bytecode in at most `entries` programs."""
    floor = code_bytes // entries
    return LRUCache(code_bytes, getsizeof=lambda program: max(len(program.code.code), floor))


# Like the rest of the VM, the cache is used from one thread at a time
# (cachetools caches are not thread-safe).
_cache: LRUCache = new_cache()
# The last few code byte strings seen, by identity: a host hands back the same
# bytes object call after call, and hashing them again is most of a cache hit.
# An entry holds its bytes (so their id cannot be reused), their hash and a weak
# reference to the program: the cache above alone keeps programs alive, and
# bounds their memory; a program it has dropped is looked up again by hash.
_RECENT_MAX = 16
_recent: dict = {}  # id(bytes) -> (bytes, code hash, weak reference to the program)


@dataclass(eq=False)
class FuncInfo:
    """A function as the interpreter needs it: entry as an instruction index."""

    index: int
    name: str
    entry: int  # instruction index
    nparams: int
    nlocals: int
    returns: object  # TYPE or None
    flags: int
    function: Function
    end: int  # instruction index one past the function's last
    arg_fields: int = 0  # struct fields in the parameter types (what checking arguments walks)
    ret_fields: int = 0  # struct fields in the return type
    tier1: object = False  # vm.tier1.Compiled, None (runs on tier 0) or False (not made yet)
    arg_kinds: object = False  # the parameters' Python types when all are int/bool/address, else None; False: not known yet
    called_from_outside: bool = False  # pub and not init: what vm.call may run
    is_view: bool = False

    def __post_init__(self):
        self.called_from_outside = self.function.is_pub and not self.function.is_init
        self.is_view = self.function.is_view


@dataclass(eq=False)
class Program:
    """A validated code object, with everything derived from it once."""

    code: CodeObject
    code_hash: bytes
    instrs: tuple  # (offset, OpSpec, immediate or None) in code order
    index_of: dict  # byte offset -> instruction index
    heights: tuple  # operand stack height before each instruction (None: unreachable)
    blocks: tuple  # (first index, end index) of each basic block, in code order
    block_gas: tuple  # static gas of each block, for a tier that charges per block
    funcs: tuple  # FuncInfo per function-table entry
    func_at: tuple  # function-table index of each instruction
    max_stack: int
    ops: list | None = field(default=None)  # the interpreter's predecoded form, built lazily
    inlined: int = 0  # instructions tier 1 has copied into callers so far (see tier1.INLINE_SHARE)

    by_name: dict = field(default_factory=dict)  # function name -> FuncInfo (names are unique)
    types: dict = field(default_factory=dict)  # constant index -> TYPE, for CHECK_TYPE immediates

    def function(self, name: str) -> FuncInfo | None:
        # A dict, not a scan: a contract with 65535 functions must not make every call slow.
        return self.by_name.get(name)

    @property
    def init(self) -> FuncInfo | None:
        for f in self.funcs:
            if f.function.is_init:
                return f
        return None

    def location(self, index: int) -> str | None:
        if 0 <= index < len(self.instrs):
            return self.code.location(self.instrs[index][0])
        return None


def recent(code):
    """The program of these very bytes if they were validated lately and it is still alive, else None:
    the common case of `validate`, without hashing (the caller counts the code it loads itself)."""
    seen = _recent.get(id(code))
    if seen is not None and seen[0] is code:
        return seen[2]()
    return None


def validate(code, before_check=None, programs=None) -> Program:
    """Validate a CodeObject or its encoded bytes; raises ValidationError, never anything else.

    `before_check(n)`, when given, is called with the bytecode's length once the
    object has decoded and before the (costlier) checks, cached or not: the VM
    counts the code a call loads there, so a cache hit counts the same as a miss.
    `programs`, when given, holds stored forms by code hash (`get_program(hash)`,
    vm/stored.py): on a cache miss a good one stands for the checks.
    """
    seen = _recent.get(id(code))
    if seen is not None and seen[0] is code:
        program = seen[2]()
        if program is None:
            program = _cache.get(seen[1])
        if program is not None:
            if before_check is not None:
                before_check(len(program.code.code))
            return program
    if isinstance(code, CodeObject):
        try:
            data = code.encode()
        except Exception as exc:  # a hand-built object holding values that have no encoding
            raise ValidationError(f"code object cannot be encoded: {exc}") from None
    elif isinstance(code, (bytes, bytearray, memoryview)):
        data = bytes(code)
    else:
        raise ValidationError(f"expected a code object or bytes, got {type(code).__name__}")
    if len(data) > limits.MAX_CODE_OBJECT_SIZE:
        raise ValidationError(f"code object of {len(data)} bytes is over the limit of {limits.MAX_CODE_OBJECT_SIZE}")
    key = hashlib.sha256(data).digest()
    hit = _cache.get(key)
    if hit is not None:
        _remember(code, key, hit)
        if before_check is not None:
            before_check(len(hit.code.code))
        return hit
    program = _from_store(programs, data, key) if programs is not None else None
    if program is not None:
        if before_check is not None:
            before_check(len(program.code.code))
    else:
        try:
            obj = decode(data)
        except CodeFormatError as exc:
            raise ValidationError(f"bad code object: {exc}") from None
        if before_check is not None:
            before_check(len(obj.code))
        program = _check(obj, key)
    _cache[key] = program
    _remember(code, key, program)
    return program


def _from_store(programs, data: bytes, key: bytes):
    from . import stored

    try:
        blob = programs.get_program(key)
    except Exception:  # noqa: BLE001 -- a store that cannot answer: the code is checked instead
        return None
    return None if blob is None else stored.decode(blob, data, key)


def _remember(code, key: bytes, program) -> None:
    if type(code) is bytes:  # immutable: the same object is the same code
        if len(_recent) >= _RECENT_MAX:
            _recent.clear()
        _recent[id(code)] = (code, key, weakref.ref(program))


def _decode_all(obj: CodeObject, starts: list) -> tuple:
    """Decode each function's region; instructions may not cross a region's end."""
    code = obj.code
    instrs, func_at = [], []
    for n, (entry, fi) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(code)
        region, stop = decode_region(code, entry, end)
        if stop is not None:
            raise ValidationError(stop[1], function=obj.functions[fi].name, offset=stop[0])
        instrs += region
        func_at += [fi] * len(region)
    return instrs, func_at


def _layout(obj: CodeObject) -> tuple:
    """(instrs, func_at, index_of, funcs): the instructions decoded per function and each function's extent."""
    if len(obj.code) > limits.MAX_CODE_SIZE:
        raise ValidationError(f"code of {len(obj.code)} bytes is over the limit of {limits.MAX_CODE_SIZE}")
    if not obj.functions:
        if obj.code:
            raise ValidationError("code without any function")
    inits = [f.name for f in obj.functions if f.is_init]
    if len(inits) > 1:
        raise ValidationError(f"more than one init function: {', '.join(inits)}")
    starts = sorted((f.entry, i) for i, f in enumerate(obj.functions))
    for (a, fa), (b, fb) in zip(starts, starts[1:]):
        if a == b:
            raise ValidationError(
                f"functions {obj.functions[fa].name} and {obj.functions[fb].name} share entry {a}"
            )
    if starts and starts[0][0] != 0:
        raise ValidationError(f"code before the first function (which starts at {starts[0][0]})")
    instrs, func_at = _decode_all(obj, starts)
    index_of = {pc: i for i, (pc, _, _) in enumerate(instrs)}
    # Function extents as instruction indexes.
    ranges = {}
    for n, (entry, fi) in enumerate(starts):
        first = index_of.get(entry)
        end = index_of[starts[n + 1][0]] if n + 1 < len(starts) else len(instrs)
        if first is None or first == end:
            raise ValidationError("empty function", function=obj.functions[fi].name, offset=entry)
        ranges[fi] = (first, end)
    funcs = tuple(
        FuncInfo(
            i, f.name, ranges[i][0], len(f.params), f.nlocals, f.returns, f.flags, f, ranges[i][1],
            sum(type_fields(t) for _, t in f.params), type_fields(f.returns),
        )
        for i, f in enumerate(obj.functions)
    )
    return instrs, func_at, index_of, funcs


def _program(obj, key, instrs, index_of, heights, blocks, funcs, func_at, max_stack, types) -> Program:
    block_gas = tuple(sum(instrs[i][1].gas for i in range(a, b)) for a, b in blocks)
    program = Program(obj, key, tuple(instrs), index_of, tuple(heights), blocks, block_gas, funcs, tuple(func_at), max_stack)
    program.by_name = {f.name: f for f in funcs}
    program.types = types
    return program


def program_from_stored(obj: CodeObject, key: bytes, heights: list, blocks: list, max_stack: int) -> Program:
    """The program of checked code from what its check derived (vm/stored.py); ValueError when they do not fit."""
    instrs, func_at, index_of, funcs = _layout(obj)
    n = len(instrs)
    if len(heights) != n or not all(h is None or (type(h) is int and 0 <= h <= limits.MAX_STACK) for h in heights):
        raise ValueError("stored heights do not fit the code")
    blocks = tuple((a, b) for a, b in blocks)
    if blocks and (blocks[0][0] != 0 or blocks[-1][1] != n) or any(
            type(a) is not int or a >= b or (i and blocks[i - 1][1] != a) for i, (a, b) in enumerate(blocks)):
        raise ValueError("stored blocks do not fit the code")
    if not blocks and n:
        raise ValueError("stored blocks do not fit the code")
    types = {imm: decode_type(obj.consts[imm]) for _, spec, imm in instrs if spec.imm_kind == "type"}
    return _program(obj, key, instrs, index_of, heights, blocks, funcs, func_at, max_stack, types)


def _check(obj: CodeObject, key: bytes) -> Program:
    instrs, func_at, index_of, funcs = _layout(obj)
    ranges = {f.index: (f.entry, f.end) for f in funcs}
    effects = []
    types: dict = {}
    for i, (pc, spec, imm) in enumerate(instrs):
        fixed = _FIXED.get(spec.code)
        if spec.since > obj.version:
            raise ValidationError(
                f"{spec.name} needs code format version {spec.since}, the object says {obj.version}",
                function=funcs[func_at[i]].name, offset=pc,
            )
        if spec.imm:
            _check_immediate(obj, funcs[func_at[i]], pc, spec, imm, index_of, ranges, types)
        effects.append(fixed or stack_effect(obj, funcs[func_at[i]], spec, imm))
    heights, max_stack = _stack_heights(funcs, instrs, index_of, effects)
    blocks = _blocks(instrs, index_of, funcs)
    _check_struct_fields(funcs, instrs, blocks, func_at, effects)
    return _program(obj, key, instrs, index_of, heights, blocks, funcs, func_at, max_stack, types)


def _check_immediate(obj, fn: FuncInfo, pc, spec: OpSpec, imm, index_of, ranges, types):
    def bad(msg):
        raise ValidationError(msg, function=fn.name, offset=pc)

    kind = spec.imm_kind
    if kind == "const" and imm >= len(obj.consts):
        bad(f"constant index {imm} outside the pool of {len(obj.consts)}")
    elif kind == "local" and imm >= fn.nlocals:
        bad(f"local {imm} outside the function's {fn.nlocals} slots")
    elif kind == "func" and imm >= len(obj.functions):
        bad(f"call to function {imm}, outside the table of {len(obj.functions)}")
    elif kind == "event" and imm >= len(obj.events):
        bad(f"event {imm} outside the table of {len(obj.events)}")
    elif kind == "tag" and imm not in TYPE_TAGS.values():
        bad(f"unknown storage type tag {imm}")
    elif kind == "type" and imm not in types:
        if imm >= len(obj.consts):
            bad(f"type constant {imm} outside the pool of {len(obj.consts)}")
        try:
            types[imm] = decode_type(obj.consts[imm])
        except CodeFormatError as exc:
            bad(f"constant {imm} is not a type: {exc}")
    elif kind == "label":
        target = index_of.get(imm)
        if target is None:
            bad(f"jump target {imm} is not an instruction start")
        first, end = ranges[fn.index]
        if not first <= target < end:
            bad(f"jump target {imm} is outside the function")


# (pops, pushes) of the opcodes whose effect does not depend on their immediate or function.
_FIXED = {op.code: (op.pops, op.pushes) for op in BY_CODE.values() if type(op.pops) is int and type(op.pushes) is int}


def stack_effect(obj: CodeObject, fn: FuncInfo, spec: OpSpec, imm) -> tuple:
    """(pops, pushes) of one instruction, resolving the table's variable-arity rules."""

    def resolve(rule):
        if type(rule) is int:
            return rule
        if rule == "imm":
            return imm
        if rule == "args":
            return len(obj.functions[imm].params)
        if rule == "rets":
            return 0 if obj.functions[imm].returns is None else 1
        if rule == "fields":
            return len(obj.events[imm].fields)
        if rule == "xargs":
            return imm + 2
        if rule == "ret":
            return 0 if fn.returns is None else 1
        raise AssertionError(f"unknown arity rule {rule!r}")

    return resolve(spec.pops), resolve(spec.pushes)


def _stack_heights(funcs, instrs, index_of, effects) -> tuple:
    """One pass per function over reachable instructions; a height, once set, must agree."""
    heights = [None] * len(instrs)
    max_stack = 0
    for fn in funcs:
        work = [(fn.entry, 0)]
        while work:
            i, h = work.pop()
            if heights[i] is not None:
                if heights[i] != h:
                    pc = instrs[i][0]
                    raise ValidationError(
                        f"stack height {h} disagrees with {heights[i]} on another path", function=fn.name, offset=pc
                    )
                continue
            heights[i] = h
            pc, spec, imm = instrs[i]
            pops, pushes = effects[i]
            if h < pops:
                raise ValidationError(f"stack underflow: {spec.name} needs {pops}, has {h}", function=fn.name, offset=pc)
            nh = h - pops + pushes
            if nh > limits.MAX_STACK:
                raise ValidationError(f"stack height {nh} over the limit of {limits.MAX_STACK}", function=fn.name, offset=pc)
            max_stack = max(max_stack, nh)
            if spec.name == "RET" and h != pops:
                raise ValidationError(
                    f"RET with {h} values on the stack; the function returns {pops}", function=fn.name, offset=pc
                )
            if spec.jumps:
                work.append((index_of[imm], nh))
            if not spec.terminates:
                if i + 1 >= fn.end:
                    raise ValidationError("control falls off the end of the function", function=fn.name, offset=pc)
                work.append((i + 1, nh))
    return heights, max_stack


def _blocks(instrs, index_of, funcs) -> tuple:
    leaders = {fn.entry for fn in funcs}
    for i, (pc, spec, imm) in enumerate(instrs):
        if spec.jumps:
            leaders.add(index_of[imm])
        if spec.jumps or spec.terminates or spec.name in ("CALL", "XCALL", "XCALL_VOID"):
            leaders.add(i + 1)
    starts = sorted(x for x in leaders if x < len(instrs))
    return tuple(zip(starts, starts[1:] + [len(instrs)]))


def _check_struct_fields(funcs, instrs, blocks, func_at, effects):
    """Field indexes against MAKE_STRUCT counts known within a basic block."""
    field_ops = [i for i, (_, spec, _) in enumerate(instrs) if spec.name in ("GET_FIELD", "SET_FIELD")]
    if not field_ops:
        return
    wanted = set()
    starts = [a for a, _ in blocks]
    for i in field_ops:
        wanted.add(bisect.bisect_right(starts, i) - 1)
    for b in sorted(wanted):
        first, end = blocks[b]
        known: list = []  # struct field counts of the top values (None: unknown), top last
        fn = funcs[func_at[first]]
        for i in range(first, end):
            pc, spec, imm = instrs[i]
            name = spec.name
            pops, pushes = effects[i]
            if len(known) < max(pops, 2):  # what lies below the tracked values is unknown
                known[:0] = [None] * (max(pops, 2) - len(known))
            if name in ("GET_FIELD", "SET_FIELD"):
                count = known[-1] if name == "GET_FIELD" else known[-2]
                if count is not None and imm >= count:
                    raise ValidationError(
                        f"{name} {imm} on a struct of {count} fields", function=fn.name, offset=pc
                    )
            if name == "MAKE_STRUCT":
                del known[len(known) - imm :]
                known.append(imm)
            elif name == "DUP":
                known.append(known[-1])
            elif name == "OVER":
                known.append(known[-2])
            elif name == "SWAP":
                known[-1], known[-2] = known[-2], known[-1]
            elif name == "SET_FIELD":
                kept = known[-2]
                del known[-2:]
                known.append(kept)
            else:
                del known[len(known) - pops :]
                known.extend([None] * pushes)
            if len(known) > 64:  # only the top few matter; keep the pass linear
                del known[:-64]
