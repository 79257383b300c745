"""obelisk worker: serve compute jobs from a market until stopped (obelisk.compute.worker's
state machine over a node's JSON-RPC), one log line per step (--json: one JSON object)."""
from __future__ import annotations

import json
import signal
import sys
import threading

import click

from .job import Connection, connection_options
from .options import EXIT_OK, CliError, command, gas_price_option


@command("worker")
@click.option("--runner", "runner_names", multiple=True, metavar="NAME",
              help="A runner to serve (repeatable) [default: every installed runner].")
@click.option("--min-payment", default=0, type=int, show_default=True, help="Skip jobs paying less.")
@click.option("--max-stake", default=None, type=int, help="Skip jobs asking a larger stake [default: no limit].")
@click.option("--max-jobs", default=4, type=int, show_default=True, help="Seats held at once.")
@click.option("--interval", default=1.0, type=float, show_default=True, help="Seconds between looks at the chain.")
@click.option("--lazy", is_flag=True, hidden=True, help="Answer without computing (demonstrations of slashing only).")
@gas_price_option
@connection_options
def worker_cmd(state, runner_names, min_payment, max_stake, max_jobs, interval, lazy, gas_price, rpc, sender, market):
    """Serve compute jobs until stopped (SIGINT or SIGTERM).

    Announces the runners it serves and its minimum payment, takes seats with
    its stake, fetches and checks the sealed input, runs the runner, commits,
    reveals, delivers the result sealed to the client, settles and withdraws.
    Its state (salts included) is kept sealed in DATADIR/compute/, so a restart
    carries on where it stopped.
    """
    from obelisk.compute import runners
    from obelisk.compute.state import StateError
    from obelisk.compute.worker import Policy, Worker, run

    names = runner_names or tuple(sorted(runners.discover()))
    if not names:
        raise CliError("no runners installed (the obelisk.runners entry-point group is empty)")
    try:
        serving = [runners.load(n) for n in names]
    except runners.RunnerError as exc:
        raise CliError(f"--runner: {exc}") from None
    if min_payment < 0 or (max_stake is not None and max_stake < 0) or max_jobs < 1 or not 0 < interval <= 3600:
        raise CliError("--min-payment and --max-stake are >= 0, --max-jobs >= 1, --interval in (0, 3600]")
    conn = Connection(state, rpc, sender, market, gas_price)
    policy = Policy(min_payment=min_payment, max_stake=10**30 if max_stake is None else max_stake,
                    max_jobs=max_jobs, lazy=lazy)
    log = _json_log if state.json else _human_log
    try:
        worker = Worker(conn.market, conn.blobs, conn.key.seed, serving, conn.state_path("worker"), policy, log=log)
    except StateError as exc:
        raise CliError(str(exc)) from None
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    log("started", worker=str(conn.key.address), runners=list(names), state=conn.state_path("worker"))
    run(worker, stop, interval=interval)
    log("stopped", worker=str(conn.key.address))
    return EXIT_OK


def _json_log(event: str, **fields) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}, default=str) + "\n")
    sys.stdout.flush()


def _human_log(event: str, **fields) -> None:
    job = fields.pop("job", None)
    where = f"job {job}: " if job is not None else ""
    rest = ", ".join(f"{k} {v}" for k, v in fields.items())
    click.echo(f"{where}{event}" + (f" ({rest})" if rest else ""))
    sys.stdout.flush()


COMMANDS = [worker_cmd]
