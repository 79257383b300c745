"""The multisig example: M-of-N confirmation, revocation, execute-once, and owner checks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

FUNDS = 10_000


def packed(accounts):
    return b"".join(bytes(a.address) for a in accounts)


@pytest.fixture
def owners(net):
    return net.accounts[1:4]


@pytest.fixture
def wallet(net, artifact, owners):
    return net.deploy(artifact("multisig"), packed(owners), 2, sender=owners[0], value=FUNDS)


def test_deployment_records_owners_and_funds(net, wallet, owners):
    assert wallet.owner_count() == 3
    assert [wallet.owner_at(i) for i in range(3)] == [o.address for o in owners]
    assert wallet.get_threshold() == 2
    assert wallet.check_owner(net.accounts[9].address) is False
    assert net.balance(wallet.address) == FUNDS


def test_two_of_three_send_coin_exactly_once(net, wallet, owners):
    payee = net.accounts[8]
    r = wallet.submit(payee.address, 1_500, sender=owners[0])
    pid = r.value
    assert [e.name for e in r.logs] == ["Submitted", "Confirmed"]
    with reverts("not enough confirmations"):
        wallet.execute(pid, sender=owners[0])
    with reverts("already confirmed"):
        wallet.confirm(pid, sender=owners[0])
    wallet.confirm(pid, sender=owners[2])
    before = net.balance(payee.address)
    r = wallet.execute(pid, sender=owners[1])
    assert r.logs[0].args == {"id": pid, "to": payee.address, "amount": 1_500}
    assert net.balance(payee.address) == before + 1_500
    assert net.balance(wallet.address) == FUNDS - 1_500
    with reverts("already executed"):
        wallet.execute(pid, sender=owners[2])
    with reverts("already executed"):
        wallet.revoke(pid, sender=owners[0])
    assert net.balance(payee.address) == before + 1_500


def test_outsiders_can_do_nothing(net, wallet, owners):
    mallory = net.accounts[9]
    with reverts("not an owner"):
        wallet.submit(mallory.address, 1, sender=mallory)
    pid = wallet.submit(mallory.address, 1, sender=owners[0]).value
    with reverts("not an owner"):
        wallet.confirm(pid, sender=mallory)
    with reverts("not an owner"):
        wallet.execute(pid, sender=mallory)
    with reverts("no such proposal"):
        wallet.confirm(pid + 1, sender=owners[1])


def test_a_revoked_confirmation_no_longer_counts(net, wallet, owners):
    pid = wallet.submit(net.accounts[8].address, 10, sender=owners[0]).value
    wallet.confirm(pid, sender=owners[1])
    r = wallet.revoke(pid, sender=owners[1])
    assert r.logs[0].args == {"id": pid, "owner": owners[1].address, "confirmations": 1}
    with reverts("not confirmed"):
        wallet.revoke(pid, sender=owners[1])
    with reverts("not enough confirmations"):
        wallet.execute(pid, sender=owners[0])
    assert wallet.is_confirmed(pid, owners[1].address) is False


def test_a_short_wallet_fails_cleanly_and_can_retry_after_a_deposit(net, wallet, owners):
    payee = net.accounts[8]
    pid = wallet.submit(payee.address, FUNDS + 1, sender=owners[0]).value
    wallet.confirm(pid, sender=owners[1])
    with pytest.raises(obelisk.Reverted):
        wallet.execute(pid, sender=owners[0])
    assert wallet.proposal(pid)[4] is False  # not marked executed: the revert undid it
    r = wallet.deposit(sender=net.accounts[7], value=1)
    assert r.logs[0].args == {"sender": net.accounts[7].address, "amount": 1}
    before = net.balance(payee.address)
    wallet.execute(pid, sender=owners[0])
    assert net.balance(payee.address) == before + FUNDS + 1
    assert net.balance(wallet.address) == 0


def test_value_sent_to_a_non_payable_function_is_refused(net, wallet, owners):
    with reverts("not payable"):
        wallet.submit(net.accounts[8].address, 1, sender=owners[0], value=1)
    assert wallet.proposal_count() == 0
    with reverts("nothing deposited"):
        wallet.deposit(sender=owners[0])


@pytest.mark.parametrize("who, threshold, reason", [
    ([], 1, "no owners"),
    ([1, 2, 1], 2, "duplicate owner"),
    ([1, 2, 3], 0, "threshold out of range"),
    ([1, 2, 3], 4, "threshold out of range"),
])
def test_bad_owner_sets_are_refused(net, artifact, who, threshold, reason):
    with reverts(reason):
        net.deploy(artifact("multisig"), packed([net.accounts[i] for i in who]), threshold)


def test_owner_bytes_must_hold_whole_addresses(net, artifact):
    with reverts("not a list of addresses"):
        net.deploy(artifact("multisig"), packed(net.accounts[1:3]) + b"\x01", 1)
    with reverts("zero address"):
        net.deploy(artifact("multisig"), bytes(20), 1)
    with reverts("too many owners"):
        net.deploy(artifact("multisig"), b"".join(i.to_bytes(20, "big") for i in range(1, 18)), 1)


# Any sequence of confirmations, revocations and executions by owners and
# outsiders: a proposal executes at most once, only with enough confirmations
# at that moment, and the wallet's coin moves exactly when it does.
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["confirm", "revoke", "execute"]), st.integers(0, 3)), max_size=10))
def test_execution_needs_the_threshold_and_happens_once(artifact, steps):
    net = obelisk.Devnet()
    owners = net.accounts[1:4]
    wallet = net.deploy(artifact("multisig"), packed(owners), 2, sender=owners[0], value=FUNDS)
    payee = net.accounts[8]
    pid = wallet.submit(payee.address, 700, sender=owners[0]).value
    people = owners + [net.accounts[9]]
    confirmed = {0}  # the submitter's confirmation
    executed = False
    for action, who in steps:
        try:
            getattr(wallet, action)(pid, sender=people[who])
        except obelisk.Reverted:
            ok = False
        else:
            ok = True
        is_owner = who < 3
        if action == "confirm":
            assert ok == (is_owner and not executed and who not in confirmed)
            confirmed |= {who} if ok else set()
        elif action == "revoke":
            assert ok == (is_owner and not executed and who in confirmed)
            confirmed -= {who} if ok else set()
        else:
            assert ok == (is_owner and not executed and len(confirmed) >= 2)
            executed = executed or ok
        assert wallet.proposal(pid)[3] == len(confirmed)
        assert net.balance(wallet.address) == FUNDS - (700 if executed else 0)
