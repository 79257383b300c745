"""The Obelisk chain: transactions, blocks, state, storage, and the Devnet library door.

    net = chain.Devnet()                      # in memory; Devnet(datadir=...) on disk
    token = net.deploy("token.contract", 1000)
    token.transfer(net.accounts[1].address, 10)   # a Receipt
"""
import importlib

# Names load on first use, so `obelisk --help` (whose entry point imports this
# package) does not pay for the VM, the compiler and the database up front.
_EXPORTS = {
    "Address": "vm.values",
    "ArgumentError": ".devnet", "BlockInfo": ".devnet", "Contract": ".devnet", "Devnet": ".devnet",
    "Event": ".devnet", "Receipt": ".devnet", "Reverted": ".devnet", "TxInfo": ".devnet",
    "ChainError": ".errors", "InvalidBlock": ".errors", "InvalidTransaction": ".errors",
    "StoreError": ".errors", "VerifyError": ".errors",
    "PrivateKey": ".keys",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'chain' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
