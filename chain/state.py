"""World state: accounts in a Merkle trie keyed by SHA-256(address), storage in one trie per account.

  account = [version, balance, nonce, code_hash (bin, empty when no code), storage_root]
  storage value = [tag, value]  (tag 0 int, 1 bool, 2 bytes, 3 string, 4 address)
Code lives beside the trie, content-addressed by SHA-256. An account whose
fields are all zero is absent, as is a storage slot holding its type's zero.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from vm.encoding import EncodingError, pack, unpack
from vm.errors import HostError
from vm.values import Address

from . import consensus as C
from .errors import ChainError
from .trie import EMPTY_ROOT, MissingNode, Trie


class StateCorrupt(ChainError, HostError):
    """Stored state that does not decode or is missing (flipped bytes, foreign data).

    A vm.HostError too: the VM lets it through unchanged, so it stops the block
    instead of ending the call as a fault in a receipt.
    """

    code = "state-corrupt"


@dataclass(frozen=True)
class Account:
    balance: int = 0
    nonce: int = 0
    code_hash: bytes = b""
    storage_root: bytes = EMPTY_ROOT

    def encode(self) -> bytes:
        return pack([C.ACCOUNT_VERSION, self.balance, self.nonce, self.code_hash, self.storage_root])

    @property
    def is_empty(self) -> bool:
        return not self.balance and not self.nonce and not self.code_hash and self.storage_root == EMPTY_ROOT


EMPTY_ACCOUNT = Account()


def _decode_account(data: bytes) -> Account:
    try:
        obj = unpack(data, max_size=256, max_depth=1)
    except EncodingError as exc:
        raise StateCorrupt(f"account record: {exc}") from None
    if (type(obj) is not list or len(obj) != 5 or type(obj[0]) is not int or obj[0] != C.ACCOUNT_VERSION
            or type(obj[1]) is not int or obj[1] < 0 or type(obj[2]) is not int or obj[2] < 0
            or type(obj[3]) is not bytes or len(obj[3]) not in (0, 32)
            or type(obj[4]) is not bytes or len(obj[4]) != 32):
        raise StateCorrupt("malformed account record")
    return Account(obj[1], obj[2], obj[3], obj[4])


_TAGS = {int: 0, bool: 1, bytes: 2, str: 3, Address: 4}


def encode_storage_value(value) -> bytes | None:
    """The stored form of a storage value, or None when it is its type's zero (absent)."""
    if value is None:
        return None
    tag = _TAGS.get(type(value))
    if tag is None:
        raise TypeError(f"storage holds scalars, not {type(value).__name__}")
    if tag == 4:
        if value == Address(b"\x00" * 20):
            return None
        return pack([4, bytes(value)])
    if not value and value is not True:
        return None
    return pack([tag, value])


def decode_storage_value(data: bytes):
    try:
        obj = unpack(data, max_size=1 << 20, max_depth=1)
    except EncodingError as exc:
        raise StateCorrupt(f"storage value: {exc}") from None
    if type(obj) is not list or len(obj) != 2 or type(obj[0]) is not int:
        raise StateCorrupt("malformed storage value")
    tag, value = obj
    expected = {0: int, 1: bool, 2: bytes, 3: str, 4: bytes}.get(tag)
    if expected is None or type(value) is not expected or (tag == 4 and len(value) != 20):
        raise StateCorrupt("malformed storage value")
    result = Address(value) if tag == 4 else value
    # A zero value is stored as absent, so a record holding one was never
    # written by us: one value, one encoding, or the state root is ambiguous.
    if encode_storage_value(result) != data:
        raise StateCorrupt("non-canonical storage value")
    return result


def account_links(value: bytes) -> list:
    """The sub-trie roots an account leaf points to (its storage root)."""
    return [_decode_account(value).storage_root]


def account_key(address: bytes) -> bytes:
    return hashlib.sha256(bytes(address)).digest()


