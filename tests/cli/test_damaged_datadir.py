"""A data directory damaged on disk: every command stops with exit 2 and one line naming
the datadir (never an 'internal error'); `verify` finds every damaged row (exit 1)."""
import shutil
import sqlite3
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

# SQL that damages one kind of stored row, and commands that must then read it.
DAMAGE = {
    "code bytes": ("UPDATE code SET data = X'00'", [["call", "{addr}", "where"], ["disasm", "{addr}"],
                                                    ["call", "{addr}", "move", "[1,2]", "x"]]),
    "trie nodes missing": ("DELETE FROM nodes", [["balance", "0"], ["accounts"], ["call", "{addr}", "where"],
                                                 ["send", "1", "5"]]),
    "trie node bytes": ("UPDATE nodes SET data = data || X'00'", [["balance", "0"], ["accounts"]]),
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    """A chain holding one deployed contract, built once; each test damages a copy."""
    from tests.cli.conftest import Obelisk

    ob = Obelisk(tmp_path_factory.mktemp("healthy") / "chaindata")
    addr = ob.json(["deploy", DATA / "shapes.contract", "[1,2]"])["address"]
    return ob.datadir, addr


def _damaged_copy(healthy, tmp_path, sql):
    src, addr = healthy
    datadir = tmp_path / "damaged"
    shutil.copytree(src, datadir)
    db = sqlite3.connect(datadir / "chain.sqlite3")
    with db:
        db.execute(sql)
    db.close()
    return datadir, addr


@pytest.mark.parametrize("what", sorted(DAMAGE))
def test_damaged_rows_are_a_bad_datadir(healthy, tmp_path, what):
    from tests.cli.conftest import Obelisk

    sql, commands = DAMAGE[what]
    datadir, addr = _damaged_copy(healthy, tmp_path, sql)
    ob = Obelisk(datadir)
    for args in commands:
        args = [a.format(addr=addr) for a in args]
        r = ob.run(args)
        assert r.exit_code == 2, (args, r.output)
        assert r.stderr.startswith(f"obelisk: error: bad datadir {datadir}: ") and r.stderr.count("\n") == 1, r.stderr
        assert "internal error" not in r.stderr and r.stdout == ""
        assert ob.json(args, expect_code=2)["error"].startswith("bad datadir")
    assert ob.run(["verify"]).exit_code == 1


@pytest.mark.parametrize("schema", [
    "CREATE TABLE t (x)",  # somebody's own database under our file name
    "CREATE TABLE blocks (x)",  # one of our names, not our layout
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL); CREATE TABLE notes (x)",
])
def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path, schema):
    from tests.cli.conftest import Obelisk

    datadir = tmp_path / "foreign"
    datadir.mkdir()
    db = sqlite3.connect(datadir / "chain.sqlite3")
    db.executescript(schema)
    db.close()
    before = (datadir / "chain.sqlite3").read_bytes()
    ob = Obelisk(datadir)
    for args in (["balance", "0"], ["accounts"], ["verify"]):
        r = ob.run(args)
        assert r.exit_code == 2 and "is not an Obelisk chain database" in r.stderr, r.output
    assert (datadir / "chain.sqlite3").read_bytes() == before
    assert sorted(p.name for p in datadir.iterdir()) == ["chain.sqlite3"]


@pytest.mark.parametrize("table", ["code", "nodes"])
def test_verify_finds_a_flipped_bit_in_every_copy_of_a_key(healthy, tmp_path, table):
    """A key is stored twice (the row and its index entry); SQLite answers some queries
    from the index alone, so a flip in either copy must still fail verify."""
    from tests.cli.conftest import Obelisk

    src, _ = healthy
    db = sqlite3.connect(src / "chain.sqlite3")
    (key,) = db.execute(f"SELECT hash FROM {table} ORDER BY hash LIMIT 1").fetchone()
    db.close()
    raw = (src / "chain.sqlite3").read_bytes()
    offsets = [i for i in range(len(raw)) if raw.startswith(key, i)]
    assert len(offsets) >= 2  # the row and the index entry at least
    for n, offset in enumerate(offsets):
        datadir = tmp_path / f"flip{n}"
        datadir.mkdir()
        damaged = bytearray(raw)
        damaged[offset + 7] ^= 0x10
        (datadir / "chain.sqlite3").write_bytes(bytes(damaged))
        r = Obelisk(datadir).run(["verify", "--json"])
        assert r.exit_code in (1, 2), (offset, r.output)
        assert r.exit_code == 2 or '"valid": false' in r.stdout
