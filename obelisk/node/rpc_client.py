"""A JSON-RPC client of a node, and RpcChain: the chain commands' backend when they talk to a node (--rpc).

Keys never leave this process: transactions are signed here and only their
bytes are sent. Results are the node's documents, which are the CLI's own.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

from chain import consensus as C
from chain import errors as E
from chain import tx as txmod
from chain.devnet import DEFAULT_GAS_PRICE, Reverted, to_args
from chain.devtools import gas_cap, padded_gas
from chain.keys import PrivateKey, dev_keys
from chain.logs import LogQueryError
from chain.results import ArgumentError
from vm import abi
from vm import code as vmcode
from vm.values import Address

# Bytes of one answer read from a node (a block document, a page of logs).
MAX_ANSWER_BYTES = 64 * 1024 * 1024
# How often a waiting command asks for its receipt.
POLL_SECONDS = 0.05
# Times a send re-reads the nonce and signs again when another sender took it meanwhile.
NONCE_RETRIES = 20
_RETRY_CODES = ("tx-bad-nonce", "tx-duplicate", "tx-replacement-underpriced")


class NodeError(E.ChainError):
    """The node could not be asked, or answered with an error that is not a refusal."""

    code = "rpc-error"


class NodeRefused(E.InvalidTransaction):
    """The node refused a transaction: `code` and message as the node's chain said them."""

    def __init__(self, reason: str):
        code, sep, message = reason.partition(": ")
        super().__init__(message if sep else reason)
        self.code = code if sep else "invalid-tx"


