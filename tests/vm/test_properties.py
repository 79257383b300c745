"""Properties: hostile bytes never get past validation into a host exception, and valid
programs (generated structurally) always halt within their gas with one of the VM's own results."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vm
from vm.asm import FunctionAsm, Instr, Label, assemble
from vm.code import PUB, CodeFormatError, CodeObject, Event, decode

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GAS = 60_000
_PREFIX = CodeObject("T", (), (), (), b"", (), ()).encode()[:8]  # a real header, so decoding gets further


def check(result: vm.Result, gas: int) -> None:
    assert isinstance(result, vm.Result)
    assert result.error in (None, "revert", "fault")
    assert result.reason is None or not result.reason.startswith("internal error"), result.reason
    assert 0 <= result.gas_used <= gas
    if result.error == "fault":
        assert result.gas_used == gas
    if result.success:
        assert result.error is None and result.reason is None
    else:
        assert result.logs == ()


# ------------------------------------------------------------------ hostile bytes


@SETTINGS
@given(st.one_of(st.binary(max_size=400), st.builds(lambda a, b: a + b, st.just(_PREFIX), st.binary(max_size=200))))
def test_random_bytes_only_fail_decoding(data):
    try:
        decode(data)
    except CodeFormatError:
        pass


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_only_fail_validation(data):
    try:
        vm.validate(data)
    except vm.ValidationError:
        pass
    result = vm.execute(data, "f", gas=1000)
    check(result, 1000)


_VALID = assemble(
    "T",
    [
        FunctionAsm("f", (("n", "int"),), "int", 2, PUB, [
            Instr("LOAD", 0), Instr("PUSH_CONST", "s"), Instr("LEN"), Instr("ADD"), Instr("STORE", 1),
            Label("top"), Instr("LOAD", 1), Instr("PUSH_INT", 0), Instr("GT"), Instr("JUMP_IF_FALSE", "end"),
            Instr("LOAD", 1), Instr("PUSH_INT", 1), Instr("SUB"), Instr("STORE", 1),
            Instr("PUSH_CONST", b"\x00"), Instr("LOAD", 1), Instr("KEY"), Instr("LOAD", 1), Instr("SSTORE"),
            Instr("CALLER"), Instr("LOAD", 1), Instr("EMIT", "E"), Instr("JUMP", "top"),
            Label("end"), Instr("LOAD", 0), Instr("CALL", "g"), Instr("RET"),
        ]),
        FunctionAsm("g", (("x", "int"),), "int", 1, 0, [
            Instr("LOAD", 0), Instr("PUSH_INT", 1), Instr("MAKE_STRUCT", 2), Instr("GET_FIELD", 0), Instr("RET"),
        ]),
    ],
    [Event("E", (("who", "address"), ("n", "int")))],
)


@SETTINGS
@given(st.data())
def test_mutated_code_objects_only_fail_validation(data):
    raw = bytearray(_VALID.encode())
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[at : at + data.draw(st.integers(1, 8))]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=4))
        if not raw:
            raw = bytearray(b"\x00")
    try:
        vm.validate(bytes(raw))
    except vm.ValidationError:
        return
    check(vm.execute(bytes(raw), "f", [3], gas=GAS), GAS)


@SETTINGS
@given(st.data())
def test_mutated_instructions_validate_or_run_safely(data):
    """Keep the code object well formed and scramble only its instruction bytes."""
    code = bytearray(_VALID.code)
    for _ in range(data.draw(st.integers(1, 6))):
        code[data.draw(st.integers(0, len(code) - 1))] = data.draw(st.integers(0, 255))
    obj = CodeObject(_VALID.name, _VALID.functions, _VALID.events, _VALID.consts, bytes(code), (), ())
    try:
        vm.validate(obj)
    except vm.ValidationError:
        return
    n = data.draw(st.integers(-3, 5))
    check(vm.execute(obj, "f", [n], gas=GAS), GAS)


# ------------------------------------------------------------------ valid programs

from vm_programs import programs  # noqa: E402  (tests/vm is on the pythonpath)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_valid_programs_halt_with_a_vm_result(program):
    code, args = program
    vm.validate(code)  # structurally generated programs always validate
    storage: dict = {}
    first = vm.execute(code, "f0", args, gas=GAS, storage=storage)
    check(first, GAS)
    again = vm.execute(code, "f0", args, gas=GAS, storage={})
    assert again == first  # deterministic
    events = []
    traced = vm.execute(code, "f0", args, gas=GAS, storage={}, tracer=events.append)
    assert traced == first  # the traced loop behaves the same
    assert events and all(e.gas >= 0 for e in events)
