"""What the worker and the job client need from a chain and a blob store, as two small
interfaces, with in-process implementations over chain.Devnet and a BlobStore.

A network implementation (JSON-RPC to a node) provides the same methods; the worker's
and client's logic never knows which one it talks to.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Protocol

from .blobs import BlobError, BlobStore, blob_hash

MARKET_FILE = "compute_market.contract"
OPEN, PAID, FAILED = 0, 1, 2
STATES = {OPEN: "open", PAID: "paid", FAILED: "failed"}


class MarketReverted(Exception):
    """A market transaction or view that reverted; `.reason` is the contract's message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Unreachable(Exception):
    """The chain or blob store could not be reached (a node went away); try again later."""


class Stale(Exception):
    """A signed transaction the chain will never take: its nonce went to another transaction."""


class MarketChain(Protocol):
    """The market contract as one account sees it."""

    address: object  # the account's Address

    def height(self) -> int: ...

    def view(self, fn: str, *args):
        """A view's value; structs as dicts keyed by field name. MarketReverted on a revert."""

    def send(self, fn: str, *args, value: int = 0):
        """Sends a transaction and waits until it is mined; returns its value. MarketReverted on a revert."""

    # A send in three steps, for a caller that records the transaction before it leaves
    # (JobClient.post: a post whose answer is lost is found again by its hash).
    def sign(self, fn: str, *args, value: int = 0) -> tuple:
        """(tx hash, signed bytes) of a transaction calling fn with the next nonce; nothing sent."""

    def submit(self, raw: bytes) -> None:
        """Hands signed bytes to the chain; fine if it has them already. Stale if their nonce is taken."""

    def outcome(self, fn: str, tx_hash: bytes):
        """None while the transaction is not mined; else fn's value (MarketReverted if it reverted).
        Meant for functions that return a value (a job id), so None is never a value."""

    def wait(self, fn: str, tx_hash: bytes):
        """Waits until the transaction is mined; fn's value (MarketReverted if it reverted)."""


class Blobs(Protocol):
    def put(self, data: bytes) -> bytes: ...

    def get(self, digest: bytes) -> bytes | None: ...


def market_source() -> str:
    """Path of the market contract: inside the installed package, else the checkout's examples/."""
    packaged = resources.files("obelisk.compute").joinpath(MARKET_FILE)
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parents[2] / "examples" / MARKET_FILE)


def compile_market():
    """The market's artifact, its source spans naming the file without a directory, so
    its code is the same bytes wherever Obelisk is installed (the dev genesis holds it)."""
    import lang

    return lang.compile_file(market_source(), filename=MARKET_FILE)


def fetch_verified(blobs: Blobs, digest: bytes) -> bytes | None:
    """A blob, checked against its hash here too: a store we do not run is not trusted."""
    data = blobs.get(digest)
    if data is not None and blob_hash(data) != digest:
        raise BlobError(f"blob 0x{digest.hex()} does not match its hash")
    return data


# -- in process --------------------------------------------------------------------------

class DevnetMarket:
    """MarketChain over a chain.Devnet contract handle, signing as `key` (each send mines a block)."""

    def __init__(self, net, handle, key):
        self.net, self.handle, self.key = net, handle, key
        self.address, self.market = key.address, handle.address

    def height(self) -> int:
        return self.net.height

    def view(self, fn: str, *args):
        import chain

        bound = self.handle.function(fn)
        try:
            value = bound(*args, sender=self.key)
        except chain.Reverted as exc:
            raise MarketReverted(exc.reason or "reverted") from None
        return _named(bound.fn.returns, value)

    def send(self, fn: str, *args, value: int = 0):
        import chain

        try:
            return self.handle.function(fn)(*args, sender=self.key, value=value).value
        except chain.Reverted as exc:
            raise MarketReverted(exc.reason or "reverted") from None

    def sign(self, fn: str, *args, value: int = 0) -> tuple:
        from chain import tx as txmod
        from chain.devnet import to_args

        params = self.handle.function(fn).fn.params
        t = self.net.make_tx(self.key, self.handle.address, value, txmod.encode_call(fn, to_args(params, args, fn)))
        return t.hash, t.encode()

    def submit(self, raw: bytes) -> None:
        from chain import errors as E

        try:
            self.net.submit(raw)
        except E.DuplicateTransaction:
            pass
        except (E.BadNonce, E.ReplacementUnderpriced) as exc:
            raise Stale(str(exc)) from None

    def outcome(self, fn: str, tx_hash: bytes):
        r = self.net.receipt(tx_hash)
        if r is None:
            return None
        if not r.status:
            raise MarketReverted(r.reason or "reverted")
        return r.value

    def wait(self, fn: str, tx_hash: bytes):
        while self.net.receipt(tx_hash) is None:  # a transaction the pool dropped is not waited for
            if self.net.tx(tx_hash) is None:
                raise Unreachable(f"transaction 0x{tx_hash.hex()} is neither pending nor mined")
            self.net.mine(1)
        return self.outcome(fn, tx_hash)


def _named(abi_type, value):
    """A struct value (a tuple) as a dict keyed by the ABI's field names."""
    if isinstance(abi_type, tuple) and len(abi_type) == 3 and abi_type[0] == "struct":
        return {name: v for (name, _), v in zip(abi_type[2], value)}
    return value


class StoreBlobs:
    """Blobs over a local BlobStore, charged to one account."""

    def __init__(self, store: BlobStore, owner):
        self.store, self.owner = store, bytes(owner)

    def put(self, data: bytes) -> bytes:
        return self.store.put(data, self.owner)

    def get(self, digest: bytes) -> bytes | None:
        return self.store.get(digest)
