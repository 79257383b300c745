"""The environment: call and block facts, balances, transfers, events and external calls.

Everything here goes through the execution's host; nothing of the host is
ever pushed onto the stack.
"""
from __future__ import annotations

from .. import gas
from ..values import Address, ConformError, from_wire, value_size
from .bytes_ops import utf8_size
from ..errors import short_name
from .common import INT_MAX, INT_MIN, Revert, contextual, kind_of, type_error


def _size(ex, v) -> int:
    """A value's size, with text measured only after paying for it."""
    return utf8_size(ex, v) if type(v) is str else value_size(v)


@contextual
def caller(ex, s, _):
    s.append(ex.frame.ctx.caller)


@contextual
def callvalue(ex, s, _):
    s.append(ex.frame.ctx.value)


@contextual
def self_(ex, s, _):
    s.append(ex.frame.ctx.address)


@contextual
def block_number(ex, s, _):
    s.append(ex.block.number)


@contextual
def timestamp(ex, s, _):
    s.append(ex.block.timestamp)


@contextual
def balance(ex, s, _):
    a = s[-1]
    if type(a) is not Address:
        raise type_error(f"BALANCE expects address, got {kind_of(a)}")
    s[-1] = ex.host.get_balance(a)


@contextual
def transfer(ex, s, _):
    amount = s.pop()
    to = s.pop()
    if type(to) is not Address or type(amount) is not int:
        raise type_error(f"TRANSFER expects address and int, got {kind_of(to)} and {kind_of(amount)}")
    ctx = ex.frame.ctx
    if ctx.static:
        raise Revert("state change in a view call")
    if amount < 0:
        raise Revert("negative amount")
    ex.move_coin(ctx.address, to, amount)


@contextual
def emit(ex, s, event):
    """Fields are checked against the event's declared types, as a reader of the log expects them."""
    name, fields, nested = event
    n = len(fields)
    values = s[len(s) - n :] if n else []
    size = 0
    for v in values:  # left to right, as text is measured (and paid for) in _size
        t = type(v)
        if t is int or t is bool:
            size += 32
        elif t is Address or t is bytes:
            size += len(v)
        else:
            size += _size(ex, v)
    ex.charge(gas.LOG_PER_WORD * gas.words(size))
    if nested:
        ex.conforming(nested)
    if ex.frame.ctx.static:
        raise Revert("state change in a view call")
    out = []
    for (fname, ftype), v in zip(fields, values):
        t = type(v)
        if (t is int and ftype == "int" and INT_MIN <= v <= INT_MAX) or (t is Address and ftype == "address"):
            out.append((fname, v))  # what from_wire hands back for these, without the walk
            continue
        try:
            out.append((fname, from_wire(v, ftype)))
        except ConformError as exc:
            raise type_error(f"event {short_name(name)} field {short_name(fname)}: {exc}") from None
    if n:
        del s[-n:]
    ex.logs.append((ex.frame.ctx.address, name, tuple(out)))


def _xcall(ex, s, nargs, want_value, read_only=False):
    args = s[len(s) - nargs :] if nargs else []
    ex.charge(gas.XCALL_ARG_PER_WORD * gas.words(sum(_size(ex, v) for v in args)))
    if nargs:
        del s[-nargs:]
    fname = s.pop()
    to = s.pop()
    if type(to) is not Address or type(fname) is not str:
        raise type_error(f"XCALL expects address and function name, got {kind_of(to)} and {kind_of(fname)}")
    ex.enter_external(to, fname, args, want_value, read_only)


@contextual
def xcall(ex, s, nargs):
    _xcall(ex, s, nargs, True)


@contextual
def xcall_void(ex, s, nargs):
    _xcall(ex, s, nargs, False)


@contextual
def xcall_view(ex, s, nargs):
    """Through a view signature: the callee, and all it calls, run read-only."""
    _xcall(ex, s, nargs, True, True)


@contextual
def xcall_view_void(ex, s, nargs):
    _xcall(ex, s, nargs, False, True)


HANDLERS = {
    "CALLER": caller,
    "CALLVALUE": callvalue,
    "SELF": self_,
    "BLOCK_NUMBER": block_number,
    "TIMESTAMP": timestamp,
    "BALANCE": balance,
    "TRANSFER": transfer,
    "EMIT": emit,
    "XCALL": xcall,
    "XCALL_VOID": xcall_void,
    "XCALL_VIEW": xcall_view,
    "XCALL_VIEW_VOID": xcall_view_void,
}
