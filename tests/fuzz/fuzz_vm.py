"""Fuzz part (a): random and mutated code objects through vm.validate, then deployed and called.

Allowed outcomes: ValidationError, or a Result (success, revert or fault with
the VM's own reason), the same on both tiers. An "internal error" reason, any
exception, a run over the time limit, or tiers that disagree is a defect.
"""
from __future__ import annotations

import importlib.util
import random
from dataclasses import replace

import vm
from vm import code as C
from vm.code import CodeObject, Event, Function
from vm.errors import ValidationError
from vm.host import MemoryHost
from vm.opcodes import BY_NAME, OPCODES
from vm.values import Address

from fuzzcore import Hang, Progress, Tally, mutate_bytes, seed_artifacts, time_limit

GAS = 30_000  # per call: enough for loops and calls, small enough for a million runs
SENDER, HOME, OTHER = Address(0x51), Address(0xA1), Address(0xA2)
SCALARS = ("int", "bool", "address", "bytes", "string")
FLAG_SETS = (C.PUB, C.PUB | C.VIEW, C.PUB | C.PAYABLE, 0, C.INIT, C.INIT | C.PAYABLE, C.PUB | C.REENTRANT)


def tier1_present() -> bool:
    return importlib.util.find_spec("vm.tier1") is not None and hasattr(vm, "force_tier0")


def random_type(rnd: random.Random, depth: int = 0):
    if depth < 2 and rnd.random() < 0.15:
        return ["struct", f"S{rnd.randrange(9)}", [[f"f{i}", random_type(rnd, depth + 1)] for i in range(rnd.randint(1, 3))]]
    return rnd.choice(SCALARS)


def wire_value(t, rnd: random.Random):
    """A value in wire form for type t; now and then one of the wrong type or out of range."""
    if rnd.random() < 0.05:
        return rnd.choice([None, 1.5, -1, 2**300, "x" * 70_000, [1, [2]], b"\x00" * 21, True])
    if isinstance(t, (list, tuple)):
        return [wire_value(ft, rnd) for _, ft in t[2]]
    if t == "int":
        return rnd.choice([0, 1, -1, 2, 7, 255, 256, 2**63, -(2**255), 2**255 - 1, rnd.randint(-1000, 1000)])
    if t == "bool":
        return rnd.random() < 0.5
    if t == "address":
        return bytes(rnd.choice([HOME, OTHER, SENDER, Address(rnd.randrange(1 << 160))]))
    if t == "bytes":
        return bytes(rnd.randrange(256) for _ in range(rnd.choice([0, 1, 5, 33])))
    return rnd.choice(["", "a", "transfer", "é", "x" * 40])


def random_code(rnd: random.Random, nfuncs: int, consts: list, events: list, params_of) -> tuple:
    """Bytecode for nfuncs functions from the opcode table. The stack height is tracked, and
    jumps mostly go back to an instruction start of the same height, so many programs
    pass validation (with loops) while the rest probe the validator."""
    common = ["PUSH_INT", "PUSH_CONST", "LOAD", "STORE", "ADD", "DUP", "POP", "EQ", "LT", "JUMP_IF_FALSE",
              "CALL", "MAKE_STRUCT", "GET_FIELD", "KEY", "SLOAD", "SSTORE", "EMIT", "XCALL", "CONCAT", "JUMP"]
    out, entries = bytearray(), []
    for f in range(nfuncs):
        entries.append(len(out))
        nparams = len(params_of(f))
        at_height: dict = {}  # stack height -> instruction starts seen at that height
        height = 0
        for _ in range(rnd.randint(1, 40)):
            spec = rnd.choice(OPCODES) if rnd.random() < 0.3 else BY_NAME[rnd.choice(common)]
            if type(spec.pops) is int and spec.pops > height and rnd.random() < 0.9:
                spec = BY_NAME[rnd.choice(["PUSH_INT", "LOAD", "PUSH_CONST", "CALLER", "PUSH_TRUE"])]
            at_height.setdefault(height, []).append(len(out))
            out.append(spec.code)
            pops = spec.pops if type(spec.pops) is int else 1
            pushes = spec.pushes if type(spec.pushes) is int else 1
            after = max(0, height - pops + pushes)
            if spec.imm:
                if spec.jumps:
                    same = at_height.get(after, [])
                    imm = rnd.choice(same) if same and rnd.random() < 0.8 else rnd.choice([len(out) + 2, rnd.randrange(1 << 16)])
                elif spec.name == "PUSH_CONST":
                    imm = rnd.randrange(len(consts) + 1)
                elif spec.name == "CALL":
                    imm = rnd.randrange(nfuncs + 1)
                elif spec.name == "EMIT":
                    imm = rnd.randrange(len(events) + 1)
                elif spec.name in ("LOAD", "STORE"):
                    imm = rnd.randrange(nparams + 3)
                else:
                    imm = rnd.randrange(-3, 6) if spec.imm_signed else rnd.randrange(6)
                bits = 8 * spec.imm
                lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if spec.imm_signed else (0, (1 << bits) - 1)
                out += max(lo, min(hi, imm)).to_bytes(spec.imm, "big", signed=spec.imm_signed)
            height = after
            if spec.terminates:
                break
        if rnd.random() < 0.5:  # end cleanly: a value for RET (or none), then RET
            out += bytes([BY_NAME["PUSH_INT"].code, 1]) if rnd.random() < 0.5 else b""
        out.append(BY_NAME["RET"].code)
    return bytes(out), entries


