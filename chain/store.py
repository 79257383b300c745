"""The chain's one SQLite database: blocks, indexes, receipts, state nodes, code, pending transactions.

WAL journal with synchronous=FULL, and every imported block written in one
database transaction: a crash at any instant leaves the last whole block, and
opening needs no recovery step. `path=None` keeps the same tables in memory.
"""
from __future__ import annotations

import sqlite3

from . import consensus as C
from . import errors as E

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS blocks (
    hash BLOB PRIMARY KEY, height INTEGER NOT NULL, parent BLOB NOT NULL,
    work TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS canon (height INTEGER PRIMARY KEY, hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS txindex (
    tx_hash BLOB NOT NULL, block_hash BLOB NOT NULL, idx INTEGER NOT NULL,
    PRIMARY KEY (tx_hash, block_hash));
CREATE TABLE IF NOT EXISTS receipts (
    block_hash BLOB NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (block_hash, idx));
CREATE TABLE IF NOT EXISTS nodes (hash BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS code (hash BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY, tx_hash BLOB NOT NULL UNIQUE, data BLOB NOT NULL);
"""

# Tables `verify` rebuilds from block bytes and compares row for row.
DERIVED_TABLES = {
    "blocks": "SELECT hash, height, parent, work, data FROM blocks ORDER BY hash",
    "canon": "SELECT height, hash FROM canon ORDER BY height",
    "txindex": "SELECT tx_hash, block_hash, idx FROM txindex ORDER BY tx_hash, block_hash",
    "receipts": "SELECT block_hash, idx, data FROM receipts ORDER BY block_hash, idx",
    "nodes": "SELECT hash, data FROM nodes ORDER BY hash",
    "code": "SELECT hash, data FROM code ORDER BY hash",
    "meta": "SELECT key, value FROM meta ORDER BY key",
}


class Store:
    def __init__(self, path: str | None):
        self.path = path
        try:
            self.db = sqlite3.connect(path or ":memory:", isolation_level=None, check_same_thread=False)
            if path:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
            # A database with tables of the same names but another layout is not ours.
            for query in DERIVED_TABLES.values():
                self.db.execute(query + " LIMIT 0")
            self.db.execute("SELECT seq, tx_hash, data FROM pending LIMIT 0")
        except sqlite3.DatabaseError as exc:
            raise E.StoreError(f"cannot open the chain database {path}: {exc}") from None

    def close(self) -> None:
        self.db.close()

    # --- transactions ---
    def begin(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked past the timeout, or read-only
            raise E.StoreError(f"cannot write the chain database: {exc}") from None

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # --- meta ---
    def get_meta(self, key: str):
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- blocks ---
    def put_block(self, h: bytes, height: int, parent: bytes, work: int, data: bytes) -> None:
        self.db.execute("INSERT INTO blocks (hash, height, parent, work, data) VALUES (?,?,?,?,?)",
                        (h, height, parent, str(work), data))

    def block_row(self, h: bytes):
        """(height, parent, cumulative work, data) or None."""
        row = self.db.execute("SELECT height, parent, work, data FROM blocks WHERE hash=?", (h,)).fetchone()
        if row is None:
            return None
        return row[0], bytes(row[1]), int(row[2]), bytes(row[3])

    def has_block(self, h: bytes) -> bool:
        return self.db.execute("SELECT 1 FROM blocks WHERE hash=?", (h,)).fetchone() is not None

    def all_blocks(self):
        """(hash, data) of every stored block, parents before children."""
        return [(bytes(h), bytes(d)) for h, d in
                self.db.execute("SELECT hash, data FROM blocks ORDER BY height, hash")]

    def canon_hash(self, height: int):
        row = self.db.execute("SELECT hash FROM canon WHERE height=?", (height,)).fetchone()
        return None if row is None else bytes(row[0])

    def set_canon(self, height: int, h: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO canon (height, hash) VALUES (?, ?)", (height, h))

    def truncate_canon(self, above: int) -> None:
        self.db.execute("DELETE FROM canon WHERE height > ?", (above,))

    # --- transactions and receipts ---
    def put_tx_index(self, tx_hash: bytes, block_hash: bytes, idx: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO txindex (tx_hash, block_hash, idx) VALUES (?,?,?)",
                        (tx_hash, block_hash, idx))

    def tx_locations(self, tx_hash: bytes):
        return [(bytes(b), i) for b, i in
                self.db.execute("SELECT block_hash, idx FROM txindex WHERE tx_hash=? ORDER BY block_hash", (tx_hash,))]

    def put_receipt(self, block_hash: bytes, idx: int, data: bytes) -> None:
        self.db.execute("INSERT INTO receipts (block_hash, idx, data) VALUES (?,?,?)", (block_hash, idx, data))

    def receipt(self, block_hash: bytes, idx: int):
        row = self.db.execute("SELECT data FROM receipts WHERE block_hash=? AND idx=?", (block_hash, idx)).fetchone()
        return None if row is None else bytes(row[0])

    # --- state ---
    def get_node(self, h: bytes):
        row = self.db.execute("SELECT data FROM nodes WHERE hash=?", (h,)).fetchone()
        return None if row is None else bytes(row[0])

    def put_nodes(self, items) -> None:
        self.db.executemany("INSERT OR IGNORE INTO nodes (hash, data) VALUES (?, ?)", items)

    def get_code(self, h: bytes):
        row = self.db.execute("SELECT data FROM code WHERE hash=?", (h,)).fetchone()
        return None if row is None else bytes(row[0])

    def put_code(self, items) -> None:
        self.db.executemany("INSERT OR IGNORE INTO code (hash, data) VALUES (?, ?)", items)

    # --- pending transactions ---
    def add_pending(self, tx_hash: bytes, data: bytes) -> None:
        self.db.execute("INSERT INTO pending (tx_hash, data) VALUES (?, ?)", (tx_hash, data))

    def has_pending(self, tx_hash: bytes) -> bool:
        return self.db.execute("SELECT 1 FROM pending WHERE tx_hash=?", (tx_hash,)).fetchone() is not None

    def pending(self):
        """(tx_hash, data) in arrival order."""
        return [(bytes(h), bytes(d)) for h, d in self.db.execute("SELECT tx_hash, data FROM pending ORDER BY seq")]

    def remove_pending(self, hashes) -> None:
        self.db.executemany("DELETE FROM pending WHERE tx_hash=?", [(h,) for h in hashes])

    def rows(self, table: str):
        return [tuple(bytes(x) if isinstance(x, memoryview) else x for x in r)
                for r in self.db.execute(DERIVED_TABLES[table])]


def check_format(store: Store) -> None:
    version = store.get_meta("store_version")
    if version is not None and version != C.STORE_VERSION:
        raise E.StoreError(f"data directory has store format {version!r}; this build reads {C.STORE_VERSION}")
