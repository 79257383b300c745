"""The pending pool after the head moves: stale and conflicting transactions never leave a sender stuck.

A block from elsewhere (or a reorganisation) can spend a nonce that a pending
transaction also uses, or make a pending transaction invalid in the middle of
a sender's queue. The sender must still be able to send, and what it sends
must be mined.
"""
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import chain
from chain import pool
from chain import errors as E


def test_a_foreign_block_spending_a_pending_nonce_does_not_block_the_sender():
    a, b = chain.Devnet(), chain.Devnet()
    alice, bob = a.accounts[0], a.accounts[1]
    stale = a.submit(a.make_tx(alice, bob.address, 5))  # nonce 0, pending on a
    b.transfer(alice, bob.address, 7)  # another nonce-0 transaction, mined on b
    a.import_block(b.block_bytes(1))
    # The pending transaction can never be mined now: it leaves the pool at once.
    assert a.tx(stale) is None and a.chain.pending() == []
    assert a.chain.next_nonce(alice.address) == 1
    r = a.transfer(alice, bob.address, 1)
    assert r.status and a.nonce(alice.address) == 2
    r = a.transfer(alice, bob.address, 1)
    assert r.status and a.nonce(alice.address) == 3
    assert a.verify() == a.height


def test_a_gap_left_by_a_dropped_transaction_can_be_filled():
    a, b = chain.Devnet(), chain.Devnet()
    alice, bob, carol = a.accounts[0], a.accounts[1], a.accounts[2]
    everything = a.balance(alice.address)
    h0 = a.submit(a.make_tx(alice, bob.address, 1))  # nonce 0
    h1 = a.submit(a.make_tx(alice, bob.address, 1))  # nonce 1
    h2 = a.submit(a.make_tx(alice, bob.address, 1))  # nonce 2
    # Elsewhere alice's nonce 0 sends (nearly) everything away: on a, nonce 0 is
    # stale and nonce 1 is short of funds, but nonce 2 would be fine.
    b.transfer(alice, carol.address, everything - 2_000 - 1)
    a.import_block(b.block_bytes(1))
    assert a.tx(h0) is None
    a.mine(1)  # nonce 1 is dropped (no funds); nonce 2 waits for its predecessor
    assert a.tx(h1) is None and a.tx(h2).block_number is None
    a.transfer(carol, alice.address, 10**20)  # alice is funded again
    assert a.chain.next_nonce(alice.address) == 1  # the gap is the next nonce
    h1b = a.submit(a.make_tx(alice, bob.address, 3))
    a.mine(1)  # the new nonce 1 and then the waiting nonce 2, in one block
    assert a.receipt(h1b).status and a.receipt(h2).status
    assert a.receipt(h1b).block_number == a.receipt(h2).block_number
    assert a.nonce(alice.address) == 3
    assert a.verify() == a.height


def test_later_nonces_that_arrived_first_go_into_the_same_block():
    net = chain.Devnet()
    alice, bob = net.accounts[0], net.accounts[1]
    t0 = net.make_tx(alice, bob.address, 1, nonce=0)
    t1 = net.make_tx(alice, bob.address, 1, nonce=1)
    net.submit(t0)
    net.submit(t1)
    # Reorder the pool as a reorganisation can leave it: nonce 1 before nonce 0.
    net.store.begin()
    net.store.remove_pending([t0.hash])
    net.store.add_pending(t0.hash, t0.encode())
    net.store.commit()
    net.chain.pool.invalidate()
    assert [t.nonce for t in net.chain.pending()] == [1, 0]
    (info,) = net.mine(1)
    assert set(info.transactions) == {t0.hash, t1.hash}
    assert net.chain.pending() == []


def test_the_pool_is_bounded_in_bytes(monkeypatch):
    net = chain.Devnet()
    alice, bob = net.accounts[0], net.accounts[1]
    big = net.make_tx(alice, bob.address, 0, data=b"\x00" * 1000, gas=100_000)
    monkeypatch.setattr(pool, "MAX_PENDING_BYTES", 3 * len(big.encode()))
    for _ in range(3):
        net.submit(net.make_tx(alice, bob.address, 0, data=b"\x00" * 1000, gas=100_000))
    before = net.store.pending()
    with pytest.raises(E.PoolFull):
        net.submit(net.make_tx(alice, bob.address, 0, data=b"\x00" * 1000, gas=100_000))
    assert net.store.pending() == before
    net.mine(1)  # room again
    net.submit(net.make_tx(alice, bob.address, 0, data=b"\x00" * 1000, gas=100_000))


def test_two_handles_on_one_data_directory_see_each_others_pending_transactions(tmp_path):
    a = chain.Devnet(datadir=tmp_path)
    b = chain.Devnet(datadir=tmp_path)  # another process (the CLI) on the same data directory
    alice, bob = a.accounts[0], a.accounts[1]
    assert b.chain.pending() == []  # b has read (and keeps) the pool
    a.submit(a.make_tx(alice, bob.address, 1))
    t = b.make_tx(alice, bob.address, 2)
    assert t.nonce == 1
    b.submit(t)
    # A nonce taken meanwhile by the other handle is refused, not queued twice.
    stale = a.make_tx(alice, bob.address, 3, nonce=1)
    with pytest.raises(E.ReplacementUnderpriced):
        a.submit(stale)
    a.mine(1)
    assert a.nonce(alice.address) == 2 and b.chain.pending() == []
    a.close()
    b.close()


