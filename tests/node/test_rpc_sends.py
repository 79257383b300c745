"""Sending commands with --gas-price, --nonce and --gas-profile, and the gas limit a send gets without --gas:
the same output locally and through a node (a session replayed on two chains with the same clock), and
the pool's nonce rules said with the flag that broke them."""
import json
import math

from chain.devtools import GAS_MARGIN_PERCENT
from test_rpc_cli import TOKEN, A1, DevNode, node, run  # noqa: F401 - node: the fixture

A2 = "0xdf4c76c5a29321c12bc7716bd0c294d67b44e256"


def session(datadir, rpc):
    out = []

    def step(*args):
        out.append((args, run(args, datadir, rpc)))
        return out[-1][1]

    token = json.loads(step("deploy", TOKEN, "1000", "--gas-price", "2", "--json")[1])["address"]  # nonce 0
    step("send", "1", "5", "--gas-price", "3")  # nonce 1
    step("send", "1", "5", "--nonce", "2", "--json")
    step("call", token, "transfer", A1, "5", "--gas-price", "2", "--nonce", "3", "--json")
    step("call", token, "transfer", A1, "5", "--gas-profile")
    step("call", token, "transfer", A1, "5", "--gas-profile", "--json")
    step("call", token, "transfer", A1, "5000000", "--gas-profile")  # reverts: receipt, profile, exit 1
    step("call", token, "transfer", A1, "5000000", "--json")
    step("deploy", TOKEN, "7", "--from", "2", "--nonce", "0", "--gas-price", "5")
    # Refused, naming the flag (exit 2); nothing is sent.
    step("send", "1", "5", "--nonce", "0")  # already used
    step("send", "1", "5", "--nonce", "99")  # a gap: this pool refuses it
    step("call", token, "transfer", A1, "5", "--nonce", "1", "--json")
    step("deploy", TOKEN, "7", "--nonce", "50")
    step("call", token, "balance_of", A1, "--nonce", "1")  # a view sends nothing
    step("send", "1", "5", "--gas-price", "0")
    step("send", "1", "5", "--nonce", "-1")
    step("send", "1", "5", "--gas-price", "x")
    step("nonce", "0", "--json")
    return out, token


def test_sending_flags_print_the_same_through_a_node(node, tmp_path):
    local, token = session(tmp_path / "local", None)
    remote, _ = session(tmp_path / "remote", node.url)
    assert [r for _, r in remote] == [r for _, r in local]
    codes = [r[0] for _, r in local]
    assert codes == [0] * 6 + [1, 1, 0] + [2] * 8 + [0], codes
    errors = [r[2] for _, r in local if r[0] == 2]
    assert errors[0] == ("obelisk: error: --nonce 0: already used by 0x26073233ca638b43a7b9a9967d701d2b3f85fb16 "
                         "(its next nonce is 8)\n")
    assert errors[1].startswith("obelisk: error: --nonce 99: 0x2607") and "the pool refuses a gap" in errors[1]
    assert "takes no --gas-price or --nonce" in errors[4] and "--gas-price" in errors[5] and "--nonce" in errors[6]
    # The flags are on the transactions; a send without --gas gets its dry run's gas plus the margin.
    code, out, _ = run(["--json", "tx", json.loads(local[3][1][1])["tx"]], tmp_path / "local")
    tx = json.loads(out)
    assert (tx["nonce"], tx["gas_price"]) == (3, 2)
    used = json.loads(local[3][1][1])["gas_used"]
    assert tx["gas_limit"] == math.ceil(used * GAS_MARGIN_PERCENT / 100)
    prof = json.loads(local[5][1][1])["gas_profile"]
    assert prof["intrinsic_gas"] + prof["entry_gas"] + sum(r["gas"] for r in prof["lines"]) == prof["gas_used"]
    reverted = json.loads(local[7][1][1])
    assert (reverted["status"], reverted["reason"]) == ("reverted", "insufficient balance")
    assert reverted["location"].endswith("token.contract:133:9")


def test_a_pending_transaction_is_replaced_only_at_a_higher_gas_price(tmp_path):
    idle = DevNode("--no-automine")
    try:
        def send(*args, amount="5"):
            return run(["send", "1", amount, "--rpc", idle.url, *args], tmp_path)
        first = send("--no-wait", "--json")
        assert first[0] == 0
        code, _, err = send("--nonce", "0", "--no-wait", amount="6")
        assert code == 2 and "--nonce 0: a pending transaction of 0x2607" in err and "--gas-price at least 10%" in err
        code, out, _ = send("--nonce", "0", "--gas-price", "2", "--no-wait", "--json", amount="6")
        assert code == 0
        code, out, _ = run(["tx", json.loads(out)["tx"], "--json", "--rpc", idle.url], tmp_path)
        assert (json.loads(out)["nonce"], json.loads(out)["gas_price"], json.loads(out)["status"]) == (0, 2, "pending")
        code, _, err = send("--nonce", "2")
        assert code == 2 and "--nonce 2: 0x2607" in err and "next nonce is 1" in err
        # A dry run follows the sender's pending transactions: its nonce comes after them.
        code, out, _ = run(["deploy", TOKEN, "5", "--rpc", idle.url, "--no-wait", "--json"], tmp_path)
        assert code == 0
        code, out, _ = run(["tx", json.loads(out)["tx"], "--json", "--rpc", idle.url], tmp_path)
        assert json.loads(out)["nonce"] == 1 and 100_000 < json.loads(out)["gas_limit"] < 1_000_000
        code, out, _ = run(["--json", "nonce", "0", "--rpc", idle.url], tmp_path)
        assert json.loads(out)["nonce"] == 2
    finally:
        idle.stop()
