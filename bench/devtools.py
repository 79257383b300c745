"""Developer-tool costs, printed as one JSON document.

- isolation: milliseconds for one Devnet.snapshot() + revert() (what the pytest
  plugin pays per test) at several chain heights, with the database's size;
- trace/profile: milliseconds to replay a token transfer with the VM tracer
  and build its call tree and gas profile, against sending it.
Run: .venv/bin/python bench/devtools.py [--heights 10,100,400] [--rounds N]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

# bench/chain.py would shadow the chain package: keep this folder off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import obelisk  # noqa: E402

TOKEN = os.path.join(_HERE, "..", "examples", "token.contract")


def ms(f, rounds: int) -> float:
    t0 = time.perf_counter()
    for _ in range(rounds):
        f()
    return round((time.perf_counter() - t0) * 1000 / rounds, 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heights", default="10,100,400")
    ap.add_argument("--rounds", type=int, default=50)
    a = ap.parse_args()
    net = obelisk.Devnet()
    token = net.deploy(TOKEN, 10**9)
    bob = net.accounts[1].address
    isolation = []
    for height in sorted(int(h) for h in a.heights.split(",")):
        while net.height < height:
            token.transfer(bob, 1)
        pages = net.store.db.execute("PRAGMA page_count").fetchone()[0]
        size = pages * net.store.db.execute("PRAGMA page_size").fetchone()[0]

        def cycle():
            net.revert(net.snapshot())

        isolation.append({"height": net.height, "db_bytes": size, "snapshot_revert_ms": ms(cycle, a.rounds)})
    r = token.transfer(bob, 1)
    sid = net.snapshot()
    send_ms = ms(lambda: token.transfer(bob, 1), a.rounds)
    net.revert(sid)
    out = {"isolation": isolation, "transfer": {"send_ms": send_ms, "trace_ms": ms(r.trace, a.rounds),
                                                "profile_ms": ms(r.profile, a.rounds)}}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
