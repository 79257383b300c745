"""Tier 1's fast paths against tier 0, call by call: inlined internal calls (at the frame-depth limit,
reverting inside, out of gas inside), storage and events near out-of-gas, and every gas limit of a
token transfer's last few thousand units (each compared on both tiers, as tests/vm/test_tiers.py does).
"""
from __future__ import annotations

import pytest

import lang
import vm
from vm import tier1
from vm.host import MemoryHost
from vm.values import Address

from test_tiers import both  # one comparison: result, reason, location, events, gas, state

ROOT_SENDER = Address(1)
HERE = Address(0xC0FFEE)

DEEP = """
contract Deep {
    storage seen: map[int => int];
    event Hit(depth: int, who: address);

    fn leaf(x: int) -> int {
        require(x != 7000, "seven");
        seen[x] += 1;
        emit Hit(x, msg.sender);
        return x + 1;
    }
    fn mid(x: int) -> int { return leaf(x) * 2; }
    fn rec(n: int) -> int {
        if n == 0 { return mid(n); }
        return rec(n - 1) + mid(n);
    }
    pub fn go(n: int) -> int { return rec(n); }
    pub fn once(x: int) -> int { return mid(x); }
}
"""


def _host_with(source_or_path, args=(), name=None):
    art = (lang.compile_file(source_or_path, contract=name) if str(source_or_path).endswith(".contract")
           else lang.compile_source(source_or_path))
    host = MemoryHost()
    r = vm.deploy(host, address=HERE, code=art.bytecode, args=list(args), sender=ROOT_SENDER, gas=10**9)
    assert r.success, r
    host.commit()
    return host, art


def _call(host, function, args, gas=10_000_000, static=False, sender=ROOT_SENDER):
    return lambda: vm.call(host, to=HERE, function=function, args=args, sender=sender, gas=gas, static=static)


def test_the_callees_are_inlined():
    """Not a vacuous comparison: mid and leaf join rec's and once's generated code; rec, recursive, does not."""
    _, art = _host_with(DEEP)
    program = vm.validate(art.bytecode)
    once = tier1.compiled(program, program.function("once"))
    rec = next(f for f in program.funcs if f.name == "rec")
    names = once.run.__code__.co_varnames
    assert any(n.startswith("L0_2") for n in names)  # leaf's local, two calls deep
    assert "CD" not in once.run.__globals__  # no nested Python call left
    assert "CD" in tier1.compiled(program, rec).run.__globals__


@pytest.mark.parametrize("n", [0, 1, 5, 60, 250, 251, 252, 253, 254, 255])
def test_inlined_calls_at_the_frame_depth_limit(n):
    host, _ = _host_with(DEEP)
    r = both(host, _call(host, "go", [n]))
    if n >= 253:
        assert r.error == "fault" and "call depth exceeded" in r.reason, r
    else:
        assert r.success, r


@pytest.mark.parametrize("x", [7000, 3])
def test_a_revert_inside_an_inlined_callee(x):
    host, _ = _host_with(DEEP)
    r = both(host, _call(host, "once", [x]))
    assert r.success is (x != 7000)
    if x == 7000:
        assert r.reason == "seven" and r.location.endswith(":7:9"), r


def test_storage_and_events_in_a_view_call_revert_the_same():
    host, _ = _host_with(DEEP)
    r = both(host, _call(host, "once", [3], static=True))
    assert r.error == "revert" and r.reason == "state change in a view call", r


def _every_gas_limit_below(host, run_at, used, span):
    for gas in range(max(used - span, 0), used + 1):
        snap = host.snapshot()
        r = both(host, lambda: run_at(gas))
        assert r.success is (gas >= used), (gas, r)
        host.revert_to(snap)


def test_every_gas_limit_of_an_inlined_chain_with_storage_and_an_event():
    host, _ = _host_with(DEEP)
    used = both(host, _call(host, "once", [3])).gas_used
    host.revert_to(0)
    _every_gas_limit_below(host, lambda g: _call(host, "once", [3], gas=g)(), used, used)


