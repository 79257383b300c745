"""The `obelisk` command: a thin door onto chain.Devnet and lang, written with click.

Only click is imported at startup; rich, lang and the chain come in inside the
commands that need them, so `obelisk --help` stays instant. See docs/cli.md.
"""
from __future__ import annotations

import functools
import json
import os
import sys

import click

EXIT_OK = 0
EXIT_FAILED = 1  # a transaction reverted, or the chain failed verification
EXIT_BAD_INPUT = 2  # usage, compile error, ABI mismatch, unknown address or hash, bad datadir
EXIT_INTERNAL = 3  # our bug: an exception nobody expected
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

DEFAULT_DATADIR = ".obelisk"
PASSPHRASE_ENV = "OBELISK_PASSPHRASE"
DATADIR_ENV = "OBELISK_DATADIR"


class CliError(Exception):
    """A failure with a one-line reason and an exit status; `document` is printed under --json."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT, document=None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.document = document
        self.detail = detail  # extra lines for humans (a compile error's source and caret)


class State:
    """Settings gathered from the group's and the subcommand's options."""

    def __init__(self):
        self.json = False
        self.datadir_option: str | None = None
        self._net = None

    @property
    def datadir(self) -> str:
        return self.datadir_option or os.environ.get(DATADIR_ENV) or DEFAULT_DATADIR


# --------------------------------------------------------------------------
# The group, the shared options, and the one place errors become exit codes.


class ObeliskGroup(click.Group):
    """Runs a command and turns every outcome into one exit status and, on failure,
    a one-line reason on stderr (never a traceback)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        state = extra.pop("obj", None) or State()
        try:
            rv = super().main(args, prog_name or "obelisk", complete_var, standalone_mode=False, obj=state, **extra)
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else EXIT_OK
        except CliError as exc:
            code = _report(state, exc)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            code = _report(state, CliError(_one_line(exc.format_message()) + hint))
        except click.ClickException as exc:
            code = _report(state, CliError(_one_line(exc.format_message())))
        except (click.Abort, KeyboardInterrupt):
            click.echo("obelisk: aborted", err=True)
            code = EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`obelisk disasm x | head`): not an error of ours.
            _silence_stdout()
            code = EXIT_OK
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("OBELISK_DEBUG"):
                raise
            message = f"internal error: {type(exc).__name__}: {_one_line(str(exc))} -- please report this (set OBELISK_DEBUG=1 for the traceback)"
            code = _report(state, CliError(message, EXIT_INTERNAL))
        if standalone_mode:
            sys.exit(code)
        return code


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _report(state: State, exc: CliError) -> int:
    """--json: the error as the one JSON document on stdout. Always: the reason on stderr."""
    if state.json:
        document = exc.document if exc.document is not None else {"error": exc.message}
        click.echo(json.dumps(document, ensure_ascii=False))
    click.echo(exc.detail.rstrip("\n") if exc.detail else f"obelisk: error: {exc.message}", err=True)
    return exc.code


def _common_options(f):
    f = click.option("--json", "json_", is_flag=True, default=False, help="Print one JSON document instead of the human view.")(f)
    f = click.option(
        "--datadir",
        metavar="DIR",
        default=None,
        help=f"Chain and keystore directory [default: ${DATADIR_ENV}, else ./{DEFAULT_DATADIR}].",
    )(f)
    return f


def command(group, name=None, **settings):
    """A subcommand that also takes --json and --datadir, merged with the group's."""

    def decorate(f):
        @functools.wraps(f)
        def run(*args, json_, datadir, **kwargs):
            state = click.get_current_context().find_object(State)
            state.json = state.json or json_
            if datadir is not None:
                state.datadir_option = datadir
            return f(state, *args, **kwargs)

        return group.command(name, **settings)(_common_options(run))

    return decorate


