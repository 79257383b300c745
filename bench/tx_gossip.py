"""Transactions admitted over JSON-RPC by one node with 3 peers gossiping, as JSON (goal >= 2,000 tx/s).

Four `obelisk node` processes on loopback (one entry node, three peers linked to
it); N signed dev transfers go to the entry node as tx_send batches of 100.
Prints the entry node's admission rate and the rate at which every peer's pool
held all of them (admitted and propagated). Nothing is mined meanwhile.
Run: .venv/bin/python bench/tx_gossip.py [--txs 4000]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]
sys.path.insert(0, os.path.join(os.path.dirname(_HERE), "tests", "node"))

from nodeproc import NodeProc, wait_until  # noqa: E402

from obelisk.node.sim import transfers  # noqa: E402


def batch_send(node: NodeProc, txs: list) -> None:
    import urllib.request
    for i in range(0, len(txs), 100):
        body = json.dumps([{"jsonrpc": "2.0", "id": j, "method": "tx_send", "params": ["0x" + t.hex()]}
                           for j, t in enumerate(txs[i:i + 100])]).encode()
        req = urllib.request.Request(node.rpc_url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            answers = json.loads(r.read())
        bad = [a for a in answers if "error" in a]
        if bad:
            raise SystemExit(f"refused: {bad[0]['error']}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--txs", type=int, default=4000)
    a = ap.parse_args()
    txs = transfers(a.txs)
    nodes = []
    with tempfile.TemporaryDirectory() as d:
        try:
            entry = NodeProc(os.path.join(d, "entry"))
            nodes.append(entry)
            for i in range(3):
                nodes.append(NodeProc(os.path.join(d, f"p{i}"), peers=[entry.p2p]))
            wait_until(lambda: entry.rpc("node_info")["peers"] >= 3, 30)
            t0 = time.perf_counter()
            batch_send(entry, txs)
            admitted = time.perf_counter() - t0
            print(f"admitted in {admitted:.2f} s", file=sys.stderr)
            for n in nodes[1:]:
                wait_until(lambda n=n: len(n.rpc("tx_pending")) >= a.txs, 300, 0.05)
            spread = time.perf_counter() - t0
        finally:
            for n in nodes:
                n.kill()
    print(json.dumps({"txs": a.txs, "peers": 3, "admitted_s": round(admitted, 2),
                      "admitted_per_s": round(a.txs / admitted, 1), "on_every_peer_s": round(spread, 2),
                      "propagated_per_s": round(a.txs / spread, 1), "goal_per_s": 2000}))


if __name__ == "__main__":
    main()
