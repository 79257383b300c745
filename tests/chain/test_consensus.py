"""Consensus rules that need more than one block or an unusual clock, and decisions about failed deployments."""
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chain
from chain import consensus as C
from chain import errors as E
from chain import tx as txmod
from chain.block import Block, mine, next_target
from vm.encoding import pack


@settings(max_examples=200, deadline=None)
@given(st.integers(1, C.POW_LIMIT), st.integers(-10**6, 10**6), st.integers(1, C.RETARGET_WINDOW))
def test_retarget_steps_are_bounded(target, span, blocks):
    new = next_target(target, span, blocks, C.POW_LIMIT)
    assert 1 <= new <= C.POW_LIMIT
    assert new >= target * 3 // 4 - 1
    assert new <= target * 4 // 3 + 1
    if span == blocks * C.TARGET_BLOCK_TIME:
        assert new == target


def test_fast_blocks_make_the_target_harder_and_other_nodes_agree():
    now = [C.DEV_GENESIS_TIMESTAMP]
    fast = chain.Devnet(clock=lambda: now[0])  # the clock stands still: blocks come "at once"
    fast.mine(15)
    targets = [fast.block(n).target for n in range(16)]
    assert targets[1] == targets[0]
    assert all(b < a for a, b in zip(targets[1:], targets[2:]))
    assert all(b >= a * 3 // 4 for a, b in zip(targets, targets[1:]))
    # Timestamps still rise: each is above the median of the previous 11.
    stamps = [fast.block(n).timestamp for n in range(16)]
    assert all(b > sorted(stamps[max(0, i - 10):i + 1])[(min(i, 10)) // 2] for i, b in enumerate(stamps[1:]))
    assert fast.verify() == 15
    other = chain.Devnet(clock=lambda: now[0])
    for n in range(1, 16):
        other.import_block(fast.block_bytes(n))
    assert other.chain.head_hash == fast.chain.head_hash


def test_slow_blocks_ease_the_target_up_to_the_limit():
    t = [C.DEV_GENESIS_TIMESTAMP]

    def clock():
        t[0] += 10 * C.TARGET_BLOCK_TIME
        return t[0]
    slow = chain.Devnet(clock=clock)
    slow.mine(5)
    assert all(slow.block(n).target == C.POW_LIMIT for n in range(6))  # already the easiest allowed


def test_genesis_and_encodings_are_stable():
    """Golden values: a change here is a format change and needs a version bump (or, for the dev
    genesis alone, a deliberate change of what it holds: the predeployed market's code)."""
    net = chain.Devnet()
    k = net.accounts[0]
    assert k.address == chain.Address(hashlib.sha256(k.public_key).digest()[-20:])
    t = net.make_tx(k, net.accounts[1].address, 1)
    assert t.signing_bytes() == C.TX_SIGN_DOMAIN + pack(t.unsigned_fields())
    assert txmod.decode(t.encode()) == t
    assert net.block(0).hash == chain.Devnet().block(0).hash
    assert net.block(0).hash.hex() == "088543361199bb1643d852567662eaedc68d1f92c6ac999cbe9026daee1b11ce"
    # Ed25519 signatures are deterministic and the dev clock is virtual: block 1 is fixed too.
    assert t.hash.hex() == "221de4c612e6322c0dd3a771f46478b43ecb5d61718784d512baffc9b84165ae"
    net.send(t)
    assert net.block(1).hash.hex() == "0939e345d96ffe9b11e8102ed1570e8ff78d5bfa8e4712152adc714fb4841763"
    assert net.block(1).state_root.hex() == "e029c0ee0321517a555f1cc3466cd4ff14586fb0b04288c61781ba098ec196e5"


def test_contract_address_formula(net, asm):
    sender = net.accounts[2]
    nonce = net.nonce(sender.address)
    token = net.deploy(asm.token(), 1, sender=sender)
    assert token.address == chain.Address(hashlib.sha256(pack([bytes(sender.address), nonce])).digest()[-20:])


@pytest.mark.parametrize("data,reason", [
    (txmod.encode_deploy(b"not a code object", []), "invalid code"),
    (b"\x92\xc4\x01", "bad deployment data"),
    (pack(["x", []]), "bad deployment data"),
])
def test_bad_deployments_are_failed_receipts_not_invalid_blocks(net, data, reason):
    r = net.send(net.make_tx(0, None, 0, data, gas=200_000))
    assert r.status is False and r.reason.startswith(reason)
    assert r.contract_address is None
    assert net.nonce(net.accounts[0].address) == 1
    assert net.verify() == net.height


def test_call_data_to_a_plain_account_fails_in_the_receipt(net):
    r = net.send(net.make_tx(0, net.accounts[1].address, 5, txmod.encode_call("f", []), gas=50_000))
    assert r.status is False and r.reason == "no contract at the address"
    assert net.balance(net.accounts[1].address) == C.DEV_ACCOUNT_BALANCE


def test_signature_is_bound_to_the_chain_id(net):
    t = net.make_tx(0, net.accounts[1].address, 1)
    other_chain = C.ChainParams(chain_id=C.DEV_CHAIN_ID + 1, allocations=net.params.allocations)
    with pytest.raises(E.WrongChainId):
        from chain.rules import check_static
        check_static(t, other_chain)
    # Rewriting the chain id breaks the signature.
    forged = txmod.Transaction(*t.unsigned_fields()[:1], C.DEV_CHAIN_ID + 1, *[
        getattr(t, f) for f in ("nonce", "to", "value", "gas_limit", "gas_price", "data", "public_key",
                                "signature")])
    assert not chain.keys.verify(forged.public_key, forged.signing_bytes(), forged.signature)


def test_block_built_on_a_side_branch_by_hand_is_accepted():
    """import_block accepts a valid block whose parent is not the head (a fork), without switching."""
    net = chain.Devnet()
    net.transfer(0, net.accounts[1].address, 1)
    net.transfer(0, net.accounts[1].address, 2)
    g = net.chain.header(net.chain.canonical_hash(1))
    # An empty block on top of block 1 (beside block 2).
    from dataclasses import replace

    from chain.block import merkle_root
    from chain.execute import Executor

    ex = Executor(net.chain.state(g.state_root), net.params, 2, g.timestamp + C.TARGET_BLOCK_TIME, net.miner)
    res = ex.finish()
    header = replace(net.chain.head, prev_hash=g.hash, timestamp=g.timestamp + C.TARGET_BLOCK_TIME,
                     tx_root=merkle_root([]), receipts_root=merkle_root([]), state_root=res.state_root,
                     gas_used=0, reward=C.BLOCK_REWARD, target=net.chain.expected_target(g))
    net.chain.trie.discard_new()
    side = Block(mine(header), ())
    head = net.chain.head_hash
    net.import_block(side.encode())
    assert net.chain.head_hash == head  # equal work: the first seen stays
    assert not net.chain.is_canonical(side.hash)
    assert net.verify() == 2
