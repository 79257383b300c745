"""The checker: names, scopes, types and the language's rules, reporting every error it finds.

Its output (`symbols.Checked`) annotates the AST through side tables: the type
of every expression, what every name and call resolves to, local slots and
folded constants. Codegen trusts it and never re-checks.
"""
from __future__ import annotations

from vm import limits
from vm.values import INT_MAX

from . import ast
from . import flow
from . import fold as F
from . import types as T
from .symbols import (
    Checked,
    ConstInfo,
    ContractInfo,
    EventInfo,
    FuncInfo,
    IfaceFnInfo,
    ModuleInfo,
    StorageVar,
)

BUILTINS = {"len", "sha256", "balance", "transfer", "min", "max", "abs", "str"}
_TYPE_HINTS = {
    "uint": "use int (signed, 256 bits)",
    "uint256": "use int (signed, 256 bits)",
    "int256": "use int (signed, 256 bits)",
    "uint8": "use int (signed, 256 bits)",
    "u256": "use int (signed, 256 bits)",
    "integer": "use int",
    "boolean": "use bool",
    "str": "use string",
    "String": "use string",
    "mapping": "use map[K => V]",
    "address_payable": "use address",
}
_NAME_HINTS = {
    "now": "use block.timestamp",
    "tx": "there is no tx.origin; use msg.sender",
    "self": "use this",
    "True": "write true",
    "False": "write false",
    "null": "there is no null: every type has a zero value, such as address(0)",
    "None": "there is no None: every type has a zero value, such as address(0)",
    "nil": "there is no nil: every type has a zero value, such as address(0)",
}
_ARITH = {"-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>"}
_ORDER = {"<", "<=", ">", ">="}


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


