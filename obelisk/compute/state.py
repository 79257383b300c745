"""Durable state of a worker or a job client, sealed under the account's key (AES-256-GCM,
key derived from the Ed25519 seed) and replaced atomically, so salts and data keys
survive a kill -9 and are readable by nobody else.
"""
from __future__ import annotations

import os
from pathlib import Path

import msgpack

from .crypto import CryptoError, hkdf_sha256, open_data, seal_data

MAX_STATE = 4 * 1024 * 1024  # a state file past this is not ours


class StateError(ValueError):
    """A state file that cannot be read: damaged, too large, or sealed under another key."""


class SealedState:
    """One msgpack document in PATH, sealed under a key derived from `seed` for `role`."""

    def __init__(self, path, seed: bytes, role: str):
        self.path = Path(path)
        self._key = hkdf_sha256(seed, 32, b"", b"obelisk sealed state v1|" + role.encode())
        self._purpose = b"state|" + role.encode()

    def load(self) -> dict:
        """The saved document, or {} when there is none yet."""
        try:
            with open(self.path, "rb") as f:
                raw = f.read(MAX_STATE + 1)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StateError(f"cannot read {self.path}: {exc.strerror}") from None
        if len(raw) > MAX_STATE:
            raise StateError(f"{self.path}: too large to be a state file")
        try:
            doc = msgpack.unpackb(open_data(raw, self._key, purpose=self._purpose), raw=False,
                                 strict_map_key=False)
        except CryptoError:
            raise StateError(f"{self.path}: does not open with this account's key (damaged, or another account's)") from None
        except (ValueError, msgpack.UnpackException) as exc:
            raise StateError(f"{self.path}: malformed state ({exc})") from None
        if not isinstance(doc, dict):
            raise StateError(f"{self.path}: malformed state")
        return doc

    def save(self, doc: dict) -> None:
        """Written aside, flushed to disk, then moved into place (and the directory synced)."""
        sealed = seal_data(msgpack.packb(doc, use_bin_type=True), self._key, purpose=self._purpose)
        if len(sealed) > MAX_STATE:
            raise StateError("state grew past its bound")
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(sealed)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
