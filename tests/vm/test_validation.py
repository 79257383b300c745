"""Load-time validation: every rule has a fixture (tests/vm/fixtures/validation.json), plus the limits and the cache."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import vm
from vm import limits
from vm.code import PUB, CodeObject, Function
from vm.validate import validate

CASES = json.loads((Path(__file__).parent / "fixtures" / "validation.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_validation_fixture(case):
    code = vm.assemble_text("\n".join(case["code"]))
    if case["error"] is None:
        program = validate(code)
        assert program.max_stack >= 0
        return
    with pytest.raises(vm.ValidationError) as info:
        validate(code)
    assert str(info.value) == case["error"]


def _code(body: bytes, **kw) -> CodeObject:
    f = Function("main", 0, (), "int", 0, PUB)
    return CodeObject("T", (f,), (), kw.get("consts", ()), body, (), ())


def test_code_over_the_size_limit_is_rejected():
    body = bytes([0x03, 0x05]) * (limits.MAX_CODE_SIZE // 2) + bytes([0x02, 1, 0x64])
    with pytest.raises(vm.ValidationError, match="over the size limit|over the limit"):
        validate(_code(body))


def test_bytes_that_are_not_a_code_object():
    for junk in (b"", b"\x90", b"\xc1", b"\x99" * 10, vm.CodeObject("x", (), (), (), b"", (), ()).encode() + b"\x00"):
        with pytest.raises(vm.ValidationError):
            validate(junk)


def test_validated_programs_are_cached_by_code_hash():
    code = _code(bytes([0x02, 7, 0x64]))
    a = validate(code)
    assert validate(code.encode()) is a
    assert a.code_hash == __import__("hashlib").sha256(code.encode()).digest()


def test_program_keeps_blocks_and_heights():
    text = "\n".join(
        [".function 0 main(n: int) -> int locals 1 pub", "LOAD 0", "JUMP_IF_TRUE yes", "PUSH_INT 1", "RET", "yes:", "PUSH_INT 2", "RET"]
    )
    # JUMP_IF_TRUE needs a bool; validation does not know types, only heights.
    p = validate(vm.assemble_text(text))
    assert p.heights == (0, 1, 0, 1, 0, 1)
    assert p.blocks == ((0, 2), (2, 4), (4, 6))
    assert p.max_stack == 1
    assert p.block_gas == (2 + 3, 2 + 2, 2 + 2)
