"""A pytest plugin (`-p tier_shadow`): every vm.call and vm.deploy runs on tier 0, then again on tier 1 from
the same state, and any difference in result, gas, reason, location, events or state changes fails the call.

tests/vm/test_tiers.py runs the example contracts' tests and the Devnet tests under it in a subprocess.
"""
from __future__ import annotations

import vm
from vm import interpreter

COMPARED = {"calls": 0}


class TierMismatch(AssertionError):
    pass


def _shadowed(real):
    def run(host, **kw):
        if kw.get("tracer") is not None:
            return real(host, **kw)  # a traced call runs on tier 0 whatever the switch says
        snap = host.snapshot()
        saved = interpreter.TIER1
        try:
            interpreter.TIER1 = False
            r0 = real(host, **kw)
            s0 = repr(host.changes())
            host.revert_to(snap)
            interpreter.TIER1 = True
            r1 = real(host, **kw)
            s1 = repr(host.changes())
        finally:
            interpreter.TIER1 = saved
        if repr(r0) != repr(r1) or s0 != s1:
            raise TierMismatch(f"tier 0 {r0!r}\ntier 1 {r1!r}\nstate 0 {s0}\nstate 1 {s1}")
        COMPARED["calls"] += 1
        return r1

    return run


def pytest_configure(config):
    vm.call = _shadowed(vm.call)
    vm.deploy = _shadowed(vm.deploy)


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"tier shadow: {COMPARED['calls']} calls compared")
