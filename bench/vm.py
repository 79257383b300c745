"""VM speed: instructions per second for an arithmetic loop, a storage-heavy loop and a call tree, and peak memory;
and tier 0 against tier 1 against native CPython on sum and sum-of-squares loops (medians, same process).
Times are CPU seconds of this process, so other work on a shared machine does not count.

Prints one JSON line. Run: .venv/bin/python bench/vm.py
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

# This file is named vm.py, so its own folder (first on sys.path when run as a
# script) would shadow the vm package: drop it before importing.
if sys.path and sys.path[0].rstrip("/").endswith("bench"):
    del sys.path[0]

import vm  # noqa: E402
from vm import interpreter  # noqa: E402

ARITH = """
.function 0 main(n: int) -> int locals 3 pub
    PUSH_INT 0
    STORE 1
    PUSH_INT 0
    STORE 2
top:
    LOAD 2
    LOAD 0
    LT
    JUMP_IF_FALSE done
    LOAD 1
    LOAD 2
    PUSH_INT 3
    MUL
    ADD
    PUSH_INT 7
    MOD
    STORE 1
    LOAD 2
    PUSH_INT 1
    ADD
    STORE 2
    JUMP top
done:
    LOAD 1
    RET
"""

STORAGE = """
.const 0 bytes 0x01
.function 0 main(n: int) -> int locals 2 pub
    PUSH_INT 0
    STORE 1
top:
    LOAD 1
    LOAD 0
    LT
    JUMP_IF_FALSE done
    PUSH_CONST 0
    LOAD 1
    PUSH_INT 15
    BAND
    KEY
    DUP
    SLOAD 0
    LOAD 1
    ADD
    SSTORE
    LOAD 1
    PUSH_INT 1
    ADD
    STORE 1
    JUMP top
done:
    LOAD 1
    RET
"""

# Internal calls: naive Fibonacci, a frame pushed and popped per call.
CALLS = """
.function 0 main(n: int) -> int locals 1 pub
    LOAD 0
    CALL 1
    RET
.function 1 fib(n: int) -> int locals 1
    LOAD 0
    PUSH_INT 2
    LT
    JUMP_IF_FALSE rec
    LOAD 0
    RET
rec:
    LOAD 0
    PUSH_INT 1
    SUB
    CALL 1
    LOAD 0
    PUSH_INT 2
    SUB
    CALL 1
    ADD
    RET
"""


# sum(i) and sum(i * i) for i below n: the loops the tiers are compared on.
SUM = """
.function 0 main(n: int) -> int locals 3 pub
    PUSH_INT 0
    STORE 1
    PUSH_INT 0
    STORE 2
top:
    LOAD 2
    LOAD 0
    LT
    JUMP_IF_FALSE done
    LOAD 1
    LOAD 2
    %s
    ADD
    STORE 1
    LOAD 2
    PUSH_INT 1
    ADD
    STORE 2
    JUMP top
done:
    LOAD 1
    RET
"""


def _compare_module():
    """bench/compare.py: the native loops live there once (its Vyper worker runs without our packages)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_compare", Path(__file__).resolve().with_name("compare.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_compare = _compare_module()
native_sum, native_squares = _compare.native_sum, _compare.native_squares


def _timed(fn) -> float:
    """CPU seconds of this process: other work on a shared machine does not count."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _tier(on: bool, code, n: int) -> float:
    interpreter.TIER1 = on
    try:
        return _timed(lambda: vm.execute(code, "main", [n], gas=10**12))
    finally:
        interpreter.TIER1 = True


def tiers(n: int = 100_000, repeat: int = 7) -> dict:
    """Median seconds of each loop on tier 0, tier 1 and native CPython, and the ratios to native.

    The three are timed in turn within each repetition, so a busy machine slows them alike.
    """
    out = {}
    for name, extra, native in (("sum", "", native_sum), ("sum_of_squares", "LOAD 2\n    MUL", native_squares)):
        code = vm.assemble_text(SUM % extra)
        want = native(n)
        for on in (False, True):
            interpreter.TIER1 = on
            r = vm.execute(code, "main", [n], gas=10**12)
            assert r.success and r.value == want, r
        interpreter.TIER1 = True
        times: dict = {"tier0": [], "tier1": [], "native": []}
        for _ in range(repeat):
            times["tier0"].append(_tier(False, code, n))
            times["tier1"].append(_tier(True, code, n))
            times["native"].append(_timed(lambda: native(n)))
        row = {k: statistics.median(v) for k, v in times.items()}
        out[name] = {
            "seconds": {k: round(v, 5) for k, v in row.items()},
            "tier0_vs_native": round(row["tier0"] / row["native"], 1),
            "tier1_vs_native": round(row["tier1"] / row["native"], 1),
            "tier1_speedup": round(row["tier0"] / row["tier1"], 1),
        }
    return out


def measure(text: str, n: int, repeat: int = 3) -> dict:
    code = vm.assemble_text(text)
    best = None
    for _ in range(repeat):
        t0 = time.process_time()
        r = vm.execute(code, "main", [n], gas=10**12, storage={})
        dt = time.process_time() - t0
        assert r.success, r
        best = dt if best is None else min(best, dt)
    # Instructions executed, counted once with the tracer on a run of the same size.
    steps = []
    vm.execute(code, "main", [n], gas=10**12, tracer=lambda e: steps.append(None))
    return {"instructions": len(steps), "seconds": round(best, 4), "instructions_per_second": int(len(steps) / best), "gas_used": r.gas_used}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    arith = measure(ARITH, n)
    store = measure(STORAGE, n // 4)
    calls = measure(CALLS, 20)
    tracemalloc.start()
    vm.execute(vm.assemble_text(ARITH), "main", [n // 10], gas=10**12)
    vm.execute(vm.assemble_text(STORAGE), "main", [n // 40], gas=10**12, storage={})
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "arithmetic_loop": arith,
                "storage_loop": store,
                "call_tree": calls,
                "instructions_per_second": {
                    "arithmetic": arith["instructions_per_second"],
                    "storage": store["instructions_per_second"],
                    "calls": calls["instructions_per_second"],
                },
                "tiers": tiers(),
                "peak_traced_bytes": peak,
                "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "python": sys.version.split()[0],
            }
        )
    )


if __name__ == "__main__":
    main()
