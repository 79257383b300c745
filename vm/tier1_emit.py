"""Tier 1's source for instructions: pure runs charged in one step, the rest one by one.

The call's own facts (CALLER, SELF, CALLVALUE) are read inline; storage,
events and equality have specialised source for their common operand types
(vm/tier1_fast.py); any other operand goes to the shared handler
(vm/instructions) on a small list of its operands, as tier 0 runs it.
"""
from __future__ import annotations

from . import gas as G
from . import limits
from .errors import Fault
from .instructions import HANDLERS
from .instructions.common import INT_MAX, INT_MIN, overflow
from .tier1_fast import FAST, oog
from .values import Address

# Non-contextual handlers that may hand back a function needing the execution
# (a dynamic charge): charged per instruction, like contextual ones.
_MAYBE_SLOW = {"EQ", "NE", "LEN", "CHECK_TYPE"}
# Handlers that push or pop frames: the slots go back into the frame first.
FRAME = {"CALL", "RET", "XCALL", "XCALL_VOID", "XCALL_VIEW", "XCALL_VIEW_VOID"}
_INT_BINARY = {"ADD": "+", "SUB": "-", "MUL": "*"}
_INT_COMPARE = {"LT": "<", "LE": "<=", "GT": ">", "GE": ">="}
# Facts of the running call: read from its context, they cannot fail.
_CTX_READS = {"CALLER": "caller", "SELF": "address", "CALLVALUE": "value"}
_FLAT = (int, bool, Address)
_DEPTH = f"call depth exceeded: over {limits.MAX_CALL_DEPTH} frames"


def _plain_pure(name: str) -> bool:
    fn = HANDLERS[name]
    return not getattr(fn, "contextual", False) and name not in _MAYBE_SLOW and name not in FRAME


_PURE = {name for name in HANDLERS if _plain_pure(name)} | set(_CTX_READS)


def is_pure(g, i) -> bool:
    """Static cost and no effect on the execution: inlined CALLs and their RETs are, besides the plain ones."""
    name = g.p.instrs[i][1].name
    if name in _PURE:
        return True
    if name == "CALL":
        return (g.site.sid, i) in g.inlined
    return name == "RET" and g.site.sid != 0


class Gen:
    """What one generated function is made of: sites, source lines, the namespace, exits and dispatch wants."""

    def __init__(self, program, func, ops, sites, inlined):
        self.p = program
        self.f = func
        self.ops = ops
        self.sites = sites
        self.inlined = inlined  # (sid, CALL index) -> callee Site
        self.site = sites[0]
        self.n = len(program.instrs)
        self.out: list = []  # (indent, text, (instruction, refund) or None)
        self.exits: dict = {}  # (sid, stack height) -> exit id
        self.preds: dict = {}
        self.placed: set = set()  # blocks emitted where their one entering edge is
        self.wanted: set = set()
        self.worklist: list = []  # blocks the dispatch must hold, not yet emitted
        self.uses_cx = False
        self.uses_depth = False
        self.block_stop = 0  # end of the block being emitted
        # Slot name -> constant it was just given by the pure run that ends right before the
        # instruction being emitted; cleared by every instruction charged on its own.
        self.consts: dict = {}
        self.ns: dict = {
            "__builtins__": {}, "tp": type, "int_": int, "bool_": bool, "MAX": INT_MAX, "MIN": INT_MIN,
            "overflow": overflow, "Fault": Fault, "FLAT": _FLAT, "ln": len, "AD": Address, "BY": bytes,
        }

    def bid(self, key) -> int:
        sid, a = key
        return a + sid * self.n

    def want(self, key):
        if key not in self.wanted:
            self.wanted.add(key)
            self.worklist.append(key)

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

    def S(self, x, site=None):
        sid = (site or self.site).sid
        return f"S{x}" if sid == 0 else f"S{x}_{sid}"

    def L(self, i, site=None):
        sid = (site or self.site).sid
        return f"L{i}" if sid == 0 else f"L{i}_{sid}"

    def all_slots(self, site, h):
        return [self.L(k, site) for k in range(site.func.nlocals)] + [self.S(k, site) for k in range(h)]

    def leave(self, ind, pc, h, fop="None", farg="None"):
        """Leave the loop for the spill at its end, resuming at instruction pc of this site."""
        key = (self.site.sid, h)
        eid = self.exits.setdefault(key, len(self.exits))
        self.emit(ind, f"x, hx, fop, farg = {pc}, {eid}, {fop}, {farg}")
        self.emit(ind, "break")


