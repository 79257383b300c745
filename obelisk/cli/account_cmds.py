"""Keys and accounts: `accounts` lists dev and keystore accounts, `accounts new` makes a key."""
from __future__ import annotations

import os

import click

from .backend import keystore_of, open_chain
from .options import rpc_option
from .options import EXIT_OK, CliError, group, read_passphrase, subcommand
from .render import console, emit


@group("accounts", invoke_without_command=True)
@rpc_option
def accounts_cmd(state):
    """List dev and keystore accounts with balances; `accounts new` makes a key."""
    if click.get_current_context().invoked_subcommand is not None:
        return EXIT_OK
    net = open_chain(state)
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
        console().print(table)

    emit(state, doc, human)
    return EXIT_OK


@subcommand(accounts_cmd, "new")
def accounts_new_cmd(state):
    """Make a key, encrypted in the keystore; print its address."""
    from chain.keystore import KeystoreError

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


COMMANDS = [accounts_cmd]
