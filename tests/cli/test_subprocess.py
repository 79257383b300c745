"""The installed `obelisk` command in real processes: help, persistence, exit codes, pipes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "obelisk"
TOKEN = Path(__file__).resolve().parents[2] / "examples" / "token.contract"


def obelisk(*args, datadir=None, env=None):
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from obelisk.cli import main; main()"]
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}
    full_env.update(env or {})
    extra = ["--datadir", str(datadir)] if datadir else []
    proc = subprocess.run(command + [str(a) for a in args] + extra, capture_output=True, text=True, env=full_env, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_help():
    proc = obelisk("--help")
    assert proc.returncode == 0 and "compile" in proc.stdout and "verify" in proc.stdout


def test_a_session_across_processes(tmp_path):
    d = tmp_path / "chain"
    deployed = json.loads(obelisk("deploy", TOKEN, "100", "--json", datadir=d).stdout)
    bob = json.loads(obelisk("balance", "1", "--json", datadir=d).stdout)["address"]
    sent = obelisk("call", deployed["address"], "transfer", bob, "40", "--json", datadir=d)
    assert sent.returncode == 0 and json.loads(sent.stdout)["status"] == "success"
    reverted = obelisk("call", deployed["address"], "transfer", bob, "1000", datadir=d)
    assert reverted.returncode == 1 and "insufficient balance" in reverted.stderr
    assert json.loads(obelisk("call", deployed["address"], "balance_of", bob, "--json", datadir=d).stdout) == {"value": 40}
    assert json.loads(obelisk("--json", "verify", datadir=d).stdout) == {"valid": True, "height": 3}


def test_bad_input_in_a_real_process(tmp_path):
    proc = obelisk("send", "nobody", "5", datadir=tmp_path / "c")
    assert proc.returncode == 2 and proc.stderr.startswith("obelisk: error: TO:") and proc.stdout == ""


def test_a_closed_pipe_is_not_an_error(tmp_path):
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from obelisk.cli import main; main()"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}
    proc = subprocess.Popen(command + ["disasm", str(TOKEN)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert proc.returncode in (0, -13)  # done, or killed by SIGPIPE before writing more


def test_a_narrow_terminal_never_cuts_an_address_or_a_balance_short(tmp_path):
    """On a terminal rich would fit the accounts table by cutting cells ("0x2607…"):
    a wrong address or balance. Lines are left whole for the terminal to wrap."""
    import fcntl
    import pty
    import struct
    import termios

    d = tmp_path / "chain"
    listed = json.loads(obelisk("accounts", "--json", datadir=d).stdout)
    main, sub = pty.openpty()
    fcntl.ioctl(sub, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from obelisk.cli import main; main()"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_") and k != "COLUMNS"}
    proc = subprocess.Popen(command + ["accounts", "--datadir", str(d)], stdin=sub, stdout=sub, stderr=sub, env=env)
    os.close(sub)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=60) == 0
    os.close(main)
    text = out.decode()
    assert "…" not in text and "Traceback" not in text
    for account in listed:
        assert f"{account['address']}  {account['balance']:>25}" in text
