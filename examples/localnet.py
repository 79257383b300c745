"""A local network of processes on loopback: `obelisk node`s, `obelisk worker`s and one-shot
`obelisk` commands, each in its own process group, every one stopped by close() whatever happened.

The tour (examples/tour.py) runs its story on it; tests may too (`LocalNet(root)` as a context manager).
"""
from __future__ import annotations

import ctypes
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request

OBELISK = [sys.executable, "-m", "obelisk"]
STOP_SECONDS = 5.0


def _libc_prctl():
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: close() alone stops the processes
        return None


_PRCTL = _libc_prctl()  # looked up here: the child between fork and exec only calls it


def _die_with_parent() -> None:
    """In the child, before exec (Linux): SIGTERM when the process that started it dies, even by
    SIGKILL, so no node or worker outlives a killed tour."""
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Proc:
    """One started process; its stdout lines are read by a thread (JSON lines become `events`)."""

    def __init__(self, name: str, cmd: list, env: dict):
        self.name, self.cmd = name, cmd
        self.popen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                      start_new_session=True, preexec_fn=_die_with_parent)
        self.events: queue.Queue = queue.Queue(maxsize=10_000)
        self.stderr: list = []
        self._readers = [threading.Thread(target=self._read_out, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for t in self._readers:
            t.start()

    def _read_out(self) -> None:
        for line in self.popen.stdout:
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            if isinstance(doc, dict):
                try:
                    self.events.put_nowait(doc)
                except queue.Full:  # nobody reads: drop the oldest
                    self.events.get_nowait()
                    self.events.put_nowait(doc)
        self.events.put(None)

    def _read_err(self) -> None:
        for line in self.popen.stderr:
            self.stderr = (self.stderr + [line.rstrip()])[-20:]

    def wait_event(self, pred, timeout: float) -> dict:
        """The first event from now on for which pred(event) holds; RuntimeError if it exits or time runs out."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"{self.name}: nothing expected happened within {timeout:.0f} s")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event is None:
                self.events.put(None)
                raise RuntimeError(f"{self.name} exited: {' / '.join(self.stderr[-3:]) or 'no message'}")
            if pred(event):
                return event

    def drain(self) -> list:
        """The events read so far and not yet taken."""
        out = []
        while True:
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return out
            if event is None:
                self.events.put(None)
                return out
            out.append(event)

    @property
    def running(self) -> bool:
        return self.popen.poll() is None

    def stop(self, timeout: float = STOP_SECONDS) -> int:
        """SIGTERM to its process group (its own helpers too), SIGKILL if it outstays `timeout`.

        Only while the process is not yet reaped: its group id cannot have been reused."""
        if self.popen.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.popen.wait()
        return self.popen.returncode

    def _signal_group(self, sig) -> None:
        try:
            os.killpg(self.popen.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


class Node(Proc):
    """`obelisk node --json` on loopback port 0: `p2p` and `rpc` once ready."""

    p2p = rpc_url = None

    def wait_ready(self, timeout: float) -> "Node":
        ready = self.wait_event(lambda e: e.get("event") == "ready", timeout)
        self.p2p, self.rpc_url = ready["p2p"], ready["rpc"]
        return self

    def rpc(self, method: str, *params, timeout: float = 10.0):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
        req = urllib.request.Request(self.rpc_url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            doc = json.loads(r.read())
        if "error" in doc:
            raise RuntimeError(f"{self.name}: {method}: {doc['error'].get('message')}")
        return doc["result"]


class LocalNet:
    """Every process of one local network, under the directory `root` (a datadir each)."""

    def __init__(self, root: str):
        self.root = os.fspath(root)
        self.procs: list = []
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.env.pop("OBELISK_DATADIR", None)

    def datadir(self, name: str) -> str:
        return os.path.join(self.root, name)

    def node(self, name: str, *, mine: bool = False, block_time: float = 0.5, peers=(), wait: bool = True) -> Node:
        """An `obelisk node` on loopback port 0; wait=False returns at once (call .wait_ready(s) later)."""
        cmd = [*OBELISK, "node", "--datadir", self.datadir(name), "--json", "--listen", "127.0.0.1:0",
               "--rpc-listen", "127.0.0.1:0", "--block-time", str(block_time)]
        if mine:
            cmd.append("--mine")
        for p in peers:
            cmd += ["--peer", p]
        node = self._add(Node(name, cmd, self.env))
        return node.wait_ready(30.0) if wait else node

    def worker(self, name: str, rpc: str, account, *extra) -> Proc:
        cmd = [*OBELISK, "--datadir", self.datadir(name), "worker", "--json", "--rpc", rpc, "--from", str(account),
               *extra]
        return self._add(Proc(name, cmd, self.env))

    def start(self, name: str, *args, datadir: str | None = None) -> Proc:
        """A long-running `obelisk` command (args after --datadir)."""
        cmd = [*OBELISK, "--datadir", self.datadir(datadir or name), *args]
        return self._add(Proc(name, cmd, self.env))

    def _add(self, proc: Proc) -> Proc:
        self.procs.append(proc)  # before anything can fail: close() stops it
        return proc

    def cli(self, *args, datadir: str, timeout: float = 60.0) -> dict:
        """A one-shot `obelisk --json` command; its JSON document (RuntimeError with its message if it failed)."""
        return self.cli_all([(datadir, args)], timeout)[0]

    def cli_all(self, commands, timeout: float = 60.0) -> list:
        """One-shot commands [(datadir, args), ...] run side by side; their JSON documents, in order."""
        started = [self._add(Proc(f"obelisk {args[0]}", [*OBELISK, "--datadir", self.datadir(d), "--json", *args],
                                  self.env)) for d, args in commands]
        end = time.monotonic() + timeout
        docs = []
        for proc, (_, args) in zip(started, commands):
            try:
                proc.popen.wait(max(0.1, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise RuntimeError(f"obelisk {' '.join(args[:2])} took over {timeout:.0f} s") from None
            self.procs.remove(proc)  # finished: close() has nothing to stop
            docs.append(self._document(proc, args))
        return docs

    @staticmethod
    def _document(proc: Proc, args) -> dict:
        for t in proc._readers:  # the process has exited: its pipes end soon
            t.join(5)
        events = proc.drain()
        if proc.popen.returncode != 0:
            message = (events[-1].get("error") if events else None) or " / ".join(proc.stderr[-2:])
            raise RuntimeError(f"obelisk {' '.join(args[:2])} failed: {message}")
        return events[-1] if events else {}

    def stop_all(self, procs) -> None:
        """Stop several processes side by side: SIGTERM to each, then wait for each."""
        for proc in procs:
            if proc.running:
                proc._signal_group(signal.SIGTERM)
        for proc in procs:
            proc.stop()
            if proc in self.procs:
                self.procs.remove(proc)

    def close(self) -> None:
        """Stop every process started here, side by side, whatever state each is in."""
        procs = list(self.procs)
        for proc in procs:
            if proc.running:
                proc._signal_group(signal.SIGTERM)
        for proc in procs:
            try:
                proc.stop()
            except BaseException:  # one that cannot be stopped must not keep the others running
                continue
        self.procs.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
