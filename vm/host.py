"""The host interface: the only way out of the sandbox, and a journaled in-memory host.

A host answers for accounts (code, storage, balances). `MemoryHost` keeps
them in dicts behind a journal, so any set of changes since a snapshot can be
undone; with a `backing` it reads through to another store (a chain's state)
and keeps only the changes, which `changes()` hands back for committing.
"""
from __future__ import annotations

from typing import Protocol

from .values import Address


class Host(Protocol):
    def get_code(self, address: Address) -> bytes | None: ...
    def set_code(self, address: Address, code: bytes) -> None: ...
    def get_storage(self, address: Address, key: bytes): ...  # the value, or None when unset
    def set_storage(self, address: Address, key: bytes, value) -> None: ...  # None deletes
    def get_balance(self, address: Address) -> int: ...
    def set_balance(self, address: Address, amount: int) -> None: ...
    def snapshot(self) -> int: ...
    def revert_to(self, snapshot: int) -> None: ...
    # Optional: put_storage(address, key, value) -> what get_storage said before, then set_storage's
    # write, in one step (the VM falls back on the two methods: vm.interpreter.put_storage_of).


class Backing(Protocol):
    """Read-only state underneath a MemoryHost (for instance a chain database)."""

    def read_code(self, address: Address) -> bytes | None: ...
    def read_storage(self, address: Address, key: bytes): ...
    def read_balance(self, address: Address) -> int: ...
    # Optional: `programs`, with get_program(code hash) -> stored form or None (vm/stored.py).


_MISSING = object()


class MemoryHost:
    """Accounts in dicts, every write journaled; reads fall through to `backing`."""

    def __init__(self, backing: Backing | None = None):
        self.backing = backing
        # Stored forms of validated programs by code hash (vm/stored.py), when the backing keeps them.
        self.programs = getattr(backing, "programs", None)
        self.code: dict = {}
        self.storage: dict = {}  # (address, key) -> value or None (deleted)
        self.balances: dict = {}
        self._journal: list = []  # (dict, dict key, previous value or _MISSING)

    # reads
    # One dict lookup each: an Address compares in Python (an Address equals only an Address).
    def get_code(self, address):
        code = self.code.get(address, _MISSING)
        if code is not _MISSING:
            return code
        return self.backing.read_code(address) if self.backing else None

    def get_storage(self, address, key):
        v = self.storage.get((address, key), _MISSING)
        if v is not _MISSING:
            return v
        return self.backing.read_storage(address, key) if self.backing else None

    def get_balance(self, address) -> int:
        v = self.balances.get(address, _MISSING)
        if v is not _MISSING:
            return v
        return self.backing.read_balance(address) if self.backing else 0

    # journaled writes
    def _write(self, table: dict, key, value) -> None:
        self._journal.append((table, key, table.get(key, _MISSING)))
        table[key] = value

    def set_code(self, address, code: bytes) -> None:
        self._write(self.code, address, code)

    def set_storage(self, address, key: bytes, value) -> None:
        self._write(self.storage, (address, key), value)

    def set_balance(self, address, amount: int) -> None:
        self._write(self.balances, address, amount)

    def put_storage(self, address, key: bytes, value):
        """set_storage, handing back what get_storage would have said just before (SSTORE needs both).
        A subclass that changes get_storage or set_storage changes this too."""
        k = (address, key)
        table = self.storage
        prev = table.get(k, _MISSING)
        self._journal.append((table, k, prev))
        table[k] = value
        if prev is _MISSING:
            return self.backing.read_storage(address, key) if self.backing else None
        return prev

    def snapshot(self) -> int:
        return len(self._journal)

    def revert_to(self, snapshot: int) -> None:
        journal = self._journal
        while len(journal) > snapshot:
            table, key, prev = journal.pop()
            if prev is _MISSING:
                del table[key]
            else:
                table[key] = prev

    def commit(self) -> None:
        """Forget the journal: what is written now can no longer be reverted."""
        self._journal.clear()

    def changes(self):
        """(code, storage, balances) dicts of everything written, for a caller to persist."""
        return self.code, self.storage, self.balances
