"""Chain commands: mine, block, tx, receipt, verify, balance, send."""
from __future__ import annotations

import sys

import click

from .backend import account_arg, open_chain, open_for_account, resolve_sender, send_refused
from .options import rpc_option, tx_options, wait_options
from .options import ARGS_SETTINGS, EXIT_FAILED, EXIT_OK, FROM_HELP, ArgsCommand, CliError, command
from .render import counted, echo_fields, emit, finish_tx, human_value, one_line, show_receipt
from .values import INT_MAX, is_index, parse_account_address, parse_hash, parse_int, parse_tx_options

MAX_MINE = 10_000  # blocks per `mine`: a typo like `mine 1000000000` should not run for days
MAX_THREADS = 256  # --threads: far above any core count, below what would exhaust processes


@command("send", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@wait_options
@click.argument("to")
@click.argument("amount")
@click.option("--from", "sender", metavar="A", help=FROM_HELP)
@tx_options
def send_cmd(state, to, amount, sender, gas_price, nonce):
    """Send AMOUNT of the native coin to TO (an address or a dev account index)."""
    import chain

    amount = parse_int(amount, "AMOUNT", 0, INT_MAX)
    tx = parse_tx_options(gas_price, nonce)
    if not is_index(to.strip()):
        parse_account_address(to.strip(), "TO")  # bad input is refused before the chain is opened
    net = open_chain(state)
    to = account_arg(net, to, "TO")
    account = resolve_sender(state, net, sender)
    try:
        receipt = net.transfer(account, to, amount, **tx)
    except chain.Reverted as exc:
        receipt = exc.receipt
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise send_refused(net, exc, account, tx) from None
    return finish_tx(state, receipt)


@command("balance")
@rpc_option
@click.argument("address")
def balance_cmd(state, address):
    """Native coin balance of ADDRESS (or of a dev account index)."""
    net, address = open_for_account(state, address)
    balance = net.balance(address)
    emit(state, {"address": str(address), "balance": balance}, lambda: click.echo(str(balance)))
    return EXIT_OK


@command("mine", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@rpc_option
@click.option("--threads", default="1", metavar="N",
              help="Processes searching for each block's proof of work; 0 means every core [default: 1].")
@click.argument("count", default="1", metavar="[N]")
def mine_cmd(state, count, threads):
    """Mine N blocks (default 1); pending transactions go in."""
    n = parse_int(count, "N", 1, MAX_MINE)
    workers = parse_int(threads, "--threads", 0, MAX_THREADS)
    if workers != 1 and state.rpc:
        raise CliError("--threads: with --rpc the node mines, with its own processes")
    net = open_chain(state)
    if workers != 1:
        from chain import procpool

        # The same block as one process would find first: the nonce space is split in slices.
        net.chain.mining_workers = workers or procpool.cores()
    progress = not state.json and sys.stderr.isatty()
    last = None
    for i in range(n):
        if progress:
            click.echo(f"\rmining block {i + 1}/{n} (height {net.height + 1})", nl=False, err=True)
        last = net.mine(1)[-1]
    if progress:
        click.echo("\r\033[K", nl=False, err=True)
    doc = {"mined": n, "height": last.number, "hash": "0x" + last.hash.hex()}
    emit(state, doc, lambda: click.echo(f"mined {counted(n, 'block')}; height {doc['height']}, head {doc['hash']}"))
    return EXIT_OK


@command("block", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@rpc_option
@click.argument("number", required=False, metavar="[N|HASH]")
def block_cmd(state, number):
    """Show block N (default: the latest; negative counts back from it) or the block HASH."""
    if number is not None and number.strip().lower().startswith("0x") and len(number.strip()) == 66:
        n = parse_hash(number, "HASH")  # as the library's net.block(hash); a number never has 64 hex digits
    else:
        n = None if number is None else parse_int(number, "N", -(2**63), 2**63 - 1)
    net = open_chain(state)
    info = net.block(n)
    if info is None:
        raise CliError(f"no block 0x{n.hex()} on this chain" if isinstance(n, bytes) else f"no block {n}: the chain's height is {net.height}")
    doc = info.to_json()
    hashes = doc["transactions"]
    rows = [(k, v) for k, v in doc.items() if k != "transactions"] + [("transactions", len(hashes))]
    emit(state, doc, lambda: echo_fields(_readable(rows) + [("  tx", tx_hash) for tx_hash in hashes]))
    return EXIT_OK


@command("tx")
@rpc_option
@click.argument("hash")
def tx_cmd(state, hash):
    """Show the transaction HASH."""
    info = _find_tx(state, hash, lambda net, tx_hash: net.tx(tx_hash))
    doc = info.to_json()
    rows = [(k, v) for k, v in doc.items() if k != "data" and v is not None]
    emit(state, doc, lambda: echo_fields(_readable(rows) + [("data", f"{len(info.data)} bytes")]))
    return EXIT_OK


def _find_tx(state, text: str, lookup):
    """What lookup(net, hash) finds for the transaction HASH, or exit 2 saying why there is none."""
    tx_hash = parse_hash(text, "HASH")
    net = open_chain(state)
    found = lookup(net, tx_hash)
    if found is None:
        pending = net.tx(tx_hash) is not None  # known, so not yet mined: no receipt
        raise CliError(f"transaction 0x{tx_hash.hex()} is pending: no receipt until it is mined" if pending
                       else f"no transaction 0x{tx_hash.hex()} on this chain")
    return found


def _readable(rows) -> list:
    """A document's fields as the human view shows them: `gas used  21000`."""
    return [(k.replace("_", " "), human_value(v)) for k, v in rows]


@command("receipt")
@rpc_option
@click.argument("hash")
def receipt_cmd(state, hash):
    """Show the receipt of transaction HASH, with decoded events."""
    doc = _find_tx(state, hash, lambda net, tx_hash: net.receipt(tx_hash)).to_json()
    emit(state, doc, lambda: show_receipt(doc))
    return EXIT_OK


@command("verify")
def verify_cmd(state):
    """Re-validate the whole chain from genesis (work, signatures, re-execution, roots)."""
    import chain

    net = open_chain(state)
    try:
        height = net.verify()
    except chain.ChainError as exc:
        try:
            height = net.height
        except chain.ChainError:  # the file is too damaged to name its head
            height = None
        doc = {"valid": False, "height": height, "error": str(exc)}
        emit(state, doc, lambda: click.echo(f"INVALID: {one_line(exc)}"))
        click.echo(f"obelisk: verification failed: {one_line(exc)}", err=True)
        return EXIT_FAILED
    doc = {"valid": True, "height": height}
    emit(state, doc, lambda: click.echo(f"valid: every block from genesis to height {height} re-validates"))
    return EXIT_OK


COMMANDS = [mine_cmd, block_cmd, tx_cmd, receipt_cmd, verify_cmd, balance_cmd, send_cmd]
