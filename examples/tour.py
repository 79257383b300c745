"""The Obelisk tour: a network on this machine pays for a computation and catches a cheat.

Three `obelisk node` processes on loopback (A mines), three `obelisk worker` processes on
different nodes (one lazy: it answers without computing), and a client posting a job with
`obelisk job post` through a node's JSON-RPC. The client opens the agreed result and checks
it against its own run of the model; the lazy worker loses its stake; every node ends on the
same head and `obelisk verify` passes on each datadir. Every process is stopped at the end,
whatever happens.

Run it with `bash examples/tour.sh` (--json: one JSON document; --datadir DIR: keep the
nodes' and workers' data there). Exit status: 0 all went as told, 1 it did not, 2 bad usage.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localnet import LocalNet  # noqa: E402  examples/localnet.py: the processes, always stopped

BLOCK_TIME = 0.5          # seconds between node A's blocks
SAMPLES = 20              # handwritten digits the client pays to have read
PAYMENT, STAKE = 3_000_000, 1_000_000
PHASE_BLOCKS = 60         # commit and reveal windows: ample; the reveal opens once every seat committed
JOB_SECONDS = 45          # from posting to every worker settled
CLIENT = 1                # dev account of the client
CLIENT_NODE = "B"         # the node the client posts through (it fetches the result through C)
WORKERS = (("A", 2, False), ("B", 3, False), ("C", 4, True))  # (node, dev account, lazy)


class Unexpected(Exception):
    """The story did not go as told."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise Unexpected(what)


class Story:
    """Tells what happens in plain words (not with --json), with the seconds since the start."""

    def __init__(self, quiet: bool):
        self.quiet, self.t0 = quiet, time.monotonic()

    def say(self, text: str) -> None:
        if not self.quiet:
            print(f"[{time.monotonic() - self.t0:5.1f}s] {text}", flush=True)

    def chapter(self, title: str) -> None:
        if not self.quiet:
            print(f"\n== {title}", flush=True)


def short(h: str) -> str:
    return h[:12] + "…" if isinstance(h, str) and len(h) > 14 else str(h)


class Worker:
    def __init__(self, proc, node: str, account: int, lazy: bool, address: str):
        self.proc, self.node, self.account, self.lazy, self.address = proc, node, account, lazy, address
        self.name = f"worker {account}{' (lazy)' if lazy else ''} on node {node}"
        self.seen: dict = {}

    def tell(self, story: Story, e: dict) -> None:
        """One line of the worker's JSON log, in words."""
        ev, job = e.get("event"), e.get("job")
        self.seen[ev] = e
        words = {
            "announced": lambda: f"announces it serves the '{e.get('runner')}' model, at any payment",
            "joined": lambda: f"takes seat {e.get('seat')} of job {job}, staking {e.get('stake'):,}",
            "computed": lambda: ("opens the input too, but does not run the model: it answers a guess"
                                 if e.get("lazy") else
                                 f"gets the sealed input by its hash through node {self.node}"
                                 f"{'' if self.node == CLIENT_NODE else ' (which fetches it from its peers)'}, "
                                 "opens it with its wrapped key and runs the model") +
            f" (result {short(e.get('result_hash'))})",
            "committed": lambda: "commits to its result: only sha256(result + secret salt) goes on chain",
            "revealed": lambda: f"reveals its result {short(e.get('result_hash'))}",
            "delivered": lambda: "delivers its result, sealed to the client's key, as a blob",
            "finalized": lambda: f"calls finalize: job {job} is settled on chain",
            "settled": lambda: (f"sees job {job} {e.get('outcome')}: " +
                                ("it agreed with the quorum" if e.get("agreed") else
                                 "it did not agree, so its stake goes to the client")),
            "withdrew": lambda: f"withdraws {e.get('amount'):,} (its share of the payment and its stake back)",
        }
        if ev in words:
            story.say(f"{self.name} {words[ev]()}")
        elif ev in ("skipped", "cannot serve", "warning", "node unreachable"):
            story.say(f"{self.name}: {ev} ({e.get('reason', '')})")


def dev_address(index: int) -> str:
    from chain.keys import dev_keys

    return str(dev_keys()[index].address)


def digits_input() -> tuple[bytes, list]:
    """SAMPLES held-out 8x8 digits (64 bytes each, pixels 0..16) and their true labels."""
    from obelisk.runners import digits

    x, y = digits.held_out()
    return x[:SAMPLES].tobytes(), [int(v) for v in y[:SAMPLES]]


