"""Running a block's transactions on a state: the one place where transactions change state.

Builders (chain.miner) and validators (chain.importer, verify) both apply
transactions through `Executor`, so a block is valid exactly when re-running
it reproduces its header.
"""
from __future__ import annotations

from dataclasses import dataclass

import vm
from vm.host import MemoryHost
from vm.values import Address, to_wire

from . import consensus as C
from . import errors as E
from . import tx as txmod
from .block import RawReceipt
from .rules import check_static
from .state import StateCorrupt, StateView, commit_changes


@dataclass
class BlockResult:
    receipts: list  # [RawReceipt]
    gas_used: int
    fees: int
    state_root: bytes
    new_code: dict  # code hash -> code
    # address bytes -> state.Account of every account the block wrote, as the new root holds it
    # (None when not kept): the new state's view starts with them, and they name the storage tries to store.
    accounts: dict | None = None
    storage: dict | None = None  # (address bytes, key) -> value of each slot written (commit_changes)


class Executor:
    """Applies transactions one by one onto a journaled host over a parent state."""

    def __init__(self, view: StateView, params: C.ChainParams, height: int, timestamp: int, miner: Address):
        self.view = view
        self.params = params
        self.host = MemoryHost(backing=view)
        self.nonces: dict = {}
        self.height = height
        self.timestamp = timestamp
        self._env = None
        self.miner = Address(miner)
        self.signature_cache = True
        self.gas_used = 0
        self.fees = 0
        self.receipts: list = []
        self.tracer = None  # a vm tracer for the transactions applied next (replays for traces and profiles)

    @property
    def env(self):
        if self._env is None:
            self._env = vm.BlockEnv(number=self.height, timestamp=self.timestamp)
        return self._env

    def nonce(self, address) -> int:
        n = self.nonces.get(address)
        return self.view.read_nonce(address) if n is None else n

    def check_account(self, tx: txmod.Transaction) -> int:
        """The state-dependent rules: block gas room, nonce, funds. Returns the sender's balance."""
        if self.gas_used + tx.gas_limit > C.BLOCK_GAS_LIMIT:
            raise E.TxGasOverBlockLimit("the transaction's gas limit does not fit in the block's remaining gas")
        sender = tx.sender
        host = self.host
        # An address with code has no key: a public key whose address collides with a
        # contract's (a 2^80 search) must not move the contract's coin (EIP-3607).
        if host.get_code(sender) is not None:
            raise E.SenderHasCode(f"the sender {sender} is a contract")
        expected = self.nonce(sender)
        if tx.nonce != expected:
            raise E.BadNonce(f"nonce {tx.nonce}, expected {expected}")
        cost = tx.gas_limit * tx.gas_price + tx.value
        balance = host.get_balance(sender)
        if balance < cost:
            raise E.InsufficientFunds(f"balance {balance} is under gas limit * price + value = {cost}")
        return balance

    def apply(self, tx: txmod.Transaction, checked_static: bool = False) -> RawReceipt:
        """Apply one transaction or raise InvalidTransaction (then nothing changed)."""
        if not checked_static:
            check_static(tx, self.params, self.signature_cache)
        balance = self.check_account(tx)
        host = self.host
        sender = tx.sender
        gas_limit, gas_price = tx.gas_limit, tx.gas_price
        host.set_balance(sender, balance - gas_limit * gas_price)
        self.nonces[sender] = tx.nonce + 1
        intrinsic = txmod.intrinsic_gas(tx)
        snap = host.snapshot()
        receipt = self._run(tx, sender, gas_limit - intrinsic, intrinsic)
        if self.view.failure is not None:
            raise StateCorrupt(f"stored state is damaged: {self.view.failure}")
        if len(receipt.encoded) > C.MAX_RECEIPT_SIZE:
            # Logs are paid for by gas, but every node stores the receipt: past the
            # limit the transaction fails as a fault (all gas used, nothing kept).
            host.revert_to(snap)
            receipt = RawReceipt(False, None, gas_limit, (), "receipt over the size limit")
        used = receipt.gas_used
        fee = used * gas_price
        host.set_balance(sender, host.get_balance(sender) + (gas_limit - used) * gas_price)
        miner = self.miner
        host.set_balance(miner, host.get_balance(miner) + fee)
        host.commit()
        self.gas_used += used
        self.fees += fee
        self.receipts.append(receipt)
        return receipt

    def _run(self, tx, sender, gas, intrinsic) -> RawReceipt:
        host = self.host
        if tx.is_deploy:
            try:
                code, args = txmod.decode_deploy(tx.data)
            except txmod.CallDataError as exc:
                return RawReceipt(False, None, intrinsic, (), str(exc))
            address = txmod.contract_address(sender, tx.nonce)
            if host.get_code(address) is not None or self.nonce(address):
                return RawReceipt(False, None, tx.gas_limit, (), "contract address already in use")
            result = vm.deploy(host, address=address, code=code, args=args, sender=sender, value=tx.value,
                               gas=gas, block=self.env, tracer=self.tracer)
            return _receipt(result, intrinsic, address if result.success else None)
        to = tx.to
        if host.get_code(to) is None:
            if tx.data:
                return RawReceipt(False, None, intrinsic, (), "no contract at the address")
            # A plain transfer: no code runs.
            host.set_balance(sender, host.get_balance(sender) - tx.value)
            host.set_balance(to, host.get_balance(to) + tx.value)
            return RawReceipt(True, None, intrinsic, ())
        if not tx.data:
            return RawReceipt(False, None, intrinsic, (), "a contract takes coin only through a payable function")
        try:
            function, args = txmod.decode_call(tx.data)
        except txmod.CallDataError as exc:
            return RawReceipt(False, None, intrinsic, (), str(exc))
        result = vm.call(host, to=to, function=function, args=args, sender=sender, value=tx.value,
                         gas=gas, block=self.env, tracer=self.tracer)
        return _receipt(result, intrinsic, None)

    def finish(self) -> BlockResult:
        """Credit the block reward and compute the new state root."""
        host = self.host
        host.set_balance(self.miner, host.get_balance(self.miner) + C.BLOCK_REWARD)
        host.commit()
        code, storage, balances = host.changes()
        accounts, slots = {}, {}
        root, new_code = commit_changes(self.view, balances, self.nonces, code, storage, accounts, slots)
        return BlockResult(self.receipts, self.gas_used, self.fees, root, new_code, accounts, slots)


def _receipt(result, intrinsic: int, contract) -> RawReceipt:
    if result.success:
        logs = tuple((Address(log.address), log.name, tuple(to_wire(v) for _, v in log.fields))
                     for log in result.logs) if result.logs else ()
        return RawReceipt(True, to_wire(result.value), intrinsic + result.gas_used, logs, None, None, contract)
    # A failed call keeps no events: the VM already dropped its state changes.
    return RawReceipt(False, None, intrinsic + result.gas_used, (), result.reason or result.error,
                      result.location, None)
