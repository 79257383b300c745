"""Obelisk, the product package: the library's front door, the command line (obelisk.cli), the node and the worker.

    import obelisk
    net = obelisk.Devnet()
    token = net.deploy("examples/token.contract", 1000)     # compiled, then deployed
    art = obelisk.compile_file("examples/token.contract")

Names load on first use, so `obelisk --help` (which imports obelisk.cli, and so
this package) pays for neither the compiler nor the chain.
"""
from __future__ import annotations

_FROM_LANG = frozenset({"compile_file", "compile_source", "emit_file", "Artifact", "CompileError", "Diagnostic",
                        "InternalCompilerError"})
_FROM_CHAIN = frozenset({"Address", "ArgumentError", "BlockInfo", "ChainError", "Contract", "Event", "InvalidBlock",
                         "InvalidTransaction", "PrivateKey", "Receipt", "Reverted", "StoreError", "TxInfo",
                         "VerifyError"})
__all__ = sorted(_FROM_LANG | _FROM_CHAIN | {"Devnet"})


def __getattr__(name: str):
    if name in _FROM_LANG:
        import lang

        value = getattr(lang, name)
    elif name in _FROM_CHAIN:
        import chain

        value = getattr(chain, name)
    elif name == "Devnet":
        from .devnet import Devnet as value
    else:
        raise AttributeError(f"module 'obelisk' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
