"""Code loading is priced as access plus bytes read (docs/vm.md "Code loading"): a market call's gas is its work,
and a data directory built under the older schedule is refused, not misread."""
from __future__ import annotations

import hashlib
import importlib
import sqlite3
from pathlib import Path

from click.testing import CliRunner

import lang
import vm
from obelisk.cli import cli
from vm import gas as G
from vm.host import MemoryHost
from vm.values import Address

ROOT = Path(__file__).parents[2]
MARKET, ALICE = Address(0xC0FFEE), Address(1)


def _post_job(host):
    return vm.call(host, to=MARKET, function="post_job", args=[hashlib.sha256(b"in").digest(), 3, 2, 50, 20, 20],
                   sender=ALICE, value=1_000, gas=10_000_000)


def test_a_market_calls_gas_is_mostly_its_work_and_the_same_cold_or_warm(monkeypatch):
    code = lang.compile_file(str(ROOT / "examples" / "compute_market.contract")).bytecode
    hosts = [MemoryHost(), MemoryHost()]  # one state twice: one call on each
    for host in hosts:
        host.set_balance(ALICE, 10**24)
        assert vm.deploy(host, address=MARKET, code=code, args=[], sender=ALICE, gas=10**9).success
    V = importlib.import_module("vm.validate")
    monkeypatch.setattr(V, "_cache", V.new_cache())  # the first call finds nothing cached
    cold, warm = _post_job(hosts[0]), _post_job(hosts[1])
    assert cold.success and warm.success
    load = G.CODE_ACCESS + G.CODE_LOAD_PER_BYTE * len(code)
    # Its work dominates: loading 15 KiB of market code is ~36% of post_job (17,825 of 49,137),
    # where it was 100,756 of 129,863 (78%) under the per-byte validation schedule.
    assert load < cold.gas_used / 2
    assert cold.gas_used == warm.gas_used  # whatever the cache held


def test_a_data_directory_of_the_older_schedule_is_refused_clearly(tmp_path):
    datadir = tmp_path / "old"
    assert CliRunner().invoke(cli, ["--datadir", str(datadir), "accounts"]).exit_code == 0  # makes the chain
    db = sqlite3.connect(datadir / "chain.sqlite3")
    db.execute("UPDATE meta SET value=1 WHERE key='store_version'")  # what a build before this schedule wrote
    db.commit()
    db.close()
    r = CliRunner().invoke(cli, ["--datadir", str(datadir), "balance", "0"])
    assert r.exit_code == 2
    assert "data directory has store format 1; this build reads 2" in r.output
