"""The public doors (vm.call, vm.deploy, vm.execute), the tracer, determinism and resource attacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import vm
from vm.host import MemoryHost
from vm.values import Address, Struct

COUNTER = """
.contract Counter
.file 0 "counter.contract"
.event 0 Bumped(by: address, total: int)
.const 0 bytes 0x00
.const 1 string "too big"
.function 0 init(start: int) locals 1 init
    PUSH_CONST 0
    LOAD 0
    SSTORE
    RET
.function 1 bump(n: int) -> int locals 2 pub
    PUSH_CONST 0
    SLOAD 0
    LOAD 0
    ADD
    STORE 1
    LOAD 1
    PUSH_INT 100
    GT
    JUMP_IF_FALSE fine
    .loc 0 9 9
    PUSH_CONST 1
    REVERT
fine:
    PUSH_CONST 0
    LOAD 1
    SSTORE
    CALLER
    LOAD 1
    EMIT 0
    LOAD 1
    RET
.function 2 get() -> int locals 0 pub view
    PUSH_CONST 0
    SLOAD 0
    RET
.function 3 pair(a: int) -> P{x: int, who: address} locals 1 pub view
    LOAD 0
    CALLER
    MAKE_STRUCT 2
    RET
"""
CODE = vm.assemble_text(COUNTER)
ALICE = Address(0xA11CE)
HERE = Address(0xC0FFEE)


def _deployed():
    host = MemoryHost()
    r = vm.deploy(host, address=HERE, code=CODE.encode(), args=[5], sender=ALICE, gas=200_000)
    assert r.success, r
    host.commit()
    return host


def test_deploy_then_call_keeps_state_and_returns_logs():
    host = _deployed()
    r = vm.call(host, to=HERE, function="bump", args=[3], sender=ALICE, gas=100_000)
    assert (r.success, r.value, r.error) == (True, 8, None)
    assert r.logs == (vm.Log(HERE, "Bumped", (("by", ALICE), ("total", 8))),)
    assert vm.call(host, to=HERE, function="get", args=[], sender=ALICE, gas=100_000).value == 8


def test_a_revert_restores_the_host_and_points_at_the_source():
    host = _deployed()
    before = dict(host.storage)
    r = vm.call(host, to=HERE, function="bump", args=[500], sender=ALICE, gas=100_000)
    assert (r.success, r.error, r.reason, r.location) == (False, "revert", "too big", "counter.contract:9:9")
    assert 0 < r.gas_used < 100_000
    assert host.storage == before


def test_struct_results_come_back_as_structs():
    host = _deployed()
    r = vm.call(host, to=HERE, function="pair", args=[4], sender=ALICE, gas=100_000)
    assert r.value == Struct((4, ALICE)) and type(r.value[1]) is Address


def test_execute_updates_the_callers_storage_only_on_success():
    storage = {b"\x00": 1}
    r = vm.execute(CODE, "bump", [2], storage=storage)
    assert r.success and storage == {b"\x00": 3}
    r = vm.execute(CODE.encode(), "bump", [1000], storage=storage)
    assert r.reason == "too big" and storage == {b"\x00": 3}


def test_execute_may_run_init_by_name():
    storage: dict = {}
    assert vm.execute(CODE, "init", [9], storage=storage).success
    assert storage == {b"\x00": 9}


def test_execute_rejects_invalid_code_as_a_fault():
    r = vm.execute(b"\x00\x01", "f", gas=5000)
    assert (r.error, r.gas_used) == ("fault", 5000) and r.reason.startswith("invalid code: ")


def test_static_calls_refuse_writes():
    host = _deployed()
    r = vm.call(host, to=HERE, function="bump", args=[1], sender=ALICE, gas=100_000, static=True)
    assert r.reason == "state change in a view call"


def test_bad_gas_is_a_caller_error():
    with pytest.raises(ValueError):
        vm.execute(CODE, "get", gas=-1)


def test_tracer_sees_every_instruction_and_changes_nothing():
    events = []
    plain = vm.execute(CODE, "bump", [2], storage={})
    traced = vm.execute(CODE, "bump", [2], storage={}, tracer=events.append)
    assert plain == traced
    assert [e.op for e in events[:5]] == ["PUSH_CONST", "SLOAD", "LOAD", "ADD", "STORE"]
    assert events[0].depth == 1 and events[0].pc == 7 and events[0].stack == ()
    assert events[3].stack == (0, 2)
    assert events[-1].op == "RET"
    assert all(a.gas >= b.gas for a, b in zip(events, events[1:]))


def test_a_failing_tracer_raises_its_own_error_and_undoes_the_call():
    host = _deployed()
    before = dict(host.storage)

    def boom(event):
        if event.op == "EMIT":
            raise KeyError("tracer bug")

    with pytest.raises(KeyError):
        vm.call(host, to=HERE, function="bump", args=[1], sender=ALICE, gas=100_000, tracer=boom)
    assert host.storage == before


SCRIPT = """
import json, vm
from vm.asm import assemble
code = vm.assemble_text(open(%r).read())
out = []
for n in (1, 50, 500):
    r = vm.execute(code, "bump", [n], storage={b"\\x00": 2})
    out.append([r.success, r.value, r.gas_used, r.reason, [[l.name, [str(v) for _, v in l.fields]] for l in r.logs]])
