"""Devnet.snapshot()/revert(): the chain goes back exactly, nested ids unwind like anvil's, stale ids are refused."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import obelisk

TOKEN = Path(__file__).resolve().parents[2] / "examples" / "token.contract"


@pytest.fixture
def token_net():
    net = obelisk.Devnet()
    token = net.deploy(TOKEN, 1000)
    yield net, token
    net.close()


def fingerprint(net):
    """Everything a user could observe about the chain's head."""
    head = net.block()
    return head.hash, head.state_root, net.height, tuple(net.chain.pending())


def test_revert_restores_head_state_and_pending_exactly(token_net):
    net, token = token_net
    bob = net.accounts[1].address
    before = fingerprint(net)
    sid = net.snapshot()
    r = token.transfer(bob, 10)
    net.submit(net.make_tx(2, bob, 5))  # left pending
    assert token.balance_of(bob) == 10
    net.revert(sid)
    assert fingerprint(net) == before
    assert token.balance_of(bob) == 0
    assert net.receipt(r.tx_hash) is None and net.tx(r.tx_hash) is None
    # The same transaction can be sent again and lands in the same block as before.
    again = token.transfer(bob, 10)
    assert (again.tx_hash, again.block_hash) == (r.tx_hash, r.block_hash)


def test_nested_snapshots_unwind_and_used_ids_are_refused(token_net):
    net, token = token_net
    bob = net.accounts[1].address
    outer = net.snapshot()
    token.transfer(bob, 1)
    middle = net.snapshot()
    token.transfer(bob, 2)
    inner = net.snapshot()
    token.transfer(bob, 4)
    net.revert(middle)  # also uses up `inner`
    assert token.balance_of(bob) == 1
    with pytest.raises(obelisk.ArgumentError, match=rf"no snapshot {inner} .*live snapshots: {outer}\)"):
        net.revert(inner)
    with pytest.raises(obelisk.ArgumentError, match=f"no snapshot {middle} "):
        net.revert(middle)
    assert token.balance_of(bob) == 1  # a refused revert changes nothing
    net.revert(outer)
    assert token.balance_of(bob) == 0


@pytest.mark.parametrize("bad", [0, 99, "1", None, 1.0])
def test_unknown_ids_are_a_clear_error(token_net, bad):
    net, _ = token_net
    net.snapshot()
    with pytest.raises(obelisk.ArgumentError, match="no snapshot .* to revert to"):
        net.revert(bad)


def test_snapshot_of_a_datadir_chain_survives_reopening(tmp_path):
    with obelisk.Devnet(tmp_path) as net:
        token = net.deploy(TOKEN, 1000)
        sid = net.snapshot()
        token.transfer(net.accounts[1].address, 7)
        net.revert(sid)
        height, root = net.height, net.block().state_root
    with obelisk.Devnet(tmp_path) as net:
        assert (net.height, net.block().state_root) == (height, root)
        assert net.at(token.address).balance_of(net.accounts[1].address) == 0
        assert net.verify() == height


def test_library_values_print_hashes_and_bytes_as_hex(token_net):
    net, token = token_net
    r = token.transfer(net.accounts[1].address, 5)
    text = repr(r) + repr(net.block()) + repr(net.tx(r.tx_hash))
    assert not re.search(r"(?<![0-9a-f])b['\"]", text)  # no bytes literal (an Address repr ends in ...1b')
    assert f"tx_hash=0x{r.tx_hash.hex()}" in repr(r)
    assert f"transactions=(0x{r.tx_hash.hex()},)" in repr(net.block())
    assert f"args=[0x{bytes(net.accounts[1].address).hex()}, 5]" in repr(net.tx(r.tx_hash))
