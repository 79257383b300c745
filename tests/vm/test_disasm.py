"""Disassembly text and the text assembler: readable, and an exact round trip."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vm
from vm.asm import AssemblyError, FunctionAsm, Instr, Label, assemble
from vm.code import PUB, VIEW, CodeObject, Event, Function, decode
from vm.disasm import assemble_text, disassemble

FIXTURES = Path(__file__).parent / "fixtures"


def _fixture_texts():
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text()):
            for lines in [case.get("code")] + list(case.get("contracts", {}).values()):
                if lines:
                    yield "\n".join(lines)


def _sample() -> CodeObject:
    span = ("token.contract", 12, 5)
    main = FunctionAsm(
        "transfer",
        (("to", "address"), ("amount", "int")),
        "bool",
        3,
        PUB,
        [
            Instr("LOAD", 1, span),
            Instr("PUSH_INT", 0, span),
            Instr("GT", None, span),
            Instr("JUMP_IF_TRUE", "ok", span),
            Instr("PUSH_CONST", "amount must be positive", ("token.contract", 13, 9)),
            Instr("REVERT", None, ("token.contract", 13, 9)),
            Label("ok"),
            Instr("CALLER", None, ("token.contract", 14, 9)),
            Instr("LOAD", 0),
            Instr("LOAD", 1),
            Instr("EMIT", "Transfer"),
            Instr("PUSH_CONST", b"\x00"),
            Instr("SLOAD", "int"),
            Instr("CALL", "math.min"),
            Instr("POP"),
            Instr("PUSH_TRUE"),
            Instr("RET"),
        ],
    )
    helper = FunctionAsm("math.min", (("a", "int"),), "int", 1, 0, [Instr("LOAD", 0), Instr("RET")])
    ev = Event("Transfer", (("sender", "address"), ("receiver", "address"), ("amount", "int")))
    return assemble("Token", [main, helper], [ev])


GOLDEN = """\
; Obelisk code object, format version 1
.contract Token
.file 0 "token.contract"
.event 0 Transfer(sender: address, receiver: address, amount: int)
.const 0 string "amount must be positive"
.const 1 bytes 0x00

.function 0 transfer(to: address, amount: int) -> bool locals 3 pub
    .loc 0 12 5                         ; token.contract:12:5
     0  LOAD 1                          ; amount
     2  PUSH_INT 0
     4  GT
     5  JUMP_IF_TRUE L12
    .loc 0 13 9                         ; token.contract:13:9
     8  PUSH_CONST 0                    ; "amount must be positive"
    11  REVERT
    .loc 0 14 9                         ; token.contract:14:9
L12:
    12  CALLER
    13  LOAD 0                          ; to
    15  LOAD 1                          ; amount
    17  EMIT 0                          ; Transfer
    20  PUSH_CONST 1                    ; 0x00
    23  SLOAD 0                         ; int
    25  CALL 1                          ; math.min
    28  POP
    29  PUSH_TRUE
    30  RET

.function 1 math.min(a: int) -> int locals 1
    31  LOAD 0                          ; a
    33  RET
