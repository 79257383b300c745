"""Sealed data files: hashes, all-or-nothing output, tampering."""
import hashlib

import pytest

from chain import seal


def test_seal_unseal_round_trip_and_hashes(tmp_path):
    src = tmp_path / "data.csv"
    src.write_bytes(b"a,b\n1,2\n" * 1000)
    r = seal.seal_file(src, "pw")
    assert r.output == tmp_path / "data.csv.sealed"
    assert r.plaintext_sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert r.sealed_sha256 == hashlib.sha256(r.output.read_bytes()).hexdigest()
    back = seal.unseal_file(r.output, "pw", tmp_path / "back.csv")
    assert (tmp_path / "back.csv").read_bytes() == src.read_bytes()
    assert back.plaintext_sha256 == r.plaintext_sha256 and back.sealed_sha256 == r.sealed_sha256


def test_wrong_passphrase_writes_nothing(tmp_path):
    src = tmp_path / "d"
    src.write_bytes(b"x" * 10)
    r = seal.seal_file(src, "pw")
    with pytest.raises(seal.WrongPassphrase):
        seal.unseal_file(r.output, "nope", tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "d.sealed"]


def test_tampered_file_writes_nothing(tmp_path):
    src = tmp_path / "d"
    src.write_bytes(b"y" * 3_000_000)  # more than one streaming chunk
    r = seal.seal_file(src, "pw")
    data = bytearray(r.output.read_bytes())
    data[-100] ^= 0x80
    r.output.write_bytes(bytes(data))
    with pytest.raises(seal.SealError, match="altered"):
        seal.unseal_file(r.output, "pw", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_existing_output_is_not_overwritten(tmp_path):
    src = tmp_path / "d"
    src.write_bytes(b"z")
    r = seal.seal_file(src, "pw")
    with pytest.raises(seal.SealError, match="already exists"):
        seal.unseal_file(r.output, "pw")  # would be ./d again
    assert src.read_bytes() == b"z"
    seal.unseal_file(r.output, "pw", overwrite=True)


def test_missing_input(tmp_path):
    with pytest.raises(seal.SealError, match="not a file"):
        seal.seal_file(tmp_path / "nope", "pw")
    assert list(tmp_path.iterdir()) == []
