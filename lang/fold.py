"""Compile-time evaluation of constant expressions, with the VM's checked semantics."""
from __future__ import annotations

from vm.limits import MAX_VALUE_SIZE
from vm.values import INT_MAX, INT_MIN, Address


class FoldError(Exception):
    """The expression would revert at run time (overflow, division by zero, ...)."""


def _int(v):
    if not INT_MIN <= v <= INT_MAX:
        raise FoldError("integer overflow")
    return v


def _tdiv(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def binop(op: str, a, b):
    """a OP b for folded values of already-checked types; raises FoldError where the VM reverts."""
    if op in ("==", "!="):
        eq = type(a) is type(b) and a == b
        return eq if op == "==" else not eq
    if op == "&&":
        return a and b
    if op == "||":
        return a or b
    if op == "+" and type(a) in (str, bytes):
        out = a + b
        size = len(out.encode("utf-8")) if type(out) is str else len(out)
        if size > MAX_VALUE_SIZE:
            raise FoldError(f"the joined value is longer than {MAX_VALUE_SIZE} bytes")
        return out
    if type(a) is not int or type(b) is not int:
        raise FoldError("not foldable")
    if op == "+":
        return _int(a + b)
    if op == "-":
        return _int(a - b)
    if op == "*":
        return _int(a * b)
    if op in ("/", "%"):
        if b == 0:
            raise FoldError("division by zero")
        q = _tdiv(a, b)
        return _int(q) if op == "/" else a - b * q
    if op == "**":
        if b < 0:
            raise FoldError("negative exponent")
        if a in (0, 1) or b == 0:
            return 1 if b == 0 else a
        if a == -1:
            return 1 if b % 2 == 0 else -1
        if b > 256:  # |a| >= 2, so the result leaves the int range
            raise FoldError("integer overflow")
        return _int(a**b)
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    if op == ">=":
        return a >= b
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    if op in ("<<", ">>"):
        if not 0 <= b <= 255:
            raise FoldError("shift out of range")
        return _int(a << b) if op == "<<" else a >> b
    raise FoldError(f"operator {op} not foldable")


def unop(op: str, a):
    if op == "!":
        return not a
    if op == "-":
        return _int(-a)
    raise FoldError("not foldable")


def to_address(v: int):
    if not 0 <= v < 2**160:
        raise FoldError("address out of range")
    return Address(v)