class Checker:
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
                self.rep.at(file, node, f"a list element cannot be a {st}: it holds a map or list (use a map of structs)")
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

    # ---------- pass 1: names ----------
    def _declare(self, mi: ModuleInfo):
        self.file = mi.module.file
        seen: dict = {}
        for alias in mi.module.imports:
            seen[alias] = "import"
        for item in mi.module.tree.items:
            if isinstance(item, ast.ImportDecl):
                continue
            name = item.name
            if name in seen:
                self.err(item, f"{name!r} is already declared in this file")
                continue
            if isinstance(item, ast.StructDef):
                seen[name] = "struct"
                mi.structs[name] = T.StructType(name, f"{mi.module.file}:{name}")
            elif isinstance(item, ast.InterfaceDef):
                seen[name] = "interface"
                mi.interfaces[name] = T.IfaceType(name, f"{mi.module.file}:{name}")
            elif isinstance(item, ast.FnDef):
                seen[name] = "fn"
                if item.pub or item.modifiers:
                    self.err(item, "a free function takes no `pub`, `view`, `payable` or `reentrant`: it is pure and internal")
                mi.functions[name] = FuncInfo(name, f"{mi.module.prefix}.{name}", "free", [], None, item, mi.module)
            elif isinstance(item, ast.ContractDef):
                seen[name] = "contract"
                mi.contracts[name] = self._declare_contract(mi, item)

    def _declare_contract(self, mi, node) -> ContractInfo:
        ci = ContractInfo(node.name, node, mi.module)
        seen: dict = {}
        for m in node.members:
            if isinstance(m, ast.InitDef):
                if ci.init is not None:
                    self.err(m, "a contract has at most one init")
                    continue
                ci.init = FuncInfo("init", "init", "init", [], None, m, mi.module, ci, payable=m.payable)
                continue
            name = m.name
            if name in seen:
                self.err(m, f"{name!r} is already declared in contract {node.name}")
                continue
            seen[name] = m
            if isinstance(m, ast.StructDef):
                ci.structs[name] = T.StructType(name, f"{mi.module.file}:{node.name}.{name}")
            elif isinstance(m, ast.StorageDecl):
                ci.storage[name] = StorageVar(name, len(ci.storage), None, m)
            elif isinstance(m, ast.ConstDecl):
                ci.consts[name] = ConstInfo(name, None, m)
            elif isinstance(m, ast.EventDef):
                ci.events[name] = EventInfo(name, [], m)
            elif isinstance(m, ast.FnDef):
                fi = FuncInfo(name, name, "pub" if m.pub else "internal", [], None, m, mi.module, ci)
                self._modifiers(fi, m)
                ci.functions[name] = fi
        return ci

    def _modifiers(self, fi, m):
        seen = set()
        for mod in m.modifiers:
            if mod in seen:
                self.err(m, f"modifier `{mod}` is written twice")
            seen.add(mod)
        fi.view = "view" in seen
        fi.payable = "payable" in seen
        fi.reentrant = "reentrant" in seen
        if fi.view and fi.payable:
            self.err(m, "a function cannot be both view and payable")
        if not m.pub and (fi.payable or fi.reentrant):
            self.err(m, "only pub functions can be payable or reentrant (they concern calls from outside)")

    # ---------- types ----------
    def resolve_type(self, tn, mi, ci=None, where="value"):
        """A type node -> type. where: "value" (locals, params, fields) or "storage"."""
        if isinstance(tn, ast.MapType):
            if where != "storage":
                self.err(tn, "a map can only be a storage variable (or inside one)")
                return T.ERROR
            k = self.resolve_type(tn.key, mi, ci, "value")
            v = self.resolve_type(tn.value, mi, ci, "storage")
            if k is not T.ERROR and k not in T.MAP_KEY_TYPES:
                self.err(tn.key, f"a map key must be int, bool, address, bytes or string, not {k}")
                return T.ERROR
            return T.ERROR if T.ERROR in (k, v) else T.MapType(k, v)
        if isinstance(tn, ast.ListType):
            if where != "storage":
                self.err(tn, "a list can only be a storage variable (or inside one)")
                return T.ERROR
            e = self.resolve_type(tn.elem, mi, ci, "value")
            if isinstance(e, T.StructType):
                self._list_elems.append((self.file, tn.elem, e))  # judged once every struct is complete
            return T.ERROR if e is T.ERROR else T.ListType(e)
        name = tn.name
        if tn.module is not None:
            target = mi.module.imports.get(tn.module)
            if target is None:
                self.err(tn, f"unknown module {tn.module!r} (import it first)")
                return T.ERROR
            ti = self.infos[id(target)]
            t = ti.structs.get(name) or ti.interfaces.get(name)
            if t is None:
                self.err(tn, f"module {tn.module!r} has no struct or interface named {name!r}")
                return T.ERROR
            return t
        if name in T.PRIMS:
            return T.PRIMS[name]
        if ci is not None and name in ci.structs:
            return ci.structs[name]
        if name in mi.structs:
            return mi.structs[name]
        if name in mi.interfaces:
            return mi.interfaces[name]
        if name in mi.contracts:
            return self.contract_iface(mi.contracts[name])
        hint = _TYPE_HINTS.get(name)
        self.err(tn, f"unknown type {name!r}" + (f" ({hint})" if hint else ""))
        return T.ERROR

    def _params(self, params, mi, ci, what, storage_ok=False):
        out = []
        names = set()
        if len(params) > limits.MAX_FIELDS:
            self.err(params[0], f"too many {what}s (at most {limits.MAX_FIELDS})")
        for p in params:
            if p.name in names:
                self.err(p, f"{what} {p.name!r} is declared twice")
            names.add(p.name)
            out.append((p.name, self.resolve_type(p.type, mi, ci, "storage" if storage_ok else "value")))
        return out

    def _check_values(self, params, nodes, what):
        """Parameters, returns and event fields must be values (no struct holding a map or list)."""
        for (name, t), node in zip(params, nodes):
            if isinstance(t, T.StructType) and t.holds_storage():
                self.err(node, f"{what} {name!r} cannot be a {t}: it holds a map or list, so it lives only in storage")

    def _check_ret(self, fi, node):
        if isinstance(fi.ret, T.StructType) and fi.ret.holds_storage():
            self.err(node.returns, f"cannot return a {fi.ret}: it holds a map or list, so it lives only in storage")

    def contract_iface(self, ci):
        """A contract of the program used as an interface: its pub functions (filled once signatures are known)."""
        it = self._contract_ifaces.get(id(ci))
        if it is None:
            it = T.IfaceType(ci.name, f"{ci.module.file}:contract {ci.name}")
            self._contract_ifaces[id(ci)] = it
            self._iface_contract[id(it)] = ci
        if self._bodies_started:  # signatures are final only once bodies are being checked
            for fi in ci.functions.values():
                if fi.kind == "pub":
                    it.fns[fi.name] = IfaceFnInfo(fi.name, fi.params, fi.ret, fi.view, fi.node)
        return it

    # ---------- pass 2: signatures ----------
    def _signatures(self, mi: ModuleInfo):
        self.file = mi.module.file
        for item in mi.module.tree.items:
            if isinstance(item, ast.StructDef) and mi.structs.get(item.name) is not None:
                st = mi.structs[item.name]
                if not st.fields:
                    st.fields.extend(self._params(item.fields, mi, None, "field", storage_ok=True))
            elif isinstance(item, ast.InterfaceDef) and item.name in mi.interfaces:
                self._interface(mi, mi.interfaces[item.name], item)
            elif isinstance(item, ast.FnDef) and item.name in mi.functions:
                fi = mi.functions[item.name]
                if fi.node is item:
                    fi.params = self._params(item.params, mi, None, "parameter")
                    fi.ret = item.returns and self.resolve_type(item.returns, mi)
            elif isinstance(item, ast.ContractDef) and mi.contracts.get(item.name) is not None:
                ci = mi.contracts[item.name]
                if ci.node is item:
                    self._contract_signatures(mi, ci)
        for item in mi.module.tree.items:
            if isinstance(item, ast.StructDef) and item.name in mi.structs:
                self._check_struct_cycle(mi.structs[item.name], item)
            elif isinstance(item, ast.ContractDef) and item.name in mi.contracts:
                for m in item.members:
                    if isinstance(m, ast.StructDef) and m.name in mi.contracts[item.name].structs:
                        self._check_struct_cycle(mi.contracts[item.name].structs[m.name], m)

    def _check_struct_cycle(self, st, node):
        # Iterative walk: a struct may not contain itself, and nesting is bounded by the VM.
        stack = [(st, 1)]
        seen_path = 0
        while stack:
            cur, depth = stack.pop()
            seen_path += 1
            if depth > limits.MAX_VALUE_DEPTH or seen_path > 10_000:
                self.err(node, f"struct {st.name} nests too deeply (at most {limits.MAX_VALUE_DEPTH} levels)")
                return
            for _, ft in cur.fields:
                if ft is st:
                    self.err(node, f"struct {st.name} contains itself")
                    return
                if isinstance(ft, T.StructType):
                    stack.append((ft, depth + 1))

    def _interface(self, mi, it, node):
        for f in node.fns:
            if f.name in it.fns:
                self.err(f, f"interface {node.name} declares {f.name!r} twice")
                continue
            bad = [m for m in f.modifiers if m != "view"]
            if bad:
                self.err(f, f"an interface function takes only `view`, not `{bad[0]}`")
            params = self._params(f.params, mi, None, "parameter")
            ret = f.returns and self.resolve_type(f.returns, mi)
            it.fns[f.name] = IfaceFnInfo(f.name, params, ret, "view" in f.modifiers, f)

    def _contract_signatures(self, mi, ci):
        node = ci.node
        for m in node.members:
            if isinstance(m, ast.StructDef) and m.name in ci.structs:
                st = ci.structs[m.name]
                if not st.fields:
                    st.fields.extend(self._params(m.fields, mi, ci, "field", storage_ok=True))
        for m in node.members:
            if isinstance(m, ast.StorageDecl) and ci.storage.get(m.name) and ci.storage[m.name].node is m:
                ci.storage[m.name].type = self.resolve_type(m.type, mi, ci, "storage")
            elif isinstance(m, ast.ConstDecl) and ci.consts.get(m.name) and ci.consts[m.name].node is m:
                t = self.resolve_type(m.type, mi, ci)
                if not isinstance(t, T.Prim) and t is not T.ERROR:
                    self.err(m.type, f"a const must be int, bool, address, bytes or string, not {t}")
                    t = T.ERROR
                ci.consts[m.name].type = t
            elif isinstance(m, ast.EventDef) and ci.events.get(m.name) and ci.events[m.name].node is m:
                ci.events[m.name].params = self._params(m.params, mi, ci, "field")
            elif isinstance(m, ast.FnDef) and ci.functions.get(m.name) and ci.functions[m.name].node is m:
                fi = ci.functions[m.name]
                fi.params = self._params(m.params, mi, ci, "parameter")
                fi.ret = m.returns and self.resolve_type(m.returns, mi, ci)
            elif isinstance(m, ast.InitDef) and ci.init is not None and ci.init.node is m:
                ci.init.params = self._params(m.params, mi, ci, "parameter")
        if len(ci.storage) > 100_000:
            self.err(node, "too many storage variables")

    # ---------- pass 3: consts and bodies ----------
    def _bodies(self, mi: ModuleInfo):
        self.file = mi.module.file
        for fi in mi.functions.values():
            self._function(fi, _Ctx("free", mi, None, fi))
        for ci in mi.contracts.values():
            for c in ci.consts.values():
                self._eval_const(c, mi, ci)
            for ev in ci.events.values():
                self._check_values(ev.params, ev.node.params, "event field")
            fns = list(ci.functions.values())
            if ci.init is not None:
                fns.append(ci.init)
            for fi in fns:
                self._function(fi, _Ctx("view" if fi.view else "mut", mi, ci, fi))

    def _eval_const(self, c: ConstInfo, mi, ci):
        if c.state in ("done", "bad"):
            return
        if c.state == "busy":
            self.err(c.node, f"const {c.name} refers to itself")
            c.state = "bad"
            return
        c.state = "busy"
        ctx = _Ctx("const", mi, ci)
        t = self.value(c.node.value, ctx, expect=c.type)
        if c.type is not T.ERROR and not T.same(t, c.type):
            self.err(c.node.value, f"const {c.name} is declared {c.type} but its value is {t}")
        if c.state == "bad":
            return
        if ctx.failed:
            c.state = "bad"
            return
        if c.node.value in self.out.consts:
            c.value = self.out.consts[c.node.value]
            c.state = "done"
        else:
            if t is not T.ERROR:
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
            self.rep.at(self.file, node.returns, f"function {fi.name} must return a {fi.ret} on every path (missing return at the end)")
        fi.nlocals = max(ctx.max_slot, len(fi.params))

    def _declare_local(self, ctx, node, name, t, readonly=False, quiet=False):
        scope = ctx.scopes[-1]
        if name in scope and not quiet:
            self.err(node, f"{name!r} is already declared in this scope")
        if t is not T.ERROR and not T.is_value(t):
            self.err(node, f"a local cannot hold a {t}")
            t = T.ERROR
        slot = ctx.next_slot
        ctx.next_slot += 1
        ctx.max_slot = max(ctx.max_slot, ctx.next_slot)
        if ctx.next_slot > limits.MAX_LOCALS - 16:
            self.err(node, f"too many local variables (at most {limits.MAX_LOCALS - 16} in one function)")
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
                self.err(s.value, f"cannot initialise {s.name!r} of type {declared} with a {t}")
            t = declared
        self.out.slots[s] = self._declare_local(ctx, s, s.name, t)

    def s_AssignStmt(self, s, ctx):
        target_t = self.target(s.target, ctx)
        if s.op == "=":
            vt = self.value(s.value, ctx, expect=target_t)
            if not T.same(target_t, vt):
                self.err(s.value, f"cannot assign a {vt} to a {target_t}")
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
            elif isinstance(node, ast.Index) and T.same(self.out.types.get(node.base), T.BYTES):
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
        self.cond(s.cond, ctx, "if")
        self.block(s.then, ctx)
        if isinstance(s.orelse, ast.Block):
            self.block(s.orelse, ctx)
        elif s.orelse is not None:
            self.stmt(s.orelse, ctx)

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
                self.err(s, f"return needs a {ret} value here")
            return
        t = self.value(s.value, ctx, expect=ret)
        if ret is None:
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
    def value(self, e, ctx, expect=None):
        """An expression used as a value: maps and lists cannot be copied."""
        t = self.expr(e, ctx, expect=expect)
        if isinstance(t, (T.MapType, T.ListType)):
            self.err(e, f"a {t} cannot be used as a value; index it or use len()")
            return T.ERROR
        if isinstance(t, T.StructType) and t.holds_storage():
            self.err(e, f"a {t} holds a map or list, so it cannot be copied; use its fields")
            return T.ERROR
        if t is T.VOID:
            self.err(e, "this call returns no value")
            return T.ERROR
        return t

    def expr(self, e, ctx, expect=None):
        m = getattr(self, "e_" + type(e).__name__, None)
        if m is None:
            self.err(e, "not an expression")
            t = T.ERROR
        else:
            t = m(e, ctx)
        self.out.types[e] = t
        return t

    def e_IntLit(self, e, ctx):
        if e.value > INT_MAX:
            self.err(e, "integer literal out of range: an int holds -2**255 .. 2**255-1")
            return T.ERROR
        self.out.consts[e] = e.value
        return T.INT

    def e_StrLit(self, e, ctx):
        if len(e.value.encode("utf-8", "surrogatepass")) > limits.MAX_VALUE_SIZE:
            self.err(e, f"string literal longer than {limits.MAX_VALUE_SIZE} bytes")
        self.out.consts[e] = e.value
        return T.STRING

    def e_BytesLit(self, e, ctx):
        if len(e.value) > limits.MAX_VALUE_SIZE:
            self.err(e, f"bytes literal longer than {limits.MAX_VALUE_SIZE} bytes")
        self.out.consts[e] = e.value
        return T.BYTES

    def e_BoolLit(self, e, ctx):
        self.out.consts[e] = e.value
        return T.BOOL

    def e_NamedArg(self, e, ctx):
        self.err(e, "named arguments are only for building structs and emitting events")
        self.expr(e.value, ctx)
        return T.ERROR

    def e_Name(self, e, ctx):
        n = e.name
        local = ctx.lookup(n)
        if local is not None:
            self.out.refs[e] = ("local", local.slot, local.readonly)
            return local.type
        ci = ctx.contract
        if ci is not None and n in ci.consts and ctx.kind != "free":
            c = ci.consts[n]
            self._eval_const(c, ctx.modinfo, ci)
            self.out.refs[e] = ("const", c)
            if c.state == "done":
                self.out.consts[e] = c.value
            elif c.state == "bad":
                return T.ERROR
            return c.type if c.type is not None else T.ERROR
        if ci is not None and n in ci.storage and ctx.kind != "free":
            if ctx.kind == "const":
                self.err(e, "a const cannot read storage")
                return T.ERROR
            sv = ci.storage[n]
            self.out.refs[e] = ("storage", sv)
            return sv.type if sv.type is not None else T.ERROR
        if n == "this":
            if self._env_allowed(e, ctx, "this"):
                self.out.refs[e] = ("env", "this")
                return T.ADDRESS
            return T.ERROR
        if n in ("msg", "block"):
            self.err(e, f"{n} is not a value; use {n}.{'sender' if n == 'msg' else 'number'} and the like")
            return T.ERROR
        if n == "address":
            self.err(e, "address is a type; convert with address(x)")
            return T.ERROR
        if n in ctx.modinfo.module.imports:
            self.err(e, f"{n} is a module; use {n}.name")
            return T.ERROR
        if (ci is not None and n in ci.functions) or n in ctx.modinfo.functions or n in BUILTINS:
            self.err(e, f"{n} is a function; call it with ({n}(...))")
            return T.ERROR
        if ci is not None and n in ci.storage:
            self.err(e, f"a free function is pure: it cannot read storage ({n})")
            return T.ERROR
        hint = _NAME_HINTS.get(n)
        self.err(e, f"unknown name {n!r}" + (f" ({hint})" if hint else ""))
        return T.ERROR

    def _env_allowed(self, e, ctx, what) -> bool:
        if ctx.kind in ("free", "const"):
            kind = "a free function is pure" if ctx.kind == "free" else "a const must be known at compile time"
            self.err(e, f"{kind}: it cannot use {what}")
            return False
        return True

    def e_Field(self, e, ctx):
        b = e.base
        if isinstance(b, ast.Name) and b.name in ("msg", "block") and ctx.lookup(b.name) is None:
            fields = {"msg": {"sender": T.ADDRESS, "value": T.INT}, "block": {"number": T.INT, "timestamp": T.INT}}[b.name]
            if e.name not in fields:
                self.err(e, f"{b.name} has no field {e.name!r} (it has {' and '.join(fields)})")
                return T.ERROR
            if not self._env_allowed(e, ctx, f"{b.name}.{e.name}"):
                return T.ERROR
            fn = ctx.fn
            if e.name == "value" and fn is not None and fn.kind in ("pub", "init") and not fn.payable:
                # As in Solidity: value sent to it reverts, so msg.value here is always 0 (a forgotten `payable`).
                what = "init" if fn.kind == "init" else f"function {fn.name}"
                self.err(e, f"msg.value is always 0 in {what}, which is not payable; mark it payable")
            self.out.refs[e] = ("env", f"{b.name}.{e.name}")
            self.out.types[b] = T.ERROR
            return fields[e.name]
        if isinstance(b, ast.Name) and b.name in ctx.modinfo.module.imports and ctx.lookup(b.name) is None:
            self.err(e, f"{b.name}.{e.name} is not a value (modules export functions, structs and interfaces)")
            return T.ERROR
        bt = self.expr(b, ctx)
        if bt is T.ERROR:
            return T.ERROR
        if isinstance(bt, T.StructType):
            i = bt.field_index(e.name)
            if i is None:
                self.err(e, f"struct {bt.name} has no field {e.name!r}")
                return T.ERROR
            self.out.refs[e] = ("field", i)
            return bt.fields[i][1]
        if isinstance(bt, T.IfaceType):
            self.err(e, f"call a function of {bt.name}: {bt.name}(addr).{e.name}(...)")
            return T.ERROR
        if isinstance(bt, T.ListType) and e.name in ("length", "len"):
            self.err(e, "the length of a list is len(list)")
            return T.ERROR
        if bt in (T.BYTES, T.STRING) and e.name == "length":
            self.err(e, f"the length of a {bt} is len(x)")
            return T.ERROR
        if bt == T.ADDRESS and e.name == "balance":
            self.err(e, "an address has no fields; its balance is balance(a)")
            return T.ERROR
        self.err(e, f"a {bt} has no field {e.name!r}")
        return T.ERROR

    def e_Index(self, e, ctx):
        bt = self.expr(e.base, ctx)
        it = self.value(e.index, ctx)
        if bt is T.ERROR:
            return T.ERROR
        if isinstance(bt, T.MapType):
            if not T.same(it, bt.key):
                self.err(e.index, f"this map's keys are {bt.key}, not {it}")
            return bt.value
        if isinstance(bt, T.ListType):
            if not T.same(it, T.INT):
                self.err(e.index, f"a list index is an int, not {it}")
            return bt.elem
        if bt == T.BYTES:
            if not T.same(it, T.INT):
                self.err(e.index, f"a bytes index is an int, not {it}")
            return T.INT
        if bt == T.STRING:
            self.err(e, "a string cannot be indexed (its characters are UTF-8); use bytes")
            return T.ERROR
        self.err(e, f"a {bt} cannot be indexed")
        return T.ERROR

    def e_UnaryOp(self, e, ctx):
        o = e.operand
        if e.op == "-" and isinstance(o, ast.IntLit) and o.value == INT_MAX + 1:
            self.out.types[o] = T.INT
            self.out.consts[e] = -o.value
            return T.INT
        t = self.value(o, ctx)
        want = T.INT if e.op == "-" else T.BOOL
        if not T.same(t, want):
            self.err(e, f"`{e.op}` needs a {want}, not {t}")
            return T.ERROR
        if o in self.out.consts:
            try:
                self.out.consts[e] = F.unop(e.op, self.out.consts[o])
            except F.FoldError as exc:
                self._fold_failed(e, ctx, str(exc))
        return want

    def _fold_failed(self, e, ctx, why):
        if ctx.kind == "const":
            self.err(e, f"constant expression fails: {why}")
            ctx.failed = True

    def e_BinOp(self, e, ctx):
        op = e.op
        lt = self.value(e.left, ctx)
        rt = self.value(e.right, ctx)
        if op in ("&&", "||"):
            if not (T.same(lt, T.BOOL) and T.same(rt, T.BOOL)):
                self.err(e, f"`{op}` needs two bools, got {lt} and {rt}")
            result = T.BOOL
        elif op in ("==", "!="):
            if not T.same(lt, rt):
                self.err(e, f"cannot compare a {lt} with a {rt}")
            result = T.BOOL
        elif op in _ORDER:
            if not (T.same(lt, T.INT) and T.same(rt, T.INT)):
                self.err(e, f"`{op}` compares ints only, got {lt} and {rt}")
            result = T.BOOL
        elif op == "+" and (lt in (T.STRING, T.BYTES) or rt in (T.STRING, T.BYTES)):
            if not T.same(lt, rt):
                self.err(e, f"`+` joins two strings or two bytes, got {lt} and {rt}")
                return T.ERROR
            result = lt
        else:
            if not (T.same(lt, T.INT) and T.same(rt, T.INT)):
                self.err(e, f"`{op}` needs ints, got {lt} and {rt}")
                return T.ERROR
            result = T.INT
        c = self.out.consts
        if e.left in c and e.right in c and T.ERROR not in (lt, rt):
            try:
                c[e] = F.binop(op, c[e.left], c[e.right])
            except F.FoldError as exc:
                self._fold_failed(e, ctx, str(exc))
        return result

    # ---------- calls ----------
    def e_Call(self, e, ctx):
        callee = e.callee
        if isinstance(callee, ast.Name):
            return self._call_name(e, callee.name, ctx)
        if isinstance(callee, ast.Field):
            b = callee.base
            if isinstance(b, ast.Name) and b.name in ctx.modinfo.module.imports and ctx.lookup(b.name) is None:
                target = self.infos[id(ctx.modinfo.module.imports[b.name])]
                return self._call_in_module(e, target, callee.name, ctx, f"{b.name}.{callee.name}")
            bt = self.expr(b, ctx)
            if isinstance(bt, T.IfaceType):
                return self._xcall(e, bt, callee.name, ctx)
            if isinstance(bt, T.ListType) and callee.name in ("push", "pop"):
                return self._list_method(e, bt, callee.name, ctx)
            if bt == T.ADDRESS and callee.name in ("transfer", "send", "call"):
                self.err(callee, f"an address has no functions; send coin with transfer(to, amount), call code through an interface")
            elif bt is not T.ERROR:
                self.err(callee, f"a {bt} has no function {callee.name!r}")
            self._args_only(e, ctx)
            return T.ERROR
        self.expr(callee, ctx)
        self.err(e, "only functions, structs and interfaces can be called")
        self._args_only(e, ctx)
        return T.ERROR

    def _args_only(self, e, ctx):
        for a in e.args:
            self.value(a.value if isinstance(a, ast.NamedArg) else a, ctx)

    def _call_name(self, e, n, ctx):
        ci = ctx.contract
        if n == "address":
            return self._builtin(e, "address", ctx)
        if ci is not None and n in ci.functions and ctx.kind != "free":
            return self._internal_call(e, ci.functions[n], ctx)
        return self._call_in_module(e, ctx.modinfo, n, ctx, n, contract=ci)

    def _call_in_module(self, e, mi, n, ctx, shown, contract=None):
        if contract is not None and n in contract.structs:
            return self._struct_ctor(e, contract.structs[n], ctx)
        if n in mi.functions:
            return self._internal_call(e, mi.functions[n], ctx)
        if n in mi.structs:
            return self._struct_ctor(e, mi.structs[n], ctx)
        if n in mi.interfaces:
            return self._iface_cast(e, mi.interfaces[n], ctx)
        if n in mi.contracts:
            return self._iface_cast(e, self.contract_iface(mi.contracts[n]), ctx)
        if mi is ctx.modinfo and n in BUILTINS:
            return self._builtin(e, n, ctx)
        self._args_only(e, ctx)
        if ctx.contract is not None and n in ctx.contract.functions:
            self.err(e, f"a free function is pure: it cannot call the contract function {n}")
        elif ctx.lookup(n) is not None or (ctx.contract is not None and (n in ctx.contract.storage or n in ctx.contract.consts)):
            self.err(e, f"{n} is a variable, not a function")
        else:
            hint = " (functions of other modules are called as MODULE.name)" if mi is ctx.modinfo else ""
            self.err(e, f"unknown function {shown!r}{hint}")
        return T.ERROR

    def _positional(self, e, ctx, params, what):
        """Check positional arguments against [(name, type)]; returns nothing."""
        args = e.args
        for a in args:
            if isinstance(a, ast.NamedArg):
                self.err(a, f"{what} takes positional arguments")
        vals = [a.value if isinstance(a, ast.NamedArg) else a for a in args]
        if len(vals) != len(params):
            self.err(e, f"{what} takes {len(params)} argument{'s' if len(params) != 1 else ''}, got {len(vals)}")
        for i, a in enumerate(vals):
            want = params[i][1] if i < len(params) else None
            t = self.value(a, ctx, expect=want)
            if want is not None and not T.same(t, want):
                self.err(a, f"argument {i + 1} ({params[i][0]}) of {what} must be a {want}, not {t}")

    def _ordered_args(self, e, args, params, ctx, what):
        """Positional or all-named arguments -> expressions in declaration order."""
        named = [a for a in args if isinstance(a, ast.NamedArg)]
        if not named:
            self._positional(_Args(e, args), ctx, params, what)
            return list(args)
        if len(named) != len(args):
            self.err(e, f"{what}: give every argument by name, or none")
            self._args_only(_Args(e, args), ctx)
            return None
        by_name = {}
        for a in named:
            if a.name in by_name:
                self.err(a, f"{what}: {a.name!r} is given twice")
            by_name[a.name] = a
        order = []
        pnames = [p for p, _ in params]
        for a in named:
            if a.name not in pnames:
                self.err(a, f"{what} has no field {a.name!r}")
                self.value(a.value, ctx)
        for pname, pt in params:
            a = by_name.get(pname)
            if a is None:
                self.err(e, f"{what}: missing {pname!r}")
                continue
            t = self.value(a.value, ctx, expect=pt)
            if not T.same(t, pt):
                self.err(a.value, f"{pname!r} of {what} must be a {pt}, not {t}")
            order.append(a.value)
        return order if len(order) == len(params) else None

    def _internal_call(self, e, fi, ctx):
        self._positional(e, ctx, fi.params, f"{fi.name}()")
        if ctx.kind == "const":
            self.err(e, "a const must be known at compile time: it cannot call functions")
        if ctx.fn is not None:
            ctx.fn.calls.append(fi)
        if ctx.kind == "view" and fi.kind in ("pub", "internal") and not fi.view:
            self.view_calls.append((self.file, e, fi))  # allowed if fi turns out to change nothing
        self.out.refs[e] = ("call", fi)
        return fi.ret if fi.ret is not None else T.VOID

    def _struct_ctor(self, e, st, ctx):
        if st.holds_storage():
            self.err(e, f"struct {st.name} holds a map or list, so it lives only in storage: assign its fields one by one")
            self._args_only(e, ctx)
            return T.ERROR
        order = self._ordered_args(e, e.args, st.fields, ctx, f"struct {st.name}")
        self.out.refs[e] = ("struct", st, order)
        return st

    def _iface_cast(self, e, it, ctx):
        self._positional(e, ctx, [("address", T.ADDRESS)], f"{it.name}()")
        self.out.refs[e] = ("cast", it)  # an interface value is just its address
        return it

    def _xcall(self, e, it, name, ctx):
        if id(it) in self._iface_contract:
            self.contract_iface(self._iface_contract[id(it)])
        f = it.fns.get(name)
        if f is None:
            self.err(e.callee, f"interface {it.name} has no function {name!r}")
            self._args_only(e, ctx)
            return T.ERROR
        if ctx.kind in ("free", "const"):
            self.err(e, "a free function is pure: it cannot call other contracts")
        elif ctx.kind == "view" and not f.view:
            self.err(e, f"a view function cannot call {it.name}.{name}, which is not view")
        elif ctx.kind == "mut" and not f.view:
            ctx.fn.effects.append((e, f"call {it.name}.{name}, which is not view"))
        self._positional(e, ctx, f.params, f"{it.name}.{name}()")
        self.out.refs[e] = ("xcall", f)
        return f.ret if f.ret is not None else T.VOID

    def _list_method(self, e, lt, name, ctx):
        base = e.callee.base
        if not self.is_storage_place(base):
            self.err(e, "push and pop work on storage lists")
        self._writes_storage(e, ctx, f"{name} a list")
        if name == "push":
            self._positional(e, ctx, [("value", lt.elem)], "push()")
            self.out.refs[e] = ("push", lt)
            return T.VOID
        self._positional(e, ctx, [], "pop()")
        self.out.refs[e] = ("pop", lt)
        return lt.elem

    def _builtin(self, e, n, ctx):
        args = [a.value if isinstance(a, ast.NamedArg) else a for a in e.args]
        for a in e.args:
            if isinstance(a, ast.NamedArg):
                self.err(a, f"{n}() takes positional arguments")
        arity = {"len": 1, "sha256": 1, "balance": 1, "transfer": 2, "min": 2, "max": 2, "abs": 1, "str": 1, "address": 1}[n]
        if len(args) != arity:
            self.err(e, f"{n}() takes {arity} argument{'s' if arity > 1 else ''}, got {len(args)}")
            for a in args:
                self.expr(a, ctx)
            return T.ERROR
        self.out.refs[e] = ("builtin", n)
        c = self.out.consts
        if n == "len":
            t = self.expr(args[0], ctx)
            if isinstance(t, T.ListType):
                if not self.is_storage_place(args[0]):
                    self.err(args[0], "len() of a list needs a storage list")
                return T.INT
            if t not in (T.BYTES, T.STRING, T.ERROR):
                self.err(args[0], f"len() takes bytes, a string or a list, not {t}")
            elif args[0] in c:
                v = c[args[0]]
                c[e] = len(v.encode("utf-8")) if isinstance(v, str) else len(v)
            return T.INT
        ts = [self.value(a, ctx) for a in args]
        if n == "sha256":
            if ts[0] not in (T.BYTES, T.STRING, T.ERROR):
                self.err(args[0], f"sha256() takes bytes or a string, not {ts[0]}")
            return T.BYTES
        if n in ("balance", "transfer"):
            if not self._env_allowed(e, ctx, f"{n}()"):
                return T.ERROR
            if not T.same(ts[0], T.ADDRESS):
                self.err(args[0], f"{n}() takes an address first, not {ts[0]}")
            if n == "balance":
                return T.INT
            if not T.same(ts[1], T.INT):
                self.err(args[1], f"the amount of transfer() is an int, not {ts[1]}")
            if ctx.kind == "view":
                self.err(e, "a view function cannot transfer")
            elif ctx.kind == "mut":
                ctx.fn.effects.append((e, "transfer"))
            return T.VOID
        if n in ("min", "max", "abs", "str"):
            for a, t in zip(args, ts):
                if not T.same(t, T.INT):
                    self.err(a, f"{n}() takes ints, not {t}")
            if all(a in c for a in args) and T.ERROR not in ts:
                vals = [c[a] for a in args]
                if n == "min":
                    c[e] = min(vals)
                elif n == "max":
                    c[e] = max(vals)
                elif n == "abs" and abs(vals[0]) <= INT_MAX:
                    c[e] = abs(vals[0])
                elif n == "str":
                    c[e] = str(vals[0])
            return T.STRING if n == "str" else T.INT
        # address(x): from an int, an address, or an interface value
        t = ts[0]
        if isinstance(t, T.IfaceType) or t == T.ADDRESS:
            return T.ADDRESS
        if not T.same(t, T.INT):
            self.err(args[0], f"address() takes an int, not {t}")
            return T.ADDRESS
        if args[0] in c:
            try:
                c[e] = F.to_address(c[args[0]])
            except F.FoldError:
                self.err(args[0], "address out of range: 0 .. 2**160-1")
        return T.ADDRESS


class _Args:
    """A stand-in call node carrying a different argument list (for emit)."""

    def __init__(self, node, args):
        self.line, self.col, self.args = node.line, node.col, args
