"""What every fuzz part shares: the tally of outcomes, a per-run time limit, byte mutations, seed programs.

A host exception is any exception other than the error types a door promises
for bad input; a hang is a run over its time limit. Both are defects.
"""
from __future__ import annotations

import random
import signal
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 20  # defects kept with their input, per tally


class Hang(BaseException):
    """Raised into a run that outlives its time limit (a BaseException, so no `except Exception` eats it)."""


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block with Hang after `seconds` of this process's CPU time (main thread only;
    a C call ends before it is seen). CPU time, not wall time: on a busy machine a run that waits
    for the processor is not a hang."""

    def fire(signum, frame):
        raise Hang()

    old = signal.signal(signal.SIGPROF, fire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


@dataclass
class Tally:
    """Counts of one fuzz part, and the first few defects with what caused them."""

    runs: int = 0
    host_exceptions: int = 0
    hangs: int = 0
    noncanonical_accepted: int = 0
    data_lost: int = 0
    tier_mismatches: int = 0  # VM tier 1 and tier 0 disagreeing on a result, gas, events or state
    seconds: float = 0.0
    detail: dict = field(default_factory=dict)  # counts by sub-kind (decoder, generator, outcome)
    examples: list = field(default_factory=list)

    def count(self, key: str, n: int = 1) -> None:
        self.detail[key] = self.detail.get(key, 0) + n

    def defect(self, kind: str, what: str, sample=None, exc: BaseException | None = None) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < MAX_EXAMPLES:
            entry = {"kind": kind, "what": what}
            if exc is not None:
                entry["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
                entry["where"] = "".join(traceback.format_tb(exc.__traceback__)[-3:])[-1200:]
            if sample is not None:
                entry["input"] = sample if isinstance(sample, str) else repr(sample)
                entry["input"] = entry["input"][:2000]
            self.examples.append(entry)

    def add(self, other: "Tally") -> None:
        """Fold another run of the same part into this one."""
        for k in ("runs", "host_exceptions", "hangs", "noncanonical_accepted", "data_lost", "tier_mismatches", "seconds"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k, v in other.detail.items():
            self.count(k, v)
        self.examples.extend(other.examples[: MAX_EXAMPLES - len(self.examples)])

    def defects(self) -> int:
        return self.host_exceptions + self.hangs + self.noncanonical_accepted + self.data_lost + self.tier_mismatches

    def as_dict(self) -> dict:
        return {
            "runs": self.runs,
            "host_exceptions": self.host_exceptions,
            "hangs": self.hangs,
            "noncanonical_accepted": self.noncanonical_accepted,
            "data_lost": self.data_lost,
            "tier_mismatches": self.tier_mismatches,
            "seconds": round(self.seconds, 1),
            "detail": dict(sorted(self.detail.items())),
            "examples": self.examples,
        }


class Progress:
    """A line on stderr every few seconds: part, runs done of planned, defects so far."""

    def __init__(self, part: str, total: int, stream=None, every: float = 10.0):
        self.part, self.total, self.stream, self.every = part, total, stream, every
        self.start = self.last = time.monotonic()

    def tick(self, tally: Tally) -> None:
        now = time.monotonic()
        if self.stream is None or now - self.last < self.every:
            return
        self.last = now
        rate = tally.runs / max(now - self.start, 1e-9)
        print(f"fuzz {self.part}: {tally.runs}/{self.total} runs, {rate:.0f}/s, {tally.defects()} defects",
              file=self.stream, flush=True)


# ---- byte mutations --------------------------------------------------------

INTERESTING = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0,
               0xD3, 0xD4, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0x90, 0x9F, 0xA0, 0xBF]


def mutate_bytes(data: bytes, rnd: random.Random, max_ops: int = 4) -> bytes:
    """A few random edits: flip bits, set interesting bytes, insert, delete, duplicate, truncate."""
    b = bytearray(data)
    for _ in range(rnd.randint(1, max_ops)):
        op = rnd.randrange(7)
        i = rnd.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(i, len(b) - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1 and b:
            b[min(i, len(b) - 1)] = rnd.choice(INTERESTING)
        elif op == 2:
            b[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4)))
        elif op == 3 and b:
            del b[i : i + rnd.randint(1, 8)]
        elif op == 4 and b:
            j = rnd.randrange(len(b) + 1)
            lo, hi = min(i, j), max(i, j)
            b[hi:hi] = b[lo : min(hi, lo + 64)]
        elif op == 5 and b:
            del b[i:]
        elif op == 6 and len(b) >= 2:
            j = rnd.randrange(len(b))
            b[min(i, len(b) - 1)], b[j] = b[j], b[min(i, len(b) - 1)]
    return bytes(b)


# ---- seed programs ----------------------------------------------------------

def seed_sources(limit: int | None = None) -> list:
    """(path relative to the root, text) of the example and conformance programs and the stdlib."""
    paths = sorted((ROOT / "examples").glob("*.contract")) + sorted((ROOT / "tests/lang/conformance").glob("*.contract"))
    paths += sorted((ROOT / "stdlib").glob("*.contract"))
    out = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in paths]
    return out[:limit] if limit else out


def seed_artifacts(limit: int | None = None) -> list:
    """Artifacts of the seed programs that compile (every contract of each example file)."""
    import lang

    arts = []
    for path, _ in seed_sources(limit):
        try:
            arts.append(lang.compile_file(str(ROOT / path)))
        except lang.CompileError:
            continue
    return arts
