"""The compute market: jobs with escrowed payment, staked workers, commit-reveal, agreement and payout."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

PAYMENT = 1_000
STAKE = 50
COMMIT_BLOCKS = 20
REVEAL_BLOCKS = 20
OPEN, PAID, FAILED = 0, 1, 2

INPUT = hashlib.sha256(b"sealed input data").digest()
GOOD = hashlib.sha256(b"the right answer").digest()
BAD = hashlib.sha256(b"a lazy guess").digest()


def salt_of(worker) -> bytes:
    return hashlib.sha256(b"salt" + bytes(worker.address)).digest()


def commitment(result: bytes, salt: bytes) -> bytes:
    return hashlib.sha256(result + salt).digest()


class Market:
    """A deployed market plus the people around it, with the steps as short calls."""

    def __init__(self, net, handle):
        self.net, self.m = net, handle
        self.client = net.accounts[1]
        self.workers = net.accounts[2:7]

    def post(self, seats=3, quorum=2, payment=PAYMENT, commit_blocks=COMMIT_BLOCKS, **kw):
        kw.setdefault("sender", self.client)
        return self.m.post_job(INPUT, seats, quorum, STAKE, commit_blocks, REVEAL_BLOCKS, value=payment, **kw).value

    def join(self, job, w):
        return self.m.join(job, sender=w, value=STAKE)

    def commit(self, job, w, result):
        return self.m.commit_result(job, commitment(result, salt_of(w)), sender=w)

    def reveal(self, job, w, result):
        return self.m.reveal(job, result, salt_of(w), sender=w)

    def credit(self, who):
        return self.m.credit_of(who.address)

    def job(self, job) -> dict:
        """get_job's struct as a dict, keyed by the field names in the contract's ABI."""
        _, _, fields = self.m.code.function("get_job").returns
        return {name: v for (name, _), v in zip(fields, self.m.get_job(job))}


@pytest.fixture
def mk(net, artifact):
    return Market(net, net.deploy(artifact("compute_market"), sender=net.accounts[0]))


def test_honest_majority_is_paid_and_the_dissenter_loses_its_stake(mk, events):
    w1, w2, w3 = mk.workers[:3]
    r = mk.m.post_job(INPUT, 3, 2, STAKE, COMMIT_BLOCKS, REVEAL_BLOCKS, sender=mk.client, value=PAYMENT)
    job = r.value
    assert events(r, "JobPosted")[0][1]["input_hash"] == INPUT
    assert events(r, "JobPosted")[0][1]["payment"] == PAYMENT
    for seat, w in enumerate((w1, w2, w3)):
        r = mk.join(job, w)
        assert events(r) == [("WorkerJoined", {"job": job, "worker": w.address, "seat": seat})]
    r = mk.commit(job, w1, GOOD)
    assert events(r) == [("Committed", {"job": job, "worker": w1.address,
                                        "commitment": commitment(GOOD, salt_of(w1))})]
    mk.commit(job, w2, GOOD)
    assert mk.m.is_reveal_open(job) is False
    mk.commit(job, w3, BAD)
    assert mk.m.is_reveal_open(job) is True  # every seat committed: no need to wait
    r = mk.reveal(job, w1, GOOD)
    assert events(r) == [("Revealed", {"job": job, "worker": w1.address, "result_hash": GOOD})]
    r = mk.reveal(job, w3, BAD)
    assert events(r, "QuorumReached") == []
    r = mk.reveal(job, w2, GOOD)
    assert events(r, "QuorumReached") == [("QuorumReached", {"job": job, "result_hash": GOOD})]

    r = mk.m.finalize(job, sender=mk.workers[4])  # anyone may settle
    assert events(r, "WorkerPaid") == [
        ("WorkerPaid", {"job": job, "worker": w1.address, "share": 500, "stake": STAKE}),
        ("WorkerPaid", {"job": job, "worker": w2.address, "share": 500, "stake": STAKE}),
    ]
    assert events(r, "StakeForfeited") == [("StakeForfeited", {"job": job, "worker": w3.address, "stake": STAKE})]
    assert events(r, "JobPaid") == [("JobPaid", {"job": job, "result_hash": GOOD, "workers": 2, "share": 500})]
    assert mk.m.job_state(job) == PAID
    assert mk.m.job_result(job) == GOOD
    assert [mk.credit(w) for w in (w1, w2, w3)] == [550, 550, 0]
    assert mk.credit(mk.client) == STAKE

    total = PAYMENT + 3 * STAKE
    assert mk.net.balance(mk.m.address) == total
    for who, amount in ((w1, 550), (w2, 550), (mk.client, STAKE)):
        r = mk.m.withdraw(sender=who)
        assert events(r) == [("Withdrawn", {"who": who.address, "amount": amount})]
    assert mk.net.balance(mk.m.address) == 0


def test_the_remainder_of_an_uneven_split_returns_to_the_client(mk):
    job = mk.post(seats=3, quorum=2, payment=1_001)
    for w in mk.workers[:3]:
        mk.join(job, w)
        mk.commit(job, w, GOOD)
    for w in mk.workers[:3]:
        mk.reveal(job, w, GOOD)
    mk.m.finalize(job)
    assert [mk.credit(w) for w in mk.workers[:3]] == [333 + STAKE] * 3
    assert mk.credit(mk.client) == 2


def test_a_reveal_that_does_not_match_its_commitment_is_refused(mk):
    w1, w2, w3 = mk.workers[:3]
    job = mk.post()
    for w in (w1, w2, w3):
        mk.join(job, w)
    mk.commit(job, w1, GOOD)
    mk.commit(job, w2, GOOD)
    mk.commit(job, w3, BAD)
    # w3 saw the others reveal GOOD and wants to switch its answer: refused.
    mk.reveal(job, w1, GOOD)
    with reverts("reveal does not match commitment"):
        mk.reveal(job, w3, GOOD)
    with reverts("reveal does not match commitment"):
        mk.m.reveal(job, BAD, b"wrong salt" * 4, sender=w3)
    # A short salt (guessable) never opens a commitment, even a matching one.
    short = b"123"
    job2 = mk.post(seats=1, quorum=1)
    mk.join(job2, w1)
    mk.m.commit_result(job2, commitment(GOOD, short), sender=w1)
    with reverts("reveal does not match commitment"):
        mk.m.reveal(job2, GOOD, short, sender=w1)
    # The failed attempts changed nothing: w3 can still reveal what it committed.
    mk.reveal(job, w3, BAD)
    assert mk.job(job)["revealed"] == 2


def test_copied_commitments_and_double_steps_are_refused(mk):
    w1, w2, w3 = mk.workers[:3]
    job = mk.post()
    mk.join(job, w1)
    with reverts("already joined"):
        mk.join(job, w1)
    mk.join(job, w2)
    sealed = commitment(GOOD, salt_of(w1))
    mk.m.commit_result(job, sealed, sender=w1)
    with reverts("already committed"):
        mk.m.commit_result(job, commitment(BAD, salt_of(w1)), sender=w1)
    with reverts("commitment already used"):
        mk.m.commit_result(job, sealed, sender=w2)  # w2 copies w1's sealed answer
    with reverts("not a worker on this job"):
        mk.m.commit_result(job, commitment(GOOD, salt_of(w3)), sender=w3)
    with reverts("commitment must be 32 bytes"):
        mk.m.commit_result(job, b"short", sender=w2)


def test_seats_stakes_and_the_client_are_checked_on_join(mk):
    job = mk.post(seats=1, quorum=1)
    with reverts("stake must equal the job's stake"):
        mk.m.join(job, sender=mk.workers[0], value=STAKE - 1)
    with reverts("stake must equal the job's stake"):
        mk.m.join(job, sender=mk.workers[0])
    with reverts("the client cannot work on its own job"):
        mk.m.join(job, sender=mk.client, value=STAKE)
    mk.join(job, mk.workers[0])
    with reverts("no free seat"):
        mk.join(job, mk.workers[1])
    with reverts("no such job"):
        mk.join(job + 1, mk.workers[1])
    assert mk.net.balance(mk.m.address) == PAYMENT + STAKE


def test_phases_follow_the_deadlines(mk, advance):
    w1, w2, w3 = mk.workers[:3]
    job = mk.post()
    mk.join(job, w1)
    mk.join(job, w2)
    mk.commit(job, w1, GOOD)
    mk.commit(job, w2, GOOD)
    with reverts("reveal phase has not started"):
        mk.reveal(job, w1, GOOD)  # a seat is still free, so the commit phase runs on
    with reverts("reveal phase is not over"):
        mk.m.finalize(job)
    job_info = mk.job(job)
    advance(mk.net, job_info["commit_deadline"] - mk.net.height)  # the next transaction runs past the commit deadline
    with reverts("commit phase is over"):
        mk.join(job, w3)
    with reverts("commit phase is over"):
        mk.commit(job, w1, BAD)
    mk.reveal(job, w1, GOOD)
    advance(mk.net, job_info["reveal_deadline"] - mk.net.height)  # ... and past the reveal deadline
    with reverts("reveal phase is over"):
        mk.reveal(job, w2, GOOD)
    r = mk.m.finalize(job)
    # Only one of two agreed (quorum 2): no result; w1 revealed and gets its stake back,
    # w2 never revealed and loses it; the client gets the payment back.
    assert [e.name for e in r.logs] == ["StakeReturned", "StakeForfeited", "JobFailed"]
    assert mk.m.job_state(job) == FAILED
    assert mk.credit(w1) == STAKE
    assert mk.credit(w2) == 0
    assert mk.credit(mk.client) == PAYMENT + STAKE
    with reverts("job is settled"):
        mk.m.finalize(job)


def test_a_job_nobody_takes_is_refunded_after_the_commit_deadline(mk, advance):
    job = mk.post()
    advance(mk.net, COMMIT_BLOCKS + 1)
    r = mk.m.finalize(job)
    assert r.logs[-1].args == {"job": job, "refund": PAYMENT}
    before = mk.net.balance(mk.client.address)
    r = mk.m.withdraw(sender=mk.client)
    assert r.value == PAYMENT
    assert mk.net.balance(mk.client.address) == before + PAYMENT - r.gas_used * mk.net.tx(r.tx_hash).gas_price
    with reverts("nothing to withdraw"):
        mk.m.withdraw(sender=mk.client)  # a second withdrawal gets nothing


def test_value_sent_to_a_non_payable_function_is_refused(mk):
    job = mk.post(seats=1, quorum=1)
    mk.join(job, mk.workers[0])
    with reverts("not payable"):
        mk.m.commit_result(job, commitment(GOOD, salt_of(mk.workers[0])), sender=mk.workers[0], value=1)
    assert mk.net.balance(mk.m.address) == PAYMENT + STAKE


@pytest.mark.parametrize("args, value, reason", [
    ((INPUT, 3, 2, STAKE, 5, 5), 0, "a job needs a payment"),
    ((b"\x01" * 31, 3, 2, STAKE, 5, 5), 10, "input hash must be 32 bytes"),
    ((INPUT, 4, 2, STAKE, 5, 5), 10, "quorum must be a majority of the seats"),
    ((INPUT, 3, 4, STAKE, 5, 5), 10, "quorum must be a majority of the seats"),
    ((INPUT, 3, 2**254, STAKE, 5, 5), 10, "quorum must be a majority of the seats"),
    ((INPUT, 3, -1, STAKE, 5, 5), 10, "quorum must be a majority of the seats"),
    ((INPUT, 17, 9, STAKE, 5, 5), 10, "seats out of range"),
    ((INPUT, 3, 2, 0, 5, 5), 10, "stake must be positive"),
    ((INPUT, 3, 2, STAKE, 0, 5), 10, "phases must last at least one block"),
])
def test_bad_jobs_are_refused(mk, args, value, reason):
    with reverts(reason):
        mk.m.post_job(*args, sender=mk.client, value=value)
    assert mk.m.job_count() == 0


def test_a_contract_cannot_take_a_seat(mk, artifact):
    job = mk.post(seats=1, quorum=1)
    grabber = mk.net.deploy(artifact("adversaries", "SeatGrabber"))
    with reverts("stake must equal the job's stake"):
        grabber.grab(mk.m.address, job)  # external calls carry no value


# Whatever each worker does, settlement pays out exactly what came in, and
# only a majority on one answer is paid.
@settings(max_examples=25, deadline=None)
@given(seats=st.integers(1, 5), data=st.data())
def test_money_is_conserved(artifact, seats, data):
    net = obelisk.Devnet()
    mk = Market(net, net.deploy(artifact("compute_market"), sender=net.accounts[0]))
    quorum = seats // 2 + 1
    job = mk.post(seats=seats, quorum=quorum, payment=997)
    # Each seat: "good" answer, "bad" answer, or "silent" (joins, never commits).
    plan = data.draw(st.lists(st.sampled_from(["good", "bad", "silent"]), min_size=seats, max_size=seats))
    workers = mk.workers[:seats]
    for w, p in zip(workers, plan):
        mk.join(job, w)
        if p != "silent":
            mk.commit(job, w, GOOD if p == "good" else BAD)
    if not mk.m.is_reveal_open(job):
        net.mine(COMMIT_BLOCKS)
    for w, p in zip(workers, plan):
        if p != "silent":
            mk.reveal(job, w, GOOD if p == "good" else BAD)
    if plan.count("silent"):
        net.mine(REVEAL_BLOCKS)
    mk.m.finalize(job)
    credits = [mk.credit(w) for w in workers]
    assert sum(credits) + mk.credit(mk.client) == 997 + seats * STAKE == net.balance(mk.m.address)
    good = plan.count("good")
    bad = plan.count("bad")
    winner = "good" if good >= quorum else "bad" if bad >= quorum else None
    assert mk.m.job_state(job) == (PAID if winner else FAILED)
    for c, p in zip(credits, plan):
        if winner:
            assert c == (997 // plan.count(winner) + STAKE if p == winner else 0)
        else:
            assert c == (STAKE if p != "silent" else 0)


def test_a_full_job_of_sixteen_seats_settles_within_gas(mk):
    # Settlement walks every seat: the seat limit keeps that walk affordable.
    net = mk.net
    workers = [obelisk.PrivateKey(hashlib.sha256(b"worker %d" % i).digest()) for i in range(16)]
    for w in workers:
        net.transfer(mk.client, w.address, 10**9)
    job = mk.post(seats=16, quorum=9, payment=16_000, commit_blocks=100)
    for i, w in enumerate(workers):
        mk.join(job, w)
        mk.commit(job, w, GOOD if i < 10 else BAD)
    for i, w in enumerate(workers):
        mk.reveal(job, w, GOOD if i < 10 else BAD)
    r = mk.m.finalize(job)
    assert len(r.logs) == 17
    assert r.gas_used < 1_000_000
    assert [mk.credit(w) for w in workers] == [1_600 + STAKE] * 10 + [0] * 6
    assert mk.credit(mk.client) == 6 * STAKE
    with pytest.raises(obelisk.Reverted):
        mk.post(seats=17, quorum=9)


# -- sealed jobs: announced keys, runner ids, wrapped data keys, delivered results --------

RUNNER = hashlib.sha256(b"a runner id").digest()
BLOB = hashlib.sha256(b"sealed input blob").digest()


def enc_key(who) -> bytes:
    from obelisk.compute import crypto

    return crypto.account_encryption_key(who.seed)


def post_sealed(mk, seats=3, quorum=2, payment=PAYMENT, **kw):
    kw.setdefault("sender", mk.client)
    return mk.m.post_sealed_job(RUNNER, INPUT, BLOB, enc_key(mk.client).public, seats, quorum, STAKE,
                                COMMIT_BLOCKS, REVEAL_BLOCKS, value=payment, **kw)


def test_workers_announce_keys_runners_and_prices(mk, events, reverted):
    w1, w2 = mk.workers[:2]
    r = mk.m.announce(enc_key(w1).public, RUNNER, 700, sender=w1)
    assert events(r) == [("WorkerAnnounced", {"worker": w1.address, "enc_key": enc_key(w1).public,
                                              "runner": RUNNER, "min_payment": 700})]
    mk.m.announce(enc_key(w1).public, BLOB, 5, sender=w1)  # a second runner: still one worker
    mk.m.announce(enc_key(w2).public, RUNNER, 0, sender=w2)
    assert mk.m.worker_count() == 2
    assert [mk.m.worker_at(i) for i in range(2)] == [w1.address, w2.address]
    assert mk.m.encryption_key(w1.address) == enc_key(w1).public
    assert mk.m.offer_of(w1.address, RUNNER) == (700, True)
    mk.m.retire(RUNNER, sender=w1)
    assert mk.m.offer_of(w1.address, RUNNER) == (700, False)
    with reverted("no such offer"):
        mk.m.retire(RUNNER, sender=w1)
    with reverted("encryption key must be 32 bytes"):
        mk.m.announce(b"short", RUNNER, 1, sender=w1)
    with reverted("runner id must be 32 bytes"):
        mk.m.announce(enc_key(w1).public, b"digits", 1, sender=w1)
    with reverted("minimum payment must not be negative"):
        mk.m.announce(enc_key(w1).public, RUNNER, -1, sender=w1)
    with reverted("no such worker"):
        mk.m.worker_at(2)


def test_a_sealed_job_names_its_runner_blob_and_client_key(mk, events, reverted):
    r = post_sealed(mk)
    job = r.value
    assert events(r, "SealedJob") == [("SealedJob", {"job": job, "runner": RUNNER, "input_blob": BLOB,
                                                     "client_key": enc_key(mk.client).public})]
    info = mk.job(job)
    assert (info["runner"], info["input_blob"], info["input_hash"]) == (RUNNER, BLOB, INPUT)
    assert mk.job(mk.post())["runner"] == b""  # post_job: a job described off chain
    for args, reason in [((b"x", INPUT, BLOB, b"k" * 32), "runner id must be 32 bytes"),
                         ((RUNNER, INPUT, b"x", b"k" * 32), "input blob hash must be 32 bytes"),
                         ((RUNNER, INPUT, BLOB, b"k" * 31), "client key must be 32 bytes"),
                         ((RUNNER, b"x", BLOB, b"k" * 32), "input hash must be 32 bytes")]:
        with reverted(reason):
            mk.m.post_sealed_job(*args, 3, 2, STAKE, 5, 5, sender=mk.client, value=10)


def test_only_workers_with_a_key_take_seats_and_only_the_client_wraps(mk, events, reverted):
    from obelisk.compute import crypto

    w1, w2, w3 = mk.workers[:3]
    job = post_sealed(mk).value
    with reverted("announce an encryption key first"):
        mk.join(job, w1)
    for w in (w1, w2):
        mk.m.announce(enc_key(w).public, RUNNER, 0, sender=w)
        mk.join(job, w)
    seat = mk.m.get_seat(job, 0)
    _, _, fields = mk.m.code.function("get_seat").returns
    seat = dict(zip([n for n, _ in fields], seat))
    assert seat["enc_key"] == enc_key(w1).public and seat["wrapped_key"] == b""

    data_key = crypto.new_data_key()
    wrapped = crypto.wrap_data_key(data_key, seat["enc_key"], job_id=job)
    with reverted("only the client publishes keys"):
        mk.m.publish_key(job, 0, wrapped, sender=w1)
    with reverted("no such seat"):
        mk.m.publish_key(job, 2, wrapped, sender=mk.client)
    with reverted("wrapped key must be 93 bytes"):
        mk.m.publish_key(job, 0, wrapped[:-1], sender=mk.client)
    r = mk.m.publish_key(job, 0, wrapped, sender=mk.client)
    assert events(r) == [("KeyPublished", {"job": job, "seat": 0, "worker": w1.address, "wrapped_key": wrapped})]
    with reverted("key already published"):
        mk.m.publish_key(job, 0, wrapped, sender=mk.client)
    with reverted("not a sealed job"):
        mk.m.publish_key(mk.post(), 0, wrapped, sender=mk.client)

    # What is on chain opens for the seated worker only.
    on_chain = mk.m.get_seat(job, 0)[4]
    assert crypto.unwrap_data_key(on_chain, enc_key(w1), job_id=job) == data_key
    for other in (w2, w3, mk.client):
        with pytest.raises(crypto.CryptoError):
            crypto.unwrap_data_key(on_chain, enc_key(other), job_id=job)


def test_results_are_delivered_after_the_reveal_and_settlement_is_unchanged(mk, events, reverted):
    w1, w2, w3 = mk.workers[:3]
    from obelisk.compute import crypto

    job = post_sealed(mk).value
    for seat, w in enumerate((w1, w2, w3)):
        mk.m.announce(enc_key(w).public, RUNNER, 0, sender=w)
        mk.join(job, w)
        wrapped = crypto.wrap_data_key(crypto.new_data_key(), enc_key(w).public, job_id=job)
        mk.m.publish_key(job, seat, wrapped, sender=mk.client)
        mk.commit(job, w, GOOD if w is not w3 else BAD)
    result_blob = hashlib.sha256(b"sealed result").digest()
    with reverted("reveal first"):
        mk.m.deliver(job, result_blob, sender=w1)
    for w in (w1, w2, w3):
        mk.reveal(job, w, GOOD if w is not w3 else BAD)
    with reverted("result blob hash must be 32 bytes"):
        mk.m.deliver(job, b"x", sender=w1)
    with reverted("not a worker on this job"):
        mk.m.deliver(job, result_blob, sender=mk.workers[3])
    r = mk.m.finalize(job)
    assert [e.name for e in r.logs] == ["WorkerPaid", "WorkerPaid", "StakeForfeited", "JobPaid"]
    r = mk.m.deliver(job, result_blob, sender=w1)  # after settlement too: the client still needs it
    assert events(r) == [("ResultDelivered", {"job": job, "worker": w1.address, "result_blob": result_blob})]
    with reverted("already delivered"):
        mk.m.deliver(job, result_blob, sender=w1)
    assert [mk.credit(w) for w in (w1, w2, w3)] == [550, 550, 0]
    assert mk.credit(mk.client) == STAKE


def test_a_seat_the_client_gave_no_key_keeps_its_stake(mk, reverted, advance):
    from obelisk.compute import crypto

    w1, w2, w3 = mk.workers[:3]
    job = post_sealed(mk).value
    for w in (w1, w2, w3):
        mk.m.announce(enc_key(w).public, RUNNER, 0, sender=w)
        mk.join(job, w)
    # The client wraps the key for w1 and w2 only; w3 cannot open the data.
    for seat, w in enumerate((w1, w2)):
        wrapped = crypto.wrap_data_key(crypto.new_data_key(), enc_key(w).public, job_id=job)
        mk.m.publish_key(job, seat, wrapped, sender=mk.client)
        mk.commit(job, w, GOOD)
    advance(mk.net, COMMIT_BLOCKS)
    for w in (w1, w2):
        mk.reveal(job, w, GOOD)
    r = mk.m.finalize(job)
    assert [e.name for e in r.logs] == ["WorkerPaid", "WorkerPaid", "StakeReturned", "JobPaid"]
    assert [mk.credit(w) for w in (w1, w2, w3)] == [550, 550, STAKE]
    assert mk.credit(mk.client) == 0