@click.group(cls=ObeliskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@_common_options
@click.version_option(package_name="obelisk", prog_name="obelisk")
@click.pass_context
def cli(ctx, json_, datadir):
    """Obelisk: compile contracts, run a local dev chain, and talk to it.

    The first command that needs a chain creates one in the data directory: a
    dev chain whose funded dev accounts are numbered 0, 1, ... (use them with
    --from). Exit status: 0 done, 1 reverted or verification failed, 2 bad
    input, 3 internal error.
    """
    state = ctx.ensure_object(State)
    state.json = json_
    state.datadir_option = datadir


main = cli  # the console script's entry point (pyproject: chain.cli:main)


# --------------------------------------------------------------------------
# Output.


def _console(err: bool = False):
    from rich.console import Console

    return Console(stderr=err, highlight=False, soft_wrap=True)


def emit(state: State, document, human) -> None:
    """Print the JSON document under --json, else call human() for the readable view."""
    if state.json:
        click.echo(json.dumps(document, ensure_ascii=False))
    else:
        human()


def _kv_table(rows):
    from rich.table import Table

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in rows:
        table.add_row(key, "" if value is None else str(value))
    return table


# --------------------------------------------------------------------------
# Values: ABI types, parsing arguments from text, rendering results.
# A type is the VM's plain data: "int" "bool" "address" "bytes" "string",
# ("struct", NAME, ((FIELD, TYPE), ...)) or ("list", TYPE).

INT_MIN = -(2**255)
INT_MAX = 2**255 - 1
_MAX_ARG_TEXT = 256 * 1024  # bytes of one argument's text: bounds every parse below
_HEX = set("0123456789abcdefABCDEF")


def _type_text(t) -> str:
    from vm.values import type_name

    return type_name(t)


def _parse_int_text(text: str) -> int:
    s = text.strip()
    sign = 1
    if s[:1] in "+-" and s:
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    body = s[2:] if s[:2].lower() == "0x" else s
    base = 16 if body is not s else 10
    digits = body.replace("_", "")
    allowed = _HEX if base == 16 else set("0123456789")
    # Python's int() also accepts spaces, "_" runs and non-ASCII digits: check first.
    if not digits or not set(digits) <= allowed or "__" in body or body.startswith("_") or body.endswith("_"):
        raise ValueError
    if len(digits) > 80:  # 2**255 has 78 decimal digits, 64 hex digits
        raise OverflowError
    return sign * int(digits, base)


def parse_int(text: str, what: str, lo: int = INT_MIN, hi: int = INT_MAX) -> int:
    try:
        value = _parse_int_text(text)
    except ValueError:
        raise CliError(f"{what}: expected an integer (decimal or 0x hex), got {_show(text)}") from None
    except OverflowError:
        raise CliError(f"{what}: {_show(text)} is out of range") from None
    if not lo <= value <= hi:
        raise CliError(f"{what}: {_show(text)} is out of range" + (f" ({lo} .. {hi})" if hi - lo < 2**70 else ""))
    return value


def _show(text) -> str:
    text = str(text)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _parse_hex(text: str, what: str) -> bytes:
    if not text.startswith(("0x", "0X")):
        raise CliError(f"{what}: expected 0x-prefixed hex, got {_show(text)}")
    try:
        return bytes.fromhex(text[2:]) if set(text[2:]) <= _HEX else bytes.fromhex("x")
    except ValueError:
        raise CliError(f"{what}: {_show(text)} is not an even number of hex digits") from None


def parse_address(text: str, what: str = "address"):
    from vm.values import Address

    raw = _parse_hex(text.strip(), what)
    if len(raw) != 20:
        raise CliError(f"{what}: an address is 0x and 40 hex digits, got {_show(text)}")
    return Address(raw)


def parse_arg(text: str, t, what: str):
    """Text from the command line -> the VM value of type t, or CliError with a one-line reason."""
    from vm import limits
    from vm.values import Struct

    if len(text) > _MAX_ARG_TEXT:
        raise CliError(f"{what}: argument of {len(text)} characters is too long")
    if t == "int":
        return parse_int(text, what)
    if t == "bool":
        if text in ("true", "false"):
            return text == "true"
        raise CliError(f"{what}: expected true or false, got {_show(text)}")
    if t == "address":
        return parse_address(text, what)
    if t == "bytes":
        raw = _parse_hex(text, what)
        if len(raw) > limits.MAX_VALUE_SIZE:
            raise CliError(f"{what}: {len(raw)} bytes is over the limit of {limits.MAX_VALUE_SIZE}")
        return raw
    if t == "string":
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError:
            raise CliError(f"{what}: not valid UTF-8 text") from None
        if size > limits.MAX_VALUE_SIZE:
            raise CliError(f"{what}: {size} bytes of text is over the limit of {limits.MAX_VALUE_SIZE}")
        return text
    if isinstance(t, tuple) and t and t[0] == "struct":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            raise CliError(f"{what}: a {t[1]} is given as JSON (an object or an array), got {_show(text)}") from None
        return _from_json(obj, t, what, 0)
    raise CliError(f"{what}: type {_type_text(t)} cannot be passed from the command line")


def _from_json(obj, t, what: str, depth: int):
    """A JSON value inside a struct argument -> VM value (ints may also be strings, for 0x hex)."""
    from vm import limits
    from vm.values import Struct

    if depth > limits.MAX_VALUE_DEPTH:
        raise CliError(f"{what}: value nested too deeply")
    if isinstance(t, tuple) and t and t[0] == "struct":
        fields = t[2]
        if isinstance(obj, dict):
            names = [name for name, _ in fields]
            extra = sorted(set(obj) - set(names))
            missing = [n for n in names if n not in obj]
            if extra or missing:
                raise CliError(f"{what}: {t[1]} has fields {', '.join(names) or '(none)'}" + (f"; unknown {', '.join(extra)}" if extra else "") + (f"; missing {', '.join(missing)}" if missing else ""))
            items = [obj[n] for n in names]
        elif isinstance(obj, list):
            if len(obj) != len(fields):
                raise CliError(f"{what}: {t[1]} has {len(fields)} fields, got {len(obj)} values")
            items = obj
        else:
            raise CliError(f"{what}: expected a {t[1]} as a JSON object or array")
        return Struct(_from_json(x, ft, f"{what}.{fn}", depth + 1) for x, (fn, ft) in zip(items, fields))
    if t == "int" and type(obj) is int:
        if not INT_MIN <= obj <= INT_MAX:
            raise CliError(f"{what}: integer out of range")
        return obj
    if t == "bool" and type(obj) is bool:
        return obj
    if isinstance(obj, str):
        return parse_arg(obj, t, what)
    raise CliError(f"{what}: expected {_type_text(t)}, got JSON {type(obj).__name__}")


def parse_args(texts, params, what: str):
    """Parse a function's arguments; params is ((name, TYPE), ...)."""
    if len(texts) != len(params):
        want = ", ".join(f"{n}: {_type_text(t)}" for n, t in params) or "no arguments"
        raise CliError(f"{what} takes {len(params)} argument{'s' if len(params) != 1 else ''} ({want}), got {len(texts)}")
    return [parse_arg(text, t, f"{what} argument '{name}'") for text, (name, t) in zip(texts, params)]


def to_json(value, t=None):
    """A VM value as JSON data: ints as numbers, addresses and bytes as 0x hex,
    structs as objects (when the type names the fields), lists as arrays."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        if isinstance(t, tuple) and t and t[0] == "struct" and len(t[2]) == len(value):
            return {name: to_json(v, ft) for v, (name, ft) in zip(value, t[2])}
        inner = t[1] if isinstance(t, tuple) and t and t[0] == "list" else None
        return [to_json(v, inner) for v in value]
    return str(value)


def human_value(value, t=None) -> str:
    """How a value reads in the human view: strings bare at the top level, the rest as JSON."""
    if isinstance(value, str):
        return value
    data = to_json(value, t)
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, str)):
        return str(data)
    return json.dumps(data, ensure_ascii=False)


# --------------------------------------------------------------------------
# Passphrases and files.


def read_passphrase(*, confirm: bool, what: str = "passphrase") -> str:
    """$OBELISK_PASSPHRASE, else a hidden prompt on a terminal; never an empty one."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise CliError(f"a {what} is needed: set ${PASSPHRASE_ENV} or run in a terminal")
        passphrase = click.prompt(what.capitalize(), hide_input=True, confirmation_prompt=confirm, err=True)
    if passphrase == "":
        raise CliError(f"the {what} is empty")
    return passphrase


def _input_file(path: str) -> str:
    if not os.path.exists(path):
        raise CliError(f"{path}: no such file")
    if not os.path.isfile(path):
        raise CliError(f"{path}: not a file")
    return path


# --------------------------------------------------------------------------
# compile


def _compile(path: str, contract: str | None):
    """lang.compile_file with its errors turned into exit status 2 (all of them, located)."""
    import lang

    _input_file(path)
    try:
        return lang.compile_file(path, contract=contract)
    except lang.CompileError as exc:
        raise _compile_failure(exc) from None


def _compile_failure(exc) -> CliError:
    errors = [{"file": d.file, "line": d.line, "column": d.column, "message": d.message} for d in exc.errors]
    first = exc.errors[0] if exc.errors else None
    summary = f"{first.file}:{first.line}:{first.column}: {first.message}" if first else "compile error"
    count = len(exc.errors)
    return CliError(
        summary,
        EXIT_BAD_INPUT,
        document={"error": f"{count} compile error{'s' if count != 1 else ''}", "errors": errors},
        detail=str(exc) + f"\n{count} error{'s' if count != 1 else ''}",
    )


@command(cli, "compile")
@click.argument("file")
@click.option("--contract", "-c", metavar="NAME", help="Contract to compile [default: the only one, else the last].")
@click.option("-o", "--out", "outdir", metavar="DIR", default=".", show_default=True, help="Directory for NAME.json.")
@click.option("--emit", "stage", type=click.Choice(["ast", "ir", "asm"]), help="Print this stage instead of writing the artifact.")
def compile_cmd(state, file, contract, outdir, stage):
    """Compile FILE to DIR/NAME.json (abi, bytecode, source map).

    With --emit, print one stage of the compiler (ast, ir or asm) instead."""
    import lang

    if stage:
        _input_file(file)
        try:
            text = lang.emit_file(file, stage, contract=contract)
        except lang.CompileError as exc:
            raise _compile_failure(exc) from None
        emit(state, {"stage": stage, "text": text}, lambda: click.echo(text.rstrip("\n")))
        return EXIT_OK
    art = _compile(file, contract)
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise CliError(f"{outdir}: not a directory")
    try:
        os.makedirs(outdir, exist_ok=True)
        target = os.path.join(outdir, f"{art.name}.json")
        text = art.to_json()
        if not isinstance(text, str):
            text = json.dumps(text, indent=2, ensure_ascii=False)
        tmp = target + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text if text.endswith("\n") else text + "\n")
        os.replace(tmp, target)
    except OSError as exc:
        raise CliError(f"cannot write the artifact to {outdir}: {exc.strerror}") from None
    document = {"contract": art.name, "artifact": target, "bytecode_size": len(art.bytecode)}
    emit(state, document, lambda: click.echo(f"compiled {art.name} ({len(art.bytecode)} bytes of code) -> {target}"))
    return EXIT_OK


