"""Fuzz part (e): a real `obelisk node` on the datadir while random commands run at once: through its --rpc,
local ones on the same datadir, kill -9 and restarts of the node, a second node on the datadir (rules: Mix).
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from fuzz_cli import SCRIPT, TOKEN
from fuzzcore import Progress, Tally

COMMAND_TIMEOUT = 300.0  # a command running longer has hung (waiting sends use --timeout well under it)
READY_TIMEOUT = 120.0  # a node not ready by then has hung (~1-3 s on an idle machine; nice 19 on a busy one: far more)
STOP_TIMEOUT = 30.0  # docs/node.md: SIGTERM stops a node within 5 s; slack for nice 19 on a machine shared by many
DRAIN_TIMEOUT = 90.0  # the last node's time to mine every acknowledged transaction
IN_USE = "datadir-in-use"
TX_HASH = re.compile(r"transaction (0x[0-9a-f]{64}) was sent")


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}


class Proc:
    """A process whose stdout and stderr go to files (no pipe to fill while nobody reads)."""

    def __init__(self, argv: list, logdir: Path, name: str):
        self.argv, self.name = argv, name
        self.out_path, self.err_path = logdir / f"{name}.out", logdir / f"{name}.err"
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=_env())
        self.started = time.monotonic()

    def texts(self) -> tuple:
        read = lambda p: p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""
        return read(self.out_path), read(self.err_path)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


class Node(Proc):
    """`obelisk node` on loopback port 0; `gen` tells one life of the datadir's node from the next."""

    def __init__(self, datadir: Path, logdir: Path, gen: int, mine: bool, block_time: float, name: str = ""):
        argv = [str(SCRIPT), "node", "--json", "--datadir", str(datadir), "--listen", "127.0.0.1:0",
                "--rpc-listen", "127.0.0.1:0", "--block-time", f"{block_time:g}"] + (["--mine"] if mine else [])
        super().__init__(argv, logdir, name or f"node{gen}")
        self.gen, self.mine, self.ready = gen, mine, None

    def wait_ready(self, timeout: float = READY_TIMEOUT):
        """The ready event, or None when the process ended first or the time ran out (see .proc.poll())."""
        end = time.monotonic() + timeout
        while True:
            ended = self.proc.poll() is not None
            if self.is_ready() or ended or time.monotonic() >= end:
                return self.ready
            time.sleep(0.05)

    def is_ready(self) -> bool:
        for line in self.texts()[0].splitlines():
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            if isinstance(doc, dict) and doc.get("event") == "ready":
                self.ready = doc
                return True
        return False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def rpc(self, method: str, *params, timeout: float = 10.0):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
        req = urllib.request.Request(self.ready["rpc"], body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            doc = json.loads(r.read())
        if "error" in doc:
            raise RuntimeError(doc["error"])
        return doc["result"]


class Mix:
    """The campaign's state: the node of the moment, the commands running, what was acknowledged.

    Rules checked (docs/chain.md "Storage", docs/node.md "Start"): a local reader works beside the node; a
    local writer beside a live node is refused (`datadir-in-use`); a second node is refused; every process
    ends with exit 0, 1 or 2 and no traceback (a node stopped by SIGTERM: 0, in its 5 s plus slack for a busy
    machine). Acknowledged = the node answered `tx_send` with the hash (a `--no-wait` hash, a receipt, an
    error naming the hash as sent), or a local command printed the receipt: the submission is then committed,
    so it must survive any kill -9 and, once a last mining node has run, be mined; a receipt's block stays
    where it was reported. Counted: a writer admitted beside the node, a second node started, an acknowledged
    transaction missing or moved, a chain failing verify or starting below a block already reported:
    data_lost; a reader refused, a node gone silent reported as "transaction rejected", a traceback, a bad
    exit status: host_exceptions; a command or node over its time, an acknowledged one never mined: hangs.
    """

    def __init__(self, datadir: Path, logdir: Path, rnd: random.Random, tally: Tally):
        self.datadir, self.logdir, self.rnd, self.tally = datadir, logdir, rnd, tally
        self.node: Node | None = None
        self.gen = 0
        self.url = None  # the last node's RPC address: commands sent to it after it died must fail cleanly
        self.running: list = []  # (Proc, kind, args, node gen alive at launch or None)
        self.procs: list = []  # every process started, for the final kill
        self.acked: dict = {}  # tx hash -> {"what", "block": the block reported, or None}
        self.top = 0  # the highest block a command reported
        self.killed: set = set()  # commands killed -9 on purpose
        self.n = 0
        self.token = self.accounts = None

    # ---- the node's lives ----------------------------------------------------

    def start_node(self, mine: bool, block_time: float, kill_after: float | None = None, twin: bool = False) -> None:
        """A node on the datadir, ready; with `kill_after`, first one killed -9 that many seconds into its start;
        with `twin`, two started at once, of which exactly one may come up (the other refused)."""
        if kill_after is not None:
            self.gen += 1
            node = Node(self.datadir, self.logdir, self.gen, mine, block_time)
            self.procs.append(node)
            time.sleep(kill_after)
            node.proc.send_signal(signal.SIGKILL)
            node.proc.wait()
            self.tally.count("node:kill-9-starting")
            self.end_node(node, "kill -9 while starting", expect=(2, -signal.SIGKILL))
        self.gen += 1
        nodes = [Node(self.datadir, self.logdir, self.gen, mine, block_time, name=f"node{self.gen}{twin_}")
                 for twin_ in ("", "-twin")[: 1 + twin]]
        self.procs.extend(nodes)
        self.tally.count(f"node:start:{'mining' if mine else 'idle'}" + (":twins" if twin else ""))
        up = [node for node in nodes if node.wait_ready() is not None]
        for node in nodes:
            if node.ready is None and node.proc.poll() is None:
                self.tally.defect("hangs", f"{node.name} not ready within {READY_TIMEOUT:g} s")
                node.kill()
            elif node.ready is None and not (twin and up):
                self.end_node(node, "start")
            elif node.ready is None:  # the twin that lost the race: refused as a second node is
                self.end_node(node, "lost the race", expect=2)
                if IN_USE not in node.texts()[1]:
                    self.tally.defect("host_exceptions", f"{node.name} lost the race but not to the lock",
                                      node.texts()[1][-800:])
        if len(up) > 1:
            self.tally.defect("data_lost", "two nodes started at once on one datadir: both came up")
            for node in up[1:]:
                node.kill()
        if not up:
            return
        node = up[0]
        if node.ready.get("height", -1) < self.top:
            self.tally.defect("data_lost", f"{node.name} starts at height {node.ready.get('height')}, "
                                           f"below block {self.top} already reported")
        self.node, self.url = node, node.ready["rpc"]

    def kill_node(self) -> None:
        node, self.node = self.node, None
        node.proc.send_signal(signal.SIGKILL)
        node.proc.wait()
        self.tally.count("node:kill-9")
        self.end_node(node, "kill -9", expect=-signal.SIGKILL)

    def stop_node(self) -> None:
        node, self.node = self.node, None
        node.proc.send_signal(signal.SIGTERM)
        try:
            node.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.tally.defect("hangs", f"{node.name} still running {STOP_TIMEOUT:g} s after SIGTERM")
            node.kill()
            return
        self.tally.count("node:stop")
        self.end_node(node, "SIGTERM", expect=0)

    def end_node(self, node: Node, how: str, expect=None) -> None:
        """A node's life is over: its stderr holds no traceback and its exit status is the one expected."""
        out, err = node.texts()
        if "Traceback" in err or "internal error" in err.lower():
            self.tally.defect("host_exceptions", f"{node.name} ({how}): traceback on stderr", err[-1500:])
        elif expect is not None and node.proc.returncode not in (expect if isinstance(expect, tuple) else (expect,)):
            self.tally.defect("host_exceptions", f"{node.name} ({how}): exit {node.proc.returncode}", err[-800:])
        elif how == "start":
            self.tally.defect("host_exceptions", f"{node.name} refused to start: exit {node.proc.returncode}",
                              err[-800:])

    # ---- commands ------------------------------------------------------------

    def launch(self, args: list, kind: str) -> None:
        self.n += 1
        if kind == "second-node":
            proc = Node(self.datadir, self.logdir, self.gen, False, 1.0, name=f"second{self.n}")
        else:
            where = ["--rpc", self.url] if kind == "rpc" else []
            proc = Proc([str(SCRIPT), "--json", "--datadir", str(self.datadir), *args, *where], self.logdir,
                        f"cmd{self.n}")
        self.procs.append(proc)
        self.running.append((proc, kind, args, self.node.gen if self.node else None))

    def reap(self, final: bool = False) -> int:
        """Judge the commands that ended (every one when `final`); the number judged."""
        judged = 0
        for item in list(self.running):
            proc, kind, args, gen = item
            if kind == "second-node" and proc.proc.poll() is None and proc.is_ready():
                proc.kill()  # it should never have started: judged below
            if proc.proc.poll() is None:
                overdue = time.monotonic() - proc.started > COMMAND_TIMEOUT
                if not (final or overdue):
                    continue
                try:
                    proc.proc.wait(max(0.0, COMMAND_TIMEOUT - (time.monotonic() - proc.started)))
                except subprocess.TimeoutExpired:
                    proc.kill()
                    self.running.remove(item)
                    self.tally.defect("hangs", f"{kind}: {' '.join(args)}")
                    judged += 1
                    continue
            self.running.remove(item)
            self.judge(proc, kind, args, gen)
            judged += 1
        return judged

    def judge(self, proc: Proc, kind: str, args: list, gen) -> None:
        code = proc.proc.returncode
        out, err = proc.texts()
        what = f"{kind}: {' '.join(args)} -> exit {code}"
        # the node that was alive at the launch is alive still: the datadir was held all along
        held = gen is not None and self.node is not None and self.node.gen == gen and self.node.alive()
        self.tally.count(f"{kind}:{args[0]}:exit{code}")
        if proc in self.killed and code == -signal.SIGKILL:
            self.note_acks(out + err, args, code)  # what it printed before it died still counts
            return
        if kind == "second-node":
            if proc.is_ready():
                self.tally.defect("data_lost", f"a second node started on the datadir of node {gen}")
            elif held and not (code == 2 and IN_USE in err and "one node per data directory" in err):
                self.tally.defect("host_exceptions", f"second node on a held datadir: {what}", err[-800:])
            return
        if code not in (0, 1, 2) or "Traceback" in err or "internal error" in err.lower():
            self.tally.defect("host_exceptions", what, err[-1500:])
            return
        if code == 2:
            reason = (err.strip().splitlines() or [""])[-1]
            self.tally.count(f"{kind}:{args[0]}:refused:{_shape(reason)}")
            if kind == "local-read" and IN_USE in reason:
                self.tally.defect("host_exceptions", f"a reader refused beside the node: {what}", reason)
            if "transaction rejected: rpc-" in reason:  # the node went silent: it refused nothing, may have admitted
                self.tally.defect("host_exceptions", f"a node gone silent reported as a rejection: {what}", reason)
        if kind == "local-write" and held and code != 2:
            self.tally.defect("data_lost", f"a writer admitted beside node {gen}: {what}", out[-500:])
        if kind == "local-write" and held and code == 2 and IN_USE not in err:
            self.tally.count("local-write:refused-otherwise")
        if args[0] == "verify" and code == 1:
            self.tally.defect("data_lost", f"verify fails during the mix: {what}", out[-800:])
        self.note_acks(out + err, args, code)

    def note_acks(self, text: str, args: list, code: int) -> None:
        """Record the hashes a command's output acknowledges, and the blocks it reports."""
        for match in TX_HASH.finditer(text):
            self.acked.setdefault(match.group(1), {"what": " ".join(args), "block": None})
        for line in text.splitlines():
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            if not isinstance(doc, dict):
                continue
            if args[0] == "mine" and type(doc.get("height")) is int:
                self.top = max(self.top, doc["height"])
            if args[0] in ("send", "call", "deploy") and isinstance(doc.get("tx"), str):
                block = doc.get("block") if type(doc.get("block")) is int else None
                entry = self.acked.setdefault(doc["tx"], {"what": " ".join(args), "block": None})
                entry["block"] = block if block is not None else entry["block"]
                if block is not None:
                    self.top = max(self.top, block)

    def command(self) -> tuple:
        """A random command and how it meets the datadir: rpc, local-read or local-write.

        The same number of draws every time, whatever has happened: one seed, one sequence of commands
        and node events, however the processes' timing falls."""
        k, j, w, t, a, b, c, d = (self.rnd.random() for _ in range(8))
        token, accounts, acked = self.token, self.accounts or ["1"], list(self.acked)
        to, amount, sender = str(1 + int(a * 9)), str(1 + int(b * 1000)), str(int(c * 3))
        holder, tokens = _pick(accounts, d), str(1 + int(b * 50))
        since = ["--from-block", str(max(0, self.top - 20))]
        if self.url and k < 0.6:
            wait = ["--no-wait"] if w < 0.3 else ["--timeout", "3" if t < 0.2 else "30"]
            if j < 0.35:
                return ["send", to, amount, "--from", sender, *wait], "rpc"
            if j < 0.5 and token:
                return ["call", token, "transfer", holder, tokens, "--from", "0", *wait], "rpc"
            if j < 0.53:
                return ["deploy", str(TOKEN), "1000", "--from", "3", *wait], "rpc"
            if j < 0.58 and token:
                return ["call", token, "balance_of", holder], "rpc"
            if j < 0.65:
                return ["mine", "1"], "rpc"
            if j < 0.75 and acked:
                return [_pick(("receipt", "tx"), t), _pick(acked, d)], "rpc"
            return _pick((["nonce", sender], ["balance", to], ["logs", *since], ["block"], ["accounts"]), t), "rpc"
        if k < 0.8:
            if acked and j < 0.2:
                return [_pick(("receipt", "tx"), t), _pick(acked, d)], "local-read"
            return _pick((["balance", to], ["accounts"], ["verify"], ["block"], ["nonce", sender], ["logs", *since]),
                         t), "local-read"
        if j < 0.5:
            return ["send", to, amount, "--from", sender], "local-write"
        if j < 0.75 and token:
            return ["call", token, "transfer", holder, tokens, "--from", "0"], "local-write"
        return ["mine", "1"], "local-write"

    def control(self) -> None:
        """Now and then: kill -9 the node (at times while it starts), stop it, try a second node beside it,
        or start one (mining or idle). Fixed draws, as in command()."""
        k, again, mine, pace, early, when, victim = (self.rnd.random() for _ in range(7))
        restart = lambda: self.start_node(mine < 0.7, _pick((0.3, 0.5, 1.0), pace),
                                          kill_after=when if early < 0.15 else None, twin=0.15 <= early < 0.3)
        if self.node is not None and not self.node.alive():
            node, self.node = self.node, None
            self.tally.defect("host_exceptions", f"{node.name} ended by itself: exit {node.proc.returncode}",
                              node.texts()[1][-1500:])
        if any(kind == "second-node" for _, kind, _, _ in self.running):
            return  # its verdict depends on the first node living until it has given up
        if self.node is not None:
            if k < 0.06:
                self.kill_node()
                if again < 0.5:
                    restart()
            elif k < 0.08:
                self.stop_node()
            elif k < 0.11:
                self.launch(["node"], "second-node")
        elif k < 0.3:
            restart()
        if 0.3 <= k < 0.34 and self.running:  # a crash or a kill -9: any command may die anywhere
            proc = _pick(self.running, victim)[0]
            proc.proc.send_signal(signal.SIGKILL)
            self.killed.add(proc)

    # ---- the end ---------------------------------------------------------------

    def drain(self) -> None:
        """A last node mines until every acknowledged transaction has a receipt (or the time runs out)."""
        self.start_node(True, 0.3)
        if self.node is None:
            return
        end = time.monotonic() + DRAIN_TIMEOUT
        waiting = list(self.acked)
        while waiting and time.monotonic() < end and self.node.alive():
            try:
                waiting = [h for h in waiting if self.node.rpc("chain_getReceipt", h) is None]
            except (OSError, ValueError, RuntimeError) as exc:
                self.tally.count(f"drain:rpc-error:{type(exc).__name__}")
            if waiting:
                time.sleep(0.3)
        self.stop_node()

    def check(self) -> None:
        """verify passes, and every acknowledged transaction is mined where it was reported."""
        proc = Proc([str(SCRIPT), "--json", "--datadir", str(self.datadir), "verify"], self.logdir, "final-verify")
        self.procs.append(proc)
        try:
            proc.proc.wait(COMMAND_TIMEOUT * 5)
        except subprocess.TimeoutExpired:
            proc.kill()
            self.tally.defect("hangs", "the final verify")
            return
        out, err = proc.texts()
        try:
            valid = proc.proc.returncode == 0 and json.loads(out).get("valid") is True
        except ValueError:
            valid = False
        if not valid:
            self.tally.defect("data_lost", "verify fails after the node mix", (out + err)[-1500:])
        import obelisk

        net = obelisk.Devnet(datadir=self.datadir)
        try:
            for h, entry in self.acked.items():
                receipt = net.receipt(h)
                if receipt is None:
                    pending = net.tx(h) is not None
                    kind = "hangs" if pending else "data_lost"
                    self.tally.defect(kind, f"acknowledged, {'still pending' if pending else 'gone'}: "
                                            f"{entry['what']} ({h})")
                elif entry["block"] is not None and receipt.block_number != entry["block"]:
                    self.tally.defect("data_lost", f"reported in block {entry['block']}, now in {receipt.block_number}: "
                                                   f"{entry['what']} ({h})")
        finally:
            net.close()


def _pick(seq, x: float):
    return seq[min(int(x * len(seq)), len(seq) - 1)]


def _shape(reason: str) -> str:
    """A refusal's words without its numbers, ports and hashes, so like refusals count together."""
    reason = re.sub(r"(?<![\w.])/[^\s:]+", "DIR", reason.split("error: ", 1)[-1])
    return re.sub(r"0x[0-9a-f]+|\d+", "N", reason)[:90]


def run(count: int, datadir: Path, seed: int = 0, parallel: int = 4, progress=None) -> Tally:
    """`count` commands, `parallel` at a time, beside a node that is killed and restarted, on a fresh datadir."""
    rnd = random.Random(seed)
    tally, bar, start = Tally(), Progress("node", count, progress), time.monotonic()
    if not SCRIPT.exists():
        tally.detail["skipped:no-obelisk-command"] = 1
        return tally
    with tempfile.TemporaryDirectory(prefix="obelisk-fuzz-node-") as logs:
        mix = Mix(datadir, Path(logs), rnd, tally)
        try:
            _setup(mix)
            mix.start_node(True, 0.5)
            launched = 0
            while launched < count or mix.running:
                if launched < count and len(mix.running) < parallel:
                    mix.control()
                    mix.launch(*mix.command())
                    launched += 1
                    continue
                judged = mix.reap(final=launched >= count)
                tally.runs += judged
                bar.tick(tally)
                if not judged:
                    time.sleep(0.05)
            if mix.node is not None:
                mix.kill_node() if rnd.random() < 0.5 else mix.stop_node()
            mix.drain()
            mix.check()
        finally:
            for proc in mix.procs:
                proc.kill()
        tally.detail["acknowledged"] = len(mix.acked)
        tally.detail["acknowledged:reported_mined"] = sum(1 for e in mix.acked.values() if e["block"] is not None)
        tally.detail["node:lives"] = mix.gen
    tally.seconds = time.monotonic() - start
    return tally


def _setup(mix: Mix) -> None:
    """A token deployed and the accounts listed, by local commands before any node."""
    for args in (["deploy", str(TOKEN), "1000000"], ["accounts"]):
        proc = Proc([str(SCRIPT), "--json", "--datadir", str(mix.datadir), *args], mix.logdir, f"setup-{args[0]}")
        mix.procs.append(proc)
        proc.proc.wait(COMMAND_TIMEOUT)
        out, err = proc.texts()
        if proc.proc.returncode != 0:
            mix.tally.defect("host_exceptions", f"setup: {' '.join(args)} -> exit {proc.proc.returncode}", err[-800:])
            continue
        doc = json.loads(out)
        if args[0] == "deploy":
            mix.token = doc.get("address")
            mix.note_acks(out, args, 0)
        else:
            mix.accounts = [a["address"] for a in doc]
