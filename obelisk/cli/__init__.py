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


@click.group("obelisk", cls=ObeliskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@common_options
@click.version_option(package_name="obelisk", prog_name="obelisk")
@click.pass_context
def cli(ctx, json_, datadir):
    """Obelisk: compile contracts, run a local dev chain, and talk to it.

    The first command that needs a chain creates one in the data directory: a
    dev chain whose funded dev accounts are numbered 0, 1, ... (use them with
    --from). Exit status: 0 done, 1 reverted or verification failed, 2 bad
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
