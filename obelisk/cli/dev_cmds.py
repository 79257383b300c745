"""Developer commands: trace, estimate, abi, code, storage, init, console; and `call --dry-run/--gas-profile`."""
from __future__ import annotations

import os

import click

from .backend import code_object_at, open_chain, resolve_sender
from .exits import refused
from .options import ARGS_SETTINGS, EXIT_FAILED, EXIT_OK, FROM_HELP, ArgsCommand, CliError, command, rpc_option
from .render import emit, human_value, printable_lines, reverted_line, show_receipt
from .values import parse_address, parse_amount, parse_args, show


def run_debug_call(state, net, address, fn, values, account, value, gas, tx, *, send: bool, profile: bool) -> int:
    """`obelisk call` with --dry-run (nothing sent) or --gas-profile (the profile printed after), on the
    datadir's chain or a node's alike: both give the same documents (obelisk.node.queries)."""
    import chain
    from chain import tx as txmod
    from vm import abi

    from ..debug.profile import GasProfile

    try:
        data = txmod.encode_call(fn.name, abi.args_to_wire(values, fn.params, fn.name))
        if fn.is_view:
            sender = account.address if hasattr(account, "address") else account
            doc = net.view_doc(address, data, sender, gas, profile)
            receipt = None
        elif send:
            receipt = net.call(address, fn.name, *values, sender=account, value=value, gas=gas, **tx)
            doc = receipt.to_json()
            if profile:
                doc["gas_profile"] = net.profile_doc(receipt.tx_hash)
        else:
            doc = receipt = net.dry_run_doc(net.make_tx(account, address, value, data, gas, **tx), profile)
    except chain.Reverted as exc:
        if exc.receipt is None:
            raise
        receipt = exc.receipt
        doc = receipt.to_json()
        if profile:
            doc["gas_profile"] = net.profile_doc(receipt.tx_hash)
    except abi.AbiError as exc:
        raise CliError(exc.message) from None
    except (chain.ChainError, chain.ArgumentError) as exc:
        from .backend import send_refused

        raise send_refused(net, exc, account, tx) from None
    if not send:
        doc["dry_run"] = True
    prof = None
    if doc.get("gas_profile") is not None:  # the lines' source text is read here, from this disk
        prof = _read_doc(lambda: GasProfile.from_json(doc["gas_profile"]), "gas profile")
        doc["gas_profile"] = prof.to_json()

    def human():
        if not send:
            click.echo("dry run: nothing was sent")
        if receipt is not None:
            show_receipt(doc)
        else:
            click.echo(f"value     {doc['value']}" if doc["status"] == "success" else f"status    reverted")
            click.echo(f"gas used  {doc['gas_used']}")
        if prof is not None:
            click.echo(printable_lines(prof.render()))

    emit(state, doc, human)
    if doc["status"] != "success":
        click.echo(reverted_line(doc["reason"], doc["location"]), err=True)
        return EXIT_FAILED
    return EXIT_OK


@command("trace")
@rpc_option
@click.argument("tx_hash", metavar="TX")
def trace_cmd(state, tx_hash):
    """Print the call tree of mined transaction TX: each call with its arguments, result or revert,
    gas, events and call site (--json: the same as data)."""
    import chain

    from ..debug.calltree import Trace
    from .values import parse_hash

    h = parse_hash(tx_hash, "TX")
    net = open_chain(state)
    try:
        doc = net.trace_doc(h)
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise refused(exc) from None
    if doc is None:
        raise CliError(f"transaction 0x{h.hex()} is not mined on this chain")
    trace = _read_doc(lambda: Trace.from_json(doc, net.code_object_at), "trace")  # the tree is drawn from the document
    emit(state, doc, lambda: _print_tree(trace))
    return EXIT_OK if trace.root.status == "ok" else EXIT_FAILED


def _read_doc(build, what: str):
    """An object read back from a document (a node's answer): one that does not fit is exit 2, said so."""
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration, RecursionError) as exc:
        raise CliError(f"the {what} document is malformed ({type(exc).__name__}: {str(exc)[:80]})") from None


def _print_tree(trace) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    from ..debug.calltree import event_line, frame_line

    def text(line, style=""):
        return Text(printable_lines(line), style=style, overflow="fold")  # long lines fold, never cut

    def add(node, f):
        style = "red" if f.status != "ok" else ("dim" if f.kind == "internal" else "bold")
        branch = node.add(text(frame_line(f), style))
        for kind, item in f._order:
            if kind == "event":
                branch.add(text(event_line(item), "cyan"))
            else:
                add(branch, item)

    tree = Tree(text(trace.title()))
    add(tree, trace.root)
    Console(highlight=False).print(tree)


