"""A post whose answer is lost is found again: `post` of the same data (same account, runner and
market) returns the job the lost answer hid and pays nothing twice; `again` posts another.
In process (crashes planned at each step of the send), at the JSON-RPC client's seam (the
node took the transaction, its answer never came back) and with a real kill -9."""
from __future__ import annotations

import signal

import pytest

from flowprocs import OBELISK, cli_json, samples, wait_for
from nodeproc import NodeProc

from obelisk.compute import runners
from obelisk.compute.blobs import BlobStore
from obelisk.compute.client import JobClient, JobError
from obelisk.compute.market import DevnetMarket, StoreBlobs, Unreachable, market_source
from obelisk.devnet import Devnet

PAYMENT, STAKE = 3_000_000, 1_000_000
RID = runners.id_of(runners.load("digits"))


class Lost(Exception):
    """The client process died here."""


class FailingChain:
    """A MarketChain (wrapping a real one) that dies at one step of a post's send."""

    def __init__(self, inner, at):
        self.inner, self.at = inner, at
        self.address, self.market = inner.address, inner.market

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def submit(self, raw):
        if self.at == "before submit":
            raise Lost("killed after the record was saved, before the transaction left")
        self.inner.submit(raw)
        if self.at == "after submit":
            raise Lost("the node took the transaction; its answer was lost")

    def wait(self, fn, tx_hash):
        if self.at == "while waiting":
            raise Unreachable("the node went away while the client waited for its receipt")
        return self.inner.wait(fn, tx_hash)


@pytest.fixture
def world(tmp_path):
    net = Devnet()
    market = net.deploy(market_source(), sender=net.accounts[0])
    store = BlobStore(tmp_path)
    key = net.accounts[1]

    def client(chain=None, log=None, net_=None, market_=None):
        chain = chain or DevnetMarket(net_ or net, market_ or market, key)
        return JobClient(chain, StoreBlobs(store, key.address), key.seed, tmp_path / "client.state",
                         log=None if log is None else (lambda event, **f: log.append((event, f))))
    try:
        yield net, market, key, client
    finally:
        store.close()
        net.close()


def _post(client, data=None, **kw):
    return client.post(data or samples(4), RID, payment=PAYMENT, seats=2, quorum=2, stake=STAKE, **kw)


@pytest.mark.parametrize("at", ["before submit", "after submit", "while waiting"])
def test_a_post_lost_at_any_step_is_found_again_and_paid_once(world, at):
    net, market, key, client = world
    balance = net.balance(key.address)
    with pytest.raises((Lost, Unreachable)):
        _post(client(FailingChain(DevnetMarket(net, market, key), at)))
    log = []
    job = _post(client(log=log))  # a new process, the same state file
    assert job == 0 and market.job_count() == 1
    blob = DevnetMarket(net, market, key).view("get_job", 0)["input_blob"]
    assert log == [("already posted", {"job": 0, "input_blob": "0x" + blob.hex(),
                                       "runner_id": "0x" + RID.hex()})]
    assert net.balance(key.address) > balance - 2 * PAYMENT  # paid once (and gas)
    assert _post(client()) == 0 and market.job_count() == 1  # and again: still the one job
    assert _post(client(), again=True) == 1 and market.job_count() == 2
    assert _post(client(), samples(5)) == 2  # other data: another job


def test_a_reverted_post_leaves_nothing_to_find(world):
    net, market, key, client = world
    with pytest.raises(JobError, match="job refused"):
        client().post(samples(4), RID, payment=PAYMENT, seats=2, quorum=1, stake=STAKE)  # quorum not a majority
    assert market.job_count() == 0
    assert _post(client()) == 0  # the same data, now valid: posted, not "already posted"


def test_a_record_from_another_chain_is_not_taken_for_a_job(world, tmp_path):
    net, market, key, client = world
    assert _post(client()) == 0
    other = Devnet()  # a dev network started afresh: the market at the same address, no jobs
    try:
        other_market = other.deploy(market_source(), sender=other.accounts[0])
        assert other_market.address == market.address
        log = []
        assert _post(client(log=log, net_=other, market_=other_market)) == 0
        assert [e for e, _ in log] == ["posted"] and other_market.job_count() == 1
    finally:
        other.close()


