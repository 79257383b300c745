"""Tier 0 and tier 1 are one behaviour: result, reason, location, state, events and gas, to the unit.

Every VM fixture, every conformance program's calls (and each call again at
out-of-gas points: one gas short of what it used, and lower limits), and
hypothesis-generated programs at many gas limits run on both tiers; any
difference fails. `python tests/vm/test_tiers.py` prints the counts as JSON.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: the paths pytest would give
    sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1] / "lang")]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vm
from vm import interpreter, tier1
from vm.host import MemoryHost
from vm.values import Address

import vm_cases as fx  # tests/vm and tests/lang are on pytest's pythonpath
from vm_programs import programs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COUNTS = fx.COUNTS  # one module object for pytest and for the script below


class Tier:
    """Runs a body with one tier forced; tier 1 must really run (its compiled forms are counted)."""

    def __init__(self, on: bool):
        self.on = on

    def __enter__(self):
        self.saved = interpreter.TIER1
        interpreter.TIER1 = self.on

    def __exit__(self, *exc):
        interpreter.TIER1 = self.saved


def state(host: MemoryHost) -> str:
    """Everything a call can change, in a form where True is not 1 and an address is not its bytes."""
    return repr(host.changes())


def both(host: MemoryHost, run) -> tuple:
    """Run `run()` on tier 0 and on tier 1 from the same state; the states after must agree. Returns tier 1's."""
    snap = host.snapshot()
    with Tier(False):
        r0 = run()
    s0 = state(host)
    host.revert_to(snap)
    with Tier(True):
        r1 = run()
    s1 = state(host)
    assert repr(r1) == repr(r0), f"tier 1 {r1!r}\ntier 0 {r0!r}"
    assert s1 == s0
    COUNTS["calls"] += 1
    return r1


