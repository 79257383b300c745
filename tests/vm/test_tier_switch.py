"""OBELISK_VM_TIER: the CLI's debug switch that forces the reference interpreter."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from obelisk.cli import cli
from vm import interpreter


def _run(setting, monkeypatch, tmp_path):
    """`obelisk compile` of the token example: a command that runs the group's startup."""
    monkeypatch.setattr(interpreter, "TIER1", True)
    env = {"OBELISK_VM_TIER": setting} if setting is not None else {}
    source = Path(__file__).parents[2] / "examples" / "token.contract"
    return CliRunner().invoke(cli, ["compile", str(source), "--out", str(tmp_path)], env=env)


def test_zero_forces_tier0(monkeypatch, tmp_path):
    assert _run("0", monkeypatch, tmp_path).exit_code == 0
    assert interpreter.TIER1 is False


def test_unset_or_one_leaves_the_vm_its_choice(monkeypatch, tmp_path):
    for setting in (None, "1"):
        assert _run(setting, monkeypatch, tmp_path).exit_code == 0
        assert interpreter.TIER1 is True


def test_anything_else_is_bad_input(monkeypatch, tmp_path):
    r = _run("fast", monkeypatch, tmp_path)
    assert r.exit_code == 2
    assert "OBELISK_VM_TIER must be 0" in r.output
    assert interpreter.TIER1 is True
