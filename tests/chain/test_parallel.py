"""Signatures checked across processes, and mining split over workers: the same verdicts and blocks as one process."""
import json
from dataclasses import replace
from pathlib import Path

import pytest

import chain
from chain import block as blk
from chain import errors as E
from chain import rules, sigcheck

VECTORS = Path(__file__).resolve().parent / "vectors"


@pytest.fixture(autouse=True)
def _stop_the_pool():
    yield
    sigcheck.shutdown()  # no worker process outlives a test


def test_the_pool_gives_the_verdicts_of_one_process_on_every_edge_case():
    cases = json.loads((VECTORS / "cctv_ed25519vectors.json").read_text())
    items = [(bytes.fromhex(c["key"]), c["msg"].encode(), bytes.fromhex(c["sig"])) for c in cases]
    serial = sigcheck.verify_all(items, workers=1)
    assert sigcheck.verify_all(items, workers=2) == serial
    assert sigcheck.verify_all(items, workers=3) == serial  # uneven chunks, in order
    assert 0 < sum(serial) < len(serial)


def _transfers(n: int):
    net = chain.Devnet()
    return [net.make_tx(i % 10, net.accounts[(i + 1) % 10].address, 1 + i, nonce=i // 10) for i in range(n)]


@pytest.mark.parametrize("flaw", ["flipped signature", "small-order key"])
def test_a_bad_signature_is_named_by_the_same_index_and_reason_in_parallel(flaw):
    txs = _transfers(150)
    bad = txs[97]
    if flaw == "flipped signature":
        txs[97] = replace(bad, signature=bad.signature[:-1] + bytes([bad.signature[-1] ^ 1]))
    else:
        txs[97] = replace(bad, public_key=bytes.fromhex("01" + "00" * 31))
    txs[120] = replace(txs[120], signature=bytes(64))  # a later bad one: the first is reported
    errors = []
    for workers in (1, 2):
        with pytest.raises(E.BlockTxError) as info:
            rules.check_signatures(txs, use_cache=False, workers=workers)
        errors.append((info.value.index, type(info.value.tx_error), str(info.value)))
    assert errors[0] == errors[1] and errors[0][:2] == (97, E.BadSignature)
    rules.check_signatures(_transfers(150), use_cache=False, workers=2)  # all good: no error


def test_blocks_import_the_same_with_signatures_checked_in_parallel():
    src = chain.Devnet()
    for t in _transfers(120):
        src.submit(t)
    src.mine(1)
    data = src.block_bytes(1)
    heads = []
    for workers in (1, 2):
        dst = chain.Devnet()
        dst.chain.signature_cache = False
        dst.chain.signature_workers = workers
        heads.append(dst.import_block(data))
        assert dst.verify() == 1
    assert heads[0] == heads[1] == src.chain.head_hash
