"""The `obelisk` command: a thin door onto the library (obelisk.Devnet, lang), written with click.

Startup imports only click and these small modules; rich, lang, vm and the chain
come in inside the commands that need them. See docs/cli.md.
"""
from __future__ import annotations

import os

import click

from . import (account_cmds, chain_cmds, console_cmd, contract_cmds, dev_cmds, genesis, init_cmd, node, query_cmds,
               seal_cmds)
from .exits import ObeliskGroup
from .options import DATADIR_ENV, State, common_options
from . import job, worker  # compute sharing's commands

# The command modules, each with its COMMANDS: a new command group (node,
# genesis, worker, job) is a module beside these and one entry here.
COMMAND_MODULES = (contract_cmds, chain_cmds, query_cmds, account_cmds, seal_cmds, genesis, node, dev_cmds, init_cmd,
                   console_cmd)

COMMAND_MODULES += (job, worker)


class _Obelisk(ObeliskGroup):
    def parse_args(self, ctx, args):
        # --version acts before the other options are read: it looks for --json itself.
        ctx.meta["obelisk.args"] = list(args)
        return super().parse_args(ctx, args)


def _version(ctx, _param, value):
    """`obelisk --version`: the version line, or with --json anywhere before `--` {"name", "version"}."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    args = ctx.meta.get("obelisk.args", [])
    as_json = "--json" in args[:args.index("--")] if "--" in args else "--json" in args
    number = version("obelisk")
    if as_json:
        import json

        click.echo(json.dumps({"name": "obelisk", "version": number}))
    else:
        click.echo(f"obelisk, version {number}")
    ctx.exit(0)


@click.group("obelisk", cls=_Obelisk, context_settings={"help_option_names": ["-h", "--help"]})
@common_options
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
@click.pass_context
def cli(ctx, json_, datadir):
    """Obelisk: compile contracts, run a local dev chain, and talk to it.

    A command that writes (deploy, call, send, mine, node) or `accounts`
    creates a missing data directory: a dev chain whose funded dev accounts
    are numbered 0, 1, ... (use them with --from). Reading commands never do. Exit status: 0 done, 1 reverted or verification failed, 2 bad
    input, 3 internal error.
    """
    _vm_tier_switch(os.environ.get(VM_TIER_ENV))
    state = ctx.ensure_object(State)
    state.json = json_
    state.datadir_option = datadir


# Debug switch: OBELISK_VM_TIER=0 runs every contract on the reference
# interpreter (the VM reads no environment, so its door does). Unset or 1: the
# VM picks the tier.
VM_TIER_ENV = "OBELISK_VM_TIER"


def _vm_tier_switch(setting: str | None) -> None:
    if setting in (None, "", "1"):
        return
    if setting != "0":
        raise click.UsageError(f"{VM_TIER_ENV} must be 0 (reference interpreter only) or 1, got {setting!r}")
    import vm  # only when asked: startup stays light

    vm.force_tier0()


for _module in COMMAND_MODULES:
    for _command in _module.COMMANDS:
        cli.add_command(_command)

main = cli  # the console script's entry point (pyproject: obelisk.cli:main)

__all__ = ["cli", "main", "COMMAND_MODULES", "DATADIR_ENV"]
