"""Tier 1: each validated function as generated Python, with stack slots as locals.

The validator knows every basic block and the stack height at each
instruction, so a function becomes one Python function: operand slots are
locals S0, S1, ..., local variables L0, L1, ..., blocks are branches of a
dispatch on the block's first instruction index. Runs of instructions whose
cost is static and that never touch the execution ("pure") are charged in one
step when the gas left covers the whole run; otherwise the frame goes back to
tier 0 (vm/interpreter.py), which charges instruction by instruction, so the
failure point and the gas used are the reference's. Everything else is charged
per instruction and runs the same handler functions as tier 0
(vm/instructions), on a small list of its operands. Calls, external calls and
returns spill the slots back into the frame's stack list and hand the frame
change to the interpreter's loop: no Python recursion.

The generated source holds only slot names, integer immediates and names of
our own functions and constants; it is compiled with no builtins.
"""
from __future__ import annotations

from .errors import Fault
from .instructions import HANDLERS
from .instructions.common import INT_MAX, INT_MIN, overflow
from .values import Address

# Limits past which a function stays on tier 0 (CPython's compiler recurses per
# nesting level and slows on huge functions).
MAX_INSTRUCTIONS = 1500  # compiling costs about 30 us an instruction, uncharged: bounded per function
MAX_BLOCKS = 600

# Non-contextual handlers that may hand back a function needing the execution
# (a dynamic charge): charged per instruction, like contextual ones.
_MAYBE_SLOW = {"EQ", "NE", "LEN", "CHECK_TYPE"}
# Handlers that push or pop frames: the slots go back into the frame first.
_FRAME = {"CALL", "RET", "XCALL", "XCALL_VOID", "XCALL_VIEW", "XCALL_VIEW_VOID"}
_INT_BINARY = {"ADD": "+", "SUB": "-", "MUL": "*"}
_INT_COMPARE = {"LT": "<", "LE": "<=", "GT": ">", "GE": ">="}
_FLAT = (int, bool, Address)

SLOW = 1  # returned by a generated function: run this frame on tier 0 from frame.pc


def is_pure(name: str) -> bool:
    fn = HANDLERS[name]
    return not getattr(fn, "contextual", False) and name not in _MAYBE_SLOW and name not in _FRAME


class Compiled:
    """One function's generated code: the callable, its code object, and line -> (instruction, refund)."""

    __slots__ = ("run", "code", "lines")  # lines: meta, or "exit": the frame change at x - 1

    def __init__(self, run, code, lines):
        self.run = run
        self.code = code
        self.lines = lines


def compiled(program, func):
    """The tier-1 form of one function of a validated program, made once per program; None: tier 0."""
    cache = program.tier1
    if cache is None:
        cache = program.tier1 = {}
    c = cache.get(func.index, False)
    if c is False:
        try:
            c = _compile(program, func)
        except (RecursionError, MemoryError, SyntaxError, OverflowError):
            c = None  # CPython's own limits: this function stays on tier 0
        cache[func.index] = c
    return c


class _Gen:
    def __init__(self, program, func, ops):
        self.p = program
        self.f = func
        self.ops = ops
        self.out: list = []  # (indent, text, (instruction, refund) or None)
        self.exits: set = set()  # stack heights at which the loop is left
        self.ns: dict = {
            "__builtins__": {}, "tp": type, "int_": int, "MAX": INT_MAX, "MIN": INT_MIN,
            "overflow": overflow, "Fault": Fault, "FLAT": _FLAT, "ln": len,
        }

    def emit(self, indent, text, meta=None):
        self.out.append((indent, text, meta))

    def name(self, prefix, value):
        key = f"{prefix}{len(self.ns)}"
        self.ns[key] = value
        return key

    def handler(self, op):
        key = "H_" + op
        self.ns.setdefault(key, HANDLERS[op])
        return key

    def arg(self, i):
        a = self.ops[i][1]
        if type(a) is int:
            return str(a)
        if a is None:
            return "None"
        return self.name("A", a)

    def all_slots(self, h):
        return [f"L{k}" for k in range(self.f.nlocals)] + [f"S{k}" for k in range(h)]


