"""The `obelisk` command: a thin door onto chain.Devnet and lang, written with click.

This module imports only click at startup; rich, lang and the library's heavy
parts come in inside the commands that need them. See docs/cli.md.
"""
from __future__ import annotations

import functools
import json
import os
import stat
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
        if self.datadir_option == "":  # a script's unset variable: not silently ./.obelisk
            raise CliError("--datadir: empty directory name")
        return self.datadir_option or os.environ.get(DATADIR_ENV) or DEFAULT_DATADIR


# --------------------------------------------------------------------------
# The group, the shared options, and the one place errors become exit codes.


_NoArgsIsHelp = getattr(click.exceptions, "NoArgsIsHelpError", ())


class ObeliskGroup(click.Group):
    """Runs a command and turns every outcome into one exit status and, on failure,
    a one-line reason on stderr (never a traceback)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        state = extra.pop("obj", None) or State()
        argv = list(args) if args is not None else sys.argv[1:]
        try:
            rv = super().main(args, prog_name or "obelisk", complete_var, standalone_mode=False, obj=state, **extra)
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else EXIT_OK
        except CliError as exc:
            code = _report(state, exc)
        except _NoArgsIsHelp as exc:
            click.echo(exc.format_message())  # bare `obelisk` (or a bare group): the help, as asked
            code = EXIT_OK
        except click.UsageError as exc:
            # Parsing stopped before the subcommand saw its own --json: look for it.
            state.json = state.json or "--json" in argv
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
            failure = _datadir_damage(state, exc)
            if failure is None:
                if os.environ.get("OBELISK_DEBUG"):
                    raise
                message = f"internal error: {type(exc).__name__}: {_one_line(str(exc))} -- please report this (set OBELISK_DEBUG=1 for the traceback)"
                failure = CliError(message, EXIT_INTERNAL)
            code = _report(state, failure)
        if standalone_mode:
            sys.exit(code)
        return code


def _datadir_damage(state: State, exc: Exception) -> "CliError | None":
    """A chain error no command expected, as exit 2: damaged stored data (a trie
    node or code that does not match its hash, a row that cannot be read) is a
    bad data directory; any other refusal is reported as it is. Not a bug of ours."""
    errors = sys.modules.get("chain.errors")  # not imported: it cannot be one
    if errors is None or not isinstance(exc, errors.ChainError):
        return None
    if _is_damage(exc):
        corrupt = not isinstance(exc, errors.StoreError)  # a row that fails its hash, not a locked or read-only file
        return CliError(f"bad datadir {state.datadir}: {_one_line(exc)}" + (" (see 'obelisk verify')" if corrupt else ""))
    return CliError(_one_line(exc))


def _is_damage(exc: Exception) -> bool:
    errors, state = sys.modules.get("chain.errors"), sys.modules.get("chain.state")
    return (errors is not None and isinstance(exc, errors.StoreError)) or (
        state is not None and isinstance(exc, state.StateCorrupt))


def _one_line(text: str) -> str:
    return printable(" ".join(str(text).split()))


def printable(text) -> str:
    """Text safe to show on a terminal: control, format and other invisible
    characters (an escape sequence or a bidi override in a revert reason that
    a contract chose) are shown as escapes instead of acting on the terminal."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def printable_lines(text: str) -> str:
    """printable() for a multi-line view (source text, disassembly): tabs, which
    only indent, are kept."""
    return "\n".join("\t".join(printable(part) for part in line.split("\t")) for line in str(text).split("\n"))


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
        click.echo(dumps(document))
    click.echo(printable_lines(exc.detail.rstrip("\n")) if exc.detail else f"obelisk: error: {printable(exc.message)}", err=True)
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


def _with_common_options(f):
    """f(state, ...) as a click callback that also takes --json and --datadir, merged with the group's."""

    @functools.wraps(f)
    def run(*args, json_, datadir, **kwargs):
        state = click.get_current_context().find_object(State)
        state.json = state.json or json_
        if datadir is not None:
            state.datadir_option = datadir
        return f(state, *args, **kwargs)

    return _common_options(run)


def command(group, name=None, **settings):
    """A subcommand that also takes --json and --datadir, merged with the group's."""
    return lambda f: group.command(name, **settings)(_with_common_options(f))