class RpcClient:
    """JSON-RPC 2.0 over HTTP POST to one node."""

    def __init__(self, url: str, timeout: float = 30.0):
        self.url = url.rstrip("/") + "/"
        self.timeout = timeout
        self._id = 0

    def call(self, method: str, *params):
        self._id += 1
        body = json.dumps({"jsonrpc": "2.0", "id": self._id, "method": method, "params": list(params)}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                data = resp.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            data = exc.read(MAX_ANSWER_BYTES + 1)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise NodeError(f"cannot reach the node at {self.url}: {getattr(reason, 'strerror', None) or reason}") from None
        if len(data) > MAX_ANSWER_BYTES:
            raise NodeError(f"the node's answer to {method} is over {MAX_ANSWER_BYTES} bytes")
        try:
            doc = json.loads(data)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
            raise NodeError(f"the node at {self.url} did not answer JSON-RPC") from None
        if not isinstance(doc, dict) or ("result" not in doc and "error" not in doc):
            raise NodeError(f"the node at {self.url} did not answer JSON-RPC")
        err = doc.get("error")
        if err is not None:
            raise RemoteError(err.get("code"), str(err.get("message")), err.get("data"))
        return doc["result"]


class RemoteError(NodeError):
    """A JSON-RPC error answer: `rpc_code`, `data`."""

    def __init__(self, rpc_code, message: str, data=None):
        reason = data.get("reason") if isinstance(data, dict) else None
        super().__init__(reason or message)
        self.rpc_code, self.data = rpc_code, data

    def __str__(self) -> str:
        return self.message


# --- the node's documents, with the fields the commands read ---

class _Doc:
    def __init__(self, doc: dict):
        self._doc = doc

    def to_json(self) -> dict:
        return dict(self._doc)


def _bytes(h):
    return None if h is None else bytes.fromhex(h[2:])


class RemoteBlock(_Doc):
    def __init__(self, doc):
        super().__init__(doc)
        self.number, self.hash = doc["number"], _bytes(doc["hash"])
        self.transactions = tuple(_bytes(h) for h in doc["transactions"])


class RemoteTx(_Doc):
    def __init__(self, doc):
        super().__init__(doc)
        self.hash, self.data, self.block_number = _bytes(doc["hash"]), _bytes(doc["data"]), doc["block"]


class RemoteReceipt(_Doc):
    def __init__(self, doc):
        super().__init__(doc)
        self.status = doc["status"] == "success"
        self.gas_used, self.block_number = doc["gas_used"], doc["block"]
        self.tx_hash = _bytes(doc["tx"])
        self.reason, self.location = doc.get("reason"), doc.get("location")
        self.contract_address = Address(doc["address"]) if doc.get("address") else None


class RpcChain:
    """What the chain commands use of a chain (obelisk.cli.backend's seam), on a node over JSON-RPC.

    `timeout`: seconds a transaction may take to be mined; `on_sent(tx_hash)`
    is told of every transaction sent (a --no-wait command stops there), and
    `on_timeout(tx_hash, seconds)` of one not mined in time (then ReceiptTimeout).
    """

    def __init__(self, url: str, *, timeout: float = 60.0, on_sent=None, on_timeout=None):
        self.rpc = RpcClient(url)
        self.url = url
        self.timeout = timeout
        self.on_sent, self.on_timeout = on_sent, on_timeout
        self.info = self.rpc.call("node_info")
        self.chain_id = self.info["chain_id"]
        self.accounts = dev_keys()
        self._codes: dict = {}

    def close(self) -> None:
        pass

    # --- reading ---
    @property
    def height(self) -> int:
        return self.rpc.call("node_info")["height"]

    def block(self, n=None):
        ref = n if n is None or type(n) is int else "0x" + bytes(n).hex()
        doc = self.rpc.call("chain_getBlock", ref)
        return None if doc is None else RemoteBlock(doc)

    def tx(self, tx_hash: bytes):
        doc = self.rpc.call("chain_getTransaction", "0x" + bytes(tx_hash).hex())
        return None if doc is None else RemoteTx(doc)

    def receipt(self, tx_hash: bytes):
        doc = self.rpc.call("chain_getReceipt", "0x" + bytes(tx_hash).hex())
        return None if doc is None else RemoteReceipt(doc)

    def balance(self, address) -> int:
        return self.rpc.call("chain_getBalance", str(Address(address)))

    def next_nonce(self, address) -> int:
        """The next nonce, pending transactions counted (chain_getNonce)."""
        return self.rpc.call("chain_getNonce", str(Address(address)))

    def code_at(self, address):
        code = self.rpc.call("chain_getCode", str(Address(address)))
        return None if code is None else bytes.fromhex(code[2:])

    def code_object_at(self, address):
        code = self.code_at(address)
        if code is None:
            return None
        obj = self._codes.get(code)
        if obj is None:
            obj = self._codes[code] = vmcode.decode(code)
        return obj

    def logs(self, from_block=None, to_block=None, address=None, event=None) -> list:
        """Event documents, as chain.logs.find_logs gives them (chain_getLogs)."""
        query = {"from_block": from_block, "to_block": to_block, "event": event,
                 "address": None if address is None else str(Address(address))}
        try:
            return self.rpc.call("chain_getLogs", {k: v for k, v in query.items() if v is not None})
        except RemoteError as exc:
            if exc.rpc_code == -32602:
                raise LogQueryError(exc.message) from None
            raise

    def storage_at(self, address, key: bytes):
        """The value stored under key in a contract's storage on the head state, or None (chain_getStorage)."""
        from chain.state import decode_storage_value

        raw = self.rpc.call("chain_getStorage", str(Address(address)), "0x" + bytes(key).hex())
        if raw is None:
            return None
        try:
            return decode_storage_value(_bytes(raw))
        except (E.ChainError, ValueError) as exc:
            raise NodeError(f"the node's storage record is not one: {exc}") from None

    # --- what a call did inside, and would do (the debug methods: queries.trace & co. on the node) ---
    def trace_doc(self, tx_hash: bytes):
        return self._debug("tx_trace", "0x" + bytes(tx_hash).hex())

    def profile_doc(self, tx_hash: bytes):
        return self._debug("tx_profile", "0x" + bytes(tx_hash).hex())

    def dry_run_doc(self, t_: txmod.Transaction, profile: bool = False) -> dict:
        """The receipt document the signed transaction would get if mined next (tx_dryRun); nothing is sent."""
        try:
            return self._debug("tx_dryRun", "0x" + t_.encode().hex(), {"profile": profile})
        except RemoteError as exc:
            if exc.rpc_code == -32000:
                raise NodeRefused(exc.message) from None
            raise

    def view_doc(self, address, data: bytes, sender, gas, profile: bool = False) -> dict:
        query = {"to": str(Address(address)), "data": "0x" + bytes(data).hex()}
        if sender is not None:
            query["from"] = str(sender.address if isinstance(sender, PrivateKey) else Address(sender))
        if gas is not None:
            query["gas"] = gas
        return self._debug("vm_view", query, {"profile": profile})

    def estimate_gas(self, sender=None, to=None, value=0, data=b"") -> int:
        """The gas the transaction would use if mined next, as chain.Devnet.estimate_gas (a dry run); Reverted if it fails."""
        doc = self.dry_run_doc(self.make_tx(sender, to, value, data))
        if doc["status"] != "success":
            raise Reverted(doc.get("reason"), doc.get("location"), None)
        return doc["gas_used"]

    def _debug(self, method: str, *params):
        try:
            return self.rpc.call(method, *params)
        except RemoteError as exc:
            if exc.rpc_code == -32601:
                raise NoSuchMethod(f"the node at {self.url} offers no {method} (a node started by `obelisk node` "
                                   "does)") from None
            if exc.rpc_code == -32602:
                raise ArgumentError(exc.message) from None
            raise

    def verify(self):
        raise NodeError("verify re-validates a data directory: run it with --datadir where the node keeps its chain")

    # --- writing ---
    def mine(self, n: int = 1) -> list:
        out = []
        for _ in range(n):
            try:
                (h,) = self.rpc.call("dev_mine", 1)
            except RemoteError as exc:
                if exc.rpc_code == -32601:
                    raise NodeError(f"the node at {self.url} mines by itself: mining on request (dev_mine) "
                                    "is the dev network's only") from None
                raise
            out.append(self.block(_bytes(h)))
        return out

    def transfer(self, sender, to, amount: int, *, gas=None, gas_price=DEFAULT_GAS_PRICE, nonce=None):
        return self._send(sender, Address(to), amount, b"", gas, gas_price, nonce)

    def deploy(self, art, *args, sender=None, value=0, gas=None, contract=None, gas_price=DEFAULT_GAS_PRICE,
               nonce=None):
        code_bytes = bytes(art.bytecode) if hasattr(art, "bytecode") else bytes(art)
        code = vmcode.decode(code_bytes)
        init = next((f for f in code.functions if f.is_init), None)
        wire = to_args(init.params if init is not None else (), args, "constructor")
        receipt = self._send(sender, None, value, txmod.encode_deploy(code_bytes, wire), gas, gas_price, nonce)
        return _Deployed(receipt)

    def call(self, address, function: str, *args, sender=None, value=0, gas=None, gas_price=DEFAULT_GAS_PRICE,
             nonce=None):
        """A view's value (vm_call, nothing sent), or the receipt of a transaction calling `function`."""
        address = Address(address)
        code = self.code_object_at(address)
        fn = code.function(function) if code is not None else None
        if fn is None or not fn.is_pub or fn.is_init:
            raise E.InvalidTransaction(f"no public function {function!r} at {address}")
        wire = to_args(fn.params, args, fn.name)
        data = txmod.encode_call(fn.name, wire)
        if not fn.is_view:
            return self._send(sender, address, value, data, gas, gas_price, nonce)
        query = {"to": str(address), "data": "0x" + data.hex()}
        if sender is not None:
            query["from"] = str(sender.address if isinstance(sender, PrivateKey) else Address(sender))
        if gas is not None:
            query["gas"] = gas
        try:
            doc = self.rpc.call("vm_call", query)
        except RemoteError as exc:
            if exc.rpc_code == -32000 and isinstance(exc.data, dict):
                raise Reverted(exc.data.get("reason"), exc.data.get("location"), None) from None
            raise
        return abi.to_python(abi.from_json(doc["return"], fn.returns, "return"), fn.returns) \
            if fn.returns is not None else None

    def _key(self, sender) -> PrivateKey:
        if sender is None:
            return self.accounts[0]
        if isinstance(sender, PrivateKey):
            return sender
        raise E.InvalidTransaction(f"no key for sender {sender}")

    def send(self, t_: txmod.Transaction):
        """Send a signed transaction and wait for its receipt (a failed one too)."""
        self._submit(t_)
        return self._receipt_of_sent(t_.hash)

    def _submit(self, t_) -> None:
        try:
            self.rpc.call("tx_send", "0x" + t_.encode().hex())
        except RemoteError as exc:
            if exc.rpc_code != -32000:
                raise
            raise NodeRefused(exc.message) from None
        except NodeError as exc:  # no answer: the node may have admitted it before it went silent
            h = "0x" + t_.hash.hex()
            raise NodeError(f"transaction {h} may have reached the node, which did not answer ({exc.message}): "
                            f"before sending it again, look: obelisk tx {h} --rpc {self.url}") from None
        if self.on_sent is not None:
            self.on_sent(t_.hash)

    def _send(self, sender, to, value, data, gas, gas_price, nonce=None):
        key = self._key(sender)
        if gas is None:  # estimated once, before the nonce races below
            gas = self.make_tx(key, to, value, data, None, gas_price, nonce).gas_limit
        for attempt in range(NONCE_RETRIES):
            t_ = self.make_tx(key, to, value, data, gas, gas_price, nonce)
            try:
                self._submit(t_)
                break
            except NodeRefused as exc:
                # The nonce is read from the node: refused for it means another client took it
                # between our read and our send (two sends at once). Read it again and re-sign;
                # a nonce the caller chose is theirs: its refusal is the answer.
                if exc.code not in _RETRY_CODES or nonce is not None or attempt == NONCE_RETRIES - 1:
                    raise
        receipt = self._receipt_of_sent(t_.hash)
        if not receipt.status:
            raise Reverted(receipt.reason, receipt.location, receipt)
        return receipt

    def make_tx(self, sender=None, to=None, value=0, data=b"", gas=None, gas_price=DEFAULT_GAS_PRICE,
                nonce=None) -> txmod.Transaction:
        """Signed as chain.Devnet.make_tx signs: the next nonce (pending counted), and gas=None as the gas
        its dry run on the node uses plus the margin (chain.devtools.padded_gas)."""
        key = self._key(sender)
        if nonce is None:
            nonce = self.next_nonce(key.address)
        unsigned = txmod.Transaction(C.TX_VERSION, self.chain_id, nonce, to, value, 0, gas_price, data,
                                     key.public_key, b"")
        if gas is None:
            intrinsic = txmod.intrinsic_gas(unsigned)
            if to is not None and not data and self.code_at(to) is None:
                gas = intrinsic
            else:
                cap = gas_cap(self.balance(key.address), value, gas_price, intrinsic)
                probe = self.make_tx(key, to, value, data, cap, gas_price, nonce)
                try:
                    gas = padded_gas(self.dry_run_doc(probe)["gas_used"], cap)
                except (NodeRefused, NoSuchMethod):  # the submission says why; an older node: the most it can pay
                    gas = cap
        return txmod.Transaction(C.TX_VERSION, self.chain_id, nonce, to, value, gas, gas_price, data,
                                 key.public_key).signed(key)

    def _receipt_of_sent(self, tx_hash: bytes) -> RemoteReceipt:
        try:
            return self.wait_receipt(tx_hash)
        except ReceiptTimeout:
            raise
        except NodeError as exc:  # admitted, so it may yet be mined: say so, with its hash, never "rejected"
            h = "0x" + tx_hash.hex()
            raise NodeError(f"transaction {h} was sent (the node admitted it), then {exc.message} "
                            f"(later: obelisk receipt {h} --rpc {self.url})") from None

    def wait_receipt(self, tx_hash: bytes) -> RemoteReceipt:
        """The receipt of a sent transaction, polled until this client's timeout (ReceiptTimeout)."""
        deadline = time.monotonic() + self.timeout
        while True:
            r = self.receipt(tx_hash)
            if r is not None:
                return r
            if time.monotonic() >= deadline:
                if self.on_timeout is not None:
                    self.on_timeout(tx_hash, self.timeout)
                raise ReceiptTimeout(tx_hash, self.timeout)
            time.sleep(POLL_SECONDS)


class NoSuchMethod(NodeError):
    """The node has no such method (an older node, or one that records no VM steps)."""


class ReceiptTimeout(NodeError):
    code = "rpc-timeout"

    def __init__(self, tx_hash: bytes, seconds: float):
        super().__init__(f"transaction 0x{tx_hash.hex()} was sent but not mined within {seconds:g} s")
        self.tx_hash = tx_hash


class _Deployed:
    """What deploy() returns: the commands read `.receipt`."""

    def __init__(self, receipt):
        self.receipt = receipt
        self.address = receipt.contract_address
