"""Codegen: a checked contract -> vm.asm functions (instructions with labels and source spans).

Storage layout (docs/architecture.md): variable N lives under the key
prefix pack(N); KEY appends a map key, struct field index or list index; a
list keeps its length at its own key. Only scalars are stored.
"""
from __future__ import annotations

from vm import code as C
from vm import limits
from vm.asm import FunctionAsm, Instr, Label
from vm.code import Event
from vm.values import Address

from . import ast, flow
from . import types as T
from .codegen_expr import ExprGen
from .errors import InternalCompilerError, Kind

_BINOPS = {
    "+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD", "**": "POW",
    "&": "BAND", "|": "BOR", "^": "BXOR", "<<": "SHL", ">>": "SHR",
    "==": "EQ", "!=": "NE", "<": "LT", "<=": "LE", ">": "GT", ">=": "GE",
}

REQUIRE_DEFAULT = "requirement failed"
REVERT_DEFAULT = "reverted"


class TooManyLocals(Exception):
    def __init__(self, node):
        self.node = node




class FnGen(ExprGen):
    """Generates one function's body."""

    def __init__(self, checked, fi, file, want_fn):
        self.c = checked
        self.fi = fi
        self.file = file
        self.want_fn = want_fn  # called with every FuncInfo this code calls
        self.body: list = []
        self.span = None
        self.nlabels = 0
        self.base = fi.nlocals  # codegen temporaries live above the checker's slots
        self.temps = 0
        self.max_temps = 0
        self.loops: list = []  # (continue label, break label)

    # ---------- emission ----------
    def at(self, node):
        self.span = (self.file, node.line, node.col)

    def op(self, name, arg=None):
        self.body.append(Instr(name, arg, self.span))

    def label(self, hint):
        self.nlabels += 1
        return f"{hint}{self.nlabels}"

    def place(self, name):
        self.body.append(Label(name))

    def temp(self, node):
        slot = self.base + self.temps
        self.temps += 1
        self.max_temps = max(self.max_temps, self.temps)
        if slot >= limits.MAX_LOCALS:
            raise TooManyLocals(node)
        return slot

    def free(self, n=1):
        self.temps -= n

    def push_value(self, v):
        t = type(v)
        if t is bool:
            self.op("PUSH_TRUE" if v else "PUSH_FALSE")
        elif t is int:
            if -128 <= v <= 127:
                self.op("PUSH_INT", v)
            else:
                self.op("PUSH_CONST", v)
        elif t is Address:
            self.push_value(int.from_bytes(v, "big"))
            self.op("TO_ADDR")
        elif t in (str, bytes):
            self.op("PUSH_CONST", v)
        else:
            raise InternalCompilerError(f"cannot push constant {v!r}")

    def push_zero(self, t):
        if t == T.INT:
            self.op("PUSH_INT", 0)
        elif t == T.BOOL:
            self.op("PUSH_FALSE")
        elif t == T.ADDRESS or isinstance(t, T.IfaceType):
            self.op("PUSH_INT", 0)
            self.op("TO_ADDR")
        elif t == T.BYTES:
            self.op("PUSH_CONST", b"")
        elif t == T.STRING:
            self.op("PUSH_CONST", "")
        elif isinstance(t, T.StructType):
            for _, ft in t.fields:
                self.push_zero(ft)
            self.op("MAKE_STRUCT", len(t.fields))
        else:
            raise InternalCompilerError(f"no zero for {t}")

    # ---------- function ----------
    def function(self):
        node = self.fi.node
        self.at(node)
        self.block_stmts(node.body.stmts)
        if not self.c_terminates(node.body):
            self.at(node.body)
            if self.fi.ret is not None:
                raise InternalCompilerError(f"function {self.fi.name} can end without a return")
            self.op("RET")
        return self.body

    def c_terminates(self, s):
        return flow.terminates(s, self.c.consts)

    # ---------- statements ----------
    def block_stmts(self, stmts):
        for s in stmts:
            self.stmt(s)
            if self.c_terminates(s):
                break  # the rest is unreachable: emit nothing for it

    def stmt(self, s):
        self.at(s)
        getattr(self, "s_" + type(s).__name__)(s)

    def s_Block(self, s):
        self.block_stmts(s.stmts)

    def s_LetStmt(self, s):
        self.expr(s.value)
        self.at(s)
        self.op("STORE", self.c.slots[s])

    def s_ExprStmt(self, s):
        t = self.c.types.get(s.expr)
        self.expr(s.expr)
        if t is not T.VOID:
            self.op("POP")

    def s_AssignStmt(self, s):
        target = s.target
        kind = self.place_kind(target)
        op = None if s.op == "=" else s.op[:-1]
        t = self.c.types[target]
        if kind == "storage":
            self.key(target)
            self.assigned_value(s, op, t, lambda: (self.op("DUP"), self.load(t, target)))
            self.store(t, target)
            return
        # A local, or a field path into a local struct (value semantics: rebuild the struct).
        path = []
        node = target
        while isinstance(node, ast.Field):
            path.append(self.c.refs[node][1])
            node = node.base
        path.reverse()
        slot = self.c.refs[node][1]
        if not path:
            self.assigned_value(s, op, t, lambda: self.op("LOAD", slot))
            self.op("STORE", slot)
            return
        self.op("LOAD", slot)
        for idx in path[:-1]:
            self.op("DUP")
            self.op("GET_FIELD", idx)
        self.assigned_value(s, op, t, lambda: (self.op("DUP"), self.op("GET_FIELD", path[-1])))
        for idx in reversed(path):
            self.op("SET_FIELD", idx)
        self.op("STORE", slot)

    def assigned_value(self, s, op, t, push_current):
        """Push what an assignment stores: the value, or for `x op= v` the current value (pushed by
        push_current) combined with it."""
        if op is not None:
            push_current()
        self.expr(s.value)
        self.at(s)
        if op is not None:
            self.binop(op, t)

    def binop(self, op, t):
        if op == "+" and t in (T.STRING, T.BYTES):
            self.op("CONCAT")
        else:
            self.op(_BINOPS[op])

    def s_IfStmt(self, s):
        # An else-if chain is flat however long (parser._too_deep): one arm per turn of the loop,
        # with the code and labels the recursion over `else if` gave.
        ends = []  # each arm's end label, placed innermost first once the chain is done
        while True:
            else_l, end_l = self.label("else"), self.label("endif")
            folded = self.c.consts.get(s.cond)
            if folded is True:
                self.block_stmts(s.then.stmts)
                break
            if folded is not False:
                self.expr(s.cond)
                self.at(s)
                self.op("JUMP_IF_FALSE", else_l if s.orelse is not None else end_l)
                self.block_stmts(s.then.stmts)
                ends.append(end_l)
                if s.orelse is not None:
                    if not self.c_terminates(s.then):
                        self.at(s)
                        self.op("JUMP", end_l)
                    self.place(else_l)
            if s.orelse is None:
                break
            self.at(s.orelse)
            if not isinstance(s.orelse, ast.IfStmt):
                self.s_Block(s.orelse)
                break
            s = s.orelse
        for end_l in reversed(ends):
            self.place(end_l)

    def s_WhileStmt(self, s):
        top, end = self.label("while"), self.label("endwhile")
        self.place(top)
        folded = self.c.consts.get(s.cond)
        if folded is False:
            return
        if folded is not True:
            self.expr(s.cond)
            self.at(s)
            self.op("JUMP_IF_FALSE", end)
        self.loops.append((top, end))
        self.block_stmts(s.body.stmts)
        self.loops.pop()
        if not self.c_terminates(s.body):
            self.at(s)
            self.op("JUMP", top)
        self.place(end)

    def s_ForStmt(self, s):
        var, end_slot = self.c.slots[s]
        top, step, end = self.label("for"), self.label("next"), self.label("endfor")
        if s.start is None:
            self.op("PUSH_INT", 0)
        else:
            self.expr(s.start)
        self.at(s)
        self.op("STORE", var)
        self.expr(s.end)
        self.at(s)
        self.op("STORE", end_slot)
        self.place(top)
        self.op("LOAD", var)
        self.op("LOAD", end_slot)
        self.op("LT")
        self.op("JUMP_IF_FALSE", end)
        self.loops.append((step, end))
        self.block_stmts(s.body.stmts)
        self.loops.pop()
        self.place(step)
        self.at(s)
        self.op("LOAD", var)
        self.op("PUSH_INT", 1)
        self.op("ADD")
        self.op("STORE", var)
        self.op("JUMP", top)
        self.place(end)

    def s_BreakStmt(self, s):
        self.op("JUMP", self.loops[-1][1])

    def s_ContinueStmt(self, s):
        self.op("JUMP", self.loops[-1][0])

    def s_ReturnStmt(self, s):
        if s.value is not None:
            self.expr(s.value)
            self.at(s)
        self.op("RET")

    def s_RequireStmt(self, s):
        ok = self.label("ok")
        self.expr(s.cond)
        self.at(s)
        self.op("JUMP_IF_TRUE", ok)
        if s.message is not None:
            self.expr(s.message)
            self.at(s)
        else:
            self.op("PUSH_CONST", REQUIRE_DEFAULT)
        self.op("REVERT")
        self.place(ok)

    def s_RevertStmt(self, s):
        if s.message is not None:
            self.expr(s.message)
            self.at(s)
        else:
            self.op("PUSH_CONST", REVERT_DEFAULT)
        self.op("REVERT")

    def s_EmitStmt(self, s):
        _, ev, args = self.c.refs[s]
        for a in args:
            self.expr(a)
        self.at(s)
        self.op("EMIT", ev.name)

    # ---------- storage places ----------
