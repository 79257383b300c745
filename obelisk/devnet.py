"""obelisk.Devnet: chain.Devnet that also deploys a .contract path, compiling it with lang."""
from __future__ import annotations

import os

import chain
import lang


class Devnet(chain.Devnet):
    """A dev chain (see chain.Devnet) whose deploy() and at() also take a .contract path.

    `contract=` picks a contract in the file: the named one, else the only one, else the last.
    """

    def _code_bytes(self, obj, contract) -> bytes:
        if isinstance(obj, (str, os.PathLike)):
            return lang.compile_file(os.fspath(obj), contract=contract).bytecode
        return super()._code_bytes(obj, contract)
