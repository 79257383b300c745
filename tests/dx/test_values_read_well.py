"""Messages a user reads: --json --version, several contracts in a file, a missing data directory, plurals, refusals naming their flag."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from obelisk.cli import cli
from obelisk.cli.render import counted

ROOT = Path(__file__).resolve().parents[2]
SEVERAL = ROOT / "examples" / "adversaries.contract"  # four contracts


def run(args, env=None):
    full = {"OBELISK_DATADIR": None, "OBELISK_DEBUG": None, "OBELISK_PASSPHRASE": None, **(env or {})}
    result = CliRunner().invoke(cli, [str(a) for a in args], env=full)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("args", [["--json", "--version"], ["--version", "--json"], ["--datadir", "x", "--json", "--version"]])
def test_json_version_is_json(args):
    r = run(args)
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["name"] == "obelisk" and doc["version"] and doc["version"] in run(["--version"]).stdout


def test_a_file_with_several_contracts_asks_which_to_deploy(tmp_path):
    d = tmp_path / "chain"
    r = run(["deploy", SEVERAL, "--datadir", d])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1
    assert ("holds 4 contracts (PoliteReceiver, RefusingReceiver, GreedyReceiver, SeatGrabber): "
            "choose one with --contract NAME") in r.stderr
    assert not d.exists()  # refused before any chain was opened
    doc = json.loads(run(["deploy", SEVERAL, "--contract", "PoliteReceiver", "--datadir", d, "--json"]).stdout)
    assert doc["status"] == "success"
    # A file with one contract needs no --contract.
    assert json.loads(run(["deploy", ROOT / "examples" / "token.contract", "5", "--datadir", d, "--json"]).stdout)[
        "status"] == "success"


@pytest.mark.parametrize("args", [["balance", "0"], ["block"], ["logs"], ["verify"], ["nonce", "1"],
                                  ["tx", "0x" + "00" * 32], ["code", "0x" + "11" * 20]])
def test_reading_commands_never_create_a_missing_data_directory(tmp_path, args):
    d = tmp_path / "typo"
    for extra in ([], ["--json"]):
        r = run(args + ["--datadir", d] + extra)
        assert r.exit_code == 2 and r.stdout.strip() == ("" if not extra else r.stdout.strip())
        assert f"no data directory at {d}" in r.stderr and "create one" in r.stderr
        assert not d.exists()


@pytest.mark.parametrize("args", [["mine"], ["send", "1", "5"], ["accounts"]])
def test_writing_commands_create_the_data_directory(tmp_path, args):
    d = tmp_path / "new"
    assert run(args + ["--datadir", d]).exit_code == 0
    assert (d / "chain.sqlite3").exists()
    assert run(["balance", "0", "--datadir", d]).exit_code == 0  # and now readers find it


def test_counts_read_as_english():
    assert [counted(n, "block") for n in (0, 1, 2)] == ["0 blocks", "1 block", "2 blocks"]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == "3 entries"


def test_mined_blocks_are_counted_in_english(tmp_path):
    assert run(["mine", "1", "--datadir", tmp_path]).stdout.startswith("mined 1 block; height 1")
    assert run(["mine", "2", "--datadir", tmp_path]).stdout.startswith("mined 2 blocks; height 3")


def test_a_seal_refusal_names_its_override(tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"abc")
    (tmp_path / "d.sealed").write_bytes(b"keep")
    r = run(["seal", data], env={"OBELISK_PASSPHRASE": "pw"})
    assert r.exit_code == 2 and "d.sealed already exists: pass --force to replace it" in r.stderr
    assert (tmp_path / "d.sealed").read_bytes() == b"keep"


def test_seal_takes_its_arguments_in_the_documented_order():
    import inspect

    from chain import seal

    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for fn in (seal.seal_file, seal.unseal_file):
        assert list(inspect.signature(fn).parameters)[:4] == ["path", "passphrase", "output", "overwrite"]
        assert f"chain.seal.{fn.__name__}(path, passphrase, output=None, *, overwrite=False)" in docs
    assert "`obelisk seal FILE [-o OUT] [--force]`" in docs  # the command: input first, then the output
