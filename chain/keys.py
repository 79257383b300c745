"""Ed25519 keys, addresses and strict signature checks (pycryptodome, RFC 8032).

An address is the last 20 bytes of SHA-256 of the 32-byte public key. The dev
accounts are derived from the fixed seed in chain.consensus.
"""
from __future__ import annotations

import hashlib

from cachetools import LRUCache
from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa

from vm.values import Address

from . import consensus

PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64
SEED_SIZE = 32


def address_of(public_key: bytes) -> Address:
    """The account address of a 32-byte Ed25519 public key."""
    return Address(hashlib.sha256(public_key).digest()[-20:])


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True only for a valid RFC 8032 signature in its one canonical encoding.

    pycryptodome refuses non-canonical points and S >= L, which is what keeps a
    transaction's bytes (and so its hash) from being changed in flight; keys
    of small order are refused here (see public_key_problem).
    """
    if type(public_key) is not bytes or len(public_key) != PUBLIC_KEY_SIZE:
        return False
    if type(signature) is not bytes or len(signature) != SIGNATURE_SIZE:
        return False
    try:
        verifier = _VERIFIERS.get(public_key)
        if verifier is None:
            key = eddsa.import_public_key(public_key)
            if _small_order(key):
                return False
            verifier = eddsa.new(key, "rfc8032")
            _VERIFIERS[public_key] = verifier
        verifier.verify(message, signature)
    except (ValueError, TypeError):
        return False
    return True


def public_key_problem(public_key) -> str | None:
    """Why `public_key` can never sign for anyone, or None for a usable key.

    RFC 8032 lets a small-order key (one of eight points, [8]A = identity)
    verify the universal signature R = identity, S = 0 on every message, so
    such a key proves nothing about who signed: no chain should accept it.
    pycryptodome already refuses non-canonical encodings (y >= p, x = -0).
    Transactions (chain.rules) and a node's handshake use this check.
    """
    if type(public_key) is not bytes or len(public_key) != PUBLIC_KEY_SIZE:
        return f"not {PUBLIC_KEY_SIZE} bytes"
    if public_key in _VERIFIERS:
        return None
    try:
        key = eddsa.import_public_key(public_key)
    except ValueError:
        return "not the canonical encoding of a curve point"
    if _small_order(key):
        return "of small order (it would accept a signature that proves nothing)"
    return None


def _small_order(key) -> bool:
    # [8]A by three additions (a generic scalar multiplication costs 60 times more).
    point = key.pointQ
    for _ in range(3):
        point = point + point
    return point.is_point_at_infinity()


# Decoding a public key (point decompression) is a fifth of a verification;
# senders repeat, so decoded keys are kept. Invalid keys are never cached.
_VERIFIERS = LRUCache(maxsize=4096)


class PrivateKey:
    """An Ed25519 signing key with its public key and address."""

    __slots__ = ("_key", "_signer", "seed", "public_key", "address")

    def __init__(self, seed: bytes):
        if type(seed) is not bytes or len(seed) != SEED_SIZE:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self.seed = seed
        self._key = eddsa.import_private_key(seed)
        self._signer = eddsa.new(self._key, "rfc8032")
        self.public_key = self._key.public_key().export_key(format="raw")
        self.address = address_of(self.public_key)

    @classmethod
    def generate(cls) -> "PrivateKey":
        key = ECC.generate(curve="Ed25519")
        return cls(key.seed)

    def sign(self, message: bytes) -> bytes:
        return self._signer.sign(message)

    def __repr__(self) -> str:
        return f"PrivateKey(address={self.address})"


def dev_key(index: int) -> PrivateKey:
    """Dev account `index`: seed = SHA-256(DEV_SEED || index as u32 big-endian)."""
    return PrivateKey(hashlib.sha256(consensus.DEV_SEED + index.to_bytes(4, "big")).digest())


def dev_keys(count: int = consensus.DEV_ACCOUNT_COUNT) -> list:
    return [dev_key(i) for i in range(count)]
