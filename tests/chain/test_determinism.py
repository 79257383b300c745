"""Two nodes agree to the byte: one scripted chain, run under different hash seeds, gives the same chain.

The script deploys contracts (maps, nested maps, events), moves coin, leaves
failed receipts, keeps pending transactions across a reorganisation, and
prints every block hash, state root and receipt; the runs must print the same.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = r"""
import hashlib, sys
import chain, lang

token_art = lang.compile_file(sys.argv[1] + "/examples/token.contract")
a, b = chain.Devnet(), chain.Devnet()
alice, bob, carol = (a.accounts[i] for i in range(3))
token = a.deploy(token_art, 10**6, sender=alice)
for i in range(12):
    who = a.accounts[i % 5]
    token.transfer(who.address, 1000 + i, sender=alice)
    token.approve(carol.address, 10 + i, sender=who)
    a.transfer(who, chain.Address(hashlib.sha256(bytes([i])).digest()[:20]), 7 * i + 1)
try:
    token.transfer(bob.address, 10**9, sender=carol)
except chain.Reverted:
    pass
# A competing branch with more work: a reorganises onto it, its transactions go back to the pool.
for i in range(a.height + 2):
    b.transfer(a.accounts[6], carol.address, i + 1)
a.submit(a.make_tx(bob, carol.address, 3))
for n in range(1, b.height + 1):
    a.import_block(b.block_bytes(n))
a.mine(3)
for n in range(a.height + 1):
    blk = a.block(n)
    print(n, blk.hash.hex(), blk.state_root.hex(), blk.receipts_root.hex(), blk.gas_used)
    for h in blk.transactions:
        r = a.receipt(h)
        print(" ", h.hex(), r.status, r.gas_used, r.reason, r.location, sorted(map(repr, r.logs)))
print("pending", [t.hash.hex() for t in a.chain.pending()])
print("verify", a.verify())
"""


def _run(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, "-c", SCENARIO, str(ROOT)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_same_script_gives_the_same_chain_under_any_hash_seed():
    first, second = _run("0"), _run("4242")
    assert first == second
    assert first.count("\n") > 30 and "verify" in first
