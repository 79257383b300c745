"""The checker's types, and how they map onto VM type descriptors and ABI JSON."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Prim:
    name: str  # int bool address bytes string

    def __str__(self):
        return self.name


INT = Prim("int")
BOOL = Prim("bool")
ADDRESS = Prim("address")
BYTES = Prim("bytes")
STRING = Prim("string")
PRIMS = {p.name: p for p in (INT, BOOL, ADDRESS, BYTES, STRING)}


@dataclass(frozen=True, eq=False)
class StructType:
    name: str
    qual: str  # unique across the program: "file:Name"
    fields: list = field(default_factory=list)  # [(name, type)], filled once all names are known

    def __str__(self):
        return self.name

    def holds_storage(self) -> bool:
        """Whether a field (at any depth) is a map or a list: then the struct lives only in storage."""
        stack, seen = [self], set()
        while stack:
            st = stack.pop()
            if id(st) in seen:
                continue
            seen.add(id(st))
            for _, ft in st.fields:
                if isinstance(ft, (MapType, ListType)):
                    return True
                if isinstance(ft, StructType):
                    stack.append(ft)
        return False

    def field_index(self, name):
        for i, (n, _) in enumerate(self.fields):
            if n == name:
                return i
        return None


@dataclass(frozen=True, eq=False)
class IfaceType:
    name: str
    qual: str
    fns: dict = field(default_factory=dict)  # name -> IfaceFnInfo

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class MapType:
    key: object
    value: object

    def __str__(self):
        return f"map[{self.key} => {self.value}]"


@dataclass(frozen=True)
class ListType:
    elem: object

    def __str__(self):
        return f"list[{self.elem}]"


@dataclass(frozen=True)
class Special:
    """Not a value: the error type (silences follow-on errors) and the no-value type."""

    name: str

    def __str__(self):
        return self.name


ERROR = Special("<error>")
VOID = Special("nothing")

MAP_KEY_TYPES = (INT, BOOL, ADDRESS, BYTES, STRING)


def a(t) -> str:
    """A type with its English article, for messages: "an int", "a bool", "an Order"."""
    name = str(t)
    low = name.lower()
    vowel = low[:1] in ("a", "e", "i", "o") or (low[:1] == "u" and not low.startswith(("us", "uni", "uti")))
    return f"{'an' if vowel else 'a'} {name}"


def is_value(t) -> bool:
    """Types a local, parameter, return or event field may have."""
    if isinstance(t, StructType):
        return not t.holds_storage()
    return isinstance(t, (Prim, IfaceType)) or t is ERROR


def same(a, b) -> bool:
    if a is ERROR or b is ERROR:
        return True
    return a == b


def vm_type(t):
    """The VM's type descriptor ("int", ..., or ("struct", name, ((field, type), ...)))."""
    if isinstance(t, Prim):
        return t.name
    if isinstance(t, IfaceType):
        return "address"
    if isinstance(t, StructType):
        return ("struct", t.name, tuple((n, vm_type(ft)) for n, ft in t.fields))
    raise TypeError(f"no VM type for {t}")


def abi_type(t):
    """A type in the ABI JSON shape of docs/architecture.md."""
    if isinstance(t, Prim):
        return t.name
    if isinstance(t, IfaceType):
        return "address"
    if isinstance(t, StructType):
        return {"struct": t.name, "fields": [{"name": n, "type": abi_type(ft)} for n, ft in t.fields]}
    raise TypeError(f"no ABI type for {t}")


def sload_tag(t) -> str:
    return "address" if isinstance(t, IfaceType) else t.name