def run(net: LocalNet, story: Story) -> dict:
    from chain import consensus as C
    from obelisk.compute import runners
    from vm.values import Address

    market = str(Address(C.DEV_MARKET_ADDRESS))
    story.chapter("Three nodes on this machine")
    a = net.node("A", mine=True, block_time=BLOCK_TIME)
    story.say(f"node A is up (peers on {a.p2p}, JSON-RPC on {a.rpc_url}); it mines a block every ~{BLOCK_TIME} s")
    b = net.node("B", peers=[a.p2p], wait=False)
    c = net.node("C", peers=[a.p2p], wait=False)
    for n in (b, c):
        n.wait_ready(30)
        story.say(f"node {n.name} is up and follows A (JSON-RPC on {n.rpc_url})")
    nodes = {"A": a, "B": b, "C": c}
    code = c.rpc("chain_getCode", market)
    expect(code is not None, f"no market at {market} on the dev network")
    story.say(f"the compute market is already there: the dev network's genesis holds it at {market}")

    story.chapter("Three workers, each on its own node")
    workers = []
    for node, account, lazy in WORKERS:
        proc = net.worker(f"worker{account}", nodes[node].rpc_url, account, "--runner", "digits",
                          "--interval", "0.3", *(["--lazy"] if lazy else []))
        workers.append(Worker(proc, node, account, lazy, dev_address(account)))
    story.say("workers 2, 3 and 4 start (dev accounts 2-4); worker 4 runs with --lazy, the testing knob "
              "that makes it answer without computing, to show what happens to a cheat")
    for w in workers:
        w.tell(story, w.proc.wait_event(lambda e: e.get("event") == "announced", 30))

    story.chapter("The client posts a job")
    data, labels = digits_input()
    input_file = os.path.join(net.root, "digits.bin")
    with open(input_file, "wb") as f:
        f.write(data)
    story.say(f"the client (dev account {CLIENT}) has {SAMPLES} handwritten digits (8x8 pixels) to read; "
              f"it seals them with a fresh key and posts the job through node {CLIENT_NODE}: model 'digits', "
              f"payment {PAYMENT:,}, 3 seats, 2 must agree, stake {STAKE:,}")
    post = net.start("client job post", "--json", "job", "post", input_file, "--runner", "digits",
                     "--payment", str(PAYMENT), "--seats", "3", "--quorum", "2", "--stake", str(STAKE),
                     "--commit-blocks", str(PHASE_BLOCKS), "--reveal-blocks", str(PHASE_BLOCKS),
                     "--rpc", nodes[CLIENT_NODE].rpc_url, "--from", str(CLIENT), datadir="client")
    posted = post.wait_event(lambda e: "job" in e, 30)
    job = posted["job"]
    story.say(f"job {job} is on chain; only the input's hashes are public (blob {short(posted['input_blob'])}); "
              "the client stays to wrap the data key for each worker that takes a seat")

    story.chapter("The workers do the job")
    deadline = time.monotonic() + JOB_SECONDS
    while not all(("withdrew" if not w.lazy else "settled") in w.seen for w in workers):
        expect(time.monotonic() < deadline, f"job {job} was not settled within {JOB_SECONDS} s")
        for w in workers:
            expect(w.proc.running, f"{w.name} stopped: {' / '.join(w.proc.stderr[-2:])}")
            for e in w.proc.drain():
                w.tell(story, e)
        if post.popen.poll() is not None and not getattr(post, "told", False):
            post.told = True
            expect(post.popen.returncode == 0, f"obelisk job post failed: {' / '.join(post.stderr[-2:])}")
            story.say("the client has wrapped the data key for every seat: only these three workers can open the input")
        time.sleep(0.1)

    story.chapter("The client opens the result")
    status = net.cli("job", "status", str(job), "--rpc", c.rpc_url, "--from", str(CLIENT), datadir="client")
    expect(status["state"] == "paid", f"job {job} ended {status['state']}, not paid")
    out = os.path.join(net.root, "result.txt")
    net.cli("job", "result", str(job), "-o", out, "--rpc", c.rpc_url, "--from", str(CLIENT), datadir="client")
    with open(out, "rb") as f:
        result = f.read()
    local = runners.load("digits").run(data)
    matches = result == local and status["result_hash"] == "0x" + hashlib.sha256(local).hexdigest()
    right = sum(1 for got, want in zip(result.decode("ascii", "replace"), labels) if got == str(want))
    story.say(f"through node C, the client fetches a delivered result and opens it with its own key: "
              f"{result.decode('ascii', 'replace').strip()}")
    story.say(f"its own run of the model gives {'the same bytes' if matches else 'OTHER BYTES'}; "
              f"{right} of {SAMPLES} digits are what the people who wrote them meant")
    expect(matches, "the agreed result differs from the client's own run of the model")
    paid = sorted({e["args"]["worker"] for e in c.rpc("chain_getLogs", {"address": market, "event": "WorkerPaid"})
                   if e["args"]["job"] == job})
    slashed = sorted({e["args"]["worker"] for e in c.rpc("chain_getLogs", {"address": market,
                                                                            "event": "StakeForfeited"})
                      if e["args"]["job"] == job})
    honest = sorted(w.address for w in workers if not w.lazy)
    lazy = sorted(w.address for w in workers if w.lazy)
    expect(paid == honest and slashed == lazy, f"paid {paid} and slashed {slashed}, not {honest} and {lazy}")
    story.say(f"on chain: paid {', '.join(short(p) for p in paid)}; the lazy worker's stake "
              f"({short(slashed[0])}) went to the client")

    story.chapter("Every node agrees, and every chain verifies")
    net.stop_all([w.proc for w in workers])
    story.say("the workers stop; node A stops mining and shuts down")
    head, heads_equal, verified = agree_and_verify(net, story, a, b, c)
    return {"ok": True, "nodes": len(nodes), "workers": len(workers), "market": market,
            "job": {"id": job, "state": status["state"], "result_hash": status["result_hash"], "paid": paid,
                    "slashed": slashed, "payment": PAYMENT, "stake": STAKE},
            "result_matches_local": matches, "digits_right": right, "samples": SAMPLES,
            "heads_equal": heads_equal, "head": {"height": head["number"], "hash": head["hash"]},
            "verified": verified}