print(json.dumps(out))
"""


def test_results_do_not_depend_on_the_hash_seed(tmp_path):
    src = tmp_path / "c.txt"
    src.write_text(COUNTER)
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", SCRIPT % str(src)], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
    assert json.loads(outs.pop())[2][3] == "too big"


# Resource attacks, with a lot of gas: each must end in the VM's own error.
def _attack(text: str, gas: int = 20_000_000):
    return vm.execute(vm.assemble_text(text), "main", gas=gas)


def test_attack_pow_tower():
    r = _attack(".const 0 int %d\n.function 0 main() -> int locals 0 pub\nPUSH_INT 2\nPUSH_CONST 0\nPOW\nRET" % 2**200)
    assert r.reason == "integer overflow"


def test_attack_string_doubling():
    r = _attack('.const 0 string "x"\n.function 0 main() -> int locals 1 pub\nPUSH_CONST 0\nSTORE 0\ntop:\nLOAD 0\nDUP\nCONCAT\nSTORE 0\nJUMP top')
    assert r.reason.startswith("value too large")


def test_attack_exponential_call_tree():
    r = _attack(
        ".function 0 main() -> int locals 0 pub\nCALL 0\nCALL 0\nPOP\nRET", gas=2_000_000
    )
    assert r.error == "fault" and r.reason in ("out of gas", "call depth exceeded: over 256 frames")


def test_attack_deep_recursion():
    r = _attack(".function 0 main() -> int locals 0 pub\nCALL 0\nRET")
    assert r.reason == "call depth exceeded: over 256 frames"


def test_attack_wide_structs_of_big_strings():
    r = _attack(
        '.const 0 string "%s"\n.function 0 main() -> int locals 0 pub\nPUSH_CONST 0\n%s\nMAKE_STRUCT 255\nRET'
        % ("y" * 1000, "\n".join(["DUP"] * 254))
    )
    assert r.reason.startswith("value too large")


def test_memory_stays_proportional_to_gas():
    """Every frame down to the depth limit keeps its own fresh 64 KiB string alive."""
    import tracemalloc

    text = (
        '.const 0 string "%s"\n'
        ".function 0 main() -> int locals 0 pub\nPUSH_CONST 0\nCALL 1\nPUSH_INT 0\nRET\n"
        ".function 1 f(s: string) locals 2\nLOAD 0\nLOAD 0\nCONCAT\nSTORE 1\nLOAD 0\nCALL 1\nRET\n" % ("z" * 32768)
    )
    code = vm.assemble_text(text)
    vm.validate(code)
    gas = 3_000_000
    tracemalloc.start()
    r = vm.execute(code, "main", gas=gas)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert r.reason == "call depth exceeded: over 256 frames"
    assert peak > 255 * 65536  # the attack really held its strings
    assert peak < 12 * gas  # about 10.7 bytes per gas at 3 gas per 32 bytes copied


def test_code_is_paid_for_once_per_call_per_contract():
    from vm import gas as G

    other = vm.assemble_text('.const 0 string "%s"\n.function 0 f() -> int locals 0 pub\nPUSH_INT 1\nRET' % ("p" * 1000)).encode()
    host = MemoryHost()
    host.set_code(Address(0xD), other)
    one = vm.assemble_text(
        '.const 0 int 13\n.const 1 string "f"\n.function 0 main() -> int locals 0 pub\n'
        "PUSH_CONST 0\nTO_ADDR\nPUSH_CONST 1\nXCALL 0\nRET"
    )
    two = vm.assemble_text(
        '.const 0 int 13\n.const 1 string "f"\n.function 0 main() -> int locals 0 pub\n'
        "PUSH_CONST 0\nTO_ADDR\nPUSH_CONST 1\nXCALL 0\nPUSH_CONST 0\nTO_ADDR\nPUSH_CONST 1\nXCALL 0\nADD\nRET"
    )
    host.set_code(Address(0x1), one.encode())
    host.set_code(Address(0x2), two.encode())
    g1 = vm.call(host, to=Address(0x1), function="main", args=[], sender=ALICE, gas=100_000).gas_used
    g2 = vm.call(host, to=Address(0x2), function="main", args=[], sender=ALICE, gas=100_000).gas_used
    load = G.CODE_ACCESS + G.CODE_LOAD_PER_BYTE * len(other)
    second_call = g2 - g1 - G.CODE_LOAD_PER_BYTE * (len(two.encode()) - len(one.encode()))
    assert 700 < second_call < load  # the second XCALL found the code warm
    assert second_call < 1000  # ... and paid no access again


def test_the_program_cache_is_bounded_by_code_bytes(monkeypatch):
    import importlib

    V = importlib.import_module("vm.validate")
    monkeypatch.setattr(V, "_cache", V.new_cache(100))
    for i in range(10):
        V.validate(vm.assemble_text(".function 0 main() -> int locals 0 pub\n" + "PUSH_INT %d\nPOP\n" % i * 10 + "PUSH_INT 1\nRET"))
    assert 1 <= len(V._cache) <= 3 and V._cache.currsize <= 100
    monkeypatch.setattr(V, "_cache", V.new_cache(100_000, entries=4))  # small programs: the entry bound holds
    for i in range(10):
        V.validate(vm.assemble_text(".function 0 main() -> int locals 0 pub\nPUSH_INT %d\nRET" % i))
    assert len(V._cache) == 4


def test_memory_is_capped_whatever_the_gas():
    """Fill every local of every frame with a fresh 64 KiB string, with a block's worth of gas."""
    import tracemalloc

    from vm import limits

    fill = "\n".join(f"LOAD 0\nLOAD 0\nCONCAT\nSTORE {k}" for k in range(1, 255))
    text = (
        '.const 0 string "%s"\n'
        ".function 0 main() -> int locals 0 pub\nPUSH_CONST 0\nCALL 1\nPUSH_INT 0\nRET\n"
        ".function 1 f(s: string) locals 255\n%s\nLOAD 0\nCALL 1\nRET\n" % ("m" * 32768, fill)
    )
    code = vm.assemble_text(text)
    tracemalloc.start()
    r = vm.execute(code, "main", gas=30_000_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert r.reason.startswith("memory limit exceeded")
    assert peak < limits.MAX_ALLOCATION + 8 * 1024 * 1024


class _FreshCopies:
    """A store that decodes a fresh object on every read, as a database does."""

    def read_code(self, address):
        return None

    def read_storage(self, address, key):
        return bytes(bytearray(b"v" * 65536))

    def read_balance(self, address):
        return 0


def test_values_read_from_storage_count_against_the_memory_cap():
    """Keep every frame's locals full of 64 KiB values read from storage, with a block's worth of gas."""
    import tracemalloc

    from vm import limits

    fill = "\n".join(f"PUSH_CONST 0\nSLOAD 3\nSTORE {k}" for k in range(0, 255))
    text = (
        ".const 0 bytes 0x01\n"
        ".function 0 main() -> int locals 0 pub\nCALL 1\nPUSH_INT 0\nRET\n"
        ".function 1 f() locals 255\n%s\nCALL 1\nRET\n" % fill
    )
    host = MemoryHost(_FreshCopies())
    host.code[HERE] = vm.assemble_text(text).encode()
    tracemalloc.start()
    r = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=30_000_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert r.reason.startswith("memory limit exceeded")
    assert peak < limits.MAX_ALLOCATION + 8 * 1024 * 1024


# ------------------------------------------------------------------ what reaches a receipt or the state is paid per byte

PRICED = vm.assemble_text(
    """
.const 0 bytes 0x01
.event 0 Big(b: bytes)
.function 0 fail(s: string) locals 1 pub
    LOAD 0
    REVERT
.function 1 echo(s: string) -> string locals 1 pub
    LOAD 0
    RET
.function 2 log(b: bytes) locals 1 pub
    LOAD 0
    EMIT 0
    RET
.function 3 put(b: bytes) locals 1 pub
    PUSH_CONST 0
    LOAD 0
    SSTORE
    RET
"""
)


@pytest.mark.parametrize(
    "function,small,big,extra",
    [
        # (function, small argument, big argument, gas the big one costs more)
        ("fail", "r" * 32, "r" * 100, 3 * 256),  # reason: words past the first, 256 each
        ("fail", "r", "r" * 32, 0),  # one word is covered by the call's price
        ("echo", "e" * 32, "e" * 100, 3 * 256),  # the outermost return value, likewise
        ("log", b"\x01" * 32, b"\x01" * 96, 2 * 256),  # event data: 8 gas a byte
        ("put", b"\x01" * 31, b"\x01" * 95, 2 * 200),  # storage: 200 a word of key and value
    ],
)
def test_output_and_state_cost_grows_per_byte(function, small, big, extra):
    a = vm.execute(PRICED, function, [small], gas=1_000_000)
    b = vm.execute(PRICED, function, [big], gas=1_000_000)
    assert a.error == b.error and (a.reason is None or a.reason == small)
    assert b.gas_used - a.gas_used == extra


def test_a_block_of_gas_buys_only_a_few_megabytes_of_logs_or_state():
    from vm import gas as G

    per_10m = 10_000_000 * G.WORD
    assert per_10m // G.LOG_PER_WORD < 1_300_000  # bytes of log data per 10M gas
    assert per_10m // G.OUTPUT_PER_WORD < 1_300_000  # bytes of return values and reasons
    assert per_10m // G.SSTORE_PER_WORD < 1_700_000  # bytes of storage written
    assert 10_000_000 // G.DEPLOY_PER_BYTE <= 500_000  # bytes of code deployed


# ------------------------------------------------------------------ host failures are never receipts


class _Broken(Exception):
    pass


class _FailingBacking:
    """A store that fails on a chosen read, as a damaged database would."""

    def __init__(self, code: dict, fail_on: str, exc: BaseException):
        self.code, self.fail_on, self.exc = code, fail_on, exc

    def read_code(self, address):
        if self.fail_on == "code" and address != HERE:
            raise self.exc
        return self.code.get(address)

    def read_storage(self, address, key):
        if self.fail_on == "storage":
            raise self.exc
        return None

    def read_balance(self, address):
        return 0


XCALLER = vm.assemble_text(
    """
.const 0 bytes 0x07
.const 1 int 48879
.const 2 string "get"
.function 0 main() -> int locals 0 pub
    PUSH_CONST 0
    PUSH_INT 9
    SSTORE
    PUSH_CONST 1
    TO_ADDR
    PUSH_CONST 2
    XCALL 0
    PUSH_CONST 0
    SLOAD 0
    ADD
    RET
"""
)


@pytest.mark.parametrize("fail_on", ["storage", "code"])
def test_a_host_error_propagates_unchanged_and_undoes_the_call(fail_on):
    failure = vm.HostError("disk says no")
    host = MemoryHost(_FailingBacking({HERE: XCALLER.encode(), Address(0xBEEF): CODE.encode()}, fail_on, failure))
    with pytest.raises(vm.HostError) as info:
        vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=1_000_000)
    assert info.value is failure
    assert host.storage == {} and host.balances == {}  # the SSTORE before the failure is undone


