"""One small function per opcode, grouped by family; HANDLERS maps every opcode name to its function.

A handler takes (stack, argument) and returns None to go on, an instruction
index to jump to, or a function to finish the work with the execution
context: `finish(ex, stack, argument)`, for anything that needs gas beyond
the static price, the host, or other frames. Handlers marked `@contextual`
always need the context; the interpreter gives them an entry that hands them
back at once.
"""
from __future__ import annotations

from . import arithmetic, bitwise, bytes_ops, compare, control, env, stack, storage, struct

FAMILIES = (stack, arithmetic, bitwise, compare, bytes_ops, struct, control, storage, env)


def _collect() -> dict:
    out: dict = {}
    for family in FAMILIES:
        for name, fn in family.HANDLERS.items():
            if name in out:
                raise AssertionError(f"two handlers for {name}")
            out[name] = fn
    return out


HANDLERS: dict = _collect()