def out_of_gas_points(host: MemoryHost, run_at, used: int) -> None:
    """The same call at gas limits around and below what it used: each limit on both tiers, state reverted."""
    limits = {used - 1, used // 2, used * 3 // 4, max(used - 3, 0), max(used - 700, 0)}
    for gas in sorted(g for g in limits if g >= 0):
        snap = host.snapshot()
        both(host, lambda: run_at(gas))
        host.revert_to(snap)
        COUNTS["out_of_gas_points"] += 1


# ------------------------------------------------------------------ fixtures


def _fixture_cases():
    for path in fx.FIXTURES:
        if path == fx.VALIDATION:
            continue
        for case in json.loads(path.read_text()):
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("case", list(_fixture_cases()))
def test_every_fixture_is_the_same_on_both_tiers(case):
    with Tier(False):
        r0, h0 = fx.run_case(case)
    with Tier(True):
        r1, h1 = fx.run_case(case)
    assert repr(r1) == repr(r0)
    assert repr(h1.changes()) == repr(h0.changes())
    assert json.dumps(fx.observed(case, r1, h1), sort_keys=True) == json.dumps(fx.observed(case, r0, h0), sort_keys=True)
    COUNTS["programs"] += 1
    COUNTS["calls"] += 1
    if r0.gas_used > 0:
        for gas in {r0.gas_used - 1, r0.gas_used // 2}:
            at = dict(case, gas=gas)
            with Tier(False):
                g0, k0 = fx.run_case(at)
            with Tier(True):
                g1, k1 = fx.run_case(at)
            assert repr(g1) == repr(g0), gas
            assert repr(k1.changes()) == repr(k0.changes())
            COUNTS["out_of_gas_points"] += 1


# ------------------------------------------------------------------ conformance programs

import conformance_format as cfmt  # noqa: E402
import conformance_run as crun  # noqa: E402
from test_conformance import BLOCK, GAS, VmBackend, rel  # noqa: E402

CONFORMANCE = sorted((ROOT / "tests" / "lang" / "conformance").glob("*.contract"))


class BothTiers(VmBackend):
    """The conformance backend with every deploy and call run on both tiers (and again at out-of-gas points)."""

    def deploy(self, art, args):
        self.n += 1
        addr = Address(0xC0DE00 + self.n)

        def run(gas=GAS):
            return vm.deploy(self.host, address=addr, code=art.bytecode, args=args, sender=self.sender_address(0),
                             gas=gas, block=BLOCK)

        r = both(self.host, run)
        assert r.success, r
        return addr

    def call(self, address, art, fabi, c, args):
        def run(gas=GAS):
            return vm.call(self.host, to=address, function=c.function, args=args, sender=self.sender_address(c.sender),
                           value=c.value, gas=gas, block=BLOCK, static=bool(fabi and fabi["view"]))

        r = both(self.host, run)
        out_of_gas_points(self.host, run, r.gas_used)
        logs = [(lg.name, [v for _, v in lg.fields]) for lg in r.logs]
        return r.success, r.value, r.reason, r.location, logs


RUNNABLE = [p for p in CONFORMANCE if not cfmt.parse_case(p).errors]


@pytest.mark.parametrize("path", RUNNABLE, ids=[p.stem for p in RUNNABLE])
def test_every_conformance_program_is_the_same_on_both_tiers(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    case = cfmt.parse_case(path)
    failures = crun.run_case(case, BothTiers(), rel(path))
    assert not failures, "\n".join(failures)
    COUNTS["programs"] += 1


def test_tier1_really_runs_the_conformance_programs(monkeypatch):
    """Not a vacuous comparison: the compiled contracts' functions get a tier-1 form."""
    import lang

    monkeypatch.chdir(ROOT)
    compiled = 0
    for path in RUNNABLE:
        for name in crun.contract_names(path):
            program = vm.validate(lang.compile_file(rel(path), contract=name).bytecode)
            compiled += sum(tier1.compiled(program, f) is not None for f in program.funcs)
    COUNTS["tier1_functions"] = compiled
    assert compiled >= 200


# ------------------------------------------------------------------ generated programs


@settings(max_examples=int(os.environ.get("OBELISK_TIER_EXAMPLES", "300")), deadline=None, suppress_health_check=list(HealthCheck))
@given(program=programs(), gas=st.integers(0, 5_000))
def test_generated_programs_are_the_same_on_both_tiers(program, gas):
    """Random valid programs (internal and external calls, structs, storage, events) at random and exact gas limits."""
    code, args = program
    host = MemoryHost()
    address = Address(0xC0DE)
    host.set_code(address, code.encode())
    host.set_balance(address, 10)
    host.commit()

    def run(g):
        return vm.call(host, to=address, function="f0", args=args, sender=Address(0xAAAA), gas=g)

    r = both(host, lambda: run(60_000))
    both(host, lambda: run(gas))
    if r.gas_used:
        out_of_gas_points(host, run, r.gas_used)
    COUNTS["programs"] += 1


def test_the_example_contracts_tests_are_the_same_on_both_tiers():
    """Every vm.call/vm.deploy of the examples' tests (tokens, auction, escrow, market...) through chain.Devnet,
    run on both tiers from the same state (tests/vm/tier_shadow.py); the CLI transcripts are left out (subprocesses)."""
    import re
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "tier_shadow", "examples", "-q",
         "-k", "not readme and not market_sh and not tour"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    compared = int(re.search(r"tier shadow: (\d+) calls compared", proc.stdout).group(1))
    assert compared >= 1000
    COUNTS["calls"] += compared
    COUNTS["example_calls"] = compared


def test_generated_code_reaches_only_slots_handlers_and_constants(monkeypatch):
    """No builtins; the globals are our handlers, constants and a few named helpers; the only attributes
    touched are the frame's stack, pc and context, the execution's gas, frames, allocation count, logs and
    the host's two storage methods as the execution holds them, and the context's caller, address, value
    and static flag: never an attribute of a contract's value or of the host."""
    import dis
    import lang

    from vm.instructions import HANDLERS

    monkeypatch.chdir(ROOT)
    helpers = {"tp", "int_", "MAX", "MIN", "overflow", "Fault", "FLAT", "ln", "__builtins__", "run", "CD",
               "bool_", "AD", "BY", "BEQ", "SV", "MAT"}
    seen = 0
    for path in RUNNABLE:
        for name in crun.contract_names(path):
            program = vm.validate(lang.compile_file(rel(path), contract=name).bytecode)
            for f in program.funcs:
                c = tier1.compiled(program, f)
                if c is None:
                    continue
                ns = c.run.__globals__
                assert ns["__builtins__"] == {}
                for key, value in ns.items():
                    if key.startswith("H_"):
                        assert value is HANDLERS[key[2:]]
                    else:
                        assert key in helpers or key[:1] == "A", key
                attrs = {i.argval for i in dis.get_instructions(c.code) if i.opname in ("LOAD_ATTR", "STORE_ATTR", "LOAD_METHOD")}
                assert attrs <= {"stack", "pc", "gas", "ctx", "frames", "allocated", "logs", "append", "sget", "sset", "sput",
                                 "leave", "caller", "address", "value", "static"}, attrs
                seen += 1
    assert seen >= 200


def test_the_switch_forces_tier_0():
    code = vm.assemble_text(".function 0 main() -> int locals 0 pub\nPUSH_INT 1\nRET")
    program = vm.validate(code)
    main = program.function("main")
    main.tier1 = False
    with Tier(False):
        assert vm.execute(code, "main").value == 1
    assert main.tier1 is False  # tier 0 never asked for a tier-1 form
    with Tier(True):
        assert vm.execute(code, "main").value == 1
    assert main.tier1 is not False


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.modules.setdefault("test_tiers", sys.modules["__main__"])  # one COUNTS for pytest and for us
    code = pytest.main([__file__, "-q", "-p", "no:cacheprovider"])
    print(json.dumps(COUNTS))
    sys.exit(code)