def agree_and_verify(net: LocalNet, story: Story, a, b, c) -> tuple:
    """Stops the miner A, brings B and C to its last head, stops them, verifies every datadir.

    Returns (A's head block document, whether every node ends on it, whether every datadir verified)."""
    net.stop_all([a])
    head = net.cli("block", datadir="A")
    converged = _wait_heads(b, c, head["hash"], 10)
    if not converged:  # A's last block left with A: A comes back (not mining) and hands it over
        story.say("nodes B and C missed A's last block; A restarts without mining to hand it over")
        a = net.node("A", peers=[b.p2p, c.p2p])
        converged = _wait_heads(b, c, head["hash"], 15)
        net.stop_all([a])
    story.say(f"nodes B and C are on A's head: block {head['number']} {short(head['hash'])}" if converged else
              "nodes B and C did NOT reach A's head")
    net.stop_all([b, c])
    checks = net.cli_all([("A", ("verify",)), ("B", ("verify",)), ("C", ("verify",)),
                          ("B", ("block",)), ("C", ("block",))])
    verified = all(doc.get("valid") is True for doc in checks[:3])
    heads_equal = converged and all(doc.get("hash") == head["hash"] for doc in checks[3:])
    for name, doc in zip("ABC", checks[:3]):
        story.say(f"obelisk verify on node {name}'s datadir: {'valid' if doc.get('valid') else 'INVALID'}, "
                  f"every block from genesis to height {doc.get('height')} re-validates")
    expect(heads_equal, "the nodes ended on different heads")
    expect(verified, "a node's chain failed obelisk verify")
    return head, heads_equal, verified


def _wait_heads(b, c, want: str, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if all(n.rpc("node_info")["head"] == want for n in (b, c)):
            return True
        time.sleep(0.1)
    return False


def _stop_on_signals() -> dict:
    """SIGTERM and SIGHUP end the tour like Ctrl-C does: through the finally that stops every process.
    Returns the handlers they had (main restores them)."""
    def stop(signum, frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)
    return {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="tour", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of the story")
    parser.add_argument("--datadir", metavar="DIR", help="keep the nodes', workers' and client's data here (a new or empty directory)")
    args = parser.parse_args(argv)
    if args.datadir:
        root, keep = os.path.abspath(args.datadir), True
        if os.path.isdir(root) and os.listdir(root):
            print(f"tour: {root} is not an empty directory; the tour needs a fresh one", file=sys.stderr)
            return 2
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as exc:
            print(f"tour: cannot use {root}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        root, keep = tempfile.mkdtemp(prefix="obelisk-tour-"), False
    previous = _stop_on_signals()
    story = Story(quiet=args.json)
    started = time.monotonic()
    net = LocalNet(root)
    try:
        summary = run(net, story)
    except (Unexpected, RuntimeError, OSError) as exc:
        summary = {"ok": False, "error": str(exc)}
    except KeyboardInterrupt as exc:
        summary = {"ok": False, "error": f"interrupted ({exc or 'SIGINT'})"}
    except Exception as exc:  # a bug of the tour's own: still one document, still every process stopped
        summary = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    finally:
        # A second Ctrl-C must not cut the clean-up short.
        before = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        try:
            net.close()
            if not keep:
                shutil.rmtree(root, ignore_errors=True)
        finally:
            for sig, handler in {**before, **previous}.items():
                signal.signal(sig, handler)
    summary["seconds"] = round(time.monotonic() - started, 1)
    if args.json:
        print(json.dumps(summary))
    elif summary["ok"]:
        print(f"\nThe tour went as told, in {summary['seconds']} s: 3 nodes, 3 workers, one paid job, "
              "one cheat caught, every process stopped.")
    else:
        print(f"\ntour failed: {summary['error']}")
        print(f"tour: {summary['error']}", file=sys.stderr)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