@click.group("obelisk", cls=ObeliskGroup, context_settings={"help_option_names": ["-h", "--help"]})
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

    stream = sys.stderr if err else sys.stdout
    # Rich fits tables to the terminal by cutting cells short ("0x2607…"): an address
    # or a balance cut short is wrong, so lay out as if wide; a narrow terminal wraps lines.
    return Console(file=stream, width=400, highlight=False, soft_wrap=True)


def dumps(document) -> str:
    """One line of JSON, UTF-8 text as is; escaped when it holds text that is not
    valid Unicode (a file name of undecodable bytes), so the output stays valid UTF-8."""
    text = json.dumps(document, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(document)
    return text


def emit(state: State, document, human) -> None:
    """Print the JSON document under --json, else call human() for the readable view."""
    if state.json:
        click.echo(dumps(document))
    else:
        human()


def echo_fields(rows) -> None:
    """Aligned `key  value` lines; values never wrap, so hashes stay whole and greppable."""
    rows = [(k, v) for k, v in rows]
    width = max((len(k) for k, _ in rows), default=0)
    for key, value in rows:
        # Styled after escaping, so only our own styling reaches the terminal.
        value = value if isinstance(value, _Styled) else printable(value)
        click.echo(f"{click.style(key.ljust(width), bold=True)}  {value}")


class _Styled(str):
    """Text already made safe and styled by us (echo_fields passes it as is)."""



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
    digits = text[2:]
    if not set(digits) <= _HEX:
        raise CliError(f"{what}: {_show(text)} is not hex (0x, then only 0-9 a-f)")
    if len(digits) % 2:
        raise CliError(f"{what}: {_show(text)} is not an even number of hex digits")
    return bytes.fromhex(digits)


def parse_address(text: str, what: str = "address"):
    from vm.values import Address

    raw = _parse_hex(text.strip(), what)
    if len(raw) != 20:
        raise CliError(f"{what}: an address is 0x and 40 hex digits, got {_show(text)}")
    return Address(raw)


def parse_arg(text: str, t, what: str):
    """Text from the command line -> the VM value of type t, or CliError with a one-line reason."""
    from vm import limits

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


def human_value(value, t=None) -> str:
    """How a value reads in the human view: strings bare at the top level, the rest as
    JSON; either way made printable (the text may be anyone's)."""
    from chain.devnet import json_value

    if isinstance(value, str):
        return printable(value)
    data = json_value(value, t)
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, str)):
        return printable(data)
    return printable(json.dumps(data, ensure_ascii=False))


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
        emit(state, {"stage": stage, "text": text}, lambda: click.echo(printable_lines(text.rstrip("\n"))))
        return EXIT_OK
    art = _compile(file, contract)
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
        net = chain.Devnet(datadir=path)
    except chain.ChainError as exc:
        raise CliError(f"bad datadir {path}: {exc.message}") from None
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"bad datadir {path}: {_one_line(getattr(exc, 'strerror', None) or exc)}") from None
    state._net = net
    click.get_current_context().call_on_close(net.close)
    return net


def keystore_of(state: State):
    from .keystore import Keystore

    return Keystore(os.path.join(state.datadir, "keystore"))


def _dev_index(net, text: str, what: str):
    index = int(text)
    if index >= len(net.accounts):
        raise CliError(f"{what} {index}: there are {len(net.accounts)} dev accounts (0 .. {len(net.accounts) - 1})")
    return net.accounts[index]


def _is_index(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) < 6


def resolve_sender(state: State, net, text: str | None, *, need_key: bool = True):
    """--from: a dev account index, a dev account's address, or a keystore address.

    A keystore key is unlocked (passphrase) only when it must sign; a view call
    needs just the address."""
    if text is None:
        return net.accounts[0]
    text = text.strip()
    if _is_index(text):
        return _dev_index(net, text, "--from")
    address = parse_account_address(text, "--from")
    for account in net.accounts:
        if account.address == address:
            return account
    store = keystore_of(state)
    if not store.has(address):
        raise CliError(f"--from {address}: not a dev account and not in the keystore")
    if not need_key:
        return address
    from .keys import PrivateKey
    from .keystore import KeystoreError, WrongPassphrase

    passphrase = read_passphrase(confirm=False, what=f"passphrase for {address}")
    try:
        return PrivateKey(store.load(address, passphrase))
    except WrongPassphrase:
        raise CliError("wrong passphrase") from None
    except KeystoreError as exc:
        raise CliError(str(exc)) from None


