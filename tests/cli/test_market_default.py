"""`obelisk workers` / `job` / `worker` find the dev network's predeployed market without
--market; on a network of one's own they say where they looked and how to name another."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "node"))
from nodeproc import NodeProc  # noqa: E402  the node tests' process helper (always stopped)

OBELISK = [sys.executable, "-m", "obelisk"]


def obelisk(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("OBELISK_MARKET", "OBELISK_RPC")}
    return subprocess.run([*OBELISK, "--datadir", str(tmp_path / "cli"), *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_the_dev_network_market_needs_no_address_and_another_network_says_so(tmp_path):
    genesis = tmp_path / "genesis.json"
    made = obelisk(tmp_path, "genesis", "new", "--chain-id", "4242", "--alloc", "0=1000000", "-o", str(genesis))
    assert made.returncode == 0, made.stderr
    dev = own = None
    try:
        dev = NodeProc(tmp_path / "dev")
        own = NodeProc(tmp_path / "own", "--genesis", str(genesis))
        listed = obelisk(tmp_path, "--json", "workers", "--rpc", dev.rpc_url)
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == {"workers": []}
        refused = obelisk(tmp_path, "workers", "--rpc", own.rpc_url)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert ("no compute market at 0x000000000000000000000000000000000000c0de (the dev network's well-known "
                "address): on another network, name the market with --market ADDRESS or $OBELISK_MARKET") \
            in refused.stderr
        named = obelisk(tmp_path, "workers", "--rpc", own.rpc_url, "--market", "0x" + "11" * 20)
        assert named.returncode == 2 and "no compute market at 0x1111" in named.stderr
        assert "well-known" not in named.stderr  # a named address is not the default's fault
    finally:
        for node in (dev, own):
            if node is not None:
                node.kill()


def test_a_network_of_ones_own_may_predeploy_the_market_too(tmp_path):
    genesis = tmp_path / "genesis.json"
    made = obelisk(tmp_path, "--json", "genesis", "new", "--chain-id", "4243", "--market", "-o", str(genesis))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["market"] == "0x000000000000000000000000000000000000c0de"
    assert set(json.loads(genesis.read_text())["code"]) == {"0x000000000000000000000000000000000000c0de"}
    node = None
    try:
        node = NodeProc(tmp_path / "own", "--genesis", str(genesis))
        listed = obelisk(tmp_path, "--json", "workers", "--rpc", node.rpc_url)
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == {"workers": []}
    finally:
        if node is not None:
            node.kill()
