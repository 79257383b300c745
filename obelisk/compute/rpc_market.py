"""MarketChain and Blobs over a node's JSON-RPC (obelisk.node.rpc_client signs and sends):
what `obelisk worker` and `obelisk job` talk to. Keys stay in this process.
"""
from __future__ import annotations

from vm import abi
from vm.values import Address

from .blob_rpc import sign_put
from .blobs import BlobError, blob_hash
from .market import MarketReverted, Stale, Unreachable, _named

STALE_CODES = ("tx-bad-nonce", "tx-replacement-underpriced")  # the nonce went to another transaction


class MarketNotFound(ValueError):
    """No market contract at the address given."""


def _node():
    try:
        from obelisk.node import rpc_client
    except ImportError:  # the node's package is absent from this install
        raise Unreachable("this installation has no node client (obelisk.node.rpc_client)") from None
    return rpc_client


class RpcMarket:
    """The market at `market` on the node at `url`, as account `key` sees it."""

    def __init__(self, url: str, market, key, *, timeout: float = 60.0):
        rpc_client = _node()
        self._errors = rpc_client
        self.key, self.address = key, key.address
        self.market = Address(market)
        try:
            self.rpc = rpc_client.RpcChain(url, timeout=timeout)
            self.code = self.rpc.code_object_at(self.market)
        except rpc_client.NodeError as exc:
            raise Unreachable(str(exc)) from None
        if self.code is None or self.code.function("post_sealed_job") is None:
            raise MarketNotFound(f"no compute market at {self.market}")

    def _guard(self, work):
        import chain

        try:
            return work()
        except chain.Reverted as exc:
            raise MarketReverted(exc.reason or "reverted") from None
        except self._errors.NodeRefused as exc:  # refused before it ran: the reason is the node's
            raise MarketReverted(str(exc)) from None
        except self._errors.NodeError as exc:
            raise Unreachable(str(exc)) from None

    def height(self) -> int:
        return self._guard(lambda: self.rpc.height)

    def view(self, fn: str, *args):
        value = self._guard(lambda: self.rpc.call(self.market, fn, *args, sender=self.key))
        return _named(self.code.function(fn).returns, value)

    def send(self, fn: str, *args, value: int = 0):
        receipt = self._guard(lambda: self.rpc.call(self.market, fn, *args, sender=self.key, value=value))
        return self._value(fn, receipt)

    def _value(self, fn: str, receipt):
        returns = self.code.function(fn).returns
        doc = receipt.to_json().get("value")
        if returns is None or doc is None:
            return None
        return abi.to_python(abi.from_json(doc, returns, "return"), returns)

    # -- a send in three steps (market.MarketChain) --------------------------------------

    def sign(self, fn: str, *args, value: int = 0) -> tuple:
        from chain import tx as txmod
        from chain.devnet import to_args

        f = self.code.function(fn)
        data = txmod.encode_call(f.name, to_args(f.params, args, f.name))
        # Signed as every other send of RpcChain is (nonce from the node, gas from its dry run plus the margin).
        t = self._guard(lambda: self.rpc.make_tx(self.key, self.market, value, data))
        return t.hash, t.encode()

    def submit(self, raw: bytes) -> None:
        def work():
            try:
                self.rpc.rpc.call("tx_send", "0x" + raw.hex())
            except self._errors.RemoteError as exc:
                if exc.rpc_code != -32000:
                    raise
                refused = self._errors.NodeRefused(exc.message)
                if refused.code == "tx-duplicate":  # pending already, or mined
                    return
                if refused.code in STALE_CODES:
                    raise Stale(str(refused)) from None
                raise refused from None
        self._guard(work)

    def outcome(self, fn: str, tx_hash: bytes):
        receipt = self._guard(lambda: self.rpc.receipt(tx_hash))
        if receipt is None:
            return None
        if not receipt.status:
            raise MarketReverted(receipt.reason or "reverted")
        return self._value(fn, receipt)

    def wait(self, fn: str, tx_hash: bytes):
        receipt = self._guard(lambda: self.rpc.wait_receipt(tx_hash))  # polls the receipt until RpcChain's timeout
        if not receipt.status:
            raise MarketReverted(receipt.reason or "reverted")
        return self._value(fn, receipt)

    def logs(self, event: str, from_block=None) -> list:
        return self._guard(lambda: self.rpc.logs(from_block=from_block, address=self.market, event=event))


class RpcBlobs:
    """Blobs through the node's blob_put / blob_get, puts signed by `key`."""

    def __init__(self, market: RpcMarket):
        self.m = market

    def put(self, data: bytes) -> bytes:
        def work():
            try:
                return self.m.rpc.rpc.call("blob_put", "0x" + data.hex(), sign_put(self.m.key, data))
            except self.m._errors.RemoteError as exc:
                raise BlobError(f"the node refused the blob: {exc}") from None
        answer = self.m._guard(work)
        if answer != "0x" + blob_hash(data).hex():
            raise BlobError(f"the node stored the blob under {answer}, not its hash")
        return blob_hash(data)

    def get(self, digest: bytes) -> bytes | None:
        def work():
            try:
                return self.m.rpc.rpc.call("blob_get", "0x" + digest.hex())
            except self.m._errors.RemoteError as exc:  # e.g. damaged on the node: dropped there
                raise BlobError(f"the node could not serve the blob: {exc}") from None
        answer = self.m._guard(work)
        if answer is None:
            return None
        if not isinstance(answer, str) or not answer.startswith("0x"):
            raise BlobError("the node answered blob_get with something that is not hex")
        try:
            data = bytes.fromhex(answer[2:])
        except ValueError:
            raise BlobError("the node answered blob_get with something that is not hex") from None
        if blob_hash(data) != digest:
            raise BlobError(f"blob 0x{digest.hex()} from the node does not match its hash")
        return data
