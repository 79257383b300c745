"""obelisk job post/serve/status/settle/result and obelisk workers: a compute market's client
side, against a node's JSON-RPC (obelisk.compute does the work; docs/compute.md)."""
from __future__ import annotations

import os
import time

import click

from .options import EXIT_FAILED, EXIT_OK, CliError, command, group, input_file, subcommand
from .render import counted, emit, printable

MARKET_ENV = "OBELISK_MARKET"
RPC_ENV = "OBELISK_RPC"
MAX_DATA = 400 * 1024 - 64  # one sealed blob (obelisk.compute.blobs.Limits.max_blob)


def connection_options(f):
    f = click.option("--market", metavar="ADDRESS", default=None,
                     help=f"The compute market's address [default: ${MARKET_ENV}, else the dev network's "
                          "0x000000000000000000000000000000000000c0de].")(f)
    f = click.option("--from", "sender", metavar="ACCOUNT", default=None,
                     help="Account index, dev address or keystore address [default: 0].")(f)
    return click.option("--rpc", metavar="URL", default=None, help=f"The node's JSON-RPC URL [default: ${RPC_ENV}].")(f)


class Connection:
    """The market and blobs on a node, as the --from account sees them."""

    def __init__(self, state, rpc, sender, market):
        from chain import consensus as C
        from chain.keys import dev_keys
        from obelisk.compute.market import Unreachable
        from obelisk.compute.rpc_market import MarketNotFound, RpcBlobs, RpcMarket

        from vm.values import Address

        from .backend import resolve_sender
        from .values import parse_address

        url = rpc or os.environ.get(RPC_ENV)
        if not url:
            raise CliError(f"--rpc URL is needed (or ${RPC_ENV})")
        address = market or os.environ.get(MARKET_ENV)
        # The dev network's genesis holds the market at a well-known address (chain.consensus).
        market_address = parse_address(address, "--market") if address else Address(C.DEV_MARKET_ADDRESS)

        class _DevAccounts:
            accounts = dev_keys()

        self.key = resolve_sender(state, _DevAccounts, sender)
        try:
            self.market = RpcMarket(url, market_address, self.key)
        except Unreachable as exc:
            raise CliError(f"--rpc {url}: {exc}") from None
        except MarketNotFound as exc:
            hint = "" if address else (" (the dev network's well-known address): on another network, name the "
                                       f"market with --market ADDRESS or ${MARKET_ENV}")
            raise CliError(f"--rpc {url}: {exc}{hint}") from None
        self.blobs = RpcBlobs(self.market)
        self.state_dir = os.path.join(state.datadir, "compute")

    def state_path(self, role: str) -> str:
        return os.path.join(self.state_dir, f"{role}-{self.key.address}.state")

    def client(self, log=None):
        from obelisk.compute.client import JobClient
        from obelisk.compute.state import StateError

        try:
            return JobClient(self.market, self.blobs, self.key.seed, self.state_path("client"), log=log)
        except StateError as exc:
            raise CliError(str(exc)) from None


def runner_id_of(text: str) -> tuple[bytes, str]:
    """--runner: a 0x runner id, or the name of an installed runner (its id is computed here)."""
    from obelisk.compute import runners

    if text.startswith("0x"):
        from .values import parse_hash

        return parse_hash(text, "--runner"), text
    try:
        return runners.id_of(runners.load(text)), text
    except runners.RunnerError as exc:
        raise CliError(f"--runner: {exc}") from None


def _guard(work):
    """Runs work(); a node gone away, a refused job or a revert becomes a one-line error."""
    from obelisk.compute.blobs import BlobError
    from obelisk.compute.client import JobError
    from obelisk.compute.market import MarketReverted, Unreachable

    try:
        return work()
    except Unreachable as exc:
        raise CliError(f"node unreachable: {exc}", EXIT_FAILED) from None
    except MarketReverted as exc:
        raise CliError(f"reverted: {exc.reason}", EXIT_FAILED) from None
    except (JobError, BlobError) as exc:
        raise CliError(str(exc), EXIT_FAILED) from None


