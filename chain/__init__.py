"""The Obelisk chain: transactions, blocks, state, storage, and the Devnet library door.

    net = chain.Devnet()                      # in memory; Devnet(datadir=...) on disk
    token = net.deploy("token.contract", 1000)
    token.transfer(net.accounts[1].address, 10)   # a Receipt
"""
from vm.values import Address

from .devnet import ArgumentError, BlockInfo, Contract, Devnet, Event, Receipt, Reverted, TxInfo
from .errors import ChainError, InvalidBlock, InvalidTransaction, StoreError, VerifyError
from .keys import PrivateKey

__all__ = [
    "Address", "ArgumentError", "BlockInfo", "ChainError", "Contract", "Devnet", "Event", "InvalidBlock",
    "InvalidTransaction", "PrivateKey", "Receipt", "Reverted", "StoreError", "TxInfo", "VerifyError",
]
