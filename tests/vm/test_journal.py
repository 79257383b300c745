"""Journal properties across contracts: whatever a web of contracts calling each other does,
a failed call leaves the host exactly as it was, coin is conserved, and a static call changes nothing."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vm
from vm.asm import FunctionAsm, Instr, Label, assemble
from vm.code import PAYABLE, PUB, REENTRANT, VIEW, Event
from vm.host import MemoryHost
from vm.values import Address

ADDRS = [Address(0xA0 + i) for i in range(3)]
SENDER = Address(0x5E)
GAS = 200_000


@st.composite
def steps(draw, nfuncs):
    """One function body: effects and external calls, any of which may fail."""
    body = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["store", "emit", "transfer", "call", "call", "revert_if", "load"]))
        if kind == "store":
            body += [Instr("PUSH_CONST", bytes([draw(st.integers(0, 3))])), Instr("PUSH_INT", draw(st.integers(0, 3))),
                     Instr("SSTORE")]
        elif kind == "load":
            body += [Instr("PUSH_CONST", bytes([draw(st.integers(0, 3))])), Instr("SLOAD", 0), Instr("POP")]
        elif kind == "emit":
            body += [Instr("PUSH_INT", draw(st.integers(0, 9))), Instr("EMIT", "E")]
        elif kind == "transfer":
            body += [Instr("PUSH_CONST", int.from_bytes(draw(st.sampled_from(ADDRS + [SENDER])), "big")),
                     Instr("TO_ADDR"), Instr("PUSH_INT", draw(st.integers(-1, 40))), Instr("TRANSFER")]
        elif kind == "call":
            to = draw(st.sampled_from(ADDRS))
            body += [Instr("PUSH_CONST", int.from_bytes(to, "big")), Instr("TO_ADDR"),
                     Instr("PUSH_CONST", f"f{draw(st.integers(0, nfuncs - 1))}"), Instr("XCALL_VOID", 0)]
        else:
            body += [Instr("PUSH_CONST", bytes([draw(st.integers(0, 3))])), Instr("SLOAD", 0),
                     Instr("PUSH_INT", draw(st.integers(0, 3))), Instr("EQ"), Instr("NOT"),
                     Instr("JUMP_IF_TRUE", "ok"), Instr("PUSH_CONST", "nope"), Instr("REVERT")]
            body.append(Label("ok"))
            # one label per function: stop adding steps after it
            break
    return body + [Instr("RET")]


@st.composite
def webs(draw):
    nfuncs = 2
    codes = []
    for _ in ADDRS:
        funcs = []
        for i in range(nfuncs):
            flags = PUB | draw(st.sampled_from([0, VIEW, REENTRANT, PAYABLE, REENTRANT | PAYABLE]))
            funcs.append(FunctionAsm(f"f{i}", (), None, 0, flags, draw(steps(nfuncs))))
        codes.append(assemble("W", funcs, [Event("E", (("v", "int"),))]).encode())
    balances = [draw(st.integers(0, 50)) for _ in ADDRS]
    entry = (draw(st.sampled_from(ADDRS)), f"f{draw(st.integers(0, nfuncs - 1))}")
    return codes, balances, entry, draw(st.integers(0, 5)), draw(st.booleans())


def _host(codes, balances):
    host = MemoryHost()
    for a, c, b in zip(ADDRS, codes, balances):
        host.set_code(a, c)
        host.set_balance(a, b)
        host.set_storage(a, b"\x01", 1)
    host.set_balance(SENDER, 100)
    host.commit()
    return host


def _state(host):
    return (dict(host.code), {k: v for k, v in host.storage.items()}, dict(host.balances))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(webs())
def test_failed_calls_leave_nothing_and_coin_is_conserved(web):
    codes, balances, (to, fn), value, static = web
    host = _host(codes, balances)
    before = _state(host)
    total = sum(host.get_balance(a) for a in ADDRS + [SENDER])
    r = vm.call(host, to=to, function=fn, args=[], sender=SENDER, value=value, gas=GAS, static=static)
    assert r.reason is None or not r.reason.startswith("internal error"), r.reason
    if not r.success or static:  # a static call may read through but never write
        assert _state(host) == before and r.logs == ()
    assert sum(host.get_balance(a) for a in ADDRS + [SENDER]) == total
    again = vm.call(_host(codes, balances), to=to, function=fn, args=[], sender=SENDER, value=value, gas=GAS,
                    static=static)
    assert again == r  # deterministic