def _positive(value: int, what: str) -> int:
    if value <= 0:
        raise CliError(f"{what}: expected a positive integer")
    return value


@group("job")
def job_group(state):
    """Post a compute job, serve its keys, follow it, and open its result."""


@subcommand(job_group, "post")
@click.argument("data")
@click.option("--runner", required=True, metavar="NAME-or-ID", help="The runner (model) to run, by name or 0x id.")
@click.option("--payment", required=True, type=int, help="What the job pays (escrowed).")
@click.option("--seats", required=True, type=int, help="Workers to seat (1..16).")
@click.option("--quorum", required=True, type=int, help="Workers that must agree (a strict majority of the seats).")
@click.option("--stake", required=True, type=int, help="What each worker stakes.")
@click.option("--commit-blocks", default=20, show_default=True, type=int, help="Blocks for joining and committing.")
@click.option("--reveal-blocks", default=20, show_default=True, type=int, help="Blocks for revealing.")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Keep watching and give each seated worker the data key until the commit phase ends.")
@click.option("--again", is_flag=True, help="Post a new job even if this account posted the same DATA for this runner.")
@connection_options
def post_cmd(state, data, runner, payment, seats, quorum, stake, commit_blocks, reveal_blocks, serve, again, rpc,
             sender, market):
    """Seal DATA (a file), publish it, post the job, print its id.

    Posting the same DATA for the same runner from the same account again prints
    the job posted before (found from the recorded transaction if the first run's
    answer was lost) instead of paying twice; --again posts another job."""
    input_file(data)
    if os.path.getsize(data) > MAX_DATA:
        raise CliError(f"{data}: over {MAX_DATA} bytes (one sealed blob)")
    with open(data, "rb") as f:
        plaintext = f.read(MAX_DATA + 1)
    rid, _ = runner_id_of(runner)
    conn = Connection(state, rpc, sender, market)
    logs = []
    client = conn.client(log=lambda event, **f: logs.append({"event": event, **f}))
    job = _guard(lambda: client.post(plaintext, rid, payment=_positive(payment, "--payment"), seats=seats,
                                     quorum=quorum, stake=_positive(stake, "--stake"), commit_blocks=commit_blocks,
                                     reveal_blocks=reveal_blocks, again=again))
    recovered = bool(logs) and logs[-1]["event"] == "already posted"
    doc = {"job": job, "runner_id": "0x" + rid.hex(), "input_blob": logs[-1]["input_blob"] if logs else None,
           "recovered": recovered}
    emit(state, doc, lambda: click.echo(
        f"job {job} {'was posted before (the same data and runner; --again posts another)' if recovered else 'posted'}"
        f" (runner 0x{rid.hex()[:16]}…); input blob {doc['input_blob']}"))
    if serve:
        _serve(state, client, job)
    return EXIT_OK


def _serve(state, client, job: int, poll: float = 0.5) -> None:
    """Publishes wrapped keys as seats fill, until every seat has one or the commit phase is over."""
    while True:
        published = _guard(lambda: client.serve_keys(job))
        if published and not state.json:
            click.echo(f"job {job}: wrapped the data key for {counted(published, 'more seat')}")
        status = _guard(lambda: client.status(job))
        full = status["joined"] == status["seats"] and all(s["key_published"] for s in status["seat_list"])
        if full or status["phase"] != "commit":
            return
        time.sleep(poll)


@subcommand(job_group, "serve")
@click.argument("job", type=int)
@connection_options
def serve_cmd(state, job, rpc, sender, market):
    """Give seated workers the data key of JOB until the commit phase ends."""
    conn = Connection(state, rpc, sender, market)
    _serve(state, conn.client(), job)
    emit(state, {"job": job, "served": True}, lambda: click.echo(f"job {job}: every seat has its key, or the commit phase is over"))
    return EXIT_OK


