"""Block spread over an in-process network (the real node logic over in-memory links, virtual time), as JSON.

Each node dials `--dials` random others (about 8 links per node for 4), one-way
latencies 20-100 ms per link, 100 Mbit/s links; a block of `--txs` transfers is
mined on node 0. Prints when it reached 50 %, 99 % and 100 % of the nodes (seconds
of simulated time) and the messages per node it took.
Run: .venv/bin/python bench/network.py [--nodes 100] [--txs 200]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

# bench/ holds a chain.py: keep this folder off the import path so `import chain` finds the package.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

from obelisk.node.sim import run_block_spread  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=100)
    ap.add_argument("--txs", type=int, default=200)
    ap.add_argument("--dials", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t0 = time.perf_counter()
    doc = run_block_spread(a.nodes, a.txs, a.dials, a.seed)
    doc["goal_t100_s"] = 1.0
    doc["wall_s"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(doc))


if __name__ == "__main__":
    main()
