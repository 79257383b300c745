"""Contract commands: compile, deploy, call, disasm."""
from __future__ import annotations

import os

import click

from .backend import code_object_at, open_chain, resolve_sender, send_refused
from .options import rpc_option, tx_options, wait_options
from .options import (ARGS_SETTINGS, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, FROM_HELP, ArgsCommand, CliError, command,
                      input_file)
from .render import counted, emit, finish_tx, human_value, one_line, printable, printable_lines, reverted_line, show_receipt
from .values import parse_address, parse_amount, parse_args, parse_gas, parse_tx_options, show

# A code object is at most 256 KiB; its artifact (hex, ABI, a source map entry per
# instruction, indented) stays far below this. Bounds the memory a stray file can take.
_MAX_ARTIFACT_FILE = 64 * 1024 * 1024
_CONTRACT_HELP = "Contract in FILE [default: the only one, else the last]."
GAS_HELP = "Gas limit [default: what a dry run uses, plus 30%, at most the block's limit]."


def compile_path(path: str, contract: str | None):
    """lang.compile_file with its errors turned into exit status 2 (all of them, located)."""
    import lang

    input_file(path)
    try:
        return lang.compile_file(path, contract=contract)
    except lang.CompileError as exc:
        raise _compile_failure(exc) from None


def _compile_failure(exc) -> CliError:
    errors = [{"file": d.file, "line": d.line, "column": d.column, "message": d.message} for d in exc.errors]
    first = exc.errors[0] if exc.errors else None
    summary = f"{first.file}:{first.line}:{first.column}: {first.message}" if first else "compile error"
    n = len(exc.errors)
    return CliError(
        summary,
        EXIT_BAD_INPUT,
        document={"error": counted(n, "compile error"), "errors": errors},
        detail=str(exc) + "\n" + counted(n, "error"),
    )


def contract_names(path: str) -> list | None:
    """The names of the contracts FILE declares, in order (None when it does not compile: compile_path says why)."""
    import lang
    from lang.compiler import MAX_SOURCE_FILE_BYTES, Front, read_source

    try:
        data, real = read_source(path)
        if len(data) > MAX_SOURCE_FILE_BYTES:
            return None
        front = Front(data.decode("utf-8"), path, real)
    except (lang.CompileError, UnicodeDecodeError):
        return None
    return None if front.checked is None else list(front.checked.root.contracts)


