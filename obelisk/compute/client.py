"""The job client: seal and post a job, give each seated worker the data key, follow the
job, settle it, and open the agreed result (only the client can).

The data key of every job is kept in the client's sealed state file until the job is
settled, so a client restarted while its job runs can still serve keys. A post is recorded
there (signed transaction and hash) before it is sent, so posting the same data again finds
the job a lost answer hid instead of paying twice.
"""
from __future__ import annotations

import hashlib

from . import crypto
from .blobs import BlobError
from .market import OPEN, PAID, STATES, Blobs, MarketChain, MarketReverted, Stale, fetch_verified
from .state import SealedState

MAX_POSTS = 1024     # posts remembered (for re-runs); the oldest settled ones are forgotten first
SIGN_RETRIES = 20    # a nonce taken by another sender of this account meanwhile: sign again


class JobError(ValueError):
    """A job that cannot be posted, served or opened; the message says why."""


class JobClient:
    def __init__(self, chain: MarketChain, blobs: Blobs, seed: bytes, state_path, log=None):
        self.chain, self.blobs = chain, blobs
        self.key = crypto.account_encryption_key(seed)
        self.state_file = SealedState(state_path, seed, "client")
        self.state = self.state_file.load() or {"version": 1, "keys": {}}
        self.state.setdefault("posts", {})
        self._log = log or (lambda event, **fields: None)

    def post(self, data: bytes, runner_id: bytes, *, payment: int, seats: int, quorum: int, stake: int,
             commit_blocks: int = 20, reveal_blocks: int = 20, again: bool = False) -> int:
        """Seals data under a fresh key, stores the sealed blob, posts the job; returns its id.

        Idempotent per (market, runner, data): when this account posted the same data for the
        same runner before, the earlier job is returned (found again from the recorded
        transaction if its answer was lost) and nothing is paid twice, unless `again`."""
        key = bytes(self.chain.market) + runner_id + hashlib.sha256(data).digest()
        record = self.state["posts"].get(key)
        if record is not None and not again:
            job = self._resume(key, record)
            if job is not None:
                self._log("already posted", job=job, input_blob="0x" + record["blob"].hex(),
                          runner_id="0x" + runner_id.hex())
                return job
        data_key = crypto.new_data_key()
        blob = self.blobs.put(crypto.seal_data(data, data_key))
        args = (runner_id, hashlib.sha256(data).digest(), blob, self.key.public, seats, quorum, stake,
                commit_blocks, reveal_blocks)
        for _ in range(SIGN_RETRIES):
            tx_hash, raw = self.chain.sign("post_sealed_job", *args, value=payment)
            # Key and transaction are on disk before the transaction leaves: a crash or a lost
            # answer from here on is recovered by post() again (or serve_keys) from this record.
            self.state["keys"][blob] = data_key
            self._remember(key, {"blob": blob, "tx": tx_hash, "raw": raw, "job": None})
            try:
                self.chain.submit(raw)
                break
            except Stale:  # another send of this account took the nonce between sign and submit
                continue
            except MarketReverted as exc:  # refused by the node (funds, gas): no job, nothing to recover
                self.state["posts"].pop(key, None)
                self.state_file.save(self.state)
                raise JobError(f"job refused: {exc.reason}") from None
        else:
            raise JobError("could not post: the account's nonce kept moving (another sender of this account?)")
        job = self._mined(key, self.state["posts"][key])
        self._log("posted", job=job, input_blob="0x" + blob.hex(), runner_id="0x" + runner_id.hex())
        return job

    def _remember(self, key: bytes, record: dict) -> None:
        posts = self.state["posts"]
        posts.pop(key, None)
        posts[key] = record  # newest last
        while len(posts) > MAX_POSTS:
            oldest = next((k for k, r in posts.items() if r["job"] is not None), next(iter(posts)))
            del posts[oldest]
        self.state_file.save(self.state)

    def _mined(self, key: bytes, record: dict) -> int:
        """Waits for the recorded post to be mined; its job id, saved."""
        try:
            job = self.chain.wait("post_sealed_job", record["tx"])
        except MarketReverted as exc:
            self.state["posts"].pop(key, None)
            self.state_file.save(self.state)
            raise JobError(f"job refused: {exc.reason}") from None
        record.update(job=job, raw=None)
        self.state_file.save(self.state)
        return job

    def _resume(self, key: bytes, record: dict) -> int | None:
        """The job of an earlier post of the same data, or None when that post never made a job
        (it reverted, its transaction was never taken, or the record is of another chain)."""
        if record["job"] is None:
            try:
                if self.chain.outcome("post_sealed_job", record["tx"]) is None:
                    if self.blobs.get(record["blob"]) is None:
                        return None  # a node that never saw its input: not this post's network
                    # Sent again, the same bytes: a node that lost it takes it back, and at most one
                    # of the copies can ever be mined (one nonce).
                    self.chain.submit(record["raw"])
                return self._mined(key, record)
            except (MarketReverted, JobError, Stale):
                try:  # mined just now, between our look and our send?
                    if self.chain.outcome("post_sealed_job", record["tx"]) is not None:
                        return self._mined(key, record)
                except MarketReverted:
                    pass
                return None
        try:
            job = self.chain.view("get_job", record["job"])
        except MarketReverted:
            return None
        if job["input_blob"] != record["blob"] or job["client"] != self.chain.address:
            return None  # the record is of another chain (a dev network started afresh)
        return record["job"]

    def _job(self, job_id: int) -> dict:
        try:
            return self.chain.view("get_job", job_id)
        except MarketReverted as exc:
            raise JobError(f"job {job_id}: {exc.reason}") from None

    def serve_keys(self, job_id: int) -> int:
        """Wraps the data key to every seat still without one; returns how many were published."""
        job = self._job(job_id)
        data_key = self.state["keys"].get(job["input_blob"])
        if data_key is None:
            raise JobError(f"job {job_id}: this client does not hold its data key")
        if job["state"] != OPEN or self.chain.view("is_reveal_open", job_id):
            return 0
        published = 0
        for i in range(job["joined"]):
            seat = self.chain.view("get_seat", job_id, i)
            if seat["wrapped_key"]:
                continue
            try:
                wrapped = crypto.wrap_data_key(data_key, seat["enc_key"], job_id=job_id)
            except crypto.CryptoError as exc:  # a worker announced a key that is no key
                self._log("skipped", job=job_id, seat=i, reason=f"worker's key refused: {exc}")
                continue
            try:
                self.chain.send("publish_key", job_id, i, wrapped)
            except MarketReverted as exc:
                self._log("warning", job=job_id, seat=i, reason=f"publish_key refused: {exc.reason}")
                continue
            published += 1
            self._log("key published", job=job_id, seat=i, worker=str(seat["worker"]))
        return published

    def status(self, job_id: int) -> dict:
        """Phase, seats, commitments, reveals and outcome, as a JSON-ready document."""
        job = self._job(job_id)
        height = self.chain.height()
        if job["state"] != OPEN:
            phase = STATES[job["state"]]
        elif self.chain.view("is_reveal_open", job_id):
            phase = "reveal" if height + 1 <= job["reveal_deadline"] else "settling"
        else:
            phase = "commit"
        seats = []
        for i in range(job["joined"]):
            s = self.chain.view("get_seat", job_id, i)
            seats.append({"worker": str(s["worker"]), "key_published": bool(s["wrapped_key"]),
                          "committed": bool(s["commitment"]),
                          "revealed": "0x" + s["result_hash"].hex() if s["result_hash"] else None,
                          "result_blob": "0x" + s["result_blob"].hex() if s["result_blob"] else None})
        return {"job": job_id, "phase": phase, "state": STATES[job["state"]], "height": height,
                "client": str(job["client"]), "runner_id": "0x" + job["runner"].hex(),
                "payment": job["payment"], "stake": job["stake"], "seats": job["seats"], "quorum": job["quorum"],
                "commit_deadline": job["commit_deadline"], "reveal_deadline": job["reveal_deadline"],
                "joined": job["joined"], "committed": job["committed"], "revealed": job["revealed"],
                "result_hash": "0x" + job["result_hash"].hex() if job["result_hash"] else None,
                "seat_list": seats}

    def settle(self, job_id: int) -> str:
        """Finalizes the job when its reveal phase is over, then withdraws any credit; the job's state."""
        job = self._job(job_id)
        if job["state"] == OPEN:
            over = self.chain.height() + 1 > job["reveal_deadline"] or (
                self.chain.view("is_reveal_open", job_id) and job["revealed"] == job["committed"])
            if not over:
                return "open"
            try:
                self.chain.send("finalize", job_id)
            except MarketReverted as exc:
                if exc.reason != "job is settled":
                    raise JobError(f"finalize refused: {exc.reason}") from None
            job = self._job(job_id)
        if job["state"] != OPEN and self.state["keys"].pop(job["input_blob"], None) is not None:
            self.state_file.save(self.state)  # settled: the data key has no further use here
        if self.chain.view("credit_of", self.chain.address) > 0:
            amount = self.chain.send("withdraw")
            self._log("withdrew", amount=amount)
        return STATES[job["state"]]

    def result(self, job_id: int) -> bytes:
        """The agreed result, opened with the client's key and checked against the hash on chain."""
        job = self._job(job_id)
        if job["state"] != PAID:
            raise JobError(f"job {job_id} has no agreed result (it is {STATES[job['state']]})")
        tried = []
        for i in range(job["joined"]):
            seat = self.chain.view("get_seat", job_id, i)
            if seat["result_hash"] != job["result_hash"] or not seat["result_blob"]:
                continue
            try:
                box = fetch_verified(self.blobs, seat["result_blob"])
                if box is None:
                    tried.append(f"seat {i}: blob not found")
                    continue
                result = crypto.open_sealed(box, self.key, job_id=job_id, purpose=crypto.PURPOSE_RESULT)
            except (BlobError, crypto.CryptoError) as exc:
                tried.append(f"seat {i}: {exc}")
                continue
            if hashlib.sha256(result).digest() == job["result_hash"]:
                return result
            tried.append(f"seat {i}: the opened result does not match the agreed hash")
        raise JobError(f"job {job_id}: no agreeing worker delivered a result that opens"
                       + (f" ({'; '.join(tried)})" if tried else ""))
