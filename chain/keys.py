"""Ed25519 keys, addresses and strict signature checks (RFC 8032; libsodium first, pycryptodome decides refusals).

An address is the last 20 bytes of SHA-256 of the 32-byte public key. The dev
accounts are derived from the fixed seed in chain.consensus.
"""
from __future__ import annotations

import hashlib

from cachetools import LRUCache
from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa

try:  # PyNaCl: libsodium's Ed25519, about six times faster than pycryptodome's (see verify)
    from nacl.bindings import crypto_sign_open as _sodium_open
    from nacl.bindings import crypto_sign as _sodium_sign
    from nacl.bindings import crypto_sign_seed_keypair as _sodium_keypair
    from nacl.exceptions import CryptoError as _SodiumError
except ImportError:  # pragma: no cover - a dependency; without it every check takes the reference path
    _sodium_open = _sodium_sign = _sodium_keypair = None

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

    The verdict is pycryptodome's (reference_verify), reached faster: libsodium
    accepts a strict subset of what reference_verify accepts (it also refuses
    small-order and non-canonical A and R, S >= L, and checks the equation
    without the cofactor, which the cofactored one implies), so a signature
    libsodium accepts is valid, and only one it refuses is asked of the
    reference. An honest signature costs one libsodium check; the verdicts are
    the reference's on every input (tests/chain/test_encoding.py compares the
    two on the Wycheproof and C2SP edge-case vectors).
    """
    if type(public_key) is not bytes or len(public_key) != PUBLIC_KEY_SIZE:
        return False
    if type(signature) is not bytes or len(signature) != SIGNATURE_SIZE:
        return False
    if _sodium_open is not None and type(message) is bytes:
        try:
            _sodium_open(signature + message, public_key)
            return True
        except _SodiumError:
            pass
    return reference_verify(public_key, message, signature)


def reference_verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """The consensus verdict, by pycryptodome: cofactored RFC 8032, small-order keys refused.

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
    """An Ed25519 signing key with its public key and address.

    Ed25519 signing is deterministic (RFC 8032), so libsodium and pycryptodome
    give the same signature bytes; libsodium is used when present, for speed.
    """

    __slots__ = ("_sign", "seed", "public_key", "address")

    def __init__(self, seed: bytes):
        if type(seed) is not bytes or len(seed) != SEED_SIZE:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self.seed = seed
        if _sodium_keypair is not None:
            self.public_key, secret = _sodium_keypair(seed)
            self._sign = lambda message: _sodium_sign(message, secret)[:SIGNATURE_SIZE]
        else:  # pragma: no cover - PyNaCl is a dependency
            key = eddsa.import_private_key(seed)
            self.public_key = key.public_key().export_key(format="raw")
            self._sign = eddsa.new(key, "rfc8032").sign
        self.address = address_of(self.public_key)

    @classmethod
    def generate(cls) -> "PrivateKey":
        key = ECC.generate(curve="Ed25519")
        return cls(key.seed)

    def sign(self, message: bytes) -> bytes:
        return self._sign(bytes(message))

    def __repr__(self) -> str:
        return f"PrivateKey(address={self.address})"


def dev_key(index: int) -> PrivateKey:
    """Dev account `index`: seed = SHA-256(DEV_SEED || index as u32 big-endian)."""
    return PrivateKey(hashlib.sha256(consensus.DEV_SEED + index.to_bytes(4, "big")).digest())


def dev_keys(count: int = consensus.DEV_ACCOUNT_COUNT) -> list:
    return [dev_key(i) for i in range(count)]
