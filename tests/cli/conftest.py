"""Shared fixtures for the command-line tests: a cheap scrypt cost and an in-process runner."""
import json

import pytest
from click.testing import CliRunner

from chain import secretbox
from obelisk.cli import cli

# The smallest cost the box format accepts: keeps each key derivation ~1 ms in tests.
FAST = secretbox.KdfParams(10, 8, 1)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(secretbox, "DEFAULT_PARAMS", FAST)


class Obelisk:
    """Runs the obelisk command in-process; every run is checked for tracebacks."""

    def __init__(self, datadir=None):
        self.datadir = datadir

    def run(self, args, *, passphrase=None, env=None, input=None, datadir=True):
        full_env = {"OBELISK_PASSPHRASE": passphrase, "OBELISK_DATADIR": None, "OBELISK_DEBUG": None}
        full_env.update(env or {})
        argv = [str(a) for a in args]
        if datadir and self.datadir is not None:
            argv += ["--datadir", str(self.datadir)]
        result = CliRunner().invoke(cli, argv, env=full_env, input=input, catch_exceptions=True)
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result

    def json(self, args, expect_code=0, **kw):
        """Run with --json; check the exit status and that stdout is exactly one JSON document."""
        result = self.run(list(args) + ["--json"], **kw)
        assert result.exit_code == expect_code, (result.exit_code, result.output)
        return json.loads(result.stdout)


@pytest.fixture
def ob(tmp_path):
    return Obelisk(tmp_path / "chaindata")