def effect(p, k):
    from .validate import stack_effect

    _, spec, imm = p.instrs[k]
    return stack_effect(p.code, p.funcs[p.func_at[k]], spec, imm)


def _gas(spec, g, k) -> int:
    """Static gas of an instruction in a pure run; an inlined CALL's frame charge is static too."""
    if spec.name == "CALL":
        return spec.gas + G.FRAME_PER_LOCAL * g.ops[k][1].nlocals
    return spec.gas


def pure_run(g, i, j, ind):
    """Instructions i..j-1, all pure: one charge for the run when the gas covers it.

    Within the run, a slot filled by LOAD or a constant push is not copied: its
    uses read the local or the literal directly (`alias`), and it is written
    out only when something else needs the slot (a STORE to that local, a
    jump, the run's end). Returns how the block ends (see tier1._chain) or None.
    """
    p = g.p
    total = sum(_gas(p.instrs[k][1], g, k) for k in range(i, j))
    h0 = p.heights[i]
    g.emit(ind, f"if gas < {total}:", (i, 0))
    g.leave(ind + 1, i, h0)
    g.emit(ind, f"gas -= {total}", (i, 0))
    done = 0
    run = _Run(g, ind)
    k = i
    while k < j:
        spec = p.instrs[k][1]
        done += _gas(spec, g, k)
        meta = (k, total - done)  # on failure here, the later instructions' gas was never the reference's
        if spec.name in _INT_COMPARE and k + 1 < j and p.instrs[k + 1][1].name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            done += p.instrs[k + 1][1].gas
            return run.compare_jump(k, meta, (k + 1, total - done))
        end = run.op(k, meta)
        if end is not None:
            return end
        k += 1
    run.flush(None, (j - 1, 0))
    return None


