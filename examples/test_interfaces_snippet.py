"""The library snippet of shared/spec/INTERFACES.md, run literally.

The spec's paths are relative to the repository root, so the test runs there."""
from pathlib import Path

import pytest

import chain

ROOT = Path(__file__).resolve().parents[1]


def test_interfaces_token_snippet(monkeypatch):
    monkeypatch.chdir(ROOT)
    net = chain.Devnet()
    alice, bob = net.accounts[0], net.accounts[1]

    token = net.deploy("examples/token.contract", 1000, sender=alice)
    r = token.transfer(bob.address, 10, sender=alice)
    assert r.logs == [chain.Event(address=token.address, name="Transfer",
                                  args={"sender": alice.address, "receiver": bob.address, "amount": 10})]
    assert token.balance_of(bob.address) == 10
    with pytest.raises(chain.Reverted) as info:
        token.transfer(bob.address, 10**9, sender=alice)
    assert info.value.reason == "insufficient balance"
    assert info.value.location.startswith("examples/token.contract:")