def test_a_host_error_propagates_from_deploy_and_execute():
    failure = vm.HostError("gone")
    host = MemoryHost(_FailingBacking({}, "storage", failure))
    with pytest.raises(vm.HostError):
        vm.deploy(host, address=HERE, code=CODE.encode(), args=[5], sender=ALICE, gas=200_000)
    assert host.code == {} and host.storage == {}

    class Store(dict):
        def get(self, key, default=None):
            raise failure

    storage = Store()
    with pytest.raises(vm.HostError):
        vm.execute(CODE, "get", [], storage=storage)


def test_other_host_exceptions_are_still_failed_calls_but_say_so():
    host = MemoryHost(_FailingBacking({HERE: XCALLER.encode()}, "storage", _Broken("boom")))
    r = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=1_000_000)
    assert r.error == "fault" and r.gas_used == 1_000_000
    assert r.reason.startswith("internal error: _Broken: boom") and "please report" in r.reason
    assert host.storage == {}


@pytest.mark.parametrize("exc", [MemoryError(), RecursionError("deep")])
def test_resource_exhaustion_of_the_process_propagates(exc):
    host = MemoryHost(_FailingBacking({HERE: XCALLER.encode()}, "storage", exc))
    with pytest.raises(type(exc)):
        vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=1_000_000)
    assert host.storage == {}