# --------------------------------------------------------------------------
# seal / unseal


def _seal_doc(result):
    return {
        "output": str(result.output),
        "plaintext_sha256": "0x" + result.plaintext_sha256,
        "sealed_sha256": "0x" + result.sealed_sha256,
        "size": result.size,
    }


def _seal_human(verb: str, result):
    def show():
        click.echo(f"{verb} -> {result.output} ({result.size} bytes of data)")
        click.echo(f"plaintext sha256: 0x{result.plaintext_sha256}   (the hash to put on chain)")
        click.echo(f"sealed sha256:    0x{result.sealed_sha256}")

    return show


@command(cli, "seal")
@click.argument("file")
@click.option("-o", "--out", "output", metavar="OUT", help="Sealed file [default: FILE.sealed].")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def seal_cmd(state, file, output, force):
    """Encrypt FILE under a passphrase; print its hashes.

    scrypt + AES-256-GCM; the passphrase comes from $OBELISK_PASSPHRASE or a
    prompt. The plaintext's SHA-256 is the one to record on chain."""
    from . import seal

    _input_file(file)
    passphrase = read_passphrase(confirm=True)
    try:
        result = seal.seal_file(file, passphrase, output, overwrite=force)
    except seal.SealError as exc:
        raise CliError(str(exc)) from None
    emit(state, _seal_doc(result), _seal_human("sealed", result))
    return EXIT_OK


