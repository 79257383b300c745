"""What the library hands back: receipts with decoded events, block and transaction views, and Reverted.

Each has `to_json()`, the document the CLI prints and the RPC returns (values by vm.abi.to_json).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from vm.abi import AbiError
from vm.abi import to_json as json_value
from vm.values import Address


def _readable_repr(self) -> str:
    """The dataclass repr with hashes and bytes as 0x hex (b'\\xd4...' reads as nothing)."""
    return f"{type(self).__name__}({', '.join(f'{f.name}={_shown(getattr(self, f.name))}' for f in fields(self) if f.repr)})"


def _shown(v) -> str:
    if type(v) is bytes:
        return "0x" + v.hex()
    if type(v) in (list, tuple):
        inner = ", ".join(_shown(x) for x in v)
        return f"[{inner}]" if type(v) is list else f"({inner}{',' if len(v) == 1 else ''})"
    return repr(v)


class ArgumentError(AbiError):
    """A Python value that does not fit the ABI type of a parameter, or a request the library refuses."""


class Reverted(Exception):
    """A call or transaction that failed: `.reason`, `.location` (file:line:col or None), `.receipt` (None for a view)."""

    def __init__(self, reason, location=None, receipt=None, retrace=None):
        text = reason or "reverted"
        super().__init__(f"{text} at {location}" if location else text)
        self.reason = reason
        self.location = location
        self.receipt = receipt
        self._retrace = retrace  # runs a failed view call again with a tracer (obelisk.Devnet)

    def trace(self):
        """The call tree of what reverted: the transaction's (receipt.trace()), or a view call's run again."""
        if self.receipt is not None:
            return self.receipt.trace()
        if self._retrace is None:
            raise RuntimeError("no trace: this revert came from no transaction or view call of an obelisk.Devnet")
        return self._retrace()


@dataclass(frozen=True)
class Event:
    """A decoded log: equal when address, name and every argument are equal."""

    address: Address
    name: str
    args: dict = field(default_factory=dict)
    # ABI types of the args (for JSON: structs as objects); not part of equality.
    types: dict = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict:
        return {"name": self.name, "address": str(self.address),
                "args": {k: json_value(v, self.types.get(k)) for k, v in self.args.items()}}


@dataclass(repr=False)
class Receipt:
    status: bool
    value: object
    gas_used: int
    block_number: int
    block_hash: bytes
    tx_hash: bytes
    index: int
    logs: list
    reason: str | None = None
    location: str | None = None
    contract_address: Address | None = None
    sender: Address | None = None
    to: Address | None = None
    value_type: object = None
    # The Devnet that made it (for trace() and profile()); not part of equality or repr.
    _net: object = field(default=None, compare=False, repr=False)

    def trace(self):
        """The transaction's call tree (obelisk.debug.Trace), replayed from the chain: every frame with
        contract, function, arguments, result or revert reason, gas, events and call site."""
        return self._debug().trace(self.tx_hash)

    def profile(self):
        """Gas per source line and per function (obelisk.debug.GasProfile), exact to the unit."""
        return self._debug().profile(self.tx_hash)

    def _debug(self):
        net = self._net
        if net is None or not hasattr(net, "trace"):
            raise RuntimeError("traces and profiles come from an obelisk.Devnet (chain.Devnet has no source maps "
                               "to read them with); this receipt has no such chain")
        if self.block_hash is None:
            raise RuntimeError("a dry run's receipt has no transaction to replay: trace it with a tracer_for")
        return net

    __repr__ = _readable_repr

    def to_json(self) -> dict:
        """The CLI's receipt document (docs/chain.md)."""
        doc = {
            "status": "success" if self.status else "reverted",
            "value": json_value(self.value, self.value_type),
            "gas_used": self.gas_used,
            "events": [e.to_json() for e in self.logs],
            "reason": self.reason,
            "location": self.location,
            "block": self.block_number,
            "tx": "0x" + self.tx_hash.hex(),
        }
        if self.contract_address is not None:
            doc["address"] = str(self.contract_address)
        return doc


@dataclass(frozen=True, repr=False)
class BlockInfo:
    number: int
    hash: bytes
    parent: bytes
    timestamp: int
    miner: Address
    target: int
    nonce: int
    gas_used: int
    gas_limit: int
    reward: int
    state_root: bytes
    tx_root: bytes
    receipts_root: bytes
    transactions: tuple  # tx hashes
    canonical: bool = True

    __repr__ = _readable_repr

    def to_json(self) -> dict:
        return {
            "number": self.number, "hash": "0x" + self.hash.hex(), "parent": "0x" + self.parent.hex(),
            "timestamp": self.timestamp, "miner": str(self.miner), "target": f"{self.target:#066x}",
            "nonce": self.nonce, "gas_used": self.gas_used, "gas_limit": self.gas_limit, "reward": self.reward,
            "state_root": "0x" + self.state_root.hex(), "tx_root": "0x" + self.tx_root.hex(),
            "receipts_root": "0x" + self.receipts_root.hex(),
            "transactions": ["0x" + h.hex() for h in self.transactions], "canonical": self.canonical,
        }


@dataclass(frozen=True, repr=False)
class TxInfo:
    hash: bytes
    sender: Address
    to: Address | None
    nonce: int
    value: int
    gas_limit: int
    gas_price: int
    data: bytes
    block_number: int | None  # None while pending
    block_hash: bytes | None
    index: int | None
    function: str | None = None  # the called function, when the data is call data
    args: list | None = None
    # ABI types of the args, when they fit the called function (for JSON: structs as objects); not part of equality.
    arg_types: tuple | None = field(default=None, compare=False, repr=False)

    __repr__ = _readable_repr

    def to_json(self) -> dict:
        types = self.arg_types or (None,) * len(self.args or ())
        return {
            "hash": "0x" + self.hash.hex(), "from": str(self.sender), "to": None if self.to is None else str(self.to),
            "nonce": self.nonce, "value": self.value, "gas_limit": self.gas_limit, "gas_price": self.gas_price,
            "data": "0x" + self.data.hex(), "block": self.block_number,
            "block_hash": None if self.block_hash is None else "0x" + self.block_hash.hex(),
            "index": self.index, "status": "pending" if self.block_number is None else "mined",
            "function": self.function, "args": None if self.args is None else [json_value(a, t) for a, t in zip(self.args, types)],
        }


