"""`obelisk genesis new`: write the genesis file of a network of one's own (chain.genesis reads it back)."""
from __future__ import annotations

import json
import os
import time

import click

from .options import EXIT_OK, CliError, group, subcommand
from .render import counted, emit
from .values import is_index, parse_account_address, parse_int


@group("genesis")
def genesis_cmd(state):
    """Genesis files: `genesis new` starts a network of one's own (obelisk node --genesis FILE)."""


@subcommand(genesis_cmd, "new")
@click.option("--chain-id", "chain_id", required=True, metavar="N", help="The network's chain id (not 1337, the dev network's).")
@click.option("--alloc", "allocs", multiple=True, metavar="ADDRESS=AMOUNT",
              help="Fund ADDRESS (or a dev account index) at genesis; repeatable.")
@click.option("--target", metavar="T", help="Starting proof-of-work target (0x hex or decimal) [default: the easiest].")
@click.option("--block-time", "block_time", default="12", show_default=True, metavar="S",
              help="Seconds the retarget rule aims for between blocks.")
@click.option("--timestamp", metavar="T", help="Genesis timestamp, Unix seconds [default: now].")
@click.option("--market", is_flag=True,
              help="Place the compute market at 0x…c0de, as on the dev network (obelisk job/worker find it there).")
@click.option("--out", "-o", "out", default="genesis.json", show_default=True, metavar="FILE", help="Where to write it.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def genesis_new_cmd(state, chain_id, allocs, target, block_time, timestamp, market, out, force):
    """Write a genesis file: chain id, funded accounts, starting target, block time."""
    from chain import consensus as C
    from chain.genesis import FORMAT, MAX_BLOCK_TIME, GenesisError, genesis_hash, params_from_json, params_to_json
    from chain.keys import dev_keys

    doc = {"format": FORMAT, "chain_id": parse_int(chain_id, "--chain-id", 0, C.MAX_U64),
           "timestamp": int(time.time()) if timestamp is None else parse_int(timestamp, "--timestamp", 0, C.MAX_U64),
           "target": C.POW_LIMIT if target is None else parse_int(target, "--target", 1, C.POW_LIMIT),
           "block_time": parse_int(block_time, "--block-time", 1, MAX_BLOCK_TIME), "allocations": {}}
    for item in allocs:
        who, sep, amount = item.partition("=")
        if not sep:
            raise CliError(f"--alloc {item[:60]!r}: expected ADDRESS=AMOUNT")
        who = who.strip()
        address = dev_keys()[_dev_index(who)].address if is_index(who) else parse_account_address(who, "--alloc")
        if str(address) in doc["allocations"]:
            raise CliError(f"--alloc: {address} is funded twice")
        doc["allocations"][str(address)] = parse_int(amount, f"--alloc {address}", 1, C.MAX_AMOUNT)
    if market:
        from chain.devnet import dev_market_code
        from vm.values import Address

        doc["code"] = {str(Address(C.DEV_MARKET_ADDRESS)): "0x" + dev_market_code().hex()}
    try:
        params = params_from_json(doc)
    except GenesisError as exc:
        raise CliError(f"genesis: {exc}") from None
    if os.path.exists(out) and not force:
        raise CliError(f"{out} exists: pass --force to replace it")
    text = json.dumps(params_to_json(params), indent=2) + "\n"
    tmp = out + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, out)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    h = "0x" + genesis_hash(params).hex()
    placed = doc.get("code") and next(iter(doc["code"]))
    result = {"file": out, "chain_id": params.chain_id, "genesis": h, "allocations": len(params.allocations),
              **({"market": placed} if placed else {})}
    emit(state, result, lambda: click.echo(f"wrote {out}: chain {params.chain_id}, genesis {h}, "
                                           f"{counted(len(params.allocations), 'funded account')}"
                                           + (f", the compute market at {placed}" if placed else "")))
    return EXIT_OK


def _dev_index(text: str) -> int:
    from chain import consensus as C

    index = int(text)
    if index >= C.DEV_ACCOUNT_COUNT:
        raise CliError(f"--alloc {index}: there are {C.DEV_ACCOUNT_COUNT} dev accounts (0 .. {C.DEV_ACCOUNT_COUNT - 1})")
    return index


COMMANDS = [genesis_cmd]
