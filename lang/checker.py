"""The checker: names, scopes, types and the language's rules, reporting every error it finds.

Its output (`symbols.Checked`) annotates the AST through side tables: the type
of every expression, what every name and call resolves to, local slots and
folded constants. Codegen trusts it and never re-checks. Declarations, calls
and expressions live in the mixins of check_decls.py, check_calls.py and
check_exprs.py.
"""
from __future__ import annotations

from vm import limits

from dataclasses import fields

from . import ast, flow
from . import types as T
from .check_calls import CallChecks
from .check_decls import DeclChecks
from .check_exprs import ExprChecks
from .errors import Kind
from .symbols import Checked, ConstInfo, FuncInfo, ModuleInfo


class _Local:
    __slots__ = ("slot", "type", "readonly", "node")

    def __init__(self, slot, type_, readonly, node):
        self.slot, self.type, self.readonly, self.node = slot, type_, readonly, node


class _Ctx:
    """Where a body is being checked: the function, its scopes and its local slots."""

    def __init__(self, kind, modinfo, contract=None, fn=None):
        self.kind = kind  # "free" | "view" | "mut" | "const"
        self.modinfo = modinfo
        self.contract = contract
        self.fn = fn
        self.scopes: list = [{}]
        self.next_slot = 0
        self.max_slot = 0
        self.loops = 0
        self.failed = False  # a constant expression already reported as failing

    def lookup(self, name):
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None


