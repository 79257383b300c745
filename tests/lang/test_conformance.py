"""Runs every tests/lang/conformance/*.contract through the compiler and vm.call on a MemoryHost."""
from __future__ import annotations

from pathlib import Path

import pytest

import lang
import vm
from vm.host import MemoryHost
from vm.values import Address, Struct

HERE = Path(__file__).resolve().parent


def _load_format():
    # A sibling helper module, loaded by path (the test tree is not a package).
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("conformance_format", HERE / "conformance_format.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("conformance_format", mod)
    spec.loader.exec_module(mod)
    return mod


_fmt = _load_format()
Addr, Deployed, parse_case = _fmt.Addr, _fmt.Deployed, _fmt.parse_case
ROOT = HERE.parent.parent
FILES = sorted((HERE / "conformance").glob("*.contract"))
BLOCK = vm.BlockEnv(number=7, timestamp=1_700_000_000)
GAS = 5_000_000


def sender(i: int) -> Address:
    return Address(0x1000 + i)


def to_vm(v, deployed):
    if isinstance(v, Deployed):
        return deployed[v.name]
    if isinstance(v, Addr):
        return Address(v.value)
    if isinstance(v, list):
        return Struct(to_vm(x, deployed) for x in v)
    return v


def same(got, want) -> bool:
    # bool is an int in Python: compare types too
    if isinstance(want, Struct):
        return isinstance(got, Struct) and len(got) == len(want) and all(same(a, b) for a, b in zip(got, want))
    return type(got) is type(want) and got == want


def rel(path: Path) -> str:
    return str(path.relative_to(HERE.parent.parent))


def test_there_are_enough_cases():
    n = 0
    for f in FILES:
        c = parse_case(f)
        n += len(c.expects) + len(c.errors)
    assert n >= 100, n


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_conformance(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # programs are compiled by their repo-relative path, as users give it
    case = parse_case(path)
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
    host = MemoryHost()
    for i in range(8):
        host.set_balance(sender(i), 10**30)
    names = [c for c in _contract_names(shown)]
    target = case.contract or names[-1]
    deployed, arts = {}, {}
    for i, name in enumerate(names):
        art = lang.compile_file(shown, contract=name)
        arts[name] = art
        addr = Address(0xC0DE00 + i)
        args = [to_vm(a, deployed) for a in case.init] if name == target else []
        r = vm.deploy(host, address=addr, code=art.bytecode, args=args, sender=sender(0), gas=GAS, block=BLOCK)
        assert r.success, f"deploying {name}: {r.reason} at {r.location}"
        deployed[name] = addr
    failures = []
    for ex in case.expects:
        c = ex.call
        name = c.target or target
        fabi = next((f for f in arts[name].abi["functions"] if f["name"] == c.function), None)
        static = bool(fabi and fabi["view"])
        r = vm.call(
            host,
            to=deployed[name],
            function=c.function,
            args=[to_vm(a, deployed) for a in c.args],
            sender=sender(c.sender),
            value=c.value,
            gas=GAS,
            block=BLOCK,
            static=static,
        )
        where = f"line {ex.line}"
        if ex.kind == "reverts":
            if r.success or r.reason != ex.reason:
                failures.append(f"{where}: expected revert {ex.reason!r}, got {'success ' + repr(r.value) if r.success else repr(r.reason)}")
            elif ex.at and not (r.location or "").endswith(f"{shown}:{ex.at}"):
                failures.append(f"{where}: reverted at {r.location}, expected {shown}:{ex.at}")
            continue
        if not r.success:
            failures.append(f"{where}: {c.function} failed: {r.error} {r.reason!r} at {r.location}")
            continue
        if ex.kind == "value" and not same(r.value, to_vm(ex.value, deployed)):
            failures.append(f"{where}: {c.function} returned {r.value!r}, expected {to_vm(ex.value, deployed)!r}")
        if ex.kind == "emits":
            name_, args = ex.event
            want = tuple(to_vm(a, deployed) for a in args)
            logs = [(lg.name, tuple(v for _, v in lg.fields)) for lg in r.logs]
            if not any(n == name_ and len(v) == len(want) and all(same(a, b) for a, b in zip(v, want)) for n, v in logs):
                failures.append(f"{where}: no event {name_}{want!r} in {logs!r}")
    assert not failures, "\n".join(failures)


def _contract_names(shown):
    import re

    text = Path(shown).read_text(encoding="utf-8")
    return re.findall(r"^\s*contract\s+(\w+)", text, re.M)
