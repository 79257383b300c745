"""Event queries, printed as one JSON document: the store's events index against a scan of every block.

A dev chain of N blocks, each holding T calls of two contracts (three events a call);
the same queries (one contract and event over the whole chain, a narrow block range,
everything) timed through chain.logs.find_logs (the index) and scan_logs (the blocks).
Also the time to index such a chain from its receipts (an older data directory's backfill).
Run: .venv/bin/python bench/logs.py [--blocks N] [--per-block T]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

# bench/chain.py sits beside this script: keep this folder off the import path so
# `import chain` finds the package.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import chain  # noqa: E402
import lang  # noqa: E402
from chain import logs  # noqa: E402
from chain import tx as txmod  # noqa: E402

BEACON = os.path.join(_HERE, "..", "tests", "chain", "contracts", "beacon.contract")


def build(blocks: int, per_block: int):
    net = chain.Devnet()
    art = lang.compile_file(BEACON)
    contracts = [net.deploy(art).address, net.deploy(art, sender=net.accounts[1]).address]
    for b in range(blocks):
        for i in range(per_block):
            net.submit(net.make_tx(net.accounts[i % 10], contracts[i % 2], 0,
                                   txmod.encode_call("both", [b * per_block + i]), gas=200_000))
        net.mine()
    return net, contracts


def timed(fn, repeat: int = 3) -> float:
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best or 1e9, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=300)
    ap.add_argument("--per-block", type=int, default=4)
    a = ap.parse_args()
    net, (c0, _) = build(a.blocks, a.per_block)
    head = net.height
    queries = {
        "one_contract_one_event_whole_chain": (0, head, c0, "Pong"),
        "ten_blocks_everything": (head - 9, head, None, None),
        "one_event_whole_chain": (0, head, None, "Pong"),
    }
    out = {"blocks": head, "events": len(logs.scan_logs(net, 0, head, max_events=10**9)), "queries": {}}
    for name, (lo, hi, address, event) in queries.items():
        index = timed(lambda: logs.find_logs(net, lo, hi, address, event))
        scan = timed(lambda: logs.scan_logs(net, lo, hi, address, event))
        assert logs.find_logs(net, lo, hi, address, event) == logs.scan_logs(net, lo, hi, address, event)
        out["queries"][name] = {"index_ms": round(index * 1000, 2), "scan_ms": round(scan * 1000, 2),
                                "speedup": round(scan / index, 1)}
    store = net.store
    store.db.execute("DROP TABLE logs")
    store.has_logs = False
    t = time.perf_counter()
    logs.ensure_index(net.chain, progress=None)
    out["backfill_s"] = round(time.perf_counter() - t, 3)
    assert store.has_logs
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
