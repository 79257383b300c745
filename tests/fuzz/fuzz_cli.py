"""Fuzz part (d): random mixes of `obelisk` commands run at once against one datadir, as real processes.

Every command must end with exit 0, 1 (a revert) or 2 (refused, e.g. the
datadir is busy) and no traceback; afterwards `obelisk verify` must pass and
every transaction a command acknowledged must have its receipt (else: data lost).
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from fuzzcore import ROOT, Progress, Tally

SCRIPT = Path(sys.executable).parent / "obelisk"
TOKEN = ROOT / "examples" / "token.contract"
COMMAND_TIMEOUT = 120.0


def lock_present() -> bool:
    """Whether the datadir has its one-writer lock (the chain's part of this campaign)."""
    return importlib.util.find_spec("chain.lock") is not None


def _command(rnd: random.Random, token: str | None, accounts: list) -> list:
    k = rnd.random()
    if k < 0.4:
        return ["send", str(rnd.randrange(1, 10)), str(rnd.randint(1, 1000)), "--from", str(rnd.randrange(3))]
    if k < 0.55:
        return ["mine", str(rnd.randint(1, 2))]
    if k < 0.7 and token:
        return ["call", token, "transfer", rnd.choice(accounts), str(rnd.randint(1, 50)), "--from", "0"]
    if k < 0.8:
        return ["balance", str(rnd.randrange(10))]
    if k < 0.9:
        return ["verify"]
    return ["accounts"]


def _start(args: list, datadir: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}
    return subprocess.Popen([str(SCRIPT), "--json", "--datadir", str(datadir), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _finish(proc: subprocess.Popen, args: list, tally: Tally, acked: list) -> None:
    try:
        out, err = proc.communicate(timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        tally.defect("hangs", " ".join(args))
        return
    tally.count(f"{args[0]}:exit{proc.returncode}")
    if proc.returncode == 2:  # refused: say why, briefly (a busy datadir is fine; a crash in words is not)
        tally.count(f"{args[0]}:refused:{(err.strip().splitlines() or [''])[-1][:70]}")
    if proc.returncode not in (0, 1, 2) or "Traceback" in err or "internal error" in err:
        tally.defect("host_exceptions", f"{' '.join(args)} -> exit {proc.returncode}", err[-1500:])
        return
    if proc.returncode in (0, 1) and args[0] in ("send", "call"):
        try:
            doc = json.loads(out)
        except ValueError:
            tally.defect("host_exceptions", f"{' '.join(args)}: --json output is not JSON", out[-500:])
            return
        if doc.get("tx"):
            acked.append((doc["tx"], " ".join(args)))


def _check(datadir: Path, tally: Tally, acked: list) -> None:
    """verify passes, and every acknowledged transaction has a receipt."""
    proc = _start(["verify"], datadir)
    out, err = proc.communicate(timeout=COMMAND_TIMEOUT * 5)
    try:
        valid = proc.returncode == 0 and json.loads(out).get("valid") is True
    except ValueError:
        valid = False
    if not valid:
        tally.defect("data_lost", "verify fails after the mix", (out + err)[-1500:])
    for tx, what in acked:
        proc = _start(["receipt", tx], datadir)
        out, err = proc.communicate(timeout=COMMAND_TIMEOUT)
        if proc.returncode != 0:
            tally.defect("data_lost", f"acknowledged but no receipt: {what} ({tx})", (out + err)[-500:])


def run(count: int, datadir: Path, seed: int = 0, parallel: int = 4, progress=None) -> Tally:
    """`count` commands, `parallel` at a time, against a fresh datadir with a token deployed."""
    rnd = random.Random(seed)
    tally, bar, start = Tally(), Progress("cli", count, progress), time.monotonic()
    if not SCRIPT.exists():
        tally.detail["skipped:no-obelisk-command"] = 1
        return tally
    deploy = _start(["deploy", str(TOKEN), "1000000"], datadir)
    out, _ = deploy.communicate(timeout=COMMAND_TIMEOUT)
    token = json.loads(out).get("address") if deploy.returncode == 0 else None
    listing = _start(["accounts"], datadir)
    out, _ = listing.communicate(timeout=COMMAND_TIMEOUT)
    accounts = [a["address"] for a in json.loads(out)] if listing.returncode == 0 else []
    acked: list = []
    running: list = []
    done = 0
    while done < count:
        while len(running) < parallel and done + len(running) < count:
            args = _command(rnd, token if accounts else None, accounts)
            running.append((_start(args, datadir), args))
        proc, args = running.pop(0)
        _finish(proc, args, tally, acked)
        done += 1
        tally.runs += 1
        bar.tick(tally)
    _check(datadir, tally, acked)
    tally.detail["acknowledged"] = len(acked)
    tally.detail["lock"] = 1 if lock_present() else 0
    tally.seconds = time.monotonic() - start
    return tally
