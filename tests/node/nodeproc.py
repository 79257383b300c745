"""Node processes for tests: start `obelisk node --json` on loopback port 0, read its events, call its JSON-RPC, always stop it."""
from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

OBELISK = str(Path(sys.executable).with_name("obelisk"))


class NodeProc:
    def __init__(self, datadir, *args, mine=False, block_time=1.0, peers=()):
        self.datadir = str(datadir)
        cmd = [OBELISK, "node", "--datadir", self.datadir, "--listen", "127.0.0.1:0", "--rpc-listen",
               "127.0.0.1:0", "--json", "--block-time", str(block_time), *args]
        if mine:
            cmd.append("--mine")
        for p in peers:
            cmd += ["--peer", p]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONHASHSEED": "0"})
        self.events: queue.Queue = queue.Queue()
        self.lines: list = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        ready = self.wait_event(lambda e: e["event"] == "ready", 20)
        self.p2p, self.rpc_url = ready["p2p"], ready["rpc"]

    def _read(self):
        for line in self.proc.stdout:
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            self.lines.append(doc)
            self.events.put(doc)
        self.events.put(None)

    def wait_event(self, pred, timeout=20.0):
        end = time.time() + timeout
        while time.time() < end:
            try:
                e = self.events.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                break
            if e is None:
                raise AssertionError(f"node exited: {self.proc.stderr.read()[-2000:]}")
            if pred(e):
                return e
        raise AssertionError(f"no such event within {timeout} s; last: {self.lines[-3:]}")

    def rpc(self, method, *params):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
        req = urllib.request.Request(self.rpc_url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            doc = json.loads(r.read())
        if "error" in doc:
            raise RuntimeError(doc["error"])
        return doc["result"]

    def stop(self, sig=signal.SIGTERM, timeout=5.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("the node did not stop within 5 s")
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def wait_until(pred, timeout=20.0, step=0.1, what: str | None = None):
    """Polls pred until it returns something true, which it returns; fails naming `what` after `timeout` s."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        last = pred()
        if last:
            return last
        time.sleep(step)
    if what is not None:
        raise AssertionError(f"timed out waiting for {what} (last {last!r})")
    raise AssertionError(f"condition not met within {timeout} s (last {last!r})")


def signed_transfer(index: int, nonce: int, to_index: int = 9, value: int = 1000, gas_price: int = 1) -> bytes:
    from chain import consensus as C
    from chain import tx as txmod
    from chain.keys import dev_keys

    keys = dev_keys()
    k = keys[index]
    t_ = txmod.Transaction(C.TX_VERSION, C.DEV_CHAIN_ID, nonce, keys[to_index].address, value, C.TX_BASE_GAS,
                           gas_price, b"", k.public_key).signed(k)
    return t_.encode()
