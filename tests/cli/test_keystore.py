"""The keystore: encrypted key files named by address."""
import json

import pytest

from chain import keystore as ks
from chain.keys import PrivateKey


def test_create_load_and_list(tmp_path):
    store = ks.Keystore(tmp_path / "keystore")
    assert store.addresses() == []
    a = store.create("pw")
    b = store.create("pw2")
    assert store.addresses() == sorted([a, b], key=bytes)
    assert PrivateKey(store.load(a, "pw")).address == a
    assert (tmp_path / "keystore" / f"{a}.json").is_file()
    assert (tmp_path / "keystore" / f"{a}.json").stat().st_mode & 0o077 == 0


def test_wrong_passphrase(tmp_path):
    store = ks.Keystore(tmp_path)
    a = store.create("right")
    with pytest.raises(ks.WrongPassphrase, match="wrong passphrase"):
        store.load(a, "wrong")


def test_box_moved_under_another_address_does_not_open(tmp_path):
    store = ks.Keystore(tmp_path)
    a, b = store.create("pw"), store.create("pw")
    doc_a = json.loads(store.path_of(a).read_text())
    doc_b = json.loads(store.path_of(b).read_text())
    doc_b["box"] = doc_a["box"]
    store.path_of(b).write_text(json.dumps(doc_b))
    with pytest.raises(ks.KeystoreError):
        store.load(b, "pw")


@pytest.mark.parametrize("content", ["", "{", "[]", '{"version": 2}', "x" * 20000, '{"version":1,"address":"0x","box":"zz"}'])
def test_malformed_files_are_clean_errors(tmp_path, content):
    store = ks.Keystore(tmp_path)
    a = store.create("pw")
    doc = json.loads(store.path_of(a).read_text())
    store.path_of(a).write_text(content)
    with pytest.raises(ks.KeystoreError):
        store.load(a, "pw")
    if content.startswith('{"version":1'):
        doc["box"] = doc["box"][:-2] + ("00" if doc["box"][-2:] != "00" else "01")
        store.path_of(a).write_text(json.dumps(doc))
        with pytest.raises(ks.KeystoreError):
            store.load(a, "pw")


def test_import_refuses_to_overwrite(tmp_path):
    store = ks.Keystore(tmp_path)
    seed = bytes(range(32))
    a = store.store(seed, "pw")
    with pytest.raises(ks.KeystoreError, match="already"):
        store.store(seed, "other")
    assert store.load(a, "pw") == seed


@pytest.mark.parametrize("target", ["fifo", "/proc/self/status", "/dev/zero", "dir"])
def test_a_key_file_that_is_not_a_regular_file_is_never_read(tmp_path, target):
    """A data directory may come from anyone (./.obelisk in a cloned repository): a key
    file linked to a FIFO or a pseudo-file (/proc/kmsg would block forever) is refused."""
    import os

    store = ks.Keystore(tmp_path / "keystore")
    a = store.create("pw")
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = tmp_path / "fifo"
    elif target == "dir":
        target = tmp_path
    store.path_of(a).unlink()
    store.path_of(a).symlink_to(target)
    with pytest.raises(ks.KeystoreError, match="not a regular file|cannot read"):
        store.load(a, "pw")
