"""JSON-RPC methods over a BlobStore, for the node to register: blob_put, blob_get, blob_has.

    methods.table.update(blob_methods(store, error=RpcError))

A put is signed by the account it is charged to (Ed25519 over a domain tag and the
blob's hash), so quotas cannot be spent in someone else's name; the node never sees a key.
"""
from __future__ import annotations

import asyncio
import re

from chain.keys import PUBLIC_KEY_SIZE, SIGNATURE_SIZE, address_of, verify

from .blobs import HASH_SIZE, BlobError, BlobStore, blob_hash

INVALID_PARAMS, REFUSED = -32602, -32000
PUT_DOMAIN = b"obelisk blob_put v1"
MAX_HASHES = 100  # per blob_has call
_HEX = re.compile(r"0x([0-9a-fA-F]*)\Z")


class BlobRpcError(Exception):
    """Shaped like the node's RpcError (code, message, data); the node passes its own class."""

    def __init__(self, code: int, message: str, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def put_message(digest: bytes) -> bytes:
    """What the owner signs to store a blob: the domain tag and the blob's SHA-256."""
    return PUT_DOMAIN + digest


def sign_put(key, data: bytes) -> dict:
    """blob_put's second parameter, made by the client (key: chain.keys.PrivateKey)."""
    return {"public_key": "0x" + key.public_key.hex(), "signature": "0x" + key.sign(put_message(blob_hash(data))).hex()}


def blob_methods(store: BlobStore, *, error=BlobRpcError, fetch=None) -> dict:
    """name -> async handler(params) for the node's method table. Store calls run in a
    thread so a large blob never holds up the event loop. `fetch` (async, digest -> bytes
    or None), when given, asks peers for a blob this node lacks (blob_fetch.BlobFetcher)."""

    def bad(message: str):
        return error(INVALID_PARAMS, message)

    def refused(reason: str):
        return error(REFUSED, "blob refused", {"reason": reason, "location": None})

    def hex_param(v, what: str, max_bytes: int) -> bytes:
        # Length is checked before the hex is decoded.
        m = _HEX.match(v) if isinstance(v, str) and len(v) <= 2 + 2 * max_bytes else None
        if m is None or len(m.group(1)) % 2:
            raise bad(f"{what}: expected 0x hex of at most {max_bytes} bytes")
        return bytes.fromhex(m.group(1))

    def hash_param(v, what: str) -> bytes:
        b = hex_param(v, what, HASH_SIZE)
        if len(b) != HASH_SIZE:
            raise bad(f"{what}: expected a 32-byte 0x hash")
        return b

    def params(p, n: int, method: str) -> list:
        if not isinstance(p, list) or len(p) != n:
            raise bad(f"{method} takes a list of {n} parameters")
        return p

    async def blob_put(p):
        data_hex, auth = params(p, 2, "blob_put")
        data = hex_param(data_hex, "data", store.limits.max_blob)
        if not isinstance(auth, dict) or set(auth) != {"public_key", "signature"}:
            raise bad('owner: expected {"public_key": "0x…", "signature": "0x…"}')
        public_key = hex_param(auth["public_key"], "public_key", PUBLIC_KEY_SIZE)
        signature = hex_param(auth["signature"], "signature", SIGNATURE_SIZE)
        digest = blob_hash(data)
        if not verify(public_key, put_message(digest), signature):
            raise refused("the signature does not sign this blob's hash with that key")
        try:
            await asyncio.to_thread(store.put, data, bytes(address_of(public_key)))
        except BlobError as exc:
            raise refused(str(exc)) from None
        return "0x" + digest.hex()

    async def blob_get(p):
        (h,) = params(p, 1, "blob_get")
        digest = hash_param(h, "hash")
        try:
            data = await asyncio.to_thread(store.get, digest)
            if data is None and fetch is not None:
                data = await fetch(digest)  # verified and stored before it is returned
        except BlobError as exc:  # damaged on disk (dropped), or no room for a peer's copy
            raise refused(str(exc)) from None
        return None if data is None else "0x" + data.hex()

    async def blob_has(p):
        (hashes,) = params(p, 1, "blob_has")
        if not isinstance(hashes, list) or len(hashes) > MAX_HASHES:
            raise bad(f"hashes: expected a list of at most {MAX_HASHES} 0x hashes")
        wanted = [hash_param(h, f"hashes[{i}]") for i, h in enumerate(hashes)]
        return [store.has(h) for h in wanted]

    return {"blob_put": blob_put, "blob_get": blob_get, "blob_has": blob_has}
