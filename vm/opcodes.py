"""The opcode table: the single source of truth for the instruction set.

Pure data. The assembler, disassembler, validator, dispatch, gas schedule, the
compiler's stack accounting and docs/opcodes.md are all derived from it.

`pops`/`pushes` are ints, or one of these rules for variable-arity opcodes:
  "imm"    the opcode's immediate (MAKE_STRUCT n pops n)
  "args"   the called function's parameter count (CALL)
  "rets"   the called function's return count, 0 or 1 (CALL)
  "fields" the event's field count (EMIT)
  "xargs"  immediate + 2: the address, the function name and that many args (XCALL*)
  "ret"    the current function's return count (RET)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpSpec:
    code: int
    name: str
    imm: int  # immediate size in bytes: 0, 1 or 2 (big-endian)
    imm_signed: bool
    pops: int | str
    pushes: int | str
    gas: int  # static cost, charged before the instruction runs
    family: str
    effect: str  # one line: what it does (shown in docs/opcodes.md and disassembly help)
    terminates: bool = False  # control never falls through to the next instruction
    jumps: bool = False  # the immediate is a code offset that must start a basic block


# Families group the one-function-per-opcode modules in vm/instructions/.
_T = [
    # code name          imm sgn pops     pushes  gas family     effect
    (0x01, "PUSH_CONST", 2, False, 0, 1, 2, "stack", "push constant pool entry imm"),
    (0x02, "PUSH_INT", 1, True, 0, 1, 2, "stack", "push the small signed int imm (-128..127)"),
    (0x03, "PUSH_TRUE", 0, False, 0, 1, 2, "stack", "push true"),
    (0x04, "PUSH_FALSE", 0, False, 0, 1, 2, "stack", "push false"),
    (0x05, "POP", 0, False, 1, 0, 1, "stack", "discard the top value"),
    (0x06, "DUP", 0, False, 1, 2, 2, "stack", "push a copy of the top value"),
    (0x07, "OVER", 0, False, 2, 3, 2, "stack", "push a copy of the second value"),
    (0x08, "SWAP", 0, False, 2, 2, 2, "stack", "swap the two top values"),
    (0x09, "LOAD", 1, False, 0, 1, 2, "stack", "push local variable imm"),
    (0x0A, "STORE", 1, False, 1, 0, 2, "stack", "pop into local variable imm"),
    (0x10, "ADD", 0, False, 2, 1, 3, "arithmetic", "a + b; reverts 'integer overflow'"),
    (0x11, "SUB", 0, False, 2, 1, 3, "arithmetic", "a - b; reverts 'integer overflow'"),
    (0x12, "MUL", 0, False, 2, 1, 5, "arithmetic", "a * b; reverts 'integer overflow'"),
    (0x13, "DIV", 0, False, 2, 1, 5, "arithmetic", "a / b truncated toward zero; reverts 'division by zero'"),
    (0x14, "MOD", 0, False, 2, 1, 5, "arithmetic", "a % b with the sign of a; reverts 'division by zero'"),
    (0x15, "POW", 0, False, 2, 1, 10, "arithmetic", "a ** b; +gas per exponent byte; reverts on b < 0 or overflow"),
    (0x16, "NEG", 0, False, 1, 1, 3, "arithmetic", "-a; reverts 'integer overflow'"),
    (0x17, "MIN", 0, False, 2, 1, 3, "arithmetic", "the smaller of a and b"),
    (0x18, "MAX", 0, False, 2, 1, 3, "arithmetic", "the larger of a and b"),
    (0x19, "ABS", 0, False, 1, 1, 3, "arithmetic", "|a|; reverts 'integer overflow'"),
    (0x20, "BAND", 0, False, 2, 1, 3, "bitwise", "a & b on 256-bit two's complement"),
    (0x21, "BOR", 0, False, 2, 1, 3, "bitwise", "a | b on 256-bit two's complement"),
    (0x22, "BXOR", 0, False, 2, 1, 3, "bitwise", "a ^ b on 256-bit two's complement"),
    (0x23, "SHL", 0, False, 2, 1, 3, "bitwise", "a << b; reverts when b is outside 0..255 or on overflow"),
    (0x24, "SHR", 0, False, 2, 1, 3, "bitwise", "a >> b, arithmetic; reverts when b is outside 0..255"),
    (0x30, "EQ", 0, False, 2, 1, 3, "compare", "a == b (same type; bytes and strings cost per byte)"),
    (0x31, "NE", 0, False, 2, 1, 3, "compare", "a != b (same type; bytes and strings cost per byte)"),
    (0x32, "LT", 0, False, 2, 1, 3, "compare", "a < b on ints"),
    (0x33, "LE", 0, False, 2, 1, 3, "compare", "a <= b on ints"),
    (0x34, "GT", 0, False, 2, 1, 3, "compare", "a > b on ints"),
    (0x35, "GE", 0, False, 2, 1, 3, "compare", "a >= b on ints"),
    (0x36, "NOT", 0, False, 1, 1, 3, "compare", "boolean not"),
    (0x40, "CONCAT", 0, False, 2, 1, 5, "bytes", "a + b for two strings or two bytes; +gas per result byte"),
    (0x41, "LEN", 0, False, 1, 1, 3, "bytes", "length of bytes, or of a string in UTF-8 bytes"),
    (0x42, "BYTE_AT", 0, False, 2, 1, 3, "bytes", "a[i] of bytes as an int 0..255; reverts 'index out of range'"),
    (0x43, "SHA256", 0, False, 1, 1, 30, "bytes", "SHA-256 of bytes or of a string's UTF-8; +gas per 32 bytes"),
    (0x44, "TO_STR", 0, False, 1, 1, 10, "bytes", "decimal text of an int"),
    (0x45, "TO_ADDR", 0, False, 1, 1, 3, "bytes", "address from an int 0..2**160-1; reverts 'address out of range'"),
    (0x50, "MAKE_STRUCT", 1, False, "imm", 1, 5, "struct", "pop imm values (first field deepest), push a struct of them"),
    (0x51, "GET_FIELD", 1, False, 1, 1, 2, "struct", "push field imm of a struct"),
    (0x52, "SET_FIELD", 1, False, 2, 1, 5, "struct", "pop value and struct, push the struct with field imm replaced"),
    (0x60, "JUMP", 2, False, 0, 0, 2, "control", "continue at code offset imm", True, True),
    (0x61, "JUMP_IF_FALSE", 2, False, 1, 0, 3, "control", "pop a bool; continue at offset imm when false", False, True),
    (0x62, "JUMP_IF_TRUE", 2, False, 1, 0, 3, "control", "pop a bool; continue at offset imm when true", False, True),
    (0x63, "CALL", 2, False, "args", "rets", 10, "control", "call internal function imm (args pushed first-to-last)"),
    (0x64, "RET", 0, False, "ret", 0, 2, "control", "return from the current function with its return value", True),
    (0x65, "REVERT", 0, False, 1, 0, 2, "control", "pop a reason string and revert", True),
    (0x66, "CHECK_INDEX", 0, False, 2, 1, 3, "control", "pop length and index, push index; reverts 'index out of range' unless 0 <= index < length"),
    (0x70, "SLOAD", 1, False, 1, 1, 100, "storage", "pop key bytes, push the stored value or the zero of type tag imm; +gas per byte"),
    (0x71, "SSTORE", 0, False, 2, 0, 500, "storage", "pop value and key bytes, store (a zero value deletes); +gas per byte, more for a new key"),
    (0x72, "KEY", 0, False, 2, 1, 5, "storage", "pop key value and prefix bytes, push prefix + canonical encoding of the key"),
    (0x80, "CALLER", 0, False, 0, 1, 2, "env", "push msg.sender"),
    (0x81, "CALLVALUE", 0, False, 0, 1, 2, "env", "push msg.value"),
    (0x82, "SELF", 0, False, 0, 1, 2, "env", "push this contract's address"),
    (0x83, "BLOCK_NUMBER", 0, False, 0, 1, 2, "env", "push block.number"),
    (0x84, "TIMESTAMP", 0, False, 0, 1, 2, "env", "push block.timestamp"),
    (0x85, "BALANCE", 0, False, 1, 1, 100, "env", "pop an address, push its native balance"),
    (0x86, "TRANSFER", 0, False, 2, 0, 2000, "env", "pop amount and address, send native coin from this contract; reverts when short"),
    (0x87, "EMIT", 2, False, "fields", 0, 375, "env", "pop the fields of event imm and log it; +gas per byte"),
    (0x88, "XCALL", 1, False, "xargs", 1, 700, "env", "call function name on address with imm args; push its return value"),
    (0x89, "XCALL_VOID", 1, False, "xargs", 0, 700, "env", "call function name on address with imm args; discard any return value"),
]

OPCODES: tuple[OpSpec, ...] = tuple(
    OpSpec(code, name, imm, sgn, pops, pushes, gas, family, effect, *flags)
    for (code, name, imm, sgn, pops, pushes, gas, family, effect, *flags) in _T
)

BY_CODE: dict[int, OpSpec] = {op.code: op for op in OPCODES}
BY_NAME: dict[str, OpSpec] = {op.name: op for op in OPCODES}

# Storage type tags for SLOAD's immediate: which zero a missing key reads as.
TYPE_TAGS = {"int": 0, "bool": 1, "address": 2, "bytes": 3, "string": 4}
