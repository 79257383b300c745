"""The developer commands as a user runs them: init (then pytest), trace, estimate, call --dry-run/--gas-profile, abi, code."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
TOKEN = Path(__file__).resolve().parents[2] / "examples" / "token.contract"
BOB = "0x481de3392a3c1b51aaa5cacbaf4340f9631a2584"


def obelisk(*args, cwd, check=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "OBELISK_"))}
    res = subprocess.run([str(BIN / "obelisk"), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    if check is not None:
        assert res.returncode == check, res.stdout + res.stderr
    return res


def test_init_makes_a_project_whose_tests_pass_at_once(tmp_path):
    obelisk("init", "proj", cwd=tmp_path, check=0)
    project = tmp_path / "proj"
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()) == [
        "README.md", "contracts/counter.contract", "pytest.ini", "tests/test_counter.py"]
    # docs/testing.md's examples are tests of this project too.
    guide = (Path(__file__).resolve().parents[2] / "docs" / "testing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", guide, re.S)
    (project / "tests" / "test_from_the_guide.py").write_text("\n".join(blocks))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    res = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--gas-report"], cwd=project,
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "7 passed" in res.stdout and "Counter   add" in res.stdout
    # A second init never overwrites a user's work.
    res = obelisk("init", "proj", cwd=tmp_path, check=2)
    assert "would overwrite" in res.stderr


@pytest.fixture(scope="module")
def chain_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("chain")
    out = json.loads(obelisk("--json", "deploy", str(TOKEN), "1000", cwd=d, check=0).stdout)
    return d, out["address"]


def test_dry_run_sends_nothing_and_estimate_matches_the_real_gas(chain_dir):
    d, token = chain_dir
    dry = json.loads(obelisk("--json", "call", token, "transfer", BOB, "5", "--dry-run", cwd=d, check=0).stdout)
    assert dry["dry_run"] is True and dry["status"] == "success" and dry["value"] is True
    assert [e["name"] for e in dry["events"]] == ["Transfer"]
    height = json.loads(obelisk("--json", "block", cwd=d, check=0).stdout)["number"]
    assert height == 1  # nothing was mined
    est = json.loads(obelisk("--json", "estimate", token, "transfer", BOB, "5", cwd=d, check=0).stdout)
    real = json.loads(obelisk("--json", "call", token, "transfer", BOB, "5", "--gas-profile", cwd=d, check=0).stdout)
    assert est["gas"] == dry["gas_used"] == real["gas_used"]
    prof = real["gas_profile"]
    assert prof["gas_used"] == real["gas_used"]
    # Exact to the unit: intrinsic + entry + every line add up to the receipt's gas.
    assert prof["intrinsic_gas"] + prof["entry_gas"] + sum(r["gas"] for r in prof["lines"]) == real["gas_used"]
    assert any(r["source"].strip().startswith("balances[dst] += amount;") for r in prof["lines"])


def test_trace_of_a_reverted_call(chain_dir):
    d, token = chain_dir
    res = obelisk("--json", "call", token, "transfer", BOB, "5000000", cwd=d, check=1)
    tx = json.loads(res.stdout)["tx"]
    doc = json.loads(obelisk("--json", "trace", tx, cwd=d, check=1).stdout)
    root = doc["frames"]
    assert (root["contract"], root["function"], root["status"]) == ("Token", "transfer", "reverted")
    assert root["args"] == {"to": BOB, "amount": 5000000}
    inner = root["calls"][0]
    assert inner["function"] == "move_tokens" and inner["reason"] == "insufficient balance"
    assert inner["call_site"].endswith("token.contract:65:9") and inner["location"].endswith("token.contract:133:9")
    text = obelisk("trace", tx, cwd=d, check=1).stdout
    assert "Token.transfer" in text and "insufficient balance" in text


def test_abi_and_code(chain_dir):
    d, token = chain_dir
    by_file = json.loads(obelisk("--json", "abi", str(TOKEN), cwd=d, check=0).stdout)
    by_address = json.loads(obelisk("--json", "abi", token, cwd=d, check=0).stdout)
    assert by_file == by_address
    transfer = next(f for f in by_file["functions"] if f["name"] == "transfer")
    assert transfer == {"name": "transfer", "kind": "send", "returns": "bool",
                        "params": [{"name": "to", "type": "address"}, {"name": "amount", "type": "int"}]}
    code = json.loads(obelisk("--json", "code", token, cwd=d, check=0).stdout)
    assert code["code"].startswith("0x") and code["size"] == (len(code["code"]) - 2) // 2 > 0
    assert obelisk("trace", "0x12", cwd=d, check=2).stderr.startswith("obelisk: error:")


def test_storage_reads_variables_and_map_entries(chain_dir):
    d, token = chain_dir
    owner = json.loads(obelisk("--json", "storage", token, "0", cwd=d, check=0).stdout)
    assert owner == {"address": token, "key": "0x00", "value": "0x26073233ca638b43a7b9a9967d701d2b3f85fb16"}
    # balances (variable 2) of the deployer: the variable's key, then the msgpack of the address (bin 8, 20 bytes).
    key = "0x02c414" + owner["value"][2:]
    balance = json.loads(obelisk("--json", "storage", token, key, cwd=d, check=0).stdout)["value"]
    supply = json.loads(obelisk("--json", "call", token, "balance_of", owner["value"], cwd=d, check=0).stdout)["value"]
    assert balance == supply
    assert obelisk("storage", token, "9", cwd=d, check=0).stdout == "0 (never written)\n"
    for bad in ("x", "+1", "0x0z", "123456"):
        assert obelisk("storage", token, bad, cwd=d, check=2).stderr.startswith("obelisk: error: SLOT")


def test_console_has_a_chain_and_the_directorys_contracts(tmp_path):
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "token.contract").write_text(TOKEN.read_text())
    (tmp_path / "broken.contract").write_text("contract Broken { pub fn f( }\n")
    script = "t = net.deploy(Token, 50)\nprint('balance', t.balance_of(accounts[0].address))\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "OBELISK_"))}
    res = subprocess.run([str(BIN / "obelisk"), "console"], input=script, cwd=tmp_path, capture_output=True,
                         text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Contracts compiled from this directory: Token" in res.stderr
    assert "not loaded: " in res.stderr and "broken.contract:1:" in res.stderr
    assert "balance 50" in res.stdout
