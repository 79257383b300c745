"""The worker's state machine: announce, watch for jobs, take a seat, fetch and check the
sealed input, run the runner, commit, reveal, deliver, finalize and withdraw.

Written against the MarketChain and Blobs interfaces (market.py), one `step()` at a
time. Every secret and every decision is saved (sealed) before the transaction that
depends on it is sent, so a worker killed anywhere carries on from its state file:
killed between commit and reveal, it still reveals.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from . import crypto, runners
from .blobs import BlobError
from .market import OPEN, STATES, Blobs, MarketChain, MarketReverted, Unreachable, fetch_verified
from .state import SealedState

SALT_SIZE = 32
SCAN_PER_STEP = 64   # jobs looked at per step, so a long history is read in bounded slices
MAX_DONE = 256       # settled job ids remembered (for the log), oldest forgotten first


@dataclass(frozen=True)
class Policy:
    min_payment: int = 0
    max_stake: int = 10**30
    max_jobs: int = 4          # seats held at once
    lazy: bool = False         # answers without computing (for demonstrations and tests only)


def refusal(reason: str) -> bytes:
    """The result of input the runner refuses: deterministic, so honest workers agree on it."""
    return b"obelisk: the runner refused the input: " + reason.encode()


class Worker:
    def __init__(self, chain: MarketChain, blobs: Blobs, seed: bytes, serving: list, state_path,
                 policy: Policy = Policy(), log=None):
        """serving: the runner objects this worker runs (runners.load(name) each)."""
        self.chain, self.blobs, self.policy = chain, blobs, policy
        self.key = crypto.account_encryption_key(seed)
        self.runners = {runners.id_of(r): r for r in serving}
        self.state_file = SealedState(state_path, seed, "worker")
        self.state = self.state_file.load() or {"version": 1, "next_job": 0, "announced": [], "jobs": {}, "done": []}
        self._log = log or (lambda event, **fields: None)
        self._said: set = set()  # (job, event) pairs already logged, so waiting is said once

    # -- the loop's one step ---------------------------------------------------------

    def step(self) -> None:
        self._withdraw_if_owed()
        self._announce()
        self._scan()
        for job in sorted(self.state["jobs"]):
            self._advance(job)

    def _save(self) -> None:
        self.state_file.save(self.state)

    def log(self, event: str, once: bool = False, **fields) -> None:
        key = (fields.get("job"), event, fields.get("reason"))
        if once and key in self._said:
            return
        self._said.add(key)
        self._log(event, **fields)

    # -- announcing --------------------------------------------------------------------

    def _announce(self) -> None:
        for rid, runner in sorted(self.runners.items()):
            if rid in self.state["announced"]:
                continue
            offer = self.chain.view("offer_of", self.chain.address, rid)
            key = self.chain.view("encryption_key", self.chain.address)
            if not (offer["active"] and offer["min_payment"] == self.policy.min_payment and key == self.key.public):
                self.chain.send("announce", self.key.public, rid, self.policy.min_payment)
            self.state["announced"].append(rid)
            self._save()
            self.log("announced", runner=runner.name, runner_id="0x" + rid.hex(),
                     min_payment=self.policy.min_payment, enc_key="0x" + self.key.public.hex())

    # -- finding jobs ------------------------------------------------------------------

    def _scan(self) -> None:
        count = self.chain.view("job_count")
        stop = min(count, self.state["next_job"] + SCAN_PER_STEP)
        while self.state["next_job"] < stop and len(self.state["jobs"]) < self.policy.max_jobs:
            job_id = self.state["next_job"]
            if job_id in self.state["jobs"]:  # a seat taken just before a crash: _advance has it
                self.state["next_job"] = job_id + 1
                continue
            job = self.chain.view("get_job", job_id)
            reason = self._why_not(job)
            if reason is None:
                self._take_seat(job_id, job)
            else:
                self.log("skipped", job=job_id, reason=reason)
            self.state["next_job"] = job_id + 1
            self._save()

    def _why_not(self, job) -> str | None:
        """Why this worker does not serve the job, or None when it does."""
        if job["state"] != OPEN:
            return "already settled"
        if not job["runner"]:
            return "not a sealed job (no runner named)"
        if job["runner"] not in self.runners:
            return f"runner 0x{job['runner'].hex()[:16]}… is not one this worker serves"
        if job["client"] == self.chain.address:
            return "our own job"
        if job["payment"] < self.policy.min_payment:
            return f"payment {job['payment']} is below the minimum {self.policy.min_payment}"
        if job["stake"] > self.policy.max_stake:
            return f"stake {job['stake']} is above the maximum {self.policy.max_stake}"
        if job["joined"] >= job["seats"]:
            return "no free seat"
        if self.chain.height() + 1 > job["commit_deadline"]:
            return "the commit phase is over"
        return None

    def _take_seat(self, job_id: int, job) -> None:
        self.state["jobs"][job_id] = {"phase": "joining", "stake": job["stake"]}
        self._save()
        try:
            seat = self.chain.send("join", job_id, value=job["stake"])
        except MarketReverted as exc:
            del self.state["jobs"][job_id]
            self.log("skipped", job=job_id, reason=f"join refused: {exc.reason}")
            return
        self.state["jobs"][job_id].update(phase="seated", seat=seat)
        self._save()
        self.log("joined", job=job_id, seat=seat, stake=job["stake"])

    # -- one job, one phase at a time -----------------------------------------------------

    def _advance(self, job_id: int) -> None:
        record = self.state["jobs"][job_id]
        job = self.chain.view("get_job", job_id)
        phase = record["phase"]
        if phase == "joining":
            self._recover_join(job_id, job, record)
        elif job["state"] != OPEN:
            self._settled(job_id, job, record)
        elif phase == "seated":
            self._compute_and_commit(job_id, job, record)
        elif phase == "committing":
            self._commit(job_id, job, record)
        elif phase == "committed":
            self._reveal(job_id, job, record)
        if self.state["jobs"].get(job_id, {}).get("phase") == "revealed":
            self._deliver(job_id, job, self.state["jobs"][job_id])
        if job_id in self.state["jobs"] and self.state["jobs"][job_id]["phase"] in ("delivered", "abandoned"):
            self._finalize_when_due(job_id, job)

    def _seat(self, job_id: int, record) -> dict:
        return self.chain.view("get_seat", job_id, record["seat"])

    def _recover_join(self, job_id: int, job, record) -> None:
        # Killed after saving "joining": the join may or may not have been mined.
        for i in range(job["joined"]):
            if self.chain.view("get_seat", job_id, i)["worker"] == self.chain.address:
                record.update(phase="seated", seat=i)
                self._save()
                self.log("joined", job=job_id, seat=i, stake=job["stake"], recovered=True)
                return
        del self.state["jobs"][job_id]
        self._save()
        if self._why_not(job) is None:
            self._take_seat(job_id, job)

    def _compute_and_commit(self, job_id: int, job, record) -> None:
        seat = self._seat(job_id, record)
        if not seat["wrapped_key"]:
            if self.chain.height() + 1 > job["commit_deadline"]:
                self._abandon(job_id, record, "the client published no key before the commit deadline")
            else:
                self.log("waiting", once=True, job=job_id, reason="for the client to publish our wrapped key")
            return
        try:
            sealed = fetch_verified(self.blobs, job["input_blob"])
        except BlobError as exc:
            self._abandon(job_id, record, f"input blob refused: {exc}")
            return
        if sealed is None:
            self.log("waiting", once=True, job=job_id, reason=f"for input blob 0x{job['input_blob'].hex()}")
            return
        try:
            data_key = crypto.unwrap_data_key(seat["wrapped_key"], self.key, job_id=job_id)
            data = crypto.open_data(sealed, data_key)
        except crypto.CryptoError as exc:
            self._abandon(job_id, record, f"cannot open the input: {exc}")
            return
        if hashlib.sha256(data).digest() != job["input_hash"]:
            self._abandon(job_id, record, "the opened input does not match the job's input hash")
            return
        result = self._run(job["runner"], data)
        record.update(phase="committing", result=result, result_hash=hashlib.sha256(result).digest(),
                      salt=os.urandom(SALT_SIZE))
        self._save()  # the salt is on disk before the commitment that needs it is sent
        self.log("computed", job=job_id, result_hash="0x" + record["result_hash"].hex(), lazy=self.policy.lazy)
        self._commit(job_id, job, record)

    def _run(self, runner_id: bytes, data: bytes) -> bytes:
        if self.policy.lazy:
            return b"a guess, not computed"
        runner = self.runners[runner_id]
        try:
            return runners.run_checked(runner, data)
        except runners.RunnerInputError as exc:
            return refusal(str(exc))

    def _commit(self, job_id: int, job, record) -> None:
        commitment = hashlib.sha256(record["result_hash"] + record["salt"]).digest()
        seat = self._seat(job_id, record)
        if seat["commitment"] == commitment:
            pass  # sent before a restart, and mined
        elif seat["commitment"]:
            self._abandon(job_id, record, "the seat holds a commitment this worker cannot open")
            return
        else:
            try:
                self.chain.send("commit_result", job_id, commitment)
            except MarketReverted as exc:
                # A send retried after a lost answer may find its first copy already mined.
                if self._seat(job_id, record)["commitment"] != commitment:
                    self._abandon(job_id, record, f"commit refused: {exc.reason}")
                    return
        record["phase"] = "committed"
        self._save()
        self.log("committed", job=job_id, commitment="0x" + commitment.hex())

    def _reveal(self, job_id: int, job, record) -> None:
        if not self.chain.view("is_reveal_open", job_id):
            self.log("waiting", once=True, job=job_id, reason="for the reveal phase")
            return
        seat = self._seat(job_id, record)
        if not seat["result_hash"]:
            if self.chain.height() + 1 > job["reveal_deadline"]:
                self._abandon(job_id, record, "the reveal phase ended before we could reveal")
                return
            try:
                self.chain.send("reveal", job_id, record["result_hash"], record["salt"])
            except MarketReverted as exc:
                if self._seat(job_id, record)["result_hash"] != record["result_hash"]:
                    self._abandon(job_id, record, f"reveal refused: {exc.reason}")
                    return
        record["phase"] = "revealed"
        self._save()
        self.log("revealed", job=job_id, result_hash="0x" + record["result_hash"].hex())

    def _deliver(self, job_id: int, job, record) -> None:
        box = crypto.seal_to(record["result"], job["client_key"], job_id=job_id, purpose=crypto.PURPOSE_RESULT)
        try:
            digest = self.blobs.put(box)
            self.chain.send("deliver", job_id, digest)
        except BlobError as exc:
            self.log("waiting", once=True, job=job_id, reason=f"result blob not stored: {exc}")
            return
        except MarketReverted as exc:
            if exc.reason != "already delivered":
                self.log("warning", job=job_id, reason=f"deliver refused: {exc.reason}")
            digest = None
        record["phase"] = "delivered"
        self._save()
        self.log("delivered", job=job_id, result_blob=None if digest is None else "0x" + digest.hex())

    def _abandon(self, job_id: int, record, reason: str) -> None:
        record["phase"] = "abandoned"
        self._save()
        self.log("cannot serve", job=job_id, reason=reason)

    def _finalize_when_due(self, job_id: int, job) -> None:
        next_block = self.chain.height() + 1
        over = next_block > job["reveal_deadline"] or (
            self.chain.view("is_reveal_open", job_id) and job["revealed"] == job["committed"])
        if not over:
            self.log("waiting", once=True, job=job_id, reason="for the reveal phase to end")
            return
        try:
            self.chain.send("finalize", job_id)
            self.log("finalized", job=job_id)
        except MarketReverted as exc:
            if exc.reason != "job is settled":  # someone settled it first: fine
                self.log("warning", job=job_id, reason=f"finalize refused: {exc.reason}")
                return
        self._settled(job_id, self.chain.view("get_job", job_id), self.state["jobs"][job_id])

    def _settled(self, job_id: int, job, record) -> None:
        outcome = STATES.get(job["state"], str(job["state"]))
        agreed = bool(job["result_hash"]) and record.get("result_hash") == job["result_hash"]
        self.log("settled", job=job_id, outcome=outcome, agreed=agreed)
        del self.state["jobs"][job_id]
        self.state["done"] = (self.state["done"] + [job_id])[-MAX_DONE:]
        self.state["owed"] = True  # saved with the job's end, so a crash here still withdraws
        self._save()
        self._withdraw_if_owed()

    def _withdraw_if_owed(self) -> None:
        if not self.state.get("owed"):
            return
        if self.chain.view("credit_of", self.chain.address) > 0:
            try:
                amount = self.chain.send("withdraw")
                self.log("withdrew", amount=amount)
            except MarketReverted:  # taken by a send whose answer was lost
                pass
        self.state["owed"] = False
        self._save()


def run(worker: Worker, stop, *, interval: float = 1.0, max_backoff: float = 30.0) -> None:
    """Steps the worker until `stop` (a threading.Event) is set. A node that goes away is
    waited for, with growing pauses, and the worker carries on where its state says."""
    pause = interval
    while not stop.is_set():
        try:
            worker.step()
            pause = interval
        except Unreachable as exc:
            worker.log("node unreachable", reason=str(exc), retry_in=pause)
            pause = min(max_backoff, pause * 2)
        stop.wait(pause)
