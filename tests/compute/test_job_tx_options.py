"""--gas-price and --nonce on the compute commands that send: `job post` and `job settle` take both
(--nonce on a post only with --no-serve), `obelisk worker` and `job serve` only --gas-price; what they
sent is read back from the node (chain_getTransaction)."""
from __future__ import annotations

import hashlib

import pytest
from flowprocs import cli, cli_json, samples, wait_for
from test_cli_flow import PAYMENT, STAKE, node  # noqa: F401 - the node fixture

pytest.importorskip("obelisk.node.rpc_client", reason="the node's JSON-RPC is not in this tree yet")

NOBODYS = "0x" + hashlib.sha256(b"a runner no worker serves").hexdigest()


def sent_by(chain, address, since: int) -> list:
    """Documents of the mined transactions `address` sent in blocks after `since`."""
    docs = []
    for n in range(since + 1, chain.height + 1):
        for h in chain.block(n).transactions:
            doc = chain.tx(h).to_json()
            if doc["from"] == str(address):
                docs.append(doc)
    return docs


def post_args(data, *extra):
    return ("job", "post", str(data), "--runner", NOBODYS, "--from", "1", "--payment", str(PAYMENT), "--seats", "1",
            "--quorum", "1", "--stake", str(STAKE), "--commit-blocks", "3", "--reveal-blocks", "3", *extra)


def test_post_and_settle_pay_the_gas_price_given_and_a_wrong_settle_nonce_is_refused(node, tmp_path):  # noqa: F811
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    client, chain, me = tmp_path / "client", RpcChain(node["OBELISK_RPC"]), dev_keys()[1].address
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    start, nonce = chain.height, chain.next_nonce(me)
    job = str(cli_json(node, client, *post_args(data, "--no-serve", "--gas-price", "3", "--nonce", str(nonce)))["job"])
    [post] = sent_by(chain, me, start)
    assert (post["function"], post["gas_price"], post["nonce"]) == ("post_sealed_job", 3, nonce)

    chain.mine(7)  # past the reveal deadline
    for wrong, said in ((0, "--nonce 0: already used by"), (nonce + 5, f"--nonce {nonce + 5}: {me}'s next nonce is "
                                                                      f"{nonce + 1}; the pool refuses a gap")):
        refused = cli(node, client, "job", "settle", job, "--from", "1", "--nonce", str(wrong), check=False)
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
    assert chain.next_nonce(me) == nonce + 1  # nothing was sent
    start = chain.height
    settled = cli_json(node, client, "job", "settle", job, "--from", "1", "--gas-price", "2", "--nonce", str(nonce + 1))
    assert settled == {"job": int(job), "state": "failed"}
    finalize, withdraw = sent_by(chain, me, start)
    assert (finalize["function"], finalize["nonce"], finalize["gas_price"]) == ("finalize", nonce + 1, 2)
    assert (withdraw["function"], withdraw["nonce"], withdraw["gas_price"]) == ("withdraw", nonce + 2, 2)


def test_a_post_whose_nonce_is_taken_is_refused_and_recorded_as_nothing(node, tmp_path):  # noqa: F811
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    client, chain, me = tmp_path / "client", RpcChain(node["OBELISK_RPC"]), dev_keys()[1].address
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    chain.transfer(dev_keys()[1], dev_keys()[2].address, 1)  # nonce 0 is used
    refused = cli(node, client, *post_args(data, "--no-serve", "--nonce", "0"), check=False)
    assert refused.returncode == 2 and f"--nonce 0: already used by {me} (its next nonce is 1)" in refused.stderr
    # The record signed before sending was dropped: the same post without --nonce makes a job.
    assert cli_json(node, client, *post_args(data, "--no-serve"))["recovered"] is False


def test_commands_sending_several_transactions_take_no_nonce(node, tmp_path):  # noqa: F811
    data = tmp_path / "digits.bin"
    data.write_bytes(samples(3))
    serving = cli(node, tmp_path / "c", *post_args(data, "--nonce", "0"), check=False)
    assert serving.returncode == 2 and "--nonce needs --no-serve" in serving.stderr
    for args in (("worker", "--nonce", "0"), ("job", "serve", "1", "--nonce", "0")):
        out = cli(node, tmp_path / "c", *args, check=False)
        assert out.returncode == 2 and "--nonce" in out.stderr
    for args in (("worker", "--help"), ("job", "serve", "--help")):
        assert "takes no --nonce" in " ".join(cli(node, tmp_path / "c", *args).stdout.split())


def test_a_worker_pays_the_gas_price_given(procs, node, tmp_path):  # noqa: F811
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    chain, me = RpcChain(node["OBELISK_RPC"]), dev_keys()[2].address
    start = chain.height
    worker = procs.worker(node, tmp_path / "worker", 2, "--runner", "digits", "--gas-price", "4")
    worker.until("announced")
    sent = wait_for(lambda: sent_by(chain, me, start), "the announcement mined")
    assert [(d["function"], d["gas_price"]) for d in sent] == [("announce", 4)]