@command(cli, "unseal")
@click.argument("file")
@click.option("-o", "--out", "output", metavar="OUT", help="Decrypted file [default: FILE without .sealed].")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def unseal_cmd(state, file, output, force):
    """Decrypt a sealed FILE (all or nothing)."""
    from . import seal

    _input_file(file)
    passphrase = read_passphrase(confirm=False)
    try:
        result = seal.unseal_file(file, passphrase, output, overwrite=force)
    except seal.SealError as exc:
        raise CliError(str(exc)) from None
    emit(state, _seal_doc(result), _seal_human("unsealed", result))
    return EXIT_OK


# --------------------------------------------------------------------------
# The chain: opening it, naming accounts, reading code and ABIs.


def open_net(state: State):
    """The Devnet kept in the data directory (created, with funded dev accounts, on first use)."""
    if state._net is not None:
        return state._net
    import sqlite3

    import chain

    path = state.datadir
    if os.path.exists(path) and not os.path.isdir(path):
        raise CliError(f"bad datadir {path}: not a directory")
    try:
        os.makedirs(path, exist_ok=True)
        state._net = chain.Devnet(datadir=path)
    except chain.ChainError as exc:
        raise CliError(f"bad datadir {path}: {exc.message}") from None
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"bad datadir {path}: {_one_line(getattr(exc, 'strerror', None) or exc)}") from None
    return state._net


def keystore_of(state: State):
    from .keystore import Keystore

    return Keystore(os.path.join(state.datadir, "keystore"))


