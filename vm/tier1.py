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
(vm/instructions), on a small list of its operands. An internal call runs the
callee's generated code as a Python call (`call_direct`, at most DIRECT_DEPTH
frames deep) with the caller's slots kept in locals; external calls, returns
and deeper calls spill the slots back into the frame's stack list and hand the
frame change to the interpreter's loop.

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
_CALL = HANDLERS["CALL"]

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


def owner(pyframe):
    """The Compiled running in this Python frame (a traceback's), or None when it is not generated code."""
    code = pyframe.f_code
    if not code.co_filename.startswith("<tier1 "):
        return None
    frame = pyframe.f_locals.get("frame")  # run(ex, frame): the VM frame it runs
    c = getattr(getattr(frame, "func", None), "tier1", None)
    return c if c is not None and c is not False and c.code is code else None


# An internal CALL runs the callee's generated code as a Python call while the
# frames are at most this many; deeper, the call goes back through the
# interpreter's loop, so contracts never make Python recurse past this bound.
DIRECT_DEPTH = 32


def call_direct(ex, frame, callee, args) -> bool:
    """CALL from generated code: the CALL handler pushes the callee's frame, then its code runs here.

    True when the callee returned (its result, if any, appended to frame.stack);
    False when it left a frame change for the interpreter's loop, which then
    resumes the caller at the instruction after the CALL once the callee returns.
    """
    _CALL(ex, args, callee)
    if len(ex.frames) > DIRECT_DEPTH:
        return False
    c = callee.tier1
    if c is False:
        c = compiled(frame.ctx.program, callee)
    if c is None:
        return False
    c.run(ex, ex.frame)
    return ex.frame is frame


def compiled(program, func):
    """The tier-1 form of one function of a validated program, made once per program; None: tier 0."""
    c = func.tier1  # each FuncInfo belongs to one program
    if c is False:
        try:
            c = _compile(program, func)
        except (RecursionError, MemoryError, SyntaxError, OverflowError):
            c = None  # CPython's own limits: this function stays on tier 0
        func.tier1 = c
    return c


class _Gen:
    def __init__(self, program, func, ops):
        self.p = program
        self.f = func
        self.ops = ops
        self.out: list = []  # (indent, text, (instruction, refund) or None)
        self.exits: set = set()  # stack heights at which the loop is left
        self.inline: set = set()  # blocks emitted after the block that falls into them
        self.block_end: dict = {}  # block start -> end
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
    # A block entered only by falling through from the one before it (no jump
    # lands there, no frame resumes there) is emitted inline after it.
    targets = {program.index_of[program.instrs[i][2]] for i in range(first, end) if program.instrs[i][1].jumps}
    g.inline = {a for a, _ in blocks if a != first and a not in targets and a not in resume}
    g.block_end = dict(blocks)
    g.emit(1, "while True:")
    _dispatch(g, [blk for blk in blocks if blk[0] not in g.inline], 2)
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
        if b in g.inline and b in g.block_end:
            _block(g, b, g.block_end[b], ind)
        else:
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
    """Instructions i..j-1, all pure: one charge for the run when the gas covers it.

    Within the run, a slot filled by LOAD or a constant push is not copied: its
    uses read the local or the literal directly (`alias`), and it is written
    out only when something else needs the slot (a STORE to that local, a
    jump, the run's end).
    """
    p = g.p
    total = sum(p.instrs[k][1].gas for k in range(i, j))
    h0 = p.heights[i]
    g.emit(ind, f"if gas < {total}:", (i, 0))
    _leave(g, ind + 1, i, h0, "None", "None")
    g.emit(ind, f"gas -= {total}", (i, 0))
    done = 0
    run = _Run(g, ind)
    k = i
    while k < j:
        spec = p.instrs[k][1]
        done += spec.gas
        meta = (k, total - done)  # on failure here, the later instructions' gas was never the reference's
        fused = (
            spec.name in _INT_COMPARE and k + 1 < j
            and p.instrs[k + 1][1].name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE")
        )
        if fused:
            nxt = p.instrs[k + 1][1]
            done += nxt.gas
            run.compare_jump(k, meta, (k + 1, total - done))
            k += 2
            continue
        if run.op(k, meta):
            return True
        k += 1
    run.flush(None, (j - 1, 0))
    return False


