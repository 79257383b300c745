"""The same workloads on Obelisk's tier 0 and tier 1, native CPython and (when installed) Vyper on titanoboa.

Prints one JSON line: medians in CPU seconds of the timing process (other work
on a shared machine does not count), ratios to native CPython measured in the
same process, token transfers per second and a market call's gas.
Run: .venv/bin/python bench/compare.py [--quick]
Vyper: a Python with `titanoboa` and `vyper` (say /tmp/boa-venv, made with
`python -m venv /tmp/boa-venv && /tmp/boa-venv/bin/pip install titanoboa vyper`)
named by $OBELISK_BENCH_BOA_PYTHON, else /tmp/boa-venv/bin/python if present;
it runs this file with --boa and reports back. Without one, "vyper" says why.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
N = 100_000  # the loops' bound: sum and sum of squares of i for i below N
BOA_DEFAULT = "/tmp/boa-venv/bin/python"


def _timed(fn) -> float:
    """CPU seconds of this process: other work on a shared machine does not count."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def native_sum(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


def native_squares(n: int) -> int:
    total = 0
    i = 0
    while i < n:
        total += i * i
        i += 1
    return total


NATIVE = {"sum": native_sum, "sum_of_squares": native_squares}


def _ratio(a: float, b: float) -> float:
    return round(a / b, 1)


# --- Obelisk --------------------------------------------------------------


def _obelisk_imports():
    # This folder holds bench/vm.py, which would shadow the vm package.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
    import lang
    import vm
    from vm import interpreter
    from vm.host import MemoryHost
    from vm.values import Address

    spec = importlib.util.spec_from_file_location("bench_vm", HERE / "vm.py")  # its SUM program, one definition
    bench_vm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_vm)
    return lang, vm, interpreter, MemoryHost, Address, bench_vm


def _on_tier(interpreter, tier: int, fn):
    interpreter.TIER1 = tier == 1
    try:
        return fn()
    finally:
        interpreter.TIER1 = True


def obelisk_loops(repeat: int) -> dict:
    lang, vm, interpreter, _, _, bench_vm = _obelisk_imports()
    out = {}
    for name, extra in (("sum", ""), ("sum_of_squares", "LOAD 2\n    MUL")):
        code = vm.assemble_text(bench_vm.SUM % extra)
        native = NATIVE[name]
        want = native(N)
        for tier in (0, 1):
            r = _on_tier(interpreter, tier, lambda: vm.execute(code, "main", [N], gas=10**12))
            assert r.success and r.value == want, r
        times: dict = {"tier0": [], "tier1": [], "native": []}
        for _ in range(repeat):  # in turn, so a busy machine slows all three alike
            for tier in (0, 1):
                times[f"tier{tier}"].append(
                    _on_tier(interpreter, tier, lambda: _timed(lambda: vm.execute(code, "main", [N], gas=10**12)))
                )
            times["native"].append(_timed(lambda: native(N)))
        med = {k: statistics.median(v) for k, v in times.items()}
        out[name] = {
            "seconds": {k: round(v, 5) for k, v in med.items()},
            "tier0_vs_native": _ratio(med["tier0"], med["native"]),
            "tier1_vs_native": _ratio(med["tier1"], med["native"]),
        }
    return out


def _deploy(vm, host, Address, artifact, args, sender):
    addr = Address(0xC0FFEE)
    r = vm.deploy(host, address=addr, code=artifact.bytecode, args=args, sender=sender, gas=10**9)
    assert r.success, r
    host.commit()
    return addr


