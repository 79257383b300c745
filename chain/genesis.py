"""Genesis files: a network of one's own (chain id, allocations, code, starting target, block time) as JSON, and back.

`obelisk genesis new` writes one; `obelisk node --genesis FILE` loads it. The
dev network needs no file: it is chain.devnet.dev_params().
"""
from __future__ import annotations

import hashlib
import json
import os

import vm
from vm.encoding import pack
from vm.values import Address

from . import consensus as C

FORMAT = "obelisk-genesis/1"
# Domain tag of the rules digest (ChainParams.genesis_parent), so it is never any other hash.
RULES_DOMAIN = b"obelisk/genesis-rules/v1\x00"
# Bytes of a genesis file, checked before it is parsed.
MAX_GENESIS_BYTES = 16 * 1024 * 1024
# Funded accounts in one genesis (each is a state write at every node's start).
MAX_ALLOCATIONS = 100_000
# Bounds on the consensus block time: a second (timestamps are whole seconds) to a day.
MAX_BLOCK_TIME = 86_400
# Contracts a genesis places (the compute market, `obelisk genesis new --market`); each is validated code.
MAX_GENESIS_CODES = 64
FIELDS = ("format", "chain_id", "timestamp", "target", "pow_limit", "block_time", "hardest_target", "allocations",
          "code")


class GenesisError(ValueError):
    """A genesis file or value that cannot make a network; the message names the field."""


def _uint(doc, key, lo, hi, default=None):
    v = doc.get(key, default)
    if isinstance(v, str) and v[:2] in ("0x", "0X") and 2 < len(v) <= 66:
        try:
            v = int(v[2:], 16)
        except ValueError:
            pass
    if type(v) is not int or not lo <= v <= hi:
        raise GenesisError(f"{key}: expected an integer {lo}..{hi:#x}" if hi > 10**12 else f"{key}: expected an integer {lo}..{hi}")
    return v


