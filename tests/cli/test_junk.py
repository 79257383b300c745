"""Junk on the command line never crashes obelisk: exit 0, 1 or 2 with a reason, never a traceback."""
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from obelisk.cli import cli

TOKEN = str(Path(__file__).resolve().parents[2] / "examples" / "token.contract")
COMMANDS = ["compile", "deploy", "call", "send", "balance", "accounts", "accounts new", "mine", "block",
            "tx", "receipt", "verify", "disasm", "seal", "unseal"]
WORDS = ["--json", "--datadir", "--from", "--value", "--gas", "--contract", "-o", "--emit", "ast", "0", "1",
         "-1", "0x", "0x" + "00" * 20, "0x" + "ab" * 32, "true", "99999999999999999999999999", "", "-",
         "--", "x.contract", "transfer", "balance_of", "mint", "name", "{", "[1]", "\x00", "é", "--help",
         TOKEN, "Token", "T"]


def invoke(argv, datadir, cwd):
    env = {"OBELISK_PASSPHRASE": "pw", "OBELISK_DATADIR": str(datadir), "OBELISK_DEBUG": None}
    old = os.getcwd()
    os.chdir(cwd)  # any file a junk command writes lands here
    try:
        return CliRunner().invoke(cli, argv, env=env)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A data directory holding a deployed token, copied fresh for each example."""
    base = tmp_path_factory.mktemp("template")
    r = invoke(["deploy", TOKEN, "1000", "--json"], base / "data", base)
    assert r.exit_code == 0, r.output
    return base / "data", json.loads(r.stdout)["address"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_junk_arguments_never_crash(template, tmp_path_factory, data):
    source, token = template
    words = st.one_of(st.sampled_from(WORDS + [token]), st.text(max_size=12))
    command = data.draw(st.sampled_from(COMMANDS))
    rest = data.draw(st.lists(words, max_size=5))
    if command == "call" and data.draw(st.booleans()):
        rest = [token] + rest  # get past the address to the function and its arguments
    work = tmp_path_factory.mktemp("junk")
    shutil.copytree(source, work / "data")
    argv = command.split() + rest
    result = invoke(argv, work / "data", work)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.output)
    if result.exit_code != 0 and "--help" not in argv:
        assert result.stderr.strip(), argv  # always a reason
