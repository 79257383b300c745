"""`Devnet`, a dev chain that mines every transaction at once, for compiled code (contract handles: chain.handles).

Python values become signed transactions and receipts Python values again (by vm.abi); the rules are chain.core's.
"""
from __future__ import annotations

import functools
import hashlib
import os
from importlib import resources

from cachetools import LRUCache

import vm
from vm import code as vmcode
from vm.abi import to_python
from vm.host import MemoryHost
from vm.values import Address, ConformError, from_wire

from . import consensus as C
from . import errors as E
from . import tx as txmod
from .block import decode_receipt
from .core import Chain
from .devtools import DevTools, gas_cap
from .devtools import hash_arg as _hash_arg
from .handles import CALL_OBSERVERS, DEFAULT_GAS_PRICE, BoundFunction, Contract, _observe, to_args  # noqa: F401
from .keys import PrivateKey, dev_keys
from .rules import signed_here
from .results import ArgumentError, BlockInfo, Event, Receipt, Reverted, TxInfo
from .store import Store

DB_FILE = "chain.sqlite3"
# Blocks of a Devnet pay their reward and fees here, not to a dev account, so
# dev balances change only by what the account itself does.
DEV_MINER = Address(hashlib.sha256(b"obelisk dev miner").digest()[-20:])
# Receipt values that read back from a stored receipt as they were written (Devnet._included).
_SCALAR_VALUES = (type(None), bool, int)
# Hashes of the transactions make_tx signed lately (see Devnet._own_signature).
_SIGNED_KEPT = 4096
# The compiled compute market the dev genesis holds, committed as data (chain never compiles:
# tests/chain/test_dev_market.py checks it equals compiling the shipped source, and rewrites it).
MARKET_CODE = "predeploys/compute_market.code"


@functools.cache
def dev_market_code() -> bytes:
    """The compute market's code at C.DEV_MARKET_ADDRESS on every dev chain."""
    try:
        return resources.files(__package__).joinpath(MARKET_CODE).read_bytes()
    except OSError as exc:
        raise E.StoreError(f"this installation lacks chain/{MARKET_CODE}, the dev network's genesis code: "
                           f"{exc.strerror or exc}") from None


def dev_params() -> C.ChainParams:
    """The dev chain: DEV_CHAIN_ID, a fixed genesis, the ten dev accounts funded, the compute market predeployed."""
    return C.ChainParams(allocations=tuple((bytes(k.address), C.DEV_ACCOUNT_BALANCE) for k in dev_keys()),
                         code_allocations=((C.DEV_MARKET_ADDRESS, dev_market_code()),),
                         hardest_target=C.DEV_HARDEST_TARGET)


def _tx_fields(to, value, data):
    """make_tx's checks of a transaction's recipient, value and data; returns the recipient (None: a deployment)."""
    if type(value) is not int or value < 0:
        raise ArgumentError("value must be a non-negative int")
    if not isinstance(data, (bytes, bytearray)):
        raise ArgumentError(f"data must be bytes, not {type(data).__name__}")
    return None if to is None else _address(to)


def _address(value) -> Address:
    if type(value) is Address:
        return value
    try:
        return Address(value)
    except (ValueError, TypeError) as exc:
        raise ArgumentError(f"not an address: {exc}") from None