def test_loading_code_costs_the_same_cached_or_not_and_follows_its_size(monkeypatch):
    import importlib

    from vm import gas as G

    V = importlib.import_module("vm.validate")
    body = "PUSH_TRUE\nPOP\n" * 4000
    text = ".function 0 main() -> int locals 0 pub\n%sPUSH_INT 1\nRET" % body
    data = vm.assemble_text(text).encode()
    host = MemoryHost()
    host.set_code(HERE, data)
    monkeypatch.setattr(V, "_cache", V.new_cache())
    cold = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=1_000_000)
    warm = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=1_000_000)
    assert cold.success and cold.gas_used == warm.gas_used
    load = G.CODE_ACCESS + G.CODE_LOAD_PER_BYTE * len(data)  # checking was paid at deployment
    assert warm.gas_used == load + 4000 * (2 + 1) + 2 + 2  # the load, then PUSH_TRUE, POP, PUSH_INT, RET
    too_little = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=load - 1)
    assert too_little.reason == "out of gas"


def test_a_struct_argument_obeys_the_size_limit_of_a_built_one():
    code = vm.assemble_text(".function 0 f(p: P{a: bytes, b: bytes}) -> int locals 1 pub\nPUSH_INT 1\nRET")
    ok = vm.execute(code, "f", [[b"x" * 30000, b"y" * 30000]])
    assert ok.success
    r = vm.execute(code, "f", [[b"x" * 40000, b"y" * 40000]])
    assert (r.error, r.reason) == ("revert", "bad arguments: p: P of 80003 bytes is over the limit of 65536")


