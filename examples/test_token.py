"""The token example: supply, transfers, allowances, ownership, and the attacks on them."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

SUPPLY = 1_000
TOKEN_PATH = Path(__file__).resolve().parent / "token.contract"


@pytest.fixture
def setup(net, artifact):
    alice, bob, carol = net.accounts[0], net.accounts[1], net.accounts[2]
    token = net.deploy(artifact("token"), SUPPLY, sender=alice)
    return net, token, alice, bob, carol


def test_deployment_gives_the_supply_to_the_deployer(setup):
    net, token, alice, bob, _ = setup
    assert token.name() == "Obelisk Credit"
    assert token.symbol() == "OBC"
    assert token.supply() == SUPPLY
    assert token.balance_of(alice.address) == SUPPLY
    assert token.balance_of(bob.address) == 0
    assert token.get_owner() == alice.address


def test_transfer_moves_tokens_and_logs_it(setup, events):
    net, token, alice, bob, _ = setup
    r = token.transfer(bob.address, 250, sender=alice)
    assert r.status is True and r.value is True
    assert r.logs == [obelisk.Event(address=token.address, name="Transfer",
                                  args={"sender": alice.address, "receiver": bob.address, "amount": 250})]
    assert token.balance_of(alice.address) == 750
    assert token.balance_of(bob.address) == 250


@pytest.mark.parametrize("amount, reason", [
    (1_001, "insufficient balance"),
    (0, "amount must be positive"),
    (-5, "amount must be positive"),  # a negative transfer must not pull tokens the other way
])
def test_bad_transfers_revert_and_change_nothing(setup, amount, reason):
    net, token, alice, bob, _ = setup
    with reverts(reason) as info:
        token.transfer(bob.address, amount, sender=alice)
    assert info.value.location.startswith(str(TOKEN_PATH) + ":")
    assert token.balance_of(alice.address) == SUPPLY
    assert token.balance_of(bob.address) == 0


def test_transfer_to_the_zero_address_is_refused(setup):
    net, token, alice, _, _ = setup
    with reverts("zero address"):
        token.transfer(obelisk.Address(b"\x00" * 20), 1, sender=alice)


def test_only_the_owner_mints(setup):
    net, token, alice, bob, _ = setup
    with reverts("caller is not the owner"):
        token.mint(bob.address, 10**6, sender=bob)
    r = token.mint(bob.address, 500, sender=alice)
    assert [(e.name, e.args["amount"]) for e in r.logs] == [("Transfer", 500)]
    assert token.supply() == SUPPLY + 500
    assert token.balance_of(bob.address) == 500
    with reverts("amount must be positive"):
        token.mint(bob.address, -1, sender=alice)


def test_burn_destroys_only_your_own_tokens(setup):
    net, token, alice, bob, _ = setup
    token.transfer(bob.address, 100, sender=alice)
    r = token.burn(40, sender=bob)
    assert r.logs[0].args == {"sender": bob.address, "receiver": obelisk.Address(b"\x00" * 20), "amount": 40}
    assert token.balance_of(bob.address) == 60
    assert token.supply() == SUPPLY - 40
    with reverts("insufficient balance"):
        token.burn(61, sender=bob)
    with reverts("amount must be positive"):
        token.burn(-100, sender=bob)  # burning a negative amount would mint
    assert token.supply() == SUPPLY - 40


def test_allowances_are_spent_and_cannot_be_overspent(setup):
    net, token, alice, bob, carol = setup
    r = token.approve(bob.address, 300, sender=alice)
    assert r.logs[0].name == "Approval"
    assert r.logs[0].args == {"holder": alice.address, "spender": bob.address, "amount": 300}
    assert token.allowance(alice.address, bob.address) == 300

    token.transfer_from(alice.address, carol.address, 200, sender=bob)
    assert token.allowance(alice.address, bob.address) == 100
    assert token.balance_of(carol.address) == 200

    # Spending the same allowance twice: the second time only 100 is left.
    with reverts("allowance exceeded"):
        token.transfer_from(alice.address, carol.address, 200, sender=bob)
    # Carol was never approved at all.
    with reverts("allowance exceeded"):
        token.transfer_from(alice.address, carol.address, 1, sender=carol)
    # A negative amount would raise the allowance and reverse the transfer.
    with reverts("amount must be positive"):
        token.transfer_from(alice.address, bob.address, -50, sender=bob)
    with reverts("amount must not be negative"):
        token.approve(bob.address, -1, sender=alice)
    assert token.allowance(alice.address, bob.address) == 100
    assert token.balance_of(alice.address) == SUPPLY - 200


def test_allowance_larger_than_balance_still_needs_the_balance(setup):
    net, token, alice, bob, carol = setup
    token.transfer(bob.address, 10, sender=alice)
    token.approve(carol.address, 1_000, sender=bob)
    with reverts("insufficient balance"):
        token.transfer_from(bob.address, carol.address, 11, sender=carol)
    assert token.allowance(bob.address, carol.address) == 1_000  # the revert undid the spend


def test_ownership_moves_and_the_old_owner_loses_it(setup):
    net, token, alice, bob, _ = setup
    with reverts("caller is not the owner"):
        token.transfer_ownership(bob.address, sender=bob)
    r = token.transfer_ownership(bob.address, sender=alice)
    assert r.logs[0].args == {"previous_owner": alice.address, "new_owner": bob.address}
    assert token.get_owner() == bob.address
    with reverts("caller is not the owner"):
        token.mint(alice.address, 1, sender=alice)
    token.mint(alice.address, 1, sender=bob)


def test_value_sent_to_a_non_payable_function_is_refused(setup):
    net, token, alice, bob, _ = setup
    with reverts("not payable"):
        token.transfer(bob.address, 1, sender=alice, value=5)
    assert net.balance(token.address) == 0
    assert token.balance_of(bob.address) == 0


def test_transfer_and_call_notifies_a_willing_receiver(setup, artifact):
    net, token, alice, _, _ = setup
    receiver = net.deploy(artifact("adversaries", "PoliteReceiver"), sender=alice)
    token.transfer_and_call(receiver.address, 70, b"order #7", sender=alice)
    assert token.balance_of(receiver.address) == 70
    assert receiver.total_received() == 70
    assert receiver.last_delivery_sender() == alice.address
    assert receiver.last_delivery_data() == b"order #7"


def test_a_refusing_receiver_undoes_the_transfer(setup, artifact):
    net, token, alice, _, _ = setup
    receiver = net.deploy(artifact("adversaries", "RefusingReceiver"), sender=alice)
    with reverts("receiver refused the tokens"):
        token.transfer_and_call(receiver.address, 70, b"", sender=alice)
    assert token.balance_of(receiver.address) == 0
    assert token.balance_of(alice.address) == SUPPLY


def test_a_receiver_that_reenters_the_token_is_stopped(setup, artifact):
    net, token, alice, _, carol = setup
    thief = net.deploy(artifact("adversaries", "GreedyReceiver"), carol.address, sender=carol)
    with reverts("reentrancy") as info:
        token.transfer_and_call(thief.address, 70, b"", sender=alice)
    assert info.value.receipt.status is False
    # Nothing moved: not the transfer in, not the transfer on to the accomplice.
    assert token.balance_of(thief.address) == 0
    assert token.balance_of(carol.address) == 0
    assert token.balance_of(alice.address) == SUPPLY


def test_transfer_and_call_to_an_account_without_code_reverts(setup):
    net, token, alice, bob, _ = setup
    with reverts("no code at address"):
        token.transfer_and_call(bob.address, 5, b"", sender=alice)
    assert token.balance_of(bob.address) == 0


# Any sequence of transfers keeps the supply constant and matches a plain model.
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(-3, 700)), max_size=6))
def test_transfers_match_a_model(artifact, moves):
    net = obelisk.Devnet()
    accts = net.accounts[:3]
    token = net.deploy(artifact("token"), SUPPLY, sender=accts[0])
    model = [SUPPLY, 0, 0]
    for src, dst, amount in moves:
        ok = 0 < amount <= model[src]
        try:
            token.transfer(accts[dst].address, amount, sender=accts[src])
        except obelisk.Reverted:
            assert not ok
        else:
            assert ok
            model[src] -= amount
            model[dst] += amount
    assert [token.balance_of(a.address) for a in accts] == model
    assert token.supply() == SUPPLY
