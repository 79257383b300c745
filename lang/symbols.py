"""What the checker learns about declarations, shared with codegen and the artifact."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class FuncInfo:
    name: str  # as written
    mangled: str  # the VM function name
    kind: str  # "pub" | "internal" | "init" | "free"
    params: list  # [(name, type)]
    ret: object  # type or None
    node: object
    module: object  # loader.Module
    contract: object = None  # ContractInfo or None for free functions
    view: bool = False
    payable: bool = False
    reentrant: bool = False
    nlocals: int = 0
    effects: list = field(default_factory=list)  # [(node, what)]: state changes made directly
    calls: list = field(default_factory=list)  # [FuncInfo] called from the body


@dataclass(eq=False)
class IfaceFnInfo:
    name: str
    params: list
    ret: object
    view: bool
    node: object


@dataclass(eq=False)
class StorageVar:
    name: str
    slot: int
    type: object
    node: object


@dataclass(eq=False)
class ConstInfo:
    name: str
    type: object
    node: object
    value: object = None
    state: str = "new"  # new | busy | done | bad


@dataclass(eq=False)
class EventInfo:
    name: str
    params: list  # [(name, type)]
    node: object


@dataclass(eq=False)
class ContractInfo:
    name: str
    node: object
    module: object
    structs: dict = field(default_factory=dict)
    storage: dict = field(default_factory=dict)
    consts: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)
    functions: dict = field(default_factory=dict)
    init: FuncInfo | None = None


@dataclass(eq=False)
class ModuleInfo:
    module: object  # loader.Module
    structs: dict = field(default_factory=dict)
    interfaces: dict = field(default_factory=dict)
    functions: dict = field(default_factory=dict)  # free functions
    contracts: dict = field(default_factory=dict)


@dataclass(eq=False)
class Checked:
    """The checked program: declarations plus side tables keyed by AST node identity."""

    root: ModuleInfo
    modules: dict  # loader.Module -> ModuleInfo (by identity)
    types: dict = field(default_factory=dict)  # expr node -> type
    refs: dict = field(default_factory=dict)  # node -> resolution (tuples, see checker)
    consts: dict = field(default_factory=dict)  # expr node -> folded value
    slots: dict = field(default_factory=dict)  # LetStmt/ForStmt/Param node -> local slot(s)
