"""The developer commands (trace, estimate, storage, call --dry-run/--gas-profile, code, nonce, abi, logs) on
one chain, read two ways: from its data directory, and through `obelisk node`'s JSON-RPC serving that very
directory. Every command prints the same bytes and exits the same way through both doors."""
import json
import os

import pytest
from click.testing import CliRunner

import obelisk
from chain.keys import dev_keys
from obelisk.cli import cli

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOKEN = os.path.join(ROOT, "examples", "token.contract")
PAIR = os.path.join(ROOT, "tests", "dx", "data", "pair.contract")
KEYS = dev_keys()
A0, A1, A2 = (str(k.address) for k in KEYS[:3])


def run(args, datadir, rpc=None):
    env = {"OBELISK_DATADIR": None, "OBELISK_RPC": rpc, "OBELISK_DEBUG": None, "OBELISK_PASSPHRASE": None}
    result = CliRunner().invoke(cli, [str(a) for a in args] + ["--datadir", str(datadir)], env=env)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A chain made in a data directory (calls, a revert, a call between contracts, a plain transfer),
    then `obelisk node` serving that directory; the node is stopped whatever happens."""
    from nodeproc import NodeProc

    datadir = tmp_path_factory.mktemp("chain")
    net = obelisk.Devnet(datadir=datadir)
    try:
        token = net.deploy(TOKEN, 1000)
        txs = {"deploy": token.receipt.tx_hash, "transfer": token.transfer(A1, 5).tx_hash}
        try:
            token.transfer(A1, 10**9)
        except obelisk.Reverted as exc:
            txs["revert"] = exc.receipt.tx_hash
        bank = net.deploy(PAIR, contract="Bank")
        teller = net.deploy(PAIR, bank.address, contract="Teller")
        txs["pay"] = teller.pay(7, sender=KEYS[1]).tx_hash
        try:
            teller.pay(500, sender=KEYS[1])
        except obelisk.Reverted as exc:
            txs["pay_revert"] = exc.receipt.tx_hash
        txs["plain"] = net.transfer(KEYS[0], A2, 3).tx_hash
        where = {"token": str(token.address), "bank": str(bank.address), "teller": str(teller.address)}
    finally:
        net.close()
    node = NodeProc(datadir)
    try:
        yield datadir, node.rpc_url, {k: "0x" + h.hex() for k, h in txs.items()}, where
    finally:
        node.kill()


def commands(txs, at):
    token, bank, teller = at["token"], at["bank"], at["teller"]
    balance_key = "0x02c414" + A0[2:]  # Token's balances (variable 2) entry of A0
    out = [["trace", h] for h in txs.values()]
    out += [
        ["estimate", token, "transfer", A1, "5"], ["estimate", token, "balance_of", A1],
        ["estimate", token, "transfer", A1, "1000000000"], ["estimate", teller, "pay", "3", "--from", "1"],
        ["estimate", teller, "limit", "--from", "2"],
        ["storage", token, "0"], ["storage", token, balance_key], ["storage", token, "9"], ["storage", teller, "0"],
        ["storage", A2, "0"],
        ["call", token, "transfer", A1, "5", "--dry-run"],
        ["call", token, "transfer", A1, "5", "--dry-run", "--gas-profile"],
        ["call", token, "transfer", A1, "1000000000", "--dry-run"],
        ["call", teller, "pay", "7", "--from", "1", "--dry-run", "--gas-profile"],
        ["call", teller, "pay", "700", "--from", "1", "--dry-run"],
        ["call", token, "balance_of", A1, "--gas-profile"], ["call", teller, "limit", "--from", "1", "--dry-run"],
        ["call", teller, "limit", "--from", "2", "--gas-profile"],
        ["code", token], ["code", A2], ["nonce", "0"], ["nonce", A1], ["abi", token], ["abi", teller],
        ["logs"], ["logs", "--event", "Deposited"],
        # Bad input: the same reason, exit 2, through both doors.
        ["trace", "0x" + "11" * 32], ["trace", "0x12"], ["storage", token, "x"],
        ["call", token, "nope", "--dry-run"], ["estimate", token, "transfer", A1],
    ]
    return out


def test_every_developer_command_prints_the_same_through_the_node(served, tmp_path):
    datadir, url, txs, at = served
    codes = []
    for args in commands(txs, at):
        for j in ([], ["--json"]):
            local = run(args + j, datadir)
            remote = run(args + j + ["--rpc", url], tmp_path / "client")
            assert remote == local, args + j
            codes.append(local[0])
    assert not os.path.exists(tmp_path / "client" / "chain.sqlite3")  # --rpc never opened a data directory
    # The session did what it says: answers, reverts (exit 1) and refusals (exit 2).
    assert codes.count(0) == 50 and codes.count(1) == 14 and codes.count(2) == 10, codes


def test_the_documents_say_what_happened(served, tmp_path):
    datadir, url, txs, at = served
    code, out, _ = run(["--json", "trace", txs["pay_revert"], "--rpc", url], tmp_path)
    root = json.loads(out)["frames"]
    assert code == 1 and (root["contract"], root["function"], root["status"]) == ("Teller", "pay", "reverted")
    inner = root["calls"][0]
    assert (inner["contract"], inner["kind"], inner["reason"]) == ("Bank", "external", "too much")
    assert inner["location"].endswith("pair.contract:11:9") and inner["call_site"].endswith("pair.contract:28:16")
    code, out, _ = run(["trace", txs["pay"], "--rpc", url], tmp_path)
    assert code == 0 and "Bank.deposit(who=0x" in out and "-> 7" in out and "event Deposited(" in out
    # A gas profile through the node: the lines' source text is read on this side, from this disk.
    code, out, _ = run(["--json", "call", at["token"], "transfer", A1, "5", "--dry-run", "--gas-profile",
                        "--rpc", url], tmp_path)
    doc = json.loads(out)
    prof = doc["gas_profile"]
    assert doc["dry_run"] is True and prof["gas_used"] == doc["gas_used"]
    assert prof["intrinsic_gas"] + prof["entry_gas"] + sum(r["gas"] for r in prof["lines"]) == doc["gas_used"]
    assert any(r["source"].strip() == "balances[dst] += amount;" for r in prof["lines"])
    est = json.loads(run(["--json", "estimate", at["token"], "transfer", A1, "5", "--rpc", url], tmp_path)[1])
    assert est == {"gas": doc["gas_used"], "status": "success"}
    # Storage keeps the value's type: an address, an int, the zero of a slot never written.
    assert json.loads(run(["--json", "storage", at["teller"], "0", "--rpc", url], tmp_path)[1])["value"] == at["bank"]
    assert run(["storage", at["token"], "9", "--rpc", url], tmp_path)[1] == "0 (never written)\n"
    assert json.loads(run(["--json", "nonce", "0", "--rpc", url], tmp_path)[1])["nonce"] == 6
