"""Helpers shared by the instruction families: the int range, checks and the contextual mark."""
from __future__ import annotations

from ..errors import Fault, Revert, kind_of, type_error
from ..values import INT_MAX, INT_MIN

__all__ = ["INT_MAX", "INT_MIN", "Fault", "Revert", "contextual", "need_int", "overflow", "type_error", "kind_of"]


def contextual(fn):
    """Mark a handler that always runs as finish(ex, stack, argument)."""
    fn.contextual = True
    return fn


def need_int(op: str, *values) -> None:
    for v in values:
        if type(v) is not int:
            raise type_error(f"{op} expects int, got {kind_of(v)}")


def overflow() -> Revert:
    return Revert("integer overflow")
