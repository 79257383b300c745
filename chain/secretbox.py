"""Passphrase encryption shared by the keystore and sealed files: scrypt + AES-256-GCM.

A box is a fixed 56-byte binary header (magic, version, kind, scrypt cost, salt,
nonce, passphrase check) followed by the ciphertext and the 16-byte GCM tag.
The header, plus any caller context, is authenticated as associated data.
"""
from __future__ import annotations

import hmac
import io
import os
import struct
import unicodedata
from dataclasses import dataclass
from hashlib import sha256

MAGIC = b"OBLKBOX\x00"
VERSION = 1
KIND_KEY = 1  # an account key in the keystore
KIND_FILE = 2  # a sealed data file
KINDS = (KIND_KEY, KIND_FILE)

SALT_SIZE = 16
NONCE_SIZE = 12  # GCM's native nonce size: no extra GHASH pass, random per box
CHECK_SIZE = 16
TAG_SIZE = 16
CHUNK = 1 << 20  # bytes processed at a time when streaming
# magic, version, kind, log2(N), r, p, salt, nonce, check
_HEADER = struct.Struct(f">8sBBBBB{SALT_SIZE}s{NONCE_SIZE}s{CHECK_SIZE}s")
HEADER_SIZE = _HEADER.size


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost: N = 2**log2_n, block size r, parallelism p."""

    log2_n: int
    r: int
    p: int

    def check(self) -> None:
        """Refuse costs a crafted file could use to hang or exhaust the host (or too weak to mean anything)."""
        if not (10 <= self.log2_n <= 20 and 1 <= self.r <= 16 and 1 <= self.p <= 4):
            raise BoxError(f"scrypt parameters out of range (log2 N={self.log2_n}, r={self.r}, p={self.p})")
        if 128 * self.r * (1 << self.log2_n) > MAX_KDF_MEMORY:
            raise BoxError("scrypt parameters need more than 256 MiB of memory")


# OWASP's recommendation for scrypt (N=2^17, r=8, p=1): 128 MiB and about half a
# second per derivation, so each passphrase guess costs an attacker the same.
DEFAULT_PARAMS = KdfParams(17, 8, 1)
MAX_KDF_MEMORY = 256 * 1024 * 1024


class BoxError(ValueError):
    """A box that is malformed, tampered with, or opened with the wrong passphrase."""


class WrongPassphrase(BoxError):
    """The passphrase does not derive the key this box was sealed with."""


class Tampered(BoxError):
    """The passphrase is right but the header or ciphertext was altered."""


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    # NFC so the same passphrase typed on systems that compose accents differently still opens the box.
    if isinstance(passphrase, bytes):
        return passphrase
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogateescape")


def _derive(passphrase, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    """(AES key, passphrase check). The check is a hash of a second, independent
    half of scrypt's output: it tells a wrong passphrase from a tampered box and
    saves an attacker no work, since each guess still costs one scrypt."""
    from Crypto.Protocol.KDF import scrypt

    out = scrypt(_passphrase_bytes(passphrase), salt, 64, N=1 << params.log2_n, r=params.r, p=params.p)
    return out[:32], sha256(b"obelisk passphrase check" + out[32:]).digest()[:CHECK_SIZE]


def seal(plaintext: bytes, passphrase, *, kind: int, context: bytes = b"", params: KdfParams | None = None) -> bytes:
    """Encrypt plaintext; returns header + ciphertext + tag. Salt and nonce are fresh per call."""
    out = io.BytesIO()
    seal_stream(io.BytesIO(plaintext), out, passphrase, kind=kind, context=context, params=params)
    return out.getvalue()


def open_box(box: bytes, passphrase, *, kind: int, context: bytes = b"") -> bytes:
    """Decrypt and authenticate; raises WrongPassphrase, Tampered or BoxError."""
    out = io.BytesIO()
    open_stream(io.BytesIO(box), out, passphrase, kind=kind, context=context)
    return out.getvalue()


def seal_stream(src, dst, passphrase, *, kind: int, context: bytes = b"", params: KdfParams | None = None) -> None:
    """Encrypt the binary stream src into dst, chunk by chunk (any size, bounded memory)."""
    from Crypto.Cipher import AES

    if kind not in KINDS:
        raise ValueError(f"unknown box kind {kind}")
    params = params or DEFAULT_PARAMS
    params.check()
    salt, nonce = os.urandom(SALT_SIZE), os.urandom(NONCE_SIZE)
    key, check = _derive(passphrase, salt, params)
    header = _HEADER.pack(MAGIC, VERSION, kind, params.log2_n, params.r, params.p, salt, nonce, check)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_SIZE)
    cipher.update(header + context)
    dst.write(header)
    while chunk := src.read(CHUNK):
        dst.write(cipher.encrypt(chunk))
    dst.write(cipher.digest())


@dataclass(frozen=True)
class Header:
    version: int
    kind: int
    params: KdfParams
    salt: bytes
    nonce: bytes
    check: bytes


def read_header(raw: bytes) -> Header:
    """Parse and bound-check a box's header bytes without any key work."""
    if len(raw) < HEADER_SIZE:
        raise BoxError("too short to be a sealed box")
    magic, version, kind, log2_n, r, p, salt, nonce, check = _HEADER.unpack_from(raw)
    if magic != MAGIC:
        raise BoxError("not a sealed box (bad magic)")
    if version != VERSION:
        raise BoxError(f"unsupported box version {version}")
    if kind not in KINDS:
        raise BoxError(f"unknown box kind {kind}")
    params = KdfParams(log2_n, r, p)
    params.check()
    return Header(version, kind, params, salt, nonce, check)


def open_stream(src, dst, passphrase, *, kind: int, context: bytes = b"") -> None:
    """Decrypt the seekable binary stream src into dst; raises WrongPassphrase, Tampered or BoxError.

    dst receives unauthenticated plaintext before the tag is checked at the end:
    a caller writing a file must write it aside and keep it only if this returns.
    """
    from Crypto.Cipher import AES

    raw = src.read(HEADER_SIZE)
    header = read_header(raw)
    if header.kind != kind:
        raise BoxError("this box holds a different kind of secret")
    end = src.seek(0, io.SEEK_END)
    length = end - HEADER_SIZE - TAG_SIZE
    if length < 0:
        raise BoxError("too short to be a sealed box")
    key, check = _derive(passphrase, header.salt, header.params)
    if not hmac.compare_digest(check, header.check):
        raise WrongPassphrase("wrong passphrase")
    src.seek(end - TAG_SIZE)
    tag = src.read(TAG_SIZE)
    src.seek(HEADER_SIZE)
    cipher = AES.new(key, AES.MODE_GCM, nonce=header.nonce, mac_len=TAG_SIZE)
    cipher.update(raw + context)
    while length > 0:
        chunk = src.read(min(CHUNK, length))
        if not chunk:
            raise BoxError("the box was truncated while reading")
        length -= len(chunk)
        dst.write(cipher.decrypt(chunk))
    try:
        cipher.verify(tag)
    except ValueError:
        raise Tampered("authentication failed: the data was altered or corrupted") from None
