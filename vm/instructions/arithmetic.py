"""Checked 256-bit signed arithmetic: a result out of range reverts "integer overflow"."""
from __future__ import annotations

from .. import gas
from .common import INT_MAX, INT_MIN, Revert, contextual, need_int, overflow


def add(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("ADD", a, b)
    r = a + b
    if r > INT_MAX or r < INT_MIN:
        raise overflow()
    s[-1] = r


def sub(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("SUB", a, b)
    r = a - b
    if r > INT_MAX or r < INT_MIN:
        raise overflow()
    s[-1] = r


def mul(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("MUL", a, b)
    r = a * b
    if r > INT_MAX or r < INT_MIN:
        raise overflow()
    s[-1] = r


def div(s, _):
    """Truncates toward zero: -7 / 2 == -3."""
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("DIV", a, b)
    if b == 0:
        raise Revert("division by zero")
    q = abs(a) // abs(b)
    r = q if (a < 0) == (b < 0) else -q
    if r > INT_MAX:  # only INT_MIN / -1
        raise overflow()
    s[-1] = r


def mod(s, _):
    """Takes the dividend's sign: -7 % 2 == -1."""
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("MOD", a, b)
    if b == 0:
        raise Revert("division by zero")
    r = abs(a) % abs(b)
    s[-1] = -r if a < 0 else r


@contextual
def pow_(ex, s, _):
    """Charges per exponent byte first; a result that cannot fit reverts before computing it."""
    b = s.pop()
    a = s[-1]
    need_int("POW", a, b)
    if b < 0:
        raise Revert("negative exponent")
    ex.charge(gas.exp_cost(b))
    if a == 0:
        r = 1 if b == 0 else 0
    elif a == 1:
        r = 1
    elif a == -1:
        r = -1 if b & 1 else 1
    elif b > 255 or (abs(a).bit_length() - 1) * b > 256:
        # |a| >= 2, so |a| ** b >= 2 ** ((bits - 1) * b): out of range without computing it.
        raise overflow()
    else:
        r = a**b
    if r > INT_MAX or r < INT_MIN:
        raise overflow()
    s[-1] = r


def neg(s, _):
    a = s[-1]
    if type(a) is not int:
        need_int("NEG", a)
    if a == INT_MIN:
        raise overflow()
    s[-1] = -a


def min_(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("MIN", a, b)
    if b < a:
        s[-1] = b


def max_(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("MAX", a, b)
    if b > a:
        s[-1] = b


def abs_(s, _):
    a = s[-1]
    if type(a) is not int:
        need_int("ABS", a)
    if a == INT_MIN:
        raise overflow()
    if a < 0:
        s[-1] = -a


HANDLERS = {
    "ADD": add,
    "SUB": sub,
    "MUL": mul,
    "DIV": div,
    "MOD": mod,
    "POW": pow_,
    "NEG": neg,
    "MIN": min_,
    "MAX": max_,
    "ABS": abs_,
}