def _account_arg(net, text: str, what: str):
    """An address, or a dev account index."""
    text = text.strip()
    if _is_index(text):
        return _dev_index(net, text, what).address
    return parse_account_address(text, what)


def parse_account_address(text: str, what: str):
    """A 0x address where a dev account index would also do: a reason that says both."""
    if not text.lower().startswith("0x"):
        raise CliError(f"{what}: expected a dev account index or a 0x address, got {_show(text)}")
    return parse_address(text, what)


def code_object_at(net, address):
    """The decoded code at address (its ABI), or exit 2 when there is none."""
    code = net.code_object_at(address)
    if code is None:
        raise CliError(f"no contract at {address}")
    return code


def _amount(text, what):
    return 0 if text is None else parse_int(text, what, 0, INT_MAX)


def _gas(text):
    # Any 64-bit value goes to the library, which gives the same answer as it does
    # to Python callers (0 or over the block limit: refused, out of gas for a view).
    return None if text is None else parse_int(text, "--gas", 0, 2**64 - 1)


def _hash_arg(text: str, what: str) -> bytes:
    raw = _parse_hex(text.strip(), what)
    if len(raw) != 32:
        raise CliError(f"{what}: a hash is 0x and 64 hex digits, got {_show(text)}")
    return raw


def _reverted_line(reason, location) -> str:
    return printable(f"obelisk: reverted: {reason}" + (f" at {location}" if location else ""))


def _refused(exc) -> CliError:
    """The chain or the library refused the request before anything ran: bad input."""
    import chain

    if _is_damage(exc):
        return _datadir_damage(click.get_current_context().find_object(State), exc)
    if isinstance(exc, chain.ArgumentError):
        return CliError(_one_line(exc))
    return CliError(f"transaction rejected: {_one_line(exc)}")


# --------------------------------------------------------------------------
# Receipts: the library's JSON shape, and a readable view of it.


def show_receipt(doc: dict) -> None:
    ok = doc["status"] == "success"
    rows = [("status", _Styled(click.style(doc["status"], fg="green" if ok else "red", bold=not ok))), ("tx", doc["tx"]),
            ("block", doc["block"]), ("gas used", doc["gas_used"])]
    if doc.get("address"):
        rows.append(("contract", doc["address"]))
    if ok and doc.get("value") is not None:
        rows.append(("value", human_value(doc["value"])))
    if not ok:
        rows.append(("reason", doc.get("reason")))
        if doc.get("location"):
            rows.append(("location", doc["location"]))
    rows += [("event", f"{ev['name']}({', '.join(f'{k}={_event_arg(v)}' for k, v in ev['args'].items())})  from {ev['address']}")
             for ev in doc.get("events", [])]
    echo_fields(rows)


def _event_arg(value) -> str:
    if isinstance(value, str) and not value.startswith("0x"):
        return printable(json.dumps(value, ensure_ascii=False))
    return human_value(value)


def receipt_json(net, receipt) -> dict:
    """The library's receipt document, with struct event fields keyed by name
    (Event.to_json has no types; the emitting contract's ABI has them)."""
    from chain.devnet import json_value

    doc = receipt.to_json()
    for ev_doc, log in zip(doc["events"], receipt.logs):
        code = net.code_object_at(log.address)
        event = next((e for e in code.events if e.name == log.name), None) if code is not None else None
        if event is not None:
            types = dict(event.fields)
            ev_doc["args"] = {k: json_value(v, types.get(k)) for k, v in log.args.items()}
    return doc


def _finish_tx(state: State, net, receipt) -> int:
    doc = receipt_json(net, receipt)
    emit(state, doc, lambda: show_receipt(doc))
    if doc["status"] != "success":
        click.echo(_reverted_line(doc["reason"], doc["location"]), err=True)
        return EXIT_FAILED
    return EXIT_OK


