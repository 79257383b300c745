"""seal and unseal: a file encrypted under a passphrase (chain.seal), and its hashes."""
from __future__ import annotations

import os
from pathlib import Path

import click

from .options import EXIT_OK, CliError, command, input_file, read_passphrase
from .render import emit


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


def _run(state, verb: str, file, output, force, *, confirm: bool):
    from chain import seal

    input_file(file)
    target = output or (seal.default_sealed_name if verb == "sealed" else seal.default_unsealed_name)(Path(file))
    if not force and (os.path.lexists(target)):  # said before the passphrase is asked for
        raise CliError(f"{target} already exists: pass --force to replace it (or -o OUT to write elsewhere)")
    passphrase = read_passphrase(confirm=confirm)
    run = seal.seal_file if verb == "sealed" else seal.unseal_file
    try:
        result = run(file, passphrase, output, overwrite=force)
    except seal.SealError as exc:
        raise CliError(str(exc)) from None
    emit(state, _seal_doc(result), _seal_human(verb, result))
    return EXIT_OK


@command("seal")
@click.argument("file")
@click.option("-o", "--out", "output", metavar="OUT", help="Sealed file [default: FILE.sealed].")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def seal_cmd(state, file, output, force):
    """Encrypt FILE under a passphrase; print its hashes.

    scrypt + AES-256-GCM; the passphrase comes from $OBELISK_PASSPHRASE or a
    prompt. The plaintext's SHA-256 is the one to record on chain."""
    return _run(state, "sealed", file, output, force, confirm=True)


@command("unseal")
@click.argument("file")
@click.option("-o", "--out", "output", metavar="OUT", help="Decrypted file [default: FILE without .sealed].")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def unseal_cmd(state, file, output, force):
    """Decrypt a sealed FILE (all or nothing)."""
    return _run(state, "unsealed", file, output, force, confirm=False)


COMMANDS = [seal_cmd, unseal_cmd]
