"""Call trees and gas profiles: what each frame shows, and figures that add up to the receipt to the gas unit."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def pair():
    net = obelisk.Devnet()
    bank = net.deploy(DATA / "pair.contract", contract="Bank")
    teller = net.deploy(DATA / "pair.contract", bank.address, contract="Teller")
    yield net, bank, teller
    net.close()


def test_an_external_call_is_a_frame_with_its_arguments_events_and_call_site(pair):
    net, bank, teller = pair
    me = net.accounts[0].address
    r = teller.pay(7)
    tr = r.trace()
    root = tr.root
    assert (root.contract, root.function, root.kind, root.args, root.value) == ("Teller", "pay", "transaction", {"amount": 7}, 7)
    assert root.gas == r.gas_used == tr.gas_used
    (call,) = root.calls
    assert (call.contract, call.function, call.kind, call.args, call.value) == ("Bank", "deposit", "external", {"who": me, "amount": 7}, 7)
    assert call.address == bank.address and call.call_site.endswith("pair.contract:28:16")
    assert call.events == [("Deposited", {"who": me, "amount": 7}, {"who": "address", "amount": "int"})]
    assert 0 < call.gas < root.gas
    doc = tr.to_json()
    assert doc["frames"]["calls"][0]["events"] == [{"name": "Deposited", "args": {"who": str(me), "amount": 7}}]
    assert [f.function for f in tr.frames()] == ["pay", "deposit"]


def test_a_revert_deep_inside_marks_every_frame_and_names_the_place(pair):
    net, _, teller = pair
    with reverts("too much", location="pair.contract:11") as info:
        teller.pay(500)
    tr = info.receipt.trace()
    assert tr.root.status == "reverted" and tr.root.reason == "(a call it made reverted)"
    (call,) = tr.root.calls
    assert (call.status, call.reason) == ("reverted", "too much") and call.location.endswith("pair.contract:11:9")
    assert tr.root.gas == info.receipt.gas_used
    assert "REVERTED: too much at " in tr.render()


def test_a_failing_view_call_can_be_traced_too(pair):
    net, _, teller = pair
    with reverts("no account") as info:
        teller.limit()
    assert info.receipt is None
    tr = info.value.trace()
    assert tr.tx_hash is None and tr.root.kind == "view" and tr.root.function == "limit"
    assert tr.root.calls[0].reason == "no account"
    assert tr.render().startswith("view call  gas ")


def test_deployments_and_plain_transfers_have_traces(pair):
    net, bank, teller = pair
    tr = teller.receipt.trace()
    assert (tr.root.function, tr.root.args) == ("init", {"b": bank.address})
    r = net.transfer(0, net.accounts[1].address, 5)
    tr = r.trace()
    assert tr.root.function == "(no code ran)" and tr.root.gas == r.gas_used == tr.intrinsic
    assert "no code ran" in tr.render()


def test_profiles_add_up_to_the_gas_used(pair):
    net, bank, teller = pair
    receipts = [teller.receipt, bank.receipt, teller.pay(3), teller.pay(4)]
    try:
        teller.pay(1000)
    except obelisk.Reverted as exc:
        receipts.append(exc.receipt)
    for r in receipts:
        p = r.profile()
        assert p.total == p.gas_used == r.gas_used
        assert sum(g for g, _ in p.functions.values()) == sum(p.lines.values())
    p = teller.pay(5, profile=True)
    assert (p.value, p.receipt.status) == (12, True) and p.total == p.receipt.gas_used
    assert any(path.endswith("pair.contract") and line == 13 for path, line in p.lines)  # balances[who] += amount
    assert "Bank.deposit" in p.functions and "Teller.pay" in p.functions
    v = bank.limit_of(net.accounts[0].address, profile=True)
    assert v.value == 88 and v.receipt is None and v.total == v.gas_used


def test_profile_and_traces_need_the_obelisk_door():
    import chain
    import lang

    net = chain.Devnet()
    token = net.deploy(lang.compile_file(str(EXAMPLES / "token.contract")), 10)
    with pytest.raises(RuntimeError, match="obelisk.Devnet"):
        token.receipt.trace()
    with pytest.raises(obelisk.ArgumentError, match="profile=True needs an obelisk.Devnet"):
        token.transfer(net.accounts[1].address, 1, profile=True)


def test_a_run_too_long_to_record_is_a_clear_error(pair, monkeypatch):
    from obelisk.debug import recorder

    net, _, teller = pair
    r = teller.pay(3)
    monkeypatch.setattr(recorder, "MAX_STEPS", 10)
    with pytest.raises(obelisk.ArgumentError, match="over 10 instructions: too long to trace or profile"):
        r.trace()
    with pytest.raises(obelisk.ArgumentError, match="too long"):
        teller.limit(profile=True)
    monkeypatch.undo()
    assert r.trace().root.gas == r.gas_used  # nothing was left half-done


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(-5, 150), min_size=1, max_size=4))
def test_any_run_adds_up_to_its_receipt(pair, amounts):
    """Property: for calls that pass or revert, at any depth, the trace's frame gas and the profile's
    rows agree with the receipt to the unit."""
    net, _, teller = pair
    for amount in amounts:
        try:
            r = teller.pay(amount)
        except obelisk.Reverted as exc:
            r = exc.receipt
        tr, prof = r.trace(), r.profile()
        assert tr.root.gas == prof.total == r.gas_used
        assert all(0 <= c.gas <= tr.root.gas for c in tr.frames())
        assert (tr.root.status == "ok") is r.status
