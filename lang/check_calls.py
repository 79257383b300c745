"""The checker's calls: functions, struct construction, interfaces, list methods and builtins."""
from __future__ import annotations

from vm.values import INT_MAX

from . import ast
from . import fold as F
from . import types as T

BUILTINS = {"len", "sha256", "balance", "transfer", "min", "max", "abs", "str"}
# Functions from other languages, and what to write instead.
_FN_HINTS = {
    "assert": 'use require(condition, "reason")',
    "keccak256": "the hash function is sha256(x)",
    "sha3": "the hash function is sha256(x)",
    "selfdestruct": "a contract cannot be destroyed",
    "suicide": "a contract cannot be destroyed",
    "print": "there is no printing; emit an event",
    "console": "there is no printing; emit an event",
    "length": "the length is len(x)",
    "uint": "the integer type is int; there are no conversions between int types",
    "uint256": "the integer type is int; there are no conversions between int types",
    "payable": "every address can receive coin with transfer(to, amount)",
}


class CallChecks:
    """Mixed into Checker: every form of call, resolved and type-checked."""

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
                self.err(callee, "an address has no functions; send coin with transfer(to, amount), call code through an interface")
            elif bt == T.ADDRESS and isinstance(b, ast.Name) and b.name == "this" and ctx.contract is not None:
                self.err(callee, f"call this contract's own functions directly: {callee.name}(...)")
            elif bt is not T.ERROR:
                self.err(callee, f"{T.a(bt)} has no function {callee.name!r}")
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
        if mi is ctx.modinfo and n in mi.contracts:
            # Only this file's contracts: an import exposes free functions, structs and interfaces.
            return self._iface_cast(e, self.contract_iface(mi.contracts[n]), ctx)
        if mi is ctx.modinfo and n in BUILTINS:
            return self._builtin(e, n, ctx)
        self._args_only(e, ctx)
        if ctx.contract is not None and n in ctx.contract.functions:
            self.err(e, f"a free function is pure: it cannot call the contract function {n}")
        elif ctx.lookup(n) is not None or (ctx.contract is not None and (n in ctx.contract.storage or n in ctx.contract.consts)):
            self.err(e, f"{n} is a variable, not a function")
        elif mi is not ctx.modinfo and n in mi.contracts:
            self.err(e, f"{shown} is a contract of an imported file; an import exposes only its free functions, structs and interfaces (declare an interface to call it)")
        else:
            names = list(mi.functions) + list(mi.structs) + list(mi.interfaces)
            if mi is ctx.modinfo and self.rep.suggesting():
                names += list(BUILTINS) + list(mi.contracts) + (list(ctx.contract.functions) if ctx.contract else [])
            close = None if n in _FN_HINTS else self.rep.close_name(n, names)
            if mi is ctx.modinfo and n in _FN_HINTS:
                hint = f" ({_FN_HINTS[n]})"
            elif close:
                prefix = shown[: len(shown) - len(n)]  # "math." when called through a module
                hint = f" (did you mean {prefix + close!r}?)"
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
                self.err(a, f"argument {i + 1} ({params[i][0]}) of {what} must be {T.a(want)}, not {t}")

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
                self.err(a.value, f"{pname!r} of {what} must be {T.a(pt)}, not {t}")
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
            if t is T.ERROR:
                return T.ERROR
            if t not in (T.BYTES, T.STRING):
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
            if all(a in c for a in args) and all(t == T.INT for t in ts):
                vals = [c[a] for a in args]
                if n == "min":
                    c[e] = min(vals)
                elif n == "max":
                    c[e] = max(vals)
                elif n == "abs":
                    if abs(vals[0]) <= INT_MAX:
                        c[e] = abs(vals[0])
                    else:
                        self._fold_failed(e, ctx, "integer overflow")
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
            except F.FoldError as exc:
                self._fold_failed(e, ctx, f"{exc} (0 .. 2**160-1)")  # elsewhere it reverts at run time, as 1 / 0 does
        return T.ADDRESS


class _Args:
    """A stand-in call node carrying a different argument list (for emit)."""

    def __init__(self, node, args):
        self.line, self.col, self.args = node.line, node.col, args
