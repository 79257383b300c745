"""Chain commands through the CLI: accounts, send, balance, mine, block, tx, receipt, verify."""
import sqlite3

import pytest

from chain import consensus

DEV = consensus.DEV_ACCOUNT_BALANCE
ZERO_HASH = "0x" + "00" * 32


def test_accounts_lists_the_funded_dev_accounts(ob):
    doc = ob.json(["accounts"])
    assert len(doc) == consensus.DEV_ACCOUNT_COUNT
    assert all(set(a) == {"address", "balance"} and a["balance"] == DEV for a in doc)
    again = ob.json(["accounts"])  # same chain, same accounts
    assert again == doc
    human = ob.run(["accounts"])
    assert human.exit_code == 0 and doc[0]["address"] in human.stdout and "dev" in human.stdout


def test_send_persists_across_invocations(ob):
    accounts = ob.json(["accounts"])
    r = ob.json(["send", "1", "1000"])
    assert set(r) >= {"status", "value", "gas_used", "events", "reason", "location", "block", "tx"}
    assert r["status"] == "success" and r["block"] == 1 and r["events"] == [] and r["reason"] is None
    assert ob.json(["balance", accounts[1]["address"]]) == {"address": accounts[1]["address"], "balance": DEV + 1000}
    assert ob.json(["balance", "0"])["balance"] == DEV - 1000 - r["gas_used"]
    assert ob.json(["receipt", r["tx"]]) == r
    tx = ob.json(["tx", r["tx"]])
    assert tx["from"] == accounts[0]["address"] and tx["to"] == accounts[1]["address"] and tx["value"] == 1000
    human = ob.run(["receipt", r["tx"]])
    assert human.exit_code == 0 and "success" in human.stdout and r["tx"] in human.stdout


def test_send_from_another_account_and_human_view(ob):
    r = ob.run(["send", "0x" + "42" * 20, "5", "--from", "3"])
    assert r.exit_code == 0 and "status" in r.stdout and "success" in r.stdout
    assert ob.json(["balance", "0x" + "42" * 20])["balance"] == 5


@pytest.mark.parametrize(
    "args, reason",
    [
        (["send", "0x1234", "5"], "TO: an address is 0x and 40 hex digits"),
        (["send", "1", "-5"], "AMOUNT: '-5' is out of range"),
        (["send", "1", "five"], "AMOUNT: expected an integer"),
        (["send", "1", "5", "--from", "10"], "--from 10: there are 10 dev accounts"),
        (["send", "1", "5", "--from", "0x" + "77" * 20], "not a dev account and not in the keystore"),
        (["send", "1", str(DEV * 2)], "transaction rejected: tx-insufficient-funds"),
        (["balance", "12345"], "ADDRESS 12345: there are 10 dev accounts"),
        (["balance", "123456"], "ADDRESS: expected a dev account index or a 0x address, got '123456'"),
        (["send", "-1", "5"], "TO: expected a dev account index or a 0x address, got '-1'"),
        (["send", "1", "5", "--from", "me"], "--from: expected a dev account index or a 0x address"),
        (["block", str(2**63)], "N: '9223372036854775808' is out of range"),
        (["block", "99"], "no block 99"),
        (["block", "x"], "N: expected an integer"),
        (["mine", "0"], "N: '0' is out of range"),
        (["tx", ZERO_HASH], "no transaction"),
        (["receipt", ZERO_HASH], "no transaction"),
        (["receipt", "0x1234"], "a hash is 0x and 64 hex digits"),
        (["tx", "nothex"], "0x-prefixed hex"),
        (["call", "0x" + "42" * 20, "f"], "no contract at"),
    ],
)
def test_bad_input_exits_2_with_one_line(ob, args, reason):
    assert ob.run(["accounts"]).exit_code == 0  # the chain exists (reading commands do not create one)
    r = ob.run(args)
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and reason in r.stderr, r.stderr
    assert ob.json(args, expect_code=2)["error"] in r.stderr


