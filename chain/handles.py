"""Handles on deployed contracts for a Devnet: one method per pub function, Python values in and out (vm.abi).

chain.devnet re-exports all of this; the handles send through the Devnet they were made by.
"""
from __future__ import annotations

from vm import abi
from vm import code as vmcode
from vm.abi import AbiError, to_python
from vm.values import Address

from . import tx as txmod
from .results import ArgumentError, Receipt, Reverted

DEFAULT_GAS_PRICE = 1
# Callables told of every function call made through a handle: (contract name,
# function name, gas used). The pytest plugin's gas report listens here.
CALL_OBSERVERS: list = []


def _observe(contract: str, function: str, gas: int) -> None:
    for callback in CALL_OBSERVERS:
        callback(contract, function, gas)


def to_args(params, args, what: str) -> list:
    """Python arguments as checked wire values (vm.abi), or ArgumentError."""
    try:
        return abi.args_to_wire(args, params, what)
    except AbiError as exc:
        raise ArgumentError(exc.message) from None


class Contract:
    """A deployed contract: one method per pub function of its code."""

    def __init__(self, net, address: Address, code: vmcode.CodeObject):
        """`net`: the chain.Devnet it was deployed on or found through."""
        self._net = net
        self.address = address
        self.code = code
        self.receipt = None

    @property
    def abi(self) -> vmcode.CodeObject:
        return self.code

    def function(self, name: str) -> "BoundFunction":
        fn = self.code.function(name)
        if fn is None or not fn.is_pub or fn.is_init:
            raise ArgumentError(f"{self.code.name} has no public function {name!r}")
        return BoundFunction(self, fn)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.function(name)
        except ArgumentError:
            raise AttributeError(f"{self.code.name} has no public function {name!r}") from None

    def __repr__(self) -> str:
        return f"<{self.code.name} at {self.address}>"


class BoundFunction:
    def __init__(self, contract: Contract, fn: vmcode.Function):
        self.contract = contract
        self.fn = fn

    def __call__(self, *args, sender=None, value=0, gas=None, gas_price=DEFAULT_GAS_PRICE, profile=False, nonce=None):
        """A view returns its value, a transaction its Receipt (Reverted when it fails).

        profile=True (obelisk.Devnet) returns the call's GasProfile instead, with
        `.value` (what the call returned) and `.receipt` (None for a view)."""
        net = self.contract._net
        wire = to_args(self.fn.params, args, self.fn.name)
        address, name = self.contract.address, self.fn.name
        if profile and not hasattr(net, "profile_view"):
            raise ArgumentError("profile=True needs an obelisk.Devnet (it reads the contracts' source maps)")
        if self.fn.is_view:
            if value:
                raise ArgumentError(f"{name} is a view function: it takes no value")
            if profile:
                result, prof = net.profile_view(address, name, wire, sender=sender, gas=gas)
            else:
                result = net.view(address, name, wire, sender=sender, gas=gas)
            _observe(self.contract.code.name, name, result.gas_used)
            if not result.success:
                retrace = None
                if hasattr(net, "trace_view"):
                    def retrace():
                        return net.trace_view(address, name, wire, sender=sender, gas=gas)
                raise Reverted(result.reason or result.error, result.location, None, retrace)
            value = to_python(result.value, self.fn.returns)
            if profile:
                prof.value, prof.receipt = value, None
                return prof
            return value
        data = txmod.encode_call(name, wire)
        r = net._send_checked(sender, address, value, data, gas, gas_price, observed=(self.contract.code.name, name),
                              nonce=nonce)
        if profile:
            prof = net.profile(r.tx_hash)
            prof.value, prof.receipt = r.value, r
            return prof
        return r

    def _call_data(self, args) -> bytes:
        return txmod.encode_call(self.fn.name, to_args(self.fn.params, args, self.fn.name))

    def estimate_gas(self, *args, sender=None, value=0) -> int:
        """The gas a transaction calling this function would use now (Reverted if it would fail)."""
        return self.contract._net.estimate_gas(sender, self.contract.address, value, self._call_data(args))

    def dry_run(self, *args, sender=None, value=0, gas=None, gas_price=DEFAULT_GAS_PRICE) -> Receipt:
        """The receipt this call would get if sent now (a failed one too); nothing is sent."""
        net = self.contract._net
        return net.dry_run(net.make_tx(sender, self.contract.address, value, self._call_data(args), gas, gas_price))
