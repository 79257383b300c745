"""Bitwise operators on the 256-bit two's complement form; shift counts must be 0..255."""
from __future__ import annotations

from .common import INT_MAX, INT_MIN, Revert, need_int, overflow


def band(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("BAND", a, b)
    s[-1] = a & b  # Python's ints already act as infinite two's complement


def bor(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("BOR", a, b)
    s[-1] = a | b


def bxor(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("BXOR", a, b)
    s[-1] = a ^ b


def shl(s, _):
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("SHL", a, b)
    if not 0 <= b <= 255:
        raise Revert("shift out of range")
    r = a << b
    if r > INT_MAX or r < INT_MIN:
        raise overflow()
    s[-1] = r


def shr(s, _):
    """Arithmetic: the sign is kept."""
    b = s.pop()
    a = s[-1]
    if type(a) is not int or type(b) is not int:
        need_int("SHR", a, b)
    if not 0 <= b <= 255:
        raise Revert("shift out of range")
    s[-1] = a >> b


HANDLERS = {"BAND": band, "BOR": bor, "BXOR": bxor, "SHL": shl, "SHR": shr}