@pytest.mark.parametrize("balances", [{ALICE: -1}, {ALICE: "10"}, {ALICE: True}])
def test_execute_refuses_bad_balances_as_a_caller_error(balances):
    with pytest.raises(ValueError, match="balance of"):
        vm.execute(CODE, "get", balances=balances)


def test_many_emits_of_a_wide_event_walk_its_type_once(monkeypatch):
    """Per-event facts (its struct field count) are computed once per event, not once per EMIT:
    5000 EMITs of an event declaring 10,000 fields would otherwise take minutes to predecode."""
    import importlib

    from vm.asm import FunctionAsm, Instr, Label, assemble
    from vm.code import PUB, Event

    I = importlib.import_module("vm.interpreter")
    walks = []
    real = I.type_fields
    monkeypatch.setattr(I, "type_fields", lambda t: walks.append(t) or real(t))
    wide = ("struct", "W", tuple((f"f{j}", "int") for j in range(250)))
    event = Event("E", (("w", ("struct", "V", tuple((f"g{j}", wide) for j in range(40)))),))
    body = [Instr("PUSH_INT", 0), Instr("JUMP_IF_TRUE", "end")]
    body += [Instr("PUSH_INT", 1), Instr("EMIT", "E")] * 5000  # never runs: only predecoded
    body += [Label("end"), Instr("RET")]
    code = assemble("T", [FunctionAsm("f", (), None, 0, PUB, body)], [event])
    I.prepare(vm.validate(code.encode()))
    assert len(walks) == 1


def test_one_call_loads_a_bounded_amount_of_code():
    """Programs stay in memory until the call ends: past MAX_LOADED_CODE bytes of bytecode it faults."""
    from vm import limits

    body = "PUSH_INT 1\nPOP\n" * 20000  # 60,000 bytes of bytecode
    host = MemoryHost()
    n = limits.MAX_LOADED_CODE // 60_000 + 1
    for i in range(n):
        host.set_code(Address(0x1000 + i), vm.assemble_text(".function 0 f() locals 0 pub\n%sRET" % body).encode())
    calls = "".join(f"PUSH_CONST {i}\nTO_ADDR\nPUSH_CONST {n}\nXCALL_VOID 0\n" for i in range(n))
    consts = "".join(f".const {i} int {0x1000 + i}\n" for i in range(n)) + f'.const {n} string "f"\n'
    host.set_code(HERE, vm.assemble_text(consts + ".function 0 main() -> int locals 0 pub\n" + calls + "PUSH_INT 1\nRET").encode())
    r = vm.call(host, to=HERE, function="main", args=[], sender=ALICE, gas=30_000_000)
    assert r.error == "fault" and r.reason == f"memory limit exceeded: over {limits.MAX_LOADED_CODE} bytes of code loaded in one call"
    fewer = vm.call(host, to=Address(0x1000), function="f", args=[], sender=ALICE, gas=30_000_000)
    assert fewer.success
