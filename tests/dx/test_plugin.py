"""The pytest plugin as a user meets it: pytest run in a fresh project, fixtures isolated by snapshot,
gas report and snapshot, the trace of a failing transaction."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

ISOLATION_TESTS = '''
import pytest
from obelisk.testing import reverts

@pytest.fixture(scope="module")
def token(devnet):
    return devnet.deploy("token.contract", 1000)

def test_a_sends(token, accounts):
    token.transfer(accounts[1].address, 10)
    assert token.balance_of(accounts[1].address) == 10

def test_b_does_not_see_a(token, accounts, devnet):
    assert token.balance_of(accounts[1].address) == 0   # test_a's transfer was rolled back
    assert devnet.height == 1                            # only the module fixture's deployment is left

def test_c_reverts(token, accounts):
    with reverts("insufficient balance", location="token.contract:133"):
        token.transfer(accounts[1].address, 10**6)
'''

OTHER_MODULE = '''
def test_next_module_starts_clean(devnet):
    assert devnet.height == 0
'''

FAILING = '''
def test_fails_on_a_revert(devnet, accounts):
    token = devnet.deploy("token.contract", 1000)
    token.transfer(accounts[1].address, 10**6)
'''

MISMATCH = '''
from obelisk.testing import reverts

def test_wrong_reason(devnet, accounts):
    token = devnet.deploy("token.contract", 1000)
    with reverts("zero address"):
        token.transfer(accounts[1].address, 10**6)

def test_no_revert(devnet, accounts):
    token = devnet.deploy("token.contract", 1000)
    with reverts():
        token.transfer(accounts[1].address, 1)
'''


def run_pytest(project: Path, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
                          cwd=project, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def project(tmp_path):
    shutil.copy(EXAMPLES / "token.contract", tmp_path)
    (tmp_path / "test_isolation.py").write_text(ISOLATION_TESTS)
    (tmp_path / "test_zz_other.py").write_text(OTHER_MODULE)
    return tmp_path


def test_fixtures_roll_back_each_test_and_keep_module_state(project):
    res = run_pytest(project)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "4 passed" in res.stdout


def test_gas_report_and_snapshot(project):
    res = run_pytest(project, "--gas-report", "--gas-snapshot", "gas.txt")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "obelisk gas report" in res.stdout
    lines = (project / "gas.txt").read_text().splitlines()
    assert lines == sorted(lines)
    transfer = next(line for line in lines if line.startswith("Token.transfer "))
    assert transfer.startswith("Token.transfer (calls: 2, min: ")
    assert any(line.startswith("Token.(deploy) (calls: 1, ") for line in lines)
    # Same code, same gas: the check passes; a changed figure fails the run and shows the difference.
    res = run_pytest(project, "--gas-snapshot", "gas.txt")
    assert res.returncode == 0 and "matches" in res.stdout, res.stdout
    (project / "gas.txt").write_text("\n".join(lines).replace("calls: 2, min: ", "calls: 2, min: 1") + "\n")
    res = run_pytest(project, "--gas-snapshot", "gas.txt")
    assert res.returncode == 1, res.stdout
    assert "differs" in res.stdout and "\n- Token.transfer (calls: 2, min: 1" in res.stdout
    res = run_pytest(project, "--gas-snapshot", "gas.txt", "--update-gas-snapshot")
    assert res.returncode == 0 and (project / "gas.txt").read_text().splitlines() == lines


def test_a_failing_transaction_prints_its_trace(project):
    (project / "test_failing.py").write_text(FAILING)
    res = run_pytest(project, "test_failing.py")
    assert res.returncode == 1
    assert "obelisk trace of the reverted transaction" in res.stdout
    assert "REVERTED: insufficient balance at token.contract:133:9" in res.stdout


def test_reverts_says_what_happened_instead(project):
    (project / "test_mismatch.py").write_text(MISMATCH)
    res = run_pytest(project, "test_mismatch.py")
    assert res.returncode == 1
    assert ("expected a revert with reason 'zero address', but it reverted with reason 'insufficient balance'"
            in res.stdout)
    assert "expected a revert (any reason), but the block finished without reverting" in res.stdout


def test_no_snapshot_is_written_from_a_failing_run(project):
    (project / "test_failing.py").write_text(FAILING)
    res = run_pytest(project, "--gas-snapshot", "gas.txt")
    assert res.returncode == 1
    assert "not written: tests failed" in res.stdout and not (project / "gas.txt").exists()


FAILING_VIEW = '''
def test_fails_on_a_view(devnet):
    bank = devnet.deploy("pair.contract", contract="Bank")
    teller = devnet.deploy("pair.contract", bank.address, contract="Teller")
    teller.limit()
'''


def test_a_failing_view_call_prints_its_trace(project):
    shutil.copy(Path(__file__).resolve().parent / "data" / "pair.contract", project)
    (project / "test_view.py").write_text(FAILING_VIEW)
    res = run_pytest(project, "test_view.py")
    assert res.returncode == 1
    assert "obelisk trace of the reverted view call" in res.stdout
    assert "Bank.limit_of(who=0x" in res.stdout and "REVERTED: no account at pair.contract:18:9" in res.stdout
