"""Comparisons: equality on any two values of one type, ordering on ints, boolean not."""
from __future__ import annotations

from .. import gas
from ..values import Address, Struct, same_value, value_size
from .common import kind_of, need_int, type_error

_FLAT = (int, bool, Address)  # equal-sized values: compared at the static price


def _equal(ex, a, b, op):
    ta = type(a)
    if ta is not type(b):
        raise type_error(f"{op} of {kind_of(a)} and {kind_of(b)}")
    if ta is str or ta is bytes:
        ex.charge(gas.COMPARE_PER_WORD * gas.words(min(len(a), len(b))))
    elif ta is Struct:
        ex.charge(gas.COMPARE_STRUCT_PER_WORD * gas.words(min(value_size(a), value_size(b))))
        return same_value(a, b)  # tuple equality would take 1 for true in a field
    return a == b


def _eq_slow(ex, s, _):
    b = s.pop()
    s[-1] = _equal(ex, s[-1], b, "EQ")


def _ne_slow(ex, s, _):
    b = s.pop()
    s[-1] = not _equal(ex, s[-1], b, "NE")


def eq(s, _):
    b = s[-1]
    a = s[-2]
    t = type(a)
    if t is type(b) and t in _FLAT:
        s.pop()
        s[-1] = a == b
        return None
    return _eq_slow


def ne(s, _):
    b = s[-1]
    a = s[-2]
    t = type(a)
    if t is type(b) and t in _FLAT:
        s.pop()
        s[-1] = a != b
        return None
    return _ne_slow


def lt(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("LT", a, b)
    s[-1] = a < b


def le(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("LE", a, b)
    s[-1] = a <= b


def gt(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("GT", a, b)
    s[-1] = a > b


def ge(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("GE", a, b)
    s[-1] = a >= b


def not_(s, _):
    a = s[-1]
    if type(a) is not bool:
        raise type_error(f"NOT expects bool, got {kind_of(a)}")
    s[-1] = not a


HANDLERS = {"EQ": eq, "NE": ne, "LT": lt, "LE": le, "GT": gt, "GE": ge, "NOT": not_}