def resolve_sender(state: State, net, text: str | None):
    """--from: a dev account index, a dev account's address, or a keystore address (asks its passphrase)."""
    if text is None:
        return net.accounts[0]
    text = text.strip()
    if text.isdigit() and len(text) < 6:
        index = int(text)
        if index >= len(net.accounts):
            raise CliError(f"--from {index}: there are {len(net.accounts)} dev accounts (0 .. {len(net.accounts) - 1})")
        return net.accounts[index]
    address = parse_address(text, "--from")
    for account in net.accounts:
        if account.address == address:
            return account
    store = keystore_of(state)
    if not store.has(address):
        raise CliError(f"--from {address}: not a dev account and not in the keystore")
    from .keys import PrivateKey
    from .keystore import KeystoreError, WrongPassphrase

    passphrase = read_passphrase(confirm=False, what=f"passphrase for {address}")
    try:
        return PrivateKey(store.load(address, passphrase))
    except WrongPassphrase:
        raise CliError("wrong passphrase") from None
    except KeystoreError as exc:
        raise CliError(str(exc)) from None


def code_object_at(net, address):
    """The decoded code at address (its ABI), or exit 2 when there is none."""
    from vm.code import CodeFormatError, decode

    code = net.code(address)
    if not code:
        raise CliError(f"no contract at {address}")
    try:
        return decode(code)
    except CodeFormatError as exc:  # cannot happen for deployed code, which was validated
        raise CliError(f"the code at {address} cannot be read: {exc}") from None


def _amount(text, what):
    return None if text is None else parse_int(text, what, 0, 2**255 - 1)


def _gas(text):
    return None if text is None else parse_int(text, "--gas", 1, 2**64 - 1)


def _hash_arg(text: str, what: str) -> bytes:
    raw = _parse_hex(text.strip(), what)
    if len(raw) != 32:
        raise CliError(f"{what}: a hash is 0x and 64 hex digits, got {_show(text)}")
    return raw


def _hex(b) -> str | None:
    return None if b is None else "0x" + bytes(b).hex()


# --------------------------------------------------------------------------
# Receipts: one JSON shape for call, send and receipt.


def _event_types(net, cache: dict, address, name: str) -> dict:
    """Field name -> type of an event, from the emitting contract's code (for struct fields)."""
    key = (bytes(address), name)
    if key not in cache:
        types = {}
        try:
            code = code_object_at(net, address)
            for event in code.events:
                if event.name == name:
                    types = dict(event.fields)
        except CliError:
            pass
        cache[key] = types
    return cache[key]


def receipt_doc(net, receipt, value_type=None) -> dict:
    cache: dict = {}
    events = []
    for log in receipt.logs:
        types = _event_types(net, cache, log.address, log.name)
        events.append(
            {
                "name": log.name,
                "address": str(log.address),
                "args": {k: to_json(v, types.get(k)) for k, v in log.args.items()},
            }
        )
    return {
        "status": "success" if receipt.status else "reverted",
        "value": to_json(receipt.value, value_type),
        "gas_used": receipt.gas_used,
        "events": events,
        "reason": receipt.reason,
        "location": receipt.location,
        "block": receipt.block_number,
        "tx": _hex(receipt.tx_hash),
    }


def show_receipt(doc: dict) -> None:
    from rich.text import Text

    console = _console()
    ok = doc["status"] == "success"
    rows = [
        ("status", Text(doc["status"], style="green" if ok else "bold red")),
        ("tx", doc["tx"]),
        ("block", doc["block"]),
        ("gas used", doc["gas_used"]),
    ]
    if doc.get("contract"):
        rows.append(("contract", doc["contract"]))
    if ok and doc["value"] is not None:
        rows.append(("value", human_value(doc["value"])))
    if not ok:
        rows.append(("reason", doc["reason"]))
        if doc["location"]:
            rows.append(("location", doc["location"]))
    console.print(_kv_table(rows))
    for ev in doc["events"]:
        args = ", ".join(f"{k}={human_value(v)}" for k, v in ev["args"].items())
        console.print(Text(f"  event {ev['name']}({args})  from {ev['address']}"))


def _finish_tx(state: State, doc: dict) -> int:
    emit(state, doc, lambda: show_receipt(doc))
    if doc["status"] != "success":
        if not state.json:
            click.echo(f"obelisk: reverted: {doc['reason']}" + (f" at {doc['location']}" if doc["location"] else ""), err=True)
        return EXIT_FAILED
    return EXIT_OK


def _rejected(exc) -> CliError:
    """A transaction the chain refused before running it (no receipt): bad input."""
    return CliError(f"transaction rejected: {exc}")


# --------------------------------------------------------------------------
# deploy / call / send / balance


_ARGS = {"ignore_unknown_options": True}  # so a negative number is an argument, not an option


def _load_artifact(path: str, contract: str | None):
    """A .contract source (compiled now) or an artifact .json from `obelisk compile`."""
    if path.endswith(".json"):
        import lang

        _input_file(path)
        try:
            with open(path, encoding="utf-8") as f:
                return lang.Artifact.from_json(f.read())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CliError(f"{path}: not a valid artifact ({_one_line(exc)})") from None
    return _compile(path, contract)


