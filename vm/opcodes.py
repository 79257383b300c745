"""The opcode table: the single source of truth for the instruction set.

Pure data. The assembler, disassembler, validator, dispatch, gas schedule, the
compiler's stack accounting and docs/opcodes.md are all derived from it.

`imm_kind` says what an immediate operand means (IMM_KINDS: its size,
signedness and what it indexes); every reader of bytecode asks the kind, never
the opcode's name.

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
class ImmKind:
    """One meaning of an immediate operand: its encoding and what it refers to."""

    name: str
    size: int  # bytes, big-endian: 0, 1 or 2
    signed: bool
    meaning: str  # one line, for docs/opcodes.md


IMM_KINDS: dict[str, ImmKind] = {
    k.name: k
    for k in (
        ImmKind("none", 0, False, "no immediate"),
        ImmKind("int8", 1, True, "a signed int -128..127, the value itself"),
        ImmKind("const", 2, False, "an index into the constant pool"),
        ImmKind("local", 1, False, "a local slot of the running function"),
        ImmKind("count", 1, False, "how many values the instruction takes from the stack"),
        ImmKind("field", 1, False, "a struct field index"),
        ImmKind("label", 2, False, "a code offset in the same function that starts an instruction"),
        ImmKind("func", 2, False, "an index into the function table"),
        ImmKind("event", 2, False, "an index into the event table"),
        ImmKind("tag", 1, False, "a storage type tag (TYPE_TAGS)"),
        ImmKind("type", 2, False, "an index into the constant pool of bytes holding a TYPE's canonical msgpack"),
    )
}


@dataclass(frozen=True)
class OpSpec:
    code: int
    name: str
    imm_kind: str  # a key of IMM_KINDS
    pops: int | str
    pushes: int | str
    gas: int  # static cost, charged before the instruction runs
    family: str
    effect: str  # one line: what it does (shown in docs/opcodes.md and disassembly help)
    terminates: bool = False  # control never falls through to the next instruction
    since: int = 1  # the first code-object format version that has the opcode (vm/code.py)

    @property
    def imm(self) -> int:
        """Immediate size in bytes."""
        return IMM_KINDS[self.imm_kind].size

    @property
    def imm_signed(self) -> bool:
        return IMM_KINDS[self.imm_kind].signed

    @property
    def jumps(self) -> bool:
        """The immediate is a code offset that must start a basic block."""
        return self.imm_kind == "label"


# Families group the one-function-per-opcode modules in vm/instructions/.
_T = [
    # code name          imm_kind pops pushes gas family  effect  [terminates]
    (0x01, "PUSH_CONST", "const", 0, 1, 2, "stack", "push constant pool entry imm"),
    (0x02, "PUSH_INT", "int8", 0, 1, 2, "stack", "push the small signed int imm (-128..127)"),
    (0x03, "PUSH_TRUE", "none", 0, 1, 2, "stack", "push true"),
    (0x04, "PUSH_FALSE", "none", 0, 1, 2, "stack", "push false"),
    (0x05, "POP", "none", 1, 0, 1, "stack", "discard the top value"),
    (0x06, "DUP", "none", 1, 2, 2, "stack", "push a copy of the top value"),
    (0x07, "OVER", "none", 2, 3, 2, "stack", "push a copy of the second value"),
    (0x08, "SWAP", "none", 2, 2, 2, "stack", "swap the two top values"),
    (0x09, "LOAD", "local", 0, 1, 2, "stack", "push local variable imm"),
    (0x0A, "STORE", "local", 1, 0, 2, "stack", "pop into local variable imm"),
    (0x10, "ADD", "none", 2, 1, 3, "arithmetic", "a + b; reverts 'integer overflow'"),
    (0x11, "SUB", "none", 2, 1, 3, "arithmetic", "a - b; reverts 'integer overflow'"),
    (0x12, "MUL", "none", 2, 1, 5, "arithmetic", "a * b; reverts 'integer overflow'"),
    (0x13, "DIV", "none", 2, 1, 5, "arithmetic", "a / b truncated toward zero; reverts 'division by zero'"),
    (0x14, "MOD", "none", 2, 1, 5, "arithmetic", "a % b with the sign of a; reverts 'division by zero'"),
    (0x15, "POW", "none", 2, 1, 10, "arithmetic", "a ** b; +gas per exponent byte; reverts on b < 0 or overflow"),
    (0x16, "NEG", "none", 1, 1, 3, "arithmetic", "-a; reverts 'integer overflow'"),
    (0x17, "MIN", "none", 2, 1, 3, "arithmetic", "the smaller of a and b"),
    (0x18, "MAX", "none", 2, 1, 3, "arithmetic", "the larger of a and b"),
    (0x19, "ABS", "none", 1, 1, 3, "arithmetic", "|a|; reverts 'integer overflow'"),
    (0x20, "BAND", "none", 2, 1, 3, "bitwise", "a & b on 256-bit two's complement"),
    (0x21, "BOR", "none", 2, 1, 3, "bitwise", "a | b on 256-bit two's complement"),
    (0x22, "BXOR", "none", 2, 1, 3, "bitwise", "a ^ b on 256-bit two's complement"),
    (0x23, "SHL", "none", 2, 1, 3, "bitwise", "a << b; reverts when b is outside 0..255 or on overflow"),
    (0x24, "SHR", "none", 2, 1, 3, "bitwise", "a >> b, arithmetic; reverts when b is outside 0..255"),
    (0x30, "EQ", "none", 2, 1, 3, "compare", "a == b (same type; bytes and strings cost per byte)"),
    (0x31, "NE", "none", 2, 1, 3, "compare", "a != b (same type; bytes and strings cost per byte)"),
    (0x32, "LT", "none", 2, 1, 3, "compare", "a < b on ints"),
    (0x33, "LE", "none", 2, 1, 3, "compare", "a <= b on ints"),
    (0x34, "GT", "none", 2, 1, 3, "compare", "a > b on ints"),
    (0x35, "GE", "none", 2, 1, 3, "compare", "a >= b on ints"),
    (0x36, "NOT", "none", 1, 1, 3, "compare", "boolean not"),
    (0x40, "CONCAT", "none", 2, 1, 5, "bytes", "a + b for two strings or two bytes; +gas per result byte"),
    (0x41, "LEN", "none", 1, 1, 3, "bytes", "length of bytes, or of a string in UTF-8 bytes"),
    (0x42, "BYTE_AT", "none", 2, 1, 3, "bytes", "a[i] of bytes as an int 0..255; reverts 'index out of range'"),
    (0x43, "SHA256", "none", 1, 1, 30, "bytes", "SHA-256 of bytes or of a string's UTF-8; +gas per 32 bytes"),
    (0x44, "TO_STR", "none", 1, 1, 10, "bytes", "decimal text of an int"),
    (0x45, "TO_ADDR", "none", 1, 1, 3, "bytes", "address from an int 0..2**160-1; reverts 'address out of range'"),
    (0x50, "MAKE_STRUCT", "count", "imm", 1, 5, "struct", "pop imm values (first field deepest), push a struct of them"),
    (0x51, "GET_FIELD", "field", 1, 1, 2, "struct", "push field imm of a struct"),
    (0x52, "SET_FIELD", "field", 2, 1, 5, "struct", "pop value and struct, push the struct with field imm replaced"),
    (0x60, "JUMP", "label", 0, 0, 2, "control", "continue at code offset imm", True),
    (0x61, "JUMP_IF_FALSE", "label", 1, 0, 3, "control", "pop a bool; continue at offset imm when false"),
    (0x62, "JUMP_IF_TRUE", "label", 1, 0, 3, "control", "pop a bool; continue at offset imm when true"),
    (0x63, "CALL", "func", "args", "rets", 10, "control", "call internal function imm (args pushed first-to-last)"),
    (0x64, "RET", "none", "ret", 0, 2, "control", "return from the current function with its return value", True),
    (0x65, "REVERT", "none", 1, 0, 2, "control", "pop a reason string and revert", True),
    (0x66, "CHECK_INDEX", "none", 2, 1, 3, "control", "pop length and index, push index; reverts 'index out of range' unless 0 <= index < length"),
    (0x67, "CHECK_TYPE", "type", 1, 1, 3, "control", "the top value (a call's result) must have type imm; reverts 'bad return value: ...' otherwise", False, 2),
    (0x70, "SLOAD", "tag", 1, 1, 100, "storage", "pop key bytes, push the stored value or the zero of type tag imm; +gas per byte"),
    (0x71, "SSTORE", "none", 2, 0, 500, "storage", "pop value and key bytes, store (a zero value deletes); +gas per byte, more for a new key"),
    (0x72, "KEY", "none", 2, 1, 5, "storage", "pop key value and prefix bytes, push prefix + canonical encoding of the key"),
    (0x80, "CALLER", "none", 0, 1, 2, "env", "push msg.sender"),
    (0x81, "CALLVALUE", "none", 0, 1, 2, "env", "push msg.value"),
    (0x82, "SELF", "none", 0, 1, 2, "env", "push this contract's address"),
    (0x83, "BLOCK_NUMBER", "none", 0, 1, 2, "env", "push block.number"),
    (0x84, "TIMESTAMP", "none", 0, 1, 2, "env", "push block.timestamp"),
    (0x85, "BALANCE", "none", 1, 1, 100, "env", "pop an address, push its native balance"),
    (0x86, "TRANSFER", "none", 2, 0, 2000, "env", "pop amount and address, send native coin from this contract; reverts when short"),
    (0x87, "EMIT", "event", "fields", 0, 375, "env", "pop the fields of event imm and log it; +gas per byte"),
    (0x88, "XCALL", "count", "xargs", 1, 700, "env", "call function name on address with imm args; push its return value"),
    (0x89, "XCALL_VOID", "count", "xargs", 0, 700, "env", "call function name on address with imm args; discard any return value"),
    (0x8A, "XCALL_VIEW", "count", "xargs", 1, 700, "env", "XCALL that runs the callee read-only (a call through a view signature)", False, 2),
    (0x8B, "XCALL_VIEW_VOID", "count", "xargs", 0, 700, "env", "XCALL_VOID that runs the callee read-only", False, 2),
]

OPCODES: tuple[OpSpec, ...] = tuple(
    OpSpec(code, name, kind, pops, pushes, gas, family, effect, *flags)
    for (code, name, kind, pops, pushes, gas, family, effect, *flags) in _T
)

BY_CODE: dict[int, OpSpec] = {op.code: op for op in OPCODES}
BY_NAME: dict[str, OpSpec] = {op.name: op for op in OPCODES}

# Storage type tags for SLOAD's immediate: which zero a missing key reads as.
TYPE_TAGS = {"int": 0, "bool": 1, "address": 2, "bytes": 3, "string": 4}
