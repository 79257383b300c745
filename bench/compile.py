"""Compiler speed: warm in-process compile of the token, cold `obelisk compile`, lines per second.

Prints one JSON document. Goals: token under 20 ms warm, under 300 ms cold.
Run: .venv/bin/python bench/compile.py
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Running `python bench/compile.py` puts bench/ first on sys.path, where bench/vm.py
# (the VM's benchmark) would shadow the vm package.
if sys.path and Path(sys.path[0] or ".").resolve() == ROOT / "bench":
    del sys.path[0]
TOKEN = "examples/token.contract"


def warm_ms(runs: int = 50) -> float:
    import lang

    lang.compile_file(TOKEN)  # the first compile loads the parser tables
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        lang.compile_file(TOKEN)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def cold_ms(runs: int = 7):
    exe = Path(sys.executable).with_name("obelisk")
    out = tempfile.mkdtemp()
    if exe.exists() and (ROOT / "obelisk" / "cli" / "__init__.py").exists():
        cmd = [str(exe), "compile", TOKEN, "-o", out]
        what = "obelisk compile examples/token.contract"
    else:
        cmd = [sys.executable, "-c", f"import lang; lang.compile_file({TOKEN!r})"]
        what = "python -c 'import lang; lang.compile_file(...)' (no obelisk command found)"
    times = []
    try:
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - t)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return statistics.median(times) * 1000, what


def generated_contract(lines: int = 2000) -> str:
    """A contract of about `lines` lines: storage, structs, loops, maps, events, calls."""
    out = [
        "// generated for the compiler benchmark",
        "struct Pair { a: int, b: int }",
        "contract Big {",
        "    storage total: int;",
        "    storage owners: map[address => int];",
        "    storage pairs: list[Pair];",
        "    event Done(who: address, value: int);",
    ]
    i = 0
    while len(out) < lines - 1:
        out += [
            f"    pub fn f{i}(x: int, y: int) -> int {{",
            "        let acc = 0;",
            "        for k in range(x) {",
            "            if k % 3 == 0 { continue; }",
            f"            acc += k * {i + 1} - y;",
            "        }",
            "        owners[msg.sender] += acc;",
            "        pairs.push(Pair(acc, y));",
            "        total = total + len(pairs);",
            "        emit Done(msg.sender, acc);",
            f"        return acc + f{max(i - 1, 0)}_helper(y);",
            "    }",
            f"    fn f{i}_helper(v: int) -> int {{ return v * v - {i}; }}",
        ]
        i += 1
    out.append("}")
    return "\n".join(out) + "\n"


def lines_per_second(lines: int = 2000, runs: int = 5) -> tuple:
    import lang

    src = generated_contract(lines)
    n = src.count("\n")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        lang.compile_source(src, filename="big.contract")
        times.append(time.perf_counter() - t)
    best = statistics.median(times)
    return n, n / best, best * 1000


def main():
    os.chdir(ROOT)
    warm = warm_ms()
    cold, what = cold_ms()
    n, lps, big_ms = lines_per_second()
    print(
        json.dumps(
            {
                "token_warm_ms": round(warm, 2),
                "token_warm_goal_ms": 20,
                "token_cold_ms": round(cold, 1),
                "token_cold_goal_ms": 300,
                "cold_command": what,
                # without cached bytecode every module compiles from source at start-up
                "python_writes_bytecode": not sys.flags.dont_write_bytecode,
                "generated_lines": n,
                "generated_compile_ms": round(big_ms, 1),
                "lines_per_second": round(lps),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
