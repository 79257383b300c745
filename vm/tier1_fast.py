"""Tier 1's specialised source for KEY, SLOAD, SSTORE, EMIT, EQ and NE on their common operand types.

Each charges what the reference charges, in the reference's order, each
charge at its own instruction; any other operand runs the shared handler.
"""
from __future__ import annotations

from . import gas as G
from . import limits
from .instructions.storage import TAG_TYPES, ZEROS, stored_value

_ALLOC = f"memory limit exceeded: over {limits.MAX_ALLOCATION} bytes of values built in one call"
_PY_TYPES = {"int": "int_", "bool": "bool_", "address": "AD"}


def oog(e, amount, d=0):
    e(f"gas -= {amount}", d)
    e("if gas < 0:", d)
    e("raise Fault('out of gas')", d + 1)


# Specialised source: each emits `if <common case>:` and its body, and returns
# True, the caller then emitting the shared handler under `else:`; or emits
# nothing and returns False. The static price is already charged.


def _fast_compare(g, k, h, e):
    op = "==" if g.p.instrs[k][1].name == "EQ" else "!="
    a, b = g.S(h - 2), g.S(h - 1)
    g.ns["BEQ"] = bytes.__eq__  # an Address equals only an Address: its own __eq__ is Python code
    e(f"if tp({a}) is tp({b}) and tp({a}) in FLAT:")
    e(f"if tp({a}) is AD:", 1)
    e(f"{a} = {'' if op == '==' else 'not '}BEQ({a}, {b})", 2)
    e("else:", 1)
    e(f"{a} = {a} {op} {b}", 2)
    return True


def _fast_key(g, k, h, e):
    """KEY of an address under a bytes prefix: sizes known, no limit reachable."""
    prefix, key = g.S(h - 2), g.S(h - 1)
    known = g.consts.get(prefix)
    if type(known) is bytes and len(known) <= limits.MAX_KEY_SIZE - 22:  # the usual: a map's constant prefix
        n = len(known) + 29
        e(f"if tp({key}) is AD:")
        oog(e, G.COPY_PER_WORD * G.words(n), 1)
        e(f"ex.allocated += {n}", 1)
        e(f"if ex.allocated > {limits.MAX_ALLOCATION}:", 1)
        e(f"raise Fault({_ALLOC!r})", 2)
        e(f"{prefix} = {g.name('A', known + bytes([0xC4, 0x14]))} + {key}", 1)
        return True
    e(f"if tp({prefix}) is BY and tp({key}) is AD and ln({prefix}) <= {limits.MAX_KEY_SIZE - 22}:")
    e(f"n_ = ln({prefix}) + 29", 1)
    oog(e, f"{G.COPY_PER_WORD} * ((n_ + 31) // 32)", 1)
    e("ex.allocated += n_", 1)
    e(f"if ex.allocated > {limits.MAX_ALLOCATION}:", 1)
    e(f"raise Fault({_ALLOC!r})", 2)
    e(f"{prefix} = {prefix} + b'\\xc4\\x14' + {key}", 1)
    return True


def _fast_sload(g, k, h, e):
    key = g.S(h - 1)
    e(f"if tp({key}) is BY and (n_ := ln({key})) <= {limits.MAX_KEY_SIZE}:")
    oog(e, f"{G.SLOAD_PER_WORD} * ((n_ + 31) // 32)", 1)
    _sload_read(g, e, key, g.ops[k][1], 1)
    return True


def _sload_read(g, e, key, tag, d):
    """SLOAD's read, its key paid for: the zero of the tag, an int or bool paid as one word, else stored_value."""
    zero = ZEROS[TAG_TYPES[tag]]
    g.uses_cx = True
    g.ns["SV"] = stored_value
    e(f"v_ = ex.sget(cx.address, {key})", d)
    e("if v_ is None:", d)
    e(f"{key} = {zero!r}" if type(zero) in (int, bool) else f"{key} = {g.name('A', zero)}", d + 1)
    if type(zero) in (int, bool):
        e(f"elif tp(v_) is {_PY_TYPES[TAG_TYPES[tag]]}:", d)
        oog(e, G.SLOAD_PER_WORD, d + 1)
        e(f"{key} = v_", d + 1)
    e("else:", d)
    e("ex.gas = gas", d + 1)
    e(f"{key} = SV(ex, v_, {tag})", d + 1)
    e("gas = ex.gas", d + 1)


