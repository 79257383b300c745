"""The one place an outcome becomes an exit status: 0 done, 1 reverted or invalid, 2 bad input, 3 our bug, 130 Ctrl-C.

On failure, a one-line reason on stderr (and the error document under --json); never a traceback.
"""
from __future__ import annotations

import os
import sys

import click

from .options import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, CliError, State
from .render import dumps, one_line, printable, printable_lines

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
            code = report(state, exc)
        except _NoArgsIsHelp as exc:
            click.echo(exc.format_message())  # bare `obelisk` (or a bare group): the help, as asked
            code = EXIT_OK
        except click.UsageError as exc:
            # Parsing stopped before the subcommand saw its own --json: look for it.
            state.json = state.json or "--json" in argv
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            code = report(state, CliError(one_line(exc.format_message()) + hint))
        except click.ClickException as exc:
            code = report(state, CliError(one_line(exc.format_message())))
        except (click.Abort, KeyboardInterrupt):
            click.echo("obelisk: aborted", err=True)
            code = EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`obelisk disasm x | head`): not an error of ours.
            _silence_stdout()
            code = EXIT_OK
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            failure = unexpected(state, exc)
            if failure is None:
                if os.environ.get("OBELISK_DEBUG"):
                    raise
                message = f"internal error: {type(exc).__name__}: {one_line(str(exc))} -- please report this (set OBELISK_DEBUG=1 for the traceback)"
                failure = CliError(message, EXIT_INTERNAL)
            code = report(state, failure)
        if standalone_mode:
            sys.exit(code)
        return code


def unexpected(state: State, exc: Exception) -> "CliError | None":
    """A chain error no command expected, as exit 2: damaged stored data (a trie
    node or code that does not match its hash, a row that cannot be read) is a
    bad data directory; any other refusal is reported as it is. Not a bug of ours."""
    errors = sys.modules.get("chain.errors")  # not imported: it cannot be one
    if errors is None or not isinstance(exc, errors.ChainError):
        return None
    if isinstance(exc, errors.DatadirInUse):  # the directory is fine, only busy: the message says who holds it
        return CliError(one_line(exc))
    if is_damage(exc):
        corrupt = not isinstance(exc, errors.StoreError)  # a row that fails its hash, not a locked or read-only file
        return CliError(f"bad datadir {state.datadir}: {one_line(exc)}" + (" (see 'obelisk verify')" if corrupt else ""))
    return CliError(one_line(exc))


def is_damage(exc: Exception) -> bool:
    errors, state = sys.modules.get("chain.errors"), sys.modules.get("chain.state")
    return (errors is not None and isinstance(exc, errors.StoreError)) or (
        state is not None and isinstance(exc, state.StateCorrupt))


def refused(exc) -> CliError:
    """The chain or the library refused the request before anything ran: bad input."""
    import chain

    if is_damage(exc):
        return unexpected(click.get_current_context().find_object(State), exc)
    if isinstance(exc, chain.ArgumentError) or exc.code == "rpc-error":  # a node not answering refused nothing
        return CliError(one_line(exc))
    return CliError(f"transaction rejected: {one_line(exc)}")


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report(state: State, exc: CliError) -> int:
    """--json: the error as the one JSON document on stdout. Always: the reason on stderr."""
    if state.json:
        document = exc.document if exc.document is not None else {"error": exc.message}
        click.echo(dumps(document))
    click.echo(printable_lines(exc.detail.rstrip("\n")) if exc.detail else f"obelisk: error: {printable(exc.message)}", err=True)
    return exc.code
