"""Runners: the deterministic computations a job names, pluggable through the
`obelisk.runners` entry-point group, each identified by the hash of its code version and weights.

A runner is an object with `name`, `version`, `weights_digest` (32 bytes), `max_input`
(bytes) and `run(data: bytes) -> bytes`, which must give the same bytes for the same
input on every machine, OS and hash seed (integers only, no floats, no randomness),
and raise RunnerInputError for input it cannot take. An entry point names a
zero-argument callable returning such an object.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable, Protocol

GROUP = "obelisk.runners"
ID_SIZE = 32


class RunnerError(ValueError):
    """A runner that cannot be found or loaded."""


class RunnerInputError(ValueError):
    """Input a runner refuses (wrong size or values); the worker skips the job and says why."""


class Runner(Protocol):
    name: str
    version: str
    weights_digest: bytes
    max_input: int

    def run(self, data: bytes) -> bytes: ...


def runner_id(name: str, version: str, weights_digest: bytes) -> bytes:
    """The stable id a job names: SHA-256 over the name, code version and weights digest."""
    if len(weights_digest) != 32:
        raise RunnerError("a weights digest is 32 bytes")
    parts = [b"obelisk runner v1", name.encode(), version.encode(), weights_digest]
    return hashlib.sha256(b"".join(len(p).to_bytes(4, "big") + p for p in parts)).digest()


def id_of(runner: Runner) -> bytes:
    return runner_id(runner.name, runner.version, runner.weights_digest)


def arrays_digest(arrays: dict) -> bytes:
    """SHA-256 over named numpy arrays in a canonical form (name, dtype, shape, little-endian
    bytes), so the digest is that of the numbers, not of a file's packaging."""
    h = hashlib.sha256()
    for name in sorted(arrays):
        a = arrays[name]
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
        meta = f"{name}|{a.dtype.str}|{','.join(map(str, a.shape))}|".encode()
        h.update(len(meta).to_bytes(4, "big") + meta)
        h.update(a.tobytes(order="C"))
    return h.digest()


@dataclass(frozen=True)
class Available:
    """A runner found through an entry point, loaded on first use."""

    name: str
    load: Callable[[], Runner]


def discover() -> dict[str, Available]:
    """Entry points of the group by name (the name the worker's --runner takes)."""
    found = {}
    for ep in entry_points(group=GROUP):
        found[ep.name] = Available(ep.name, ep.load)
    return found


def load(name: str) -> Runner:
    """The runner registered as `name`; RunnerError when absent or broken."""
    available = discover()
    if name not in available:
        known = ", ".join(sorted(available)) or "none"
        raise RunnerError(f"no runner named {name!r} (installed: {known})")
    try:
        runner = available[name].load()()
        id_of(runner)
    except RunnerError:
        raise
    except Exception as exc:  # a third-party plug-in failing to load is reported, not a crash
        raise RunnerError(f"runner {name!r} failed to load: {type(exc).__name__}: {exc}") from None
    return runner


def run_checked(runner: Runner, data: bytes) -> bytes:
    """Runs with the size bound checked first; the output must be bytes."""
    if len(data) > runner.max_input:
        raise RunnerInputError(f"input of {len(data)} bytes is over the runner's limit of {runner.max_input}")
    out = runner.run(data)
    if type(out) is not bytes:
        raise RunnerError(f"runner {runner.name!r} returned {type(out).__name__}, not bytes")
    return out