def test_send_mines_until_its_transaction_is_in_even_behind_full_blocks(asm):
    net = chain.Devnet()
    spin = net.deploy(asm.spin())
    data = chain.tx.encode_call("loop", [])
    for sender in (1, 2):  # two calls that burn 15M gas each fill the next block
        net.submit(net.make_tx(sender, spin.address, 0, data, gas=15_000_000))
    r = net.transfer(0, net.accounts[3].address, 5)
    assert r.status and net.balance(net.accounts[3].address) == 10**24 + 5
    assert r.block_number == net.height and net.block(net.height - 1).gas_used == 30_000_000


def test_a_deep_reorganisation_refills_the_pool_only_up_to_its_bounds(monkeypatch):
    a, b = chain.Devnet(), chain.Devnet()
    for _ in range(5):
        a.transfer(0, a.accounts[5].address, 1)
    for _ in range(6):
        b.transfer(1, b.accounts[6].address, 1)
    monkeypatch.setattr(pool, "MAX_PENDING", 3)
    for n in range(1, b.height + 1):
        a.import_block(b.block_bytes(n))
    assert a.chain.head_hash == b.chain.head_hash
    # The three oldest of a's orphaned transfers came back, in nonce order.
    assert [t.nonce for t in a.chain.pending()] == [0, 1, 2]
    a.mine(1)
    assert a.nonce(a.accounts[0].address) == 3 and a.verify() == a.height


OPS = st.lists(st.tuples(st.sampled_from(["submit_a", "submit_b", "mine_a", "mine_b", "sync_ab", "sync_ba"]),
                         st.integers(0, 2), st.integers(0, 3)), min_size=1, max_size=25)


def _sync(dst, src):
    for n in range(1, src.height + 1):
        try:
            dst.import_block(src.block_bytes(n))
        except E.KnownBlock:
            pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
# Found by this property before the pool counted only live nonces: b's pending
# nonce 0 goes stale when a's block arrives, and b's sender was stuck for good.
@example([("submit_a", 0, 0), ("submit_b", 0, 1), ("mine_a", 0, 0), ("sync_ba", 0, 0)])
def test_two_nodes_exchanging_blocks_never_leave_a_sender_stuck(ops):
    """Whatever mix of submissions, mining and block exchange: every sender can still send, and both chains verify."""
    a, b = chain.Devnet(), chain.Devnet()
    for op, who, amount in ops:
        net = a if op.endswith("_a") or op == "sync_ab" else b
        if op.startswith("submit"):
            net.submit(net.make_tx(who, net.accounts[5].address, amount))
        elif op.startswith("mine"):
            net.mine(1)
        elif op == "sync_ab":
            _sync(a, b)
        else:
            _sync(b, a)
    for net in (a, b):
        for who in range(3):
            r = net.transfer(who, net.accounts[6].address, 1)
            assert r.status
        assert net.chain.pending() == []
        assert net.verify() == net.height


def test_a_pending_transaction_is_replaced_only_for_a_higher_price():
    net = chain.Devnet()
    alice, bob, carol = net.accounts[0], net.accounts[1], net.accounts[2]
    first = net.submit(net.make_tx(alice, bob.address, 5, gas_price=100))
    later = net.submit(net.make_tx(alice, bob.address, 6, gas_price=100))  # nonce 1 stays
    before = net.store.pending()
    for price in (100, 109):  # the same price, or under +10%: refused, the pool unchanged
        with pytest.raises(E.ReplacementUnderpriced):
            net.submit(net.make_tx(alice, carol.address, 5, gas_price=price, nonce=0))
    assert net.store.pending() == before
    new = net.submit(net.make_tx(alice, carol.address, 7, gas_price=110, nonce=0))
    assert net.tx(first) is None and net.tx(new).nonce == 0
    net.mine(1)
    assert net.receipt(new).status and net.receipt(later).status
    assert net.balance(carol.address) == 10**24 + 7 and net.nonce(alice.address) == 2
    assert net.verify() == net.height


def test_a_submission_refused_for_a_cheap_reason_costs_no_signature_check(monkeypatch):
    from chain import rules

    net = chain.Devnet()
    alice, bob = net.accounts[0], net.accounts[1]
    stranger = chain.PrivateKey(bytes(range(32)))  # no coin
    refused = [
        (net.make_tx(alice, bob.address, 1, nonce=5), E.BadNonce),
        (chain.tx.Transaction(1, 1337, 0, bob.address, 1, 2000, 1, b"", stranger.public_key).signed(stranger),
         E.InsufficientFunds),
        (net.make_tx(alice, bob.address, 10**25), E.InsufficientFunds),
    ]
    checks = []
    real = rules.keys.verify
    monkeypatch.setattr(rules.keys, "verify", lambda *a: checks.append(1) or real(*a))
    rules.clear_signature_cache()
    for t, error in refused:
        with pytest.raises(error):
            net.submit(t)
    assert checks == []
