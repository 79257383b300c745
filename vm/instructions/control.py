"""Jumps, internal calls and returns, revert and the index check.

Jump arguments are predecoded to instruction indexes. Calls and returns only
ask the execution to push or pop a frame: no Python recursion here (tier 1 then
runs an internal callee nested, to a bounded depth: vm/tier1.py).
"""
from __future__ import annotations

from .. import gas
from ..values import type_mismatch
from .bytes_ops import utf8_size
from .common import Revert, contextual, kind_of, type_error


def jump(s, target):
    return target


def jump_if_false(s, target):
    v = s.pop()
    if v is False:
        return target
    if v is not True:
        raise type_error(f"JUMP_IF_FALSE expects bool, got {kind_of(v)}")
    return None


def jump_if_true(s, target):
    v = s.pop()
    if v is True:
        return target
    if v is not False:
        raise type_error(f"JUMP_IF_TRUE expects bool, got {kind_of(v)}")
    return None


@contextual
def call(ex, s, callee):
    """Arguments move from the caller's stack into the new frame's first local slots."""
    ex.charge(gas.FRAME_PER_LOCAL * callee.nlocals)
    n = callee.nparams
    if n:
        args = s[-n:]
        del s[-n:]
    else:
        args = []
    ex.enter_internal(callee, args)


@contextual
def ret(ex, s, _):
    ex.leave(s[-1] if ex.frame.func.returns is not None else None)


@contextual
def revert(ex, s, _):
    """The reason goes into the receipt: paid per word past the first, like a return value."""
    reason = s[-1]
    if type(reason) is not str:
        raise type_error(f"REVERT expects a string reason, got {kind_of(reason)}")
    ex.charge(gas.output_cost(utf8_size(ex, reason)))
    raise Revert(reason)


def check_index(s, _):
    length = s.pop()
    i = s[-1]
    if type(i) is not int or type(length) is not int:
        raise type_error(f"CHECK_INDEX expects ints, got {kind_of(i)} and {kind_of(length)}")
    if not 0 <= i < length:
        raise Revert("index out of range")


def check_type(s, arg):
    """A call's result against the type the caller declared; a struct type is paid per field first."""
    t, nested = arg
    if nested:
        return _check_type_paid
    wrong = type_mismatch(s[-1], t)
    if wrong is not None:
        raise Revert(f"bad return value: {wrong}")
    return None


def _check_type_paid(ex, s, arg):
    t, nested = arg
    ex.charge(gas.CONFORM_PER_FIELD * nested)
    wrong = type_mismatch(s[-1], t)
    if wrong is not None:
        raise Revert(f"bad return value: {wrong}")


HANDLERS = {
    "JUMP": jump,
    "JUMP_IF_FALSE": jump_if_false,
    "JUMP_IF_TRUE": jump_if_true,
    "CALL": call,
    "RET": ret,
    "REVERT": revert,
    "CHECK_INDEX": check_index,
    "CHECK_TYPE": check_type,
}
