"""The pool's fee policy: blocks take the best gas price first with each sender's
nonces in order, and a full pool makes room by evicting its cheapest.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chain
from chain import consensus as C
from chain import errors as E
from chain import pool


def _order(net, info):
    return [net.tx(h) for h in info.transactions]


def test_a_block_takes_the_highest_gas_price_first_across_senders():
    net = chain.Devnet()
    to = net.accounts[9].address
    low = net.submit(net.make_tx(0, to, 1, gas_price=1))
    high = net.submit(net.make_tx(1, to, 1, gas_price=3))
    mid = net.submit(net.make_tx(2, to, 1, gas_price=2))
    (info,) = net.mine(1)
    assert list(info.transactions) == [high, mid, low]
    assert net.verify() == net.height


def test_a_later_nonce_paying_more_still_waits_for_its_predecessor():
    net = chain.Devnet()
    to = net.accounts[9].address
    a0 = net.submit(net.make_tx(0, to, 1, gas_price=1))
    a1 = net.submit(net.make_tx(0, to, 1, gas_price=10))
    b0 = net.submit(net.make_tx(1, to, 1, gas_price=5))
    (info,) = net.mine(1)
    # alice's nonce 1 pays most, but only alice's nonce 0 competes until it is in.
    assert list(info.transactions) == [b0, a0, a1]
    assert all(net.receipt(h).status for h in info.transactions)


def test_equal_prices_keep_arrival_order():
    net = chain.Devnet()
    to = net.accounts[9].address
    hashes = [net.submit(net.make_tx(who, to, 1, gas_price=7)) for who in (0, 1, 0, 2, 1)]
    (info,) = net.mine(1)
    assert list(info.transactions) == hashes


def test_a_full_pool_evicts_the_cheapest_and_its_senders_later_nonces(monkeypatch):
    net = chain.Devnet()
    to = net.accounts[9].address
    monkeypatch.setattr(pool, "MAX_PENDING", 3)
    a0 = net.submit(net.make_tx(0, to, 1, gas_price=1))
    a1 = net.submit(net.make_tx(0, to, 1, gas_price=4))  # can no longer be mined once nonce 0 is gone
    b0 = net.submit(net.make_tx(1, to, 1, gas_price=2))
    c0 = net.submit(net.make_tx(2, to, 1, gas_price=3))
    assert [t.hash for t in net.chain.pending()] == [b0, c0]
    assert net.tx(a0) is None and net.tx(a1) is None
    assert net.chain.next_nonce(net.accounts[0].address) == 0  # alice starts again from her head nonce
    again = net.submit(net.make_tx(0, to, 1, gas_price=5))
    (info,) = net.mine(1)
    assert list(info.transactions) == [again, c0, b0]
    assert net.verify() == net.height


def test_a_full_pool_refuses_what_does_not_pay_more_than_its_cheapest(monkeypatch):
    net = chain.Devnet()
    to = net.accounts[9].address
    monkeypatch.setattr(pool, "MAX_PENDING", 2)
    net.submit(net.make_tx(0, to, 1, gas_price=3))
    net.submit(net.make_tx(1, to, 1, gas_price=2))
    before = net.store.pending()
    for price in (1, 2):
        with pytest.raises(E.PoolFull, match=rf"pool full: gas price {price} does not beat the cheapest pending \(2\)$"):
            net.submit(net.make_tx(2, to, 1, gas_price=price))
        assert net.store.pending() == before
    net.submit(net.make_tx(2, to, 1, gas_price=3))
    assert [t.gas_price for t in net.chain.pending()] == [3, 3]


def test_a_sender_never_evicts_its_own_earlier_nonces(monkeypatch):
    net = chain.Devnet()
    to = net.accounts[9].address
    monkeypatch.setattr(pool, "MAX_PENDING", 2)
    a0 = net.submit(net.make_tx(0, to, 1, gas_price=1))  # the cheapest, but what alice's nonce 1 follows on from
    b0 = net.submit(net.make_tx(1, to, 1, gas_price=3))
    a1 = net.submit(net.make_tx(0, to, 1, gas_price=5))
    assert [t.hash for t in net.chain.pending()] == [a0, a1] and net.tx(b0) is None
    # A pool filled by one sender alone has nothing to evict for it.
    with pytest.raises(E.PoolFull, match="too many pending transactions"):
        net.submit(net.make_tx(0, to, 1, gas_price=9))
    (info,) = net.mine(1)
    assert list(info.transactions) == [a0, a1]


def test_a_pool_full_in_bytes_evicts_until_the_new_one_fits(monkeypatch):
    net = chain.Devnet()
    to = net.accounts[9].address
    small = [net.make_tx(who, to, 1, gas_price=1 + who) for who in range(3)]
    big = net.make_tx(5, to, 0, data=b"\x01" * 2000, gas=100_000, gas_price=9)
    total = sum(len(t.encode()) for t in small)
    # One byte short of room for `big` once the cheapest is gone: the two cheapest have to go.
    monkeypatch.setattr(pool, "MAX_PENDING_BYTES", total + len(big.encode()) - len(small[0].encode()) - 1)
    for t in small:
        net.submit(t)
    net.submit(big)
    assert [t.hash for t in net.chain.pending()] == [small[2].hash, big.hash]
    assert net.tx(small[0].hash) is None and net.tx(small[1].hash) is None


def test_eviction_is_durable_with_the_admission(tmp_path, monkeypatch):
    net = chain.Devnet(datadir=tmp_path)
    to = net.accounts[9].address
    monkeypatch.setattr(pool, "MAX_PENDING", 1)
    cheap = net.submit(net.make_tx(0, to, 1, gas_price=1))
    dear = net.submit(net.make_tx(1, to, 1, gas_price=2))
    net.close()
    again = chain.Devnet(datadir=tmp_path)
    assert [t.hash for t in again.chain.pending()] == [dear] and again.tx(cheap) is None
    again.close()


SUBMISSIONS = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 5),
                                 st.sampled_from([None, 10_000_000, 20_000_000, 29_000_000])),
                       min_size=1, max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SUBMISSIONS)
def test_a_built_block_never_skips_a_nonce_nor_exceeds_the_gas_limit(subs):
    """Whatever prices and gas limits are pending: each block holds each sender's next nonces without a gap,
    within the gas limit, and mining empties the pool."""
    net = chain.Devnet()
    to = net.accounts[9].address
    for who, price, gas in subs:
        net.submit(net.make_tx(who, to, 1, gas=gas, gas_price=price))
    nonces = {}
    while net.chain.pending():
        (info,) = net.mine(1)
        assert info.transactions, "a block with pending transactions that could run took none"
        assert info.gas_used <= C.BLOCK_GAS_LIMIT
        used = 0
        for t in _order(net, info):
            assert used + t.gas_limit <= C.BLOCK_GAS_LIMIT  # each one's gas limit fitted when it ran
            used += net.receipt(t.hash).gas_used
            assert t.nonce == nonces.get(t.sender, 0)
            nonces[t.sender] = t.nonce + 1
    assert net.verify() == net.height
