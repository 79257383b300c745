"""`obelisk node`: run a node (peer port, JSON-RPC port, optional miner) until SIGINT/SIGTERM. See docs/node.md."""
from __future__ import annotations

import click

from .options import CliError, command
from .values import is_index, parse_account_address


@command("node")
@click.option("--listen", default="0.0.0.0:7710", show_default=True, metavar="HOST:PORT", help="Peer port (0: any free port).")
@click.option("--rpc-listen", default="127.0.0.1:7711", show_default=True, metavar="HOST:PORT", help="JSON-RPC port.")
@click.option("--peer", "peers", multiple=True, metavar="HOST:PORT", help="Dial this peer, and redial it when the link drops (repeatable).")
@click.option("--mine", is_flag=True, help="Mine on the best head with the real clock.")
@click.option("--miner", metavar="ACCOUNT", default=None, help="Dev account index or 0x address that receives the rewards.")
@click.option("--block-time", type=float, default=2.0, show_default=True, metavar="S", help="Seconds between blocks the miner aims for.")
@click.option("--threads", default="1", metavar="N",
              help="Processes searching each block's proof of work (hard targets); 0 means every core [default: 1].")
@click.option("--genesis", "genesis_file", metavar="FILE", default=None, help="Genesis file of another network (obelisk genesis new).")
@click.option("--blob-retention", type=int, default=None, metavar="S",
              help="Seconds a finished job's blobs are kept (default 86400).")
def node_cmd(state, listen, rpc_listen, peers, mine, miner, block_time, threads, genesis_file, blob_retention):
    """Run a node: verify and pass on blocks and transactions, serve JSON-RPC, mine with --mine."""
    import asyncio
    import signal
    import sys

    from chain import errors as E
    from chain.devnet import DEV_MINER
    from chain.keys import dev_keys

    from obelisk.devnet import Devnet
    from obelisk.node.node import Node, NodeError

    from chain import procpool

    from .chain_cmds import MAX_THREADS
    from .values import parse_int

    workers = parse_int(threads, "--threads", 0, MAX_THREADS) or procpool.cores()
    if not 0.05 <= block_time <= 3600:
        raise CliError(f"--block-time {block_time}: expected seconds between 0.05 and 3600")
    if miner is None:
        miner_address = DEV_MINER
    elif is_index(miner.strip()):
        keys = dev_keys()
        if int(miner) >= len(keys):
            raise CliError(f"--miner {miner}: there are {len(keys)} dev accounts (0 .. {len(keys) - 1})")
        miner_address = keys[int(miner)].address
    else:
        miner_address = parse_account_address(miner.strip(), "--miner")
    params, dev = None, True
    if genesis_file is not None:
        from chain.genesis import load_genesis
        try:
            params = load_genesis(genesis_file)
        except (OSError, ValueError) as exc:
            raise CliError(f"--genesis {genesis_file}: {exc}") from None
        dev = False
    if blob_retention is not None and not 0 <= blob_retention <= 10**9:
        raise CliError(f"--blob-retention {blob_retention}: expected seconds between 0 and 1000000000")
    from obelisk.compute.blob_node import NodeBlobs
    try:
        blobs = NodeBlobs(state.datadir, retention=blob_retention)
    except Exception as exc:  # sqlite3.Error, OSError: a datadir the blob store cannot open
        raise CliError(f"blob store in {state.datadir}: {exc}") from None
    try:
        node = Node(state.datadir, listen=listen, rpc_listen=rpc_listen, peers=peers, mine=mine,
                    miner=miner_address, block_time=block_time, params=params, dev=dev, json_out=state.json,
                    progress=sys.stdout.isatty(), blobs=blobs, door_class=Devnet, threads=workers)
    except NodeError as exc:
        blobs.close()
        raise CliError(str(exc)) from None

    async def main():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, node.stop)
        await node.serve()

    try:
        asyncio.run(main())
    except NodeError as exc:
        raise CliError(str(exc)) from None
    except E.StoreError as exc:
        raise CliError(str(exc)) from None
    return 0


COMMANDS = [node_cmd]
