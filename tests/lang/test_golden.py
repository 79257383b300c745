"""Golden disassembly of every contract in examples/: codegen changes show up as reviewable diffs.

Regenerate after an intended change: OBELISK_UPDATE_GOLDEN=1 pytest tests/lang/test_golden.py
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import lang
import vm
from vm.code import decode

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("OBELISK_UPDATE_GOLDEN") == "1"


def _cases():
    out = []
    for path in sorted((ROOT / "examples").glob("*.contract")):
        names = re.findall(r"^\s*contract\s+(\w+)", path.read_text(encoding="utf-8"), re.M)
        for name in names:
            golden = f"{path.stem}.asm" if name == names[-1] else f"{path.stem}.{name}.asm"
            out.append(pytest.param(path, name, golden, id=golden[:-4]))
    return out


@pytest.mark.parametrize("path,contract,golden", _cases())
def test_golden_disassembly(path, contract, golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # compile by the repo-relative path, so spans read examples/NAME.contract
    art = lang.compile_file(f"examples/{path.name}", contract=contract)
    text = vm.disassemble(decode(art.bytecode))
    target = GOLDEN / golden
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert target.exists(), f"no golden file {target.name}: run with OBELISK_UPDATE_GOLDEN=1"
    assert text == target.read_text(encoding="utf-8"), f"{golden} differs: review, then regenerate with OBELISK_UPDATE_GOLDEN=1"


def test_compiling_twice_gives_the_same_bytes(monkeypatch):
    monkeypatch.chdir(ROOT)
    for path in sorted((ROOT / "examples").glob("*.contract")):
        a = lang.compile_file(f"examples/{path.name}")
        b = lang.compile_file(f"examples/{path.name}")
        assert a.bytecode == b.bytecode and a.to_json() == b.to_json()
