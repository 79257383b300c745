"""`obelisk console`: a Python console (IPython when installed) with a dev chain and this directory's contracts compiled."""
from __future__ import annotations

import os
import re

import click

from .options import EXIT_OK, command

_CONTRACT = re.compile(r"^\s*contract\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
# Enough for any project directory; a console must start even in a huge one.
_MAX_FILES = 200


def contract_files(directory: str) -> list:
    """The .contract files of the directory and of its contracts/ folder, in name order."""
    out = []
    for sub in (directory, os.path.join(directory, "contracts")):
        try:
            names = sorted(os.listdir(sub))
        except OSError:
            continue
        out += [os.path.join(sub, n) for n in names if n.endswith(".contract") and os.path.isfile(os.path.join(sub, n))]
    return out[:_MAX_FILES]


def load_contracts(directory: str):
    """({contract name: Artifact}, [problems]) for every contract declared in the directory's files."""
    import lang
    from lang.compiler import MAX_SOURCE_FILE_BYTES

    found, problems = {}, []
    for path in contract_files(directory):
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                names = _CONTRACT.findall(f.read(MAX_SOURCE_FILE_BYTES))
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror}")
            continue
        for name in names:
            try:
                found[name] = lang.compile_file(path, contract=name)
            except lang.CompileError as exc:
                problems.append(str(exc).splitlines()[0])
                break  # the file's other contracts fail alike
    return found, problems


def namespace(directory: str):
    """The console's names: net, accounts, obelisk, reverts, and one Artifact per contract."""
    import obelisk
    from obelisk.testing import reverts

    net = obelisk.Devnet()
    contracts, problems = load_contracts(directory)
    ns = {"obelisk": obelisk, "net": net, "accounts": net.accounts, "reverts": reverts, **contracts}
    lines = ["Obelisk console: `net` is a fresh in-memory dev chain, `accounts` its funded keys.",
             "Deploy with net.deploy(ARTIFACT, *args); a receipt's .trace() and .profile() show what a call did."]
    if contracts:
        lines.append("Contracts compiled from this directory: " + ", ".join(sorted(contracts)))
    else:
        lines.append("No .contract files here (nor in contracts/).")
    lines += [f"not loaded: {p}" for p in problems]
    return ns, "\n".join(lines)


@command("console")
def console_cmd(state):
    """A Python console with `net` (a dev chain in memory), `accounts`, and every contract of the
    current directory (and contracts/) compiled, by name. IPython when installed, else Python's own."""
    ns, banner = namespace(os.getcwd())
    try:
        import IPython
    except ImportError:
        import code

        code.interact(banner=banner, local=ns, exitmsg="")
    else:
        click.echo(banner)
        IPython.start_ipython(argv=[], user_ns=ns, display_banner=False)
    ns["net"].close()
    return EXIT_OK


COMMANDS = [console_cmd]
