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

import pytest

from vm.errors import REASONS
from vm.opcodes import BY_NAME

from vm_cases import FIXTURES, HERE, VALIDATION, observed, run_case  # noqa: E402  (tests/vm is on the pythonpath)


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
