"""The syntax tree: frozen dataclasses, one per grammar rule, each with its source position.

Nodes compare by identity (eq=False) so later stages can key side tables on them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, eq=False)
class Node:
    line: int
    col: int


# ---- types ----
@dataclass(frozen=True, eq=False)
class TypeName(Node):
    name: str
    module: str | None = None  # `math.Point` -> module "math", name "Point"


@dataclass(frozen=True, eq=False)
class MapType(Node):
    key: Node
    value: Node


@dataclass(frozen=True, eq=False)
class ListType(Node):
    elem: Node


# ---- expressions ----
@dataclass(frozen=True, eq=False)
class IntLit(Node):
    value: int
    text: str


@dataclass(frozen=True, eq=False)
class StrLit(Node):
    value: str


@dataclass(frozen=True, eq=False)
class BytesLit(Node):
    value: bytes


@dataclass(frozen=True, eq=False)
class BoolLit(Node):
    value: bool


@dataclass(frozen=True, eq=False)
class Name(Node):
    name: str


@dataclass(frozen=True, eq=False)
class BinOp(Node):
    left: Node
    op: str
    right: Node


@dataclass(frozen=True, eq=False)
class UnaryOp(Node):
    op: str
    operand: Node


@dataclass(frozen=True, eq=False)
class NamedArg(Node):
    name: str
    value: Node


@dataclass(frozen=True, eq=False)
class Call(Node):
    callee: Node
    args: tuple  # (expr | NamedArg, ...)


@dataclass(frozen=True, eq=False)
class Index(Node):
    base: Node
    index: Node


@dataclass(frozen=True, eq=False)
class Field(Node):
    base: Node
    name: str
    name_at: tuple = ()  # (line, col) of the field name, where "no field" errors point


# ---- statements ----
@dataclass(frozen=True, eq=False)
class Block(Node):
    stmts: tuple


@dataclass(frozen=True, eq=False)
class LetStmt(Node):
    name: str
    type: Node | None
    value: Node


@dataclass(frozen=True, eq=False)
class AssignStmt(Node):
    target: Node
    op: str  # "=", "+=", ...
    value: Node


@dataclass(frozen=True, eq=False)
class ExprStmt(Node):
    expr: Node


@dataclass(frozen=True, eq=False)
class IfStmt(Node):
    cond: Node
    then: Block
    orelse: Node | None  # Block, IfStmt or None


@dataclass(frozen=True, eq=False)
class WhileStmt(Node):
    cond: Node
    body: Block


@dataclass(frozen=True, eq=False)
class ForStmt(Node):
    var: str
    start: Node | None  # None for range(n): from 0
    end: Node
    body: Block


@dataclass(frozen=True, eq=False)
class BreakStmt(Node):
    pass


@dataclass(frozen=True, eq=False)
class ContinueStmt(Node):
    pass


@dataclass(frozen=True, eq=False)
class ReturnStmt(Node):
    value: Node | None


@dataclass(frozen=True, eq=False)
class RequireStmt(Node):
    cond: Node
    message: Node | None


@dataclass(frozen=True, eq=False)
class RevertStmt(Node):
    message: Node | None


@dataclass(frozen=True, eq=False)
class EmitStmt(Node):
    name: str
    args: tuple


# ---- declarations ----
@dataclass(frozen=True, eq=False)
class Param(Node):
    name: str
    type: Node


@dataclass(frozen=True, eq=False)
class ImportDecl(Node):
    path: str
    alias: str | None


@dataclass(frozen=True, eq=False)
class StructDef(Node):
    name: str
    fields: tuple  # (Param, ...)


@dataclass(frozen=True, eq=False)
class IfaceFn(Node):
    modifiers: tuple  # ("view", ...)
    name: str
    params: tuple
    returns: Node | None


@dataclass(frozen=True, eq=False)
class InterfaceDef(Node):
    name: str
    fns: tuple


@dataclass(frozen=True, eq=False)
class StorageDecl(Node):
    name: str
    type: Node


@dataclass(frozen=True, eq=False)
class ConstDecl(Node):
    name: str
    type: Node
    value: Node


@dataclass(frozen=True, eq=False)
class EventDef(Node):
    name: str
    params: tuple


@dataclass(frozen=True, eq=False)
class InitDef(Node):
    payable: bool
    params: tuple
    body: Block


@dataclass(frozen=True, eq=False)
class FnDef(Node):
    pub: bool
    modifiers: tuple  # ("view", "payable", "reentrant") as written
    name: str
    params: tuple
    returns: Node | None
    body: Block


@dataclass(frozen=True, eq=False)
class ContractDef(Node):
    name: str
    members: tuple


@dataclass(frozen=True, eq=False)
class Module(Node):
    items: tuple


def children(node):
    """The direct child nodes of a node, in field order."""
    out = []
    for f in fields(node):
        v = getattr(node, f.name)
        if isinstance(v, Node):
            out.append(v)
        elif isinstance(v, tuple):
            out.extend(x for x in v if isinstance(x, Node))
    return out


DUMP_INDENT = 64


def dump(node, indent: int = 0) -> str:
    """A readable, stable text form of a tree (`obelisk compile --emit ast`)."""
    lines: list = []
    stack = [(node, indent, "")]
    while stack:
        n, ind, label = stack.pop()
        # A flat chain a + b + c + ... is thousands of levels deep: past DUMP_INDENT the depth is
        # written as a number, so the text grows with the tree, not with its square.
        pad = "  " * ind if ind <= DUMP_INDENT else "  " * DUMP_INDENT + f"[{ind}] "
        if not isinstance(n, Node):
            lines.append(f"{pad}{label}{n!r}")
            continue
        scalars = []
        subs = []
        for f in fields(n):
            if f.name in ("line", "col", "name_at"):
                continue
            v = getattr(n, f.name)
            if isinstance(v, Node):
                subs.append((f.name, v))
            elif isinstance(v, tuple) and any(isinstance(x, Node) for x in v):
                subs.extend((f"{f.name}[{i}]", x) for i, x in enumerate(v))
            elif v is not None and v != ():
                scalars.append(f"{f.name}={v!r}")
        lines.append(f"{pad}{label}{type(n).__name__} @{n.line}:{n.col} {' '.join(scalars)}".rstrip())
        for name, v in reversed(subs):
            stack.append((v, ind + 1, f"{name}: "))
    return "\n".join(lines)