def random_object(rnd: random.Random) -> bytes:
    nfuncs = rnd.randint(1, 3)
    params = [[[f"p{i}", random_type(rnd)] for i in range(rnd.randint(0, 2))] for _ in range(nfuncs)]
    consts = [rnd.choice([0, 1, -5, 2**200, "s", "transfer", b"\x01", True, False]) for _ in range(rnd.randint(0, 5))]
    events = [Event(f"E{i}", tuple((f"x{j}", rnd.choice(SCALARS)) for j in range(rnd.randint(0, 2)))) for i in range(rnd.randint(0, 2))]
    code, entries = random_code(rnd, nfuncs, consts, events, lambda f: params[f])
    funcs = []
    for f in range(nfuncs):
        ps = tuple((n, _as_type(t)) for n, t in params[f])
        ret = rnd.choice([None, "int", "bool", "string"])
        flags = rnd.choice(FLAG_SETS) if f else rnd.choice((C.PUB, C.PUB | C.PAYABLE))
        funcs.append(Function(f"f{f}" if not flags & C.INIT else "init", entries[f], ps, ret, len(ps) + rnd.randrange(4), flags))
    if len({f.name for f in funcs}) != len(funcs):
        funcs = [replace(f, name=f"f{i}", flags=f.flags & ~C.INIT | C.PUB) for i, f in enumerate(funcs)]
    return CodeObject("Fuzz", tuple(funcs), tuple(events), tuple(consts), code, (), ()).encode()


def _as_type(t):
    if isinstance(t, list):
        return ("struct", t[1], tuple((n, _as_type(ft)) for n, ft in t[2]))
    return t


def mutate_object(data: bytes, rnd: random.Random) -> bytes:
    """A compiled object with its code, tables or constants changed, re-encoded (or its bytes edited)."""
    if rnd.random() < 0.25:
        return mutate_bytes(data, rnd)
    obj = C.decode(data)
    k = rnd.randrange(5)
    if k == 0 or k == 1:
        return replace(obj, code=mutate_bytes(obj.code, rnd, 3)).encode()
    if k == 2 and obj.consts:
        consts = list(obj.consts)
        consts[rnd.randrange(len(consts))] = rnd.choice([0, -1, 2**255 - 1, "", "x" * 300, b"", True, None])
        try:
            return replace(obj, consts=tuple(consts)).encode()
        except Exception:
            return data
    if k == 3 and obj.functions:
        fs = list(obj.functions)
        i = rnd.randrange(len(fs))
        fs[i] = replace(fs[i], entry=max(0, fs[i].entry + rnd.randint(-3, 3)), nlocals=max(0, fs[i].nlocals + rnd.randint(-2, 2)),
                        flags=rnd.choice(FLAG_SETS) if rnd.random() < 0.3 else fs[i].flags)
        return replace(obj, functions=tuple(fs)).encode()
    b = bytearray(obj.code)
    if b:  # swap an opcode for another of the same immediate size: keeps the layout, breaks the stack
        i = rnd.randrange(len(b))
        same = [s.code for s in OPCODES if s.imm == 0]
        if b[i] in same:
            b[i] = rnd.choice(same)
    return replace(obj, code=bytes(b)).encode()