def _init_params(bytecode: bytes):
    from vm.code import decode

    for f in decode(bytecode).functions:
        if f.is_init:
            return f.params
    return ()


@command(cli, "deploy", context_settings=_ARGS)
@click.argument("file")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--contract", "-c", metavar="NAME", help="Contract in FILE [default: the only one, else the last].")
@click.option("--from", "sender", metavar="A", help="Account index, dev address or keystore address [default: 0].")
@click.option("--value", metavar="V", help="Native coin sent with the deployment.")
@click.option("--gas", metavar="G", help="Gas limit.")
def deploy_cmd(state, file, args, contract, sender, value, gas):
    """Deploy FILE's contract with constructor ARGS; print its address."""
    import chain

    art = _load_artifact(file, contract)
    params = _init_params(art.bytecode)
    values = parse_args(list(args), params, f"{art.name}'s constructor")
    value, gas = _amount(value, "--value"), _gas(gas)
    net = open_net(state)
    account = resolve_sender(state, net, sender)
    try:
        handle = net.deploy(art, *values, sender=account, value=value or 0, **({"gas": gas} if gas else {}))
        receipt = handle.receipt
    except chain.Reverted as exc:
        receipt = exc.receipt
        handle = None
    except chain.ChainError as exc:
        raise _rejected(exc) from None
    doc = {
        "address": str(handle.address) if handle is not None else None,
        "tx": _hex(receipt.tx_hash),
        "block": receipt.block_number,
        "gas_used": receipt.gas_used,
        "status": "success" if receipt.status else "reverted",
    }
    if not receipt.status:
        doc.update(reason=receipt.reason, location=receipt.location)

    def human():
        if receipt.status:
            click.echo(f"deployed {art.name} at {doc['address']}")
            click.echo(f"tx {doc['tx']}  block {doc['block']}  gas used {doc['gas_used']}")
        else:
            show_receipt({**doc, "value": None, "events": []})

    emit(state, doc, human)
    if not receipt.status:
        if not state.json:
            click.echo(f"obelisk: reverted: {receipt.reason}" + (f" at {receipt.location}" if receipt.location else ""), err=True)
        return EXIT_FAILED
    return EXIT_OK


@command(cli, "call", context_settings=_ARGS)
@click.argument("address")
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--from", "sender", metavar="A", help="Account index, dev address or keystore address [default: 0].")
@click.option("--value", metavar="V", help="Native coin sent with the call.")
@click.option("--gas", metavar="G", help="Gas limit.")
def call_cmd(state, address, function, args, sender, value, gas):
    """Call FUNCTION of the contract at ADDRESS.

    A view function prints its value (no transaction); any other sends a
    transaction, mines it and prints the receipt with its decoded events."""
    import chain

    address = parse_address(address, "ADDRESS")
    value, gas = _amount(value, "--value"), _gas(gas)
    net = open_net(state)
    code = code_object_at(net, address)
    fn = code.function(function)
    if fn is None or not fn.is_pub or fn.is_init:
        names = ", ".join(f.name for f in code.functions if f.is_pub and not f.is_init) or "none"
        raise CliError(f"the contract at {address} ({code.name}) has no public function {_show(function)} (it has: {names})")
    values = parse_args(list(args), fn.params, function)
    options = {"value": value or 0, **({"gas": gas} if gas else {})}
    if fn.is_view:
        options["sender"] = resolve_sender(state, net, sender) if sender is not None else net.accounts[0]
        try:
            result = net.call(address, function, values, **options)
        except chain.Reverted as exc:
            doc = {"value": None, "status": "reverted", "reason": exc.reason, "location": exc.location}
            emit(state, doc, lambda: None)
            click.echo(f"obelisk: reverted: {exc.reason}" + (f" at {exc.location}" if exc.location else ""), err=True)
            return EXIT_FAILED
        except chain.ChainError as exc:
            raise _rejected(exc) from None
        emit(state, {"value": to_json(result, fn.returns)}, lambda: click.echo(human_value(result, fn.returns)))
        return EXIT_OK
    options["sender"] = resolve_sender(state, net, sender)
    try:
        receipt = net.call(address, function, values, **options)
    except chain.Reverted as exc:
        receipt = exc.receipt
    except chain.ChainError as exc:
        raise _rejected(exc) from None
    return _finish_tx(state, receipt_doc(net, receipt, fn.returns))