# --------------------------------------------------------------------------
# deploy / call / send / balance

_ARGS = {"ignore_unknown_options": True}  # so a negative number is an argument, not an option


class ArgsCommand(click.Command):
    """A command whose arguments may be negative numbers (unknown options pass as
    arguments), but where a misspelt long option (`--valeu 5`) is still a usage
    error rather than text sent in a transaction: such text goes after `--`."""

    def parse_args(self, ctx, args):
        known = {name for p in self.params for name in (*p.opts, *p.secondary_opts)}
        known.update(self.get_help_option_names(ctx))
        for arg in args:
            if arg == "--":
                break
            name = arg.split("=", 1)[0]
            if arg.startswith("--") and name not in known:
                raise click.NoSuchOption(name, ctx=ctx, message=f"No such option '{name}'; an argument spelled like an option goes after '--'.")
        return super().parse_args(ctx, args)
_FROM_HELP = "Account index, dev address or keystore address [default: 0]."


# A code object is at most 256 KiB; its artifact (hex, ABI, a source map entry per
# instruction, indented) stays far below this. Bounds the memory a stray file can take.
_MAX_ARTIFACT_FILE = 64 * 1024 * 1024


def _load_artifact(path: str, contract: str | None):
    """A .contract source, compiled now, or an artifact .json written by `obelisk compile`."""
    if not path.endswith(".json"):
        return _compile(path, contract)
    import lang

    _input_file(path)
    from_json = getattr(lang.Artifact, "from_json", None)
    if from_json is None:
        raise CliError(f"{path}: deploying an artifact .json is not supported by this lang; deploy the .contract")
    try:
        with open(path, "rb") as f:
            raw = f.read(_MAX_ARTIFACT_FILE + 1)
        if len(raw) > _MAX_ARTIFACT_FILE:
            raise CliError(f"{path}: larger than any artifact ({_MAX_ARTIFACT_FILE} bytes)")
        art = from_json(raw.decode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CliError(f"{path}: not a valid artifact ({_one_line(exc)})") from None
    if contract is not None and contract != art.name:  # an artifact holds one contract: never another silently
        raise CliError(f"{path}: holds contract {art.name}, not {contract}")
    return art


def _init_params(bytecode: bytes, path: str):
    from vm.code import CodeFormatError, decode

    try:
        code = decode(bytecode)
    except CodeFormatError as exc:
        raise CliError(f"{path}: not a valid code object ({_one_line(exc)})") from None
    return next((f.params for f in code.functions if f.is_init), ())


@command(cli, "deploy", cls=ArgsCommand, context_settings=_ARGS)
@click.argument("file")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--contract", "-c", metavar="NAME", help="Contract in FILE [default: the only one, else the last].")
@click.option("--from", "sender", metavar="A", help=_FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the deployment.")
@click.option("--gas", metavar="G", help="Gas limit.")
def deploy_cmd(state, file, args, contract, sender, value, gas):
    """Deploy FILE's contract with constructor ARGS; print its address."""
    import chain

    art = _load_artifact(file, contract)
    values = parse_args(list(args), _init_params(art.bytecode, file), f"{art.name}'s constructor")
    value, gas = _amount(value, "--value"), _gas(gas)
    net = open_net(state)
    account = resolve_sender(state, net, sender)
    try:
        receipt = net.deploy(art, *values, sender=account, value=value, gas=gas).receipt
    except chain.Reverted as exc:
        receipt = exc.receipt
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise _refused(exc) from None
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
        click.echo(_reverted_line(receipt.reason, receipt.location), err=True)
        return EXIT_FAILED
    return EXIT_OK


@command(cli, "call", cls=ArgsCommand, context_settings=_ARGS)
@click.argument("address")
@click.argument("function")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--from", "sender", metavar="A", help=_FROM_HELP)
@click.option("--value", metavar="V", help="Native coin sent with the call.")
@click.option("--gas", metavar="G", help="Gas limit.")
def call_cmd(state, address, function, args, sender, value, gas):
    """Call FUNCTION of the contract at ADDRESS.

    A view function prints its value (no transaction); any other sends a
    transaction, mines it and prints the receipt with its decoded events."""
    import chain
    from chain.devnet import json_value

    address = parse_address(address, "ADDRESS")
    value, gas = _amount(value, "--value"), _gas(gas)
    net = open_net(state)
    code = code_object_at(net, address)
    fn = code.function(function)
    if fn is None or not fn.is_pub or fn.is_init:
        names = ", ".join(f.name for f in code.functions if f.is_pub and not f.is_init) or "none"
        raise CliError(f"{code.name} at {address} has no public function {_show(function)} (it has: {names})")
    values = parse_args(list(args), fn.params, function)
    if fn.is_view and value:
        raise CliError(f"{function} is a view function: it takes no --value")
    account = resolve_sender(state, net, sender, need_key=not fn.is_view)
    try:
        result = net.call(address, function, *values, sender=account, value=value, gas=gas)
    except chain.Reverted as exc:
        if exc.receipt is not None:
            return _finish_tx(state, net, exc.receipt)
        doc = {"value": None, "status": "reverted", "reason": exc.reason, "location": exc.location}
        emit(state, doc, lambda: None)
        click.echo(_reverted_line(exc.reason, exc.location), err=True)
        return EXIT_FAILED
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise _refused(exc) from None
    if not fn.is_view:
        return _finish_tx(state, net, result)
    emit(state, {"value": json_value(result, fn.returns)}, lambda: click.echo(human_value(result, fn.returns)))
    return EXIT_OK


@command(cli, "send", cls=ArgsCommand, context_settings=_ARGS)
@click.argument("to")
@click.argument("amount")
@click.option("--from", "sender", metavar="A", help=_FROM_HELP)
def send_cmd(state, to, amount, sender):
    """Send AMOUNT of the native coin to TO (an address or a dev account index)."""
    import chain

    amount = parse_int(amount, "AMOUNT", 0, INT_MAX)
    if not _is_index(to.strip()):
        parse_account_address(to.strip(), "TO")  # bad input is refused before the chain is opened
    net = open_net(state)
    to = _account_arg(net, to, "TO")
    account = resolve_sender(state, net, sender)
    try:
        receipt = net.transfer(account, to, amount)
    except chain.Reverted as exc:
        receipt = exc.receipt
    except (chain.ChainError, chain.ArgumentError) as exc:
        raise _refused(exc) from None
    return _finish_tx(state, net, receipt)


@command(cli, "balance")
@click.argument("address")
def balance_cmd(state, address):
    """Native coin balance of ADDRESS (or of a dev account index)."""
    if not _is_index(address.strip()):
        parse_account_address(address.strip(), "ADDRESS")
    net = open_net(state)
    address = _account_arg(net, address, "ADDRESS")
    balance = net.balance(address)
    emit(state, {"address": str(address), "balance": balance}, lambda: click.echo(str(balance)))
    return EXIT_OK


# --------------------------------------------------------------------------
# accounts


def group(parent, name, **settings):
    """A subgroup that also takes --json and --datadir."""
    return lambda f: parent.group(name, **settings)(_with_common_options(f))


@group(cli, "accounts", invoke_without_command=True)
def accounts_cmd(state):
    """List dev and keystore accounts with balances; `accounts new` makes a key."""
    if click.get_current_context().invoked_subcommand is not None:
        return EXIT_OK
    net = open_net(state)
    rows = [("dev", str(i), a.address) for i, a in enumerate(net.accounts)]
    try:
        rows += [("keystore", "", a) for a in keystore_of(state).addresses()]
    except OSError as exc:
        raise CliError(f"bad datadir {state.datadir}: cannot list the keystore: {exc.strerror}") from None
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
    store = keystore_of(state)
    if os.path.lexists(store.directory) and not os.path.isdir(store.directory):
        raise CliError(f"bad datadir {datadir}: {store.directory} is not a directory")
    passphrase = read_passphrase(confirm=True)
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


@command(cli, "mine", cls=ArgsCommand, context_settings=_ARGS)
@click.argument("count", default="1", metavar="[N]")
def mine_cmd(state, count):
    """Mine N blocks (default 1); pending transactions go in."""
    n = parse_int(count, "N", 1, MAX_MINE)
    net = open_net(state)
    progress = not state.json and sys.stderr.isatty()
    last = None
    for i in range(n):
        if progress:
            click.echo(f"\rmining block {i + 1}/{n} (height {net.height + 1})", nl=False, err=True)
        last = net.mine(1)[-1]
    if progress:
        click.echo("\r\033[K", nl=False, err=True)
    doc = {"mined": n, "height": last.number, "hash": "0x" + last.hash.hex()}
    emit(state, doc, lambda: click.echo(f"mined {n} block{'s' if n != 1 else ''}; height {doc['height']}, head {doc['hash']}"))
    return EXIT_OK


@command(cli, "block", cls=ArgsCommand, context_settings=_ARGS)
@click.argument("number", required=False, metavar="[N|HASH]")
def block_cmd(state, number):
    """Show block N (default: the latest; negative counts back from it) or the block HASH."""
    if number is not None and number.strip().lower().startswith("0x") and len(number.strip()) == 66:
        n = _hash_arg(number, "HASH")  # as the library's net.block(hash); a number never has 64 hex digits
    else:
        n = None if number is None else parse_int(number, "N", -(2**63), 2**63 - 1)
    net = open_net(state)
    info = net.block(n)
    if info is None:
        raise CliError(f"no block 0x{n.hex()} on this chain" if isinstance(n, bytes) else f"no block {n}: the chain's height is {net.height}")
    doc = info.to_json()

    def human():
        rows = [(k.replace("_", " "), human_value(v)) for k, v in doc.items() if k != "transactions"]
        rows.append(("transactions", len(doc["transactions"])))
        rows += [("  tx", tx_hash) for tx_hash in doc["transactions"]]
        echo_fields(rows)

    emit(state, doc, human)
    return EXIT_OK


@command(cli, "tx")
@click.argument("hash")
def tx_cmd(state, hash):
    """Show the transaction HASH."""
    tx_hash = _hash_arg(hash, "HASH")
    net = open_net(state)
    info = net.tx(tx_hash)
    if info is None:
        raise CliError(f"no transaction 0x{tx_hash.hex()} on this chain")
    doc = info.to_json()
    doc["args"] = _typed_args(net, info, doc["args"])

    def human():
        rows = [(k.replace("_", " "), human_value(v)) for k, v in doc.items() if k != "data" and v is not None]
        rows.append(("data", f"{len(info.data)} bytes"))
        echo_fields(rows)

    emit(state, doc, human)
    return EXIT_OK


def _typed_args(net, info, args):
    """A call's decoded arguments with structs as objects (TxInfo.to_json has no
    types; the called contract's ABI has them), when they fit its function."""
    from chain.devnet import json_value

    if info.function is None or info.to is None:
        return args
    code = net.code_object_at(info.to)
    fn = code.function(info.function) if code is not None else None
    if fn is None or len(fn.params) != len(info.args):
        return args
    return [json_value(v, t) for v, (_, t) in zip(info.args, fn.params)]


@command(cli, "receipt")
@click.argument("hash")
def receipt_cmd(state, hash):
    """Show the receipt of transaction HASH, with decoded events."""
    tx_hash = _hash_arg(hash, "HASH")
    net = open_net(state)
    receipt = net.receipt(tx_hash)
    if receipt is None:
        pending = net.tx(tx_hash) is not None
        raise CliError(f"transaction 0x{tx_hash.hex()} is pending: no receipt until it is mined" if pending
                       else f"no transaction 0x{tx_hash.hex()} on this chain")
    doc = receipt_json(net, receipt)
    emit(state, doc, lambda: show_receipt(doc))
    return EXIT_OK


@command(cli, "verify")
def verify_cmd(state):
    """Re-validate the whole chain from genesis (work, signatures, re-execution, roots)."""
    import chain

    net = open_net(state)
    try:
        height = net.verify()
    except chain.ChainError as exc:
        try:
            height = net.height
        except chain.ChainError:  # the file is too damaged to name its head
            height = None
        doc = {"valid": False, "height": height, "error": str(exc)}
        emit(state, doc, lambda: click.echo(f"INVALID: {_one_line(exc)}"))
        click.echo(f"obelisk: verification failed: {_one_line(exc)}", err=True)
        return EXIT_FAILED
    doc = {"valid": True, "height": height}
    emit(state, doc, lambda: click.echo(f"valid: every block from genesis to height {height} re-validates"))
    return EXIT_OK


# --------------------------------------------------------------------------
# disasm

_MAX_SOURCE_FILE = 4 * 1024 * 1024  # a source file this large is not one we compiled


def _source_lines(path: str, cache: dict):
    """The lines of a source file named in a line table, or None when it cannot be read now.

    The names come from code that may be anyone's (disasm of an address): only
    regular files of bounded size are read, so no name can make this hang."""
    if path not in cache:
        lines = None
        real = path
        if not os.path.isfile(path) and path.startswith("stdlib/") and path.endswith(".contract"):
            # The compiler names stdlib modules "stdlib/NAME.contract" wherever they are installed.
            from lang.loader import stdlib_path

            name = path[len("stdlib/") : -len(".contract")]
            found = stdlib_path(name) if name.isidentifier() else None
            real = str(found) if found is not None else path
        data = _read_source_file(real)
        lines = None if data is None else data.decode("utf-8", errors="replace").split("\n")
        cache[path] = lines
    return cache[path]


def _read_source_file(path: str) -> bytes | None:
    """The bytes of a regular, non-empty file of bounded size, else None.

    Pseudo-files (/proc/kmsg blocks forever, /proc/self/environ holds the
    reader's secrets) report size 0 and are skipped; the open cannot block
    (O_NONBLOCK) and the checks are made on the file actually opened."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError):  # ValueError: a name with a NUL byte
        return None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= _MAX_SOURCE_FILE:
                return None
            data = f.read(_MAX_SOURCE_FILE + 1)
        except OSError:
            return None
    return data if len(data) <= _MAX_SOURCE_FILE else None


def annotate(text: str, files) -> str:
    """vm.disassemble's text with, under each new source location (`.loc`), that source line."""
    cache: dict = {}
    out = []
    last = None
    for line in text.split("\n"):
        out.append(line)
        words = line.split()
        if len(words) >= 4 and words[0] == ".loc" and line.startswith("    ") and all(w.isdigit() for w in words[1:4]):
            fi, ln = int(words[1]), int(words[2])
            if fi < len(files) and (fi, ln) != last:
                last = (fi, ln)
                lines = _source_lines(files[fi], cache)
                if lines is not None and 0 < ln <= len(lines):
                    out.append(f"    ;   {ln:>4} | {lines[ln - 1].rstrip()}")
    return "\n".join(out)


def _code_from_file(path: str, contract: str | None) -> bytes:
    if path.endswith(".contract"):
        return _compile(path, contract).bytecode
    if path.endswith(".json"):
        return _load_artifact(path, contract).bytecode
    _input_file(path)
    from vm import limits

    with open(path, "rb") as f:
        data = f.read(limits.MAX_CODE_OBJECT_SIZE + 1)
    if len(data) > limits.MAX_CODE_OBJECT_SIZE:
        raise CliError(f"{path}: larger than any code object ({limits.MAX_CODE_OBJECT_SIZE} bytes)")
    return data


@command(cli, "disasm")
@click.argument("target", metavar="FILE-or-ADDRESS")
@click.option("--contract", "-c", metavar="NAME", help="Contract in FILE [default: the only one, else the last].")
def disasm_cmd(state, target, contract):
    """Disassemble a contract, showing the source line of each instruction.

    FILE-or-ADDRESS: a .contract file (compiled now), an artifact .json, a file
    holding an encoded code object, or the 0x address of a deployed contract."""
    from vm.code import CodeFormatError, decode
    from vm.disasm import disassemble

    stripped = target.strip()
    if stripped.lower().startswith("0x") and not os.path.exists(target):
        address = parse_address(stripped, "ADDRESS")
        code = code_object_at(open_net(state), address)
    else:
        raw = _code_from_file(target, contract)
        try:
            code = decode(raw)
        except CodeFormatError as exc:
            raise CliError(f"{target}: not a code object ({exc})") from None
    text = annotate(disassemble(code), code.files).rstrip("\n")
    emit(state, {"contract": code.name, "text": text + "\n"}, lambda: click.echo(printable_lines(text)))
    return EXIT_OK