def flags_of(fi) -> int:
    f = 0
    if fi.kind == "pub":
        f |= C.PUB
    if fi.kind == "init":
        f |= C.INIT
    if fi.view:
        f |= C.VIEW
    if fi.payable:
        f |= C.PAYABLE
    if fi.reentrant:
        f |= C.REENTRANT
    return f


def generate(checked, ci, reporter):
    """All functions of contract ci (plus the free functions they reach) -> ([FunctionAsm], [Event])."""
    order = []
    queued = set()

    def want(fi):
        if id(fi) not in queued:
            queued.add(id(fi))
            order.append(fi)

    if ci.init is not None:
        want(ci.init)
    for fi in ci.functions.values():
        want(fi)
    out = []
    i = 0
    while i < len(order):
        fi = order[i]
        i += 1
        gen = FnGen(checked, fi, fi.module.file, want)
        try:
            body = gen.function()
        except TooManyLocals as exc:
            reporter.at(fi.module.file, exc.node, "this function needs too many local slots; split it up", Kind.LIMIT)
            continue
        params = tuple((n, T.vm_type(t)) for n, t in fi.params)
        ret = T.vm_type(fi.ret) if fi.ret is not None else None
        out.append(FunctionAsm(fi.mangled, params, ret, fi.nlocals + gen.max_temps, flags_of(fi), body))
    events = [Event(ev.name, tuple((n, T.vm_type(t)) for n, t in ev.params)) for ev in ci.events.values()]
    return out, events
