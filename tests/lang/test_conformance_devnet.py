"""The same conformance programs through chain.Devnet: compiled, deployed and called as transactions."""
from __future__ import annotations

from pathlib import Path

import pytest

import chain

# Shared helpers of the conformance tests (tests/lang is on pytest's pythonpath).
import conformance_format as fmt
import conformance_run as run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

CASES = [c for c in map(fmt.parse_case, sorted((HERE / "conformance").glob("*.contract"))) if not c.errors and not c.vm_only]


class DevnetBackend:
    def __init__(self):
        self.net = chain.Devnet()

    def sender_address(self, i):
        return self.net.accounts[i].address

    def deploy(self, art, args):
        return self.net.deploy(art, *args, sender=self.net.accounts[0]).address

    def call(self, address, art, fabi, c, args):
        fn = self.net.at(address, art).function(c.function)
        try:
            out = fn(*args, sender=self.net.accounts[c.sender], value=c.value)
        except chain.Reverted as exc:
            return False, None, exc.reason, exc.location, []
        if fabi and fabi["view"]:
            return True, out, None, None, []
        return True, out.value, None, None, [(e.name, list(e.args.values())) for e in out.logs]


@pytest.mark.parametrize("case", CASES, ids=[c.path.stem for c in CASES])
def test_conformance_on_devnet(case, monkeypatch):
    monkeypatch.chdir(ROOT)
    failures = run.run_case(case, DevnetBackend(), str(case.path.relative_to(ROOT)))
    assert not failures, "\n".join(failures)
