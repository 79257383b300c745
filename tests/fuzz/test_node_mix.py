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
    """The mix's events in a fixed order: writers refused beside a mining node and a second node refused,
    readers served; kill -9; a writer admitted on the free datadir; a node killed -9 as it starts, then two
    started at once (one comes up), idle, mining on request; kill -9;
    then every acknowledged transaction mined by a last node and verify passing."""
    import random

    mix = fuzz_node.Mix(tmp_path / "datadir", tmp_path, random.Random(0), Tally())
    try:
        fuzz_node._setup(mix)
        mix.start_node(True, 0.3)
        for args, kind in ((["send", "1", "5", "--no-wait"], "rpc"), (["send", "2", "6", "--from", "1"], "rpc"),
                           (["call", mix.token, "transfer", mix.accounts[1], "3", "--from", "0"], "local-write"),
                           (["mine", "1"], "local-write"), (["verify"], "local-read"), (["node"], "second-node")):
            mix.launch(args, kind)
        assert mix.reap(final=True) == 6
        mix.kill_node()
        mix.launch(["send", "3", "7", "--from", "2"], "local-write")
        assert mix.reap(final=True) == 1
        mix.start_node(False, 1.0, kill_after=0.3, twin=True)  # one killed -9 as it starts; then two at once
        mix.launch(["send", "4", "8", "--no-wait"], "rpc")
        mix.launch(["balance", "4"], "local-read")
        assert mix.reap(final=True) == 2
        mix.launch(["mine", "1"], "rpc")
        assert mix.reap(final=True) == 1
        mix.kill_node()
        mix.drain()
        mix.check()
    finally:
        for proc in mix.procs:
            proc.kill()
    tally = mix.tally
    assert {k: getattr(tally, k) for k in DEFECTS} == dict.fromkeys(DEFECTS, 0), tally.examples
    d = tally.detail
    refused = [k for k in d if k.startswith("local-write:") and ":refused:" in k]
    assert refused and all(fuzz_node.IN_USE in k for k in refused) and sum(d[k] for k in refused) == 2
    assert d["second-node:node:exit2"] == 1 and d["local-read:verify:exit0"] == 1
    assert d["local-write:send:exit0"] == 1 and d["node:kill-9"] == 2 and d["node:start:idle:twins"] == 1
    assert len(mix.acked) == 5  # the deploy, three sends through the node, one local send: all found mined


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
    busy = "obelisk: error: datadir-in-use: the data directory d is in use by an obelisk node (pid 7)"
    mix.judge(_Done(2, err=busy), "local-write", ["send", "1", "5"], 1)  # refused beside the node: right
    assert mix.tally.defects() == 0
    mix.judge(_Done(0, out='{"tx": "0x' + "ab" * 32 + '", "block": 4}'), "local-write", ["send", "1", "5"], 1)
    mix.judge(_Done(0, ready=True), "second-node", ["node"], 1)
    mix.judge(_Done(2, err=busy), "local-read", ["balance", "1"], 1)
    mix.judge(_Done(1, out='{"valid": false}'), "local-read", ["verify"], 1)
    mix.judge(_Done(1, err="Traceback (most recent call last):\n"), "rpc", ["nonce", "0"], 1)
    silent = "obelisk: error: transaction rejected: rpc-error: cannot reach the node at u: Connection reset by peer"
    mix.judge(_Done(2, err=silent), "rpc", ["send", "1", "5"], 1)
    kinds = [e["kind"] for e in mix.tally.examples]
    assert kinds == ["data_lost", "data_lost", "host_exceptions", "data_lost", "host_exceptions", "host_exceptions"]


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


def test_a_lost_or_moved_acknowledgement_is_counted(tmp_path):
    """The final check fails the campaign when an acknowledged hash is not in the chain, or not where reported."""
    import random

    mix = fuzz_node.Mix(tmp_path / "datadir", tmp_path, random.Random(0), Tally())
    fuzz_node._setup(mix)  # a local deploy: acknowledged, mined in block 1
    (deployed,) = mix.acked
    assert mix.acked[deployed]["block"] == 1 and mix.tally.defects() == 0
    mix.acked[deployed]["block"] = 2
    mix.acked["0x" + "ee" * 32] = {"what": "send 1 5", "block": None}
    mix.check()
    assert (mix.tally.data_lost, mix.tally.hangs) == (2, 0)
    assert [e["what"].split(":")[0] for e in mix.tally.examples] == ["reported in block 2, now in 1", "acknowledged, gone"]


def test_a_send_whose_node_dies_after_admitting_it_names_its_hash(tmp_path):
    """Found by the mix: the node admitted a transaction, then died while `send --rpc` waited for its receipt,
    and the command said "transaction rejected" with no hash; a user would send again, and pay twice once
    the node, restarted, mined the first. Now the error names the hash as sent, and it is mined later."""
    import random
    import time

    mix = fuzz_node.Mix(tmp_path / "datadir", tmp_path, random.Random(0), Tally())
    try:
        mix.start_node(False, 1.0)  # idle: the transaction stays pending
        mix.launch(["send", "1", "5", "--timeout", "120"], "rpc")
        end = time.monotonic() + 120
        while not (pending := mix.node.rpc("tx_pending")) and time.monotonic() < end:
            time.sleep(0.05)
        mix.kill_node()
        proc = mix.running[0][0]
        assert mix.reap(final=True) == 1
        out, err = proc.texts()
        assert proc.proc.returncode == 2 and "rejected" not in err
        assert f"transaction {pending[0]} was sent" in err and list(mix.acked) == pending
        mix.drain()
        mix.check()
    finally:
        for p in mix.procs:
            p.kill()
    assert mix.tally.defects() == 0, mix.tally.examples


def test_a_send_whose_answer_is_lost_names_its_hash():
    """The same hazard one step earlier: the node dies during tx_send itself, after it may have admitted the
    transaction. The error names the hash the node may hold (a node on loopback that hangs up on tx_send)."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from chain import consensus as C
    from chain import tx as txmod
    from chain.keys import dev_keys

    from obelisk.node.rpc_client import NodeError, RpcChain

    sent = []
    answers = {"node_info": {"chain_id": C.DEV_CHAIN_ID}, "chain_getNonce": 0, "chain_getCode": None}

    class HangsUpOnSend(BaseHTTPRequestHandler):
        def do_POST(self):
            req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if req["method"] == "tx_send":
                sent.append(bytes.fromhex(req["params"][0][2:]))
                self.close_connection = True  # gone before it answers
                return
            body = json.dumps({"jsonrpc": "2.0", "id": req["id"], "result": answers[req["method"]]}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), HangsUpOnSend)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        net = RpcChain(f"http://127.0.0.1:{server.server_address[1]}/")
        with pytest.raises(NodeError) as caught:
            net.transfer(dev_keys()[0], dev_keys()[1].address, 5)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    (data,) = sent
    h = "0x" + txmod.decode(data).hash.hex()
    assert f"transaction {h} may have reached the node" in caught.value.message
    assert "was sent" not in caught.value.message  # not acknowledged: the mix does not count it as such
