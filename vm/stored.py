"""A validated program's stored form: kept beside its code when deployed, read back instead of validating again.

  TAG, FORMAT (1 byte), checksum (32 bytes), body
  body = msgpack [heights, blocks, max_stack]: what checking the code derived
  checksum = SHA-256(TAG, FORMAT, the opcode table's digest, code hash, body)
A stored form is used only when its checksum matches for this code hash and
this build's opcode table, and it fits the code; anything else returns None and
the code is validated again: a damaged row never becomes a program.
"""
from __future__ import annotations

import hashlib

import msgpack

from .opcodes import BY_CODE

TAG = b"OBPG"
FORMAT = 1
# What the stored heights and blocks were derived with: a build whose opcode
# table differs (arity, gas, immediates) refuses the rows of another.
TABLE_DIGEST = hashlib.sha256(repr(sorted((op.code, op.name, op.imm_kind, op.pops, op.pushes, op.gas, op.jumps,
                                           op.terminates, op.since) for op in BY_CODE.values())).encode()).digest()
_HEAD = len(TAG) + 1 + 32


def _checksum(key: bytes, body: bytes) -> bytes:
    return hashlib.sha256(TAG + bytes([FORMAT]) + TABLE_DIGEST + key + body).digest()


def encode(program) -> bytes:
    """The stored form of a validated program (vm.validate.Program)."""
    body = msgpack.packb([list(program.heights), [list(b) for b in program.blocks], program.max_stack])
    return TAG + bytes([FORMAT]) + _checksum(program.code_hash, body) + body


def decode(blob, data: bytes, key: bytes):
    """The program of `data` (whose SHA-256 is `key`) from its stored form, or None when the form is not good."""
    from .code import decode_trusted
    from .validate import program_from_stored

    if type(blob) is not bytes or len(blob) <= _HEAD or blob[: len(TAG)] != TAG or blob[len(TAG)] != FORMAT:
        return None
    body = blob[_HEAD:]
    if blob[len(TAG) + 1 : _HEAD] != _checksum(key, body):
        return None
    try:
        heights, blocks, max_stack = msgpack.unpackb(body, use_list=True)
        return program_from_stored(decode_trusted(data), key, heights, blocks, max_stack)
    except Exception:  # noqa: BLE001 -- checksum good but not this code's program: validate it instead
        return None
