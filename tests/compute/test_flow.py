"""The whole compute flow on an in-process chain: a client, three workers (one lazy) and an
outsider; restarts between commit and reveal; a tampered blob; a job nobody serves."""
from __future__ import annotations

import hashlib

import pytest

from obelisk.compute import crypto, runners
from obelisk.compute.blobs import BlobStore
from obelisk.compute.client import JobClient, JobError
from obelisk.compute.market import DevnetMarket, StoreBlobs, market_source
from obelisk.compute.worker import Policy, Worker
from obelisk.devnet import Devnet
from obelisk.runners import digits

PAYMENT, STAKE = 3_000_000, 1_000_000


class World:
    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.net = Devnet()
        self.market = self.net.deploy(market_source(), sender=self.net.accounts[0])
        self.store = BlobStore(tmp_path)
        self.runner = runners.load("digits")
        self.logs: dict = {}

    def chain_for(self, key):
        return DevnetMarket(self.net, self.market, key)

    def blobs_for(self, key):
        return StoreBlobs(self.store, key.address)

    def worker(self, index, *, lazy=False, blobs=None, max_jobs=4):
        key = self.net.accounts[index]
        log = self.logs.setdefault(index, [])
        return Worker(self.chain_for(key), blobs or self.blobs_for(key), key.seed, [self.runner],
                      self.tmp / f"worker{index}.state", Policy(lazy=lazy, max_jobs=max_jobs),
                      log=lambda event, **f: log.append((event, f)))

    def client(self):
        key = self.net.accounts[1]
        log = self.logs.setdefault(1, [])
        return JobClient(self.chain_for(key), self.blobs_for(key), key.seed, self.tmp / "client.state",
                         log=lambda event, **f: log.append((event, f)))

    def events(self, index, name):
        return [f for e, f in self.logs.get(index, []) if e == name]


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    yield w
    w.store.close()
    w.net.close()


def samples(n=20) -> bytes:
    x, _ = digits.held_out()
    return x[:n].tobytes()


def run_until(world, job, workers, client, done, rounds=60):
    for _ in range(rounds):
        for w in workers:
            w.step()
        client.serve_keys(job)
        if done():
            return
    raise AssertionError("the flow did not finish")


