"""`obelisk seal` / `obelisk unseal`: hashes, exit codes, nothing written on failure."""
import hashlib

import pytest



def test_seal_then_unseal(ob, tmp_path):
    data = tmp_path / "report.csv"
    data.write_bytes(b"id,score\n1,99\n")
    doc = ob.json(["seal", str(data)], passphrase="s3cret")
    sealed = tmp_path / "report.csv.sealed"
    assert doc == {
        "output": str(sealed),
        "plaintext_sha256": "0x" + hashlib.sha256(data.read_bytes()).hexdigest(),
        "sealed_sha256": "0x" + hashlib.sha256(sealed.read_bytes()).hexdigest(),
        "size": 14,
    }
    out = tmp_path / "back.csv"
    back = ob.json(["unseal", str(sealed), "-o", str(out)], passphrase="s3cret")
    assert out.read_bytes() == data.read_bytes()
    assert back["plaintext_sha256"] == doc["plaintext_sha256"] and back["output"] == str(out)


def test_human_output_names_both_hashes(ob, tmp_path):
    data = tmp_path / "d.bin"
    data.write_bytes(b"\x00" * 10)
    r = ob.run(["seal", str(data), "-o", str(tmp_path / "x")], passphrase="pw")
    assert r.exit_code == 0
    assert "plaintext sha256: 0x" + hashlib.sha256(b"\x00" * 10).hexdigest() in r.stdout
    assert "sealed sha256:" in r.stdout


def test_wrong_passphrase_exit_2_nothing_written(ob, tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"abc")
    ob.json(["seal", str(data)], passphrase="right")
    r = ob.run(["unseal", str(tmp_path / "d.sealed"), "-o", str(tmp_path / "out")], passphrase="wrong")
    assert r.exit_code == 2
    assert r.stderr.strip() == "obelisk: error: wrong passphrase"
    assert not (tmp_path / "out").exists()


def test_tampered_file_exit_2_nothing_written(ob, tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"some important data")
    ob.json(["seal", str(data)], passphrase="pw")
    sealed = tmp_path / "d.sealed"
    raw = bytearray(sealed.read_bytes())
    raw[60] ^= 4
    sealed.write_bytes(bytes(raw))
    doc = ob.json(["unseal", str(sealed), "-o", str(tmp_path / "out")], expect_code=2, passphrase="pw")
    assert "altered" in doc["error"]
    assert not (tmp_path / "out").exists()


def test_not_a_sealed_file(ob, tmp_path):
    junk = tmp_path / "junk"
    junk.write_bytes(b"hello")
    r = ob.run(["unseal", str(junk)], passphrase="pw")
    assert r.exit_code == 2 and "too short to be a sealed box" in r.stderr


def test_no_passphrase_without_terminal(ob, tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"abc")
    r = ob.run(["seal", str(data)])
    assert r.exit_code == 2
    assert "OBELISK_PASSPHRASE" in r.stderr
    assert not (tmp_path / "d.sealed").exists()


def test_existing_output_needs_force(ob, tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"abc")
    ob.json(["seal", str(data)], passphrase="pw")
    r = ob.run(["unseal", str(tmp_path / "d.sealed")], passphrase="pw")
    assert r.exit_code == 2 and "already exists" in r.stderr
    assert ob.run(["unseal", str(tmp_path / "d.sealed"), "--force"], passphrase="pw").exit_code == 0


def test_missing_file(ob, tmp_path):
    r = ob.run(["seal", str(tmp_path / "nope")], passphrase="pw")
    assert r.exit_code == 2 and r.stderr.strip().endswith("no such file")


def _flip(i):
    def change(raw):
        raw[i] ^= 1
        return raw
    return change


def _set(i, value):
    def change(raw):
        raw[i] = value
        return raw
    return change


# How a sealed file was damaged or crafted -> the one-line reason the command gives.
DAMAGE = [
    ("truncated by one byte", lambda raw: raw[:-1], "authentication failed"),
    ("extended by one byte", lambda raw: raw + b"x", "authentication failed"),
    ("cut inside the header", lambda raw: raw[:40], "too short to be a sealed box"),
    ("ciphertext bit", _flip(60), "authentication failed"),
    ("tag bit", lambda raw: _flip(len(raw) - 1)(raw), "authentication failed"),
    ("nonce bit", _flip(40), "authentication failed"),
    ("magic", _flip(0), "bad magic"),
    ("version", _set(8, 2), "unsupported box version 2"),
    ("kind: a key box", _set(9, 1), "different kind of secret"),
    ("cost: 2**30 scrypt", _set(10, 30), "scrypt parameters out of range"),
    ("cost: 4 GiB of memory", lambda raw: _set(11, 16)(_set(10, 20)(raw)), "more than 256 MiB"),
    ("cost: p = 255", _set(12, 255), "scrypt parameters out of range"),
    ("salt bit", _flip(20), "wrong passphrase"),  # the passphrase check is derived with the salt
]


@pytest.mark.parametrize("what, change, reason", DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damaged_or_crafted_sealed_files(ob, tmp_path, what, change, reason):
    data = tmp_path / "d"
    data.write_bytes(b"the bid is 42; nonce 8f1c")
    ob.json(["seal", data], passphrase="pw")
    sealed = tmp_path / "d.sealed"
    sealed.write_bytes(bytes(change(bytearray(sealed.read_bytes()))))
    before = sorted(p.name for p in tmp_path.iterdir())
    r = ob.run(["unseal", sealed, "-o", tmp_path / "out"], passphrase="pw")
    assert r.exit_code == 2 and r.stdout == "" and r.stderr.count("\n") == 1 and reason in r.stderr, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output, no temporary left behind
