"""Encryption for compute jobs: X25519 account keys, data sealed under a fresh AES-256-GCM
key, and that key (or a result) sealed to one recipient's X25519 key (ephemeral X25519 +
HKDF-SHA256 + AES-256-GCM, bound to the job and the recipient). pycryptodome only.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from Crypto.Cipher import AES
from Crypto.Hash import SHA256
from Crypto.Protocol import DH
from Crypto.Protocol.KDF import HKDF

KEY_SIZE = 32  # X25519 keys and AES-256 keys alike
NONCE_SIZE = 12
TAG_SIZE = 16

# An account's encryption key is derived from its Ed25519 seed under this tag, so it
# lives wherever the signing key lives (sealed in the keystore, or a dev account's
# fixed seed) and needs no storage of its own. HKDF under a distinct tag keeps the two
# keys independent: knowing one public key says nothing about the other.
_ACCOUNT_KEY_INFO = b"obelisk x25519 encryption key v1"

# Sealed data: magic, version, nonce; then ciphertext and tag. The header is
# authenticated as associated data, with the caller's purpose.
_DATA_MAGIC = b"OBLKDATA"
_DATA_HEADER = struct.Struct(f">8sB{NONCE_SIZE}s")
DATA_VERSION = 1
DATA_OVERHEAD = _DATA_HEADER.size + TAG_SIZE

# Sealed to a recipient: version, ephemeral public key, nonce; then ciphertext and tag.
_BOX_HEADER = struct.Struct(f">B{KEY_SIZE}s{NONCE_SIZE}s")
BOX_VERSION = 1
BOX_OVERHEAD = _BOX_HEADER.size + TAG_SIZE
WRAPPED_KEY_SIZE = BOX_OVERHEAD + KEY_SIZE  # a wrapped data key, as published on chain

# What a box is for: a box made for one purpose never opens as another.
PURPOSE_DATA_KEY = b"data key"
PURPOSE_RESULT = b"result"
PURPOSE_INPUT = b"input"


class CryptoError(ValueError):
    """Data or a key that does not open: malformed, tampered with, or meant for someone else."""


def x25519(scalar: bytes, u: bytes) -> bytes:
    """RFC 7748 X25519(k, u): the raw shared secret. Refuses low-order points (an all-zero
    secret), which pycryptodome rejects on import."""
    if len(scalar) != KEY_SIZE or len(u) != KEY_SIZE:
        raise CryptoError("X25519 scalars and points are 32 bytes")
    try:
        priv = DH.import_x25519_private_key(scalar)
        pub = DH.import_x25519_public_key(u)
    except ValueError as exc:
        raise CryptoError(f"not a usable X25519 key: {exc}") from None
    return DH.key_agreement(kdf=_raw, static_priv=priv, static_pub=pub)


def _raw(z: bytes) -> bytes:
    return z


def hkdf_sha256(ikm: bytes, length: int, salt: bytes, info: bytes) -> bytes:
    """RFC 5869 HKDF with SHA-256."""
    return HKDF(ikm, length, salt, SHA256, context=info)


def public_key_of(private: bytes) -> bytes:
    if len(private) != KEY_SIZE:
        raise CryptoError("an X25519 private key is 32 bytes")
    return DH.import_x25519_private_key(private).public_key().export_key(format="raw")


def check_public_key(public: bytes) -> bytes:
    """public, if it is a 32-byte X25519 key that is not of low order; else CryptoError."""
    if type(public) is not bytes or len(public) != KEY_SIZE:
        raise CryptoError("an X25519 public key is 32 bytes")
    try:
        DH.import_x25519_public_key(public)
    except ValueError:
        raise CryptoError("not a usable X25519 public key (low order or malformed)") from None
    return public


@dataclass(frozen=True)
class EncryptionKey:
    """An X25519 key pair."""

    private: bytes
    public: bytes

    @classmethod
    def from_private(cls, private: bytes) -> "EncryptionKey":
        return cls(private, public_key_of(private))

    @classmethod
    def generate(cls) -> "EncryptionKey":
        return cls.from_private(os.urandom(KEY_SIZE))

    def __repr__(self) -> str:  # never print the private half
        return f"EncryptionKey(public={self.public.hex()})"


def account_encryption_key(ed25519_seed: bytes) -> EncryptionKey:
    """The X25519 key of the account whose Ed25519 seed this is (HKDF under a domain tag)."""
    if type(ed25519_seed) is not bytes or len(ed25519_seed) != 32:
        raise CryptoError("an Ed25519 seed is 32 bytes")
    return EncryptionKey.from_private(hkdf_sha256(ed25519_seed, KEY_SIZE, b"", _ACCOUNT_KEY_INFO))


# -- data under a symmetric key --------------------------------------------------------

def new_data_key() -> bytes:
    return os.urandom(KEY_SIZE)


def seal_data(plaintext: bytes, data_key: bytes, *, purpose: bytes = PURPOSE_INPUT) -> bytes:
    """AES-256-GCM under data_key with a random nonce; header and purpose authenticated."""
    if len(data_key) != KEY_SIZE:
        raise CryptoError("a data key is 32 bytes")
    header = _DATA_HEADER.pack(_DATA_MAGIC, DATA_VERSION, os.urandom(NONCE_SIZE))
    cipher = AES.new(data_key, AES.MODE_GCM, nonce=header[-NONCE_SIZE:], mac_len=TAG_SIZE)
    cipher.update(header + purpose)
    ciphertext, tag = cipher.encrypt_and_digest(plaintext)
    return header + ciphertext + tag


def open_data(sealed: bytes, data_key: bytes, *, purpose: bytes = PURPOSE_INPUT) -> bytes:
    """The plaintext of seal_data's output; CryptoError if anything was altered or the key is wrong."""
    if len(data_key) != KEY_SIZE:
        raise CryptoError("a data key is 32 bytes")
    if len(sealed) < DATA_OVERHEAD:
        raise CryptoError("too short to be sealed data")
    magic, version, nonce = _DATA_HEADER.unpack_from(sealed)
    if magic != _DATA_MAGIC:
        raise CryptoError("not sealed data (bad magic)")
    if version != DATA_VERSION:
        raise CryptoError(f"unsupported sealed-data version {version}")
    cipher = AES.new(data_key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_SIZE)
    cipher.update(sealed[:_DATA_HEADER.size] + purpose)
    try:
        return cipher.decrypt_and_verify(sealed[_DATA_HEADER.size:-TAG_SIZE], sealed[-TAG_SIZE:])
    except ValueError:
        raise CryptoError("sealed data does not open: altered, or the wrong key") from None


