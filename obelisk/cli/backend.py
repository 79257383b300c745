"""The chain a command talks to (the one seam between commands and a chain) and the accounts on it.

Today: the dev chain in the data directory; a JSON-RPC backend can be chosen in open_chain beside it.
"""
from __future__ import annotations

import os

import click

from .options import EXIT_FAILED, CliError, State, read_passphrase
from .render import emit, one_line
from .values import is_index, parse_account_address


# The seam: a command uses only these of the chain it is given (localchain.LocalChain
# and obelisk.node.rpc_client.RpcChain have them all; docs/chain.md): accounts, height,
# block(n), tx(h), receipt(h), balance(a), next_nonce(a), code_at(a), code_object_at(a),
# storage_at(a, key), logs(...), verify(), mine(n), make_tx(...), send(tx), estimate_gas(...),
# transfer(sender, to, amount, gas=, gas_price=, nonce=), deploy(art, *args, sender=, value=,
# gas=, gas_price=, nonce=), call(address, function, *args, sender=, value=, gas=, gas_price=,
# nonce=), trace_doc(h), profile_doc(h), dry_run_doc(tx, profile), view_doc(...), close().


def open_chain(state: State):
    """The chain for this command: opened once, closed when the command ends."""
    if state.backend is None:
        state.backend = _open_local(state) if state.rpc is None else _open_rpc(state)
        click.get_current_context().call_on_close(state.backend.close)
    return state.backend


# Commands that create a missing data directory (and its dev chain): those that write to
# a chain, and `accounts` (the dev chain's front door, as anvil lists its accounts on
# start). Others (balance, block, logs, verify, ...) on a missing one exit 2 naming it:
# a mistyped --datadir is not a new, empty chain.
CREATING_COMMANDS = frozenset({"deploy", "call", "send", "mine", "node", "accounts"})


def _open_local(state: State):
    """The dev chain kept in the data directory (created, with funded dev accounts, by CREATING_COMMANDS)."""
    import sqlite3

    import chain

    from .localchain import LocalChain

    path = state.datadir
    if os.path.exists(path) and not os.path.isdir(path):
        raise CliError(f"bad datadir {path}: not a directory")
    created = not os.path.exists(path)
    if created and click.get_current_context().command.name not in CREATING_COMMANDS:
        raise CliError(f"no data directory at {path}: nothing to read yet (accounts, deploy, call, send and mine create one)")
    try:
        return LocalChain(datadir=path)
    except chain.ChainError as exc:
        raise CliError(f"bad datadir {path}: {exc.message}") from None
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"bad datadir {path}: {one_line(getattr(exc, 'strerror', None) or exc)}") from None


def _open_rpc(state: State):
    """The node at --rpc / $OBELISK_RPC (obelisk.node.rpc_client.RpcChain); exit 2 when it cannot be asked."""
    import chain
    from obelisk.node.rpc_client import RpcChain

    def sent(tx_hash: bytes):
        if state.no_wait:  # the node accepted it: print its hash and stop here
            emit(state, {"tx": "0x" + tx_hash.hex(), "status": "pending"}, lambda: click.echo("0x" + tx_hash.hex()))
            click.get_current_context().exit(0)
    def timed_out(tx_hash: bytes, seconds: float):
        h = "0x" + tx_hash.hex()
        raise CliError(f"transaction {h} was sent but not mined within {seconds:g} s "
                       f"(later: obelisk receipt {h} --rpc {state.rpc})", EXIT_FAILED)
    try:
        return RpcChain(state.rpc, timeout=state.timeout, on_sent=sent, on_timeout=timed_out)
    except chain.ChainError as exc:
        raise CliError(f"--rpc {state.rpc}: {one_line(exc.message)}") from None


def keystore_of(state: State):
    from chain.keystore import Keystore

    if state.keystore_option:
        return Keystore(state.keystore_option)
    return Keystore(os.path.join(state.datadir, "keystore"))


def _dev_index(net, text: str, what: str):
    index = int(text)
    if index >= len(net.accounts):
        raise CliError(f"{what} {index}: there are {len(net.accounts)} dev accounts (0 .. {len(net.accounts) - 1})")
    return net.accounts[index]


def resolve_sender(state: State, net, text: str | None, *, need_key: bool = True):
    """--from: a dev account index, a dev account's address, or a keystore address.

    A keystore key is unlocked (passphrase) only when it must sign; a view call
    needs just the address."""
    if text is None:
        return net.accounts[0]
    text = text.strip()
    if is_index(text):
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
    from chain.keys import PrivateKey
    from chain.keystore import KeystoreError, WrongPassphrase

    passphrase = read_passphrase(confirm=False, what=f"passphrase for {address}")
    try:
        return PrivateKey(store.load(address, passphrase))
    except WrongPassphrase:
        raise CliError("wrong passphrase") from None
    except KeystoreError as exc:
        raise CliError(str(exc)) from None


def open_for_account(state, text: str):
    """The chain and the account TEXT names (a dev index or an address); a malformed address is refused before any chain opens."""
    if not is_index(text.strip()):
        parse_account_address(text.strip(), "ADDRESS")
    net = open_chain(state)
    return net, account_arg(net, text, "ADDRESS")


def account_arg(net, text: str, what: str):
    """An address, or a dev account index."""
    text = text.strip()
    if is_index(text):
        return _dev_index(net, text, what).address
    return parse_account_address(text, what)


def code_object_at(net, address):
    """The decoded code at address (its ABI), or exit 2 when there is none."""
    code = net.code_object_at(address)
    if code is None:
        raise CliError(f"no contract at {address}")
    return code


def send_refused(net, exc, sender, tx: dict) -> CliError:
    """A refused transaction as exit 2; one refused for its --nonce says what the pool's rule is."""
    from .exits import refused

    nonce = tx.get("nonce")
    code = getattr(exc, "code", None)
    if nonce is None or code not in ("tx-bad-nonce", "tx-replacement-underpriced"):
        return refused(exc)
    address = sender.address if hasattr(sender, "address") else sender
    try:
        expected = net.next_nonce(address)
    except Exception:  # noqa: BLE001 - the refusal is the answer; the hint is extra
        expected = None
    if code == "tx-replacement-underpriced":
        return CliError(f"--nonce {nonce}: a pending transaction of {address} has it; replacing it takes a "
                        f"--gas-price at least 10% over its own ({one_line(exc.message)})")
    if expected is not None and nonce > expected:
        return CliError(f"--nonce {nonce}: {address}'s next nonce is {expected}; the pool refuses a gap "
                        f"(a sender's nonces follow on without gaps): send nonce {expected} first")
    shown = f" (its next nonce is {expected})" if expected is not None else ""
    return CliError(f"--nonce {nonce}: already used by {address}{shown}")
