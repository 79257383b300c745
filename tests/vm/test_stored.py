"""A validated program's stored form (vm/stored.py) reads back as the same program, and nothing else reads back.

Every contract of the conformance programs and the examples: the program read
from its stored form equals the validated one in every derived field; any
flipped byte of the form, another code's form, or a form read for other code
gives None (the caller validates the code instead).
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import pytest

import lang
from vm import stored
from vm.code import decode, decode_trusted

import conformance_format as cfmt  # tests/lang is on pytest's pythonpath
import conformance_run as crun

V = importlib.import_module("vm.validate")
ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for p in sorted((ROOT / "tests" / "lang" / "conformance").glob("*.contract"))
           if not cfmt.parse_case(p).errors] + sorted((ROOT / "examples").glob("*.contract"))
FIELDS = ("instrs", "index_of", "heights", "blocks", "block_gas", "func_at", "max_stack", "types", "code", "code_hash",
          "by_name")


def _codes():
    for path in SOURCES:
        for name in crun.contract_names(path):
            yield path, name


def _func(f):
    return (f.index, f.name, f.entry, f.nparams, f.nlocals, f.returns, f.flags, f.function, f.end, f.arg_fields,
            f.ret_fields)


@pytest.fixture(scope="module")
def programs():
    out = []
    for path, name in _codes():
        data = lang.compile_file(str(path), contract=name).bytecode
        out.append((f"{path.stem}:{name}", data, V.validate(data)))
    assert len(out) >= 40
    return out


def test_every_program_reads_back_from_its_stored_form_as_validated(programs):
    for label, data, p in programs:
        key = hashlib.sha256(data).digest()
        assert decode_trusted(data) == decode(data), label
        q = stored.decode(stored.encode(p), data, key)
        assert q is not None, label
        for attr in FIELDS:
            if attr == "by_name":
                assert {k: _func(f) for k, f in q.by_name.items()} == {k: _func(f) for k, f in p.by_name.items()}
            else:
                assert getattr(q, attr) == getattr(p, attr), (label, attr)
        assert [_func(f) for f in q.funcs] == [_func(f) for f in p.funcs], label


def test_no_damaged_or_foreign_form_reads_back(programs):
    label, data, p = next(x for x in programs if x[0].startswith("token:"))
    key = hashlib.sha256(data).digest()
    blob = stored.encode(p)
    for i in range(len(blob)):  # every byte, flipped
        assert stored.decode(blob[:i] + bytes([blob[i] ^ 0x01]) + blob[i + 1:], data, key) is None, i
    for cut in (0, 4, 5, 37, len(blob) - 1):
        assert stored.decode(blob[:cut], data, key) is None
    _, other_data, other = programs[0]
    assert stored.decode(stored.encode(other), data, key) is None  # another code's form
    assert stored.decode(blob, other_data, hashlib.sha256(other_data).digest()) is None  # read for other code
    assert stored.decode(None, data, key) is None


class _Programs:
    def __init__(self, rows):
        self.rows, self.asked = rows, []

    def get_program(self, h):
        self.asked.append(h)
        return self.rows.get(h)


def test_validate_takes_a_good_stored_form_and_checks_the_code_when_it_is_bad(programs, monkeypatch):
    label, data, p = next(x for x in programs if x[0].startswith("token:"))
    key = hashlib.sha256(data).digest()
    checked = []
    real = V._check
    monkeypatch.setattr(V, "_check", lambda obj, k: checked.append(k) or real(obj, k))
    for rows, want_checks in (({key: stored.encode(p)}, []), ({key: b"OBPG junk"}, [key]), ({}, [key])):
        monkeypatch.setattr(V, "_cache", V.new_cache())
        monkeypatch.setattr(V, "_recent", {})
        checked.clear()
        store = _Programs(rows)
        counted = []
        q = V.validate(data, counted.append, store)
        assert store.asked == [key] and checked == want_checks
        assert counted == [len(p.code.code)]  # the loaded code is counted the same either way
        assert q.heights == p.heights and q.blocks == p.blocks