def load_artifact(path: str, contract: str | None):
    """A .contract source, compiled now, or an artifact .json written by `obelisk compile`."""
    if not path.endswith(".json"):
        return compile_path(path, contract)
    import lang

    input_file(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(_MAX_ARTIFACT_FILE + 1)
        if len(raw) > _MAX_ARTIFACT_FILE:
            raise CliError(f"{path}: larger than any artifact ({_MAX_ARTIFACT_FILE} bytes)")
        art = lang.Artifact.from_json(raw.decode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CliError(f"{path}: not a valid artifact ({one_line(exc)})") from None
    if contract is not None and contract != art.name:  # an artifact holds one contract: never another silently
        raise CliError(f"{path}: holds contract {art.name}, not {contract}")
    return art


@command("compile")
@click.argument("file")
@click.option("--contract", "-c", metavar="NAME", help="Contract to compile [default: the only one, else the last].")
@click.option("-o", "--out", "outdir", metavar="DIR", default=".", show_default=True, help="Directory for NAME.json.")
@click.option("--emit", "stage", type=click.Choice(["ast", "ir", "asm"]), help="Print this stage instead of writing the artifact.")
def compile_cmd(state, file, contract, outdir, stage):
    """Compile FILE to DIR/NAME.json (abi, bytecode, source map).

    With --emit, print one stage of the compiler (ast, ir or asm) instead."""
    import lang

    if stage:
        input_file(file)
        try:
            text = lang.emit_file(file, stage, contract=contract)
        except lang.CompileError as exc:
            raise _compile_failure(exc) from None
        emit(state, {"stage": stage, "text": text}, lambda: click.echo(printable_lines(text.rstrip("\n"))))
        return EXIT_OK
    art = compile_path(file, contract)
    target = _write_artifact(art, outdir)
    document = {"contract": art.name, "artifact": target, "bytecode_size": len(art.bytecode)}
    emit(state, document, lambda: click.echo(f"compiled {art.name} ({len(art.bytecode)} bytes of code) -> {target}"))
    return EXIT_OK


def _write_artifact(art, outdir: str) -> str:
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise CliError(f"{outdir}: not a directory")
    try:
        os.makedirs(outdir, exist_ok=True)
        target = os.path.join(outdir, f"{art.name}.json")
        text = art.to_json()
        tmp = os.path.join(outdir, f".{art.name}.json.{os.getpid()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text if text.endswith("\n") else text + "\n")
            os.replace(tmp, target)  # never a half-written artifact under the real name
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise CliError(f"cannot write the artifact to {outdir}: {exc.strerror}") from None
    return target


def _init_params(bytecode: bytes, path: str):
    from vm.code import CodeFormatError, decode

    try:
        code = decode(bytecode)
    except CodeFormatError as exc:
        raise CliError(f"{path}: not a valid code object ({one_line(exc)})") from None
    return next((f.params for f in code.functions if f.is_init), ())


@command("deploy", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@wait_options
@click.argument("file")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--contract", "-c", metavar="NAME", help="Contract in FILE [default: the only one; asked for when several].")
@click.option("--from", "sender", metavar="A", help=FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the deployment.")
@click.option("--gas", metavar="G", help=GAS_HELP)
@tx_options
def deploy_cmd(state, file, args, contract, sender, value, gas, gas_price, nonce):
    """Deploy FILE's contract with constructor ARGS; print its address."""
    import chain

    if contract is None and not file.endswith(".json"):  # a deployment is never a guess among several
        input_file(file)
        names = contract_names(file)
        if names is not None and len(names) > 1:
            raise CliError(f"{file} holds {counted(len(names), 'contract')} ({', '.join(names)}): "
                           "choose one with --contract NAME")
    art = load_artifact(file, contract)
    values = parse_args(args, _init_params(art.bytecode, file), f"{art.name}'s constructor")
    value, gas, tx = parse_amount(value, "--value"), parse_gas(gas), parse_tx_options(gas_price, nonce)
    net = open_chain(state)
    account = resolve_sender(state, net, sender)
    try:
        receipt = net.deploy(art, *values, sender=account, value=value, gas=gas, **tx).receipt
    except chain.Reverted as exc:
        receipt = exc.receipt
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise send_refused(net, exc, account, tx) from None
    ok = bool(receipt.status)
    doc = {
        "address": str(receipt.contract_address) if ok else None,
        "tx": "0x" + receipt.tx_hash.hex(),
        "block": receipt.block_number,
        "gas_used": receipt.gas_used,
        "status": "success" if ok else "reverted",
    }
    if not ok:
        doc.update(reason=receipt.reason, location=receipt.location)

    def human():
        if ok:
            click.echo(f"deployed {printable(art.name)} at {doc['address']}")  # an artifact's name is anyone's text
            click.echo(f"tx {doc['tx']}  block {doc['block']}  gas used {doc['gas_used']}")
        else:
            show_receipt(doc)

    emit(state, doc, human)
    if not ok:
        click.echo(reverted_line(receipt.reason, receipt.location), err=True)
        return EXIT_FAILED
    return EXIT_OK


@command("call", cls=ArgsCommand, context_settings=ARGS_SETTINGS)
@wait_options
@click.argument("address")
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--from", "sender", metavar="A", help=FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the call.")
@click.option("--gas", metavar="G", help=GAS_HELP)
@tx_options
@click.option("--dry-run", is_flag=True, help="Run it on the head state and print what would happen; send nothing.")
@click.option("--gas-profile", is_flag=True, help="Also print gas per source line and per function.")
def call_cmd(state, address, function, args, sender, value, gas, gas_price, nonce, dry_run, gas_profile):
    """Call FUNCTION of the contract at ADDRESS.

    A view function prints its value (no transaction); any other sends a
    transaction, mines it and prints the receipt with its decoded events.
    --dry-run prints the receipt it would get (value, events, gas, revert)
    without sending; --gas-profile adds its gas by source line and function."""
    import chain
    from vm.abi import to_json

    address = parse_address(address, "ADDRESS")
    value, gas, tx = parse_amount(value, "--value"), parse_gas(gas), parse_tx_options(gas_price, nonce)
    net = open_chain(state)
    code = code_object_at(net, address)
    fn = code.function(function)
    if fn is None or not fn.is_pub or fn.is_init:
        names = ", ".join(f.name for f in code.functions if f.is_pub and not f.is_init) or "none"
        raise CliError(f"{code.name} at {address} has no public function {show(function)} (it has: {names})")
    values = parse_args(args, fn.params, function)
    if fn.is_view and value:
        raise CliError(f"{function} is a view function: it takes no --value")
    if fn.is_view and tx:
        raise CliError(f"{function} is a view function: nothing is sent, so it takes no --gas-price or --nonce")
    account = resolve_sender(state, net, sender, need_key=not fn.is_view)
    if dry_run or gas_profile:
        from .dev_cmds import run_debug_call

        return run_debug_call(state, net, address, fn, values, account, value, gas, tx, send=not dry_run,
                              profile=gas_profile)
    try:
        result = net.call(address, function, *values, sender=account, value=value, gas=gas, **tx)
    except chain.Reverted as exc:
        if exc.receipt is not None:
            return finish_tx(state, exc.receipt)
        doc = {"value": None, "status": "reverted", "reason": exc.reason, "location": exc.location}
        emit(state, doc, lambda: None)
        click.echo(reverted_line(exc.reason, exc.location), err=True)
        return EXIT_FAILED
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise send_refused(net, exc, account, tx) from None
    if not fn.is_view:
        return finish_tx(state, result)
    emit(state, {"value": to_json(result, fn.returns)}, lambda: click.echo(human_value(result, fn.returns)))
    return EXIT_OK


def _code_from_file(path: str, contract: str | None) -> bytes:
    if path.endswith((".contract", ".json")):
        return load_artifact(path, contract).bytecode
    input_file(path)
    from vm import limits

    with open(path, "rb") as f:
        data = f.read(limits.MAX_CODE_OBJECT_SIZE + 1)
    if len(data) > limits.MAX_CODE_OBJECT_SIZE:
        raise CliError(f"{path}: larger than any code object ({limits.MAX_CODE_OBJECT_SIZE} bytes)")
    return data


@command("disasm")
@rpc_option
@click.argument("target", metavar="FILE-or-ADDRESS")
@click.option("--contract", "-c", metavar="NAME", help=_CONTRACT_HELP)
def disasm_cmd(state, target, contract):
    """Disassemble a contract, showing the source line of each instruction.

    FILE-or-ADDRESS: a .contract file (compiled now), an artifact .json, a file
    holding an encoded code object, or the 0x address of a deployed contract."""
    from vm.code import CodeFormatError, decode
    from vm.disasm import disassemble

    from .disasm_view import annotate

    stripped = target.strip()
    if stripped.lower().startswith("0x") and not os.path.exists(target):
        address = parse_address(stripped, "ADDRESS")
        code = code_object_at(open_chain(state), address)
    else:
        raw = _code_from_file(target, contract)
        try:
            code = decode(raw)
        except CodeFormatError as exc:
            raise CliError(f"{target}: not a code object ({exc})") from None
    text = annotate(disassemble(code), code.files).rstrip("\n")
    emit(state, {"contract": code.name, "text": text + "\n"}, lambda: click.echo(printable_lines(text)))
    return EXIT_OK


COMMANDS = [compile_cmd, deploy_cmd, call_cmd, disasm_cmd]
