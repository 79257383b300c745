"""A short run of the node mix (bench/fuzz.py part "node"): a real node killed -9 and restarted beside commands
through its --rpc and local ones; and the mix's judge, which must count what breaks the datadir's rules."""
from pathlib import Path

import fuzz_cli
import pytest

import fuzz_node
from fuzzcore import Tally

pytestmark = pytest.mark.skipif(not fuzz_cli.lock_present(), reason="needs the datadir's one-writer lock (chain.lock)")
DEFECTS = ("host_exceptions", "hangs", "noncanonical_accepted", "data_lost", "tier_mismatches")


def test_commands_beside_a_node_killed_and_restarted(tmp_path):
    # Seed 167's ten commands (the draws do not depend on timing): a mining node, a local writer refused
    # beside it, a second node refused, kill -9, local writers on the free datadir, an idle node, --rpc sends.
    tally = fuzz_node.run(10, tmp_path / "datadir", seed=167, parallel=3)
    assert {k: getattr(tally, k) for k in DEFECTS} == dict.fromkeys(DEFECTS, 0), tally.examples
    d = tally.detail
    assert tally.runs >= 10 and d["node:kill-9"] >= 1 and d["node:start:idle"] >= 1
    assert d.get("second-node:node:exit2", 0) >= 1
    assert any(k.startswith("local-write:") and fuzz_node.IN_USE in k for k in d)  # refused beside the node
    assert any(k.startswith("local-write:") and k.endswith(":exit0") for k in d)  # admitted once it was gone
    assert d["acknowledged"] >= 2  # and each was found mined at the end


class _Done:
    """A finished process as the judge sees it."""

    def __init__(self, code: int, out: str = "", err: str = "", ready: bool = False):
        self.proc = type("P", (), {"returncode": code})()
        self._texts, self._ready = (out, err), ready

    def texts(self):
        return self._texts

    def is_ready(self):
        return self._ready


class _Alive:
    gen = 1

    def alive(self):
        return True


def _mix() -> fuzz_node.Mix:
    mix = fuzz_node.Mix(Path("/nonexistent"), Path("/nonexistent"), None, Tally())
    mix.node = _Alive()
    return mix


def test_the_judge_counts_what_breaks_the_rules():
    mix = _mix()
    busy = "obelisk: error: bad datadir d: datadir-in-use: the data directory d is in use by an obelisk node (pid 7)"
    mix.judge(_Done(2, err=busy), "local-write", ["send", "1", "5"], 1)  # refused beside the node: right
    assert mix.tally.defects() == 0
    mix.judge(_Done(0, out='{"tx": "0x' + "ab" * 32 + '", "block": 4}'), "local-write", ["send", "1", "5"], 1)
    mix.judge(_Done(0, ready=True), "second-node", ["node"], 1)
    mix.judge(_Done(2, err=busy), "local-read", ["balance", "1"], 1)
    mix.judge(_Done(1, out='{"valid": false}'), "local-read", ["verify"], 1)
    mix.judge(_Done(1, err="Traceback (most recent call last):\n"), "rpc", ["nonce", "0"], 1)
    kinds = [e["kind"] for e in mix.tally.examples]
    assert kinds == ["data_lost", "data_lost", "host_exceptions", "data_lost", "host_exceptions"]


def test_what_counts_as_acknowledged():
    """A hash the node admitted (--no-wait, a receipt, a receipt timeout naming it); not a refused send."""
    mix = _mix()
    h1, h2, h3 = ("0x" + c * 64 for c in "abc")
    mix.judge(_Done(0, out=f'{{"tx": "{h1}", "status": "pending"}}'), "rpc", ["send", "1", "5", "--no-wait"], 1)
    mix.judge(_Done(1, out=f'{{"status": "reverted", "tx": "{h2}", "block": 7}}'), "rpc", ["call", "t", "f"], 1)
    timeout = f"obelisk: error: transaction {h3} was sent but not mined within 3 s (later: obelisk receipt …)"
    mix.judge(_Done(1, err=timeout), "rpc", ["send", "1", "5"], 1)
    mix.judge(_Done(2, err="obelisk: error: --rpc u: cannot reach the node at u: Connection refused"), "rpc",
              ["send", "1", "5"], None)
    assert {h: e["block"] for h, e in mix.acked.items()} == {h1: None, h2: 7, h3: None}
    assert mix.top == 7 and mix.tally.defects() == 0
