"""The one instruction decoder: bytes -> (offset, OpSpec, immediate), sized by the table's imm_kind."""
from __future__ import annotations

from .opcodes import BY_CODE

# code -> (spec, immediate size, signed), looked up once per instruction.
_LAYOUT = {c: (spec, spec.imm, spec.imm_signed) for c, spec in BY_CODE.items()}


def decode_region(code: bytes, start: int = 0, end: int | None = None) -> tuple:
    """Decode code[start:end] as instructions that may not cross `end`.

    Returns (instructions, stop): stop is None when the region decoded to its
    end, else (offset, reason) of the first byte that does not decode.
    """
    if end is None:
        end = len(code)
    out = []
    pc = start
    while pc < end:
        layout = _LAYOUT.get(code[pc])
        if layout is None:
            return out, (pc, f"unknown opcode 0x{code[pc]:02x}")
        spec, size, signed = layout
        if size:
            nxt = pc + 1 + size
            if nxt > end:
                return out, (pc, f"truncated immediate of {spec.name}")
            out.append((pc, spec, int.from_bytes(code[pc + 1 : nxt], "big", signed=signed)))
            pc = nxt
        else:
            out.append((pc, spec, None))
            pc += 1
    return out, None


def encode_immediate(spec, value: int) -> bytes:
    """The immediate's bytes; OverflowError when value does not fit the kind."""
    return value.to_bytes(spec.imm, "big", signed=spec.imm_signed)
