"""Trains the shipped digits runner: a 64-64-10 MLP on scikit-learn's 8x8 digits, then
quantizes it to int8 weights and integer requantization (obelisk/runners/digits.py runs it).

    python -m venv /tmp/train && /tmp/train/bin/pip install numpy scikit-learn
    /tmp/train/bin/python training/train_digits.py        # writes obelisk/runners/digits_mlp.npz

scikit-learn is used for the data only (load_digits ships inside the package, no download);
training is plain numpy with a fixed seed. Prints the float and quantized held-out accuracy.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "obelisk" / "runners" / "digits_mlp.npz"
HIDDEN = 64
SEED = 20261204
TEST_SIZE = 360       # held-out samples, shipped with the weights
EPOCHS = 300
BATCH = 64
LR = 2e-3
WEIGHT_DECAY = 1e-4
SHIFT = 16            # requantization: h = (acc * multiplier) >> SHIFT


def split():
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = digits.data.astype(np.uint8)          # 1797 x 64, pixel values 0..16
    y = digits.target.astype(np.uint8)
    order = np.random.default_rng(SEED).permutation(len(x))
    test, train = order[:TEST_SIZE], order[TEST_SIZE:]
    return x[train], y[train], x[test], y[test]


def train(x, y):
    rng = np.random.default_rng(SEED + 1)
    xf = x.astype(np.float64) / 16.0
    params = {
        "w1": rng.normal(0, np.sqrt(2 / 64), (64, HIDDEN)), "b1": np.zeros(HIDDEN),
        "w2": rng.normal(0, np.sqrt(2 / HIDDEN), (HIDDEN, 10)), "b2": np.zeros(10),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    step = 0
    for _ in range(EPOCHS):
        order = rng.permutation(len(x))
        for start in range(0, len(x), BATCH):
            idx = order[start:start + BATCH]
            xb, yb = xf[idx], y[idx]
            z1 = xb @ params["w1"] + params["b1"]
            h = np.maximum(z1, 0)
            logits = h @ params["w2"] + params["b2"]
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(yb)), yb] -= 1
            g2 = p / len(yb)
            grads = {"w2": h.T @ g2, "b2": g2.sum(0)}
            g1 = (g2 @ params["w2"].T) * (z1 > 0)
            grads.update({"w1": xb.T @ g1, "b1": g1.sum(0)})
            step += 1
            for k in params:  # Adam with decoupled weight decay
                g = grads[k]
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                mh, vh = m[k] / (1 - 0.9 ** step), v[k] / (1 - 0.999 ** step)
                params[k] -= LR * (mh / (np.sqrt(vh) + 1e-8) + WEIGHT_DECAY * params[k])
    return params


def float_predict(params, x):
    h = np.maximum(x.astype(np.float64) / 16.0 @ params["w1"] + params["b1"], 0)
    return np.argmax(h @ params["w2"] + params["b2"], axis=1)


def quantize(params, x_train):
    """Symmetric per-layer int8 weights; the hidden layer requantized to 0..127."""
    s1 = np.abs(params["w1"]).max() / 127
    s2 = np.abs(params["w2"]).max() / 127
    h = np.maximum(x_train / 16.0 @ params["w1"] + params["b1"], 0)
    sh = np.percentile(h, 99.9) / 127            # activation scale from the training data
    return {
        "w1": np.round(params["w1"] / s1).astype(np.int8),
        "b1": np.round(params["b1"] * 16 / s1).astype(np.int32),   # input scale is 1/16
        "m1": np.array([round(s1 / 16 / sh * (1 << SHIFT))], dtype=np.int32),
        "shift": np.array([SHIFT], dtype=np.int32),
        "w2": np.round(params["w2"] / s2).astype(np.int8),
        "b2": np.round(params["b2"] / (s2 * sh)).astype(np.int32),
    }


def main() -> int:
    sys.path.insert(0, str(OUT.parents[2]))
    from obelisk.runners.digits import predict

    x_train, y_train, x_test, y_test = split()
    params = train(x_train, y_train)
    q = quantize(params, x_train)
    float_acc = float((float_predict(params, x_test) == y_test).mean())
    int_acc = float((predict(q, x_test) == y_test).mean())
    np.savez_compressed(OUT, **q, test_x=x_test, test_y=y_test)
    print(f"train {len(x_train)}, held out {len(x_test)}: float accuracy {float_acc:.4f}, "
          f"int8 accuracy {int_acc:.4f} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
