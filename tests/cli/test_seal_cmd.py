"""`obelisk seal` / `obelisk unseal`: hashes, exit codes, nothing written on failure."""
import hashlib



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