@command(cli, "send")
@click.argument("to")
@click.argument("amount")
@click.option("--from", "sender", metavar="A", help="Account index, dev address or keystore address [default: 0].")
def send_cmd(state, to, amount, sender):
    """Send AMOUNT of the native coin to TO."""
    import chain

    to = _account_arg(state, None, to, "TO")
    amount = parse_int(amount, "AMOUNT", 0, 2**255 - 1)
    net = open_net(state)
    to = _account_arg(state, net, to, "TO")
    account = resolve_sender(state, net, sender)
    try:
        receipt = net.transfer(account, to, amount)
    except chain.Reverted as exc:
        receipt = exc.receipt
    except chain.ChainError as exc:
        raise _rejected(exc) from None
    return _finish_tx(state, receipt_doc(net, receipt))


def _account_arg(state: State, net, text, what: str):
    """An address, or (once the chain is open) a dev account index."""
    from vm.values import Address

    if isinstance(text, Address):
        return text
    text = text.strip()
    if text.isdigit() and len(text) < 6:
        if net is None:
            return text
        index = int(text)
        if index >= len(net.accounts):
            raise CliError(f"{what}: there are {len(net.accounts)} dev accounts (0 .. {len(net.accounts) - 1})")
        return net.accounts[index].address
    return parse_address(text, what)


@command(cli, "balance")
@click.argument("address")
def balance_cmd(state, address):
    """Native coin balance of ADDRESS (or of a dev account index)."""
    address = _account_arg(state, None, address, "ADDRESS")
    net = open_net(state)
    address = _account_arg(state, net, address, "ADDRESS")
    balance = net.balance(address)
    emit(state, {"address": str(address), "balance": balance}, lambda: click.echo(str(balance)))
    return EXIT_OK


# --------------------------------------------------------------------------
# accounts


def group(parent, name, **settings):
    """A subgroup that also takes --json and --datadir."""

    def decorate(f):
        @functools.wraps(f)
        def run(*args, json_, datadir, **kwargs):
            state = click.get_current_context().find_object(State)
            state.json = state.json or json_
            if datadir is not None:
                state.datadir_option = datadir
            return f(state, *args, **kwargs)

        return parent.group(name, **settings)(_common_options(run))

    return decorate


@group(cli, "accounts", invoke_without_command=True)
@click.pass_context
def accounts_cmd(ctx, state):
    """List dev and keystore accounts with balances; `accounts new` makes a key."""
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    net = open_net(state)
    rows = [("dev", str(i), a.address) for i, a in enumerate(net.accounts)]
    rows += [("keystore", "", a) for a in keystore_of(state).addresses()]
    listed = [(kind, index, address, net.balance(address)) for kind, index, address in rows]
    doc = [{"address": str(address), "balance": balance} for _, _, address, balance in listed]

    def human():
        from rich.table import Table

        table = Table(box=None, pad_edge=False)
        for title, justify in (("#", "right"), ("address", "left"), ("balance", "right"), ("kind", "left")):
            table.add_column(title, justify=justify)
        for kind, index, address, balance in listed:
            table.add_row(index, str(address), str(balance), kind)
        _console().print(table)

    emit(state, doc, human)
    return EXIT_OK


@command(accounts_cmd, "new")
def accounts_new_cmd(state):
    """Make a key, encrypted in the keystore; print its address."""
    from .keystore import KeystoreError

    datadir = state.datadir
    if os.path.exists(datadir) and not os.path.isdir(datadir):
        raise CliError(f"bad datadir {datadir}: not a directory")
    passphrase = read_passphrase(confirm=True)
    store = keystore_of(state)
    try:
        address = store.create(passphrase)
    except KeystoreError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write the keystore in {datadir}: {exc.strerror}") from None
    doc = {"address": str(address), "file": str(store.path_of(address))}
    emit(state, doc, lambda: click.echo(f"{address}\n(key written to {doc['file']}; keep the passphrase: it cannot be recovered)"))
    return EXIT_OK


# --------------------------------------------------------------------------
# mine / block / tx / receipt / verify

MAX_MINE = 10_000  # blocks per `mine`: a typo like `mine 1000000000` should not run for days


@command(cli, "mine")
@click.argument("count", default="1", metavar="[N]")
def mine_cmd(state, count):
    """Mine N blocks (default 1); pending transactions go in."""
    n = parse_int(count, "N", 1, MAX_MINE)
    net = open_net(state)
    progress = not state.json and sys.stderr.isatty()
    for i in range(n):
        if progress:
            click.echo(f"\rmining block {i + 1}/{n} (height {net.height + 1})", nl=False, err=True)
        net.mine(1)
    if progress:
        click.echo("\r\033[K", nl=False, err=True)
    head = net.block(net.height)
    doc = {"mined": n, "height": net.height, "hash": _hex(head.hash)}
    emit(state, doc, lambda: click.echo(f"mined {n} block{'s' if n != 1 else ''}; height {doc['height']} ({doc['hash']})"))
    return EXIT_OK


