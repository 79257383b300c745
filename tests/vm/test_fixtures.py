"""Runs every VM fixture (tests/vm/fixtures/*.json): code and state in, exact result out.

Values in JSON: ints, bools, strings and null as themselves; {"bytes": HEX},
{"address": "0x..."} and {"struct": [...]} for the rest. Storage keys are hex.
Code is disassembly text (vm.assemble_text), one line per list item.

Set OBELISK_UPDATE_GAS=1 to rewrite the fixtures' gas_used figures after a
deliberate gas-schedule change (the diff then shows every cost that moved).
"""
from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

from vm.errors import REASONS
from vm.opcodes import BY_NAME

import vm
from vm.disasm import assemble_text
from vm.host import MemoryHost
from vm.values import Address, Struct

SENDER = Address("0x000000000000000000000000000000000000aaaa")
TARGET = Address("0x000000000000000000000000000000000000cccc")


def from_json(v):
    if isinstance(v, dict):
        (kind, x), = v.items()
        if kind == "bytes":
            return bytes.fromhex(x)
        if kind == "address":
            return Address(x)
        if kind == "struct":
            return Struct(from_json(i) for i in x)
        raise ValueError(f"unknown JSON value kind {kind}")
    if isinstance(v, list):
        return [from_json(i) for i in v]
    return v


def to_json(v):
    if type(v) is Address:
        return {"address": str(v)}
    if type(v) is bytes:
        return {"bytes": v.hex()}
    if type(v) is Struct:
        return {"struct": [to_json(i) for i in v]}
    return v


def code_of(lines) -> bytes:
    text = "\n".join(lines) if isinstance(lines, list) else lines
    return assemble_text(text).encode()


def run_case(case: dict):
    """Run one fixture; returns (Result, host)."""
    host = MemoryHost()
    for addr, lines in case.get("contracts", {}).items():
        host.set_code(Address(addr), code_of(lines))
    for addr, amount in case.get("balances", {}).items():
        host.set_balance(Address(addr), amount)
    for key, value in case.get("storage", {}).items():
        host.set_storage(TARGET, bytes.fromhex(key), from_json(value))
    host.commit()
    common = dict(
        sender=Address(case.get("sender", str(SENDER))),
        value=case.get("value", 0),
        gas=case.get("gas", 100_000),
        block=vm.BlockEnv(case.get("block_number", 7), case.get("timestamp", 1_700_000_000)),
    )
    args = from_json(case.get("args", []))
    if case.get("deploy"):
        code = bytes.fromhex(case["code_hex"]) if "code_hex" in case else code_of(case["code"])
        result = vm.deploy(host, address=TARGET, code=code, args=args, **common)
    else:
        host.set_code(TARGET, code_of(case["code"]))
        host.commit()
        to = Address(case["to"]) if "to" in case else TARGET
        result = vm.call(
            host, to=to, function=case.get("function", "main"), args=args, static=case.get("static", False), **common
        )
    return result, host


def observed(case: dict, result, host) -> dict:
    """What the fixture's expect block compares, in its JSON form."""
    out = {
        "success": result.success,
        "value": to_json(result.value),
        "gas_used": result.gas_used,
        "error": result.error,
        "reason": result.reason,
        "location": result.location,
        "storage": {k.hex(): to_json(v) for (a, k), v in sorted(host.storage.items()) if a == TARGET and v is not None},
        "logs": [
            {"address": str(log.address), "name": log.name, "fields": [[n, to_json(v)] for n, v in log.fields]}
            for log in result.logs
        ],
        "balances": {a: host.get_balance(Address(a)) for a in case.get("expect", {}).get("balances", {})},
    }
    return out


HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures").glob("*.json"))
VALIDATION = HERE / "fixtures" / "validation.json"


def _cases():
    for path in FIXTURES:
        if path == VALIDATION:
            continue
        for i, case in enumerate(json.loads(path.read_text())):
            yield pytest.param(path, i, case, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("path,index,case", list(_cases()))
def test_fixture(path, index, case):
    result, host = run_case(case)
    got = observed(case, result, host)
    expect = case["expect"]
    if os.environ.get("OBELISK_UPDATE_GAS"):
        data = json.loads(path.read_text())
        data[index]["expect"]["gas_used"] = got["gas_used"]
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        expect = dict(expect, gas_used=got["gas_used"])
    assert "gas_used" in expect, "every fixture pins its gas"
    assert result.reason is None or not result.reason.startswith("internal error"), result.reason
    checked = {k: got[k] for k in expect}
    assert checked == expect
    if not result.success:
        assert result.logs == ()
        if result.error == "fault":
            assert result.gas_used == case.get("gas", 100_000)


def _all_cases():
    for path in FIXTURES:
        if path != VALIDATION:
            yield from json.loads(path.read_text())


def test_fixtures_cover_every_opcode():
    used = set()
    for case in _all_cases():
        for lines in [case.get("code", [])] + list(case.get("contracts", {}).values()):
            for line in lines:
                words = line.split(";")[0].split()
                for w in words[:2]:
                    if w in BY_NAME:
                        used.add(w)
    assert sorted(set(BY_NAME) - used) == []


def test_fixtures_cover_every_reason():
    seen = [(c["expect"].get("error"), c["expect"].get("reason") or "") for c in _all_cases()]
    missing = [
        (kind, text)
        for kind, text in REASONS
        if not any(k == kind and (r == text or (text.endswith(" ") and r.startswith(text))) for k, r in seen)
    ]
    assert missing == []


def _reason_literals():
    """The leading literal text of every Revert(...) / Fault(...) / type_error(...) in vm/."""
    root = HERE.parent.parent / "vm"
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Revert", "Fault", "type_error"):
                if not node.args:
                    continue
                arg = node.args[0]
                kind = "revert" if node.func.id == "Revert" else "fault"
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    text = arg.value
                elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                    text = arg.values[0].value
                else:
                    text = ""  # a reason computed elsewhere (REVERT's own text)
                if node.func.id == "type_error":
                    text = "type error: "
                yield path.name, kind, text


def test_every_reason_in_the_source_is_listed():
    listed = set(REASONS)
    for name, kind, text in _reason_literals():
        if text == "":
            continue
        ok = any(k == kind and (text == t or text.startswith(t)) for k, t in listed)
        assert ok, f"{name}: {kind} {text!r} is not in vm.errors.REASONS"