"""


def test_disassembly_is_readable():
    assert vm.disassemble(_sample()) == GOLDEN


def test_golden_text_assembles_back():
    code = _sample()
    assert vm.assemble_text(GOLDEN).encode() == code.encode()


def test_disassemble_takes_bytes_and_programs():
    code = _sample()
    assert vm.disassemble(code.encode()) == GOLDEN
    assert vm.disassemble(vm.validate(code)) == GOLDEN


@pytest.mark.parametrize("text", list(_fixture_texts()))
def test_fixture_code_round_trips(text):
    code = vm.assemble_text(text)
    canonical = vm.disassemble(code)
    again = vm.assemble_text(canonical)
    assert again.encode() == code.encode()
    assert vm.disassemble(again) == canonical


def test_undecodable_bytes_round_trip():
    code = CodeObject("x y", (Function("f", 0, (), None, 0, PUB | VIEW),), (), (), bytes([0x02, 1, 0xFF, 0x01]), ("a b.c",), ((1, 0, 2, 3), (3, 0, 4, 5)))
    text = vm.disassemble(code)
    assert ".bytes ff01" in text and '.contract "x y"' in text and ".loc 0 2 3 at 1" in text
    assert vm.assemble_text(text).encode() == code.encode()


@pytest.mark.parametrize(
    "text,message",
    [
        ("NOPE", "line 1: unknown opcode 'NOPE'"),
        (".nope 1", "line 1: unknown directive '.nope'"),
        (".function 0 f() locals 0\nPUSH_INT 999", "line 2: PUSH_INT needs an immediate that fits 1 byte(s), got '999'"),
        (".function 0 f() locals 0\nJUMP nowhere", "line 2: unknown label nowhere"),
        (".function 0 f() locals 0\n 5  RET", "line 2: offset 5 does not match the position 0"),
        (".const 1 int 5", "line 1: const index 1, expected 0"),
        (".const 0 float 5", "line 1: bad constant float 5"),
        (".function 0 f() locals 0 pub sometimes", "line 1: unknown flag 'sometimes'"),
        (".function 1 f() locals 0", "function indexes must run 0, 1, 2, ... without gaps"),
        (".function 0 f(a: int locals 0", "line 1: expected ',' or ')'"),
        (".event 0 E(a: int", "line 1: expected ',' or ')'"),
        ('.file 0 "unterminated', "line 1: cannot read"),
    ],
)
def test_bad_text_gets_a_located_error(text, message):
    with pytest.raises(AssemblyError) as info:
        vm.assemble_text(text)
    assert str(info.value).startswith(message)


# Random code objects: every decodable object round-trips, whatever its code bytes.
_names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
_scalar = st.sampled_from(["int", "bool", "address", "bytes", "string"])
_type = st.recursive(_scalar, lambda t: st.builds(lambda n, fs: ("struct", n, tuple(fs)), _names, st.lists(st.tuples(_names, t), max_size=3)), max_leaves=5)
_const = st.one_of(st.integers(-(2**255), 2**255 - 1), st.booleans(), st.binary(max_size=10), st.text(st.characters(blacklist_categories=("Cs",)), max_size=10))


@st.composite
def code_objects(draw):
    code = draw(st.binary(max_size=60))
    n = draw(st.integers(0, 3))
    entries = sorted(set(draw(st.lists(st.integers(0, max(len(code) - 1, 0)), min_size=n, max_size=n))))
    names = draw(st.lists(_names, min_size=len(entries), max_size=len(entries), unique=True))
    funcs = []
    for entry, name in zip(entries, names):
        params = tuple(draw(st.lists(st.tuples(_names, _type), max_size=2)))
        funcs.append(Function(name, entry, params, draw(st.none() | _type), len(params) + draw(st.integers(0, 3)), draw(st.integers(0, 31))))
    events = tuple(Event(draw(_names), tuple(draw(st.lists(st.tuples(_names, _type), max_size=2)))) for _ in range(draw(st.integers(0, 2))))
    files = tuple(draw(st.lists(_names, max_size=2)))
    lines = []
    if files:
        pcs = sorted(set(draw(st.lists(st.integers(0, 70), max_size=4))))
        lines = [(pc, draw(st.integers(0, len(files) - 1)), draw(st.integers(0, 999)), draw(st.integers(0, 99))) for pc in pcs]
    return CodeObject(draw(_names), tuple(funcs), events, tuple(draw(st.lists(_const, max_size=4))), code, files, tuple(lines))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(code_objects())
def test_any_code_object_round_trips(code):
    data = code.encode()
    text = vm.disassemble(decode(data))
    back = vm.assemble_text(text)
    assert back.encode() == data
    assert vm.disassemble(back) == text


_WORDS = st.sampled_from(
    [".function", ".const", ".event", ".file", ".loc", ".bytes", ".contract", "0", "1", "70000", "-1", "int", "string",
     "P{", "}", "(", ")", ":", ",", "->", "locals", "pub", "at", '"x"', '"', "L1:", "L1", "JUMP", "PUSH_INT", "PUSH_CONST",
     "RET", "0x", "0xzz", "ff", "9" * 5000, ";", "{", "a"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=7).map(" ".join), max_size=8).map("\n".join))
def test_any_text_assembles_or_gets_a_located_error(text):
    try:
        code = vm.assemble_text(text)
    except AssemblyError as exc:
        assert str(exc)
        return
    assert isinstance(code, CodeObject)


def test_format_versions_round_trip_and_are_inferred_from_the_opcodes():
    """Code without format-2 opcodes stays version 1 (same bytes, same hash); the text says any other version."""
    plain = vm.assemble_text(".function 0 main() -> int locals 0 pub\nPUSH_INT 1\nRET")
    typed = vm.assemble_text(".const 0 bytes 0xa3696e74\n.function 0 main() -> int locals 0 pub\nPUSH_INT 1\nCHECK_TYPE 0\nRET")
    forced = vm.assemble_text(".version 2\n.function 0 main() -> int locals 0 pub\nPUSH_INT 1\nRET")
    assert (plain.version, typed.version, forced.version) == (1, 2, 2)
    assert disassemble(plain).startswith("; Obelisk code object, format version 1\n.contract")
    assert "CHECK_TYPE 0" in disassemble(typed) and "; int" in disassemble(typed)
    for code in (plain, typed, forced):
        assert assemble_text(disassemble(code)).encode() == code.encode()