@command("estimate", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@rpc_option
@click.argument("address")
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--from", "sender", metavar="A", help=FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the call.")
def estimate_cmd(state, address, function, args, sender, value):
    """Print the gas a call of FUNCTION would use if sent now (exact: no opcode reads the gas left);
    a view function's, as a view call runs (no transaction, so no intrinsic gas)."""
    import chain
    from chain import tx as txmod
    from vm import abi

    address = parse_address(address, "ADDRESS")
    value = parse_amount(value, "--value")
    net = open_chain(state)
    code = code_object_at(net, address)
    fn = code.function(function)
    if fn is None or not fn.is_pub or fn.is_init:
        raise CliError(f"{code.name} at {address} has no public function {show(function)}")
    values = parse_args(args, fn.params, function)
    if fn.is_view and value:
        raise CliError(f"{function} is a view function: it takes no --value")
    account = resolve_sender(state, net, sender, need_key=not fn.is_view)
    try:
        data = txmod.encode_call(fn.name, abi.args_to_wire(values, fn.params, fn.name))
        if fn.is_view:
            doc = net.view_doc(address, data, account.address if hasattr(account, "address") else account, None)
            if doc["status"] != "success":
                raise chain.Reverted(doc["reason"], doc["location"])
            gas = doc["gas_used"]
        else:
            gas = net.estimate_gas(account, address, value, data)
    except chain.Reverted as exc:
        emit(state, {"gas": None, "status": "reverted", "reason": exc.reason, "location": exc.location}, lambda: None)
        click.echo(reverted_line(exc.reason, exc.location), err=True)
        return EXIT_FAILED
    except abi.AbiError as exc:
        raise CliError(exc.message) from None
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise refused(exc) from None
    emit(state, {"gas": gas, "status": "success"}, lambda: click.echo(gas))
    return EXIT_OK


@command("abi")
@rpc_option
@click.argument("target", metavar="FILE-or-ADDRESS")
@click.option("--contract", "-c", metavar="NAME", help="Contract in FILE [default: the only one, else the last].")
def abi_cmd(state, target, contract):
    """Print the ABI (functions and events) of a .contract file, an artifact or a deployed contract."""
    from vm.code import decode
    from vm.values import type_name

    from .contract_cmds import load_artifact

    if target.strip().lower().startswith("0x") and not os.path.exists(target):
        code = code_object_at(open_chain(state), parse_address(target.strip(), "ADDRESS"))
    else:
        code = decode(load_artifact(target, contract).bytecode)
    def kind(f):
        return "init" if f.is_init else "view" if f.is_view else "payable" if f.is_payable else "send"

    fns = [f for f in code.functions if f.is_pub or f.is_init]
    doc = {"contract": code.name,
           "functions": [{"name": f.name, "kind": kind(f), "params": [{"name": n, "type": type_name(t)} for n, t in f.params],
                          "returns": None if f.returns is None else type_name(f.returns)} for f in fns],
           "events": [{"name": e.name, "fields": [{"name": n, "type": type_name(t)} for n, t in e.fields]}
                      for e in code.events]}

    def human():
        click.echo(f"contract {code.name}")
        for f in doc["functions"]:
            params = ", ".join(f"{p['name']}: {p['type']}" for p in f["params"])
            ret = f" -> {f['returns']}" if f["returns"] else ""
            click.echo(f"  {f['kind']:<7} {f['name']}({params}){ret}")
        for e in doc["events"]:
            click.echo(f"  event   {e['name']}(" + ", ".join(f"{x['name']}: {x['type']}" for x in e["fields"]) + ")")

    emit(state, doc, human)
    return EXIT_OK


@command("code")
@rpc_option
@click.argument("address")
def code_cmd(state, address):
    """Print the code at ADDRESS as 0x hex (empty for a plain account)."""
    address = parse_address(address, "ADDRESS")
    net = open_chain(state)
    code = net.code_at(address)
    text = "0x" + (code or b"").hex()
    emit(state, {"address": str(address), "code": text, "size": len(code or b"")}, lambda: click.echo(text))
    return EXIT_OK


@command("storage")
@rpc_option
@click.argument("address")
@click.argument("slot")
def storage_cmd(state, address, slot):
    """Print the value in ADDRESS's storage at SLOT: N for the contract's Nth storage variable
    (from 0, in declaration order; a scalar), or a raw 0x key (a map entry: the variable's key + the entry's)."""
    from vm import abi
    from vm.encoding import pack

    address = parse_address(address, "ADDRESS")
    text = slot.strip()
    if text.lower().startswith("0x"):
        key = parse_bytes_arg(text, "SLOT")
    else:
        if not text.isdigit() or len(text) > 5:
            raise CliError(f"SLOT: expected a storage variable number (0, 1, ...) or a 0x key, got {show(slot)}")
        key = pack(int(text))
    net = open_chain(state)
    value = net.storage_at(address, key)
    doc = {"address": str(address), "key": "0x" + key.hex(), "value": abi.to_json(value)}
    emit(state, doc, lambda: click.echo("0 (never written)" if value is None else human_value(value)))
    return EXIT_OK


def parse_bytes_arg(text: str, what: str) -> bytes:
    from vm import abi

    try:
        return abi.hex_from_text(text, what)
    except abi.AbiError as exc:
        raise CliError(exc.message) from None


COMMANDS = [trace_cmd, estimate_cmd, abi_cmd, code_cmd, storage_cmd]