def native_transfers(count: int) -> float:
    """Transfers per second of the same token in plain Python: a balances dict, the same checks, an event tuple."""
    balances = {1: 10**30}
    logs = []

    def transfer(src, dst, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if dst == 0:
            raise ValueError("zero address")
        if balances.get(src, 0) < amount:
            raise ValueError("insufficient balance")
        balances[src] = balances.get(src, 0) - amount
        balances[dst] = balances.get(dst, 0) + amount
        logs.append(("Transfer", src, dst, amount))
        return True

    def run():
        for i in range(count):
            transfer(1, 100 + (i & 63), 1)

    return count / _timed(run)


def obelisk_transfers(count: int, repeat: int) -> dict:
    """examples/token.contract's transfer through vm.call on an in-memory host: VM and state, no signing.

    Each repetition times tier 0, tier 1 and the plain-Python token in turn, so
    a busy machine slows all three alike; medians, and ratios to the plain one.
    """
    lang, vm, interpreter, MemoryHost, Address, _ = _obelisk_imports()
    token = lang.compile_file(str(ROOT / "examples" / "token.contract"))
    rates: dict = {"tier0": [], "tier1": [], "native": []}
    for _ in range(repeat):
        for tier in (0, 1):
            host = MemoryHost()
            sender = Address(1)
            addr = _deploy(vm, host, Address, token, [10**30], sender)
            receivers = [Address(100 + i) for i in range(64)]

            def run():
                for i in range(count):
                    r = vm.call(host, to=addr, function="transfer", args=[receivers[i & 63], 1],
                                sender=sender, gas=1_000_000)
                    if not r.success:
                        raise AssertionError(r)
                    host.commit()  # what a block's executor does between transactions

            rates[f"tier{tier}"].append(count / _on_tier(interpreter, tier, lambda: _timed(run)))
        rates["native"].append(native_transfers(count * 10))
    med = {k: statistics.median(v) for k, v in rates.items()}
    return {"tier0": round(med["tier0"]), "tier1": round(med["tier1"]), "native_python": round(med["native"]),
            "native_over_tier1": _ratio(med["native"], med["tier1"])}


def obelisk_market_gas() -> dict:
    """Gas of examples/compute_market.contract's post_job (a VM call, no transaction), and its code-load share."""
    lang, vm, _, MemoryHost, Address, _ = _obelisk_imports()
    from vm import gas as G

    # Named without its directory: the code's bytes carry the name, so the gas is the same wherever the checkout sits.
    market = lang.compile_file(str(ROOT / "examples" / "compute_market.contract"), filename="compute_market.contract")
    host = MemoryHost()
    sender = Address(1)
    host.set_balance(sender, 10**24)
    addr = _deploy(vm, host, Address, market, [], sender)
    r = vm.call(host, to=addr, function="post_job", args=[hashlib.sha256(b"input").digest(), 3, 2, 50, 20, 20],
                sender=sender, value=1_000, gas=10_000_000)
    assert r.success, r
    data = market.bytecode
    load = G.CODE_ACCESS + G.CODE_LOAD_PER_BYTE * len(data)
    return {"function": "post_job", "gas_used": r.gas_used, "code_load_gas": load,
            "code_load_share": round(load / r.gas_used, 2), "code_object_bytes": len(data)}


# --- Vyper on titanoboa (runs in the boa Python, with --boa) ---------------

VY_SUM = """
@external
def main(n: uint256) -> uint256:
    total: uint256 = 0
    for i: uint256 in range(n, bound=%d):
        total += %s
    return total
"""

VY_TOKEN = """
event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    amount: uint256

balanceOf: public(HashMap[address, uint256])

@deploy
def __init__(supply: uint256):
    self.balanceOf[msg.sender] = supply

@external
def transfer(to: address, amount: uint256) -> bool:
    assert amount > 0, "amount must be positive"
    self.balanceOf[msg.sender] -= amount
    self.balanceOf[to] += amount
    log Transfer(sender=msg.sender, receiver=to, amount=amount)
    return True
"""


def boa_worker(repeat: int, count: int) -> dict:
    import boa
    import vyper

    out: dict = {"versions": {"vyper": vyper.__version__, "titanoboa": _version("titanoboa")}}
    for name, expr in (("sum", "i"), ("sum_of_squares", "i * i")):
        c = boa.loads(VY_SUM % (N, expr))
        native = NATIVE[name]
        assert c.main(N) == native(N)
        vy, nat = [], []
        for _ in range(repeat):
            vy.append(_timed(lambda: c.main(N)))
            nat.append(_timed(lambda: native(N)))
        med_vy, med_nat = statistics.median(vy), statistics.median(nat)
        out[name] = {"seconds": {"vyper": round(med_vy, 5), "native": round(med_nat, 5)},
                     "vyper_vs_native": _ratio(med_vy, med_nat)}
    token = boa.loads(VY_TOKEN, 10**30)
    receivers = [boa.env.generate_address() for _ in range(64)]
    rates = []
    for _ in range(repeat):
        def run():
            for i in range(count):
                token.transfer(receivers[i & 63], 1)
        rates.append(count / _timed(run))
    out["token_transfers_per_second"] = round(statistics.median(rates))
    return out


def _version(dist: str) -> str:
    from importlib.metadata import version

    try:
        return version(dist)
    except Exception:
        return "unknown"


def vyper(repeat: int, count: int) -> dict:
    python = os.environ.get("OBELISK_BENCH_BOA_PYTHON") or (BOA_DEFAULT if Path(BOA_DEFAULT).exists() else None)
    if not python:
        return {"skipped": f"no titanoboa Python (set OBELISK_BENCH_BOA_PYTHON, or make {BOA_DEFAULT})"}
    try:
        done = subprocess.run([python, str(Path(__file__).resolve()), "--boa", str(repeat), str(count)],
                              capture_output=True, text=True, timeout=900, cwd=str(HERE))
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"skipped": f"{python}: {exc}"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"skipped": f"{python} failed: {last[:300]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--boa"]:
        print(json.dumps(boa_worker(int(args[1]), int(args[2]))))
        return
    quick = "--quick" in args
    repeat, count, boa_repeat, boa_count = (3, 2_000, 1, 300) if quick else (5, 10_000, 3, 1_000)
    loops = obelisk_loops(repeat)
    transfers = obelisk_transfers(count, repeat)
    vy = vyper(boa_repeat, boa_count)
    for name, row in loops.items():
        if name in vy:
            row["vyper_vs_native"] = vy[name]["vyper_vs_native"]
            row["vyper_vs_tier1"] = _ratio(vy[name]["seconds"]["vyper"] / vy[name]["seconds"]["native"],
                                           row["seconds"]["tier1"] / row["seconds"]["native"])
    tt = {("obelisk_" + k if k.startswith("tier") else k): v for k, v in transfers.items()}
    if "token_transfers_per_second" in vy:
        tt["vyper"] = vy["token_transfers_per_second"]
        tt["tier1_vs_vyper"] = _ratio(transfers["tier1"], vy["token_transfers_per_second"])
    print(json.dumps({
        "bench": "compare",
        "date": time.strftime("%Y-%m-%d"),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "loops_n": N,
        "loops": loops,
        "token_transfers_per_second": tt,
        "transfers_counted": count,
        "market_call": obelisk_market_gas(),
        "vyper": vy.get("versions") or vy,
        "goals": {
            "loop_tier1_at_most_5x_native": all(r["tier1_vs_native"] <= 5 for r in loops.values()),
            "transfers_at_least_100k_per_second": transfers["tier1"] >= 100_000,
        },
    }))


if __name__ == "__main__":
    main()
