"""A catalogue of invalid transactions and blocks: each a mutation of an honest one and the error it must raise.

Every case is refused with its own error class, stores nothing (every table
compared before and after), and the honest version is accepted afterwards.
"""
from dataclasses import replace

import msgpack
import pytest

import chain
from chain import consensus as C
from chain import errors as E
from chain.block import Block, decode_block as decode, mine, tx_root
from chain.tx import Transaction, encode_deploy, intrinsic_gas
from vm.encoding import pack

# --- building blocks for mutations ------------------------------------------


class World:
    """A dev chain with a funded sender, an honest transaction and an honest (unstored) block."""

    def __init__(self):
        self.net = chain.Devnet()
        self.alice, self.bob = self.net.accounts[0], self.net.accounts[1]
        self.net.transfer(self.alice, self.bob.address, 1)  # so nonces are not all zero
        self.tx = self.make()
        self.block = self.build([self.tx])

    def make(self, **fields) -> Transaction:
        """An honest signed transfer from alice, with fields replaced, re-signed by `key` (default alice)."""
        key = fields.pop("key", self.alice)
        t = self.net.make_tx(self.alice, self.bob.address, 5)
        return replace(t, **fields).signed(key) if fields or key is not self.alice else t

    def build(self, txs, **header_fields) -> Block:
        """A sealed block on the head holding `txs` (roots from honest execution of the valid ones)."""
        chain_ = self.net.chain
        blk, _, _ = chain_.build_block(self.net.miner, txs=[t for t in txs if _valid(t)])
        chain_.trie.discard_new()
        # Invalid transactions still claim their intrinsic gas, so the block passes
        # the cheap gas bound and fails on the rule the case is about.
        claimed = blk.header.gas_used + sum(intrinsic_gas(t) for t in txs if not _valid(t))
        header = replace(blk.header, tx_root=tx_root(txs), gas_used=claimed)
        header = replace(header, **header_fields)
        return Block(mine(header), tuple(txs))

    def snapshot(self):
        st = self.net.store
        return {t: st.rows(t) for t in ("blocks", "canon", "txindex", "receipts", "nodes", "code", "meta")}, \
            st.pending()


def _valid(t) -> bool:
    return getattr(t, "_honest", True)


def unsigned_raw(w, fields):
    """Raw bytes of a transaction array with some fields replaced (not re-signed)."""
    arr = w.tx.unsigned_fields() + [w.tx.signature]
    for i, v in fields.items():
        arr[i] = v
    return pack(arr)


def resign_raw(w, fields):
    """Raw bytes of a transaction array with fields replaced and a valid signature over them."""
    arr = w.tx.unsigned_fields()
    for i, v in fields.items():
        arr[i] = v
    sig = w.alice.sign(C.TX_SIGN_DOMAIN + pack(arr))
    return pack(arr + [sig])


def noncanonical_int(raw: bytes) -> bytes:
    # Re-encode the version (positive fixint 1) as uint16: the same value, another encoding.
    assert raw[1] == 0x01
    return raw[:1] + b"\xcd\x00\x01" + raw[2:]


def high_hash(header):
    """A nonce whose hash is over the target (proof of work fails)."""
    n = header.nonce
    while True:
        n += 1
        h = replace(header, nonce=n)
        if not h.pow_ok():
            return h


def raw_block(w, header_fields=None, tx_arrays=None, version=C.BLOCK_VERSION, reseal=True):
    hdr = w.block.header.fields()
    for i, v in (header_fields or {}).items():
        hdr[i] = v
    txs = tx_arrays if tx_arrays is not None else [t.unsigned_fields() + [t.signature] for t in w.block.txs]
    return pack([version, hdr, txs])