class _Run:
    """Source for the instructions of one pure run, with the slots that alias a local or a literal."""

    def __init__(self, g, ind):
        self.g = g
        self.ind = ind
        self.alias: dict = {}  # stack position -> (expression, is a literal int)
        self.ints: set = set()  # stack positions this run filled with an int result
        self.vals: dict = {}  # stack position -> the constant an alias stands for
        g.consts = {}

    def ref(self, x):
        a = self.alias.get(x)
        return a[0] if a is not None else self.g.S(x)

    def int_checks(self, xs) -> str:
        tests = []
        for x in xs:
            expr, literal = self.alias.get(x, (self.g.S(x), False))
            test = f"tp({expr}) is int_"
            if not literal and x not in self.ints and test not in tests:
                tests.append(test)
        return " and ".join(tests)

    def flush(self, keep, meta, positions=None):
        """Write out aliased slots (all, or those in positions), except the positions in keep."""
        for x in sorted(self.alias):
            if (positions is None or x in positions) and (keep is None or x not in keep):
                self.g.emit(self.ind, f"{self.g.S(x)} = {self.alias[x][0]}", meta)
                if x in self.vals:  # known to the instruction right after the run (see Gen.consts)
                    self.g.consts[self.g.S(x)] = self.vals[x]
        for x in list(self.alias):
            if (positions is None or x in positions) and (keep is None or x not in keep):
                del self.alias[x]

    def set(self, x, expr, literal=False):
        self.ints.discard(x)
        self.vals.pop(x, None)
        self.alias[x] = (expr, literal)

    def written(self, *xs):
        for x in xs:
            self.alias.pop(x, None)
            self.vals.pop(x, None)
            self.ints.discard(x)

    def compare_jump(self, k, meta, jmeta):
        """LT/LE/GT/GE then JUMP_IF_*: the bool is never stored."""
        g = self.g
        p = g.p
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
        if checks:
            g.emit(self.ind, f"if not ({checks}):", meta)
            g.emit(self.ind + 1, f"{g.handler(name)}([{a}, {b}], None)", meta)
        return ("branch", cond, [], target, jmeta)

    def op(self, k, meta):
        """Source for one pure instruction; how the block ends when it ends it."""
        g, p = self.g, self.g.p
        _, spec, imm = p.instrs[k]
        name = spec.name
        h = p.heights[k]
        S = g.S

        def e(text, d=0):
            g.emit(self.ind + d, text, meta)

        top, second = self.ref(h - 1), self.ref(h - 2)
        if name == "PUSH_CONST":
            c = g.ops[k][1]
            self.set(h, g.arg(k), type(c) is int)
            if type(c) is bytes:
                self.vals[h] = c
        elif name == "PUSH_INT":
            self.set(h, str(imm), True)
        elif name == "PUSH_TRUE":
            self.set(h, "True")
        elif name == "PUSH_FALSE":
            self.set(h, "False")
        elif name in _CTX_READS:
            g.uses_cx = True
            self.set(h, f"cx.{_CTX_READS[name]}")
        elif name == "POP":
            self.written(h - 1)
        elif name == "LOAD":
            self.set(h, g.L(imm))
        elif name == "STORE":
            # Slots that alias the local keep its old value: write them out first.
            self.flush(None, meta, {x for x, (expr, _) in self.alias.items() if expr == g.L(imm) and x != h - 1})
            e(f"{g.L(imm)} = {top}")
            self.written(h - 1)
        elif name == "TO_ADDR" and top.isdigit() and int(top) < 2**160:
            self.set(h - 1, g.name("A", Address(int(top))))  # a constant address: made once
        elif name in ("DUP", "OVER", "SWAP"):
            self.flush(None, meta, {h - 1, h - 2})
            top, second = S(h - 1), S(h - 2)
            ints = self.ints
            if name == "DUP":
                e(f"{S(h)} = {top}")
                (ints.add if h - 1 in ints else ints.discard)(h)
            elif name == "OVER":
                e(f"{S(h)} = {second}")
                (ints.add if h - 2 in ints else ints.discard)(h)
            else:
                e(f"{top}, {second} = {second}, {top}")
                a, b = h - 1 in ints, h - 2 in ints
                (ints.add if b else ints.discard)(h - 1)
                (ints.add if a else ints.discard)(h - 2)
        elif name in _INT_BINARY:
            checks = self.int_checks([h - 2, h - 1])
            self.written(h - 2, h - 1)
            out = S(h - 2)
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
            e(f"{S(h - 2)} = {second} {_INT_COMPARE[name]} {top}")
        elif name == "NOT":
            self.flush(None, meta, {h - 1})  # never `is` on a literal
            self.written(h - 1)
            top = S(h - 1)
            e(f"if {top} is True:")
            e(f"{top} = False", 1)
            e(f"elif {top} is False:")
            e(f"{top} = True", 1)
            e("else:")
            e(f"{g.handler(name)}([{top}], None)", 1)
        elif name == "JUMP":
            self.flush(None, meta)
            return ("jump", p.index_of[imm])
        elif name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            self.flush(None, meta)  # the target reads the slots; and never `is` on a literal
            top = S(h - 1)
            taken, other = ("False", "True") if name == "JUMP_IF_FALSE" else ("True", "False")
            post = [f"if {top} is not {other}:", f"    {g.handler(name)}([{top}], None)"]
            return ("branch", f"{top} is {taken}", post, p.index_of[imm], meta)
        elif name == "CALL":  # inlined: the frame-depth check, then the arguments become the callee's locals
            child = g.inlined[(g.site.sid, k)]
            callee = child.func
            g.uses_depth = True
            e(f"if dep > {limits.MAX_CALL_DEPTH - 1 - g.site.level}:")
            e(f"raise Fault({_DEPTH!r})", 1)
            base = h - callee.nparams
            args = [self.ref(x) for x in range(base, h)]
            self.flush(None, meta, set(range(base)))
            names = [g.L(n, child) for n in range(callee.nlocals)]
            values = args + ["0"] * (callee.nlocals - callee.nparams)
            if names:
                e(f"{', '.join(names)}, = {', '.join(values)},")
            return ("call", child)
        elif name == "RET":  # of an inlined callee: its value goes to the caller's slot
            site = g.site
            if site.func.returns is not None:
                e(f"{S(site.base, site.parent)} = {top}")
            return ("ret",)
        else:  # the shared handler on a list of just its operands
            pops, pushes = effect(p, k)
            operands = ", ".join(self.ref(x) for x in range(h - pops, h))
            self.written(*range(h - pops, h - pops + max(pops, pushes)))
            e(f"t = [{operands}]")
            e(f"{g.handler(name)}(t, {g.arg(k)})")
            _unpack(e, g, h - pops, pushes)
        return None