def key_then_sload(g, k, ind) -> int:
    """KEY of an address under a constant prefix, then SLOAD of it (or DUP, SLOAD: `m[x] += v`): the key's
    length is known, so every charge is a constant, each at its own instruction. Returns the instructions
    emitted (0: not this shape)."""
    p = g.p
    names = [p.instrs[j][1].name for j in range(k + 1, min(k + 3, g.block_stop))]
    m = 1 if names[:1] == ["SLOAD"] else 2 if names[:2] == ["DUP", "SLOAD"] else 0
    h = p.heights[k]
    prefix, key = g.S(h - 2), g.S(h - 1)
    known = g.consts.get(prefix)
    if not m or type(known) is not bytes or len(known) > limits.MAX_KEY_SIZE - 22:
        return 0
    n = len(known) + 29  # what KEY pays for; the key is 7 bytes shorter
    slot = g.S(h - 2) if m == 1 else g.S(h - 1)
    sload = k + m
    tag = g.ops[sload][1]

    def at(j, d):
        return lambda text, dd=0: g.emit(ind + d + dd, text, (j, 0))

    def charge(j, amount, d):
        at(j, d)(f"gas -= {amount}")
        at(j, d)("if gas < 0:")
        at(j, d + 1)("raise Fault('out of gas')")

    def dup(d):
        if m == 2:
            charge(k + 1, p.instrs[k + 1][1].gas, d)
            at(k + 1, d)(f"{slot} = {prefix}")

    charge(k, p.instrs[k][1].gas, 0)
    at(k, 0)(f"if tp({key}) is AD:")
    charge(k, G.COPY_PER_WORD * G.words(n), 1)
    at(k, 1)(f"ex.allocated += {n}")
    at(k, 1)(f"if ex.allocated > {limits.MAX_ALLOCATION}:")
    at(k, 2)(f"raise Fault({_ALLOC!r})")
    at(k, 1)(f"{prefix} = {g.name('A', known + bytes([0xC4, 0x14]))} + {key}")
    dup(1)
    charge(sload, p.instrs[sload][1].gas + G.SLOAD_PER_WORD * G.words(n - 7), 1)
    _sload_read(g, at(sload, 0), slot, tag, 1)
    at(k, 0)("else:")
    at(k, 1)(f"t = [{prefix}, {key}]")
    at(k, 1)("ex.gas = gas")
    at(k, 1)(f"{g.handler('KEY')}(ex, t, None)")
    at(k, 1)("gas = ex.gas")
    at(k, 1)(f"{prefix} = t[0]")
    dup(1)
    charge(sload, p.instrs[sload][1].gas, 1)
    at(sload, 1)(f"t = [{slot}]")
    at(sload, 1)("ex.gas = gas")
    at(sload, 1)(f"{g.handler('SLOAD')}(ex, t, {tag})")
    at(sload, 1)("gas = ex.gas")
    at(sload, 1)(f"{slot} = t[0]")
    g.consts = {}
    return m + 1


def _fast_sstore(g, k, h, e):
    """An int under a bytes key, outside a view call."""
    key, value = g.S(h - 2), g.S(h - 1)
    g.uses_cx = True
    e(f"if tp({value}) is int_ and tp({key}) is BY and (n_ := ln({key})) <= {limits.MAX_KEY_SIZE} and not cx.static:")
    oog(e, f"{G.SSTORE_PER_WORD} * ((n_ + 63) // 32)", 1)  # words(len + 32)
    e(f"if {value} == 0:", 1)
    e(f"ex.sset(cx.address, {key}, None)", 2)
    # Written before the new key is paid for: if that fails, the call's fault undoes the write.
    e(f"elif ex.sput(cx.address, {key}, {value}) is None:", 1)
    oog(e, G.SSTORE_NEW_KEY, 2)
    return True


def _fast_emit(g, k, h, e):
    """Fields of flat types, each value of its field's type, outside a view call: the size is static."""
    name, fields, nested = g.ops[k][1]
    if nested or not fields or any(t not in _PY_TYPES for _, t in fields):
        return False
    n = len(fields)
    values = [g.S(x) for x in range(h - n, h)]
    tests = []
    size = 0
    for v, (_, t) in zip(values, fields):
        tests.append(f"tp({v}) is {_PY_TYPES[t]}")
        if t == "int":
            tests.append(f"MIN <= {v} <= MAX")
        size += 20 if t == "address" else 32
    g.uses_cx = True
    e(f"if {' and '.join(tests)} and not cx.static:")
    oog(e, G.LOG_PER_WORD * G.words(size), 1)
    pairs = ", ".join(f"({g.name('A', fname)}, {v})" for (fname, _), v in zip(fields, values))
    e(f"ex.logs.append((cx.address, {g.name('A', name)}, ({pairs},)))", 1)
    return True


FAST = {"EQ": _fast_compare, "NE": _fast_compare, "KEY": _fast_key, "SLOAD": _fast_sload,
         "SSTORE": _fast_sstore, "EMIT": _fast_emit}
