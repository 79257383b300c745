"""`accounts new` and keystore accounts as --from: passphrases, listing, wrong passphrase."""
import json


def test_new_account_is_listed_and_can_send(ob):
    made = ob.json(["accounts", "new"], passphrase="hunter2")
    address = made["address"]
    assert made["file"].endswith(f"keystore/{address}.json")
    stored = json.loads(open(made["file"]).read())
    assert stored["address"] == address and "hunter2" not in open(made["file"]).read()
    listed = ob.json(["accounts"])
    assert listed[-1] == {"address": address, "balance": 0}
    ob.json(["send", address, "1000000"])
    r = ob.json(["send", "1", "100", "--from", address], passphrase="hunter2")
    assert r["status"] == "success"
    assert ob.json(["balance", address])["balance"] == 1000000 - 100 - r["gas_used"]


def test_wrong_passphrase_exit_2_and_nothing_sent(ob):
    address = ob.json(["accounts", "new"], passphrase="right")["address"]
    ob.json(["send", address, "1000000"])
    r = ob.run(["send", "1", "100", "--from", address], passphrase="wrong")
    assert r.exit_code == 2 and r.stderr.strip() == "obelisk: error: wrong passphrase"
    assert ob.json(["balance", address])["balance"] == 1000000
    assert ob.json(["block"])["number"] == 1


def test_no_passphrase_and_no_terminal(ob):
    address = ob.json(["accounts", "new"], passphrase="pw")["address"]
    r = ob.run(["send", "1", "1", "--from", address])
    assert r.exit_code == 2 and "OBELISK_PASSPHRASE" in r.stderr


def test_new_account_needs_a_passphrase(ob):
    r = ob.run(["accounts", "new"])
    assert r.exit_code == 2 and "OBELISK_PASSPHRASE" in r.stderr
    r = ob.run(["accounts", "new"], passphrase="")
    assert r.exit_code == 2 and "empty" in r.stderr


def test_human_accounts_new_prints_the_address(ob):
    r = ob.run(["accounts", "new"], passphrase="pw")
    assert r.exit_code == 0
    first = r.stdout.splitlines()[0]
    assert first.startswith("0x") and len(first) == 42


def test_a_directory_named_like_a_key_is_not_listed(ob):
    ob.json(["accounts"])
    (ob.datadir / "keystore" / f"0x{'ab' * 20}.json").mkdir(parents=True)
    assert len(ob.json(["accounts"])) == 10  # --from would call it "not in the keystore" too
    r = ob.run(["send", "1", "1", "--from", f"0x{'ab' * 20}"], passphrase="pw")
    assert r.exit_code == 2 and "not in the keystore" in r.stderr


def test_a_keystore_that_is_a_file_is_a_bad_datadir(ob):
    ob.datadir.mkdir(parents=True)
    (ob.datadir / "keystore").write_text("not a directory")
    r = ob.run(["accounts", "new"], passphrase="pw")
    assert r.exit_code == 2 and r.stderr == f"obelisk: error: bad datadir {ob.datadir}: {ob.datadir / 'keystore'} is not a directory\n"
    assert (ob.datadir / "keystore").read_text() == "not a directory"


def test_an_unreadable_keystore_is_a_bad_datadir(ob, monkeypatch):
    import os

    ob.json(["accounts", "new"], passphrase="pw")
    real = os.listdir

    def listdir(path):
        if str(path).endswith("keystore"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    r = ob.run(["accounts"])
    assert r.exit_code == 2 and r.stderr == f"obelisk: error: bad datadir {ob.datadir}: cannot list the keystore: Permission denied\n"
