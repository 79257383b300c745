"""Workers that crash at any point (before a send, or after it with the answer lost) and
restart from their state file still get the job settled and are paid."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from obelisk.compute import runners
from obelisk.compute.blobs import BlobStore
from obelisk.compute.client import JobClient
from obelisk.compute.market import DevnetMarket, StoreBlobs, market_source
from obelisk.compute.worker import Worker
from obelisk.devnet import Devnet
from obelisk.runners import digits

PAYMENT, STAKE = 3_000_000, 1_000_000


class Crash(Exception):
    """The process died here."""


class CrashingChain:
    """A DevnetMarket whose sends die before or after reaching the chain, as planned."""

    def __init__(self, inner, plan):
        self.inner, self.plan = inner, plan
        self.address = inner.address

    def height(self):
        return self.inner.height()

    def view(self, fn, *args):
        return self.inner.view(fn, *args)

    def send(self, fn, *args, value=0):
        fate = self.plan.pop(0) if self.plan else "ok"
        if fate == "before":
            raise Crash(fn)
        result = self.inner.send(fn, *args, value=value)
        if fate == "after":  # mined, but the answer never came back
            raise Crash(fn)
        return result


@pytest.fixture(scope="module")
def runner():
    return runners.load("digits")


@settings(max_examples=12, deadline=None)
@given(plans=st.lists(st.lists(st.sampled_from(["ok", "ok", "before", "after"]), max_size=12), min_size=2, max_size=2))
def test_crashing_workers_still_settle_and_are_paid(tmp_path_factory, runner, plans):
    tmp = tmp_path_factory.mktemp("crash")
    net = Devnet()
    market = net.deploy(market_source(), sender=net.accounts[0])
    store = BlobStore(tmp)
    try:
        key = net.accounts[1]
        client = JobClient(DevnetMarket(net, market, key), StoreBlobs(store, key.address), key.seed, tmp / "client")
        x, _ = digits.held_out()
        job = client.post(x[:4].tobytes(), runners.id_of(runner), payment=PAYMENT, seats=2, quorum=2, stake=STAKE,
                          commit_blocks=200, reveal_blocks=200)
        withdrawn = {2: 0, 3: 0}

        def make(i, plan):
            k = net.accounts[i]
            log = lambda event, **f: withdrawn.__setitem__(i, withdrawn[i] + f.get("amount", 0)) \
                if event == "withdrew" else None
            return Worker(CrashingChain(DevnetMarket(net, market, k), plan), StoreBlobs(store, k.address), k.seed,
                          [runner], tmp / f"w{i}", log=log)

        plans = {2: list(plans[0]), 3: list(plans[1])}
        workers = {i: make(i, plans[i]) for i in (2, 3)}
        for _ in range(80):
            for i in (2, 3):
                try:
                    workers[i].step()
                except Crash:
                    workers[i] = make(i, plans[i])  # restarted: only the state file survived
            client.serve_keys(job)
            if client.status(job)["state"] == "paid" and net.balance(market.address) == 0:
                break
        assert client.status(job)["state"] == "paid"
        # Everything paid in went out, and nobody is owed anything: both workers withdrew their
        # share and stake (a withdrawal whose answer was lost is not in the log, only on chain).
        assert net.balance(market.address) == 0
        assert [market.credit_of(net.accounts[i].address) for i in (2, 3)] == [0, 0]
        assert set(withdrawn.values()) <= {0, PAYMENT // 2 + STAKE}
    finally:
        store.close()
        net.close()
