"""The checker's expressions: the type of each, names resolved, constants folded (a mixin of Checker)."""
from __future__ import annotations

from vm import limits
from vm.values import INT_MAX

from . import ast
from . import fold as F
from . import types as T
from .check_calls import BUILTINS

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
_ORDER = {"<", "<=", ">", ">="}


class ExprChecks:
    """Expressions, for Checker: it provides err, limit, the context and the output tables."""

    def value(self, e, ctx, expect=None):
        """An expression used as a value: maps and lists cannot be copied."""
        t = self.expr(e, ctx, expect=expect)
        if isinstance(t, (T.MapType, T.ListType)):
            self.err(e, f"{T.a(t)} cannot be used as a value; index it or use len()")
            return T.ERROR
        if isinstance(t, T.StructType) and t.holds_storage():
            self.err(e, f"{T.a(t)} holds a map or list, so it cannot be copied; use its fields")
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
            self.limit(e, f"string literal longer than {limits.MAX_VALUE_SIZE} bytes")
        self.out.consts[e] = e.value
        return T.STRING

    def e_BytesLit(self, e, ctx):
        if len(e.value) > limits.MAX_VALUE_SIZE:
            self.limit(e, f"bytes literal longer than {limits.MAX_VALUE_SIZE} bytes")
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
            close = self._did_you_mean(n, ctx)
            self.err(e, f"{n} is a function; call it with ({n}(...))" + (f", or {close}" if close else ""))
            return T.ERROR
        if ci is not None and n in ci.storage:
            self.err(e, f"a free function is pure: it cannot read storage ({n})")
            return T.ERROR
        hint = _NAME_HINTS.get(n) or self._did_you_mean(n, ctx)
        self.err(e, f"unknown name {n!r}" + (f" ({hint})" if hint else ""))
        return T.ERROR

    def _did_you_mean(self, n, ctx):
        """A close spelling among the names this place can see (a typo is the usual cause)."""
        if not self.rep.suggesting():
            return None
        seen = [name for scope in ctx.scopes for name in scope]
        ci = ctx.contract
        if ci is not None and ctx.kind != "free":
            seen += list(ci.storage) + list(ci.consts)
        close = self.rep.close_name(n, seen)
        return f"did you mean {close!r}?" if close else None

    def _env_allowed(self, e, ctx, what) -> bool:
        if ctx.kind in ("free", "const"):
            kind = "a free function is pure" if ctx.kind == "free" else "a const must be known at compile time"
            self.err(e, f"{kind}: it cannot use {what}")
            return False
        return True

    def e_Field(self, e, ctx):
        b = e.base
        name = ast.Node(*e.name_at) if e.name_at else e  # "no such field" points at the field's name
        if isinstance(b, ast.Name) and b.name in ("msg", "block") and ctx.lookup(b.name) is None:
            fields = {"msg": {"sender": T.ADDRESS, "value": T.INT}, "block": {"number": T.INT, "timestamp": T.INT}}[b.name]
            if e.name not in fields:
                self.err(name, f"{b.name} has no field {e.name!r} (it has {' and '.join(fields)})")
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
                close = self.rep.close_name(e.name, [f for f, _ in bt.fields])
                self.err(name, f"struct {bt.name} has no field {e.name!r}" + (f" (did you mean {close!r}?)" if close else ""))
                return T.ERROR
            self.out.refs[e] = ("field", i)
            return bt.fields[i][1]
        if isinstance(bt, T.IfaceType):
            self.err(name, f"call a function of {bt.name}: {bt.name}(addr).{e.name}(...)")
            return T.ERROR
        if isinstance(bt, T.ListType) and e.name in ("length", "len"):
            self.err(name, "the length of a list is len(list)")
            return T.ERROR
        if bt in (T.BYTES, T.STRING) and e.name == "length":
            self.err(name, f"the length of {T.a(bt)} is len(x)")
            return T.ERROR
        if bt == T.ADDRESS and e.name == "balance":
            self.err(name, "an address has no fields; its balance is balance(a)")
            return T.ERROR
        self.err(name, f"{T.a(bt)} has no field {e.name!r}")
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
        self.err(e, f"{T.a(bt)} cannot be indexed")
        return T.ERROR

    def e_UnaryOp(self, e, ctx):
        o = e.operand
        if e.op == "-" and isinstance(o, ast.IntLit) and o.value == INT_MAX + 1:
            self.out.types[o] = T.INT
            self.out.consts[e] = -o.value
            return T.INT
        t = self.value(o, ctx)
        want = T.INT if e.op == "-" else T.BOOL
        if t is T.ERROR:
            return T.ERROR  # already reported
        if not T.same(t, want):
            self.err(e, f"`{e.op}` needs {T.a(want)}, not {t}")
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
        # A chain a + b + c + ... nests to the left without limit (parser._too_deep): walk it in a loop.
        spine = [e]
        while isinstance(spine[-1].left, ast.BinOp):
            spine.append(spine[-1].left)
        t = self.value(spine[-1].left, ctx)
        for node in reversed(spine):
            t = self._binop(node, t, self.value(node.right, ctx), ctx)
            if node is not e:
                self.out.types[node] = t  # as self.expr records it for e itself
        return t

    def _binop(self, e, lt, rt, ctx):
        """The type of `left OP right` given the operands' types, folding constants."""
        op = e.op
        if op in ("&&", "||"):
            if not (T.same(lt, T.BOOL) and T.same(rt, T.BOOL)):
                self.err(e, f"`{op}` needs two bools, got {lt} and {rt}")
            result = T.BOOL
        elif op in ("==", "!="):
            if not T.same(lt, rt):
                self.err(e, f"cannot compare {T.a(lt)} with {T.a(rt)}")
            result = T.BOOL
        elif op in _ORDER:
            if not (T.same(lt, T.INT) and T.same(rt, T.INT)):
                self.err(e, f"`{op}` compares ints only, got {lt} and {rt}")
            result = T.BOOL
        elif op == "+" and T.ERROR in (lt, rt):
            # The operand already has an error; `+` might have been a join, so guess no type (no cascade).
            return T.ERROR
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
        if T.ERROR in (lt, rt):
            return T.ERROR  # already reported: no follow-on errors about this expression
        c = self.out.consts
        if e.left in c and e.right in c:
            try:
                c[e] = F.binop(op, c[e.left], c[e.right])
            except F.FoldError as exc:
                self._fold_failed(e, ctx, str(exc))
        return result