# --- transaction cases: (name, raw bytes, error class) ----------------------
# Each goes through submission to the pending pool.
TX_CASES = [
    ("garbage bytes", lambda w: b"\xff\x00garbage", E.TxEncodingError),
    ("empty input", lambda w: b"", E.TxEncodingError),
    ("trailing byte", lambda w: w.tx.encode() + b"\x00", E.TxEncodingError),
    ("non-canonical int", lambda w: noncanonical_int(w.tx.encode()), E.TxEncodingError),
    ("a map, not an array", lambda w: b"\x81\x01\x02", E.TxEncodingError),
    ("a float field", lambda w: msgpack.packb(w.tx.unsigned_fields()[:4] + [5.0] + w.tx.unsigned_fields()[5:]
                                              + [w.tx.signature]), E.TxEncodingError),
    ("too few fields", lambda w: pack(w.tx.unsigned_fields()), E.TxEncodingError),
    ("oversized", lambda w: pack(w.tx.unsigned_fields()[:7] + [b"\x00" * C.MAX_TX_SIZE] + w.tx.unsigned_fields()[8:]
                                 + [w.tx.signature]), E.TxTooLarge),
    ("version 2", lambda w: resign_raw(w, {0: 2}), E.TxVersionError),
    ("wrong chain id", lambda w: w.make(chain_id=1).encode(), E.WrongChainId),
    ("flipped signature bit", lambda w: w.tx.encode()[:-1] + bytes([w.tx.encode()[-1] ^ 1]), E.BadSignature),
    ("signed by another key", lambda w: replace(w.make(key=w.bob), public_key=w.alice.public_key).encode(),
     E.BadSignature),
    ("field changed after signing", lambda w: unsigned_raw(w, {4: 6}), E.BadSignature),
    ("nonce too high", lambda w: w.make(nonce=w.tx.nonce + 1).encode(), E.BadNonce),
    ("nonce too low", lambda w: w.make(nonce=w.tx.nonce - 1).encode(), E.BadNonce),
    ("short of funds", lambda w: w.make(value=C.DEV_ACCOUNT_BALANCE).encode(), E.InsufficientFunds),
    ("gas limit under intrinsic", lambda w: w.make(gas_limit=C.TX_BASE_GAS - 1).encode(), E.IntrinsicGasTooLow),
    ("gas limit over the block's", lambda w: w.make(gas_limit=C.BLOCK_GAS_LIMIT + 1).encode(),
     E.TxGasOverBlockLimit),
    ("zero gas price", lambda w: w.make(gas_price=0).encode(), E.GasPriceTooLow),
    ("negative value", lambda w: resign_raw(w, {4: -5}), E.TxFieldError),
    ("negative gas price", lambda w: resign_raw(w, {6: -1}), E.TxFieldError),
    ("value over the amount range", lambda w: resign_raw(w, {4: 2**255}), E.TxFieldError),
    ("nonce over 64 bits", lambda w: resign_raw(w, {2: 2**64}), E.TxFieldError),
    ("nonce 2^64 - 1 (EIP-2681: the next nonce would not fit)", lambda w: resign_raw(w, {2: 2**64 - 1}),
     E.TxFieldError),
    ("19-byte recipient", lambda w: resign_raw(w, {3: b"\x01" * 19}), E.TxFieldError),
    ("31-byte public key", lambda w: unsigned_raw(w, {8: b"\x01" * 31}), E.TxFieldError),
    ("63-byte signature", lambda w: unsigned_raw(w, {9: b"\x01" * 63}), E.TxFieldError),
    ("deploy without data", lambda w: w.make(to=None, data=b"", gas_limit=100_000).encode(), E.EmptyDeployment),
    ("deploy with empty code", lambda w: w.make(to=None, data=encode_deploy(b"", []), gas_limit=100_000).encode(),
     E.EmptyDeployment),
]


@pytest.fixture(scope="module")
def world():
    return World()


@pytest.mark.parametrize("name,make,error", TX_CASES, ids=[c[0] for c in TX_CASES])
def test_invalid_transaction_refused(world, name, make, error):
    raw = make(world)
    before = world.snapshot()
    with pytest.raises(error) as info:
        world.net.chain.submit(raw)
    assert type(info.value) is error
    assert world.snapshot() == before


def test_duplicate_transaction_refused():
    w = World()
    raw = w.tx.encode()
    w.net.chain.submit(raw)
    before = w.snapshot()
    with pytest.raises(E.DuplicateTransaction):
        w.net.chain.submit(raw)
    assert w.snapshot() == before
    w.net.mine(1)
    with pytest.raises(E.DuplicateTransaction):  # already mined: still a duplicate
        w.net.chain.submit(raw)