def run_program(data: bytes, rnd: random.Random, tally: Tally, gen: str = "") -> None:
    """Validate; when valid, deploy at two addresses and call up to four functions, on tier 1 and
    on tier 0: results, gas, events and the state left behind must be the same."""
    try:
        program = vm.validate(data)
    except ValidationError:
        tally.count(f"{gen}:invalid")
        return
    tally.count(f"{gen}:valid")
    init = program.init
    deploys = [([wire_value(t, rnd) for _, t in init.function.params] if init else [], rnd.choice([0, 0, 0, 5]))
               for _ in (HOME, OTHER)]
    pubs = [f for f in program.funcs if f.function.is_pub and not f.function.is_init]
    calls = [(f.name, [wire_value(t, rnd) for _, t in f.function.params], rnd.choice([0, 0, 0, 3]))
             for f in rnd.sample(pubs, min(4, len(pubs)))]
    runs = {}
    for tier in ((1, 0) if tier1_present() else (0,)):
        vm.force_tier0(tier == 0)
        try:
            runs[tier] = _scenario(data, deploys, calls)
        finally:
            vm.force_tier0(False)
    for what, r in runs[min(runs)][0]:
        _check(r, tally, data, what)
    if len(runs) == 2:
        tally.count("tiers_compared")
        if runs[0] != runs[1]:
            diff = next(((a, b) for a, b in zip(runs[0][0], runs[1][0]) if a != b), ("state", "state"))
            tally.defect("tier_mismatches", f"tier 0 {diff[0]!r} != tier 1 {diff[1]!r}"[:600], data.hex())


def _scenario(data: bytes, deploys, calls) -> tuple:
    """((what, Result), ...) of the deployments and calls, and the state they leave."""
    host = MemoryHost()
    host.set_balance(SENDER, 10**6)
    out = []
    for address, (args, value) in zip((HOME, OTHER), deploys):
        out.append(("deploy", vm.deploy(host, address=address, code=data, args=args, sender=SENDER, value=value, gas=GAS)))
    for name, args, value in calls:
        out.append((name, vm.call(host, to=HOME, function=name, args=args, sender=SENDER, value=value, gas=GAS)))
    state = (sorted(host.code.items()), sorted(((bytes(a), k), repr(v)) for (a, k), v in host.storage.items()),
             sorted(host.balances.items()))
    return tuple(out), state


def _check(r, tally: Tally, data: bytes, what: str) -> None:
    tally.count("success" if r.success else (r.error or "failed"))
    if not r.success and (r.reason or "").startswith("internal error"):
        tally.defect("host_exceptions", f"{what}: {r.reason}", data.hex())


def run(count: int, seed: int = 0, time_limit_s: float = 5.0, corpus_limit: int | None = None, progress=None) -> Tally:
    """`count` code objects: a third random, the rest mutated from compiled seed programs."""
    import time

    rnd = random.Random(seed)
    seeds = [a.bytecode for a in seed_artifacts(corpus_limit)]
    tally, bar, start = Tally(), Progress("bytecodes", count, progress), time.monotonic()
    for _ in range(count):
        gen = "random" if rnd.random() < 0.33 or not seeds else "mutated"
        data = b""
        try:
            with time_limit(time_limit_s):
                data = random_object(rnd) if gen == "random" else mutate_object(rnd.choice(seeds), rnd)
                run_program(data, rnd, tally, gen)
        except Hang:
            tally.defect("hangs", f"{gen} program over {time_limit_s} s", data.hex())
        except Exception as exc:  # noqa: BLE001 - the point: anything escaping is a defect
            tally.defect("host_exceptions", gen, data.hex(), exc)
        tally.runs += 1
        bar.tick(tally)
    tally.seconds = time.monotonic() - start
    return tally
