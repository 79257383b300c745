"""The library tour: compile two examples, run a short story on a fresh dev chain in this one
process (obelisk.Devnet, contracts called from Python), verify it.

Run it with `.venv/bin/python examples/library_tour.py` (add --json for a machine-readable
summary, --datadir DIR to keep the chain); `bash examples/tour.sh` tells the networked story.
Exit status: 0 the story went as expected, 1 something unexpected happened, 2 bad usage.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path

import lang
import obelisk
from chain import seal

EXAMPLES = Path(__file__).resolve().parent
PASSPHRASE = "shared with the workers, never with the chain"

# The "model" the client pays to have run: a tiny integer linear classifier.
# Integers only, so every honest worker gets exactly the same bytes.
WEIGHTS = (3, -2, 5, -1)
BIAS = -4

# A small data set: one sample of four features per line.
DATASET = """\
2,1,0,3
0,4,1,1
5,0,2,2
1,1,1,1
3,3,0,0
0,0,4,6
"""


def source(name: str) -> str:
    """examples/NAME, relative to the current directory when inside it, so
    revert locations read examples/token.contract:LINE:COL."""
    path = EXAMPLES / name
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class Unexpected(Exception):
    """The story did not go as scripted."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise Unexpected(what)


def run_model(data: bytes) -> bytes:
    """What an honest worker computes: one label per sample, as text."""
    labels = []
    for line in data.decode().splitlines():
        features = [int(x) for x in line.split(",")]
        score = sum(w * x for w, x in zip(WEIGHTS, features)) + BIAS
        labels.append("1" if score > 0 else "0")
    return ("".join(labels) + "\n").encode()