def test_mine_and_block(ob):
    doc = ob.json(["mine", "3"])
    assert doc["mined"] == 3 and doc["height"] == 3
    head = ob.json(["block"])
    assert head["number"] == 3 and head["hash"] == doc["hash"] and head["transactions"] == []
    assert ob.json(["block", "-1"]) == head
    genesis = ob.json(["block", "0"])
    assert genesis["number"] == 0 and ob.json(["block", "1"])["parent"] == genesis["hash"]
    human = ob.run(["block", "2"])
    assert human.exit_code == 0 and "state root" in human.stdout


def test_verify_honest_then_tampered(ob):
    ob.json(["send", "1", "1"])
    ob.json(["mine", "2"])
    assert ob.json(["verify"]) == {"valid": True, "height": 3}
    db = sqlite3.connect(ob.datadir / "chain.sqlite3")
    with db:
        db.execute("UPDATE receipts SET data = X'00'")
    db.close()
    r = ob.run(["verify"])
    assert r.exit_code == 1 and "verification failed" in r.stderr
    doc = ob.json(["verify"], expect_code=1)
    assert doc["valid"] is False and doc["height"] == 3 and doc["error"]


def test_datadir_that_is_a_file(ob, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = ob.run(["--datadir", f, "accounts"], datadir=False)
    assert r.exit_code == 2 and "bad datadir" in r.stderr and "not a directory" in r.stderr


def test_datadir_with_a_junk_database(ob, tmp_path):
    d = tmp_path / "junkdata"
    d.mkdir()
    (d / "chain.sqlite3").write_bytes(b"this is not a database" * 100)
    r = ob.run(["accounts", "--datadir", d], datadir=False)
    assert r.exit_code == 2 and "bad datadir" in r.stderr


def test_datadir_from_environment(ob, tmp_path):
    env = {"OBELISK_DATADIR": str(tmp_path / "envdata")}
    assert ob.json(["send", "2", "7"], env=env, datadir=False)["status"] == "success"
    assert (tmp_path / "envdata" / "chain.sqlite3").is_file()
    assert ob.json(["balance", "2"], env=env, datadir=False)["balance"] == DEV + 7


def test_human_views(ob):
    sent = ob.json(["send", "1", "5"])
    mined = ob.run(["mine", "2"])
    assert mined.exit_code == 0 and mined.stdout.startswith("mined 2 blocks; height 3, head 0x")
    assert mined.stderr == ""  # no progress line off a terminal
    balance = ob.run(["balance", "1"])
    assert balance.stdout == f"{DEV + 5}\n"
    tx = ob.run(["tx", sent["tx"]])
    assert tx.exit_code == 0
    fields = dict(line.split(None, 1) for line in tx.stdout.splitlines())
    assert fields["hash"] == sent["tx"] and fields["value"] == "5" and fields["status"] == "mined"
    verify = ob.run(["verify"])
    assert verify.exit_code == 0 and verify.stdout.startswith("valid: every block from genesis to height 3")


def test_an_empty_datadir_name_is_refused_not_taken_as_the_default(ob, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = ob.run(["balance", "0", "--datadir", ""], datadir=False)
    assert r.exit_code == 2 and r.stderr == "obelisk: error: --datadir: empty directory name\n"
    assert not (tmp_path / ".obelisk").exists()


def test_block_by_hash_as_the_library_does(ob):
    sent = ob.json(["send", "1", "5"])
    tx = ob.json(["tx", sent["tx"]])
    by_hash = ob.json(["block", tx["block_hash"]])
    assert by_hash == ob.json(["block", str(sent["block"])]) and sent["tx"] in by_hash["transactions"]
    r = ob.run(["block", "0x" + "ab" * 32])
    assert r.exit_code == 2 and r.stderr == f"obelisk: error: no block 0x{'ab' * 32} on this chain\n"
    r = ob.run(["block", "0x" + "zz" * 32])
    assert r.exit_code == 2 and "is not hex" in r.stderr


def test_mine_on_several_processes_finds_the_blocks_one_process_finds(ob, tmp_path):
    other = ["--datadir", str(tmp_path / "other")]
    one = ob.json(["mine", "3"])
    two = ob.json(["mine", "3", "--threads", "2", *other], datadir=False)
    assert one == two and two["height"] == 3
    assert ob.json(["verify", *other], datadir=False)["valid"] is True
