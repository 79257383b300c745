"""Oversized junk is refused by its size or shape before it is decoded: the reason, nothing stored, little memory."""
import json
import random
import tracemalloc

import pytest

import chain
from chain import consensus as C
from chain import errors as E
from chain import tx as txmod
from chain.keystore import Keystore, KeystoreError
from vm.encoding import EncodingError, Reader, pack

N = C.MAX_BLOCK_SIZE - 16
M = N - 256  # after a well-formed block prefix


def _array32(n: int, body: bytes) -> bytes:
    return b"\xdd" + n.to_bytes(4, "big") + body


def _header_fields(net) -> list:
    return net.chain.head.fields()


def _block_prefix(net) -> bytes:
    """[1, a well-formed header, then the transactions array the caller appends."""
    return b"\x93\x01" + pack(_header_fields(net))


def _tree(depth: int) -> bytes:
    """Ten-item arrays nested `depth` deep, empty arrays at the bottom."""
    return b"\x90" if depth == 0 else b"\x9a" + _tree(depth - 1) * 10


JUNK = {
    # name: (make(net) -> bytes, error class, words of the reason)
    "random bytes": (lambda net: random.Random(7).randbytes(N), E.InvalidBlock, ""),
    "four million nils": (lambda net: _array32(N - 5, b"\xc0" * (N - 5)), E.BlockVersionError,
                          "unknown block version None"),
    "four million empty arrays": (lambda net: _array32(N - 5, b"\x90" * (N - 5)), E.BlockEncodingError,
                                  "holds an array where a single value belongs"),
    "arrays nested four million deep": (lambda net: b"\x91" * N, E.BlockEncodingError, "a single value"),
    "a header of empty arrays": (lambda net: b"\x93\x01" + _array32(N, b"\x90" * N), E.BlockEncodingError,
                                 "a header has"),
    "one bin of four MiB": (lambda net: b"\xc6" + N.to_bytes(4, "big") + b"\x00" * N, E.BlockEncodingError,
                            "a block is a msgpack array"),
    "a million transactions of nils": (
        lambda net: _block_prefix(net) + _array32(M // 11, (b"\x9a" + b"\xc0" * 10) * (M // 11)),
        E.BlockTxError, "unknown transaction version None"),
    "a transaction holding four MiB of empty arrays": (
        lambda net: _block_prefix(net) + b"\x91" + _array32(M, b"\x90" * M), E.BlockEncodingError,
        "a transaction has 4194032 items, at most 20 expected"),
    "a transaction with a bin over the transaction size": (
        lambda net: _block_prefix(net) + b"\x91\x9a\x01" + b"\xc6" + M.to_bytes(4, "big") + b"\x00" * M,
        E.BlockEncodingError, "malformed msgpack"),
    # Read whole by the fast path (chain.tx.read_plain) until it has seen PLAIN_TX_MAX bytes of it.
    "a transaction of arrays of arrays, ten each, a million in all": (
        lambda net: _block_prefix(net) + b"\x91\x9a" + _tree(5) * 10 + b"\x00" * (N - 270 - 10 * len(_tree(5))),
        E.BlockEncodingError, "holds an array where a single value belongs"),
    "a header field holding a map": (lambda net: b"\x93\x01\x9e\x81\x01\x02" + b"\x00" * N,
                                     E.BlockEncodingError, "maps are not allowed"),
}


@pytest.mark.parametrize("name", list(JUNK))
def test_a_four_mib_junk_block_is_refused_unbuilt(name):
    make, error, words = JUNK[name]
    net = chain.Devnet()
    data = make(net)
    assert C.MAX_BLOCK_SIZE - 64 <= len(data) <= C.MAX_BLOCK_SIZE
    before = (net.height, net.chain.pending(), len(net.chain.importer.orphans))
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        with pytest.raises(error) as info:
            net.import_block(data)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert words in str(info.value)
    assert peak < 20 * 1024 * 1024  # the goal: refused with under 20 MiB of extra memory
    assert (net.height, net.chain.pending(), len(net.chain.importer.orphans)) == before


def test_a_block_over_the_size_limit_is_refused_by_its_length():
    net = chain.Devnet()
    with pytest.raises(E.BlockTooLarge, match="over the limit"):
        net.import_block(b"\x00" * (C.MAX_BLOCK_SIZE + 1))


@pytest.mark.parametrize("data, words", [
    (b"\x9a" + b"\x90" * (C.MAX_TX_SIZE - 1), "holds an array where a single value belongs"),
    (_array32(C.MAX_TX_SIZE - 5, b"\xc0" * (C.MAX_TX_SIZE - 5)), "at most 20 expected"),
    (b"\x91" * C.MAX_TX_SIZE, "holds an array"),
    (b"\x9a\x01\x81\x01\x02", "maps are not allowed"),
    (b"\x9a\x01\xcb" + b"\x00" * 8, "floats are not allowed"),
    (b"\x9a\xcc\x01" + chain.Devnet().make_tx(0, bytes(20), 1).encode()[2:], "non-canonical encoding"),  # 1 as uint8
])
def test_junk_transactions_are_refused_by_shape(data, words):
    with pytest.raises(E.TxEncodingError, match=words):
        txmod.decode(data)
    net = chain.Devnet()
    with pytest.raises(E.TxEncodingError):
        net.submit(data)
    assert net.chain.pending() == []


def test_the_reader_agrees_with_pack_on_real_encodings():
    net = chain.Devnet()
    t = net.make_tx(0, net.accounts[1].address, 5, data=b"\x01" * 300)
    for data in (t.encode(), net.block_bytes(0)):
        reader = Reader(data)
        assert reader.at_array()
    assert txmod.decode(t.encode()) == t
    net.send(t)
    assert chain.block.decode_block(net.block_bytes(1)).encode() == net.block_bytes(1)
    # The longest array headers are read as msgpack writes them, and no shorter form passes.
    big = pack([0] * 70_000)
    r = Reader(big)
    assert r.array() == 70_000 and r.scalar() == 0
    with pytest.raises(EncodingError, match="non-canonical"):
        Reader(b"\xdc\x00\x01\x00").array()  # one item in an array16 header


def test_a_keystore_file_nested_thousands_deep_is_refused_not_a_crash(tmp_path):
    store = Keystore(tmp_path / "keystore")
    address = store.store(b"\x07" * 32, "pw")
    store.path_of(address).write_text("[" * 16_000)
    with pytest.raises(KeystoreError, match="not a valid keystore file"):
        store.load(address, "pw")
    store.path_of(address).write_text(json.dumps({"version": 1, "address": str(address), "box": "00"}) + " " * 20_000)
    with pytest.raises(KeystoreError, match="too large"):
        store.load(address, "pw")