def _unpack(e, g, base, pushes):
    if pushes == 1:
        e(f"{g.S(base)} = t[0]")
    elif pushes:
        e(", ".join(g.S(base + x) for x in range(pushes)) + ", = t")


def ctx_op(g, k, ind):
    """An instruction charged on its own, running its handler with the execution; ("done",) when it ends the block."""
    p = g.p
    _, spec, imm = p.instrs[k]
    name = spec.name
    h = p.heights[k]
    meta = (k, 0)
    S = g.S
    e = lambda text, d=0: g.emit(ind + d, text, meta)  # noqa: E731
    oog(e, spec.gas)
    fn = HANDLERS[name]
    contextual = getattr(fn, "contextual", False)
    arg = g.arg(k)
    if name == "CALL":  # site 0 only: inlined calls are pure
        # The callee runs nested (call_direct); the slots below its arguments
        # stay in locals unless the callee leaves a frame change for the loop.
        from .tier1 import call_direct

        callee = g.ops[k][1]
        base = h - callee.nparams
        g.ns["CD"] = call_direct
        e("ex.gas = gas")
        e("frame.stack = rv = []")
        e(f"if CD(ex, frame, {arg}, [{', '.join(S(x) for x in range(base, h))}]):")
        e("gas = ex.gas", 1)
        if callee.returns is not None:
            e(f"{S(base)} = rv[0]", 1)
        e(f"b = {k + 1}", 1)
        e("continue", 1)
        e(f"frame.pc = {k + 1}")  # ex.gas is already the callee's
        e(f"frame.stack = [{', '.join(g.all_slots(g.site, base))}]")
        e("return 0")
        return ("done",)
    if name in FRAME and name != "RET":
        g.leave(ind, k + 1, h, g.handler(name), arg)
        return ("done",)
    if name == "RET":  # the frame's own return: what the RET handler does, without its list
        e("ex.gas = gas")
        e(f"ex.leave({S(h - 1) if g.site.func.returns is not None else 'None'})")
        e("return 0")
        return ("done",)
    pops, pushes = effect(p, k)
    base = h - pops
    fast = FAST.get(name)
    ok = fast is not None and fast(g, k, h, e)
    g.consts = {}
    if ok:
        e("else:")
        ind += 1
        e = lambda text, d=0: g.emit(ind + d, text, meta)  # noqa: E731
    e(f"t = [{', '.join(S(x) for x in range(base, h))}]")
    e("ex.gas = gas")
    if contextual:
        e(f"{g.handler(name)}(ex, t, {arg})")
    else:
        e(f"r = {g.handler(name)}(t, {arg})")
        e("if r is not None:")
        e(f"r(ex, t, {arg})", 1)
    e("gas = ex.gas")
    if name == "RET" or spec.terminates:  # RET leaves the frame; REVERT raises
        e("return 0")
        return ("done",)
    _unpack(e, g, base, pushes)
    return None