def test_three_workers_one_lazy_the_majority_is_paid_and_only_the_client_opens_the_result(world):
    client = world.client()
    honest = [world.worker(2), world.worker(3)]
    lazy = world.worker(4, lazy=True)
    rid = runners.id_of(world.runner)
    job = client.post(samples(), rid, payment=PAYMENT, seats=3, quorum=2, stake=STAKE,
                      commit_blocks=40, reveal_blocks=40)
    balances = {i: world.net.balance(world.net.accounts[i].address) for i in (1, 2, 3, 4)}
    run_until(world, job, honest + [lazy], client,
              lambda: all(not w.state["jobs"] for w in honest + [lazy]) and client.settle(job) != "open")

    status = client.status(job)
    assert status["state"] == "paid" and status["revealed"] == 3
    assert client.state["keys"] == {}  # settled: the data key is forgotten
    expected = world.runner.run(samples())
    assert client.result(job) == expected  # opened, checked against the agreed hash
    assert status["result_hash"] == "0x" + hashlib.sha256(expected).hexdigest()
    # Paid: the two honest workers each got half the payment back on top of their stake
    # (less gas); the lazy one lost its stake to the client.
    for i in (2, 3):
        assert world.events(i, "withdrew") == [{"amount": PAYMENT // 2 + STAKE}]
        assert world.events(i, "settled")[0]["agreed"] is True
    assert world.events(4, "withdrew") == []
    assert world.events(4, "settled")[0]["agreed"] is False
    assert world.net.balance(world.net.accounts[4].address) < balances[4] - STAKE + 1
    assert world.net.balance(world.market.address) == 0

    # Only the client opens a delivered result; a worker holding the blob cannot.
    seat = world.chain_for(world.net.accounts[2]).view("get_seat", job, 0)
    box = world.store.get(seat["result_blob"])
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(box, crypto.account_encryption_key(world.net.accounts[2].seed), job_id=job,
                           purpose=crypto.PURPOSE_RESULT)


def test_a_worker_that_did_not_take_a_seat_cannot_open_the_data(world):
    client = world.client()
    seated = [world.worker(i) for i in (2, 3, 4)]
    outsider = world.worker(5)
    job = client.post(samples(), runners.id_of(world.runner), payment=PAYMENT, seats=3, quorum=2, stake=STAKE)
    for w in seated:
        w.step()
    outsider.step()
    assert world.events(5, "skipped") == [{"job": job, "reason": "no free seat"}]
    client.serve_keys(job)
    # The outsider has everything that is public: the sealed blob and every wrapped key.
    view = world.chain_for(world.net.accounts[5])
    sealed = world.store.get(view.view("get_job", job)["input_blob"])
    mine = crypto.account_encryption_key(world.net.accounts[5].seed)
    for i in range(3):
        wrapped = view.view("get_seat", job, i)["wrapped_key"]
        with pytest.raises(crypto.CryptoError):
            crypto.unwrap_data_key(wrapped, mine, job_id=job)
    with pytest.raises(crypto.CryptoError):
        crypto.open_data(sealed, mine.private)


def test_a_worker_restarted_between_commit_and_reveal_still_reveals(world):
    client = world.client()
    rid = runners.id_of(world.runner)
    job = client.post(samples(8), rid, payment=PAYMENT, seats=3, quorum=2, stake=STAKE)
    workers = {i: world.worker(i) for i in (2, 3, 4)}
    for w in workers.values():
        w.step()
    client.serve_keys(job)
    workers[2].step()
    assert workers[2].state["jobs"][job]["phase"] == "committed"  # reveal waits for the others
    salt = workers[2].state["jobs"][job]["salt"]
    del workers[2]  # gone, as after kill -9: only its state file remains
    for i in (3, 4):
        workers[i].step()
    restarted = world.worker(2)
    assert restarted.state["jobs"][job]["salt"] == salt
    everyone = [restarted, workers[3], workers[4]]
    run_until(world, job, everyone, client,
              lambda: all(not w.state["jobs"] for w in everyone) and client.settle(job) != "open")
    assert client.status(job)["state"] == "paid"
    assert world.events(2, "revealed") and world.events(2, "withdrew") == [{"amount": PAYMENT // 3 + STAKE}]


def test_the_state_file_is_sealed_under_the_workers_key(world):
    client = world.client()
    job = client.post(samples(4), runners.id_of(world.runner), payment=PAYMENT, seats=1, quorum=1, stake=STAKE)
    w = world.worker(2)
    w.step()
    client.serve_keys(job)
    w.step()
    raw = (world.tmp / "worker2.state").read_bytes()
    assert w.state["jobs"][job]["salt"] not in raw
    from obelisk.compute.state import SealedState, StateError

    with pytest.raises(StateError, match="does not open"):
        SealedState(world.tmp / "worker2.state", world.net.accounts[3].seed, "worker").load()


class TamperedBlobs:
    """A blob source that alters what it serves (a bad node)."""

    def __init__(self, inner):
        self.inner = inner

    def put(self, data):
        return self.inner.put(data)

    def get(self, digest):
        data = self.inner.get(digest)
        return None if data is None else data[:-1] + bytes([data[-1] ^ 1])


def test_a_tampered_blob_is_refused_by_its_hash(world):
    client = world.client()
    job = client.post(samples(4), runners.id_of(world.runner), payment=PAYMENT, seats=1, quorum=1, stake=STAKE)
    key = world.net.accounts[2]
    w = world.worker(2, blobs=TamperedBlobs(world.blobs_for(key)))
    w.step()
    client.serve_keys(job)
    w.step()
    (event,) = world.events(2, "cannot serve")
    assert "input blob refused" in event["reason"] and "does not match its hash" in event["reason"]
    assert world.events(2, "committed") == []


def test_a_job_nobody_serves_returns_the_clients_money_after_the_deadline(world):
    client = world.client()
    other_runner = runners.runner_id("someone-elses-model", "1", bytes(32))
    before = world.net.balance(world.net.accounts[1].address)
    job = client.post(samples(4), other_runner, payment=PAYMENT, seats=1, quorum=1, stake=STAKE,
                      commit_blocks=3, reveal_blocks=3)
    w = world.worker(2)
    w.step()
    assert world.events(2, "skipped")[0]["reason"].startswith("runner 0x")
    assert client.settle(job) == "open"
    world.net.mine(7)
    assert client.settle(job) == "failed"
    assert world.events(1, "withdrew") == [{"amount": PAYMENT}]  # the whole payment came back
    assert before - world.net.balance(world.net.accounts[1].address) < PAYMENT // 5  # gas only
    with pytest.raises(JobError, match="no agreed result"):
        client.result(job)


def test_input_the_runner_refuses_is_answered_with_an_agreed_refusal(world):
    client = world.client()
    job = client.post(b"not 64-byte samples", runners.id_of(world.runner), payment=PAYMENT, seats=1,
                      quorum=1, stake=STAKE)
    w = world.worker(2)
    run_until(world, job, [w], client, lambda: client.settle(job) != "open")
    assert client.result(job).startswith(b"obelisk: the runner refused the input: digits takes samples of 64")


@pytest.mark.parametrize("wrong", ["wrapped to another worker", "another data key"])
def test_a_wrong_wrapped_key_is_refused_and_nothing_is_committed(world, wrong):
    client = world.client()
    job = client.post(samples(4), runners.id_of(world.runner), payment=PAYMENT, seats=1, quorum=1, stake=STAKE)
    w = world.worker(2)
    w.step()  # seated
    if wrong == "wrapped to another worker":
        recipient, data_key = crypto.account_encryption_key(world.net.accounts[3].seed).public, client.state["keys"]
        data_key = next(iter(data_key.values()))
    else:
        recipient, data_key = crypto.account_encryption_key(world.net.accounts[2].seed).public, crypto.new_data_key()
    wrapped = crypto.wrap_data_key(data_key, recipient, job_id=job)
    world.chain_for(world.net.accounts[1]).send("publish_key", job, 0, wrapped)
    w.step()
    (event,) = world.events(2, "cannot serve")
    assert event["job"] == job and event["reason"].startswith("cannot open the input")
    assert world.events(2, "computed") == [] and world.events(2, "committed") == []
    seat = world.chain_for(world.net.accounts[2]).view("get_seat", job, 0)
    assert seat["commitment"] == b""
