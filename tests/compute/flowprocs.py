"""Processes of the compute flow tests: `obelisk worker`s, `obelisk job` commands and nodes, each
stopped whatever happens; a process's JSON lines are read by a thread, so no wait blocks forever."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time

OBELISK = [sys.executable, "-m", "obelisk"]


class Proc:
    """One process; its stdout's JSON lines collected (`lines`) and queued for `until`."""

    def __init__(self, args, env=None):
        self.popen = subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      env={**os.environ, **(env or {})})
        self.lines: list = []
        self._queue: queue.Queue = queue.Queue()
        self._err: list = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self._err.extend(self.popen.stderr), daemon=True).start()

    def _read(self):
        for line in self.popen.stdout:
            try:
                doc = json.loads(line)
            except ValueError:
                doc = {"event": None, "text": line.rstrip("\n")}
            self.lines.append(doc)
            self._queue.put(doc)
        self._queue.put(None)

    @property
    def stderr(self) -> str:
        return "".join(self._err)

    def until(self, event: str, timeout: float = 120.0) -> list:
        """The lines read since the last call, up to the first with this event."""
        seen, deadline = [], time.monotonic() + timeout
        while True:
            try:
                doc = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {event!r} within {timeout} s: {seen[-8:]}") from None
            if doc is None:
                self._queue.put(None)  # stays at the end for later calls
                raise AssertionError(f"exited ({self.popen.poll()}) before {event!r}: {seen[-8:]} {self.stderr[-2000:]}")
            seen.append(doc)
            if doc.get("event") == event:
                return seen

    def signal(self, sig) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)

    def wait(self, timeout: float = 60.0) -> int:
        return self.popen.wait(timeout)


class Procs:
    """Every process a test starts, stopped (terminated, then killed) whatever happens."""

    def __init__(self):
        self.started: list = []

    def start(self, *args, env=None) -> Proc:
        p = Proc(args, env)
        self.started.append(p)
        return p

    def worker(self, env: dict, datadir, account: int, *extra) -> Proc:
        return self.start(*OBELISK, "--datadir", str(datadir), "worker", "--json", "--from", str(account),
                          "--interval", "0.2", *extra, env=env)

    def stop_all(self) -> None:
        for p in self.started:
            p.signal(15)
        for p in self.started:
            try:
                p.popen.wait(10)
            except subprocess.TimeoutExpired:
                p.popen.kill()
                p.popen.wait()


def cli(env: dict, datadir, *args, check: bool = True, timeout: float = 180.0) -> subprocess.CompletedProcess:
    """One `obelisk --datadir DATADIR ARGS...` run to its end."""
    out = subprocess.run([*OBELISK, "--datadir", str(datadir), *args], capture_output=True, text=True,
                         timeout=timeout, env={**os.environ, **env})
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def cli_json(env: dict, datadir, *args, timeout: float = 180.0) -> dict:
    """The first JSON document a `--json` command printed."""
    return json.loads(cli(env, datadir, "--json", *args, timeout=timeout).stdout.splitlines()[0])


def wait_for(pred, what: str, timeout: float = 120.0, step: float = 0.2):
    """Polls pred until it returns something true, which it returns (the node tests' poller)."""
    from nodeproc import wait_until

    return wait_until(pred, timeout, step, what=what)


def samples(n: int) -> bytes:
    """n held-out digit images, as the digits runner takes them."""
    from obelisk.runners import digits

    x, _ = digits.held_out()
    return x[:n].tobytes()