# -- sealed to one recipient's X25519 key ----------------------------------------------

def _context(purpose: bytes, job_id: int, recipient: bytes, ephemeral: bytes) -> bytes:
    # What the box is bound to: a box for another job, another recipient or another
    # purpose derives another key and fails to open.
    if not 0 <= job_id < 1 << 64:
        raise CryptoError("a job id is an integer in [0, 2**64)")
    return b"obelisk sealed-to v1|" + purpose + b"|" + job_id.to_bytes(8, "big") + recipient + ephemeral


def seal_to(plaintext: bytes, recipient_public: bytes, *, job_id: int, purpose: bytes) -> bytes:
    """Encrypt for the holder of recipient_public only: a fresh ephemeral X25519 key,
    HKDF-SHA256 of the shared secret, AES-256-GCM with the context as associated data."""
    check_public_key(recipient_public)
    ephemeral = EncryptionKey.generate()
    context = _context(purpose, job_id, recipient_public, ephemeral.public)
    key = hkdf_sha256(x25519(ephemeral.private, recipient_public), KEY_SIZE, b"", context)
    header = _BOX_HEADER.pack(BOX_VERSION, ephemeral.public, os.urandom(NONCE_SIZE))
    cipher = AES.new(key, AES.MODE_GCM, nonce=header[-NONCE_SIZE:], mac_len=TAG_SIZE)
    cipher.update(header + context)
    ciphertext, tag = cipher.encrypt_and_digest(plaintext)
    return header + ciphertext + tag


def open_sealed(box: bytes, key: EncryptionKey, *, job_id: int, purpose: bytes) -> bytes:
    """The plaintext of seal_to's output, for the recipient's key; CryptoError otherwise."""
    if len(box) < BOX_OVERHEAD:
        raise CryptoError("too short to be a sealed box")
    version, ephemeral, nonce = _BOX_HEADER.unpack_from(box)
    if version != BOX_VERSION:
        raise CryptoError(f"unsupported sealed-box version {version}")
    context = _context(purpose, job_id, key.public, ephemeral)
    derived = hkdf_sha256(x25519(key.private, ephemeral), KEY_SIZE, b"", context)
    cipher = AES.new(derived, AES.MODE_GCM, nonce=nonce, mac_len=TAG_SIZE)
    cipher.update(box[:_BOX_HEADER.size] + context)
    try:
        return cipher.decrypt_and_verify(box[_BOX_HEADER.size:-TAG_SIZE], box[-TAG_SIZE:])
    except ValueError:
        raise CryptoError("sealed box does not open: not for this key or job, or altered") from None


def wrap_data_key(data_key: bytes, worker_public: bytes, *, job_id: int) -> bytes:
    """The job's data key sealed to one seated worker (WRAPPED_KEY_SIZE bytes)."""
    if len(data_key) != KEY_SIZE:
        raise CryptoError("a data key is 32 bytes")
    return seal_to(data_key, worker_public, job_id=job_id, purpose=PURPOSE_DATA_KEY)


def unwrap_data_key(wrapped: bytes, key: EncryptionKey, *, job_id: int) -> bytes:
    if len(wrapped) != WRAPPED_KEY_SIZE:
        raise CryptoError(f"a wrapped data key is {WRAPPED_KEY_SIZE} bytes")
    return open_sealed(wrapped, key, job_id=job_id, purpose=PURPOSE_DATA_KEY)
