"""Runners: the shipped digits model is accurate on its held-out set, integer-exact and
the same bytes under any hash seed; runners are found by entry point and named by hash."""
from __future__ import annotations

import hashlib
import subprocess
import sys

import numpy as np
import pytest

from obelisk.compute import runners
from obelisk.compute.runners import RunnerError, RunnerInputError
from obelisk.runners import digits

# Pinned: a change of weights or code version must change the id (and this line, on purpose).
DIGITS_ID = "8cad51bfc466f594dea7693f38cb7cf3498d58fc52fac0c9d790545ffb2a4bd9"
HELD_OUT_CORRECT = 354  # of 360, measured when the weights were trained (docs/compute.md)


@pytest.fixture(scope="module")
def runner():
    return runners.load("digits")


def test_the_digits_runner_is_registered_and_named_by_its_hash(runner):
    assert "digits" in runners.discover()
    assert runners.id_of(runner).hex() == DIGITS_ID
    other = runners.runner_id(runner.name, runner.version + "x", runner.weights_digest)
    assert other != runners.id_of(runner)


def test_held_out_accuracy(runner):
    x, y = digits.held_out()
    assert x.shape == (360, 64) and x.dtype == np.uint8
    labels = runner.run(x.tobytes())
    correct = sum(int(chr(c)) == t for c, t in zip(labels, y))
    assert correct == HELD_OUT_CORRECT
    assert correct / len(y) > 0.97


def _pure_python_predict(q, sample):
    """The same network in Python integers: numpy must agree exactly (no float anywhere)."""
    w1, b1, w2, b2 = (q[k].astype(int).tolist() for k in ("w1", "b1", "w2", "b2"))
    m, shift = int(q["m1"][0]), int(q["shift"][0])
    hidden = []
    for j in range(len(b1)):
        acc = max(sum(sample[i] * w1[i][j] for i in range(64)) + b1[j], 0)
        hidden.append(min((acc * m + (1 << (shift - 1))) >> shift, 127))
    scores = [sum(hidden[j] * w2[j][k] for j in range(len(hidden))) + b2[k] for k in range(10)]
    return scores.index(max(scores))


def test_inference_is_integer_exact(runner):
    q = digits._load()
    assert all(q[k].dtype.kind == "i" for k in ("w1", "b1", "m1", "shift", "w2", "b2"))
    assert q["w1"].dtype == np.int8 and q["w2"].dtype == np.int8
    x, _ = digits.held_out()
    labels = runner.run(x[:40].tobytes())
    assert [int(chr(c)) for c in labels] == [_pure_python_predict(q, row.tolist()) for row in x[:40]]


_SCRIPT = ("import hashlib, sys; from obelisk.compute import runners; from obelisk.runners import digits;"
           "r = runners.load('digits'); x, _ = digits.held_out();"
           "print(runners.id_of(r).hex(), hashlib.sha256(r.run(x.tobytes())).hexdigest())")


def test_same_bytes_under_any_hash_seed(runner):
    x, _ = digits.held_out()
    expected = f"{DIGITS_ID} {hashlib.sha256(runner.run(x.tobytes())).hexdigest()}"
    for seed in ("0", "1", "12345"):
        out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert out.stdout.strip() == expected, out.stderr


@pytest.mark.parametrize("data, reason", [
    (b"", "samples of 64 bytes"),
    (bytes(63), "samples of 64 bytes"),
    (bytes(65), "samples of 64 bytes"),
    (bytes([17]) + bytes(63), "pixels are 0..16"),
    (bytes(64 * (digits.MAX_SAMPLES + 1)), "at most"),
])
def test_bad_input_is_refused_with_a_reason(runner, data, reason):
    with pytest.raises(RunnerInputError, match=reason):
        runners.run_checked(runner, data) if len(data) <= runner.max_input else runner.run(data)


def test_run_checked_bounds_the_input_first(runner):
    with pytest.raises(RunnerInputError, match="over the runner's limit"):
        runners.run_checked(runner, bytes(runner.max_input + 64))


def test_unknown_and_broken_runners_are_reported(monkeypatch):
    with pytest.raises(RunnerError, match="no runner named 'nope'.*digits"):
        runners.load("nope")

    def broken():
        raise OSError("weights missing")

    monkeypatch.setattr(runners, "discover", lambda: {"broken": runners.Available("broken", lambda: broken)})
    with pytest.raises(RunnerError, match="failed to load: OSError: weights missing"):
        runners.load("broken")


def test_arrays_digest_is_of_the_numbers_not_the_byte_order():
    a = np.arange(6, dtype="<i4").reshape(2, 3)
    assert runners.arrays_digest({"a": a}) == runners.arrays_digest({"a": a.astype(">i4")})
    assert runners.arrays_digest({"a": a}) != runners.arrays_digest({"a": a.reshape(3, 2)})
    assert runners.arrays_digest({"a": a}) != runners.arrays_digest({"b": a})
