"""The fuzz campaign: bytecodes through the validator and the VM, sources through the compiler, mutated
encodings through every decoder, and concurrent command mixes against one datadir: local commands
alone (part "cli"), then beside a real `obelisk node` that is killed -9 and restarted, with commands
through its --rpc, local readers and writers, a second node (part "node"; --node N, default: as --cli).

Progress goes to stderr; one JSON document with counts of runs, host exceptions,
hangs, non-canonical encodings accepted, data lost and VM tiers disagreeing goes
to stdout (all zeros but runs is the goal). The parts live in tests/fuzz/, whose short versions run
in the normal suite.

Run: nice -n 19 .venv/bin/python bench/fuzz.py --bytecodes 1000000 --sources 100000 --encodings 100000 --cli 200
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Running `python bench/fuzz.py` puts bench/ first on sys.path, where bench/vm.py would shadow the vm package.
if sys.path and Path(sys.path[0] or ".").resolve() == ROOT / "bench":
    del sys.path[0]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
sys.path.insert(1, str(ROOT))

KEYS = ("runs", "host_exceptions", "hangs", "noncanonical_accepted", "data_lost", "tier_mismatches")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bytecodes", type=int, default=10_000)
    ap.add_argument("--sources", type=int, default=1_000)
    ap.add_argument("--encodings", type=int, default=10_000)
    ap.add_argument("--cli", type=int, default=40, help="commands in the concurrent mix (0: skip)")
    ap.add_argument("--node", type=int, default=None,
                    help="commands in the mix beside a node, killed and restarted (default: as --cli; 0: skip)")
    ap.add_argument("--parallel", type=int, default=4, help="commands running at once in the mix")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds one run may take before it counts as a hang")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ap.add_argument("--out", metavar="FILE", help="also write the report to FILE after each part")
    args = ap.parse_args(argv)
    progress = None if args.quiet else sys.stderr

    import fuzz_cli
    import fuzz_decoders
    import fuzz_lang
    import fuzz_node
    import fuzz_vm

    report: dict = {"seed": args.seed, "time_limit_s": args.time_limit}
    start = time.monotonic()

    def done(part: str, tally) -> None:
        report[part] = tally.as_dict()
        if args.out:  # the parts finished so far, should a long campaign be stopped
            Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    # Quick parts first.
    if args.encodings:
        tally = fuzz_decoders.run(args.encodings, args.seed, args.time_limit, progress=progress)
        fuzz_decoders.oversized(tally)
        done("encodings", tally)
    if args.cli:
        with tempfile.TemporaryDirectory(prefix="obelisk-fuzz-") as tmp:
            done("cli", fuzz_cli.run(args.cli, Path(tmp) / "datadir", args.seed, args.parallel, progress=progress))
    node = args.cli if args.node is None else args.node
    if node:
        with tempfile.TemporaryDirectory(prefix="obelisk-fuzz-node-") as tmp:
            done("node", fuzz_node.run(node, Path(tmp) / "datadir", args.seed, args.parallel, progress=progress))
    # The long parts in chunks (seeded seed, seed+1, ...), the report written after each.
    for part, total, chunk, go in (
        ("sources", args.sources, 10_000, lambda n, s: fuzz_lang.run(n, s, max(args.time_limit, 20.0), progress=progress)),
        ("bytecodes", args.bytecodes, 100_000, lambda n, s: fuzz_vm.run(n, s, args.time_limit, progress=progress)),
    ):
        tally, i = None, 0
        while total > 0 and (tally is None or tally.runs < total):
            t = go(min(chunk, total - (tally.runs if tally else 0)), args.seed + i)
            tally = t if tally is None else (tally.add(t) or tally)
            i += 1
            done(part, tally)
    parts = [v for v in report.values() if isinstance(v, dict)]
    report["totals"] = {k: sum(p[k] for p in parts) for k in KEYS}
    report["present"] = {
        "vm_tier1": fuzz_vm.tier1_present(),
        "peer_protocol": fuzz_decoders._optional("obelisk.node.protocol") is not None,
        "datadir_lock": fuzz_cli.lock_present(),
    }
    report["seconds"] = round(time.monotonic() - start, 1)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0 if not any(report["totals"][k] for k in KEYS[1:]) else 1


if __name__ == "__main__":
    sys.exit(main())
