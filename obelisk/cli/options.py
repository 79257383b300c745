"""What every command shares: exit statuses, CliError, the --json/--datadir state and the command decorators.

Only click is imported here; a command module imports what it needs inside the command.
"""
from __future__ import annotations

import functools
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
RPC_ENV = "OBELISK_RPC"

FROM_HELP = "Account index, dev address or keystore address [default: 0]."
ARGS_SETTINGS = {"ignore_unknown_options": True}  # so a negative number is an argument, not an option


class CliError(Exception):
    """A failure with a one-line reason and an exit status; `document` is printed under --json."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT, document=None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.document = document
        self.detail = detail  # extra lines for humans (a compile error's source and caret)


class State:
    """Settings gathered from the group's and the subcommand's options, and the open chain."""

    def __init__(self):
        self.json = False
        self.datadir_option: str | None = None
        self.backend = None  # the chain, once a command opened it (obelisk.cli.backend.open_chain)
        self.rpc_option: str | None = None  # --rpc URL: talk to a node instead of the datadir
        self.keystore_option: str | None = None
        self.timeout = 60.0  # --timeout: seconds to wait for a receipt through --rpc
        self.no_wait = False

    @property
    def rpc(self) -> str | None:
        """The node to talk to: --rpc, else $OBELISK_RPC, else None (the datadir's chain)."""
        if self.rpc_option == "":
            raise CliError("--rpc: empty URL")
        return self.rpc_option or os.environ.get(RPC_ENV) or None

    @property
    def datadir(self) -> str:
        if self.datadir_option == "":  # a script's unset variable: not silently ./.obelisk
            raise CliError("--datadir: empty directory name")
        return self.datadir_option or os.environ.get(DATADIR_ENV) or DEFAULT_DATADIR


def common_options(f):
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

    return common_options(run)


def _to_state(attr, convert=None):
    def callback(ctx, param, value):
        if value is not None and value is not False:
            setattr(ctx.find_object(State), attr, convert(value) if convert else value)
    return callback


def _timeout(text):
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 86400:
        raise CliError(f"--timeout: expected seconds 0 < S <= 86400, got {text[:40]!r}")
    return seconds


def rpc_option(f):
    """--rpc URL and --keystore DIR: a chain command talks to a node (keys stay here)."""
    f = click.option("--keystore", metavar="DIR", expose_value=False, callback=_to_state("keystore_option"),
                     help="Keystore directory for --from [default: DATADIR/keystore].")(f)
    return click.option("--rpc", metavar="URL", expose_value=False, callback=_to_state("rpc_option"),
                        help=f"Talk to the node at URL (JSON-RPC) instead of the datadir [default: ${RPC_ENV}].")(f)


def wait_options(f):
    """--timeout S and --no-wait: how a command sending a transaction through --rpc waits for its receipt."""
    f = click.option("--no-wait", is_flag=True, expose_value=False, callback=_to_state("no_wait"),
                     help="With --rpc: print the transaction hash once the node accepted it.")(f)
    return click.option("--timeout", metavar="S", expose_value=False, callback=_to_state("timeout", _timeout),
                        help="With --rpc: seconds to wait for the receipt [default: 60].")(rpc_option(f))


def tx_options(f):
    """--gas-price P and --nonce N: on every command that sends a transaction (parsed by values.parse_tx_options)."""
    f = click.option("--nonce", metavar="N",
                     help="Nonce of the transaction [default: the sender's next, pending ones counted].")(f)
    return click.option("--gas-price", "gas_price", metavar="P", help="Gas price [default: 1].")(f)


def command(name, **settings):
    """A command (added to a group by obelisk.cli) that also takes --json and --datadir."""
    return lambda f: click.command(name, **settings)(_with_common_options(f))


def subcommand(group, name, **settings):
    """A subcommand of `group` that also takes --json and --datadir."""
    return lambda f: group.command(name, **settings)(_with_common_options(f))


def group(name, **settings):
    """A command group that also takes --json and --datadir."""
    return lambda f: click.group(name, **settings)(_with_common_options(f))


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


def input_file(path: str) -> str:
    if not os.path.exists(path):
        raise CliError(f"{path}: no such file")
    if not os.path.isfile(path):
        raise CliError(f"{path}: not a file")
    return path