class Devnet(DevTools):
    """A dev chain. In memory when datadir is None, else in DATADIR/chain.sqlite3 (reopening carries on).

    `clock` (a zero-argument callable giving seconds) defaults to a virtual
    clock that puts each block TARGET_BLOCK_TIME after its parent, so runs are
    reproducible to the byte.
    """

    def __init__(self, datadir=None, *, clock=None, miner=None):
        if datadir is not None:
            datadir = os.fspath(datadir)
            try:
                os.makedirs(datadir, exist_ok=True)
            except OSError as exc:
                raise E.StoreError(f"cannot create data directory {datadir}: {exc.strerror}") from None
        self.datadir = datadir
        self.params = dev_params()
        # A dev chain's file: no disk sync per block (docs/chain.md, "Durability").
        self.store = Store(os.path.join(datadir, DB_FILE) if datadir else None, durable=False)
        try:
            self.chain = Chain(self.store, self.params, clock=clock or self._virtual_clock)
        except BaseException:
            self.store.close()  # a refused data directory is not left open (nor locked)
            raise
        self.accounts = dev_keys()
        self.miner = DEV_MINER if miner is None else _address(miner)
        self._codes: dict = {}
        self._signed = LRUCache(maxsize=_SIGNED_KEPT)
        self._clock = clock
        self._init_snapshots()

    @classmethod
    def over(cls, chain_: Chain, *, miner=None) -> "Devnet":
        """A door onto a Chain opened elsewhere (a node's, any network's params): the same
        queries and transactions, on the chain's own store, clock and params; close() is the owner's."""
        net = cls.__new__(cls)
        net.datadir, net.params, net.store, net.chain = None, chain_.params, chain_.store, chain_
        net.accounts = dev_keys()
        net.miner = DEV_MINER if miner is None else _address(miner)
        net._codes = {}
        net._signed = LRUCache(maxsize=_SIGNED_KEPT)
        return net

    def _virtual_clock(self) -> int:
        return self.chain.head.timestamp + C.TARGET_BLOCK_TIME

    def close(self) -> None:
        self._close_snapshots()
        self.store.close()

    # --- reading the chain ---
    @property
    def height(self) -> int:
        return self.chain.height

    def balance(self, address) -> int:
        return self.chain.state().read_balance(_address(address))

    def nonce(self, address) -> int:
        """The account's nonce on the head state (pending transactions not counted)."""
        return self.chain.state().read_nonce(_address(address))

    def logs(self, from_block=None, to_block=None, address=None, event=None) -> list:
        """Event documents of the canonical chain, each with its block and tx (chain.logs.find_logs)."""
        from .logs import find_logs

        return find_logs(self, from_block, to_block, None if address is None else _address(address), event)

    def next_nonce(self, address) -> int:
        """The nonce the account's next transaction should carry (pending transactions counted)."""
        return self.chain.next_nonce(_address(address))

    def code_at(self, address) -> bytes | None:
        return self.chain.state().read_code(_address(address))

    def storage_at(self, address, key: bytes):
        """The value stored under `key` (bytes) in a contract's storage on the head state, or None.

        The compiler keeps storage variable N (in declaration order) under the
        key msgpack(N), and a map entry under that key + the msgpack of its key."""
        if not isinstance(key, (bytes, bytearray)):
            raise ArgumentError(f"a storage key is bytes, not {type(key).__name__}")
        return self.chain.state().read_storage(_address(address), bytes(key))

    def code_object_at(self, address) -> vmcode.CodeObject | None:
        """The decoded code object at an address (its ABI), or None for a plain account."""
        address = _address(address)
        view = self.chain.state()
        h = view.account(address).code_hash  # sha256 of the code: the key _decode_code keeps it by
        if not h:
            return None
        obj = self._codes.get(h)
        return obj if obj is not None else self._decode_code(view.read_code(address), h)

    def _decode_code(self, code: bytes, key: bytes | None = None) -> vmcode.CodeObject:
        """The code object of `code`, decoded once per code hash (`key`, when the caller has it)."""
        key = key or hashlib.sha256(code).digest()
        obj = self._codes.get(key)
        if obj is None:
            obj = vmcode.decode(code)
            self._codes[key] = obj
        return obj

    def block(self, n=None) -> BlockInfo | None:
        """Block `n` of the canonical chain (a number, negative from the head, or a hash); None if unknown."""
        if n is None:
            n = self.height
        if isinstance(n, (bytes, bytearray, str)):
            h = _hash_arg(n)
        elif type(n) is not int:
            raise ArgumentError(f"a block is named by a number or a hash, not {type(n).__name__}")
        else:
            if n < 0:
                n = self.height + 1 + n
            h = self.chain.canonical_hash(n)
        if h is None:
            return None
        blk = self.chain.block(h)
        if blk is None:
            return None
        hd = blk.header
        return BlockInfo(hd.height, hd.hash, hd.prev_hash, hd.timestamp, hd.miner, hd.target, hd.nonce,
                         hd.gas_used, hd.gas_limit, hd.reward, hd.state_root, hd.tx_root, hd.receipts_root,
                         tuple(t.hash for t in blk.txs), self.chain.is_canonical(h))

    def block_bytes(self, n) -> bytes | None:
        info = self.block(n)
        return None if info is None else self.chain.block_bytes(info.hash)

    def tx(self, tx_hash) -> TxInfo | None:
        """A transaction by hash, mined (canonical chain) or pending; None if unknown."""
        tx_hash = _hash_arg(tx_hash)
        where = self.chain.find_tx(tx_hash)
        if where is not None:
            block_hash, idx = where
            t = self.chain.block(block_hash).txs[idx]
            number = self.chain.header(block_hash).height
        else:
            t = self.chain.find_pending(tx_hash)
            if t is None:
                return None
            block_hash = idx = number = None
        function = args = types = None
        if t.to is not None and t.data:
            try:
                function, args = txmod.decode_call(t.data)
                code = self.code_object_at(t.to)
                fn = code.function(function) if code is not None else None
                if fn is not None and len(fn.params) == len(args):
                    types = tuple(pt for _, pt in fn.params)
            except (txmod.CallDataError, vmcode.CodeFormatError):
                pass
        return TxInfo(tx_hash, t.sender, t.to, t.nonce, t.value, t.gas_limit, t.gas_price, t.data,
                      number, block_hash, idx, function, args, types)

    def receipt(self, tx_hash) -> Receipt | None:
        """The receipt of a mined transaction (canonical chain), or None (unknown or still pending)."""
        tx_hash = _hash_arg(tx_hash)
        where = self.chain.find_tx(tx_hash)
        if where is None:
            return None
        block_hash, idx = where
        data = self.store.receipt(block_hash, idx)
        if data is None:
            raise E.StoreError(f"the chain database is damaged: the receipt of {tx_hash.hex()} is missing")
        raw = decode_receipt(data)
        t = self.chain.block(block_hash).txs[idx]
        return self._receipt(raw, t, block_hash, idx)

    def _receipt(self, raw, t, block_hash: bytes | None, idx: int, height: int | None = None) -> Receipt:
        value, vtype = raw.value, None
        if raw.status and t.to is not None and t.data and raw.value is not None:
            try:
                fname, _ = txmod.decode_call(t.data)
                code = self.code_object_at(t.to)
                fn = code.function(fname) if code else None
                if fn is not None and fn.returns is not None:
                    vtype = fn.returns
                    value = to_python(from_wire(raw.value, fn.returns), fn.returns)
            except (txmod.CallDataError, ConformError, vmcode.CodeFormatError):
                pass
        if height is None:
            height = self.chain.header(block_hash).height
        r = Receipt(raw.status, value, raw.gas_used, height, block_hash,
                    t.hash, idx, [self._event(*log) for log in raw.logs], raw.reason, raw.location,
                    raw.contract, t.sender, t.to, vtype)
        r._net = self
        return r

    def _event(self, address, name, values, codes: dict | None = None) -> Event:
        """`codes`: address -> code object, filled as it goes (one logs query reads each contract's code once)."""
        if codes is None or address not in codes:
            code = self.code_object_at(address)
            if codes is not None:
                codes[address] = code
        else:
            code = codes[address]
        ev = None
        if code is not None:
            ev = next((e for e in code.events if e.name == name), None)
        if ev is None or len(ev.fields) != len(values):
            return Event(address, name, {str(i): v for i, v in enumerate(values)})
        args = {}
        for (fname, ftype), v in zip(ev.fields, values):
            try:
                args[fname] = to_python(from_wire(v, ftype), ftype)
            except ConformError:
                args[fname] = v
        return Event(address, name, args, dict(ev.fields))

    # --- transactions ---
    def _key(self, sender) -> PrivateKey:
        if sender is None:
            return self.accounts[0]
        if isinstance(sender, PrivateKey):
            return sender
        if isinstance(sender, int) and not isinstance(sender, bool):
            if not 0 <= sender < len(self.accounts):
                raise ArgumentError(f"no dev account {sender}: there are {len(self.accounts)} (0..{len(self.accounts) - 1})")
            return self.accounts[sender]
        addr = _address(sender)
        for k in self.accounts:
            if k.address == addr:
                return k
        raise ArgumentError(f"no key for sender {addr}: pass a PrivateKey")

    def make_tx(self, sender=None, to=None, value=0, data=b"", gas=None, gas_price=DEFAULT_GAS_PRICE,
                nonce=None) -> txmod.Transaction:
        """A signed transaction (not submitted). gas=None: the gas a dry run of it uses, plus a margin (default_gas)."""
        key = self._key(sender)
        to = _tx_fields(to, value, data)
        if nonce is None:
            nonce = self.chain.next_nonce(key.address)
        if gas is None:
            gas = self._gas_for(key, to, value, data, gas_price, nonce)
        t = self._sign(key, to, value, data, gas, gas_price, nonce)
        self._signed[t.hash] = True
        return t

    def _sign(self, key, to, value, data, gas, gas_price, nonce) -> txmod.Transaction:
        return txmod.Transaction(C.TX_VERSION, self.params.chain_id, nonce, to, value, gas, gas_price,
                                 bytes(data), key.public_key).signed(key)

    def _gas_for(self, key, to, value, data, gas_price, nonce) -> int:
        """make_tx's gas=None (fields already checked); `nonce` may be a callable giving it, asked only
        when a dry run needs it: a plain transfer uses exactly its intrinsic gas, nothing to sign or run."""
        unsigned = txmod.Transaction(C.TX_VERSION, self.params.chain_id, 0, to, value, 0, gas_price,
                                     bytes(data), key.public_key, b"")
        intrinsic = txmod.intrinsic_gas(unsigned)
        if to is not None and not data and self.code_at(to) is None:
            return intrinsic
        cap = gas_cap(self.balance(key.address), value, gas_price, intrinsic)
        return self.default_gas(self.make_tx(key, to, value, data, cap, gas_price, nonce() if callable(nonce) else nonce))

    def _own_signature(self, t_: txmod.Transaction) -> None:
        """A transaction make_tx signed here enters the signature verdict cache unchecked (chain.rules.signed_here)."""
        if self._signed.get(t_.hash):
            signed_here(t_)

    def submit(self, tx) -> bytes:
        """Add a signed transaction (object or bytes) to the pending pool without mining; returns its hash."""
        if isinstance(tx, txmod.Transaction):
            tx = tx.encode()
        if not isinstance(tx, (bytes, bytearray)):
            raise E.TxEncodingError(f"a transaction is a Transaction or bytes, not {type(tx).__name__}")
        return self.chain.submit(bytes(tx))

    def mine(self, n: int = 1) -> list:
        """Mine n blocks (pending transactions go in first); returns their BlockInfo."""
        if type(n) is not int or n < 0:
            raise ArgumentError(f"the number of blocks to mine is an int >= 0, not {n!r}")
        out = []
        for _ in range(n):
            blk = self.chain.mine_block(self.miner)
            out.append(self.block(blk.hash))
        return out

    def import_block(self, data: bytes) -> bytes:
        """Validate and store a block from elsewhere (fork choice may switch the head)."""
        return self.chain.import_block(data)

    def send(self, tx) -> Receipt:
        """Submit a transaction and mine until it is in; returns its receipt (a failed one too).

        Usually one block; more when transactions submitted earlier fill it.
        """
        if isinstance(tx, txmod.Transaction):
            self._own_signature(tx)
        elif isinstance(tx, (bytes, bytearray)):
            tx = bytes(tx)
        else:
            raise E.TxEncodingError(f"a transaction is a Transaction or bytes, not {type(tx).__name__}")
        return self._included(*self.chain.submit_and_mine(tx, self.miner))

    def _included(self, t_, blk, result) -> Receipt:
        """The receipt of `t_`, just admitted and mined with `blk` (Chain.submit_and_mine): read from
        what was stored, in hand, when `blk` holds it; else mine on until it is in (_mined)."""
        idx = next((i for i, x in enumerate(blk.txs) if x is t_), None)
        if idx is not None:
            raw = result.receipts[idx]
            # As receipt() reads it: the stored bytes decoded, unless they give back the same fields
            # (no events nor contract, a scalar value or none: the one encoding of each reads as itself).
            if raw.logs or raw.contract is not None or type(raw.value) not in _SCALAR_VALUES:
                raw = decode_receipt(raw.encode())
            return self._receipt(raw, t_, blk.hash, idx, blk.header.height)
        if not blk.txs or self.chain.find_pending(t_.hash) is None:
            raise E.InvalidTransaction("the transaction was not included")  # as _mined says it
        return self._mined(t_.hash)

    def _mined(self, h: bytes) -> Receipt:
        while True:
            blk = self.chain.mine_block(self.miner)
            # The block just mined is the head: the receipt is read by its place, not looked up.
            idx = next((i for i, t in enumerate(blk.txs) if t.hash == h), None)
            if idx is not None:
                data = self.store.receipt(blk.hash, idx)
                if data is None:
                    raise E.StoreError(f"the chain database is damaged: the receipt of {h.hex()} is missing")
                return self._receipt(decode_receipt(data), blk.txs[idx], blk.hash, idx, blk.header.height)
            r = self.receipt(h)  # mined meanwhile by another writer of this data directory
            if r is not None:
                return r
            if not blk.txs or self.chain.find_pending(h) is None:
                # Dropped (it became invalid before the block) or stuck behind nothing mineable.
                raise E.InvalidTransaction("the transaction was not included")

    def _send_checked(self, sender, to, value, data, gas, gas_price, observed=None, nonce=None) -> Receipt:
        """`observed`: (contract name, function name) to tell CALL_OBSERVERS the gas of, reverted or not.
        `nonce`: the caller's (the pool refuses one used or one leaving a gap), else the next."""
        key = self._key(sender)
        to = _tx_fields(to, value, data)
        if gas is None:  # estimated before the nonce is taken: the dry run reads, the admission writes
            gas = self._gas_for(key, to, value, data, gas_price,
                                (lambda: self.chain.next_nonce(key.address)) if nonce is None else nonce)

        def build(n):  # make_tx's transaction, its fields checked above; signed here, so known to verify
            t_ = self._sign(key, to, value, data, gas, gas_price, n)
            signed_here(t_)
            return t_
        if nonce is not None:
            r = self._included(*self.chain.submit_and_mine(build(nonce), self.miner))
        else:  # the nonce is chosen inside the write transaction that admits it (parallel senders)
            r = self._included(*self.chain.submit_next_and_mine(key.address, build, self.miner))
        if observed is not None:
            _observe(*observed, r.gas_used)
        if not r.status:
            raise Reverted(r.reason, r.location, r)
        return r

    def transfer(self, sender, to, amount: int, *, gas=None, gas_price=DEFAULT_GAS_PRICE, nonce=None) -> Receipt:
        """Move the native coin; a Receipt (raises Reverted if it failed, e.g. to a contract that refuses it)."""
        return self._send_checked(sender, _address(to), amount, b"", gas, gas_price, nonce=nonce)

    # --- contracts ---
    def deploy(self, path_or_artifact, *args, sender=None, gas=None, value=0, contract=None,
               gas_price=DEFAULT_GAS_PRICE, nonce=None) -> "Contract":
        """Deploy an Artifact (anything with .bytecode), a CodeObject or bytecode; returns its handle."""
        code_bytes = self._code_bytes(path_or_artifact, contract)
        try:
            code = self._decode_code(code_bytes)
        except vmcode.CodeFormatError as exc:
            raise ArgumentError(f"not a code object: {exc}") from None
        init = next((f for f in code.functions if f.is_init), None)
        params = init.params if init is not None else ()
        wire = to_args(params, args, "constructor")
        data = txmod.encode_deploy(code_bytes, wire)
        r = self._send_checked(sender, None, value, data, gas, gas_price, observed=(code.name, "(deploy)"), nonce=nonce)
        handle = Contract(self, r.contract_address, code)
        handle.receipt = r
        return handle

    def at(self, address, art=None) -> "Contract":
        """A handle on a deployed contract; its ABI from `art` or, without one, from the code on chain."""
        address = _address(address)
        if art is None:
            code = self.code_object_at(address)
            if code is None:
                raise ArgumentError(f"no contract at {address}")
        else:
            code = self._decode_code(self._code_bytes(art, None))
        return Contract(self, address, code)

    def call(self, address, function: str, *args, sender=None, value=0, gas=None,
             gas_price=DEFAULT_GAS_PRICE, nonce=None):
        """Call `function` by name on the contract at `address`: a view returns its value, else a Receipt."""
        return self.at(address).function(function)(*args, sender=sender, value=value, gas=gas, gas_price=gas_price,
                                                    nonce=nonce)

    def view(self, address, function: str, args_wire, *, sender=None, gas=None, tracer_for=None):
        """Run a function read-only on the head state (no transaction); returns the raw vm.Result.

        `tracer_for(host)`, when given, gives the VM tracer (profiles of view calls)."""
        address = _address(address)
        sender_addr = self._key(sender).address if not isinstance(sender, (str, Address)) else _address(sender)
        # A view gets what a transaction could: at most the block gas limit (so a loop ends).
        if gas is None:
            gas = C.BLOCK_GAS_LIMIT
        elif type(gas) is not int or not 0 <= gas <= C.BLOCK_GAS_LIMIT:
            shown = repr(gas) if type(gas) is int and abs(gas) < 10**30 else type(gas).__name__ if type(gas) is not int else "a larger int"
            raise ArgumentError(f"gas for a view call must be an integer 0..{C.BLOCK_GAS_LIMIT}, got {shown}")
        head = self.chain.head
        host = MemoryHost(backing=self.chain.state(head.state_root))
        return vm.call(host, to=address, function=function, args=list(args_wire), sender=sender_addr, value=0,
                       gas=gas, block=vm.BlockEnv(number=head.height, timestamp=head.timestamp),
                       static=True, tracer=None if tracer_for is None else tracer_for(host))

    def _code_bytes(self, obj, contract) -> bytes:
        """The bytecode to deploy; `contract` names one in a source file (obelisk.Devnet)."""
        if isinstance(obj, vmcode.CodeObject):
            return obj.encode()
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj)
        if hasattr(obj, "bytecode"):
            return bytes(obj.bytecode)
        if isinstance(obj, (str, os.PathLike)):
            raise ArgumentError(f"chain.Devnet deploys compiled code, not the path {os.fspath(obj)!r}: "
                                "compile it (lang.compile_file) or use obelisk.Devnet")
        raise ArgumentError(f"cannot deploy a {type(obj).__name__}: pass an Artifact, a CodeObject or bytes")

    # --- verification ---
    def verify(self) -> int:
        """Re-validate the whole stored chain from genesis; returns the head height or raises VerifyError."""
        from .verify import verify_store

        return verify_store(self.store, self.params)


__all__ = ["Devnet", "Contract", "Receipt", "Event", "Reverted", "BlockInfo", "TxInfo", "ArgumentError",
           "to_args", "DEV_MINER"]
