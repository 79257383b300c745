"""JSON-RPC 2.0 over HTTP POST / for users and tools: NODE.md's method table on a ChainService.

Bounded before anything is decoded (1 MiB a request, 100 a batch); results are
the CLI's --json documents; no method takes a key: clients sign, the node relays.
"""
from __future__ import annotations

import inspect
import json
import logging
import re

from aiohttp import web

from chain import consensus as C
from chain import errors as E
from chain import tx as txmod
from chain.results import ArgumentError
from vm import limits
from vm.values import Address

from .service import MAX_DEV_MINE, CallFailed

log = logging.getLogger("obelisk.node.rpc")

MAX_REQUEST_BYTES = 1024 * 1024
MAX_BATCH = 100


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("obelisk")
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "unknown"


VERSION = _version()

PARSE_ERROR, INVALID_REQUEST, NO_METHOD, INVALID_PARAMS, INTERNAL, REFUSED = -32700, -32600, -32601, -32602, -32603, -32000
_HEX = re.compile(r"0[xX]([0-9a-fA-F]*)\Z")
_HOSTPORT = re.compile(r"(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.\-]{1,253}):([0-9]{1,5})\Z")


class RpcError(Exception):
    def __init__(self, code: int, message: str, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def _bad(message: str) -> RpcError:
    return RpcError(INVALID_PARAMS, message)


# --- parameters: each check names the parameter it refuses ---

def _hex(v, what: str, max_bytes: int) -> bytes:
    m = _HEX.match(v) if isinstance(v, str) and len(v) <= 2 + 2 * max_bytes else None
    if m is None or len(m.group(1)) % 2:
        raise _bad(f"{what}: expected 0x hex of at most {max_bytes} bytes")
    return bytes.fromhex(m.group(1))


def _hash(v, what: str) -> bytes:
    b = _hex(v, what, 32)
    if len(b) != 32:
        raise _bad(f"{what}: expected a 32-byte 0x hash")
    return b


def _address(v, what: str) -> Address:
    if not isinstance(v, str) or len(v) > 100:
        raise _bad(f"{what}: expected a 0x address")
    try:
        return Address(v)
    except (ValueError, TypeError) as exc:
        raise _bad(f"{what}: {exc}") from None


def _int(v, what: str, lo: int, hi: int) -> int:
    if type(v) is not int or not lo <= v <= hi:
        raise _bad(f"{what}: expected an integer {lo}..{hi}")
    return v


def _params(params, n_min: int, n_max: int, method: str) -> list:
    if not isinstance(params, list) or not n_min <= len(params) <= n_max:
        want = f"{n_min}" if n_min == n_max else f"{n_min} to {n_max}"
        raise _bad(f"{method} takes a list of {want} parameters")
    return params + [None] * (n_max - len(params))


def _object(v, what: str, keys) -> dict:
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise _bad(f"{what}: expected an object")
    unknown = sorted(set(v) - set(keys))
    if unknown:
        raise _bad(f"{what}: unknown field {unknown[0]!r} (fields: {', '.join(keys)})")
    return v


def _refused(exc: E.ChainError) -> RpcError:
    """A refused transaction: -32000 with the reason the CLI prints after 'transaction rejected: '."""
    return RpcError(REFUSED, "transaction rejected", {"reason": str(exc), "location": None})


# --- the methods ---

class Methods:
    def __init__(self, service, node):
        self.service, self.node = service, node
        self.table = {
            "node_info": self.node_info, "node_peers": self.node_peers, "node_addPeer": self.node_add_peer,
            "chain_getBlock": self.get_block, "chain_getTransaction": self.get_tx,
            "chain_getReceipt": self.get_receipt, "chain_getBalance": self.get_balance,
            "chain_getNonce": self.get_nonce, "chain_getCode": self.get_code, "chain_getLogs": self.get_logs,
            "tx_send": self.tx_send, "tx_pending": self.tx_pending,
            "vm_call": self.vm_call, "vm_estimateGas": self.vm_estimate_gas,
            "chain_getStorage": self.get_storage, "tx_dryRun": self.tx_dry_run, "vm_view": self.vm_view,
        }
        if service.debug:  # the VM's steps are recorded (a node started by `obelisk node`)
            self.table.update({"tx_trace": self.tx_trace, "tx_profile": self.tx_profile})
        if service.dev:  # absent elsewhere, as anvil's methods are on geth
            self.table["dev_mine"] = self.dev_mine
        if getattr(node, "extra_methods", None) is not None:  # blob_put/blob_get/blob_has of a node keeping blobs
            self.table.update(node.extra_methods(RpcError))

    async def node_info(self, p):
        _params(p, 0, 0, "node_info")
        doc = await self.service.info()
        parts = self.node.info() if self.node is not None else {}
        return {"chain_id": doc["chain_id"], "genesis": doc["genesis"], "head": doc["head"], "height": doc["height"],
                "peers": parts.get("peers", 0), "mining": parts.get("mining", False),
                "version": parts.get("version", VERSION)}

    async def node_peers(self, p):
        _params(p, 0, 0, "node_peers")
        return list(self.node.peers()) if self.node is not None else []

    async def node_add_peer(self, p):
        (hostport,) = _params(p, 1, 1, "node_addPeer")
        m = _HOSTPORT.match(hostport) if isinstance(hostport, str) else None
        if m is None or not 0 < int(m.group(2)) < 65536:
            raise _bad("HOST:PORT: expected a host and a port 1..65535, as 127.0.0.1:7710")
        if self.node is None:
            raise RpcError(REFUSED, "this node has no peer port", {"reason": "no peer port", "location": None})
        try:
            done = self.node.add_peer(hostport)
            if inspect.isawaitable(done):
                await done
        except ValueError as exc:
            raise _bad(f"HOST:PORT: {exc}") from None
        return True

    async def get_block(self, p):
        (ref,) = _params(p, 0, 1, "chain_getBlock")
        if ref is None:
            pass
        elif type(ref) is int:
            ref = _int(ref, "block number", -(2**63), 2**63 - 1)
        elif isinstance(ref, str):
            ref = _hash(ref, "block hash")
        else:
            raise _bad("block: expected a number, a 0x hash or null")
        return await self.service.block(ref)

    async def get_tx(self, p):
        (h,) = _params(p, 1, 1, "chain_getTransaction")
        return await self.service.tx(_hash(h, "tx hash"))

    async def get_receipt(self, p):
        (h,) = _params(p, 1, 1, "chain_getReceipt")
        return await self.service.receipt(_hash(h, "tx hash"))

    async def get_balance(self, p):
        (a,) = _params(p, 1, 1, "chain_getBalance")
        return await self.service.balance(_address(a, "address"))

    async def get_nonce(self, p):
        (a,) = _params(p, 1, 1, "chain_getNonce")
        return await self.service.nonce(_address(a, "address"))

    async def get_code(self, p):
        (a,) = _params(p, 1, 1, "chain_getCode")
        code = await self.service.code(_address(a, "address"))
        return None if code is None else "0x" + code.hex()

    async def get_storage(self, p):
        a, key = _params(p, 2, 2, "chain_getStorage")
        return await self.service.storage(_address(a, "address"), _hex(key, "key", limits.MAX_KEY_SIZE))

    async def get_logs(self, p):
        (f,) = _params(p, 0, 1, "chain_getLogs")
        f = _object(f, "filter", ("from_block", "to_block", "address", "event"))
        lo = None if f.get("from_block") is None else _int(f["from_block"], "from_block", 0, 2**63 - 1)
        hi = None if f.get("to_block") is None else _int(f["to_block"], "to_block", 0, 2**63 - 1)
        addr = None if f.get("address") is None else _address(f["address"], "address")
        event = f.get("event")
        if event is not None and (not isinstance(event, str) or len(event) > 256):
            raise _bad("event: expected an event name")
        try:
            return await self.service.logs(lo, hi, addr, event)
        except ValueError as exc:
            raise _bad(str(exc)) from None

    async def tx_send(self, p):
        (data,) = _params(p, 1, 1, "tx_send")
        data = _hex(data, "transaction", C.MAX_TX_SIZE)
        try:
            h = await self.service.submit_tx(data)
        except E.InvalidTransaction as exc:
            raise _refused(exc) from None
        return "0x" + h.hex()

    async def tx_pending(self, p):
        _params(p, 0, 0, "tx_pending")
        return ["0x" + h.hex() for h in await self.service.pending()]

    def _call_args(self, p, method: str) -> tuple:
        (f,) = _params(p, 1, 1, method)
        f = _object(f, "call", ("from", "to", "data", "value", "gas"))
        if f.get("to") is None:
            raise _bad("to: a call needs the contract's address")
        to = _address(f["to"], "to")
        sender = None if f.get("from") is None else _address(f["from"], "from")
        data = b"" if f.get("data") is None else _hex(f["data"], "data", C.MAX_TX_SIZE)
        value = 0 if f.get("value") is None else _int(f["value"], "value", 0, C.MAX_AMOUNT)
        gas = None if f.get("gas") is None else _int(f["gas"], "gas", 0, C.BLOCK_GAS_LIMIT)
        return to, data, sender, value, gas

    async def vm_call(self, p):
        doc = await self.service.call(*self._call_args(p, "vm_call"))
        if doc["status"] != "success":
            raise RpcError(REFUSED, "call failed", {"reason": doc["reason"], "location": doc["location"]})
        return doc

    async def vm_estimate_gas(self, p):
        try:
            return await self.service.estimate_gas(*self._call_args(p, "vm_estimateGas"))
        except CallFailed as exc:
            raise RpcError(REFUSED, "call failed", {"reason": exc.reason, "location": exc.location}) from None

    async def tx_trace(self, p):
        (h,) = _params(p, 1, 1, "tx_trace")
        return await self._bounded(self.service.trace(_hash(h, "tx hash")))

    async def tx_profile(self, p):
        (h,) = _params(p, 1, 1, "tx_profile")
        return await self._bounded(self.service.profile(_hash(h, "tx hash")))

    async def tx_dry_run(self, p):
        data, opts = _params(p, 1, 2, "tx_dryRun")
        data = _hex(data, "transaction", C.MAX_TX_SIZE)
        profile = self._profile_option(opts)
        try:
            return await self._bounded(self.service.dry_run(data, profile))
        except E.InvalidTransaction as exc:
            raise _refused(exc) from None

    async def vm_view(self, p):
        f, opts = _params(p, 1, 2, "vm_view")
        profile = self._profile_option(opts)
        f = _object(f, "call", ("from", "to", "data", "gas"))
        if f.get("to") is None:
            raise _bad("to: a call needs the contract's address")
        to = _address(f["to"], "to")
        sender = None if f.get("from") is None else _address(f["from"], "from")
        data = _hex(f.get("data"), "data", C.MAX_TX_SIZE)
        gas = None if f.get("gas") is None else _int(f["gas"], "gas", 0, C.BLOCK_GAS_LIMIT)
        try:
            txmod.decode_call(data)
        except txmod.CallDataError as exc:
            raise _bad(f"data: {exc}") from None
        return await self._bounded(self.service.view(to, data, sender, gas, profile))

    def _profile_option(self, opts) -> bool:
        opts = _object(opts, "options", ("profile",))
        if opts.get("profile") is not None and type(opts["profile"]) is not bool:
            raise _bad("profile: expected true or false")
        if opts.get("profile") and not self.service.debug:
            raise _bad("profile: this node does not record the VM's steps")
        return bool(opts.get("profile"))

    @staticmethod
    async def _bounded(work):
        """A run too long to record (over the recorder's steps) is the caller's bad request, said so."""
        try:
            return await work
        except ArgumentError as exc:
            raise _bad(str(exc)) from None

    async def dev_mine(self, p):
        (n,) = _params(p, 0, 1, "dev_mine")
        n = 1 if n is None else _int(n, "N", 1, MAX_DEV_MINE)
        return ["0x" + h.hex() for h in await self.service.dev_mine(n)]


# --- the envelope ---

def _error(code: int, message: str, req_id=None, data=None) -> dict:
    err = {"code": code, "message": message}
    if data is not None:
        err["data"] = data
    return {"jsonrpc": "2.0", "error": err, "id": req_id}


def _valid_id(v) -> bool:
    return v is None or isinstance(v, str) or (type(v) in (int, float) and v == v)


async def _one(methods: Methods, req):
    """The response to one request object, or None for a notification."""
    if not isinstance(req, dict):
        return _error(INVALID_REQUEST, "invalid request: expected a JSON-RPC 2.0 request object")
    req_id = req.get("id")
    if not _valid_id(req_id):
        return _error(INVALID_REQUEST, "invalid request: id must be a string, a number or null")
    method = req.get("method")
    if req.get("jsonrpc") != "2.0" or not isinstance(method, str) or set(req) - {"jsonrpc", "method", "params", "id"}:
        return _error(INVALID_REQUEST, 'invalid request: needs "jsonrpc": "2.0" and a "method" string', req_id)
    params = req.get("params", [])
    if not isinstance(params, (list, dict)):
        return _error(INVALID_REQUEST, "invalid request: params must be a list", req_id)
    fn = methods.table.get(method)
    notification = "id" not in req
    try:
        if fn is None:
            shown = method if len(method) <= 64 else method[:61] + "..."
            raise RpcError(NO_METHOD, f"no such method: {shown!r}")
        if isinstance(params, dict):
            raise _bad(f"{method} takes its parameters as a list")
        result = await fn(params)
    except RpcError as exc:
        return None if notification else _error(exc.code, exc.message, req_id, exc.data)
    except E.ChainError as exc:  # a damaged datadir: said, not hidden
        log.error("chain error in %s: %s", method, exc)
        return None if notification else _error(INTERNAL, f"internal error: {exc}", req_id)
    except Exception:  # noqa: BLE001 - a bug of ours: logged, the node keeps serving
        log.exception("internal error in %s", method)
        return None if notification else _error(INTERNAL, "internal error (see the node's log)", req_id)
    return None if notification else {"jsonrpc": "2.0", "result": result, "id": req_id}


def _respond(doc, status: int = 200) -> web.Response:
    return web.Response(status=status, body=json.dumps(doc, separators=(",", ":")).encode(),
                        content_type="application/json")


async def _read_bounded(request: web.Request):
    """The body, or None when it is over MAX_REQUEST_BYTES (checked on the header, then while reading)."""
    if request.content_length is not None and request.content_length > MAX_REQUEST_BYTES:
        return None
    chunks, size = [], 0
    while True:
        chunk = await request.content.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            return None
        chunks.append(chunk)


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")  # Python's json takes NaN and Infinity; JSON does not


def make_rpc_app(service, node=None) -> web.Application:
    """The JSON-RPC application: POST / with a request or a batch (node: the peer side, or None)."""
    methods = Methods(service, node)

    async def handle(request: web.Request) -> web.Response:
        body = await _read_bounded(request)
        if body is None:
            return _respond(_error(INVALID_REQUEST, f"request over {MAX_REQUEST_BYTES} bytes"), 413)
        try:
            doc = json.loads(body, parse_constant=_no_constant)
        except (ValueError, RecursionError):  # bad UTF-8, bad JSON, NaN, nesting past Python's limit
            return _respond(_error(PARSE_ERROR, "parse error: the body is not JSON"))
        if isinstance(doc, list):
            if not doc:
                return _respond(_error(INVALID_REQUEST, "invalid request: an empty batch"))
            if len(doc) > MAX_BATCH:
                return _respond(_error(INVALID_REQUEST, f"batch of {len(doc)} requests: at most {MAX_BATCH}"))
            out = [r for r in [await _one(methods, req) for req in doc] if r is not None]
            return _respond(out) if out else web.Response(status=204)
        out = await _one(methods, doc)
        return _respond(out) if out is not None else web.Response(status=204)

    app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    app.router.add_post("/", handle)
    return app


class RpcServer:
    """make_rpc_app served on HOST:PORT (port 0 picks one); `url` once started."""

    def __init__(self, service, node=None, host: str = "127.0.0.1", port: int = 0):
        self.app = make_rpc_app(service, node)
        self.host, self.port = host, port
        self._runner = None
        self.url = None

    async def start(self) -> str:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{host}:{self.port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