@subcommand(job_group, "status")
@click.argument("job", type=int)
@connection_options
def status_cmd(state, job, rpc, sender, market):
    """Phase, seats, commitments, reveals and outcome of JOB."""
    conn = Connection(state, rpc, sender, market)
    doc = _guard(lambda: conn.client().status(job))

    def human():
        click.echo(f"job {job}: {doc['phase']} (state {doc['state']}), height {doc['height']}")
        click.echo(f"  payment {doc['payment']}, stake {doc['stake']}, quorum {doc['quorum']} of {counted(doc['seats'], 'seat')}; "
                   f"commit until block {doc['commit_deadline']}, reveal until {doc['reveal_deadline']}")
        click.echo(f"  joined {doc['joined']}, committed {doc['committed']}, revealed {doc['revealed']}")
        for i, s in enumerate(doc["seat_list"]):
            click.echo(f"  seat {i}: {s['worker']}  key {'yes' if s['key_published'] else 'no'}  "
                       f"committed {'yes' if s['committed'] else 'no'}  revealed {s['revealed'] or '-'}")
        if doc["result_hash"]:
            click.echo(f"  agreed result {doc['result_hash']}")
    emit(state, doc, human)
    return EXIT_OK


@subcommand(job_group, "settle")
@click.argument("job", type=int)
@connection_options
def settle_cmd(state, job, rpc, sender, market):
    """Finalize JOB once its reveal phase is over, and withdraw what the account is owed."""
    conn = Connection(state, rpc, sender, market)
    outcome = _guard(lambda: conn.client().settle(job))
    emit(state, {"job": job, "state": outcome}, lambda: click.echo(f"job {job}: {outcome}"))
    return EXIT_OK if outcome != "open" else EXIT_FAILED


@subcommand(job_group, "result")
@click.argument("job", type=int)
@click.option("-o", "--output", metavar="FILE", default=None, help="Write the result here instead of stdout.")
@connection_options
def result_cmd(state, job, output, rpc, sender, market):
    """Fetch and open JOB's agreed result (only its client can)."""
    import hashlib

    conn = Connection(state, rpc, sender, market)
    result = _guard(lambda: conn.client().result(job))
    if output is not None:
        tmp = f"{output}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(result)
        os.replace(tmp, output)
    doc = {"job": job, "result_hash": "0x" + hashlib.sha256(result).hexdigest(), "size": len(result),
           "output": output}
    if output is None and not state.json:
        click.echo(printable(result.decode("utf-8", "replace")))
    else:
        emit(state, doc, lambda: click.echo(f"job {job}: {len(result)} bytes -> {output}"))
    return EXIT_OK


@command("workers")
@connection_options
def workers_cmd(state, rpc, sender, market):
    """List the workers announced on the market, their runners and minimum payments."""
    conn = Connection(state, rpc, sender, market)
    m = conn.market
    names = _local_runner_names()

    def read():
        rows = []
        announced = m.logs("WorkerAnnounced")
        for i in range(m.view("worker_count")):
            worker = m.view("worker_at", i)
            runners_seen = []
            for e in announced:
                if e["args"]["worker"] == str(worker) and e["args"]["runner"] not in runners_seen:
                    runners_seen.append(e["args"]["runner"])
            offers = []
            for rid in runners_seen:
                offer = m.view("offer_of", worker, bytes.fromhex(rid[2:]))
                offers.append({"runner_id": rid, "runner": names.get(rid), "min_payment": offer["min_payment"],
                               "active": offer["active"]})
            rows.append({"worker": str(worker), "enc_key": "0x" + m.view("encryption_key", worker).hex(),
                         "offers": offers})
        return rows

    rows = _guard(read)

    def human():
        if not rows:
            click.echo("no workers announced")
        for r in rows:
            click.echo(f"{r['worker']}  key {r['enc_key'][:18]}…")
            for o in r["offers"]:
                click.echo(f"    {o['runner'] or o['runner_id'][:18] + '…'}  min payment {o['min_payment']}"
                           f"{'' if o['active'] else '  (retired)'}")
    emit(state, {"workers": rows}, human)
    return EXIT_OK


def _local_runner_names() -> dict:
    from obelisk.compute import runners

    names = {}
    for name in runners.discover():
        try:
            names["0x" + runners.id_of(runners.load(name)).hex()] = name
        except runners.RunnerError:
            continue
    return names


COMMANDS = [job_group, workers_cmd]
