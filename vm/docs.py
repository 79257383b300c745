"""Generates docs/opcodes.md from the opcode table: `python -m vm.docs > docs/opcodes.md`."""
from __future__ import annotations

from . import gas
from .instructions import HANDLERS
from .opcodes import IMM_KINDS, OPCODES

RULES = {
    "imm": "imm",
    "args": "callee's params",
    "rets": "callee's returns",
    "fields": "event's fields",
    "xargs": "imm + 2",
    "ret": "0 or 1",
}

DYNAMIC = {
    "POW": f"+{gas.EXP_PER_BYTE} per exponent byte",
    "EQ": f"+{gas.COMPARE_PER_WORD} per word (bytes, string), +{gas.COMPARE_STRUCT_PER_WORD} per word (struct)",
    "NE": f"+{gas.COMPARE_PER_WORD} per word (bytes, string), +{gas.COMPARE_STRUCT_PER_WORD} per word (struct)",
    "CONCAT": f"+{gas.COPY_PER_WORD} per word of result",
    "LEN": f"+{gas.COPY_PER_WORD} per word of non-ASCII text",
    "SHA256": f"+{gas.HASH_PER_WORD} per word of input, +{gas.COPY_PER_WORD} per word of a string's characters",
    "MAKE_STRUCT": f"+{gas.STRUCT_PER_FIELD} per field",
    "SET_FIELD": f"+{gas.STRUCT_PER_FIELD} per field",
    "CALL": f"+{gas.FRAME_PER_LOCAL} per local slot",
    "SLOAD": f"+{gas.SLOAD_PER_WORD} per word of key and value",
    "SSTORE": f"+{gas.SSTORE_PER_WORD} per word of key and value, +{gas.SSTORE_NEW_KEY} for a new key",
    "KEY": f"+{gas.COPY_PER_WORD} per word of result",
    "EMIT": f"+{gas.LOG_PER_WORD} per word of fields, +{gas.CONFORM_PER_FIELD} per struct field of the event's types",
    "XCALL": f"+{gas.XCALL_ARG_PER_WORD} per word of args and of the value returned, +{gas.FRAME_PER_LOCAL} per callee local,"
    f" +{gas.CONFORM_PER_FIELD} per struct field of the callee's parameter and return types",
    "XCALL_VOID": f"+{gas.XCALL_ARG_PER_WORD} per word of args, +{gas.FRAME_PER_LOCAL} per callee local,"
    f" +{gas.CONFORM_PER_FIELD} per struct field of the callee's parameter and return types",
    "XCALL_VIEW": "as XCALL",
    "XCALL_VIEW_VOID": "as XCALL_VOID",
    "CHECK_TYPE": f"+{gas.CONFORM_PER_FIELD} per struct field of the type",
    "RET": f"outermost call: +{gas.OUTPUT_PER_WORD} per word of the return value past the first",
    "REVERT": f"+{gas.OUTPUT_PER_WORD} per word of the reason past the first",
}


def _layout(kind) -> str:
    return "-" if not kind.size else f"{'i' if kind.signed else 'u'}{8 * kind.size}"


def render() -> str:
    out = [
        "# Opcodes",
        "",
        "Generated from `vm/opcodes.py` by `python -m vm.docs`; do not edit by hand.",
        "Immediates are big-endian; `imm` names the immediate, and its kind says what",
        "it means (every reader of bytecode goes by the kind). Gas is the static",
        "price, charged before the instruction runs, plus the dynamic part shown.",
        "",
        "| imm kind | size | meaning |",
        "| --- | --- | --- |",
    ]
    for k in IMM_KINDS.values():
        out.append(f"| {k.name} | {_layout(k)} | {k.meaning} |")
    out.append("")
    family = None
    for op in OPCODES:
        if op.family != family:
            family = op.family
            handler_module = HANDLERS[op.name].__module__.rsplit(".", 1)[-1]
            out += [
                f"## {family} (`vm/instructions/{handler_module}.py`)",
                "",
                "| code | name | imm | pops | pushes | gas | effect |",
                "| --- | --- | --- | --- | --- | --- | --- |",
            ]
        imm = "-" if not op.imm else f"{op.imm_kind} ({_layout(IMM_KINDS[op.imm_kind])})"
        pops = RULES.get(op.pops, op.pops) if isinstance(op.pops, str) else op.pops
        pushes = RULES.get(op.pushes, op.pushes) if isinstance(op.pushes, str) else op.pushes
        g = str(op.gas) + (f" {DYNAMIC[op.name]}" if op.name in DYNAMIC else "")
        effect = op.effect.replace("|", "\\|")
        out.append(f"| 0x{op.code:02X} | {op.name} | {imm} | {pops} | {pushes} | {g} | {effect} |")
        nxt = OPCODES.index(op) + 1
        if nxt == len(OPCODES) or OPCODES[nxt].family != family:
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
