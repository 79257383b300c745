"""One writer per data directory: an exclusive OS lock (flock) on a file beside the database.

The holder writes its pid and kind into the file, so a refused writer can say
who holds it. A node holds the lock for its whole life and refuses every other
writer; short writers (CLI commands, a library Devnet) take it for one database
transaction at a time and wait, a bounded while, for each other.
"""
from __future__ import annotations

import fcntl
import json
import os
import random
import time

from . import errors as E

# Kinds of writer. A node is long-running: nobody waits for it to finish.
NODE = "node"
CLI = "cli"
KINDS = (NODE, CLI)
# Seconds a short writer waits for another short writer before giving up:
# long enough for dozens of parallel CLI commands to take turns.
DEFAULT_WAIT = 10.0


class DatadirLock:
    """The lock file `path`; `kind` says what this process is when it holds it."""

    def __init__(self, path: str, kind: str, wait: float = DEFAULT_WAIT):
        if kind not in KINDS:
            raise ValueError(f"a data directory writer is one of {', '.join(KINDS)}, not {kind!r}")
        self.path = path
        self.kind = kind
        self.wait = wait
        self.held = False
        self._fd = None  # the lock file is made at the first acquire: a reader leaves no trace

    def _file(self) -> int:
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise E.StoreError(f"cannot open the lock file {self.path}: {exc.strerror}") from None
        return self._fd

    def holder(self) -> dict | None:
        """{"pid", "kind"} of the process that last took the lock, or None (unreadable or never taken)."""
        try:
            info = json.loads(os.pread(self._file(), 256, 0).decode() or "null")
        except (OSError, ValueError, E.StoreError):
            return None
        if type(info) is not dict or type(info.get("pid")) is not int or info.get("kind") not in KINDS:
            return None
        return info

    def acquire(self) -> None:
        """Take the lock, waiting up to `wait` seconds for a short writer; a node holding it refuses at once."""
        if self.held:
            return
        deadline = time.monotonic() + self.wait
        fd = self._file()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pass
            except OSError as exc:
                raise E.StoreError(f"cannot lock {self.path}: {exc.strerror}") from None
            holder = self.holder() or {"pid": None, "kind": CLI}
            if holder["kind"] == NODE and _alive(holder["pid"]):
                raise E.DatadirInUse(self._busy(holder, "an obelisk node") + _ADVICE[self.kind], holder)
            if time.monotonic() >= deadline:
                raise E.DatadirInUse(self._busy(holder, "another writer") + f" for over {self.wait:g} s", holder)
            # Jitter, so waiting writers do not retry in step.
            time.sleep(0.002 + random.random() * 0.008)
        self.held = True
        record = json.dumps({"pid": os.getpid(), "kind": self.kind}).encode()
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, record, 0)
        except OSError:
            pass  # the record only names the holder; the lock itself is held

    def release(self) -> None:
        if self.held:
            self.held = False
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self.release()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _busy(self, holder: dict, who: str) -> str:
        datadir = os.path.dirname(os.path.abspath(self.path))
        pid = f" (pid {holder['pid']})" if holder.get("pid") else ""
        return f"the data directory {datadir} is in use by {who}{pid}"


_ADVICE = {
    CLI: ": send commands through it with --rpc URL, or stop it first",
    NODE: ": one node per data directory",
}


def _alive(pid) -> bool:
    if type(pid) is not int or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