def _compile(program, func):
    from .interpreter import prepare  # the predecoded arguments: one meaning per immediate

    ops = prepare(program)
    first, end = func.entry, func.end
    if end - first > MAX_INSTRUCTIONS:
        return None
    blocks = [(a, b) for a, b in program.blocks if first <= a < end and program.heights[a] is not None]
    if len(blocks) > MAX_BLOCKS:
        return None
    g = _Gen(program, func, ops)
    resume = [a for a, _ in blocks if a == first or program.instrs[a - 1][1].name in _FRAME]
    heights = sorted({program.heights[a] for a in resume})
    g.emit(1, "gas = ex.gas")
    g.emit(1, "b = frame.pc")
    g.emit(1, "s = frame.stack")
    g.emit(1, "n = ln(s)")  # the frame's slots: its locals, then its operands
    for n, h in enumerate(heights):
        slots = g.all_slots(h)
        g.emit(1, f"{'if' if n == 0 else 'elif'} n == {len(slots)}:")
        g.emit(2, (", ".join(slots) + ", = s") if slots else "pass")
    g.emit(1, "else:")
    g.emit(2, f"return {SLOW}")
    g.emit(1, "while True:")
    _dispatch(g, blocks, 2)
    # The one way out of the loop: spill the slots into the frame, then either
    # hand the frame back to tier 0 (fop None) or run the frame change.
    g.emit(1, "frame.pc = x")
    for n, h in enumerate(sorted(g.exits)):
        g.emit(1, f"{'if' if n == 0 else 'elif'} hx == {h}:")
        _spill(g, h, 2, None)
    g.emit(1, "ex.gas = gas")
    g.emit(1, "if fop is None:")
    g.emit(2, f"return {SLOW}")
    g.emit(1, "fop(ex, frame.stack, farg)", "exit")
    g.emit(1, "return 0")
    return _finish(g, func)


def _dispatch(g, blocks, indent):
    """A binary tree of comparisons over block starts, short chains at its leaves."""
    if len(blocks) <= 4:
        for n, (a, b) in enumerate(blocks):
            g.emit(indent, f"{'if' if n == 0 else 'elif'} b == {a}:")
            _block(g, a, b, indent + 1)
        g.emit(indent, "else:")
        g.emit(indent + 1, f"return {SLOW}")
        return
    mid = len(blocks) // 2
    g.emit(indent, f"if b < {blocks[mid][0]}:")
    _dispatch(g, blocks[:mid], indent + 1)
    g.emit(indent, "else:")
    _dispatch(g, blocks[mid:], indent + 1)


def _block(g, a, b, ind):
    p = g.p
    i = a
    ended = False
    while i < b:
        name = p.instrs[i][1].name
        if is_pure(name):
            j = i
            while j < b and is_pure(p.instrs[j][1].name):
                j += 1
            ended = _pure_run(g, i, j, ind)
            i = j
        else:
            ended = _ctx(g, i, ind)
            i += 1
    if not ended:
        g.emit(ind, f"b = {b}")
        g.emit(ind, "continue")


def _leave(g, ind, pc, h, fop, farg):
    """Leave the loop for the spill at its end, resuming the frame at instruction pc."""
    g.exits.add(h)
    g.emit(ind, f"x, hx, fop, farg = {pc}, {h}, {fop}, {farg}")
    g.emit(ind, "break")


def _spill(g, h, ind, meta):
    slots = g.all_slots(h)
    g.emit(ind, f"frame.stack = [{', '.join(slots)}]", meta)


def _pure_run(g, i, j, ind) -> bool:
    """Instructions i..j-1, all pure: one charge for the run when the gas covers it."""
    p = g.p
    total = sum(p.instrs[k][1].gas for k in range(i, j))
    h0 = p.heights[i]
    g.emit(ind, f"if gas < {total}:", (i, 0))
    _leave(g, ind + 1, i, h0, "None", "None")
    g.emit(ind, f"gas -= {total}", (i, 0))
    done = 0
    for k in range(i, j):
        spec = p.instrs[k][1]
        done += spec.gas
        meta = (k, total - done)  # on failure here, the later instructions' gas was never the reference's
        if _pure_op(g, k, ind, meta):
            return True
    return False


