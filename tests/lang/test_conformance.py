"""Runs every tests/lang/conformance/*.contract: compile errors as expected, and every call through vm.call."""
from __future__ import annotations

from pathlib import Path

import pytest

import lang
import vm
from vm.host import MemoryHost
from vm.values import Address

# Shared helpers of the conformance tests (tests/lang is on pytest's pythonpath).
import conformance_format as fmt
import conformance_run as run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

FILES = sorted((HERE / "conformance").glob("*.contract"))
BLOCK = vm.BlockEnv(number=7, timestamp=1_700_000_000)
GAS = 5_000_000


class VmBackend:
    """Every contract on one MemoryHost; calls through vm.call (views in static mode)."""

    def __init__(self):
        self.host = MemoryHost()
        self.n = 0
        for i in range(8):
            self.host.set_balance(self.sender_address(i), 10**30)

    def sender_address(self, i):
        return Address(0x1000 + i)

    def deploy(self, art, args):
        self.n += 1
        addr = Address(0xC0DE00 + self.n)
        r = vm.deploy(self.host, address=addr, code=art.bytecode, args=args, sender=self.sender_address(0), gas=GAS, block=BLOCK)
        assert r.success, f"deploying {art.name}: {r.reason} at {r.location}"
        return addr

    def call(self, address, art, fabi, c, args):
        r = vm.call(
            self.host, to=address, function=c.function, args=args, sender=self.sender_address(c.sender),
            value=c.value, gas=GAS, block=BLOCK, static=bool(fabi and fabi["view"]),
        )
        logs = [(lg.name, [v for _, v in lg.fields]) for lg in r.logs]
        return r.success, r.value, r.reason, r.location, logs


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_are_enough_cases():
    n = sum(len(c.expects) + len(c.errors) for c in map(fmt.parse_case, FILES))
    assert n >= 100, n


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_conformance(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # programs are compiled by their repo-relative path, as users give it
    case = fmt.parse_case(path)
    shown = rel(path)
    if case.errors:
        with pytest.raises(lang.CompileError) as info:
            lang.compile_file(shown, contract=case.contract)
        got = [(f"{e.line}:{e.column}" if e.file == shown else f"{e.file}:{e.line}:{e.column}", e.message) for e in info.value.errors]
        missing = [x for x in case.errors if not any(w == x.where and x.message in m for w, m in got)]
        assert not missing, f"expected errors not reported: {[(x.where, x.message) for x in missing]}\ngot: {got}"
        assert len(got) == len(case.errors), f"unexpected extra errors: {got}"
        assert "Traceback" not in str(info.value)
        return
    failures = run.run_case(case, VmBackend(), shown)
    assert not failures, "\n".join(failures)