class Checker(DeclChecks, CallChecks, ExprChecks):
    def __init__(self, reporter, modules):
        self.rep = reporter
        self.modules = modules  # loader.Module list, root first
        self.infos: dict = {}
        self.out = None
        self.file = ""
        self._contract_ifaces: dict = {}
        self._iface_contract: dict = {}  # id(IfaceType) -> ContractInfo, for contracts used as interfaces
        self._bodies_started = False
        self._list_elems: list = []
        self.view_calls: list = []  # (file, call node, FuncInfo) to judge once every body is checked

    # ---------- reporting ----------
    def err(self, node, msg):
        self.rep.at(self.file, node, msg)

    def limit(self, node, msg):
        """A bound of the compiler or the code format, not a rule of the language."""
        self.rep.at(self.file, node, msg, Kind.LIMIT)

    # ---------- driver ----------
    def run(self) -> Checked:
        for mod in self.modules:
            self.infos[id(mod)] = ModuleInfo(mod)
        root = self.infos[id(self.modules[0])]
        self.out = Checked(root, self.infos)
        for mod in self.modules:
            if mod.tree is not None:
                self._declare(self.infos[id(mod)])
        for mod in self.modules:
            if mod.tree is not None:
                self._signatures(self.infos[id(mod)])
        self._bodies_started = True
        for file, node, st in self._list_elems:
            if st.holds_storage():
                self.rep.at(file, node, f"a list element cannot be {T.a(st)}: it holds a map or list (use a map of structs)")
        for mod in self.modules:
            if mod.tree is not None:
                self._bodies(self.infos[id(mod)])
        self._check_view_calls()
        return self.out

    def _check_view_calls(self):
        """A view may call a function not marked view only if it (transitively) changes nothing."""
        verdict: dict = {}  # id(fi) -> (node, what) of a state change, or None

        def change_of(fi):
            # Iterative depth-first search over the call graph; cycles count as no change.
            if id(fi) in verdict:
                return verdict[id(fi)]
            stack, seen, order = [fi], {id(fi)}, []
            while stack:
                f = stack.pop()
                order.append(f)
                for g in f.calls:
                    if id(g) not in seen and id(g) not in verdict:
                        seen.add(id(g))
                        stack.append(g)
            changed = True
            for f in order:
                verdict.setdefault(id(f), f.effects[0] if f.effects else None)
            while changed:
                changed = False
                for f in order:
                    if verdict[id(f)] is None:
                        for g in f.calls:
                            if verdict.get(id(g)) is not None:
                                verdict[id(f)] = verdict[id(g)]
                                changed = True
                                break
            return verdict[id(fi)]

        for file, node, fi in self.view_calls:
            found = change_of(fi)
            if found is not None:
                self.rep.at(file, node, f"a view function cannot call {fi.name}, which can {found[1]} (line {found[0].line})")

    # ---------- pass 3: consts and bodies ----------
    def _bodies(self, mi: ModuleInfo):
        self.file = mi.module.file
        for fi in mi.functions.values():
            self._function(fi, _Ctx("free", mi, None, fi))
        for ci in mi.contracts.values():
            for c in self._const_order(ci.consts):
                self._eval_const(c, mi, ci)
            for ev in ci.events.values():
                self._check_values(ev.params, ev.node.params, "event field")
            fns = list(ci.functions.values())
            if ci.init is not None:
                fns.append(ci.init)
            for fi in fns:
                self._function(fi, _Ctx("view" if fi.view else "mut", mi, ci, fi))

    def _const_order(self, consts: dict) -> list:
        """The consts, each after the consts its value names (an iterative depth-first walk), so that
        evaluating them in this order never recurses from one const into another, however long the
        chain. A cycle is reported here, once, and its consts are marked bad."""
        deps = {name: _names_in(c.node.value) & consts.keys() for name, c in consts.items()}
        order, seen = [], set()
        for root in consts:
            if root in seen:
                continue
            seen.add(root)
            stack, on_stack = [(root, iter(sorted(deps[root])))], [root]
            while stack:
                name, pending = stack[-1]
                nxt = None
                for d in pending:
                    if d in on_stack and consts[d].state != "bad":
                        self.err(consts[d].node, f"const {d} refers to itself")
                        for n in on_stack[on_stack.index(d) :]:
                            consts[n].state = "bad"
                    elif d not in seen:
                        nxt = d
                        break
                if nxt is None:
                    stack.pop()
                    on_stack.pop()
                    order.append(consts[name])
                else:
                    seen.add(nxt)
                    stack.append((nxt, iter(sorted(deps[nxt]))))
                    on_stack.append(nxt)
        return order

    def _eval_const(self, c: ConstInfo, mi, ci):
        if c.state in ("done", "bad"):
            return
        if c.state == "busy":
            self.err(c.node, f"const {c.name} refers to itself")
            c.state = "bad"
            return
        c.state = "busy"
        ctx = _Ctx("const", mi, ci)
        before = len(self.rep.errors)
        t = self.value(c.node.value, ctx, expect=c.type)
        if c.type is not T.ERROR and not T.same(t, c.type):
            self.err(c.node.value, f"const {c.name} is declared {c.type} but its value is {t}")
            c.state = "bad"
            return
        if c.state == "bad":
            return
        if ctx.failed:
            c.state = "bad"
            return
        if c.node.value in self.out.consts:
            c.value = self.out.consts[c.node.value]
            c.state = "done"
        else:
            if t is not T.ERROR and c.type is not T.ERROR and len(self.rep.errors) == before:  # else already explained
                self.err(c.node.value, f"the value of const {c.name} must be known at compile time")
            c.state = "bad"

    def _function(self, fi: FuncInfo, ctx: _Ctx):
        node = fi.node
        self._check_values(fi.params, node.params, "parameter")
        if fi.ret is not None:
            self._check_ret(fi, node)
        for (name, t), p in zip(fi.params, node.params):
            if not T.is_value(t):
                t = T.ERROR  # reported by _check_values
            if name in ctx.scopes[-1]:
                t = T.ERROR  # reported already as a duplicate parameter; it still takes its slot
            self._declare_local(ctx, p, name, t, quiet=True)
        for s in node.body.stmts:
            self.stmt(s, ctx)
        if fi.ret is not None and not self.terminates(node.body):
            self.rep.at(self.file, node.returns, f"function {fi.name} must return {T.a(fi.ret)} on every path (missing return at the end)")
        fi.nlocals = max(ctx.max_slot, len(fi.params))

    def _declare_local(self, ctx, node, name, t, readonly=False, quiet=False):
        scope = ctx.scopes[-1]
        if name in scope and not quiet:
            self.err(node, f"{name!r} is already declared in this scope")
        if t is not T.ERROR and not T.is_value(t):
            self.err(node, f"a local cannot hold {T.a(t)}")
            t = T.ERROR
        slot = ctx.next_slot
        ctx.next_slot += 1
        ctx.max_slot = max(ctx.max_slot, ctx.next_slot)
        if ctx.next_slot == limits.MAX_LOCALS - 16 + 1:  # once per function, at the first local too many
            self.limit(node, f"too many local variables (at most {limits.MAX_LOCALS - 16} in one function, parameters included)")
        scope[name] = _Local(slot, t, readonly, node)
        return slot

    def _push(self, ctx):
        ctx.scopes.append({})
        return ctx.next_slot

    def _pop(self, ctx, saved):
        ctx.scopes.pop()
        ctx.next_slot = saved  # slots of an ended block are reused

    def terminates(self, s) -> bool:
        return flow.terminates(s, self.out.consts)

    # ---------- statements ----------
    def block(self, b, ctx):
        saved = self._push(ctx)
        for s in b.stmts:
            self.stmt(s, ctx)
        self._pop(ctx, saved)

    def stmt(self, s, ctx):
        m = getattr(self, "s_" + type(s).__name__)
        m(s, ctx)

    def s_LetStmt(self, s, ctx):
        declared = self.resolve_type(s.type, ctx.modinfo, ctx.contract) if s.type is not None else None
        t = self.value(s.value, ctx, expect=declared)
        if declared is not None:
            if not T.same(declared, t):
                self.err(s.value, f"cannot initialise {s.name!r} of type {declared} with {T.a(t)}")
            t = declared
        self.out.slots[s] = self._declare_local(ctx, s, s.name, t)

    def s_AssignStmt(self, s, ctx):
        target_t = self.target(s.target, ctx)
        if s.op == "=":
            vt = self.value(s.value, ctx, expect=target_t)
            if not T.same(target_t, vt):
                self.err(s.value, f"cannot assign {T.a(vt)} to {T.a(target_t)}")
            return
        vt = self.value(s.value, ctx, expect=target_t)
        op = s.op[:-1]
        if op == "+" and target_t in (T.STRING, T.BYTES, T.ERROR):
            ok = T.same(target_t, vt)
        else:
            ok = T.same(target_t, T.INT) and T.same(vt, T.INT)
        if not ok:
            self.err(s, f"`{s.op}` needs int operands (or two strings or two bytes for +=), got {target_t} and {vt}")

    def target(self, node, ctx):
        """Type-check an assignment target and make sure it is assignable."""
        t = self.expr(node, ctx)
        kind = self.place_kind(node)
        if kind is None:
            if isinstance(node, ast.Name) and self.out.refs.get(node, ("",))[0] == "const":
                self.err(node, f"cannot assign to const {node.name}")
            elif isinstance(node, ast.Index) and self.out.types.get(node.base) == T.BYTES:
                self.err(node, "bytes are immutable: build a new value instead")
            elif t is not T.ERROR:
                self.err(node, "cannot assign to this expression")
            return T.ERROR
        if kind == "readonly":
            self.err(node, f"cannot assign to the loop variable {node.name!r}")
            return T.ERROR
        if kind == "storage":
            self._writes_storage(node, ctx)
        if isinstance(t, (T.MapType, T.ListType)) or (isinstance(t, T.StructType) and t.holds_storage()):
            self.err(node, f"cannot assign a whole {t}; assign its elements")
            return T.ERROR
        return t

    def place_kind(self, node):
        """"local", "readonly", "storage" for assignable places, else None."""
        if isinstance(node, ast.Name):
            ref = self.out.refs.get(node)
            if ref is None:
                return None
            if ref[0] == "local":
                return "readonly" if ref[2] else "local"
            if ref[0] == "storage":
                return "storage"
            return None
        if isinstance(node, ast.Field):
            if not isinstance(self.out.types.get(node.base), T.StructType):
                return None
            k = self.place_kind(node.base)
            return None if k == "readonly" else k
        if isinstance(node, ast.Index):
            bt = self.out.types.get(node.base)
            if isinstance(bt, (T.MapType, T.ListType)):
                return "storage" if self.place_kind(node.base) == "storage" else None
            return None
        return None

    def is_storage_place(self, node) -> bool:
        return self.place_kind(node) == "storage"

    def _writes_storage(self, node, ctx, what="write storage"):
        if ctx.kind == "mut":
            ctx.fn.effects.append((node, what))
        elif ctx.kind == "view":
            self.err(node, f"a view function cannot {what}")
        elif ctx.kind in ("free", "const"):
            self.err(node, f"a free function is pure: it cannot {what}")

    def s_ExprStmt(self, s, ctx):
        e = s.expr
        if not isinstance(e, ast.Call):
            self.expr(e, ctx)
            self.err(s, "this expression does nothing; only a call can be a statement")
            return
        self.expr(e, ctx)

    def s_IfStmt(self, s, ctx):
        # An else-if chain is flat however long (parser._too_deep): walk it in a loop.
        while True:
            self.cond(s.cond, ctx, "if")
            self.block(s.then, ctx)
            if not isinstance(s.orelse, ast.IfStmt):
                break
            s = s.orelse
        if s.orelse is not None:
            self.block(s.orelse, ctx)

    def cond(self, e, ctx, what):
        t = self.value(e, ctx)
        if not T.same(t, T.BOOL):
            self.err(e, f"the condition of {what} must be a bool, not {t}")

    def s_WhileStmt(self, s, ctx):
        self.cond(s.cond, ctx, "while")
        ctx.loops += 1
        self.block(s.body, ctx)
        ctx.loops -= 1

    def s_ForStmt(self, s, ctx):
        for e in (s.start, s.end):
            if e is not None:
                t = self.value(e, ctx, expect=T.INT)
                if not T.same(t, T.INT):
                    self.err(e, f"range() takes ints, not {t}")
        saved = self._push(ctx)
        var = self._declare_local(ctx, s, s.var, T.INT, readonly=True)
        end = ctx.next_slot  # a hidden slot keeps the end bound, evaluated once
        ctx.next_slot += 1
        ctx.max_slot = max(ctx.max_slot, ctx.next_slot)
        self.out.slots[s] = (var, end)
        ctx.loops += 1
        self.block(s.body, ctx)
        ctx.loops -= 1
        self._pop(ctx, saved)

    def s_BreakStmt(self, s, ctx):
        if not ctx.loops:
            self.err(s, "break outside a loop")

    def s_ContinueStmt(self, s, ctx):
        if not ctx.loops:
            self.err(s, "continue outside a loop")

    def s_ReturnStmt(self, s, ctx):
        ret = ctx.fn.ret
        if s.value is None:
            if ret is not None:
                self.err(s, f"return needs {T.a(ret)} value here")
            return
        t = self.value(s.value, ctx, expect=ret)
        if ret is None:
            if ctx.fn.kind == "init":
                self.err(s.value, "init returns nothing; remove the value")
            else:
                self.err(s.value, f"function {ctx.fn.name} returns nothing; remove the value or declare `-> {t}`")
        elif not T.same(ret, t):
            self.err(s.value, f"function {ctx.fn.name} returns {ret}, not {t}")

    def s_RequireStmt(self, s, ctx):
        self.cond(s.cond, ctx, "require")
        if s.message is not None:
            t = self.value(s.message, ctx)
            if not T.same(t, T.STRING):
                self.err(s.message, f"the reason of require must be a string, not {t}")

    def s_RevertStmt(self, s, ctx):
        if s.message is not None:
            t = self.value(s.message, ctx)
            if not T.same(t, T.STRING):
                self.err(s.message, f"the reason of revert must be a string, not {t}")

    def s_EmitStmt(self, s, ctx):
        ci = ctx.contract
        ev = ci.events.get(s.name) if ci is not None else None
        if ctx.kind == "mut":
            ctx.fn.effects.append((s, "emit events"))
        elif ctx.kind == "view":
            self.err(s, "a view function cannot emit events")
        elif ctx.kind in ("free", "const"):
            self.err(s, "a free function is pure: it cannot emit events")
        if ev is None:
            for a in s.args:
                self.value(a.value if isinstance(a, ast.NamedArg) else a, ctx)
            if ci is not None:
                self.err(s, f"unknown event {s.name!r}")
            return
        self.out.refs[s] = ("emit", ev, self._ordered_args(s, s.args, ev.params, ctx, f"event {ev.name}"))

    def s_Block(self, s, ctx):
        self.block(s, ctx)

    # ---------- expressions ----------
def _names_in(node) -> set:
    """Every plain name used in an expression tree."""
    out, stack = set(), [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Name):
            out.add(n.name)
        if isinstance(n, ast.Node):
            for f in fields(n):
                v = getattr(n, f.name)
                if isinstance(v, ast.Node):
                    stack.append(v)
                elif isinstance(v, tuple):
                    stack.extend(x for x in v if isinstance(x, ast.Node))
    return out
