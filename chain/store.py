"""The chain's one SQLite database: blocks, indexes, receipts, events, state nodes, code, pending transactions.

WAL journal with synchronous=FULL, and every imported block written in one
database transaction: a crash at any instant leaves the last whole block, and
opening needs no recovery step. `path=None` keeps the same tables in memory.
"""
from __future__ import annotations

import pathlib
import sqlite3

from cachetools import LRUCache

from vm import stored
from vm.errors import ValidationError
from vm.validate import validate

from . import consensus as C
from . import errors as E
from .lock import CLI, DEFAULT_WAIT, NODE, DatadirLock

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
CREATE TABLE IF NOT EXISTS programs (hash BLOB PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pending (seq INTEGER PRIMARY KEY, tx_hash BLOB NOT NULL UNIQUE, data BLOB NOT NULL);
"""

# The events of the canonical chain, one row each (chain.logs writes them with the
# block's other rows, and rewrites them with the canonical index on a reorg).
# `topic` is sha256 of the event's name; `data` the packed [name, [field values]].
# A data directory from before this table gets it, filled from its receipts, on
# its first writable open (chain.logs.ensure_index).
LOGS_SCHEMA = """
CREATE TABLE IF NOT EXISTS logs (
    height INTEGER NOT NULL, tx_idx INTEGER NOT NULL, log_idx INTEGER NOT NULL,
    address BLOB NOT NULL, topic BLOB NOT NULL, tx_hash BLOB NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (height, tx_idx, log_idx));
CREATE INDEX IF NOT EXISTS logs_by_address ON logs (address, topic, height, tx_idx, log_idx);
CREATE INDEX IF NOT EXISTS logs_by_topic ON logs (topic, height, tx_idx, log_idx);
"""

OUR_TABLES = ("meta", "blocks", "canon", "txindex", "receipts", "nodes", "code", "pending", "programs", "logs")
# Tables a database written by an earlier build may lack: `programs` is made when it is
# opened for writing (read-only, it reads as empty); `logs` is made and filled from the
# receipts by chain.logs.ensure_index.
LATER_TABLES = {"programs", "logs"}
# Tables every chain database has had (a file missing one of these holds no chain yet).
_FIRST_TABLES = tuple(t for t in OUR_TABLES if t not in LATER_TABLES)

# Tables `verify` rebuilds from block bytes and compares row for row.
DERIVED_TABLES = {
    "blocks": "SELECT hash, height, parent, work, data FROM blocks ORDER BY hash",
    "canon": "SELECT height, hash FROM canon ORDER BY height",
    "txindex": "SELECT tx_hash, block_hash, idx FROM txindex ORDER BY tx_hash, block_hash",
    "receipts": "SELECT block_hash, idx, data FROM receipts ORDER BY block_hash, idx",
    "nodes": "SELECT hash, data FROM nodes ORDER BY hash",
    "code": "SELECT hash, data FROM code ORDER BY hash",
    "meta": "SELECT key, value FROM meta ORDER BY key",
    "logs": "SELECT height, tx_idx, log_idx, address, topic, tx_hash, data FROM logs ORDER BY height, tx_idx, log_idx",
}


class Store:
    """The database at `path` (None: in memory).

    `writer_kind` says what this process is when it writes (chain.lock): "cli"
    (the default) takes the data directory's lock for each write transaction
    and waits a bounded while for other short writers; "node" takes it now and
    holds it until close(), refusing every other writer meanwhile. `readonly`
    opens the file for reading only: it takes no lock, so it can share a data
    directory a node holds. `durable=False` (a dev chain's data directory) lets
    SQLite skip the disk sync at each commit: a crash of the process still loses
    nothing, a crash of the machine may lose the last commits, never the file.
    """

    def __init__(self, path: str | None, writer_kind: str = CLI, *, readonly: bool = False,
                 lock_wait: float = DEFAULT_WAIT, durable: bool = True):
        self.path = path
        self.durable = durable
        self.readonly = bool(readonly and path)
        self._code = LRUCache(maxsize=16 * 1024 * 1024, getsizeof=len)  # code hash -> code, by bytes
        self.lock = None
        self.has_logs = False  # the events table exists (chain.logs.ensure_index adds it to an older file)
        self._writes = 0  # write transactions begun (see quiet_token())
        self._writing = False
        self._rollbacks = 0
        if path and not self.readonly:
            self.lock = DatadirLock(path + ".lock", writer_kind, lock_wait)
        try:
            if self.readonly:
                self.db = sqlite3.connect(pathlib.Path(path).absolute().as_uri() + "?mode=ro", uri=True,
                                          isolation_level=None, check_same_thread=False)
            else:
                self.db = sqlite3.connect(path or ":memory:", isolation_level=None, check_same_thread=False)
            self._open(path, writer_kind)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise E.StoreError(f"cannot open the chain database {path}: {exc}") from None
        except BaseException:
            self.close()
            raise

    def _open(self, path, writer_kind: str) -> None:
        # Never add our tables to someone else's database (a stray file under our name).
        # `meta` is created first, so a file holding tables but no `meta` never was ours.
        tables = [name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
                  if not name.startswith("sqlite_")]
        foreign = sorted(name for name in tables if name not in OUR_TABLES or "meta" not in tables)
        if foreign:
            raise E.StoreError(f"{path} is not an Obelisk chain database (it holds {', '.join(foreign[:5])})")
        if writer_kind == NODE and self.lock is not None:
            self.lock.acquire()  # held until close()
        missing = set(OUR_TABLES) - set(tables) - {"logs"}  # logs: chain.logs.ensure_index
        if missing and not (self.readonly and missing <= LATER_TABLES):
            if self.readonly:
                raise E.StoreError(f"{path} holds no chain yet (opened read-only)")
            # Creating the tables writes: only under the data directory's lock.
            self._lock()
            try:
                if path:
                    self.db.execute("PRAGMA journal_mode=WAL")
                # A new file gets every table; an older chain only what it lacks, its
                # logs table being filled from its receipts (chain.logs.ensure_index).
                fresh = bool(set(_FIRST_TABLES) - set(tables))
                self.db.executescript(SCHEMA + (LOGS_SCHEMA if fresh else ""))
            finally:
                self._unlock()
            tables = OUR_TABLES if fresh else [*tables, *missing]
        self.has_logs = "logs" in tables
        if path and not self.readonly:
            # FULL: in WAL mode a commit is on disk (the log synced) before it returns, so what a
            # node acknowledged survives power loss; NORMAL syncs at checkpoints only.
            self.db.execute("PRAGMA synchronous=FULL" if self.durable else "PRAGMA synchronous=NORMAL")
        # A database with tables of the same names but another layout is not ours.
        for table in self.derived_tables():
            self.db.execute(DERIVED_TABLES[table] + " LIMIT 0")
        self.db.execute("SELECT seq, tx_hash, data FROM pending LIMIT 0")

    def derived_tables(self) -> list[str]:
        """The DERIVED_TABLES this file has (an older one may lack the events table)."""
        return [t for t in DERIVED_TABLES if t != "logs" or self.has_logs]

    def _lock(self) -> None:
        if self.lock is not None:
            self.lock.acquire()

    def _unlock(self) -> None:
        # A node keeps its lock for life; a short writer gives it back after each transaction.
        if self.lock is not None and self.lock.kind != NODE:
            self.lock.release()

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.close()
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    # --- every query goes through these: a damaged file is a StoreError, never a traceback ---
    def _run(self, sql: str, args=()):
        try:
            return self.db.execute(sql, args)
        except sqlite3.DatabaseError as exc:  # a damaged file, locked past the timeout, a full disk
            raise E.StoreError(f"the chain database cannot be used: {exc}") from None

    def _one(self, sql: str, args=()):
        try:
            return self.db.execute(sql, args).fetchone()
        except sqlite3.DatabaseError as exc:
            raise E.StoreError(f"the chain database cannot be used: {exc}") from None

    def _all(self, sql: str, args=()):
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise E.StoreError(f"the chain database cannot be used: {exc}") from None

    def _many(self, sql: str, rows) -> None:
        rows = list(rows)
        if not rows:  # a statement prepared and run for nothing still costs (a block with no new code)
            return
        try:
            self.db.executemany(sql, rows)
        except sqlite3.DatabaseError as exc:
            raise E.StoreError(f"the chain database cannot be used: {exc}") from None

    # --- transactions ---
    def begin(self) -> None:
        """Start the one write transaction: the data directory's lock first, then SQLite's."""
        if self.readonly:
            raise E.StoreError(f"the chain database {self.path} is open read-only")
        self._lock()
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked past the timeout, or read-only
            self._unlock()
            raise E.StoreError(f"cannot write the chain database: {exc}") from None
        self._writes += 1
        self._writing = True

    def quiet_token(self):
        """Equal answers other than None: no other connection committed in between, so what was read
        stays true but for this connection's own writes (which callers' caches follow; a rollback
        changes the answer). In memory, where no other connection exists (and one Chain writes, as
        Devnet and verify use it): the same until a rollback; else the write transaction in progress
        (SQLite's write lock keeps others out), or None."""
        if self.path is None:
            return -1 - self._rollbacks
        return self._writes if self._writing and self.db.in_transaction else None

    def begin_read(self) -> None:
        """Start a read transaction: every read until end_read() sees one snapshot (WAL),
        whatever other processes commit meanwhile."""
        self._run("BEGIN DEFERRED")
        self._one("SELECT 1 FROM meta LIMIT 1")  # the snapshot is taken at the first read

    def end_read(self) -> None:
        self.rollback()

    def commit(self) -> None:
        self._run("COMMIT")
        self._writing = False
        self._unlock()

    def rollback(self) -> None:
        self._writing = False
        self._rollbacks += 1
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self._unlock()

    def data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's PRAGMA data_version)."""
        return self._one("PRAGMA data_version")[0]

    # --- meta ---
    def get_meta(self, key: str):
        row = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return None if row is None else row[0]

    def set_meta(self, key: str, value) -> None:
        self._run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- blocks ---
    def put_block(self, h: bytes, height: int, parent: bytes, work: int, data: bytes) -> None:
        self._run("INSERT INTO blocks (hash, height, parent, work, data) VALUES (?,?,?,?,?)",
                  (h, height, parent, str(work), data))

    def block_row(self, h: bytes):
        """(height, parent, cumulative work, data) or None."""
        row = self._one("SELECT height, parent, work, data FROM blocks WHERE hash=?", (h,))
        if row is None:
            return None
        height, parent, work, data = row
        if (type(height) is not int or height < 0 or type(parent) is not bytes or len(parent) != 32
                or type(work) is not str or not work.isascii() or not work.isdigit() or type(data) is not bytes):
            raise damaged(f"the row of block {h.hex()} is malformed")
        return height, parent, int(work), data

    def has_block(self, h: bytes) -> bool:
        return self._one("SELECT 1 FROM blocks WHERE hash=?", (h,)) is not None

    def integrity_problems(self, limit: int = 3) -> list[str]:
        """SQLite's own check of the file: pages, and every index against its table
        (a row whose copy in an index differs is invisible to the queries verify compares)."""
        return [str(row[0]) for row in self._all(f"PRAGMA integrity_check({int(limit)})") if row[0] != "ok"]

    def blocks_in_arrival_order(self):
        """(hash, height, data) rows as stored, unchecked (verify checks them)."""
        return self._all("SELECT hash, height, data FROM blocks ORDER BY rowid")

    def canon_hash(self, height: int):
        if not 0 <= height < 2**63:  # SQLite's integers: any other height has no block
            return None
        row = self._one("SELECT hash FROM canon WHERE height=?", (height,))
        return None if row is None else _hash(row[0], f"the canonical hash at height {height}")

    def set_canon(self, height: int, h: bytes) -> None:
        self._run("INSERT OR REPLACE INTO canon (height, hash) VALUES (?, ?)", (height, h))

    def truncate_canon(self, above: int) -> None:
        self._run("DELETE FROM canon WHERE height > ?", (above,))

    # --- transactions and receipts ---
    def tx_locations(self, tx_hash: bytes):
        rows = self._all("SELECT block_hash, idx FROM txindex WHERE tx_hash=? ORDER BY block_hash", (tx_hash,))
        for b, i in rows:
            if type(i) is not int or i < 0:
                raise damaged(f"the index entry of transaction {tx_hash.hex()} is malformed")
        return [(_hash(b, f"the index entry of transaction {tx_hash.hex()}"), i) for b, i in rows]

    def put_block_txs(self, block_hash: bytes, tx_hashes, receipts) -> None:
        """A block's transaction index entries and receipts (encoded), in order: two statements, not two per transaction."""
        self._many("INSERT OR REPLACE INTO txindex (tx_hash, block_hash, idx) VALUES (?,?,?)",
                   [(t, block_hash, i) for i, t in enumerate(tx_hashes)])
        self._many("INSERT INTO receipts (block_hash, idx, data) VALUES (?,?,?)",
                   [(block_hash, i, r) for i, r in enumerate(receipts)])

    def receipt(self, block_hash: bytes, idx: int):
        row = self._one("SELECT data FROM receipts WHERE block_hash=? AND idx=?", (block_hash, idx))
        return None if row is None else _blob(row[0], f"receipt {idx} of block {block_hash.hex()}")

    # --- events of the canonical chain (chain.logs) ---
    def create_logs_table(self) -> None:
        """Inside the caller's write transaction (executescript would commit it)."""
        for statement in LOGS_SCHEMA.split(";"):
            if statement.strip():
                self._run(statement)

    def logs_table_exists(self) -> bool:
        return self._one("SELECT 1 FROM sqlite_master WHERE type='table' AND name='logs'") is not None

    def put_logs(self, rows) -> None:
        """(height, tx index, log index, address, topic, tx hash, data) rows."""
        self._many("INSERT INTO logs (height, tx_idx, log_idx, address, topic, tx_hash, data) "
                   "VALUES (?,?,?,?,?,?,?)", rows)

    def delete_logs_above(self, height: int) -> None:
        self._run("DELETE FROM logs WHERE height > ?", (height,))

    def log_rows(self, lo: int, hi: int, address: bytes | None, topic: bytes | None, limit: int) -> list:
        """(height, address, tx hash, data) of events in blocks lo..hi, of `address` and `topic` when given,
        in chain order (block, transaction, event), at most `limit`."""
        where, args = ["height BETWEEN ? AND ?"], [lo, hi]
        if address is not None:
            where.append("address=?")
            args.append(address)
        if topic is not None:
            where.append("topic=?")
            args.append(topic)
        rows = self._all(f"SELECT height, address, tx_hash, data FROM logs WHERE {' AND '.join(where)} "
                         "ORDER BY height, tx_idx, log_idx LIMIT ?", (*args, limit))
        for height, address, tx_hash, data in rows:
            if type(height) is not int or not lo <= height <= hi or type(address) is not bytes or len(address) != 20:
                raise damaged("an events row is malformed")
            _hash(tx_hash, "an events row's transaction hash")
            _blob(data, "an events row")
        return rows

    # --- state ---
    def get_node(self, h: bytes):
        row = self._one("SELECT data FROM nodes WHERE hash=?", (h,))
        return None if row is None else _blob(row[0], f"state node {h.hex()}")

    def put_nodes(self, items) -> None:
        self._many("INSERT OR IGNORE INTO nodes (hash, data) VALUES (?, ?)", items)

    def get_code(self, h: bytes):
        # Code rows are immutable (keyed by their hash) and read on every call to a contract: kept once read.
        code = self._code.get(h)
        if code is None:
            row = self._one("SELECT data FROM code WHERE hash=?", (h,))
            if row is None:
                return None
            code = self._code[h] = _blob(row[0], f"code {h.hex()}")
        return code

    def put_code(self, items) -> None:
        """Code by hash, each with its validated program's stored form (vm/stored.py): made once here, when
        the deploying block is written, so no later process checks the code again on its first call."""
        items = list(items)
        self._many("INSERT OR IGNORE INTO code (hash, data) VALUES (?, ?)", items)
        self._many("INSERT OR REPLACE INTO programs (hash, data) VALUES (?, ?)",
                   [(h, form) for h, form in ((h, _program_form(code)) for h, code in items) if form is not None])

    def get_program(self, h: bytes):
        """The stored form of the program of code `h`, or None; the VM checks it before use (vm/stored.py)."""
        try:
            row = self._one("SELECT data FROM programs WHERE hash=?", (h,))
        except E.StoreError:  # a file of an earlier build opened read-only: no such table
            return None
        return row[0] if row is not None and type(row[0]) is bytes else None

    # --- pending transactions ---
    def add_pending(self, tx_hash: bytes, data: bytes) -> None:
        self._run("INSERT INTO pending (tx_hash, data) VALUES (?, ?)", (tx_hash, data))

    def has_pending(self, tx_hash: bytes) -> bool:
        return self._one("SELECT 1 FROM pending WHERE tx_hash=?", (tx_hash,)) is not None

    def pending(self):
        """(tx_hash, data) in arrival order."""
        return [(_hash(h, "a pending transaction's hash"), _blob(d, "a pending transaction"))
                for h, d in self._all("SELECT tx_hash, data FROM pending ORDER BY seq")]

    def remove_pending(self, hashes) -> None:
        rows = [(h,) for h in hashes]
        # A node importing blocks (catching up) often holds no pending transaction:
        # one lookup then spares a delete per transaction of the block.
        if rows and self._one("SELECT 1 FROM pending LIMIT 1") is not None:
            self._many("DELETE FROM pending WHERE tx_hash=?", rows)

    def rows(self, table: str):
        return [tuple(bytes(x) if isinstance(x, memoryview) else x for x in r)
                for r in self._all(DERIVED_TABLES[table])]


def _program_form(code: bytes):
    """The stored form of deployed code's program: validated when deployed, so a cache hit in this process."""
    try:
        return stored.encode(validate(code))
    except ValidationError:  # not deployable code: no program to keep (never reached through a block)
        return None


def damaged(what: str) -> E.StoreError:
    return E.StoreError(f"the chain database is damaged: {what}")


def _blob(value, what: str) -> bytes:
    if type(value) is not bytes:
        raise damaged(f"{what} is malformed")
    return value


def _hash(value, what: str) -> bytes:
    if type(value) is not bytes or len(value) != 32:
        raise damaged(f"{what} is malformed")
    return value


def check_format(store: Store) -> None:
    version = store.get_meta("store_version")
    if version is not None and version != C.STORE_VERSION:
        raise E.StoreError(f"data directory has store format {version!r}; this build reads {C.STORE_VERSION}")
