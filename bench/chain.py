"""Chain benchmarks, printed as one JSON document.

- mining: nonces per second of chain.block.mine (midstate) against raw hashlib
  double SHA-256 of the same header bytes, and over every core (chain.miner);
- execute: signed token transfers per second through the block executor alone
  (VM, state, receipts, state root; signatures already checked), CPU time;
- import: signed token transfers per second through full block import
  (signatures, execution, roots, commit) into a node-durable file
  (synchronous=FULL), with each stage's share of the time; signatures checked
  in a worker process beside execution (the importer checks what it left),
  against the same blocks imported with signatures checked in this process
  (the baseline), rounds alternated, medians;
- devnet: transactions per second on the Devnet's one-transaction-per-block
  path (sign, admit, build, proof of work, execute, store, receipt), plain
  transfers and token transfers, in memory (the baseline) and in a data
  directory with dev durability and with node durability; medians of rounds,
  wall clock and this process's CPU time;
- refusal: time to refuse crafted blocks of many freshly signed transactions
  (a cheap flaw in the last one; the same invalid block sent again);
- pool: submissions per second into a pool already holding thousands;
- junk: time and extra memory to refuse 4 MiB blocks of junk (goal: <= 50 ms,
  <= 20 MiB each).
Run: .venv/bin/python bench/chain.py [--txs N] [--per-block N] [--hashes N] [--devnet-txs N] [--rounds N]
     [--only SECTION ...]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import struct
import tempfile
import time
import sys
from dataclasses import replace

# This script is called chain.py: keep its own folder off the import path so
# `import chain` finds the package, not the script.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import chain  # noqa: E402
from chain import block as blk  # noqa: E402
from chain import sigcheck  # noqa: E402
from chain import tx as txmod  # noqa: E402
from vm.asm import FunctionAsm, Instr, assemble  # noqa: E402
from vm.code import INIT, PUB  # noqa: E402
from vm.encoding import pack  # noqa: E402

BAL = pack(0)


def token_code() -> bytes:
    """A minimal token: init(supply) credits the deployer; transfer(to, amount) moves balance."""
    def add(who, amount, op):
        return [Instr("PUSH_CONST", BAL), *who, Instr("KEY"), Instr("DUP"), Instr("SLOAD", "int"), *amount,
                Instr(op), Instr("SSTORE")]
    init = FunctionAsm("init", (("supply", "int"),), None, 1, INIT,
                       [*add([Instr("CALLER")], [Instr("LOAD", 0)], "ADD"), Instr("RET")])
    transfer = FunctionAsm("transfer", (("to", "address"), ("amount", "int")), "bool", 2, PUB, [
        *add([Instr("CALLER")], [Instr("LOAD", 1)], "SUB"),
        *add([Instr("LOAD", 0)], [Instr("LOAD", 1)], "ADD"),
        Instr("PUSH_TRUE"), Instr("RET")])
    return assemble("Token", [init, transfer]).encode()


def bench_mining(hashes: int) -> dict:
    net = chain.Devnet()
    header = replace(net.chain.head, height=1, target=0)  # target 0: no nonce wins, every try is counted
    encoded = header.encode()
    prefix = encoded[:-blk.NONCE_SIZE]
    pack_nonce = struct.Struct(">Q").pack
    sha256 = hashlib.sha256

    # Alternate short rounds and keep each side's best, so a busy machine
    # slows both sides alike instead of whichever ran second.
    rounds, per = 5, max(1, hashes // 5)
    raw = ours = 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        for n in range(per):
            sha256(sha256(prefix + pack_nonce(n)).digest()).digest()
        raw = max(raw, per / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        assert blk.mine(header, 0, per) is None
        ours = max(ours, per / (time.perf_counter() - t0))
    # Every core: the miner's own slices (chain.miner), target 0 so every nonce is tried.
    from chain import miner, procpool

    workers = procpool.cores()
    pool = procpool.get_pool(workers)
    list(pool.map(miner._search, [(header, 0, 1)] * workers))  # start the workers outside the timing
    slices = [(header, i * per, per) for i in range(workers)]
    t0 = time.perf_counter()
    assert all(r is None for r in pool.map(miner._search, slices))
    every = workers * per / (time.perf_counter() - t0)
    procpool.shutdown()
    return {"header_bytes": len(encoded), "hashes": rounds * per, "raw_hashlib_per_s": round(raw),
            "mine_per_s": round(ours), "ratio": round(ours / raw, 3), "cores": workers,
            "mine_per_s_every_core": round(every), "every_core_over_one": round(every / ours, 2)}


def bench_import(n_txs: int, per_block: int, rounds: int) -> dict:
    src = chain.Devnet()
    code = token_code()
    accounts = src.accounts
    token = src.send(src.make_tx(0, None, 0, txmod.encode_deploy(code, [10**30]), gas=1_000_000)).contract_address
    # Give every account tokens, so transfers come from ten senders.
    for a in accounts[1:]:
        src.send(src.make_tx(0, token, 0, txmod.encode_call("transfer", [bytes(a.address), 10**20]),
                             gas=200_000))
    first_bench_block = src.height + 1
    nonces = {a.address: src.nonce(a.address) for a in accounts}
    made, hashes = 0, []
    while made < n_txs:
        for _ in range(min(per_block, n_txs - made)):
            a = accounts[made % len(accounts)]
            to = accounts[(made + 3) % len(accounts)].address
            t = src.make_tx(a, token, 0, txmod.encode_call("transfer", [bytes(to), 1 + made % 50]),
                            gas=60_000, nonce=nonces[a.address])
            nonces[a.address] += 1
            hashes.append(src.submit(t))
            made += 1
        src.mine(1)
    assert all(src.receipt(h).status for h in hashes), "a benchmark transfer failed"
    blocks = [src.block_bytes(n) for n in range(1, src.height + 1)]

    # Rounds alternate the two ways, so a busy machine slows both alike.
    runs = {1: [], None: []}
    for _ in range(rounds):
        for workers in (1, None):
            runs[workers].append(_import_into(blocks, first_bench_block, src.chain.head_hash, workers))
    sigcheck.shutdown()

    def median_run(workers):
        return sorted(runs[workers], key=lambda r: r[0])[len(runs[workers]) // 2]

    elapsed, cpu, stages = median_run(None)
    one_elapsed, one_cpu, one_stages = median_run(1)
    total = sum(stages.values())
    ratios = sorted(b[0] / a[0] for a, b in zip(runs[None], runs[1]))
    return {"transactions": n_txs, "per_block": per_block, "blocks": len(blocks) - first_bench_block + 1,
            "cores": sigcheck.cores(), "rounds": rounds, "seconds": round(elapsed, 3),
            "tx_per_s": round(n_txs / elapsed, 1),
            "tx_per_s_signatures_in_one_process": round(n_txs / one_elapsed, 1),
            "workers_over_one_process": round(ratios[len(ratios) // 2], 2),
            "tx_per_cpu_s_of_this_process": round(n_txs / cpu, 1),
            "tx_per_cpu_s_signatures_in_one_process": round(n_txs / one_cpu, 1),
            "stage_share": {k: round(v / total, 3) for k, v in stages.items()},
            "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
            "stage_seconds_one_process": {k: round(v, 3) for k, v in one_stages.items()},
            "store": "sqlite file, WAL, synchronous=FULL (a node's)",
            "signatures": "after execution and roots: checking those the workers left (no waiting for them)"}


def bench_execute(n_txs: int, repeat: int = 3) -> dict:
    """Signed token transfers applied by the block executor (VM, chain state, receipts, the state root at the
    block's end), signatures already checked: CPU time of this process, best of `repeat` blocks' worth."""
    from chain.execute import Executor
    from chain.rules import check_static

    net = chain.Devnet()
    accounts = net.accounts
    token = net.send(net.make_tx(0, None, 0, txmod.encode_deploy(token_code(), [10**30]), gas=1_000_000)).contract_address
    for a in accounts[1:]:
        net.send(net.make_tx(0, token, 0, txmod.encode_call("transfer", [bytes(a.address), 10**20]), gas=200_000))
    nonces = {a.address: net.nonce(a.address) for a in accounts}
    txs = []
    for i in range(n_txs):
        a, to = accounts[i % len(accounts)], accounts[(i + 3) % len(accounts)].address
        txs.append(net.make_tx(a, token, 0, txmod.encode_call("transfer", [bytes(to), 1 + i % 50]),
                               gas=60_000, nonce=nonces[a.address]))
        nonces[a.address] += 1
    for t in txs:
        check_static(t, net.chain.params, True)  # verdicts cached: no signature work in the figure
    best = None
    for _ in range(repeat):
        ex = Executor(net.chain.state(), net.chain.params, net.height + 1, 0, accounts[0].address)
        t0 = time.process_time()
        for t in txs:
            if not ex.apply(t).status:
                raise AssertionError("a benchmark transfer failed")
        ex.finish()
        dt = time.process_time() - t0
        net.chain.trie.discard_new()
        best = dt if best is None else min(best, dt)
    return {"transactions": n_txs, "cpu_seconds": round(best, 4), "tx_per_s": round(n_txs / best)}


def _import_into(blocks, first_bench_block, head, workers):
    """(seconds, CPU seconds of this process, stage seconds) to import the benchmark blocks into a fresh chain on disk."""
    with tempfile.TemporaryDirectory() as d:
        dst = chain.Devnet(datadir=os.path.join(d, "x"))
        dst.store.db.execute("PRAGMA synchronous=FULL")  # as a node's data directory (chain.store, durable)
        for data in blocks[: first_bench_block - 1]:
            dst.import_block(data)
        dst.chain.timings = {}
        dst.chain.signature_cache = False  # measure real signature checks, as a node meeting these blocks would
        dst.chain.signature_workers = workers
        if workers is None:
            assert sigcheck.ready(), "the signature workers did not start"  # started outside the timing
        t0, c0 = time.perf_counter(), time.process_time()
        for data in blocks[first_bench_block - 1:]:
            dst.import_block(data)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        assert dst.chain.head_hash == head
        dst.close()
    return elapsed, cpu, dst.chain.timings


def bench_devnet(n_txs: int, rounds: int) -> dict:
    """The Devnet's one-transaction-per-block path: each transaction signed, admitted, mined alone, its receipt read."""
    code = token_code()

    def one_round(kind: str, where: str):
        with tempfile.TemporaryDirectory() as d:
            net = chain.Devnet(datadir=os.path.join(d, "x") if where != "memory" else None)
            if where == "datadir_node_durability":
                net.store.db.execute("PRAGMA synchronous=FULL")
            to = net.accounts[1].address
            token = net.send(net.make_tx(0, None, 0, txmod.encode_deploy(code, [10**30]),
                                         gas=1_000_000)).contract_address
            call = txmod.encode_call("transfer", [bytes(to), 1])
            send = ((lambda: net.transfer(0, to, 1)) if kind == "transfer"
                    else (lambda: net.send(net.make_tx(0, token, 0, call, gas=60_000))))
            for _ in range(10):
                send()  # warm the caches
            h0 = net.height
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(n_txs):
                send()
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            assert net.height == h0 + n_txs  # one block per transaction
            net.close()
        return n_txs / elapsed, n_txs / cpu

    def median(xs):
        return sorted(xs)[len(xs) // 2]

    out = {"transactions_per_round": n_txs, "rounds": rounds}
    wheres = ("memory", "datadir_dev_durability", "datadir_node_durability")
    for kind in ("transfer", "token_transfer"):
        runs = {w: [] for w in wheres}
        for _ in range(rounds):
            for w in wheres:  # alternated, so a busy machine slows all alike
                runs[w].append(one_round(kind, w))
        base = [r[0] for r in runs["memory"]]
        out[kind] = {w: {"tx_per_s": round(median([r[0] for r in rs])),
                         "tx_per_cpu_s": round(median([r[1] for r in rs])),
                         "over_memory": round(median([r[0] / b for r, b in zip(rs, base)]), 2)}
                     for w, rs in runs.items()}
    return out


def bench_refusal(n_txs: int) -> dict:
    from chain import errors as E
    from chain.block import Block, mine, tx_root

    net = chain.Devnet()
    net.chain.signature_cache = False  # every signature costs what it costs a node meeting these blocks
    key, to = net.accounts[0], net.accounts[1].address
    txs = [net.make_tx(key, to, 1 + i, nonce=i) for i in range(n_txs)]
    flawed = txs[:-1] + [replace(txs[-1], gas_price=0).signed(key)]

    def block_of(body, executed=(), **fields):
        # Roots from honest execution of `executed`, then the given header fields.
        built, _, _ = net.chain.build_block(net.miner, txs=list(executed))
        net.chain.trie.discard_new()
        fields.setdefault("gas_used", 2_000 * len(body))
        return Block(mine(replace(built.header, tx_root=tx_root(body), **fields)), tuple(body)).encode()

    def refuse(data, error) -> float:
        t0 = time.perf_counter()
        try:
            net.import_block(data)
        except error:
            return round((time.perf_counter() - t0) * 1000, 2)
        raise AssertionError("the crafted block was accepted")

    bad_root = block_of(txs, txs, state_root=b"\x01" * 32)
    return {"transactions": n_txs,
            "cheap_flaw_in_last_tx_ms": refuse(block_of(flawed), E.BlockTxError),
            "gas_used_under_intrinsic_ms": refuse(block_of(txs, gas_used=2_000 * n_txs - 1), E.BadGasUsed),
            "bad_state_root_first_time_ms": refuse(bad_root, E.BadStateRoot),
            "bad_state_root_sent_again_ms": refuse(bad_root, E.BadStateRoot)}


def bench_pool(n_txs: int) -> dict:
    net = chain.Devnet()
    txs = [net.make_tx(i % 10, net.accounts[(i + 1) % 10].address, 1, nonce=i // 10) for i in range(n_txs)]
    t0 = time.perf_counter()
    for t in txs:
        net.submit(t)
    elapsed = time.perf_counter() - t0
    return {"submitted": n_txs, "senders": 10, "seconds": round(elapsed, 3), "tx_per_s": round(n_txs / elapsed, 1)}


def bench_junk() -> dict:
    import random
    import tracemalloc

    from chain import errors as E

    net = chain.Devnet()
    n = blk.C.MAX_BLOCK_SIZE - 16
    m = n - 256
    prefix = b"\x93\x01" + pack(net.chain.head.fields())

    def arr32(k, body):
        return b"\xdd" + k.to_bytes(4, "big") + body

    kinds = {
        "random_bytes": random.Random(7).randbytes(n),
        "nils": arr32(n - 5, b"\xc0" * (n - 5)),
        "empty_arrays": arr32(n - 5, b"\x90" * (n - 5)),
        "header_of_empty_arrays": b"\x93\x01" + arr32(n, b"\x90" * n),
        "txs_of_nils": prefix + arr32(m // 11, (b"\x9a" + b"\xc0" * 10) * (m // 11)),
        "tx_of_empty_arrays": prefix + b"\x91" + arr32(m, b"\x90" * m),
    }
    out = {}
    for name, data in kinds.items():
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            try:
                net.import_block(data)
                raise AssertionError(f"junk {name} was accepted")
            except E.InvalidBlock:
                pass
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        try:
            net.import_block(data)
        except E.InvalidBlock:
            pass
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        out[name] = {"bytes": len(data), "refused_ms": round(best * 1000, 2), "extra_mib": round(peak / 2**20, 2)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hashes", type=int, default=300_000)
    ap.add_argument("--txs", type=int, default=1000)
    ap.add_argument("--per-block", type=int, default=200)
    ap.add_argument("--refusal-txs", type=int, default=2000)
    ap.add_argument("--pool-txs", type=int, default=4000)
    ap.add_argument("--devnet-txs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", choices=SECTIONS, action="append", help="run just these sections (repeatable)")
    args = ap.parse_args()
    runs = {"mining": lambda: bench_mining(args.hashes), "execute": lambda: bench_execute(args.txs),
            "import": lambda: bench_import(args.txs, args.per_block, args.rounds),
            "devnet": lambda: bench_devnet(args.devnet_txs, args.rounds),
            "refusal": lambda: bench_refusal(args.refusal_txs), "pool": lambda: bench_pool(args.pool_txs),
            "junk": bench_junk}
    print(json.dumps({name: runs[name]() for name in SECTIONS if not args.only or name in args.only}, indent=2))


SECTIONS = ("mining", "execute", "import", "devnet", "refusal", "pool", "junk")


if __name__ == "__main__":
    main()