def params_from_json(doc) -> C.ChainParams:
    """ChainParams from a genesis document (parsed JSON); GenesisError names the bad field."""
    if not isinstance(doc, dict):
        raise GenesisError("a genesis file is a JSON object")
    unknown = sorted(set(doc) - set(FIELDS))
    if unknown:
        raise GenesisError(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    if doc.get("format") != FORMAT:
        raise GenesisError(f"format: expected {FORMAT!r}")
    chain_id = _uint(doc, "chain_id", 0, C.MAX_U64)
    if chain_id == C.DEV_CHAIN_ID:
        # Every dev key is public: a network on the dev chain id would take dev-signed transactions.
        raise GenesisError(f"chain_id: {C.DEV_CHAIN_ID} is the dev network's (run a node without --genesis for it)")
    timestamp = _uint(doc, "timestamp", 0, C.MAX_U64)
    pow_limit = _uint(doc, "pow_limit", 1, 2**256 - 1, C.POW_LIMIT)
    target = _uint(doc, "target", 1, pow_limit)
    block_time = _uint(doc, "block_time", 1, MAX_BLOCK_TIME, C.TARGET_BLOCK_TIME)
    hardest = _uint(doc, "hardest_target", 1, target, 1)
    allocs = doc.get("allocations", {})
    if not isinstance(allocs, dict) or len(allocs) > MAX_ALLOCATIONS:
        raise GenesisError(f"allocations: expected an object of at most {MAX_ALLOCATIONS} \"0xADDRESS\": amount")
    seen, out, total = set(), [], 0
    for key, amount in allocs.items():
        try:
            address = Address(key)
        except (ValueError, TypeError) as exc:
            raise GenesisError(f"allocations: {key[:50]!r}: {exc}") from None
        if address in seen:
            raise GenesisError(f"allocations: {address} appears twice")
        seen.add(address)
        if type(amount) is not int or not 0 < amount <= C.MAX_AMOUNT:
            raise GenesisError(f"allocations: {address}: the amount is an integer 1..2**255-1")
        total += amount
        out.append((bytes(address), amount))
    if total > C.MAX_AMOUNT:
        raise GenesisError("allocations: the total is over 2**255-1")
    return C.ChainParams(chain_id=chain_id, genesis_timestamp=timestamp, initial_target=target, pow_limit=pow_limit,
                         allocations=tuple(sorted(out)), code_allocations=_codes(doc.get("code", {})),
                         block_time=block_time, hardest_target=hardest,
                         genesis_parent=rules_digest(block_time, hardest, pow_limit))


def _codes(codes) -> tuple:
    """The "code" field: {"0xADDRESS": "0x" code object}, each valid code without an init function
    (genesis places code; it runs nothing, so a contract that needs its init is deployed instead)."""
    if not isinstance(codes, dict) or len(codes) > MAX_GENESIS_CODES:
        raise GenesisError(f"code: expected an object of at most {MAX_GENESIS_CODES} \"0xADDRESS\": \"0xCODE\"")
    out = {}
    for key, text in codes.items():
        try:
            address = Address(key)
        except (ValueError, TypeError) as exc:
            raise GenesisError(f"code: {key[:50]!r}: {exc}") from None
        if bytes(address) in out:
            raise GenesisError(f"code: {address} appears twice")
        try:
            if not isinstance(text, str) or text[:2] != "0x":
                raise ValueError
            code = bytes.fromhex(text[2:])
        except ValueError:
            raise GenesisError(f"code: {address}: expected 0x-prefixed hex") from None
        try:
            program = vm.validate(code)
        except vm.ValidationError as exc:
            raise GenesisError(f"code: {address}: not valid code: {str(exc)[:200]}") from None
        if program.init is not None:
            raise GenesisError(f"code: {address}: {program.code.name} has an init function, which genesis does not "
                               "run: deploy it instead")
        out[bytes(address)] = code
    return tuple(sorted(out.items()))


def rules_digest(block_time: int, hardest_target: int, pow_limit: int) -> bytes:
    """What a genesis file's network puts in its genesis block's previous hash: its rules no header holds."""
    return hashlib.sha256(RULES_DOMAIN + pack([block_time, hardest_target.to_bytes(32, "big"),
                                               pow_limit.to_bytes(32, "big")])).digest()


def params_to_json(params: C.ChainParams) -> dict:
    """The genesis document of params (targets as 0x hex, amounts as JSON numbers); params_from_json reads it back."""
    return {
        "format": FORMAT, "chain_id": params.chain_id, "timestamp": params.genesis_timestamp,
        "target": f"{params.initial_target:#x}", "pow_limit": f"{params.pow_limit:#x}",
        "block_time": params.block_time, "hardest_target": f"{params.hardest_target:#x}",
        "allocations": {str(Address(a)): amount for a, amount in sorted(params.allocations)},
        **({"code": {str(Address(a)): "0x" + code.hex() for a, code in params.code_allocations}}
           if params.code_allocations else {}),
    }


def load_genesis(path) -> C.ChainParams:
    """ChainParams from a genesis file; GenesisError with the file's name and the reason."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_GENESIS_BYTES + 1)
    except OSError as exc:
        raise GenesisError(f"cannot read genesis file {path}: {exc.strerror}") from None
    if len(data) > MAX_GENESIS_BYTES:
        raise GenesisError(f"genesis file {path}: over {MAX_GENESIS_BYTES} bytes")
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise GenesisError(f"genesis file {path}: not JSON ({str(exc)[:80]})") from None
    try:
        return params_from_json(doc)
    except GenesisError as exc:
        raise GenesisError(f"genesis file {path}: {exc}") from None


def genesis_hash(params: C.ChainParams) -> bytes:
    """The hash of params' genesis block (nodes of one network share it; the handshake compares it)."""
    from .core import Chain
    from .store import Store

    store = Store(None)
    try:
        return Chain(store, params).genesis_hash
    finally:
        store.close()