def test_honest_transaction_accepted_after_the_catalogue(world):
    h = world.net.chain.submit(world.tx.encode())
    world.net.mine(1)
    assert world.net.receipt(h).status is True
    world.__init__()  # leave a fresh world for any later test


# --- block cases: (name, raw block bytes, error class[, inner tx error]) ----

def _hdr(w, **fields):
    return Block(mine(replace(w.block.header, **fields)), w.block.txs).encode()


def _txs_block(w, txs, **fields):
    return w.build(txs, **fields).encode()


def _bad_sig_tx(w):
    return _marked(replace(w.make(), signature=bytes(64)))


def _marked(t):
    object.__setattr__(t, "_honest", False)
    return t


BLOCK_CASES = [
    ("garbage bytes", lambda w: b"\x93\x01\xc0", E.BlockEncodingError),
    ("trailing byte", lambda w: w.block.encode() + b"\x00", E.BlockEncodingError),
    ("a map", lambda w: b"\x80", E.BlockEncodingError),
    ("nested too deep", lambda w: pack([1, [[[[1]]]], []]), E.BlockEncodingError),
    ("oversized", lambda w: b"\xc6" + (C.MAX_BLOCK_SIZE).to_bytes(4, "big") + b"\x00" * C.MAX_BLOCK_SIZE,
     E.BlockTooLarge),
    ("block version 2", lambda w: raw_block(w, version=2), E.BlockVersionError),
    ("header version 2", lambda w: raw_block(w, {0: 2}), E.BlockVersionError),
    ("header with 13 fields", lambda w: pack([1, w.block.header.fields()[:13], []]), E.BlockEncodingError),
    ("19-byte miner", lambda w: raw_block(w, {6: b"\x00" * 19}), E.BlockFieldError),
    ("7-byte nonce", lambda w: raw_block(w, {13: b"\x00" * 7}), E.BlockFieldError),
    ("31-byte state root", lambda w: raw_block(w, {9: b"\x00" * 31}), E.BlockFieldError),
    ("negative timestamp", lambda w: raw_block(w, {4: -1}), E.BlockFieldError),
    ("wrong chain id", lambda w: _hdr(w, chain_id=1), E.BlockWrongChain),
    ("unknown parent", lambda w: _hdr(w, prev_hash=b"\x11" * 32), E.UnknownParent),
    ("wrong height", lambda w: _hdr(w, height=w.block.header.height + 1), E.BadHeight),
    ("hash over target", lambda w: Block(high_hash(w.block.header), w.block.txs).encode(), E.BadProofOfWork),
    ("easier target than the rule", lambda w: _hdr(w, target=w.block.header.target + 1), E.BadTarget),
    ("harder target than the rule", lambda w: _hdr(w, target=w.block.header.target // 2), E.BadTarget),
    ("timestamp at the median", lambda w: _hdr(w, timestamp=w.net.chain.median_time_past(w.net.chain.head)),
     E.TimestampTooOld),
    ("timestamp too far ahead", lambda w: _hdr(w, timestamp=w.net.chain.clock() + C.MAX_FUTURE_DRIFT + 1),
     E.TimestampTooNew),
    ("wrong gas limit", lambda w: _hdr(w, gas_limit=C.BLOCK_GAS_LIMIT + 1), E.BadGasLimit),
    ("gas used over the limit", lambda w: _hdr(w, gas_used=C.BLOCK_GAS_LIMIT + 1), E.BlockGasExceeded),
    ("wrong transactions root", lambda w: _hdr(w, tx_root=b"\x22" * 32), E.BadTxRoot),
    ("transaction added after sealing", lambda w: Block(w.block.header, w.block.txs + (w.make(nonce=w.tx.nonce + 1),))
     .encode(), E.BadTxRoot),
    ("wrong receipts root", lambda w: _hdr(w, receipts_root=b"\x33" * 32), E.BadReceiptsRoot),
    ("wrong state root", lambda w: _hdr(w, state_root=b"\x44" * 32), E.BadStateRoot),
    ("wrong gas used", lambda w: _hdr(w, gas_used=w.block.header.gas_used + 1), E.BadGasUsed),
    # Refused before any signature is checked: every transaction uses its intrinsic gas.
    ("gas used under the transactions' intrinsic gas", lambda w: _hdr(w, gas_used=w.block.header.gas_used - 1),
     E.BadGasUsed),
    ("reward too high", lambda w: _hdr(w, reward=w.block.header.reward + 1), E.BadReward),
    ("no reward claimed", lambda w: _hdr(w, reward=0), E.BadReward),
    ("transaction removed (roots kept)", lambda w: _txs_block(w, [], state_root=w.block.header.state_root,
                                                              gas_used=w.block.header.gas_used,
                                                              reward=w.block.header.reward,
                                                              receipts_root=w.block.header.receipts_root),
     E.BadGasUsed),
    ("transaction twice", lambda w: _txs_block(w, [w.tx, _marked(w.tx)]), E.BlockTxError, E.DuplicateTransaction),
    ("bad signature inside", lambda w: _txs_block(w, [_bad_sig_tx(w)]), E.BlockTxError, E.BadSignature),
    ("nonce gap inside", lambda w: _txs_block(w, [_marked(w.make(nonce=w.tx.nonce + 1))]), E.BlockTxError, E.BadNonce),
    ("sender short of funds inside", lambda w: _txs_block(w, [_marked(w.make(value=C.DEV_ACCOUNT_BALANCE))]),
     E.BlockTxError, E.InsufficientFunds),
    ("wrong chain id inside", lambda w: _txs_block(w, [_marked(w.make(chain_id=7))]), E.BlockTxError, E.WrongChainId),
    # Ethereum's rule: gas used so far + the next transaction's gas limit <= the block's gas limit.
    ("gas over the block's remaining gas", lambda w: _txs_block(w, [w.make(),
                                                                 _marked(w.make(nonce=w.tx.nonce + 1,
                                                                                gas_limit=C.BLOCK_GAS_LIMIT - 1000))]),
     E.BlockTxError, E.TxGasOverBlockLimit),
    # Every cheap rule of every transaction is checked before the first signature.
    ("zero gas price after a bad signature", lambda w: _txs_block(w, [_bad_sig_tx(w),
                                                                   _marked(w.make(nonce=w.tx.nonce + 1, gas_price=0))]),
     E.BlockTxError, E.GasPriceTooLow),
    ("empty deploy inside", lambda w: _txs_block(w, [_marked(w.make(to=None, data=b"", gas_limit=50_000))]),
     E.BlockTxError, E.EmptyDeployment),
    ("transaction replayed from an earlier block", lambda w: _txs_block(w, [_marked(w.net.chain.block(
        w.net.chain.canonical_hash(1)).txs[0])]), E.BlockTxError, E.BadNonce),
    ("malformed transaction inside", lambda w: raw_block(w, tx_arrays=[[1, 2, 3]]), E.BlockTxError,
     E.TxEncodingError),
]


@pytest.mark.parametrize("case", BLOCK_CASES, ids=[c[0] for c in BLOCK_CASES])
def test_invalid_block_refused(world, case):
    name, make, error = case[:3]
    raw = make(world)
    before = world.snapshot()
    with pytest.raises(error) as info:
        world.net.import_block(raw)
    assert type(info.value) is error
    if len(case) == 4:
        assert type(info.value.tx_error) is case[3]
    assert world.snapshot() == before


def test_a_block_failing_a_cheap_rule_costs_no_signature_check(world, monkeypatch):
    from chain import rules

    w = world
    # Fresh transactions (never verified, so not in the signature cache), the last one flawed.
    txs = [w.make(nonce=w.tx.nonce + i, value=1000 + i) for i in range(50)]
    late = _marked(w.make(nonce=w.tx.nonce + 50, gas_limit=C.TX_BASE_GAS - 1))
    for t in txs:
        _marked(t)
    checks = []
    real = rules.keys.verify
    monkeypatch.setattr(rules.keys, "verify", lambda *a: checks.append(1) or real(*a))
    with pytest.raises(E.BlockTxError) as info:
        w.net.import_block(_txs_block(w, txs + [late]))
    assert type(info.value.tx_error) is E.IntrinsicGasTooLow and info.value.index == 50
    # Too many transactions for the gas the header claims: refused before any signature.
    with pytest.raises(E.BadGasUsed):
        w.net.import_block(_txs_block(w, txs, gas_used=C.TX_BASE_GAS * 50 - 1))
    assert checks == []


def test_a_refused_block_is_remembered_not_executed_again(world, monkeypatch):
    from chain import execute

    w = world
    bad = _hdr(w, state_root=b"\x45" * 32)
    with pytest.raises(E.BadStateRoot):
        w.net.import_block(bad)
    runs = []
    real = execute.Executor.apply
    monkeypatch.setattr(execute.Executor, "apply", lambda *a, **k: runs.append(1) or real(*a, **k))
    before = w.snapshot()
    with pytest.raises(E.BadStateRoot):
        w.net.import_block(bad)
    assert runs == [] and w.snapshot() == before
    # A header refused only for its context (a timestamp still in the future) is not remembered.
    future = _hdr(w, timestamp=w.net.chain.clock() + C.MAX_FUTURE_DRIFT + 1)
    for _ in range(2):
        with pytest.raises(E.TimestampTooNew):
            w.net.import_block(future)
    assert decode(future).hash not in w.net.chain.importer.invalid


def test_a_sender_whose_address_holds_code_is_refused(asm, monkeypatch):
    """EIP-3607: were a key's address ever to collide with a contract's, the key still cannot spend for it."""
    w = World()
    bob = w.bob
    monkeypatch.setattr(chain.tx, "contract_address", lambda sender, nonce: bob.address)
    w.net.deploy(asm.token(), 5)  # lands on bob's address
    assert w.net.code_at(bob.address) is not None
    t = w.net.make_tx(bob, w.alice.address, 1)
    before = w.snapshot()
    with pytest.raises(E.SenderHasCode):
        w.net.chain.submit(t.encode())
    assert w.snapshot() == before
    with pytest.raises(E.BlockTxError) as info:
        w.net.import_block(w.build([_marked(t)]).encode())
    assert type(info.value.tx_error) is E.SenderHasCode


def test_catalogue_is_large_and_every_error_distinct():
    assert len(TX_CASES) + len(BLOCK_CASES) >= 30
    codes = {c[2].code for c in TX_CASES + BLOCK_CASES}
    assert len(codes) >= 30


def test_honest_block_accepted_after_the_catalogue(world):
    h = world.net.import_block(world.block.encode())
    assert world.net.chain.head_hash == h
    before = world.snapshot()
    with pytest.raises(E.KnownBlock):
        world.net.import_block(world.block.encode())
    assert world.snapshot() == before
    assert world.net.verify() == world.net.height


def test_a_remembered_refusal_keeps_no_frames_alive(world):
    w = world
    bad = _hdr(w, state_root=b"\x46" * 32)
    for _ in range(2):
        with pytest.raises(E.BadStateRoot) as info:
            w.net.import_block(bad)
    kept = w.net.chain.importer.invalid[decode(bad).hash]
    assert kept.__traceback__ is None and kept is not info.value
    assert str(kept) == str(info.value)


def test_a_child_of_an_invalid_block_is_refused_at_once(world):
    from chain.block import mine

    w = world
    bad = decode(_hdr(w, state_root=b"\x47" * 32))
    with pytest.raises(E.BadStateRoot):
        w.net.import_block(bad.encode())
    child = replace(bad.header, height=bad.header.height + 1, prev_hash=bad.hash, tx_root=tx_root(()),
                    timestamp=bad.header.timestamp + 12)
    child = Block(mine(child), ())
    grandchild = Block(mine(replace(child.header, height=child.header.height + 1, prev_hash=child.hash,
                                    timestamp=child.header.timestamp + 12)), ())
    before = w.snapshot()
    for blk in (child, grandchild):
        with pytest.raises(E.InvalidParent):
            w.net.import_block(blk.encode())
    assert w.snapshot() == before and not {child.hash, grandchild.hash} & set(w.net.chain.importer.orphans)
