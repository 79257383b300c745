"""Struct values: built from the stack, read and copied with one field replaced."""
from __future__ import annotations

from .. import gas, limits
from ..values import Struct, struct_meta, value_size
from .bytes_ops import too_large
from .common import Fault, contextual, kind_of, type_error


def build(fields) -> Struct:
    """A struct with its (size, depth) computed from its fields' cached ones; faults over the limits."""
    size, depth = 1, 1
    for x in fields:
        size += 1 + value_size(x)  # a field counts at least a byte: see values.struct_meta
        if type(x) is Struct:
            depth = max(depth, struct_meta(x)[1] + 1)
    if depth > limits.MAX_VALUE_DEPTH:
        raise Fault(f"value nested too deeply: over {limits.MAX_VALUE_DEPTH} struct levels")
    if size > limits.MAX_VALUE_SIZE:
        raise too_large(size)
    st = Struct(fields)
    st._meta = (size, depth)
    return st


@contextual
def make_struct(ex, s, n):
    ex.charge(gas.STRUCT_PER_FIELD * n)
    ex.allocate(limits.STRUCT_FIELD_BYTES * (n + 1))
    if n:
        fields = s[-n:]
        del s[-n:]
    else:
        fields = ()
    s.append(build(fields))


def get_field(s, i):
    a = s[-1]
    if type(a) is not Struct:
        raise type_error(f"GET_FIELD expects struct, got {kind_of(a)}")
    if i >= len(a):
        raise type_error(f"struct has no field {i}")
    s[-1] = a[i]


@contextual
def set_field(ex, s, i):
    v = s.pop()
    a = s[-1]
    if type(a) is not Struct:
        raise type_error(f"SET_FIELD expects struct, got {kind_of(a)}")
    if i >= len(a):
        raise type_error(f"struct has no field {i}")
    ex.charge(gas.STRUCT_PER_FIELD * len(a))
    ex.allocate(limits.STRUCT_FIELD_BYTES * (len(a) + 1))
    fields = list(a)
    fields[i] = v
    s[-1] = build(fields)


HANDLERS = {"MAKE_STRUCT": make_struct, "GET_FIELD": get_field, "SET_FIELD": set_field}