def storage_key(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()


def code_hash(code: bytes) -> bytes:
    return hashlib.sha256(code).digest()


# Storage values a view keeps once read (or told by remember), each of at most _STORAGE_VALUE_BYTES
# stored: a view is shared by readers (chain.core.Chain.state), so what it keeps is bounded.
_STORAGE_KEPT = 1 << 16
_STORAGE_VALUE_BYTES = 256
_UNREAD = object()


class StateView:
    """Read-only state at one root; also the `backing` of a vm MemoryHost."""

    def __init__(self, trie: Trie, code_source, root: bytes, programs=None):
        self.trie = trie
        self.code_source = code_source  # code hash -> bytes | None
        self.root = root
        # Stored forms of validated programs (chain.store.Store.get_program), read by the VM (vm/stored.py).
        self.programs = programs
        self._accounts: dict = {}
        self._code: dict = {}  # code hash -> code, read and checked once per view
        self._storage: dict = {}  # (address bytes, key) -> value (None: unset), see _STORAGE_KEPT
        # The first storage fault seen. StateCorrupt is a vm.HostError, which the
        # VM lets through; the executor also checks this after every call, so a
        # damaged database stops the block whatever path the error took.
        self.failure: Exception | None = None

    @property
    def accounts_held(self) -> int:
        """Accounts (and storage values) this view has decoded and keeps (a shared view is replaced once it holds many)."""
        return len(self._accounts) + len(self._storage)

    def account(self, address) -> Account:
        address = bytes(address)
        acct = self._accounts.get(address)
        if acct is None:
            try:
                data = self.trie.get(self.root, account_key(address))
                acct = EMPTY_ACCOUNT if data is None else _decode_account(data)
            except (MissingNode, ChainError) as exc:
                self.failure = self.failure or StateCorrupt(str(exc))
                raise self.failure from None
            self._accounts[address] = acct
        return acct

    def remember(self, accounts: dict, storage: dict | None = None) -> None:
        """Accounts and storage values known to be this view's (address bytes -> Account, (address bytes,
        key) -> value, as the commit that made its root wrote them, see commit_changes): read from here
        without the trie."""
        self._accounts.update(accounts)
        if storage and len(self._storage) + len(storage) <= _STORAGE_KEPT:
            self._storage.update(storage)

    def read_balance(self, address) -> int:
        return self.account(address).balance

    def read_nonce(self, address) -> int:
        return self.account(address).nonce

    def read_code(self, address):
        h = self.account(address).code_hash
        if not h:
            return None
        code = self._code.get(h)
        if code is not None:
            return code
        try:
            code = self.code_source(h)
        except ChainError as exc:  # a damaged code row: stop the block like any damaged state
            self.failure = self.failure or StateCorrupt(str(exc))
            raise self.failure from None
        if code is None or code_hash(code) != h:
            self.failure = self.failure or StateCorrupt(f"code {h.hex()} is missing or corrupt")
            raise self.failure
        self._code[h] = code
        return code

    def read_storage(self, address, key: bytes):
        slot = (bytes(address), key if type(key) is bytes else bytes(key))
        value = self._storage.get(slot, _UNREAD)
        if value is not _UNREAD:
            return value
        root = self.account(address).storage_root
        if root == EMPTY_ROOT:
            return None
        try:
            data = self.trie.get(root, storage_key(key))
            value = None if data is None else decode_storage_value(data)
        except (MissingNode, ChainError) as exc:
            self.failure = self.failure or StateCorrupt(str(exc))
            raise self.failure from None
        if len(self._storage) < _STORAGE_KEPT and (data is None or len(data) <= _STORAGE_VALUE_BYTES):
            self._storage[slot] = value
        return value


def commit_changes(view: StateView, balances: dict, nonces: dict, codes: dict, storage: dict, written=None,
                   written_storage=None):
    """Apply a block's changes to the state at view.root; returns (new root, {code hash: code}).
    `written`, a dict, receives each touched account as the new root holds it (address bytes -> Account);
    `written_storage` each written slot's value as a read of the new root gives it (StateView.remember's).

    Only touched accounts and slots are rewritten: the cost follows the change,
    not the state's size. Addresses and keys are sorted so the work done (and
    any error) is the same on every run.
    """
    trie = view.trie
    per_account: dict = {}
    for (address, key), value in storage.items():
        per_account.setdefault(bytes(address), []).append((key, value))
    touched = set(bytes(a) for a in balances) | set(bytes(a) for a in nonces) | set(bytes(a) for a in codes)
    touched |= set(per_account)
    new_code = {}
    root = view.root
    for address in sorted(touched):
        acct = view.account(address)
        addr = Address(address)
        balance = balances.get(addr, acct.balance)
        nonce = nonces.get(addr, acct.nonce)
        chash = acct.code_hash
        if addr in codes and codes[addr] is not None:
            code = bytes(codes[addr])
            chash = code_hash(code)
            new_code[chash] = code
        sroot = acct.storage_root
        for key, value in sorted(per_account.get(address, ()), key=lambda kv: kv[0]):
            stored = encode_storage_value(value)
            sroot = trie.update(sroot, storage_key(key), stored)
            if written_storage is not None and (stored is None or len(stored) <= _STORAGE_VALUE_BYTES):
                # What decode_storage_value gives back for `stored`: the value itself (one encoding per value).
                written_storage[(address, key)] = None if stored is None else value
        new = Account(balance, nonce, chash, sroot)
        root = trie.update(root, account_key(address), None if new.is_empty else new.encode())
        if written is not None:
            written[address] = EMPTY_ACCOUNT if new.is_empty else new
    return root, new_code
