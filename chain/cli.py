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
