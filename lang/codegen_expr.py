"""Codegen of expressions and storage places: values, loads and stores, calls, builtins, list operations.

FnGen (lang/codegen.py) inherits these; statements and functions stay there.
"""
from __future__ import annotations

from vm.encoding import pack

from . import ast
from . import types as T
from .errors import InternalCompilerError

_ENV = {"msg.sender": "CALLER", "msg.value": "CALLVALUE", "block.number": "BLOCK_NUMBER",
        "block.timestamp": "TIMESTAMP", "this": "SELF"}
_BUILTIN_OPS = {"sha256": "SHA256", "balance": "BALANCE", "min": "MIN", "max": "MAX", "abs": "ABS", "str": "TO_STR"}
POP_EMPTY = "pop from an empty list"


def storage_prefix(slot: int) -> bytes:
    return pack(slot)


class ExprGen:
    """Expression and storage-place generation for one function (mixed into FnGen)."""

    def place_kind(self, node):
        if isinstance(node, ast.Name):
            ref = self.c.refs.get(node)
            return ref[0] if ref else None
        if isinstance(node, ast.Field):
            return self.place_kind(node.base) if isinstance(self.c.types.get(node.base), T.StructType) else None
        if isinstance(node, ast.Index):
            if isinstance(self.c.types.get(node.base), (T.MapType, T.ListType)):
                return self.place_kind(node.base)
        return None

    def key(self, node):
        """Push the storage key of a storage place."""
        if isinstance(node, ast.Name):
            sv = self.c.refs[node][1]
            self.at(node)
            self.op("PUSH_CONST", storage_prefix(sv.slot))
            return
        if isinstance(node, ast.Field):
            self.key(node.base)
            self.at(node)
            self.push_value(self.c.refs[node][1])
            self.op("KEY")
            return
        bt = self.c.types[node.base]
        self.key(node.base)
        if isinstance(bt, T.ListType):
            # [key, index, length] -> CHECK_INDEX -> [key, index] -> KEY
            self.expr(node.index)
            self.at(node)
            self.op("OVER")
            self.op("SLOAD", "int")
            self.op("CHECK_INDEX")
            self.op("KEY")
        else:
            self.expr(node.index)
            self.at(node)
            self.op("KEY")

    def load(self, t, node):
        """Key on the stack -> the value of type t stored under it."""
        if isinstance(t, T.StructType):
            k = self.temp(node)
            self.op("STORE", k)
            for i, (_, ft) in enumerate(t.fields):
                self.op("LOAD", k)
                self.push_value(i)
                self.op("KEY")
                self.load(ft, node)
            self.op("MAKE_STRUCT", len(t.fields))
            self.free()
        elif isinstance(t, (T.Prim, T.IfaceType)):
            self.op("SLOAD", T.sload_tag(t))
        else:
            raise InternalCompilerError(f"cannot load a {t} as a value")

    def store(self, t, node):
        """[key, value] on the stack -> stored (structs field by field)."""
        if isinstance(t, T.StructType):
            v, k = self.temp(node), self.temp(node)
            self.op("STORE", v)
            self.op("STORE", k)
            for i, (_, ft) in enumerate(t.fields):
                self.op("LOAD", k)
                self.push_value(i)
                self.op("KEY")
                self.op("LOAD", v)
                self.op("GET_FIELD", i)
                self.store(ft, node)
            self.free(2)
        elif isinstance(t, (T.Prim, T.IfaceType)):
            self.op("SSTORE")
        else:
            raise InternalCompilerError(f"cannot store a {t} as a value")

    # ---------- expressions ----------
    def expr(self, e):
        if e in self.c.consts:
            self.at(e)
            self.push_value(self.c.consts[e])
            return
        getattr(self, "e_" + type(e).__name__)(e)

    def e_Name(self, e):
        ref = self.c.refs[e]
        self.at(e)
        if ref[0] == "local":
            self.op("LOAD", ref[1])
        elif ref[0] == "storage":
            self.key(e)
            self.load(ref[1].type, e)
        elif ref[0] == "env":
            self.op(_ENV[ref[1]])
        elif ref[0] == "const":
            self.push_value(ref[1].value)
        else:
            raise InternalCompilerError(f"name {e.name} resolved to {ref[0]}")

    def e_Field(self, e):
        ref = self.c.refs[e]
        if ref[0] == "env":
            self.at(e)
            self.op(_ENV[ref[1]])
            return
        if self.place_kind(e) == "storage":
            self.key(e)
            self.load(self.c.types[e], e)
            return
        self.expr(e.base)
        self.at(e)
        self.op("GET_FIELD", ref[1])

    def e_Index(self, e):
        if self.place_kind(e) == "storage":
            self.key(e)
            self.load(self.c.types[e], e)
            return
        self.expr(e.base)
        self.expr(e.index)
        self.at(e)
        self.op("BYTE_AT")

    def e_UnaryOp(self, e):
        self.expr(e.operand)
        self.at(e)
        self.op("NEG" if e.op == "-" else "NOT")

    def e_BinOp(self, e):
        # A chain a + b + c + ... nests to the left without limit (parser._too_deep): walk it in a loop,
        # naming labels outermost first as the recursion did.
        spine = [e]
        while isinstance(spine[-1].left, ast.BinOp) and spine[-1].left not in self.c.consts:
            spine.append(spine[-1].left)
        ends = {id(n): self.label("sc") for n in spine if n.op in ("&&", "||")}
        self.expr(spine[-1].left)
        for n in reversed(spine):
            if n.op in ("&&", "||"):
                end = ends[id(n)]
                self.at(n)
                self.op("DUP")
                self.op("JUMP_IF_FALSE" if n.op == "&&" else "JUMP_IF_TRUE", end)
                self.op("POP")
                self.expr(n.right)
                self.place(end)
                continue
            self.expr(n.right)
            self.at(n)
            self.binop(n.op, self.c.types[n.left])

    def e_Call(self, e):
        ref = self.c.refs[e]
        kind = ref[0]
        if kind == "call":
            fi = ref[1]
            for a in e.args:
                self.expr(a)
            self.at(e)
            self.want_fn(fi)
            self.op("CALL", fi.mangled)
        elif kind == "struct":
            st, order = ref[1], ref[2]
            for a in order:
                self.expr(a)
            self.at(e)
            self.op("MAKE_STRUCT", len(st.fields))
        elif kind == "cast":
            self.expr(e.args[0])
        elif kind == "xcall":
            f = ref[1]
            self.expr(e.callee.base)
            self.at(e)
            self.op("PUSH_CONST", f.name)
            for a in e.args:
                self.expr(a)
            self.at(e)
            # Through a view signature the callee runs read-only, whatever it is; and its
            # result must have the type the interface declares (the callee may lie).
            if f.view:
                self.op("XCALL_VIEW" if f.ret is not None else "XCALL_VIEW_VOID", len(e.args))
            else:
                self.op("XCALL" if f.ret is not None else "XCALL_VOID", len(e.args))
            if f.ret is not None:
                self.op("CHECK_TYPE", T.vm_type(f.ret))
        elif kind == "push":
            self.list_push(e, ref[1])
        elif kind == "pop":
            self.list_pop(e, ref[1])
        elif kind == "builtin":
            self.builtin(e, ref[1])
        else:
            raise InternalCompilerError(f"call resolved to {kind}")

    def builtin(self, e, n):
        args = e.args
        if n == "len":
            t = self.c.types[args[0]]
            if isinstance(t, T.ListType):
                self.key(args[0])
                self.at(e)
                self.op("SLOAD", "int")
            else:
                self.expr(args[0])
                self.at(e)
                self.op("LEN")
            return
        if n == "address":
            self.expr(args[0])
            if self.c.types[args[0]] == T.INT:
                self.at(e)
                self.op("TO_ADDR")
            return
        for a in args:
            self.expr(a)
        self.at(e)
        if n == "transfer":
            self.op("TRANSFER")
        else:
            self.op(_BUILTIN_OPS[n])

    def list_push(self, e, lt):
        base = e.callee.base
        k, n = self.temp(e), self.temp(e)
        self.key(base)
        self.at(e)
        self.op("STORE", k)
        self.op("LOAD", k)
        self.op("SLOAD", "int")
        self.op("STORE", n)
        self.op("LOAD", k)
        self.op("LOAD", n)
        self.op("KEY")
        self.expr(e.args[0])
        self.at(e)
        self.store(lt.elem, e)
        self.op("LOAD", k)
        self.op("LOAD", n)
        self.op("PUSH_INT", 1)
        self.op("ADD")
        self.op("SSTORE")
        self.free(2)

    def list_pop(self, e, lt):
        base = e.callee.base
        k, n, el = self.temp(e), self.temp(e), self.temp(e)
        ok = self.label("popok")
        self.key(base)
        self.at(e)
        self.op("STORE", k)
        self.op("LOAD", k)
        self.op("SLOAD", "int")
        self.op("PUSH_INT", 1)
        self.op("SUB")
        self.op("DUP")
        self.op("STORE", n)
        self.op("PUSH_INT", 0)
        self.op("GE")
        self.op("JUMP_IF_TRUE", ok)
        self.op("PUSH_CONST", POP_EMPTY)
        self.op("REVERT")
        self.place(ok)
        self.op("LOAD", k)
        self.op("LOAD", n)
        self.op("KEY")
        self.op("STORE", el)
        self.op("LOAD", el)
        self.load(lt.elem, e)  # the popped value stays on the stack
        self.clear(lt.elem, el, e)
        self.op("LOAD", k)
        self.op("LOAD", n)
        self.op("SSTORE")
        self.free(3)

    def clear(self, t, key_slot, node, path=()):
        """Delete every scalar of a stored value (writing zero deletes)."""
        if isinstance(t, T.StructType):
            for i, (_, ft) in enumerate(t.fields):
                self.clear(ft, key_slot, node, path + (i,))
            return
        self.op("LOAD", key_slot)
        for i in path:
            self.push_value(i)
            self.op("KEY")
        self.push_zero(t)
        self.op("SSTORE")
