"""Properties: hostile bytes never get past validation into a host exception, and valid
programs (generated structurally) always halt within their gas with one of the VM's own results."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vm
from vm.asm import FunctionAsm, Instr, Label, assemble
from vm.code import PUB, REENTRANT, VIEW, CodeFormatError, CodeObject, Event, decode
from vm.opcodes import BY_NAME
from vm.values import INT_MAX, INT_MIN

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

CONSTS = [0, 1, -1, 7, INT_MAX, INT_MIN, 2**200, "", "a", "héllo", b"", b"\x00", b"\x01\x02", True, False]
FIXED = [
    op for op in BY_NAME.values()
    if type(op.pops) is int and type(op.pushes) is int and not op.jumps and not op.terminates
    and op.name not in ("LOAD", "STORE", "PUSH_CONST", "PUSH_INT", "GET_FIELD", "SET_FIELD", "SLOAD", "CHECK_TYPE")
]
TYPES = ["int", "bool", "address", "bytes", "string", ("struct", "S", (("a", "int"),)), ("struct", "T", (("a", "bool"),))]


XCALLS = ["XCALL", "XCALL_VOID", "XCALL_VIEW", "XCALL_VIEW_VOID"]


@st.composite
def programs(draw):
    nfuncs = draw(st.integers(1, 3))
    sigs = []
    for i in range(nfuncs):
        nparams = draw(st.integers(0, 2))
        sigs.append((nparams, draw(st.booleans()) if i else True, nparams + draw(st.integers(0, 2))))
    funcs = []
    for i, (nparams, returns, nlocals) in enumerate(sigs):
        nseg = draw(st.integers(1, 5))
        body = []
        for k in range(nseg):
            body.append(Label(f"s{k}"))
            h = 0
            for _ in range(draw(st.integers(0, 12))):
                choice = draw(st.integers(0, 9))
                if choice == 0:
                    body.append(Instr("PUSH_CONST", draw(st.sampled_from(CONSTS))))
                    h += 1
                elif choice == 1:
                    body.append(Instr("PUSH_INT", draw(st.integers(-128, 127))))
                    h += 1
                elif choice == 2 and nlocals:
                    body.append(Instr("LOAD", draw(st.integers(0, nlocals - 1))))
                    h += 1
                elif choice == 3 and nlocals and h:
                    body.append(Instr("STORE", draw(st.integers(0, nlocals - 1))))
                    h -= 1
                elif choice == 4 and h:
                    # Field 0 only: every struct built here has one (validation checks known counts).
                    op = draw(st.sampled_from(["GET_FIELD", "SLOAD"]))
                    body.append(Instr(op, 0 if op == "GET_FIELD" else draw(st.integers(0, 4))))
                elif choice == 5 and h >= 2:
                    body.append(Instr("SET_FIELD", 0))
                    h -= 1
                elif choice == 6 and h:
                    n = draw(st.integers(1, min(h, 3)))
                    body.append(Instr("MAKE_STRUCT", n))
                    h = h - n + 1
                elif choice == 7:
                    callee = draw(st.integers(0, nfuncs - 1))
                    cp, cr, _ = sigs[callee]
                    if h >= cp:
                        body.append(Instr("CALL", callee))
                        h = h - cp + (1 if cr else 0)
                elif choice == 8 and draw(st.booleans()):
                    # A real external call back into this contract (reentrancy, static, frames).
                    callee = draw(st.integers(0, nfuncs - 1))
                    body += [Instr("SELF"), Instr("PUSH_CONST", f"f{callee}")]
                    body += [Instr("PUSH_INT", draw(st.integers(-3, 3))) for _ in range(sigs[callee][0])]
                    body.append(Instr(draw(st.sampled_from(XCALLS)), sigs[callee][0]))
                    h += 1 if body[-1].op in ("XCALL", "XCALL_VIEW") else 0
                    if h and draw(st.booleans()):
                        body.append(Instr("CHECK_TYPE", draw(st.sampled_from(TYPES))))
                elif choice == 8 and h >= 2:
                    n = draw(st.integers(0, min(h - 2, 2)))
                    body.append(Instr(draw(st.sampled_from(XCALLS)), n))
                    h = h - n - 2 + (1 if body[-1].op in ("XCALL", "XCALL_VIEW") else 0)
                elif choice == 9 and h and draw(st.booleans()):
                    body.append(Instr("CHECK_TYPE", draw(st.sampled_from(TYPES))))
                else:
                    op = draw(st.sampled_from(FIXED))
                    if op.pops <= h and h - op.pops + op.pushes <= 16:
                        body.append(Instr(op.name))
                        h = h - op.pops + op.pushes
            body += [Instr("POP")] * h
            last = k == nseg - 1
            end = draw(st.sampled_from(["ret", "jump", "cond", "revert"] + ([] if last else ["fall"])))
            target = f"s{draw(st.integers(0, nseg - 1))}"
            if end == "ret" or (end == "cond" and last):
                if returns:
                    body.append(Instr("PUSH_CONST", draw(st.sampled_from(CONSTS))))
                body.append(Instr("RET"))
            elif end == "jump":
                body.append(Instr("JUMP", target))
            elif end == "cond":
                body.append(Instr(draw(st.sampled_from(["PUSH_TRUE", "PUSH_FALSE", "PUSH_INT"])), None))
                if body[-1].op == "PUSH_INT":
                    body[-1] = Instr("PUSH_INT", 0)
                body.append(Instr(draw(st.sampled_from(["JUMP_IF_TRUE", "JUMP_IF_FALSE"])), target))
            elif end == "revert":
                body.append(Instr("PUSH_CONST", "no"))
                body.append(Instr("REVERT"))
        params = tuple((f"p{j}", "int") for j in range(nparams))
        flags = PUB | (REENTRANT if draw(st.booleans()) else 0) | (VIEW if draw(st.integers(0, 4)) == 0 else 0)
        funcs.append(FunctionAsm(f"f{i}", params, "int" if returns else None, nlocals, flags, body))
    events = [Event("E", (("v", "int"),))]
    args = [draw(st.integers(-5, 5)) for _ in range(sigs[0][0])]
    return assemble("Gen", funcs, events), args


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