def _pure_op(g, k, ind, meta) -> bool:
    """Source for one pure instruction; True when it ends the block (a jump)."""
    p = g.p
    _, spec, imm = p.instrs[k]
    name = spec.name
    h = p.heights[k]
    e = lambda text, d=0: g.emit(ind + d, text, meta)  # noqa: E731
    top, second = f"S{h - 1}", f"S{h - 2}"
    if name == "PUSH_CONST":
        e(f"S{h} = {g.arg(k)}")
    elif name == "PUSH_INT":
        e(f"S{h} = {imm}")
    elif name == "PUSH_TRUE":
        e(f"S{h} = True")
    elif name == "PUSH_FALSE":
        e(f"S{h} = False")
    elif name == "POP":
        pass
    elif name == "DUP":
        e(f"S{h} = {top}")
    elif name == "OVER":
        e(f"S{h} = {second}")
    elif name == "SWAP":
        e(f"{top}, {second} = {second}, {top}")
    elif name == "LOAD":
        e(f"S{h} = L{imm}")
    elif name == "STORE":
        e(f"L{imm} = {top}")
    elif name in _INT_BINARY:
        e(f"if tp({second}) is int_ and tp({top}) is int_:")
        e(f"{second} = {second} {_INT_BINARY[name]} {top}", 1)
        e(f"if {second} > MAX or {second} < MIN:", 1)
        e("raise overflow()", 2)
        e("else:")
        e(f"{g.handler(name)}([{second}, {top}], None)", 1)
    elif name in _INT_COMPARE:
        e(f"if tp({second}) is int_ and tp({top}) is int_:")
        e(f"{second} = {second} {_INT_COMPARE[name]} {top}", 1)
        e("else:")
        e(f"{g.handler(name)}([{second}, {top}], None)", 1)
    elif name == "NOT":
        e(f"if {top} is True:")
        e(f"{top} = False", 1)
        e(f"elif {top} is False:")
        e(f"{top} = True", 1)
        e("else:")
        e(f"{g.handler(name)}([{top}], None)", 1)
    elif name == "JUMP":
        e(f"b = {p.index_of[imm]}")
        e("continue")
        return True
    elif name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
        taken, other = ("False", "True") if name == "JUMP_IF_FALSE" else ("True", "False")
        e(f"if {top} is {taken}:")
        e(f"b = {p.index_of[imm]}", 1)
        e("continue", 1)
        e(f"if {top} is not {other}:")
        e(f"{g.handler(name)}([{top}], None)", 1)
    else:  # the shared handler on a list of just its operands
        pops, pushes = _effect(p, k)
        operands = ", ".join(f"S{x}" for x in range(h - pops, h))
        e(f"t = [{operands}]")
        e(f"{g.handler(name)}(t, {g.arg(k)})")
        _unpack(e, h - pops, pushes)
    return False


def _unpack(e, base, pushes):
    if pushes == 1:
        e(f"S{base} = t[0]")
    elif pushes:
        e(", ".join(f"S{base + x}" for x in range(pushes)) + ", = t")


def _effect(p, k):
    from .validate import stack_effect

    _, spec, imm = p.instrs[k]
    return stack_effect(p.code, p.funcs[p.func_at[k]], spec, imm)


def _ctx(g, k, ind) -> bool:
    """An instruction charged on its own, running its handler with the execution; True when it ends the block."""
    p = g.p
    _, spec, imm = p.instrs[k]
    name = spec.name
    h = p.heights[k]
    meta = (k, 0)
    e = lambda text, d=0: g.emit(ind + d, text, meta)  # noqa: E731
    e(f"gas -= {spec.gas}")
    e("if gas < 0:")
    e("raise Fault('out of gas')", 1)
    fn = HANDLERS[name]
    contextual = getattr(fn, "contextual", False)
    arg = g.arg(k)
    if name in _FRAME and name != "RET":
        _leave(g, ind, k + 1, h, g.handler(name), arg)
        return True
    pops, pushes = _effect(p, k)
    base = h - pops
    if name in ("EQ", "NE"):
        op = "==" if name == "EQ" else "!="
        a, b = f"S{h - 2}", f"S{h - 1}"
        e(f"if tp({a}) is tp({b}) and tp({a}) in FLAT:")
        e(f"{a} = {a} {op} {b}", 1)
        e("else:")
        ind += 1
        e = lambda text, d=0: g.emit(ind + d, text, meta)  # noqa: E731
    e(f"t = [{', '.join(f'S{x}' for x in range(base, h))}]")
    e("ex.gas = gas")
    if contextual:
        e(f"{g.handler(name)}(ex, t, {arg})")
    else:
        e(f"r = {g.handler(name)}(t, {arg})")
        e("if r is not None:")
        e(f"r(ex, t, {arg})", 1)
    e("gas = ex.gas")
    if name == "RET":
        e("return 0")
        return True
    if spec.terminates:  # REVERT raises; never falls through
        e("return 0")
        return True
    _unpack(e, base, pushes)
    return False


def _finish(g, func):
    lines = ["def run(ex, frame):"]
    table = {}
    for indent, text, meta in g.out:
        lines.append("    " * indent + text)
        if meta is not None:
            table[len(lines)] = meta
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<tier1 {func.name}>", "exec")
    ns = g.ns
    exec(code, ns)  # noqa: S102 -- our own generated source, names and integers only
    run = ns["run"]
    return Compiled(run, run.__code__, table)
