"""Junk on the command line never crashes obelisk: exit 0, 1 or 2, never a traceback."""
import os

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from chain.cli import cli

COMMANDS = ["compile", "deploy", "call", "send", "balance", "accounts", "accounts new", "mine", "block",
            "tx", "receipt", "verify", "disasm", "seal", "unseal"]
WORDS = ["--json", "--datadir", "--from", "--value", "--gas", "--contract", "-o", "--emit", "ast", "0", "1",
         "-1", "0x", "0x" + "00" * 20, "0x" + "ab" * 32, "true", "99999999999999999999999999", "", "-",
         "--", "x.contract", "transfer", "{", "[1]", "\x00", "é", "--help"]
junk_word = st.one_of(st.sampled_from(WORDS), st.text(max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), rest=st.lists(junk_word, max_size=5))
def test_junk_arguments_never_crash(tmp_path_factory, command, rest):
    work = tmp_path_factory.mktemp("junk")
    cwd = os.getcwd()
    os.chdir(work)  # any file a junk command writes lands here
    try:
        argv = command.split() + rest
        env = {"OBELISK_PASSPHRASE": "pw", "OBELISK_DATADIR": str(work / "data"), "OBELISK_DEBUG": None}
        result = CliRunner().invoke(cli, argv, env=env)
    finally:
        os.chdir(cwd)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.output)
    if result.exit_code == 2:
        assert result.stderr.strip(), argv  # always a reason
