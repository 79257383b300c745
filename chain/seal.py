"""Sealed data files: a file encrypted under a passphrase (chain.secretbox), and the
hashes that tie it to the chain: SHA-256 of the plaintext (what goes on chain)
and of the sealed file (to check a stored copy). Output is all or nothing.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from . import secretbox

SUFFIX = ".sealed"


class SealError(ValueError):
    """A file that cannot be sealed or unsealed; nothing was written."""


class WrongPassphrase(SealError):
    pass


@dataclass(frozen=True)
class SealResult:
    output: Path
    plaintext_sha256: str  # hex
    sealed_sha256: str  # hex
    size: int  # plaintext bytes


class _Hashing:
    """A write-only stream that hashes what passes through to an inner stream."""

    def __init__(self, inner):
        self.inner = inner
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        return self.inner.write(data)

    def read(self, n: int = -1) -> bytes:  # when wrapping a source
        data = self.inner.read(n)
        self.sha.update(data)
        self.size += len(data)
        return data


def default_sealed_name(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def default_unsealed_name(path: Path) -> Path:
    if path.name.endswith(SUFFIX) and len(path.name) > len(SUFFIX):
        return path.with_name(path.name[: -len(SUFFIX)])
    return path.with_name(path.name + ".out")


def _write_atomically(output: Path, produce, overwrite: bool) -> None:
    """Run produce(stream) into a temporary file beside output; move it into place
    only if produce returns, so a failure (or a crash) never leaves a partial output."""
    output = Path(output)
    if not overwrite and (output.exists() or output.is_symlink()):
        raise SealError(f"{output} already exists (choose another output or overwrite it explicitly)")
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise SealError(f"cannot write {output}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            produce(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, output)
    except OSError as exc:
        raise SealError(f"cannot write {output}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _open_input(path: Path):
    try:
        if not path.is_file():
            raise SealError(f"{path}: not a file")
        return open(path, "rb")
    except OSError as exc:
        raise SealError(f"cannot read {path}: {exc.strerror}") from None


def seal_file(path, passphrase, output=None, *, overwrite=False, params: secretbox.KdfParams | None = None) -> SealResult:
    """Encrypt path into output (default PATH.sealed)."""
    path = Path(path)
    output = Path(output) if output is not None else default_sealed_name(path)
    if output.resolve() == path.resolve():
        raise SealError("the output would overwrite the input")
    plain_hash = sealed_hash = None
    size = 0

    def produce(f):
        nonlocal plain_hash, sealed_hash, size
        with _open_input(path) as src:
            reader, writer = _Hashing(src), _Hashing(f)
            secretbox.seal_stream(reader, writer, passphrase, kind=secretbox.KIND_FILE, params=params)
        plain_hash, sealed_hash, size = reader.sha.hexdigest(), writer.sha.hexdigest(), reader.size

    _write_atomically(output, produce, overwrite)
    return SealResult(output, plain_hash, sealed_hash, size)


def unseal_file(path, passphrase, output=None, *, overwrite=False) -> SealResult:
    """Decrypt path into output (default: PATH without .sealed); nothing is written unless it authenticates."""
    path = Path(path)
    output = Path(output) if output is not None else default_unsealed_name(path)
    if output.resolve() == path.resolve():
        raise SealError("the output would overwrite the input")
    src = _open_input(path)
    with src:
        sealed = hashlib.sha256()
        while chunk := src.read(secretbox.CHUNK):
            sealed.update(chunk)
        src.seek(0)
        result = {}

        def produce(f):
            writer = _Hashing(f)
            try:
                secretbox.open_stream(src, writer, passphrase, kind=secretbox.KIND_FILE)
            except secretbox.WrongPassphrase:
                raise WrongPassphrase("wrong passphrase") from None
            except secretbox.BoxError as exc:
                raise SealError(f"{path}: {exc}") from None
            result.update(plain=writer.sha.hexdigest(), size=writer.size)

        _write_atomically(output, produce, overwrite)
    return SealResult(output, result["plain"], sealed.hexdigest(), result["size"])
