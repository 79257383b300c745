"""obelisk worker / job / workers refuse bad input with one located line and exit 2, before
any node is asked."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from obelisk.cli import cli

MARKET = "0x418bf0a14ab19c0c0382f83156f097bac86322a3"
DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def run(tmp_path):
    def run(*args):
        env = {"OBELISK_RPC": None, "OBELISK_MARKET": None, "OBELISK_DATADIR": str(tmp_path)}
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return run


@pytest.mark.parametrize("args, message", [
    (["worker"], "--rpc URL is needed (or $OBELISK_RPC)"),
    (["worker", "--rpc", DEAD], f"--rpc {DEAD}: "),  # no --market: the dev network's, asked of the node
    (["worker", "--rpc", DEAD, "--market", "nope"], "--market: expected 0x-prefixed hex"),
    (["worker", "--runner", "nope"], "--runner: no runner named 'nope' (installed: digits)"),
    (["worker", "--max-jobs", "0", "--rpc", DEAD, "--market", MARKET], "--max-jobs >= 1"),
    (["workers"], "--rpc URL is needed"),
    (["job", "post", "/no/such/file", "--runner", "digits", "--payment", "1", "--seats", "1", "--quorum", "1",
      "--stake", "1"], "/no/such/file: no such file"),
    (["job", "status", "0", "--rpc", DEAD, "--market", MARKET], f"--rpc {DEAD}: "),
    (["job", "result", "0", "--rpc", DEAD], f"--rpc {DEAD}: "),
])
def test_bad_input_is_one_line_and_exit_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_post_refuses_unknown_runners_and_oversized_data(run, tmp_path):
    data = tmp_path / "big.bin"
    data.write_bytes(bytes(400 * 1024))
    result = run("job", "post", str(data), "--runner", "digits", "--payment", "1", "--seats", "1", "--quorum", "1",
                 "--stake", "1")
    assert result.exit_code == 2 and "one sealed blob" in result.output
    data.write_bytes(b"x")
    result = run("job", "post", str(data), "--runner", "0x12", "--payment", "1", "--seats", "1", "--quorum", "1",
                 "--stake", "1")
    assert result.exit_code == 2 and "--runner" in result.output
