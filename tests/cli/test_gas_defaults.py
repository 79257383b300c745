"""A send without a gas limit gets its dry run's gas plus GAS_MARGIN_PERCENT (capped by the block's limit and the
sender's balance); one that would revert is still sent and reports its revert; nonce= and gas_price= reach the
transaction; a wrong nonce is the pool's refusal."""
import math
import os

import pytest
from click.testing import CliRunner

import chain
import obelisk
from chain import consensus as C
from chain.devtools import GAS_MARGIN_PERCENT, padded_gas
from chain.keys import dev_keys
from obelisk.cli import cli

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = os.path.join(ROOT, "examples", "token.contract")
A1 = dev_keys()[1].address

LOOP = """
contract Spin {
    storage n: int;
    pub fn spin(k: int) -> int {
        let i: int = 0;
        while i < k { n += 1; i += 1; }
        return n;
    }
}
"""


def limit_of(net, receipt) -> int:
    return net.tx(receipt.tx_hash).gas_limit


def test_the_margin_rounds_up_and_stays_under_the_cap():
    assert padded_gas(1000, 10**9) == 1000 * GAS_MARGIN_PERCENT // 100
    assert padded_gas(1001, 10**9) == math.ceil(1001 * GAS_MARGIN_PERCENT / 100)
    assert padded_gas(1000, 1100) == 1100 and padded_gas(5000, 3000) == 3000


def test_sends_get_their_dry_run_s_gas_plus_the_margin():
    net = obelisk.Devnet()
    token = net.deploy(TOKEN, 1000)
    assert limit_of(net, token.receipt) == padded_gas(token.receipt.gas_used, C.BLOCK_GAS_LIMIT)
    estimate = token.transfer.estimate_gas(A1, 5)
    r = token.transfer(A1, 5)
    assert estimate == r.gas_used  # exact on the state it ran on; the margin is on top
    assert limit_of(net, r) == math.ceil(r.gas_used * GAS_MARGIN_PERCENT / 100)
    plain = net.transfer(dev_keys()[0], A1, 7)
    assert limit_of(net, plain) == plain.gas_used == C.TX_BASE_GAS  # a plain transfer: its intrinsic gas


def test_a_send_that_would_revert_is_sent_and_reports_its_revert(tmp_path):
    net = obelisk.Devnet()
    token = net.deploy(TOKEN, 1000)
    with pytest.raises(obelisk.Reverted) as info:
        token.transfer(A1, 10**9)
    r = info.value.receipt
    assert (r.status, r.reason) == (False, "insufficient balance") and r.location.endswith("token.contract:133:9")
    assert limit_of(net, r) == padded_gas(r.gas_used, C.BLOCK_GAS_LIMIT)
    # The command line: the receipt, the reason and its place, exit 1 (not a gas error).
    env = {"OBELISK_DATADIR": None, "OBELISK_RPC": None}
    runner = CliRunner()
    res = runner.invoke(cli, ["--datadir", str(tmp_path), "--json", "deploy", TOKEN, "1000"], env=env)
    address = __import__("json").loads(res.stdout)["address"]
    res = runner.invoke(cli, ["--datadir", str(tmp_path), "call", address, "transfer", str(A1), "1000000000"], env=env)
    assert res.exit_code == 1 and "insufficient balance" in res.stdout
    assert res.stderr.startswith("obelisk: reverted: insufficient balance at ") and "token.contract:133:9" in res.stderr


def test_a_run_out_of_gas_takes_at_most_the_block_s_limit():
    net = obelisk.Devnet()
    art = obelisk.compile_source(LOOP, filename="spin.contract")
    spin = net.deploy(art)
    r = spin.spin(3)
    assert r.value == 3 and limit_of(net, r) == padded_gas(r.gas_used, C.BLOCK_GAS_LIMIT)
    with pytest.raises(obelisk.Reverted) as info:
        spin.spin(10**9)
    assert info.value.receipt.gas_used == limit_of(net, info.value.receipt) == C.BLOCK_GAS_LIMIT


def test_nonce_and_gas_price_reach_the_transaction_and_wrong_nonces_are_refused():
    net = obelisk.Devnet()
    key = dev_keys()[0]
    r = net.transfer(key, A1, 1, gas_price=3, nonce=0)
    assert (net.tx(r.tx_hash).nonce, net.tx(r.tx_hash).gas_price) == (0, 3)
    token = net.deploy(TOKEN, 1000, nonce=1, gas_price=2)
    r = token.transfer(A1, 5, nonce=2)
    assert net.tx(r.tx_hash).nonce == 2
    before = net.height
    with pytest.raises(chain.InvalidTransaction, match="nonce 1, expected 3"):
        token.transfer(A1, 5, nonce=1)  # already used
    with pytest.raises(chain.InvalidTransaction, match="nonce 9, expected 3"):
        net.transfer(key, A1, 1, nonce=9)  # a gap: the pool takes a sender's nonces in order only
    assert net.height == before  # nothing was mined
