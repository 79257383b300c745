"""Deployed code's validated program is stored beside it: a fresh process runs it without checking the
code again, and a stored form that is damaged, moved or from another build is never run (vm/stored.py)."""
import hashlib
import importlib
import shutil
import sqlite3

import pytest

import chain
from chain.devnet import dev_params
from chain.store import Store
from vm import stored

V = importlib.import_module("vm.validate")


@pytest.fixture
def cold(monkeypatch):
    """Forget every program this process has validated (a restarted node); returns the keys checked from then on."""
    checked = []
    real = V._check

    def forget():
        monkeypatch.setattr(V, "_cache", V.new_cache())
        monkeypatch.setattr(V, "_recent", {})
        checked.clear()

    monkeypatch.setattr(V, "_check", lambda obj, key: checked.append(key) or real(obj, key))
    forget()
    return forget, checked


def _deployed(tmp_path, asm):
    net = chain.Devnet(datadir=tmp_path / "a")
    token = net.deploy(asm.token(), 1000, sender=net.accounts[0])
    net.close()
    return token.address


def _rows(datadir):
    """The stored programs of code deployed by transactions (not the code genesis places)."""
    placed = {hashlib.sha256(code).digest() for _, code in dev_params().code_allocations}
    db = sqlite3.connect(datadir / "chain.sqlite3")
    try:
        return {h: d for h, d in db.execute("SELECT hash, data FROM programs") if h not in placed}
    finally:
        db.close()


def _set_row(datadir, h, data):
    db = sqlite3.connect(datadir / "chain.sqlite3")
    try:
        db.execute("UPDATE programs SET data=? WHERE hash=?", (data, h))
        db.commit()
    finally:
        db.close()


def _transfer(datadir, address):
    net = chain.Devnet(datadir=datadir)
    try:
        r = net.call(address, "transfer", net.accounts[1].address, 7, sender=net.accounts[0])
        return r.status, r.gas_used, r.logs, net.call(address, "balance_of", net.accounts[1].address)
    finally:
        net.close()


def test_the_program_is_stored_when_its_code_is_deployed(tmp_path, asm):
    address = _deployed(tmp_path, asm)
    net = chain.Devnet(datadir=tmp_path / "a")
    code = net.code_at(address)
    net.close()
    rows = _rows(tmp_path / "a")
    key = hashlib.sha256(code).digest()
    assert list(rows) == [key]
    assert rows[key] == stored.encode(V.validate(code))


def test_a_restarted_node_runs_deployed_code_without_checking_it_again(tmp_path, asm, cold):
    address = _deployed(tmp_path, asm)
    forget, checked = cold
    forget()
    status, gas_used, logs, balance = _transfer(tmp_path / "a", address)
    assert status is True and balance == 7
    assert checked == []  # the stored form stood for the checks


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "empty", "another build", "another code's form"])
def test_a_damaged_stored_form_is_never_run_the_code_is_checked_again(tmp_path, asm, cold, damage):
    address = _deployed(tmp_path, asm)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    (key, good), = _rows(tmp_path / "a").items()
    forget, checked = cold
    forget()
    clean = _transfer(tmp_path / "a", address)
    assert checked == []
    bad = {
        "flipped byte": good[:-1] + bytes([good[-1] ^ 1]),
        "truncated": good[:40],
        "empty": b"",
        "another build": good[:4] + bytes([good[4] + 1]) + good[5:],
        # A good form, but of other code: its checksum names that code's hash.
        "another code's form": stored.encode(V.validate(_other_code())),
    }[damage]
    _set_row(tmp_path / "b", key, bad)
    forget()
    assert _transfer(tmp_path / "b", address) == clean  # the same receipt, from the code itself
    assert checked == [key]


def _other_code():
    from vm.asm import FunctionAsm, Instr, assemble
    from vm.code import PUB

    return assemble("Other", [FunctionAsm("f", (), "int", 0, PUB, [Instr("PUSH_INT", 1), Instr("RET")])]).encode()


def test_a_database_of_an_earlier_build_reads_without_stored_forms(tmp_path, asm, cold):
    address = _deployed(tmp_path, asm)
    db = sqlite3.connect(tmp_path / "a" / "chain.sqlite3")
    db.execute("DROP TABLE programs")
    db.commit()
    db.close()
    forget, checked = cold
    ro = Store(str(tmp_path / "a" / "chain.sqlite3"), readonly=True)  # read-only: no table is made
    try:
        assert ro.get_program(b"\x00" * 32) is None
    finally:
        ro.close()
    forget()
    status, _, _, balance = _transfer(tmp_path / "a", address)  # opened for writing: the table is made again
    assert status is True and balance == 7
    assert len(checked) == 1
