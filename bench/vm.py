"""VM speed: instructions per second for an arithmetic loop, a storage-heavy loop and a call tree, and peak memory.

Prints one JSON line. Run: .venv/bin/python bench/vm.py
"""
from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc

# This file is named vm.py, so its own folder (first on sys.path when run as a
# script) would shadow the vm package: drop it before importing.
if sys.path and sys.path[0].rstrip("/").endswith("bench"):
    del sys.path[0]

import vm  # noqa: E402

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


def measure(text: str, n: int, repeat: int = 3) -> dict:
    code = vm.assemble_text(text)
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = vm.execute(code, "main", [n], gas=10**12, storage={})
        dt = time.perf_counter() - t0
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
                "peak_traced_bytes": peak,
                "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "python": sys.version.split()[0],
            }
        )
    )


if __name__ == "__main__":
    main()
