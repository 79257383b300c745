"""Handwritten digits, 8x8: an int8-quantized 64-64-10 MLP (trained by training/train_digits.py).

Input: one or more samples of 64 bytes, each a pixel value 0..16 (scikit-learn's
load_digits layout). Output: one ASCII digit per sample. Inference is integer-only:
int8 weights, int32 accumulators, requantization by an integer multiply and shift.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from obelisk.compute.runners import RunnerInputError, arrays_digest

NAME = "digits"
VERSION = "digits-mlp-int8/1"  # bump whenever predict() changes meaning
WEIGHTS_FILE = "digits_mlp.npz"
SAMPLE = 64
MAX_SAMPLES = 4096
_WEIGHT_NAMES = ("w1", "b1", "m1", "shift", "w2", "b2")


def predict(q: dict, x: np.ndarray) -> np.ndarray:
    """Labels for the rows of x (uint8 pixels 0..16), integer arithmetic only."""
    x = x.astype(np.int32)
    acc1 = x @ q["w1"].astype(np.int32) + q["b1"]                 # |acc1| < 64*16*127 + |b1|
    acc1 = np.maximum(acc1, 0).astype(np.int64)
    h = (acc1 * int(q["m1"][0]) + (1 << (int(q["shift"][0]) - 1))) >> int(q["shift"][0])
    h = np.minimum(h, 127).astype(np.int32)                        # rounded, clipped to 0..127
    acc2 = h @ q["w2"].astype(np.int32) + q["b2"]                  # |acc2| < 64*127*127 + |b2|
    return np.argmax(acc2, axis=1)                                 # first maximum on a tie


@lru_cache(maxsize=1)
def _load() -> dict:
    with resources.files(__package__).joinpath(WEIGHTS_FILE).open("rb") as f:
        with np.load(f) as npz:
            return {k: npz[k] for k in npz.files}


def held_out() -> tuple[np.ndarray, np.ndarray]:
    """The held-out test samples and labels shipped with the weights (never trained on)."""
    data = _load()
    return data["test_x"], data["test_y"]


class DigitsRunner:
    name = NAME
    version = VERSION
    max_input = SAMPLE * MAX_SAMPLES

    def __init__(self):
        data = _load()
        self._q = {k: data[k] for k in _WEIGHT_NAMES}
        self.weights_digest = arrays_digest(self._q)

    def run(self, data: bytes) -> bytes:
        if not data or len(data) % SAMPLE:
            raise RunnerInputError(f"digits takes samples of {SAMPLE} bytes; got {len(data)} bytes")
        if len(data) > self.max_input:
            raise RunnerInputError(f"digits takes at most {MAX_SAMPLES} samples")
        x = np.frombuffer(data, dtype=np.uint8).reshape(-1, SAMPLE)
        if int(x.max()) > 16:
            raise RunnerInputError("digits pixels are 0..16")
        return bytes(b"0"[0] + int(label) for label in predict(self._q, x))


def runner() -> DigitsRunner:
    return DigitsRunner()
