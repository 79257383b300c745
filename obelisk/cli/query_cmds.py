"""`nonce` and `logs`: an account's next nonce, and contract events by block range, address and name."""
from __future__ import annotations

import click

from .backend import open_chain, open_for_account
from .options import EXIT_OK, CliError, command, rpc_option
from .render import echo_fields, emit
from .values import parse_address, parse_int


@command("nonce")
@rpc_option
@click.argument("address")
def nonce_cmd(state, address):
    """The nonce the next transaction of ADDRESS (or a dev account index) takes, pending ones counted."""
    net, address = open_for_account(state, address)
    nonce = net.next_nonce(address)
    emit(state, {"address": str(address), "nonce": nonce}, lambda: click.echo(str(nonce)))
    return EXIT_OK


@command("logs")
@rpc_option
@click.option("--from-block", "from_block", metavar="N", help="First block [default: 0].")
@click.option("--to-block", "to_block", metavar="N", help="Last block [default: the head].")
@click.option("--address", metavar="A", help="Only events of the contract at A.")
@click.option("--event", metavar="NAME", help="Only events named NAME.")
def logs_cmd(state, from_block, to_block, address, event):
    """Events of the chain's transactions, oldest first, each with its block and transaction."""
    from chain.logs import LogQueryError

    lo = None if from_block is None else parse_int(from_block, "--from-block", 0, 2**63 - 1)
    hi = None if to_block is None else parse_int(to_block, "--to-block", 0, 2**63 - 1)
    addr = None if address is None else parse_address(address, "--address")
    if event is not None and not 0 < len(event) <= 256:
        raise CliError("--event: expected an event name")
    net = open_chain(state)
    try:
        docs = net.logs(lo, hi, addr, event)
    except LogQueryError as exc:
        raise CliError(f"logs: {exc}") from None

    def human():
        from .render import _event_arg

        echo_fields([(f"block {d['block']}", f"{d['name']}({', '.join(f'{k}={_event_arg(v)}' for k, v in d['args'].items())})"
                      f"  from {d['address']}  tx {d['tx']}") for d in docs])
    emit(state, docs, human)
    return EXIT_OK


COMMANDS = [nonce_cmd, logs_cmd]
