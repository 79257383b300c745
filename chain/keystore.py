"""Account keys encrypted at rest: one JSON file per address in DATADIR/keystore/.

A file is {"version": 1, "address": "0x...", "box": HEX}, where the box is the
Ed25519 seed sealed by chain.secretbox (scrypt + AES-256-GCM) with the address
as associated data, so a box moved under another address does not open.
"""
from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from vm.values import Address

from . import secretbox

FORMAT_VERSION = 1
SEED_SIZE = 32
# A keystore file is a few hundred bytes; anything much larger is not one of ours.
MAX_FILE_SIZE = 16 * 1024
_NAME = re.compile(r"^0x[0-9a-f]{40}\.json$")


class KeystoreError(ValueError):
    """A missing, malformed or unopenable keystore entry."""


class WrongPassphrase(KeystoreError):
    pass


def address_of_seed(seed: bytes) -> Address:
    """The chain's address of the Ed25519 key with this seed."""
    from .keys import PrivateKey

    return PrivateKey(seed).address


class Keystore:
    """The keystore directory of one data directory."""

    def __init__(self, directory):
        self.directory = Path(directory)

    def path_of(self, address: Address) -> Path:
        return self.directory / f"{address}.json"

    def addresses(self) -> list[Address]:
        """Addresses with a key file here, in byte order (stable across runs)."""
        if not self.directory.is_dir():
            return []
        found = [Address(name[:-5]) for name in os.listdir(self.directory)
                 if _NAME.match(name) and (self.directory / name).is_file()]  # as has() and load() see it
        return sorted(found, key=bytes)

    def has(self, address: Address) -> bool:
        return self.path_of(address).is_file()

    def create(self, passphrase: str, *, params: secretbox.KdfParams | None = None) -> Address:
        """Make a fresh key, write it encrypted, return its address."""
        seed = os.urandom(SEED_SIZE)
        address = address_of_seed(seed)
        self.store(seed, passphrase, params=params)
        return address

    def store(self, seed: bytes, passphrase: str, *, params: secretbox.KdfParams | None = None) -> Address:
        """Encrypt and write a given seed (import); refuses to overwrite an existing key."""
        if len(seed) != SEED_SIZE:
            raise KeystoreError(f"an Ed25519 seed is {SEED_SIZE} bytes")
        address = address_of_seed(seed)
        box = secretbox.seal(seed, passphrase, kind=secretbox.KIND_KEY, context=bytes(address), params=params)
        document = {"version": FORMAT_VERSION, "address": str(address), "box": box.hex()}
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.path_of(address)
        tmp = path.with_suffix(".tmp")
        # Written aside then linked into place: a crash never leaves half a key file,
        # and O_EXCL on the link target means an existing key is never replaced.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(document, f, indent=2)
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise KeystoreError(f"a key for {address} is already in the keystore") from None
        finally:
            tmp.unlink(missing_ok=True)
        return address

    def load(self, address: Address, passphrase: str) -> bytes:
        """The 32-byte Ed25519 seed of address (chain.keys.PrivateKey(seed) signs with it);
        raises WrongPassphrase or KeystoreError."""
        path = self.path_of(address)
        try:
            # Non-blocking open, then checks on the file actually opened: a FIFO, a device
            # or a pseudo-file (/proc/kmsg blocks, and reports size 0) is never read.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as f:
                st = os.fstat(f.fileno())
                if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
                    raise KeystoreError(f"{path.name}: not a regular file")
                raw = f.read(MAX_FILE_SIZE + 1)
        except FileNotFoundError:
            raise KeystoreError(f"no key for {address} in the keystore") from None
        except OSError as exc:
            raise KeystoreError(f"cannot read {path}: {exc.strerror}") from None
        if len(raw) > MAX_FILE_SIZE:
            raise KeystoreError(f"{path.name}: too large to be a keystore file")
        try:
            document = json.loads(raw.decode("utf-8"))
            ok = (
                type(document) is dict
                and document.get("version") == FORMAT_VERSION
                and document.get("address") == str(address)
                and isinstance(document.get("box"), str)
            )
            box = bytes.fromhex(document["box"]) if ok else b""
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
            ok = False
        if not ok:
            raise KeystoreError(f"{path.name}: not a valid keystore file (version {FORMAT_VERSION})")
        try:
            seed = secretbox.open_box(box, passphrase, kind=secretbox.KIND_KEY, context=bytes(address))
        except secretbox.WrongPassphrase:
            raise WrongPassphrase("wrong passphrase") from None
        except secretbox.BoxError as exc:
            raise KeystoreError(f"{path.name}: {exc}") from None
        if len(seed) != SEED_SIZE or address_of_seed(seed) != address:
            raise KeystoreError(f"{path.name}: the key inside does not belong to {address}")
        return seed