def _block_doc(block) -> dict:
    h = block.header
    return {
        "height": h.height,
        "hash": _hex(block.hash),
        "prev_hash": _hex(h.prev_hash),
        "timestamp": h.timestamp,
        "miner": str(h.miner),
        "target": "0x" + h.target.to_bytes(32, "big").hex(),
        "nonce": h.nonce,
        "gas_used": h.gas_used,
        "gas_limit": h.gas_limit,
        "reward": h.reward,
        "tx_root": _hex(h.tx_root),
        "receipts_root": _hex(h.receipts_root),
        "state_root": _hex(h.state_root),
        "transactions": [_hex(tx.hash) for tx in block.txs],
    }


@command(cli, "block")
@click.argument("number", required=False, metavar="[N]")
def block_cmd(state, number):
    """Show block N (default: the latest)."""
    net = open_net(state)
    n = net.height if number is None else parse_int(number, "N", 0, 2**63)
    if n > net.height:
        raise CliError(f"no block {n}: the chain's height is {net.height}")
    doc = _block_doc(net.block(n))

    def human():
        rows = [(k.replace("_", " "), v) for k, v in doc.items() if k != "transactions"]
        rows.append(("transactions", len(doc["transactions"])))
        console = _console()
        console.print(_kv_table(rows))
        for tx_hash in doc["transactions"]:
            console.print(f"  {tx_hash}")

    emit(state, doc, human)
    return EXIT_OK


def _find_tx(net, text: str):
    tx_hash = _hash_arg(text, "HASH")
    found = net.tx(tx_hash)
    if found is None:
        raise CliError(f"no transaction {_hex(tx_hash)} on this chain")
    return tx_hash, found


def _tx_doc(net, tx_hash, tx, block_number, index) -> dict:
    from .tx import CallDataError, decode_call, decode_deploy

    doc = {
        "hash": _hex(tx_hash),
        "block": block_number,
        "index": index,
        "from": str(tx.sender),
        "to": None if tx.to is None else str(tx.to),
        "nonce": tx.nonce,
        "value": tx.value,
        "gas_limit": tx.gas_limit,
        "gas_price": tx.gas_price,
        "kind": "deploy" if tx.is_deploy else ("call" if tx.data else "transfer"),
    }
    try:
        if tx.is_deploy:
            code, args = decode_deploy(tx.data)
            doc["code_size"] = len(code)
            types = [t for _, t in _init_params(code)]
        elif tx.data:
            name, args = decode_call(tx.data)
            doc["function"] = name
            try:
                fn = code_object_at(net, tx.to).function(name)
                types = [t for _, t in fn.params] if fn is not None else []
            except CliError:
                types = []
        else:
            args, types = None, []
        if args is not None:
            types = types if len(types) == len(args) else [None] * len(args)
            doc["args"] = [to_json(a, t) for a, t in zip(args, types)]
    except (CallDataError, ValueError):
        doc["data"] = _hex(tx.data)
    return doc


@command(cli, "tx")
@click.argument("hash")
def tx_cmd(state, hash):
    """Show the transaction HASH."""
    net = open_net(state)
    tx_hash, (tx, block_number, index) = _find_tx(net, hash)
    doc = _tx_doc(net, tx_hash, tx, block_number, index)
    emit(state, doc, lambda: _console().print(_kv_table([(k.replace("_", " "), human_value(v)) for k, v in doc.items()])))
    return EXIT_OK


@command(cli, "receipt")
@click.argument("hash")
def receipt_cmd(state, hash):
    """Show the receipt of transaction HASH, with decoded events."""
    net = open_net(state)
    tx_hash = _hash_arg(hash, "HASH")
    receipt = net.receipt(tx_hash)
    if receipt is None:
        raise CliError(f"no transaction {_hex(tx_hash)} on this chain")
    doc = receipt_doc(net, receipt)
    emit(state, doc, lambda: show_receipt(doc))
    return EXIT_OK


@command(cli, "verify")
def verify_cmd(state):
    """Re-validate the whole chain from genesis (proof of work, signatures, re-execution, roots)."""
    import chain

    net = open_net(state)
    try:
        net.verify()
    except chain.ChainError as exc:
        doc = {"valid": False, "height": net.height, "error": str(exc)}
        emit(state, doc, lambda: click.echo(f"INVALID at height <= {net.height}: {exc}"))
        click.echo(f"obelisk: verification failed: {_one_line(exc)}", err=True)
        return EXIT_FAILED
    doc = {"valid": True, "height": net.height}
    emit(state, doc, lambda: click.echo(f"valid: {net.height + 1} blocks from genesis to height {net.height}"))
    return EXIT_OK
