"""The library tour (examples/library_tour.py: one process, obelisk.Devnet) runs end to end and does what it says."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_tour(*args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "examples" / "library_tour.py"), *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tour(tmp_path_factory):
    datadir = tmp_path_factory.mktemp("tour") / "data"
    proc = run_tour("--json", "--datadir", str(datadir), cwd=tmp_path_factory.mktemp("cwd"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout), datadir


def test_the_tour_succeeds_and_verifies_the_chain(tour):
    summary, datadir = tour
    assert summary["ok"] is True
    assert summary["verified"] is True
    assert summary["height"] >= len([s for s in summary["steps"] if s["status"] == "success"])
    assert summary["gas_total"] == sum(s["gas_used"] for s in summary["steps"]) > 0
    assert (datadir / "chain.sqlite3").is_file()  # --datadir keeps the chain


def test_token_balances_moved(tour):
    token = tour[0]["token"]
    assert token["balances"] == {"alice": 997_100, "bob": 2_500, "carol": 0, "dave": 400}
    assert token["supply"] == 1_000_000


def test_the_job_was_paid_to_the_agreeing_workers(tour):
    market = tour[0]["market"]
    assert market["state"] == "paid"
    assert market["paid_workers"] == ["bob", "carol"]
    assert market["slashed_workers"] == ["dave"]
    share = market["payment"] // 2
    assert market["withdrawn"] == {"bob": share + market["stake"], "carol": share + market["stake"],
                                   "alice": market["stake"]}
    assert market["market_balance"] == 0
    ledger = market["ledger"]
    for who, row in ledger.items():
        assert row["balance_change"] == row["taken_out"] - row["paid_in"] - row["gas_paid"], who
        assert row["gas_paid"] > 0
    assert ledger["dave"]["taken_out"] == 0 and ledger["dave"]["paid_in"] == market["stake"]
    assert ledger["alice"]["paid_in"] == market["payment"]
    assert len(bytes.fromhex(market["input_hash"])) == 32


def test_the_expected_attacks_were_refused(tour):
    refused = {s["reason"] for s in tour[0]["steps"] if s["status"] == "reverted"}
    assert refused == {"insufficient balance", "allowance exceeded", "reveal does not match commitment",
                       "nothing to withdraw"}
    events = {e["name"] for s in tour[0]["steps"] for e in s.get("events", [])}
    assert {"Transfer", "Approval", "JobPosted", "Committed", "Revealed", "QuorumReached",
            "WorkerPaid", "StakeForfeited", "JobPaid", "Withdrawn"} <= events


def test_a_used_datadir_is_refused(tmp_path):
    (tmp_path / "something").write_text("x")
    proc = run_tour("--datadir", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 2
    assert "not an empty directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unusable_datadir_is_refused_in_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run_tour("--datadir", str(blocker / "sub"), cwd=tmp_path)  # a path under a regular file
    assert proc.returncode == 2
    assert proc.stderr.startswith("tour: cannot use ")
    assert "Traceback" not in proc.stderr


def _tour_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("obelisk_tour", ROOT / "examples" / "library_tour.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_chain_that_fails_verification_fails_the_tour(tmp_path, monkeypatch, capsys):
    import chain

    def broken(self):
        raise chain.VerifyError("block 3: state root differs")

    monkeypatch.setattr(chain.Devnet, "verify", broken)
    tour = _tour_module()
    assert tour.main(["--json", "--datadir", str(tmp_path / "d")]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False
    assert out["error"] == "the chain failed verification: verify-failed: block 3: state root differs"


def test_a_story_that_goes_wrong_fails_the_tour(tmp_path, monkeypatch, capsys):
    # If the honest workers disagreed (here: each gets different data), no
    # quorum forms and the tour must notice, not print a happy ending.
    tour = _tour_module()
    answers = iter([b"0\n", b"1\n", b"2\n"])
    monkeypatch.setattr(tour, "run_model", lambda data: next(answers))
    assert tour.main(["--datadir", str(tmp_path / "d")]) == 1
    captured = capsys.readouterr()
    assert "tour failed" in captured.out
    assert captured.err.startswith("tour: ")
