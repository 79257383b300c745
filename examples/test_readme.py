"""The README's command-line transcript and library example run, and print what the README says.

In an expected output line, `…` stands for any text; a line that is only `…`
stands for any number of lines.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MARK = "@@obelisk-readme-step@@"


def fenced(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


def transcript() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every `$ ` line of the console blocks, in order."""
    steps = []
    for block in fenced("console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line.rstrip())
    return steps


def matches(expected: list[str], actual: list[str]) -> bool:
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "…":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    pattern = ".*".join(re.escape(part) for part in head.split("…"))
    return bool(actual) and re.fullmatch(pattern, actual[0]) is not None and matches(rest, actual[1:])


def test_the_readme_has_both_setup_commands():
    setup = README.split("## Two commands", 1)[1].split("##", 1)[0]
    assert "bash examples/tour.sh" in setup and "bash tests/run.sh" in setup


def test_every_local_link_leads_to_a_file():
    links = re.findall(r"\]\(([^)#]+)\)", README)
    assert links
    missing = [link for link in links if "://" not in link and not (ROOT / link).exists()]
    assert not missing


def test_the_command_line_transcript(tmp_path):
    steps = transcript()
    assert len(steps) >= 10
    script = ["set -u"]
    for cmd, _ in steps:
        script += [f"echo '{MARK}'", cmd]
    env = dict(os.environ, TMPDIR=str(tmp_path),
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("OBELISK_DATADIR", None)
    env.pop("OBELISK_PASSPHRASE", None)
    proc = subprocess.run(["bash", "-c", "\n".join(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr
    outputs = proc.stdout.split(MARK + "\n")[1:]
    assert len(outputs) == len(steps), proc.stderr
    for (cmd, expected), out in zip(steps, outputs):
        actual = [line.rstrip() for line in out.splitlines()]
        assert matches(expected, actual), f"$ {cmd}\nexpected:\n" + "\n".join(expected) + "\nactual:\n" + out


def test_the_library_example(monkeypatch):
    blocks = fenced("python")
    assert blocks
    monkeypatch.chdir(ROOT)
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})


def test_the_language_example_compiles_and_runs():
    import obelisk

    (src,) = fenced("contract")
    art = obelisk.compile_source(src, filename="README.md")
    net = obelisk.Devnet()
    counter = net.deploy(art, 5)
    r = counter.bump(2, sender=net.accounts[1])
    assert r.value == 7 and r.logs[0].name == "Bumped"
    with pytest.raises(obelisk.Reverted) as info:
        counter.bump(0)
    assert info.value.reason == "step must be positive"
    with pytest.raises(obelisk.Reverted) as info:
        counter.reset(sender=net.accounts[1])
    assert info.value.reason == "caller is not the owner"
    counter.reset()
    assert counter.get() == 0


@pytest.mark.parametrize("expected, actual, ok", [
    (["a"], ["a"], True),
    (["a"], ["b"], False),
    (["a…"], ["abc"], True),
    (["…", "z"], ["x", "y", "z"], True),
    (["…", "z"], ["x", "y"], False),
    (["a"], ["a", "extra"], False),
])
def test_the_matcher(expected, actual, ok):
    assert matches(expected, actual) is ok
