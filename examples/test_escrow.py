"""The escrow example: release, refund after the deadline, disputes, and who may do what."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

PRICE = 5_000
DURATION = 8
FUNDED, DISPUTED, RELEASED, REFUNDED, RESOLVED = range(5)


@pytest.fixture
def parties(net):
    buyer, seller, arbiter, outsider = net.accounts[1], net.accounts[2], net.accounts[3], net.accounts[9]
    return buyer, seller, arbiter, outsider


@pytest.fixture
def escrow(net, artifact, parties):
    buyer, seller, arbiter, _ = parties
    return net.deploy(artifact("escrow"), seller.address, arbiter.address, DURATION, sender=buyer, value=PRICE)


def test_deployment_locks_the_payment(net, escrow, parties):
    buyer, seller, arbiter, _ = parties
    assert net.balance(escrow.address) == PRICE
    assert escrow.get_amount() == PRICE
    assert escrow.get_state() == FUNDED
    assert tuple(escrow.parties()) == (buyer.address, seller.address, arbiter.address)


def test_release_pays_the_seller_once(net, escrow, parties):
    buyer, seller, arbiter, outsider = parties
    for who in (seller, arbiter, outsider):
        with reverts("only the buyer can release"):
            escrow.release(sender=who)
    before = net.balance(seller.address)
    r = escrow.release(sender=buyer)
    assert r.logs[0].args == {"seller": seller.address, "amount": PRICE}
    assert net.balance(seller.address) == before + PRICE
    assert net.balance(escrow.address) == 0
    with reverts("not releasable"):
        escrow.release(sender=buyer)
    with reverts("not refundable"):
        escrow.refund(sender=seller)
    assert escrow.get_state() == RELEASED


def test_the_buyer_is_refunded_only_after_the_deadline(net, escrow, parties, advance):
    buyer, seller, _, outsider = parties
    with reverts("deadline not reached"):
        escrow.refund(sender=buyer)
    with reverts("only the buyer or the seller can refund"):
        escrow.refund(sender=outsider)
    advance(net, escrow.get_deadline() - net.height)  # the next transaction runs past it
    with reverts("deadline passed"):
        escrow.dispute(sender=seller)  # too late to dispute
    r = escrow.refund(sender=buyer)
    assert r.logs[0].args == {"buyer": buyer.address, "amount": PRICE}
    assert net.balance(escrow.address) == 0
    with reverts("not refundable"):
        escrow.refund(sender=buyer)
    assert escrow.get_state() == REFUNDED


def test_the_seller_may_refund_at_any_time(net, escrow, parties):
    buyer, seller, _, _ = parties
    before = net.balance(buyer.address)
    escrow.refund(sender=seller)
    assert net.balance(buyer.address) == before + PRICE


def test_the_arbiter_splits_a_dispute(net, escrow, parties):
    buyer, seller, arbiter, outsider = parties
    with reverts("no dispute to resolve"):
        escrow.resolve(PRICE, sender=arbiter)
    with reverts("only the buyer or the seller can dispute"):
        escrow.dispute(sender=arbiter)
    r = escrow.dispute(sender=seller)
    assert r.logs[0].args == {"party": seller.address}
    # While disputed, neither side can settle alone.
    with reverts("not releasable"):
        escrow.release(sender=buyer)
    with reverts("not refundable"):
        escrow.refund(sender=seller)
    with reverts("only the arbiter can resolve"):
        escrow.resolve(PRICE, sender=seller)
    for bad in (-1, PRICE + 1):
        with reverts("split out of range"):
            escrow.resolve(bad, sender=arbiter)
    b0, s0 = net.balance(buyer.address), net.balance(seller.address)
    r = escrow.resolve(3_000, sender=arbiter)
    assert r.logs[0].args == {"seller_amount": 3_000, "buyer_amount": 2_000}
    assert net.balance(seller.address) == s0 + 3_000
    assert net.balance(buyer.address) == b0 + 2_000
    assert net.balance(escrow.address) == 0
    with reverts("no dispute to resolve"):
        escrow.resolve(0, sender=arbiter)  # decided once
    assert escrow.get_state() == RESOLVED


def test_value_sent_to_a_non_payable_function_is_refused(net, escrow, parties):
    buyer = parties[0]
    with reverts("not payable"):
        escrow.dispute(sender=buyer, value=10)
    assert net.balance(escrow.address) == PRICE
    assert escrow.get_state() == FUNDED


def test_bad_deployments_are_refused(net, artifact, parties):
    buyer, seller, arbiter, _ = parties
    art = artifact("escrow")
    with reverts("escrow needs a payment"):
        net.deploy(art, seller.address, arbiter.address, DURATION, sender=buyer)
    with reverts("buyer and seller must differ"):
        net.deploy(art, buyer.address, arbiter.address, DURATION, sender=buyer, value=1)
    with reverts("the arbiter must be a third party"):
        net.deploy(art, seller.address, seller.address, DURATION, sender=buyer, value=1)
    with reverts("duration must be positive"):
        net.deploy(art, seller.address, arbiter.address, 0, sender=buyer, value=1)


# Whoever tries whatever, in any order, the escrow settles at most once and
# pays out exactly the amount it holds, to the people the rules allow.
ACTIONS = ["release", "refund", "dispute", "resolve", "wait"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 3), st.integers(0, PRICE)), max_size=8))
def test_the_escrow_pays_out_exactly_once(artifact, steps):
    net = obelisk.Devnet()
    buyer, seller, arbiter, outsider = net.accounts[1], net.accounts[2], net.accounts[3], net.accounts[9]
    people = [buyer, seller, arbiter, outsider]
    escrow = net.deploy(artifact("escrow"), seller.address, arbiter.address, 4, sender=buyer, value=PRICE)
    settled = []
    for action, who, split in steps:
        if action == "wait":
            net.mine(2)
            continue
        args = (split,) if action == "resolve" else ()
        try:
            r = getattr(escrow, action)(*args, sender=people[who])
        except obelisk.Reverted:
            continue
        settled += [e.name for e in r.logs if e.name in ("Released", "Refunded", "Resolved")]
        # Who may do what: only the rules' parties ever succeed.
        allowed = {"release": {0}, "refund": {0, 1}, "dispute": {0, 1}, "resolve": {2}}[action]
        assert who in allowed, (action, who)
    assert len(settled) <= 1
    state = escrow.get_state()
    assert net.balance(escrow.address) == (PRICE if state in (FUNDED, DISPUTED) else 0)
    assert (state in (RELEASED, REFUNDED, RESOLVED)) == (len(settled) == 1)
