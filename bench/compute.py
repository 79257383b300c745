"""Compute-sharing benchmarks, printed as one JSON document.

- inference: digits samples per second (integer MLP, numpy), against the same
  network in float64 numpy (the ratio is the price of exactness);
- sealing: AES-256-GCM seal/open of one 256 KiB input, MB/s;
- wrapping: data keys wrapped and unwrapped per second (X25519 + HKDF + GCM);
- flow: seconds for a whole job on an in-process chain (client, three workers,
  20 samples), from post to the client holding the opened result.
Run: .venv/bin/python bench/compute.py
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

# bench/chain.py would shadow the chain package: keep this folder off the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import numpy as np  # noqa: E402

from obelisk.compute import crypto, runners  # noqa: E402
from obelisk.compute.blobs import BlobStore  # noqa: E402
from obelisk.compute.client import JobClient  # noqa: E402
from obelisk.compute.market import DevnetMarket, StoreBlobs, market_source  # noqa: E402
from obelisk.compute.worker import Policy, Worker  # noqa: E402
from obelisk.devnet import Devnet  # noqa: E402
from obelisk.runners import digits  # noqa: E402


def timed(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def inference() -> dict:
    runner = runners.load("digits")
    x, _ = digits.held_out()
    batch = np.tile(x, (12, 1))[:4096]
    data = batch.tobytes()
    q = digits._load()
    w1, b1, w2, b2 = (q[k].astype(np.float64) for k in ("w1", "b1", "w2", "b2"))

    def floats():
        h = np.maximum(batch @ w1 + b1, 0)
        return np.argmax(h @ w2 + b2, axis=1)
    t_int, t_float = timed(lambda: runner.run(data), 20), timed(floats, 20)
    return {"samples": len(batch), "samples_per_s": round(len(batch) / t_int),
            "float64_samples_per_s": round(len(batch) / t_float), "int_over_float_time": round(t_int / t_float, 2)}


def sealing() -> dict:
    key, data = crypto.new_data_key(), bytes(256 * 1024)
    sealed = crypto.seal_data(data, key)
    t_seal = timed(lambda: crypto.seal_data(data, key), 50)
    t_open = timed(lambda: crypto.open_data(sealed, key), 50)
    mb = len(data) / 1e6
    return {"bytes": len(data), "seal_mb_per_s": round(mb / t_seal), "open_mb_per_s": round(mb / t_open)}


def wrapping() -> dict:
    worker, key = crypto.EncryptionKey.generate(), crypto.new_data_key()
    wrapped = crypto.wrap_data_key(key, worker.public, job_id=1)
    t_wrap = timed(lambda: crypto.wrap_data_key(key, worker.public, job_id=1), 200)
    t_unwrap = timed(lambda: crypto.unwrap_data_key(wrapped, worker, job_id=1), 200)
    return {"wraps_per_s": round(1 / t_wrap), "unwraps_per_s": round(1 / t_unwrap)}


def flow() -> dict:
    with tempfile.TemporaryDirectory() as tmp, Devnet() as net:
        tmp = Path(tmp)
        market = net.deploy(market_source(), sender=net.accounts[0])
        store = BlobStore(tmp)
        runner = runners.load("digits")

        def parts(i):
            k = net.accounts[i]
            return DevnetMarket(net, market, k), StoreBlobs(store, k.address), k.seed
        workers = [Worker(*parts(i), [runner], tmp / f"w{i}", Policy()) for i in (2, 3, 4)]
        client = JobClient(*parts(1), tmp / "client")
        x, _ = digits.held_out()
        start = time.perf_counter()
        job = client.post(x[:20].tobytes(), runners.id_of(runner), payment=3_000_000, seats=3, quorum=2,
                          stake=1_000_000)
        steps = 0
        while client.settle(job) == "open":
            for w in workers:
                w.step()
            client.serve_keys(job)
            steps += 1
        result = client.result(job)
        seconds = time.perf_counter() - start
        store.close()
        assert result == runner.run(x[:20].tobytes())
        return {"seconds": round(seconds, 3), "rounds": steps, "blocks": net.height}


if __name__ == "__main__":
    print(json.dumps({"inference": inference(), "sealing": sealing(), "wrapping": wrapping(), "flow": flow()},
                     indent=2))
