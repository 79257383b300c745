"""The library snippet of the interface spec (INTERFACES.md), run literally through the obelisk door.

The spec's paths are relative to the repository root, so the test runs there."""
from pathlib import Path

import pytest

import obelisk

ROOT = Path(__file__).resolve().parents[1]


def test_interfaces_token_snippet(monkeypatch):
    monkeypatch.chdir(ROOT)
    net = obelisk.Devnet()
    alice, bob = net.accounts[0], net.accounts[1]

    token = net.deploy("examples/token.contract", 1000, sender=alice)
    r = token.transfer(bob.address, 10, sender=alice)
    assert r.logs == [obelisk.Event(address=token.address, name="Transfer",
                                  args={"sender": alice.address, "receiver": bob.address, "amount": 10})]
    assert token.balance_of(bob.address) == 10
    with pytest.raises(obelisk.Reverted) as info:
        token.transfer(bob.address, 10**9, sender=alice)
    assert info.value.reason == "insufficient balance"
    assert info.value.location.startswith("examples/token.contract:")