# -- at the JSON-RPC client's seam, against a node process ---------------------------------

def test_a_lost_rpc_answer_to_the_post_is_recovered(procs, tmp_path):
    from chain.keys import dev_keys
    from obelisk.compute.rpc_market import RpcBlobs, RpcMarket
    from obelisk.node import rpc_client

    url, market = _dev_node(procs, tmp_path)
    key = dev_keys()[1]

    class LosingClient(rpc_client.RpcClient):
        """Sends tx_send to the node, which takes it; the answer is lost on the way back."""

        def call(self, method, *params):
            answer = super().call(method, *params)
            if method == "tx_send":
                raise rpc_client.NodeError("connection reset by peer")
            return answer

    def client(lose: bool):
        chain = RpcMarket(url, market, key)
        if lose:
            chain.rpc.rpc = LosingClient(url)
        return JobClient(chain, RpcBlobs(chain), key.seed, tmp_path / "client.state")

    with pytest.raises(Unreachable, match="connection reset"):
        _post(client(lose=True))
    lost = RpcMarket(url, market, key)
    wait_for(lambda: lost.view("job_count") == 1, "the lost post mined", 60)
    assert _post(client(lose=False)) == 0
    assert lost.view("job_count") == 1


def _dev_node(procs, tmp_path):
    import sys
    from pathlib import Path

    import lang
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    here = Path(__file__).resolve().parent
    url = procs.start(sys.executable, str(here / "computenode.py"), str(tmp_path / "node")).until("ready")[-1]["rpc"]
    market = RpcChain(url).deploy(lang.compile_file(market_source()), sender=dev_keys()[0]).address
    return url, str(market)


# -- a real kill -9 of `obelisk job post` ---------------------------------------------------

def test_job_post_killed_after_sending_is_recovered_by_running_it_again(procs, tmp_path):
    import lang
    from chain.keys import dev_keys
    from obelisk.node.rpc_client import RpcChain

    node = NodeProc(tmp_path / "node")  # not mining: blocks only on dev_mine, so the post waits in the pool
    try:
        deployer = RpcChain(node.rpc_url, on_sent=lambda h: node.rpc("dev_mine", 1))
        market = str(deployer.deploy(lang.compile_file(market_source()), sender=dev_keys()[0]).address)
        env = {"OBELISK_RPC": node.rpc_url, "OBELISK_MARKET": market}
        data = tmp_path / "digits.bin"
        data.write_bytes(samples(6))
        post = ("job", "post", str(data), "--runner", "digits", "--from", "1", "--payment", str(PAYMENT),
                "--seats", "2", "--quorum", "2", "--stake", str(STAKE), "--no-serve")
        first = procs.start(*OBELISK, "--datadir", str(tmp_path / "client"), *post, env=env)
        wait_for(lambda: node.rpc("tx_pending"), "the post in the node's pool", 120)
        first.signal(signal.SIGKILL)  # sent, not mined: the client never learns the job id
        assert first.wait(30) == -signal.SIGKILL and first.lines == []
        (pending,) = node.rpc("tx_pending")

        again = procs.start(*OBELISK, "--datadir", str(tmp_path / "client"), "--json", *post, env=env)
        node.rpc("dev_mine", 1)
        assert again.wait(120) == 0, again.stderr
        (doc,) = again.lines
        receipt = node.rpc("chain_getReceipt", pending)
        assert receipt["status"] == "success" and doc["job"] == 0 and doc["recovered"] is True
        assert node.rpc("tx_pending") == []  # nothing sent twice

        third = cli_json(env, tmp_path / "client", *post)
        assert third["job"] == 0 and third["recovered"] is True
        newer = procs.start(*OBELISK, "--datadir", str(tmp_path / "client"), "--json", *post, "--again", env=env)
        wait_for(lambda: node.rpc("tx_pending"), "the --again post in the pool", 120)
        node.rpc("dev_mine", 1)
        assert newer.wait(120) == 0, newer.stderr
        assert newer.lines[0]["job"] == 1 and newer.lines[0]["recovered"] is False
        assert node.stop() == 0
    finally:
        node.kill()
