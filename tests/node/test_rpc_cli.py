"""The chain commands through --rpc against a node process on loopback: the same output as the local door."""
import json
import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from chain import secretbox
from chain.keys import dev_keys
from obelisk.cli import cli

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOKEN = os.path.join(ROOT, "examples", "token.contract")
A0, A1 = (str(k.address) for k in dev_keys()[:2])
BIN = os.path.join(os.path.dirname(sys.executable), "obelisk")


class DevNode:
    """tests/node/rpc_devnode.py in a subprocess; always stopped."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "rpc_devnode.py"), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError(f"the dev node did not start: {self.proc.stderr.read()}")
        self.url = json.loads(line)["rpc"]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self.proc.stdout, self.proc.stderr):
            f.close()


@pytest.fixture
def node():
    n = DevNode()
    try:
        yield n
    finally:
        n.stop()


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(secretbox, "DEFAULT_PARAMS", secretbox.KdfParams(10, 8, 1))


def run(args, datadir, rpc=None, env=None):
    full = {"OBELISK_DATADIR": None, "OBELISK_RPC": rpc, "OBELISK_DEBUG": None, "OBELISK_PASSPHRASE": None}
    full.update(env or {})
    result = CliRunner().invoke(cli, [str(a) for a in args] + ["--datadir", str(datadir)], env=full)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def session(datadir, rpc):
    """One user's session of every chain command, human and --json; each step's (exit, stdout, stderr)."""
    out = []

    def step(*args):
        out.append((args, run(args, datadir, rpc)))
        return out[-1][1]

    for j in ([], ["--json"]):
        step("accounts", *j)
        step("balance", "1", *j)
    first = json.loads(step("send", "1", "5", "--json")[1])["tx"]
    step("send", "2", "7", "--from", "3")
    address = json.loads(step("deploy", TOKEN, "1000", "--json")[1])["address"]
    step("deploy", TOKEN, "5", "--from", "1")
    for j in ([], ["--json"]):
        step("call", address, "balance_of", A0, *j)
        step("call", address, "transfer", A1, "10", *j)
        step("call", address, "transfer", A1, "1000000", *j)  # reverts: exit 1, the reason and line
        step("tx", first, *j)
        step("receipt", first, *j)
        step("block", *j)
        step("block", "1", *j)
        step("block", "-2", *j)
        step("mine", "2", *j)
        step("balance", address, *j)
        step("nonce", "0", *j)
        step("logs", *j)
        step("logs", "--event", "Transfer", "--address", address, "--from-block", "3", *j)
    step("logs", "--from-block", "5", "--to-block", "2")
    step("logs", "--to-block", "-1")
    step("disasm", address)
    # Refusals and bad input: the same reason and exit status.
    step("send", "1", str(10**30))  # more than the sender has
    step("call", address, "nope")
    step("call", address, "transfer", A1)
    step("call", address, "balance_of", "1")
    step("receipt", "0x" + "00" * 32)
    step("tx", "0x" + "00" * 32)
    step("block", "99")
    step("send", "1", "5", "--from", "42")
    step("balance", "0xzz")
    for j in ([], ["--json"]):
        step("accounts", *j)
    return out


def test_every_chain_command_through_rpc_prints_what_the_local_door_prints(node, tmp_path):
    local = session(tmp_path / "local", None)
    remote = session(tmp_path / "remote", node.url)
    assert len(local) == len(remote)
    for (args, want), (_, got) in zip(local, remote):
        assert got == want, args
    # The session did what it says: successes, a revert (exit 1), refusals and bad input (exit 2).
    codes = [r[0] for _, r in local]
    assert codes.count(0) == 36 and codes.count(1) == 2 and codes.count(2) == 10
    reasons = "".join(r[2] for _, r in local)
    assert "transaction rejected: tx-insufficient-funds" in reasons and "insufficient balance" in reasons
    assert not os.path.exists(tmp_path / "remote" / "chain.sqlite3")  # --rpc never opened a datadir


def test_keystore_keys_sign_on_the_client(node, tmp_path):
    env = {"OBELISK_PASSPHRASE": "correct horse"}
    code, out, _ = run(["accounts", "new", "--json"], tmp_path / "keys", env=env)
    address = json.loads(out)["address"]
    assert run(["send", address, "1000000", "--rpc", node.url], tmp_path / "x")[0] == 0
    code, out, err = run(["send", "0", "1", "--from", address, "--keystore", tmp_path / "keys" / "keystore",
                          "--rpc", node.url, "--json"], tmp_path / "x", env=env)
    assert code == 0 and json.loads(out)["status"] == "success", err
    assert run(["balance", address, "--rpc", node.url], tmp_path / "x")[1].strip() == str(1000000 - 1 - 2000)


def test_no_wait_prints_the_hash_and_timeout_says_where_to_look(tmp_path):
    idle = DevNode("--no-automine")
    try:
        code, out, err = run(["send", "1", "5", "--no-wait", "--json", "--rpc", idle.url], tmp_path)
        assert code == 0 and json.loads(out)["status"] == "pending"
        h = json.loads(out)["tx"]
        code, out, err = run(["tx", h, "--json", "--rpc", idle.url], tmp_path)
        assert json.loads(out)["status"] == "pending"
        assert json.loads(run(["nonce", "0", "--json", "--rpc", idle.url], tmp_path)[1])["nonce"] == 1
        code, out, err = run(["send", "1", "5", "--timeout", "0.3", "--rpc", idle.url], tmp_path)
        assert code == 1 and "not mined within 0.3 s" in err and "obelisk receipt 0x" in err
        code, out, err = run(["mine", "--rpc", idle.url, "--json"], tmp_path)
        assert code == 0 and json.loads(out)["height"] == 1
        code, out, err = run(["receipt", h, "--rpc", idle.url, "--json"], tmp_path)
        assert code == 0 and json.loads(out)["status"] == "success"
        assert run(["send", "1", "5", "--timeout", "0", "--rpc", idle.url], tmp_path)[0] == 2
    finally:
        idle.stop()


def test_unreachable_or_junk_nodes_are_exit_2_with_the_reason(tmp_path):
    code, out, err = run(["balance", "0", "--rpc", "http://127.0.0.1:1"], tmp_path)
    assert code == 2 and "cannot reach the node" in err
    code, out, err = run(["balance", "0", "--rpc", "http://127.0.0.1:1", "--json"], tmp_path)
    assert code == 2 and "cannot reach" in json.loads(out)["error"]
    assert run(["balance", "0", "--rpc", ""], tmp_path)[0] == 2
    code, out, err = run(["balance", "0"], tmp_path, env={"OBELISK_RPC": "http://127.0.0.1:1"})
    assert code == 2 and "127.0.0.1:1" in err


def test_sends_from_one_account_at_the_same_moment_all_land(node, tmp_path):
    """Each client reads the nonce, signs and sends; a clash is refused by the node and the client signs again."""
    procs, results = [], []
    env = dict(os.environ, OBELISK_RPC=node.url, OBELISK_DATADIR=str(tmp_path))
    barrier = threading.Barrier(4)

    def one():
        barrier.wait()
        p = subprocess.run([BIN, "send", "1", "5", "--json"], env=env, capture_output=True, text=True, timeout=120)
        results.append(p)
    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [p.returncode for p in results] == [0] * 4, [p.stderr for p in results]
    hashes = {json.loads(p.stdout)["tx"] for p in results}
    assert len(hashes) == 4
    code, out, _ = run(["balance", "1", "--json", "--rpc", node.url], tmp_path)
    assert json.loads(out)["balance"] == 10**24 + 20
    del procs


def test_against_a_real_mining_node_the_documents_match_the_local_door(tmp_path):
    """`obelisk node --mine` mines with the real clock (its own blocks between ours), so block numbers and
    hashes differ from the local door's; every transaction, receipt (but its block), event, value and
    refusal is the same."""
    import importlib.util

    if importlib.util.find_spec("obelisk.cli.node") is None:
        pytest.skip("obelisk node is not in this tree")
    proc = subprocess.Popen([BIN, "node", "--datadir", str(tmp_path / "node"), "--listen", "127.0.0.1:0",
                             "--rpc-listen", "127.0.0.1:0", "--json", "--mine", "--block-time", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready = json.loads(proc.stdout.readline() or "{}")
        assert ready.get("event") == "ready", proc.stderr.read() if proc.poll() is not None else ready
        url = ready["rpc"]

        def both(*args):
            local = run([*args, "--json"], tmp_path / "local")
            remote = run([*args, "--json", "--rpc", url], tmp_path / "remote")
            assert local[0] == remote[0], (args, local, remote)
            docs = [json.loads(r[1]) for r in (local, remote)]
            for d in docs:
                if isinstance(d, dict):
                    d.pop("block", None)
            assert docs[0] == docs[1], args
            return docs[0]
        first = both("send", "1", "5")["tx"]
        address = both("deploy", TOKEN, "1000")["address"]
        both("call", address, "transfer", A1, "10")
        both("call", address, "balance_of", A0)
        both("call", address, "transfer", A1, "1000000")
        both("receipt", first)
        both("nonce", "0")
        both("balance", "1")
        both("send", "1", str(10**30))
        assert [e["name"] for e in json.loads(run(["logs", "--json", "--rpc", url], tmp_path)[1])] == \
            ["OwnershipTransferred", "Transfer", "Transfer"]
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
