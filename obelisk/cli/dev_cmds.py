"""Developer commands: trace, estimate, abi, code, storage, init, console; and `call --dry-run/--gas-profile`."""
from __future__ import annotations

import os

import click

from .backend import code_object_at, open_chain, resolve_sender
from .exits import refused
from .options import (ARGS_SETTINGS, EXIT_FAILED, EXIT_OK, FROM_HELP, ArgsCommand, CliError, command, rpc_option)
from .render import emit, human_value, printable_lines, reverted_line, show_receipt
from .values import parse_address, parse_amount, parse_args, show


def local_chain(state, what: str):
    """The data directory's chain: traces, profiles, estimates and storage reads replay or read
    state here; a node's JSON-RPC has no methods for them yet, so --rpc is refused, saying so."""
    if state.rpc is not None:
        raise CliError(f"{what} runs on the data directory's chain; the node's JSON-RPC ({state.rpc}) "
                       "offers no such method yet (unset $OBELISK_RPC, or drop --rpc)")
    return open_chain(state)


def run_debug_call(state, net, address, fn, values, account, value, gas, *, send: bool, profile: bool) -> int:
    """`obelisk call` with --dry-run (nothing sent) or --gas-profile (the profile printed after)."""
    import chain
    from chain import tx as txmod
    from vm import abi

    from ..debug import profile as gasprofile
    from ..debug.recorder import Recorder

    rec = Recorder() if profile else None
    try:
        if fn.is_view:
            wire = abi.args_to_wire(values, fn.params, fn.name)
            result = net.view(address, fn.name, wire, sender=account, gas=gas,
                              tracer_for=rec.tracer_for if rec else None)
            limit = gas if gas is not None else chain.consensus.BLOCK_GAS_LIMIT
            prof = gasprofile.build(limit, result.gas_used, 0, rec.steps) if rec else None
            doc = {"value": abi.to_json(result.value, fn.returns) if result.success else None,
                   "status": "success" if result.success else "reverted", "gas_used": result.gas_used,
                   "reason": result.reason if not result.success else None, "location": result.location}
            receipt = None
        else:
            data = txmod.encode_call(fn.name, abi.args_to_wire(values, fn.params, fn.name))
            tx = net.make_tx(account, address, value, data, gas)
            if send:
                receipt = net.send(tx)
                prof = net.profile(receipt.tx_hash) if profile else None
            else:
                receipt = net.dry_run(tx, rec.tracer_for if rec else None)
                prof = gasprofile.build(tx.gas_limit, receipt.gas_used, txmod.intrinsic_gas(tx), rec.steps) if rec else None
            doc = receipt.to_json()
    except abi.AbiError as exc:
        raise CliError(exc.message) from None
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise refused(exc) from None
    if not send:
        doc["dry_run"] = True
    if prof is not None:
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
@click.argument("tx_hash", metavar="TX")
def trace_cmd(state, tx_hash):
    """Print the call tree of mined transaction TX: each call with its arguments, result or revert,
    gas, events and call site (--json: the same as data)."""
    import chain

    net = local_chain(state, "obelisk trace")
    try:
        trace = net.trace(tx_hash)
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise refused(exc) from None
    emit(state, trace.to_json(), lambda: _print_tree(trace))
    return EXIT_OK if trace.root.status == "ok" else EXIT_FAILED


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
@click.argument("address")
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--from", "sender", metavar="A", help=FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the call.")
def estimate_cmd(state, address, function, args, sender, value):
    """Print the gas a call of FUNCTION would use if sent now (exact: no opcode reads the gas left)."""
    import chain

    address = parse_address(address, "ADDRESS")
    value = parse_amount(value, "--value")
    net = local_chain(state, "obelisk estimate")
    code = code_object_at(net, address)
    fn = code.function(function)
    if fn is None or not fn.is_pub or fn.is_init:
        raise CliError(f"{code.name} at {address} has no public function {show(function)}")
    values = parse_args(args, fn.params, function)
    account = resolve_sender(state, net, sender, need_key=not fn.is_view)
    try:
        if fn.is_view:
            from vm import abi

            result = net.view(address, fn.name, abi.args_to_wire(values, fn.params, fn.name), sender=account)
            if not result.success:
                raise chain.Reverted(result.reason, result.location)
            gas = result.gas_used
        else:
            gas = net.at(address).function(function).estimate_gas(*values, sender=account, value=value)
    except chain.Reverted as exc:
        emit(state, {"gas": None, "status": "reverted", "reason": exc.reason, "location": exc.location}, lambda: None)
        click.echo(reverted_line(exc.reason, exc.location), err=True)
        return EXIT_FAILED
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
    net = local_chain(state, "obelisk storage")
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
