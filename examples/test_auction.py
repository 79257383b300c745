"""The auction example: bids, refunds by withdrawal, the end, and the attacks on them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

DURATION = 10


@pytest.fixture
def auction(net, artifact):
    seller, beneficiary = net.accounts[0], net.accounts[5]
    return net.deploy(artifact("auction"), beneficiary.address, DURATION, sender=seller)


def test_higher_bids_replace_lower_ones_and_credit_the_outbid(net, auction):
    a, b = net.accounts[1], net.accounts[2]
    r = auction.bid(sender=a, value=100)
    assert r.logs[0].args == {"bidder": a.address, "amount": 100}
    with reverts("there already is a higher bid"):
        auction.bid(sender=b, value=100)
    auction.bid(sender=b, value=150)
    auction.bid(sender=a, value=200)
    assert auction.get_highest_bidder() == a.address
    assert auction.get_highest_bid() == 200
    assert auction.pending(a.address) == 100
    assert auction.pending(b.address) == 150
    assert net.balance(auction.address) == 450


def test_a_bid_without_coin_is_refused(net, auction):
    with reverts("there already is a higher bid"):
        auction.bid(sender=net.accounts[1])


def test_withdraw_pays_once(net, auction):
    a, b = net.accounts[1], net.accounts[2]
    auction.bid(sender=a, value=100)
    auction.bid(sender=b, value=150)
    before = net.balance(a.address)
    r = auction.withdraw(sender=a)
    assert r.value == 100
    assert r.logs[0].args == {"bidder": a.address, "amount": 100}
    assert net.balance(a.address) == before + 100 - r.gas_used * net.tx(r.tx_hash).gas_price
    assert net.balance(auction.address) == 150
    with reverts("nothing to withdraw"):
        auction.withdraw(sender=a)  # the second withdrawal gets nothing
    with reverts("nothing to withdraw"):
        auction.withdraw(sender=b)  # the highest bid is not refundable
    assert net.balance(auction.address) == 150


def test_value_sent_to_withdraw_is_refused(net, auction):
    a, b = net.accounts[1], net.accounts[2]
    auction.bid(sender=a, value=100)
    auction.bid(sender=b, value=150)
    with reverts("not payable"):
        auction.withdraw(sender=a, value=1)
    assert auction.pending(a.address) == 100


def test_the_end_pays_the_beneficiary_once(net, auction, advance):
    a, b, beneficiary, anyone = net.accounts[1], net.accounts[2], net.accounts[5], net.accounts[6]
    auction.bid(sender=a, value=100)
    auction.bid(sender=b, value=150)
    with reverts("auction not yet ended"):
        auction.end(sender=anyone)
    # A transaction runs in the next block (net.height + 1): this bid lands in the end block.
    advance(net, auction.get_end_block() - net.height - 1)
    auction.bid(sender=a, value=300)  # the last block of the auction still takes bids
    with reverts("auction already ended"):
        auction.bid(sender=b, value=1_000)  # now past the end block
    before = net.balance(beneficiary.address)
    r = auction.end(sender=anyone)
    assert r.logs[0].args == {"winner": a.address, "amount": 300}
    assert net.balance(beneficiary.address) == before + 300
    with reverts("auction already ended"):
        auction.end(sender=anyone)
    assert net.balance(beneficiary.address) == before + 300
    assert auction.is_ended() is True
    # The losers still take their coin back after the end; then the auction is empty.
    auction.withdraw(sender=a)
    auction.withdraw(sender=b)
    assert net.balance(auction.address) == 0


def test_an_auction_without_bids_ends_quietly(net, auction, advance):
    beneficiary = net.accounts[5]
    before = net.balance(beneficiary.address)
    advance(net, DURATION + 1)
    r = auction.end(sender=net.accounts[6])
    assert r.logs[0].args["amount"] == 0
    assert net.balance(beneficiary.address) == before


def test_bad_deployments_are_refused(net, artifact):
    with reverts("zero address"):
        net.deploy(artifact("auction"), obelisk.Address(0), DURATION)
    with reverts("duration must be positive"):
        net.deploy(artifact("auction"), net.accounts[5].address, 0)


def test_paying_a_contract_runs_none_of_its_code(net, artifact, advance):
    # The beneficiary is a contract: end() pays it with transfer(), which runs
    # no code at the receiver, so a payment can never call back into the auction.
    receiver = net.deploy(artifact("adversaries", "PoliteReceiver"))
    auction = net.deploy(artifact("auction"), receiver.address, 2, sender=net.accounts[0])
    auction.bid(sender=net.accounts[1], value=77)
    advance(net, 2)
    auction.end(sender=net.accounts[2])
    assert net.balance(receiver.address) == 77
    assert receiver.total_received() == 0


# Whatever the bids, the auction always holds exactly the highest bid plus
# every credit, and in the end pays out exactly what came in: the winner's
# bid to the beneficiary, every other bid back to its bidder.
@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 400)), max_size=8))
def test_every_coin_bid_is_paid_out_once(artifact, bids):
    net = obelisk.Devnet()
    beneficiary = net.accounts[5]
    auction = net.deploy(artifact("auction"), beneficiary.address, 50, sender=net.accounts[0])
    highest, bidder_of_highest, paid_in = 0, None, {i: 0 for i in range(1, 5)}
    for who, amount in bids:
        try:
            auction.bid(sender=net.accounts[who], value=amount)
        except obelisk.Reverted as e:
            assert amount <= highest and e.reason == "there already is a higher bid"
            continue
        assert amount > highest
        highest, bidder_of_highest = amount, who
        paid_in[who] += amount
        credits = sum(auction.pending(net.accounts[i].address) for i in range(1, 5))
        assert net.balance(auction.address) == highest + credits
    advance_to = auction.get_end_block() - net.height
    net.mine(max(advance_to, 0))
    before = net.balance(beneficiary.address)
    auction.end(sender=net.accounts[6])
    assert net.balance(beneficiary.address) == before + highest
    for i in range(1, 5):
        refund = paid_in[i] - (highest if i == bidder_of_highest else 0)
        assert auction.pending(net.accounts[i].address) == refund
        if refund:
            assert auction.withdraw(sender=net.accounts[i]).value == refund
    assert net.balance(auction.address) == 0
