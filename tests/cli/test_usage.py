"""Usage errors, option placement and the never-a-traceback rule."""
import pytest


def test_help_lists_every_command(ob):
    r = ob.run(["--help"], datadir=False)
    assert r.exit_code == 0
    for name in ("compile", "deploy", "call", "send", "balance", "accounts", "mine", "block", "tx",
                 "receipt", "verify", "disasm", "seal", "unseal"):
        assert f"  {name} " in r.stdout, name


def test_bare_command_prints_help(ob):
    r = ob.run([], datadir=False)
    assert r.exit_code == 0 and r.stdout.startswith("Usage: obelisk")


@pytest.mark.parametrize(
    "args, reason",
    [
        (["frobnicate"], "No such command 'frobnicate'"),
        (["deploy"], "Missing argument 'FILE'"),
        (["compile", "x.contract", "--emit", "bytecode"], "'bytecode' is not one of 'ast', 'ir', 'asm'"),
        (["seal"], "Missing argument 'FILE'"),
        (["balance", "--nope"], "No such option '--nope'"),
        # A misspelt option is never sent as an argument (it would fill a string parameter).
        (["call", "0x" + "42" * 20, "set_note", "--valeu"], "No such option '--valeu'; an argument spelled like an option goes after '--'."),
        (["deploy", "x.contract", "1", "--gass=5"], "No such option '--gass'"),
        (["send", "1", "5", "--form", "2"], "No such option '--form'"),
        (["mine", "--count", "2"], "No such option '--count'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(ob, args, reason):
    r = ob.run(args)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("obelisk: error: ") and reason in lines[0], r.stderr


def test_usage_error_under_json_is_a_json_document(ob):
    doc = ob.json(["deploy"], expect_code=2)
    assert doc == {"error": "Missing argument 'FILE'. (see 'obelisk deploy --help')"}


def test_json_flag_before_or_after_the_subcommand(ob, tmp_path):
    data = tmp_path / "d"
    data.write_bytes(b"x")
    before = ob.run(["--json", "seal", data, "-o", tmp_path / "a"], passphrase="pw")
    after = ob.run(["seal", data, "-o", tmp_path / "b", "--json"], passphrase="pw")
    assert before.exit_code == after.exit_code == 0
    assert before.stdout.startswith("{") and after.stdout.startswith("{")


def test_datadir_env_and_option(ob, tmp_path, monkeypatch):
    from obelisk.cli.options import State

    state = State()
    monkeypatch.delenv("OBELISK_DATADIR", raising=False)
    assert state.datadir == ".obelisk"
    monkeypatch.setenv("OBELISK_DATADIR", str(tmp_path / "env"))
    assert state.datadir == str(tmp_path / "env")
    state.datadir_option = str(tmp_path / "opt")
    assert state.datadir == str(tmp_path / "opt")


def test_internal_errors_are_reported_not_raised(ob, monkeypatch):
    from chain import seal

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(seal, "seal_file", boom)
    r = ob.run(["seal", __file__], passphrase="pw")
    assert r.exit_code == 3
    assert "internal error: RuntimeError: kaboom" in r.stderr and "please report" in r.stderr


def test_options_after_the_subcommand_win(ob, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    r = ob.run(["--datadir", a, "send", "1", "5", "--datadir", b, "--json"], datadir=False)
    assert r.exit_code == 0
    assert (b / "chain.sqlite3").is_file() and not a.exists()


def test_after_double_dash_everything_is_an_argument(ob):
    # --datadir goes before the "--" (after it, it would be an argument too).
    r = ob.run(["--datadir", ob.datadir, "call", "0x" + "42" * 20, "f", "--", "--valeu", "--json"], datadir=False)
    assert r.exit_code == 2 and "no contract at" in r.stderr  # parsed as arguments, then the address is checked
