"""The Obelisk chain: transactions, blocks, state, storage, and the Devnet library door for compiled code.

    net = chain.Devnet()                      # in memory; Devnet(datadir=...) on disk
    token = net.deploy(artifact, 1000)        # an Artifact, a CodeObject or bytecode
    token.transfer(net.accounts[1].address, 10)   # a Receipt

Deploying from a .contract path (compiling it) is obelisk.Devnet's: the chain needs no compiler.
"""
from vm.values import Address

from .devnet import ArgumentError, Contract, Devnet
from .errors import ChainError, InvalidBlock, InvalidTransaction, StoreError, VerifyError
from .keys import PrivateKey
from .results import BlockInfo, Event, Receipt, Reverted, TxInfo

__all__ = [
    "Address", "ArgumentError", "BlockInfo", "ChainError", "Contract", "Devnet", "Event", "InvalidBlock",
    "InvalidTransaction", "PrivateKey", "Receipt", "Reverted", "StoreError", "TxInfo", "VerifyError",
]