@pytest.mark.parametrize("receiver", [100, 101])
def test_every_gas_limit_of_a_token_transfer(receiver):
    """The benchmark's call: transfer -> move_tokens -> ownable.require_nonzero, inlined; KEY with SLOAD,
    SSTORE (a new key, then an existing one) and EMIT on their fast paths; every limit from just below
    the code's loading price (the first 5,600 units) to what the call uses."""
    host, _ = _host_with("examples/token.contract", [10**6])
    if receiver == 101:  # an existing balance: no new-key charge
        assert both(host, _call(host, "transfer", [Address(101), 5])).success
        host.commit()
    run_at = lambda g: _call(host, "transfer", [Address(receiver), 1], gas=g)()  # noqa: E731
    used = both(host, lambda: run_at(10**6)).gas_used
    host.revert_to(0)
    load = vm.gas.CODE_ACCESS + vm.gas.CODE_LOAD_PER_BYTE * len(host.get_code(HERE))
    assert used - load > 3000
    _every_gas_limit_below(host, run_at, used, used - load + 50)


@pytest.mark.parametrize("args", [[Address(0), 1], [Address(5), 0], [Address(5), 10**7], [Address(5), -1]])
def test_token_transfers_that_revert_inside_inlined_callees(args):
    host, _ = _host_with("examples/token.contract", [10**6])
    r = both(host, _call(host, "transfer", args))
    assert r.error == "revert", r


ASM = """
.contract Early
.file 0 "early.contract"
.const 0 string "no"
.function 0 main(a: int) -> int locals 1 pub
    .loc 0 1 1
    LOAD 0
    CALL 1
    RET
.function 1 inner(a: int) -> int locals 2
    .loc 0 2 1
    LOAD 0
    PUSH_INT 3
    CHECK_INDEX
    .loc 0 3 1
    PUSH_INT 1
    ADD
    PUSH_INT 2
    MUL
    PUSH_INT 5
    ADD
    RET
"""


@pytest.mark.parametrize("a", [1, 9])
def test_a_revert_in_an_inlined_run_the_gas_left_does_not_cover(a):
    """CHECK_INDEX reverts before the run's end: below the run's whole price, tier 1 builds the frames tier 0
    would have and tier 0 reverts there with the same gas left."""
    code = vm.assemble_text(ASM)
    host = MemoryHost()
    host.set_code(HERE, code.encode())
    host.commit()
    run_at = lambda g: vm.call(host, to=HERE, function="main", args=[a], sender=ROOT_SENDER, gas=g)  # noqa: E731
    used = both(host, lambda: run_at(100_000)).gas_used
    for gas in range(0, used + 40):
        r = both(host, lambda: run_at(gas))
        if a == 9 and gas >= used:
            assert r.error == "revert" and r.reason == "index out of range", r


def test_inlined_copies_are_bounded_per_program():
    """Forty callers of one 150-instruction function: the copies stop at the program's allowance (a quarter
    of its instructions plus 256) and the callers past it call instead; both ways give the same result."""
    body = "\n".join(["    PUSH_INT 1", "    POP"] * 75)
    callers = "\n".join(f".function {i} c{i}() -> int locals 0 pub\n    CALL 0\n    RET" for i in range(1, 41))
    text = f".contract Many\n.function 0 big() -> int locals 0\n{body}\n    PUSH_INT 7\n    RET\n{callers}\n"
    code = vm.assemble_text(text)
    program = vm.validate(code)
    for f in program.funcs:
        tier1.compiled(program, f)
    allowance = len(program.instrs) // tier1.INLINE_SHARE + tier1.INLINE_FLOOR
    assert 0 < program.inlined <= allowance
    direct = [f for f in program.funcs[1:] if "CD" in f.tier1.run.__globals__]
    assert 0 < len(direct) < 40
    host = MemoryHost()
    host.set_code(HERE, code.encode())
    host.commit()
    for name in ("c1", "c40"):
        assert both(host, lambda: vm.call(host, to=HERE, function=name, args=[], sender=ROOT_SENDER,
                                          gas=100_000)).value == 7


def test_a_block_that_jumps_to_itself_compiles_and_runs_out_of_gas_the_same():
    """A one-block loop is entered from the frame and from itself: it stays in the dispatch, never copied."""
    code = vm.assemble_text(".contract Spin\n.function 0 main() locals 0 pub\ntop:\n    JUMP top\n")
    program = vm.validate(code)
    assert tier1.compiled(program, program.function("main")) is not None
    host = MemoryHost()
    host.set_code(HERE, code.encode())
    host.commit()
    r = both(host, lambda: vm.call(host, to=HERE, function="main", args=[], sender=ROOT_SENDER, gas=50_000))
    assert r.error == "fault" and r.reason == "out of gas", r
