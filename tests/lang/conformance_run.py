"""Runs a parsed conformance case against a backend; the VM and Devnet runners share it."""
from __future__ import annotations

import re
from pathlib import Path

import lang
from vm.values import Address, Struct

from conformance_format import Addr, Deployed, Sender

ROOT = Path(__file__).resolve().parents[2]


def contract_names(path: Path):
    return re.findall(r"^\s*contract\s+(\w+)", path.read_text(encoding="utf-8"), re.M)


def resolve(v, backend, deployed):
    """A format value -> the VM value to pass or compare."""
    if isinstance(v, Deployed):
        return deployed[v.name]
    if isinstance(v, Sender):
        return backend.sender_address(v.index)
    if isinstance(v, Addr):
        return Address(v.value)
    if isinstance(v, list):
        return Struct(resolve(x, backend, deployed) for x in v)
    return v


def same(got, want) -> bool:
    """Equal, and of the same type (True is not 1; an address is not its 20 bytes)."""
    if isinstance(want, Struct):
        return isinstance(got, (tuple, list)) and len(got) == len(want) and all(same(a, b) for a, b in zip(got, want))
    if isinstance(want, Address):
        return isinstance(got, Address) and bytes(got) == bytes(want)
    return type(got) is type(want) and got == want


def run_case(case, backend, shown: str) -> list:
    """Deploy every contract, run every expectation in order; returns the failures as text."""
    names = contract_names(case.path)
    target = case.contract or names[-1]
    deployed, arts = {}, {}
    for name in names:
        art = lang.compile_file(shown, contract=name)
        arts[name] = art
        args = [resolve(a, backend, deployed) for a in case.init] if name == target else []
        deployed[name] = backend.deploy(art, args)
    failures = []
    for ex in case.expects:
        c = ex.call
        name = c.target or target
        fabi = next((f for f in arts[name].abi["functions"] if f["name"] == c.function), None)
        args = [resolve(a, backend, deployed) for a in c.args]
        ok, value, reason, location, logs = backend.call(deployed[name], arts[name], fabi, c, args)
        where = f"line {ex.line}"
        if ex.kind == "reverts":
            if ok or reason != ex.reason:
                failures.append(f"{where}: expected revert {ex.reason!r}, got {'success ' + repr(value) if ok else repr(reason)}")
            elif ex.at:
                want_at = ex.at if ".contract:" in ex.at else f"{shown}:{ex.at}"
                if location != want_at:
                    failures.append(f"{where}: reverted at {location}, expected {want_at}")
            continue
        if not ok:
            failures.append(f"{where}: {c.function} failed: {reason!r} at {location}")
            continue
        if ex.kind == "value":
            want = resolve(ex.value, backend, deployed)
            if not same(value, want):
                failures.append(f"{where}: {c.function} returned {value!r}, expected {want!r}")
        elif ex.kind == "emits":
            ev_name, ev_args = ex.event
            want = [resolve(a, backend, deployed) for a in ev_args]
            if not any(n == ev_name and len(v) == len(want) and all(same(a, b) for a, b in zip(v, want)) for n, v in logs):
                failures.append(f"{where}: no event {ev_name}{tuple(want)!r} in {logs!r}")
    return failures
