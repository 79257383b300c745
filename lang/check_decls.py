"""The checker's declaration passes: names, types, signatures and struct shapes of every module."""
from __future__ import annotations

from vm import limits

from . import ast
from . import types as T
from .symbols import ConstInfo, ContractInfo, EventInfo, FuncInfo, IfaceFnInfo, ModuleInfo, StorageVar

MAX_STRUCT_SCALARS = 4096  # scalars in one struct value, nested structs included

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


class DeclChecks:
    """Mixed into Checker: passes 1 and 2 (declare names, then resolve types and signatures)."""

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
                first = seen[name]
                where = "by an import" if first == "import" else f"(line {first.line})"
                self.err(item, f"{name!r} is already declared in this file {where}")
                continue
            if isinstance(item, ast.StructDef):
                seen[name] = item
                mi.structs[name] = T.StructType(name, f"{mi.module.file}:{name}")
            elif isinstance(item, ast.InterfaceDef):
                seen[name] = item
                mi.interfaces[name] = T.IfaceType(name, f"{mi.module.file}:{name}")
            elif isinstance(item, ast.FnDef):
                seen[name] = item
                if item.pub or item.modifiers:
                    self.err(item, "a free function takes no `pub`, `view`, `payable` or `reentrant`: it is pure and internal")
                mi.functions[name] = FuncInfo(name, f"{mi.module.prefix}.{name}", "free", [], None, item, mi.module)
            elif isinstance(item, ast.ContractDef):
                seen[name] = item
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
                self.err(m, f"{name!r} is already declared in contract {node.name} (line {seen[name].line})")
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
        if hint is None:
            known = list(T.PRIMS) + list(mi.structs) + list(mi.interfaces) + list(mi.contracts) + (list(ci.structs) if ci is not None else [])
            close = self.rep.close_name(name, known)
            hint = f"did you mean {close!r}?" if close else None
        self.err(tn, f"unknown type {name!r}" + (f" ({hint})" if hint else ""))
        return T.ERROR

    def _params(self, params, mi, ci, what, storage_ok=False):
        out = []
        names = set()
        if len(params) > limits.MAX_FIELDS:
            self.limit(params[0], f"too many {what}s (at most {limits.MAX_FIELDS})")
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
                self.err(node, f"{what} {name!r} cannot be {T.a(t)}: it holds a map or list, so it lives only in storage")

    def _check_ret(self, fi, node):
        if isinstance(fi.ret, T.StructType) and fi.ret.holds_storage():
            self.err(node.returns, f"cannot return {T.a(fi.ret)}: it holds a map or list, so it lives only in storage")

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
        # A struct may not contain itself, and nesting is bounded by the VM. Depths are memoised, so
        # many structs, wide ones included, cost one walk in all.
        depth = self._struct_depth(st)
        if depth is None:
            if self._reaches_itself(st):
                self.err(node, f"struct {st.name} contains itself")
        elif depth == limits.MAX_VALUE_DEPTH + 1:  # the innermost struct too deep: one error per chain
            self.limit(node, f"struct {st.name} nests too deeply ({depth} levels of structs; at most {limits.MAX_VALUE_DEPTH})")
        elif depth <= limits.MAX_VALUE_DEPTH:
            # Copying a struct costs code and gas per scalar: bound the total, so no struct explodes the compiler.
            n = self._struct_scalars(st)
            if n > MAX_STRUCT_SCALARS and all(self._struct_scalars(f) <= MAX_STRUCT_SCALARS for f in _field_structs(st)):
                self.limit(node, f"struct {st.name} holds too many values in all ({n} scalars counting nested structs; at most {MAX_STRUCT_SCALARS})")

    def _struct_scalars(self, st) -> int:
        """Scalar fields in st, nested structs counted out (st is finite: no cycle, bounded depth)."""
        memo = self.__dict__.setdefault("_scalars", {})
        stack = [st]
        while stack:
            cur = stack[-1]
            todo = [f for f in _field_structs(cur) if id(f) not in memo]
            if todo:
                stack.extend(todo)
                continue
            stack.pop()
            memo[id(cur)] = sum(memo[id(ft)] if isinstance(ft, T.StructType) else 1 for _, ft in cur.fields)
        return memo[id(st)]

    def _struct_depth(self, st):
        """Levels of structs in st (1 when its fields are all scalars); None when a cycle makes it endless."""
        memo = self.__dict__.setdefault("_depths", {})
        active: set = set()
        stack = [st]
        while stack:
            cur = stack[-1]
            if id(cur) in memo:
                stack.pop()
                continue
            active.add(id(cur))
            todo = [f for f in _field_structs(cur) if id(f) not in memo and id(f) not in active]
            if todo:
                stack.extend(todo)
                continue
            stack.pop()
            active.discard(id(cur))
            subs = [memo.get(id(f), None) for f in _field_structs(cur)]  # a field still active closes a cycle
            memo[id(cur)] = None if None in subs else 1 + max(subs, default=0)
        return memo[id(st)]

    def _reaches_itself(self, st) -> bool:
        """Whether st is on a cycle; the whole cycle (st's strongly connected set) is remembered at once."""
        known = self.__dict__.setdefault("_on_cycle", {})
        if id(st) not in known:
            seen, stack, back = {id(st): st}, [st], {}
            while stack:  # everything st reaches, with the edges reversed
                cur = stack.pop()
                for f in _field_structs(cur):
                    back.setdefault(id(f), []).append(cur)
                    if id(f) not in seen:
                        seen[id(f)] = f
                        stack.append(f)
            ring, stack = set(), list(back.get(id(st), []))
            while stack:  # of those, the ones that lead back to st
                cur = stack.pop()
                if id(cur) not in ring:
                    ring.add(id(cur))
                    stack.extend(back.get(id(cur), []))
            for i in ring:
                known[i] = True
            known.setdefault(id(st), False)
        return known[id(st)]

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
            self.limit(node, "too many storage variables")


def _field_structs(st) -> list:
    return [ft for _, ft in st.fields if isinstance(ft, T.StructType)]