class Story:
    """Collects what happened, prints it as it goes, and sums it up as JSON."""

    def __init__(self, console):
        self.console = console  # None with --json: the summary is the only output
        self.net = None
        self.names: dict = {}
        self.steps: list = []
        self.gas_total = 0
        self.fees: dict = {}  # sender address bytes -> coin paid for gas

    def _paid(self, receipt) -> int:
        """Records what the receipt's sender paid for gas."""
        fee = receipt.gas_used * self.net.tx(receipt.tx_hash).gas_price
        key = bytes(receipt.sender)
        self.fees[key] = self.fees.get(key, 0) + fee
        self.gas_total += receipt.gas_used
        return fee

    def name(self, address, label: str) -> None:
        self.names[bytes(address)] = label

    def who(self, address) -> str:
        label = self.names.get(bytes(address))
        short = str(address)[:10] + "…"
        return f"{label} ({short})" if label else short

    def say(self, text: str = "") -> None:
        if self.console:
            self.console.print(text, highlight=False)

    def table(self, header: list, rows: list) -> None:
        if self.console:
            from rich.table import Table

            t = Table(*header, box=None, padding=(0, 2))
            for row in rows:
                t.add_row(*row)
            self.console.print(t)

    def chapter(self, title: str) -> None:
        if self.console:
            self.console.rule(f"[bold]{title}")

    def show(self, value) -> str:
        """A value for the story: names for known addresses, short hashes;
        text from the chain is escaped so rich never reads it as markup."""
        if isinstance(value, obelisk.Address):
            return self.who(value)
        if isinstance(value, bytes):
            return "0x" + value.hex()[:16] + ("…" if len(value) > 8 else "")
        return _escape(repr(value))

    def tx(self, what: str, receipt) -> None:
        """Records a mined transaction and prints its gas and events."""
        self._paid(receipt)
        events = [{"name": e.name, "args": {k: _jsonable(v) for k, v in e.args.items()}} for e in receipt.logs]
        self.steps.append({"what": what, "status": "success" if receipt.status else "reverted",
                           "gas_used": receipt.gas_used, "block": receipt.block_number, "events": events})
        self.say(f"[green]✓[/] {what}  [dim]block {receipt.block_number}, gas {receipt.gas_used:,}[/]")
        for e in receipt.logs:
            args = ", ".join(f"{k}={self.show(v)}" for k, v in e.args.items())
            self.say(f"    [cyan]{e.name}[/]({args})")

    def refused(self, what: str, err) -> None:
        """Records a transaction the story expected to revert."""
        receipt = err.receipt
        gas = receipt.gas_used if receipt is not None else 0
        if receipt is not None:
            self._paid(receipt)
        self.steps.append({"what": what, "status": "reverted", "gas_used": gas,
                           "reason": err.reason, "location": err.location})
        self.say(f"[yellow]✗[/] {what}  [dim]reverted as expected, gas {gas:,}[/]")
        self.say(f"    reason: [yellow]{_escape(str(err.reason))}[/]  at {_escape(str(err.location))}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _jsonable(v):
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def expect_revert(story: Story, what: str, reason: str, call, *args, **kw) -> None:
    try:
        call(*args, **kw)
    except obelisk.Reverted as err:
        expect(err.reason == reason, f"{what}: expected the revert {reason!r}, got {err.reason!r}")
        story.refused(what, err)
    else:
        raise Unexpected(f"{what}: expected a revert ({reason}), but it succeeded")


def deploy(story: Story, net, art, label: str, *args, sender):
    handle = net.deploy(art, *args, sender=sender)
    story.name(handle.address, label)
    receipt = getattr(handle, "receipt", None)
    if receipt is not None:
        story.tx(f"{story.who(sender.address)} deploys {art.name}", receipt)
    story.say(f"    {art.name} lives at [bold]{handle.address}[/]")
    return handle


def token_chapter(story: Story, net, people) -> dict:
    alice, bob, carol, dave = people["alice"], people["bob"], people["carol"], people["dave"]
    story.chapter("1. A token")
    story.say("alice issues a token (examples/token.contract, an ERC-20 in a dozen functions) and pays two "
              "friends, one of them through an allowance. Every call below is a signed transaction, mined "
              "into its own block; a call that breaks a rule reverts, changes nothing, and still pays its gas.")
    art = lang.compile_file(source("token.contract"))
    story.say(f"compiled examples/token.contract: contract {art.name}, {len(art.bytecode):,} bytes of bytecode, "
              f"{len(art.abi['functions'])} public functions")
    token = deploy(story, net, art, "token", 1_000_000, sender=alice)

    story.tx("alice sends bob 2,500 OBC", token.transfer(bob.address, 2_500, sender=alice))
    story.tx("alice lets carol spend up to 1,000 of her OBC", token.approve(carol.address, 1_000, sender=alice))
    story.tx("carol moves 400 of alice's OBC to dave",
             token.transfer_from(alice.address, dave.address, 400, sender=carol))
    expect_revert(story, "bob tries to send 1,000,000 OBC he does not have", "insufficient balance",
                  token.transfer, carol.address, 1_000_000, sender=bob)
    expect_revert(story, "carol tries to spend 700 more of alice's OBC", "allowance exceeded",
                  token.transfer_from, alice.address, carol.address, 700, sender=carol)

    balances = {name: token.balance_of(people[name].address) for name in ("alice", "bob", "carol", "dave")}
    expect(balances == {"alice": 997_100, "bob": 2_500, "carol": 0, "dave": 400}, f"token balances: {balances}")
    expect(token.allowance(alice.address, carol.address) == 600, "carol's remaining allowance")
    expect(token.supply() == 1_000_000, "the supply is unchanged by transfers")
    story.say("balances: " + ", ".join(f"{k} {v:,}" for k, v in balances.items()))
    return {"address": str(token.address), "supply": token.supply(), "balances": balances}


def market_chapter(story: Story, net, people, workdir: Path) -> dict:
    alice = people["alice"]
    workers = [people["bob"], people["carol"], people["dave"]]
    # Gas is paid in the same coin (about 90,000 a market call), so amounts are
    # large enough that the ledger below shows the job, not the fees.
    payment, stake = 300_000_000, 50_000_000
    story.chapter("2. A market for computation")
    start = {n: (net.balance(people[n].address), story.fees.get(bytes(people[n].address), 0))
             for n in ("alice", "bob", "carol", "dave")}
    story.say("alice wants a model run over her data, which must stay private. She seals the data, puts "
              "only its hash and an escrowed payment on chain, and three workers stake to take the job. "
              "Each commits to a hash of its result before anyone reveals; two must agree to be paid. "
              "dave does not compute at all: he guesses.")
    art = lang.compile_file(source("compute_market.contract"))
    story.say(f"compiled examples/compute_market.contract: contract {art.name}, {len(art.bytecode):,} bytes of "
              f"bytecode, {len(art.abi['functions'])} public functions")
    market = deploy(story, net, art, "market", sender=alice)

    # The client seals its data: only the hash goes on chain; the encrypted file
    # is handed to the workers, and the passphrase shared with them off chain.
    data_file = workdir / "samples.csv"
    data_file.write_text(DATASET)
    sealed = seal.seal_file(data_file, PASSPHRASE)
    input_hash = bytes.fromhex(sealed.plaintext_sha256)
    story.say(f"alice seals {data_file.name} ({sealed.size} bytes) into {sealed.output.name}; "
              f"input hash {input_hash.hex()[:16]}…")

    r = market.post_job(input_hash, 3, 2, stake, 20, 20, sender=alice, value=payment)
    story.tx(f"alice posts job {r.value}: 3 seats, 2 must agree, pays {payment:,}, stake {stake:,}", r)
    job = r.value

    # Each worker decrypts the sealed file, checks it against the hash on
    # chain, runs the model, and commits to the hash of its result.
    answers = {}
    for w in workers:
        story.tx(f"{story.who(w.address)} stakes {stake:,} to take a seat", market.join(job, sender=w, value=stake))
    story.say("Off chain, each worker unseals the data with the passphrase alice shared, checks it against the "
              "hash on chain, and runs the model (a small integer classifier, so honest workers agree to the bit). "
              "Each then commits to sha256(result hash + a secret salt).")
    for i, w in enumerate(workers):
        out = workdir / f"samples.{i}.csv"
        opened = seal.unseal_file(sealed.output, PASSPHRASE, out)
        expect(opened.plaintext_sha256 == input_hash.hex(), "the unsealed data matches the hash on chain")
        honest = i < 2
        result = run_model(out.read_bytes()) if honest else b"1" * 6 + b"\n"  # dave guesses
        result_hash = hashlib.sha256(result).digest()
        salt = secrets.token_bytes(32)  # secret until the reveal
        answers[bytes(w.address)] = (result, result_hash, salt, honest)
        story.tx(f"{story.who(w.address)} commits to a sealed answer{'' if honest else ' (a guess, not computed)'}",
                 market.commit_result(job, hashlib.sha256(result_hash + salt).digest(), sender=w))
    expect(market.is_reveal_open(job), "every seat committed, so the reveal phase is open")

    dave = workers[2]
    _, dave_hash, dave_salt, _ = answers[bytes(dave.address)]
    honest_hash = answers[bytes(workers[0].address)][1]
    for w in workers:
        result, result_hash, salt, _ = answers[bytes(w.address)]
        story.tx(f"{story.who(w.address)} reveals result {result_hash.hex()[:16]}…",
                 market.reveal(job, result_hash, salt, sender=w))
        if w is workers[0]:
            # Dave sees bob's revealed answer and tries to switch to it: his
            # commitment does not open with it, so the reveal is refused.
            expect_revert(story, "dave tries to reveal bob's answer instead of his own",
                          "reveal does not match commitment", market.reveal, job, honest_hash, dave_salt, sender=dave)

    before = {bytes(w.address): market.credit_of(w.address) for w in workers}
    r = market.finalize(job, sender=alice)
    story.tx("alice settles the job", r)
    expect(market.job_state(job) == 1, "the job is paid")
    expect(market.job_result(job) == honest_hash, "the agreed result is the honest one")
    credits = {story.names[bytes(w.address)]: market.credit_of(w.address) - before[bytes(w.address)] for w in workers}
    expect(credits == {"bob": payment // 2 + stake, "carol": payment // 2 + stake, "dave": 0},
           f"worker credits: {credits}")
    expect(market.credit_of(alice.address) == stake, "dave's stake went to the client")
    story.say(f"The agreed result hash {honest_hash.hex()[:16]}… is on chain for good: anyone given the data can "
              "recompute it. Nothing has been paid out yet: each party withdraws its own credit.")

    withdrawn = {}
    for w in (workers[0], workers[1], alice):
        name = story.names[bytes(w.address)]
        before_balance = net.balance(w.address)
        r = market.withdraw(sender=w)
        story.tx(f"{name} withdraws {r.value:,}", r)
        fee = r.gas_used * net.tx(r.tx_hash).gas_price
        expect(net.balance(w.address) == before_balance + r.value - fee, f"{name}'s coin balance")
        withdrawn[name] = r.value
    expect_revert(story, "bob tries to withdraw a second time", "nothing to withdraw", market.withdraw,
                  sender=workers[0])
    expect(net.balance(market.address) == 0, "the market paid out everything it held")

    # Who gained and lost what through the market: coin in and out, apart from gas.
    flows = {"alice": (payment, withdrawn["alice"]), "bob": (stake, withdrawn["bob"]),
             "carol": (stake, withdrawn["carol"]), "dave": (stake, 0)}
    ledger = {}
    for n, (paid_in, taken_out) in flows.items():
        before, fees_before = start[n]
        gas_paid = story.fees.get(bytes(people[n].address), 0) - fees_before
        change = net.balance(people[n].address) - before
        expect(change == taken_out - paid_in - gas_paid, f"{n}'s balance moved by exactly the market's flows and gas")
        ledger[n] = {"paid_in": paid_in, "taken_out": taken_out, "gas_paid": gas_paid, "balance_change": change}
    story.say("What the market chapter moved, in coin (gas is paid at 1 coin a unit; alice's includes deploying):")
    story.table(["", "paid in", "taken out", "gas paid", "balance change"],
                [[n, f"{v['paid_in']:,}", f"{v['taken_out']:,}", f"{v['gas_paid']:,}", f"{v['balance_change']:+,}"]
                 for n, v in ledger.items()])
    return {"ledger": ledger, "address": str(market.address), "job": job, "input_hash": input_hash.hex(),
            "sealed_file": sealed.output.name, "result_hash": honest_hash.hex(), "state": "paid",
            "paid_workers": ["bob", "carol"], "slashed_workers": ["dave"], "payment": payment, "stake": stake,
            "withdrawn": withdrawn, "market_balance": net.balance(market.address)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tour", description="A short, scripted tour of Obelisk on a fresh dev chain.")
    ap.add_argument("--datadir", help="keep the chain here (must be new or empty); default: a temporary directory")
    ap.add_argument("--json", action="store_true", help="print one JSON summary instead of the story")
    args = ap.parse_args(argv)

    console = None
    if not args.json:
        from rich.console import Console
        console = Console()
    story = Story(console)

    tmp = None
    if args.datadir:
        datadir = Path(args.datadir)
        if datadir.exists() and (not datadir.is_dir() or any(datadir.iterdir())):
            print(f"tour: {datadir} is not an empty directory; the tour needs a fresh one", file=sys.stderr)
            return 2
    else:
        tmp = tempfile.TemporaryDirectory(prefix="obelisk-tour-")
        datadir = Path(tmp.name)
    workdir = datadir / "files"
    try:
        workdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"tour: cannot use {datadir}: {exc.strerror}", file=sys.stderr)
        return 2
    nets = []  # the Devnet, closed before its directory goes away
    try:
        net = obelisk.Devnet(datadir=str(datadir))
        nets.append(net)
        story.net = net
        names = ["alice", "bob", "carol", "dave"]
        people = dict(zip(names, net.accounts))
        for n, acct in people.items():
            story.name(acct.address, n)
        story.say(f"A fresh dev chain in {datadir}{' (temporary)' if tmp else ''}, with its funded dev accounts:")
        for n, acct in people.items():
            story.say(f"    {n:6} {acct.address}")
        token = token_chapter(story, net, people)
        market = market_chapter(story, net, people, workdir)

        story.chapter("3. The chain")
        net.mine(2)
        net.verify()
        story.say(f"mined 2 more blocks; height {net.height}; [bold green]verified[/] from genesis: "
                  "proof of work, signatures, re-execution, every root")
        summary = {"ok": True, "datadir": str(datadir), "kept": tmp is None, "height": net.height, "verified": True,
                   "token": token, "market": market, "gas_total": story.gas_total, "steps": story.steps}
    except Unexpected as exc:
        return _fail(story, f"unexpected: {exc}", args.json)
    except obelisk.Reverted as exc:
        return _fail(story, f"a transaction reverted unexpectedly: {exc.reason} at {exc.location}", args.json)
    except obelisk.VerifyError as exc:
        return _fail(story, f"the chain failed verification: {exc}", args.json)
    except (obelisk.ChainError, lang.CompileError, seal.SealError) as exc:
        return _fail(story, f"{type(exc).__name__}: {exc}", args.json)
    except Exception as exc:  # a bug of ours: say so plainly; OBELISK_DEBUG=1 shows the traceback
        if os.environ.get("OBELISK_DEBUG"):
            raise
        return _fail(story, f"internal error: {type(exc).__name__}: {exc} (please report this)", args.json)
    finally:
        for n in nets:
            n.close()
        if tmp is not None:
            tmp.cleanup()

    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        story.say(f"\n[bold]Done.[/] {len(story.steps)} transactions, {story.gas_total:,} gas in all."
                  + ("" if tmp else f" The chain stays in {datadir}: try `obelisk --datadir {datadir} block`."))
    return 0


def _fail(story: Story, message: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"ok": False, "error": message, "steps": story.steps}, indent=2))
    else:
        story.say(f"[bold red]tour failed:[/] {_escape(message)}")
    print(f"tour: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
