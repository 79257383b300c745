"""Runs a VM fixture (tests/vm/fixtures/*.json): code and state in, the observed result out.

Shared by the fixture test and the tier differential test (tests/vm is on pytest's pythonpath).
"""
from __future__ import annotations

from pathlib import Path

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


# What the tier differential test compared (tests/vm/test_tiers.py prints it when run as a script).
COUNTS = {"programs": 0, "calls": 0, "out_of_gas_points": 0, "tier1_functions": 0}