class _Run:
    """Source for the instructions of one pure run, with the slots that alias a local or a literal."""

    def __init__(self, g, ind):
        self.g = g
        self.ind = ind
        self.alias: dict = {}  # stack position -> (expression, is a literal int)
        self.ints: set = set()  # stack positions this run filled with an int result

    def ref(self, x):
        return self.alias.get(x, (f"S{x}", False))[0]

    def int_checks(self, xs) -> str:
        tests = []
        for x in xs:
            expr, literal = self.alias.get(x, (f"S{x}", False))
            test = f"tp({expr}) is int_"
            if not literal and x not in self.ints and test not in tests:
                tests.append(test)
        return " and ".join(tests)

    def flush(self, keep, meta, positions=None):
        """Write out aliased slots (all, or those in positions), except the positions in keep."""
        for x in sorted(self.alias):
            if (positions is None or x in positions) and (keep is None or x not in keep):
                self.g.emit(self.ind, f"S{x} = {self.alias[x][0]}", meta)
        for x in list(self.alias):
            if (positions is None or x in positions) and (keep is None or x not in keep):
                del self.alias[x]

    def set(self, x, expr, literal=False):
        self.ints.discard(x)
        self.alias[x] = (expr, literal)

    def written(self, *xs):
        for x in xs:
            self.alias.pop(x, None)
            self.ints.discard(x)

    def compare_jump(self, k, meta, jmeta):
        """LT/LE/GT/GE then JUMP_IF_*: the bool is never stored."""
        p, g = self.g.p, self.g
        name = p.instrs[k][1].name
        jname, target = p.instrs[k + 1][1].name, p.index_of[p.instrs[k + 1][2]]
        h = p.heights[k]
        a, b = self.ref(h - 2), self.ref(h - 1)
        # The jump's target and the next instruction read the slots below the two operands.
        self.flush({h - 2, h - 1}, meta)
        cond = f"{a} {_INT_COMPARE[name]} {b}"
        if jname == "JUMP_IF_FALSE":
            cond = f"not ({cond})"
        checks = self.int_checks([h - 2, h - 1])
        self.written(h - 2, h - 1)
        ind = self.ind
        if checks:
            g.emit(ind, f"if not ({checks}):", meta)
            g.emit(ind + 1, f"{g.handler(name)}([{a}, {b}], None)", meta)
        g.emit(ind, f"if {cond}:", jmeta)
        g.emit(ind + 1, f"b = {target}", jmeta)
        g.emit(ind + 1, "continue", jmeta)

    def op(self, k, meta) -> bool:
        """Source for one pure instruction; True when it ends the block (a jump)."""
        g, p = self.g, self.g.p
        _, spec, imm = p.instrs[k]
        name = spec.name
        h = p.heights[k]

        def e(text, d=0):
            g.emit(self.ind + d, text, meta)

        top, second = self.ref(h - 1), self.ref(h - 2)
        if name == "PUSH_CONST":
            c = g.ops[k][1]
            self.set(h, g.arg(k), type(c) is int)
        elif name == "PUSH_INT":
            self.set(h, str(imm), True)
        elif name == "PUSH_TRUE":
            self.set(h, "True")
        elif name == "PUSH_FALSE":
            self.set(h, "False")
        elif name == "POP":
            self.written(h - 1)
        elif name == "LOAD":
            self.set(h, f"L{imm}")
        elif name == "STORE":
            # Slots that alias the local keep its old value: write them out first.
            self.flush(None, meta, {x for x, (expr, _) in self.alias.items() if expr == f"L{imm}" and x != h - 1})
            e(f"L{imm} = {top}")
            self.written(h - 1)
        elif name in ("DUP", "OVER", "SWAP"):
            self.flush(None, meta, {h - 1, h - 2})
            top, second = f"S{h - 1}", f"S{h - 2}"
            ints = self.ints
            if name == "DUP":
                e(f"S{h} = {top}")
                (ints.add if h - 1 in ints else ints.discard)(h)
            elif name == "OVER":
                e(f"S{h} = {second}")
                (ints.add if h - 2 in ints else ints.discard)(h)
            else:
                e(f"{top}, {second} = {second}, {top}")
                a, b = h - 1 in ints, h - 2 in ints
                (ints.add if b else ints.discard)(h - 1)
                (ints.add if a else ints.discard)(h - 2)
        elif name in _INT_BINARY:
            checks = self.int_checks([h - 2, h - 1])
            self.written(h - 2, h - 1)
            out = f"S{h - 2}"
            ind = 0
            if checks:
                e(f"if {checks}:")
                ind = 1
            e(f"{out} = {second} {_INT_BINARY[name]} {top}", ind)
            e(f"if {out} > MAX or {out} < MIN:", ind)
            e("raise overflow()", ind + 1)
            if checks:
                e("else:")
                e(f"{g.handler(name)}([{second}, {top}], None)", 1)
            self.ints.add(h - 2)  # past the checks, the result is an int
        elif name in _INT_COMPARE:
            checks = self.int_checks([h - 2, h - 1])
            self.written(h - 2, h - 1)
            if checks:
                e(f"if not ({checks}):")
                e(f"{g.handler(name)}([{second}, {top}], None)", 1)
            e(f"S{h - 2} = {second} {_INT_COMPARE[name]} {top}")
        elif name == "NOT":
            self.flush(None, meta, {h - 1})  # never `is` on a literal
            self.written(h - 1)
            top = f"S{h - 1}"
            e(f"if {top} is True:")
            e(f"S{h - 1} = False", 1)
            e(f"elif {top} is False:")
            e(f"S{h - 1} = True", 1)
            e("else:")
            e(f"{g.handler(name)}([{top}], None)", 1)
        elif name == "JUMP":
            self.flush(None, meta)
            e(f"b = {p.index_of[imm]}")
            e("continue")
            return True
        elif name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            self.flush(None, meta)  # the target reads the slots; and never `is` on a literal
            top = f"S{h - 1}"
            taken, other = ("False", "True") if name == "JUMP_IF_FALSE" else ("True", "False")
            e(f"if {top} is {taken}:")
            e(f"b = {p.index_of[imm]}", 1)
            e("continue", 1)
            e(f"if {top} is not {other}:")
            e(f"{g.handler(name)}([{top}], None)", 1)
        else:  # the shared handler on a list of just its operands
            pops, pushes = _effect(p, k)
            operands = ", ".join(self.ref(x) for x in range(h - pops, h))
            self.written(*range(h - pops, h - pops + max(pops, pushes)))
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
    if name == "CALL":
        # The callee runs nested (call_direct); the slots below its arguments stay
        # in locals unless the callee leaves a frame change for the loop.
        callee = g.ops[k][1]
        base = h - callee.nparams
        g.ns["CD"] = call_direct
        e("ex.gas = gas")
        e("frame.stack = rv = []")
        e(f"if CD(ex, frame, {arg}, [{', '.join(f'S{x}' for x in range(base, h))}]):")
        e("gas = ex.gas", 1)
        if callee.returns is not None:
            e(f"S{base} = rv[0]", 1)
        e(f"b = {k + 1}", 1)
        e("continue", 1)
        e(f"frame.pc = {k + 1}")  # ex.gas is already the callee's
        e(f"frame.stack = [{', '.join(g.all_slots(base))}]")
        e("return 0")
        return True
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
    code = compile(source, f"<tier1 {func.name!r}>", "exec")  # a name may hold any character, NUL too
    ns = g.ns
    exec(code, ns)  # noqa: S102 -- our own generated source, names and integers only
    run = ns["run"]
    return Compiled(run, run.__code__, table)
