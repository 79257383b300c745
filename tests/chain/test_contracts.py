"""The library with real contract source: compiled artifacts, events, reverts with source locations, payable, calls."""
from pathlib import Path

import pytest

import chain
import lang

HERE = Path(__file__).resolve().parent / "contracts"
TOKEN = HERE / "token.contract"
VAULT = HERE / "vault.contract"


def test_token_from_source(net):
    alice, bob = net.accounts[0], net.accounts[1]
    token = net.deploy(lang.compile_file(TOKEN), 1000, sender=alice)
    r = token.transfer(bob.address, 10, sender=alice)
    assert r.status is True and r.value is True
    assert r.logs == [chain.Event(address=token.address, name="Transfer",
                                  args={"sender": alice.address, "receiver": bob.address, "amount": 10})]
    assert token.balance_of(bob.address) == 10
    assert token.capped(5) == 5 and token.capped(10**6) == 1000
    with pytest.raises(chain.Reverted) as info:
        token.transfer(bob.address, 10**9, sender=alice)
    e = info.value
    assert e.reason == "insufficient balance"
    assert e.location.startswith(f"{TOKEN}:20:")
    assert e.receipt.status is False and e.receipt.location == e.location
    assert token.balance_of(bob.address) == 10


def test_artifact_and_handle_by_address(net):
    art = lang.compile_source(TOKEN.read_text(), filename="t.contract")
    token = net.deploy(art, 50)
    again = net.at(token.address, art)
    assert again.balance_of(net.accounts[0].address) == 50
    assert net.at(token.address).balance_of(net.accounts[0].address) == 50
    with pytest.raises(chain.Reverted) as info:
        token.transfer(net.accounts[1].address, 0)
    assert info.value.reason == "amount must be positive"
    assert info.value.location.startswith("t.contract:19:")


def test_payable_native_coin_and_cross_contract_calls(net):
    alice = net.accounts[0]
    bank = net.deploy(lang.compile_file(VAULT, contract="Bank"))
    client = net.deploy(lang.compile_file(VAULT, contract="Client"), bank.address)
    r = bank.deposit(value=500, sender=alice)
    assert r.value == 500
    assert r.logs == [chain.Event(bank.address, "Deposited", {"who": alice.address, "amount": 500})]
    assert net.balance(bank.address) == 500
    with pytest.raises(chain.Reverted) as info:
        bank.withdraw(1, value=3)
    assert info.value.reason == "not payable"
    # The client deposits through its own balance, then withdraws via a cross-contract call.
    client.fund(value=200)
    assert net.balance(client.address) == 200
    with pytest.raises(chain.Reverted) as info:
        client.pull(50)  # the client has deposited nothing
    assert info.value.reason == "not enough deposited"
    assert bank.deposited(client.address) == 0
    bank.withdraw(100, sender=alice)
    assert net.balance(bank.address) == 400 and bank.deposited(alice.address) == 400


def test_reentrancy_refused_unless_reentrant(net):
    bank = net.deploy(lang.compile_file(VAULT, contract="Bank"))
    client = net.deploy(lang.compile_file(VAULT, contract="Client"), bank.address)
    with pytest.raises(chain.Reverted) as info:
        client.start(True)
    assert info.value.reason == "reentrancy"
    assert client.start(False).value == 1  # the reentrant function sees the state written before the call


POINTS = """
struct Point { x: int, y: int }
contract P {
    storage last: Point;
    event Moved(p: Point, who: address);
    pub fn move(p: Point) -> Point {
        last = p;
        emit Moved(p, msg.sender);
        return Point(p.y, p.x);
    }
    pub view fn get() -> Point { return last; }
    pub view fn echo(b: bytes, s: string, ok: bool) -> bytes { return b; }
}
"""


def test_structs_bytes_and_strings_cross_the_library(net):
    p = net.deploy(lang.compile_source(POINTS, filename="p.contract"))
    r = p.move((1, 2))
    assert r.value == (2, 1)
    assert r.logs == [chain.Event(p.address, "Moved", {"p": (1, 2), "who": net.accounts[0].address})]
    assert r.to_json()["value"] == {"x": 2, "y": 1}
    assert r.to_json()["events"][0]["args"]["p"] == {"x": 1, "y": 2}
    assert p.get() == (1, 2)
    assert p.move({"x": 5, "y": 6}).value == (6, 5)
    assert p.echo(b"ab", "s", True) == b"ab"
    with pytest.raises(chain.ArgumentError):
        p.move((1,))
    with pytest.raises(chain.ArgumentError):
        p.echo("ab", "s", True)


def test_value_on_deployment_needs_a_payable_init(net):
    payable = lang.compile_source("contract V { payable init() { } pub view fn bal() -> int { return balance(this); } }",
                                  filename="v.contract")
    v = net.deploy(payable, value=77)
    assert net.balance(v.address) == 77 and v.bal() == 77
    plain = lang.compile_source("contract W { init() { } }", filename="w.contract")
    before = net.balance(net.accounts[0].address)
    with pytest.raises(chain.Reverted) as info:
        net.deploy(plain, value=5)
    assert info.value.reason == "not payable"
    assert net.balance(net.accounts[0].address) == before - info.value.receipt.gas_used
