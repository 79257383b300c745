"""Imports reach only regular files in the compiled file's directory, the stdlib and given search paths.

Each refusal is a located compile error (never an internal error) that quotes
nothing of the refused file. Real symlinks, FIFOs and /proc files in tmp dirs.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lang
from lang.errors import Kind

SCRIPT = Path(sys.executable).parent / "obelisk"
CANARY = "OBELISK_CANARY_7f3a"  # an environment value that must never appear in any output


def _environ_sample() -> bytes:
    with open("/proc/self/environ", "rb") as f:
        return f.read()


def importing(project: Path, target: str, name="main.contract") -> Path:
    main = project / name
    main.parent.mkdir(parents=True, exist_ok=True)
    main.write_text(f'import "{target}" as lib;\ncontract C {{ pub fn f() -> int {{ return 1; }} }}\n')
    return main


def refusal(main: Path, **kw):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file(str(main), **kw)
    (e,) = info.value.errors
    assert (e.file, e.line, e.column, e.kind) == (str(main), 1, 1, Kind.IMPORT), e
    text = str(info.value)
    for line in _environ_sample().split(b"\0")[:50]:
        if len(line) > 12:
            assert line.decode("utf-8", "replace") not in text
    return e.message


@pytest.fixture
def project(tmp_path):
    p = tmp_path / "project"
    p.mkdir()
    return p


def test_a_symlink_to_proc_environ_is_refused_without_quoting_it(project):
    (project / "env.contract").symlink_to("/proc/self/environ")
    msg = refusal(importing(project, "./env.contract"))
    assert "outside the compiled file's directory" in msg


def test_a_symlink_to_a_device_is_refused(project):
    for dev in ("/dev/zero", "/dev/null", "/dev/urandom"):
        link = project / f"{Path(dev).name}.contract"
        link.symlink_to(dev)
        assert "outside" in refusal(importing(project, f"./{link.name}"))


def test_a_symlink_loop_is_a_located_error(project):
    (project / "a.contract").symlink_to(project / "b.contract")
    (project / "b.contract").symlink_to(project / "a.contract")
    assert "symbolic link loop" in refusal(importing(project, "./a.contract"))
    (project / "self.contract").symlink_to(project / "self.contract")
    assert "symbolic link loop" in refusal(importing(project, "./self.contract"))


def test_a_fifo_is_refused_without_blocking(project):
    os.mkfifo(project / "pipe.contract")  # opening it for reading would wait for a writer forever
    assert "not a regular file" in refusal(importing(project, "./pipe.contract"))


def test_a_directory_is_refused(project):
    (project / "dir.contract").mkdir()
    assert "not a regular file" in refusal(importing(project, "./dir.contract"))


def test_paths_escaping_the_project_are_refused(tmp_path, project):
    (tmp_path / "outside.contract").write_text("fn secret() -> int { return 42; }\n")
    assert "outside" in refusal(importing(project, "../outside.contract"))
    assert "outside" in refusal(importing(project, "./sub/../../outside.contract"))
    (project / "link.contract").symlink_to(tmp_path / "outside.contract")
    assert "outside" in refusal(importing(project, "./link.contract"))
    # a directory symlink leading out is no way round either
    (project / "door").symlink_to(tmp_path)
    assert "outside" in refusal(importing(project, "./door/outside.contract"))


def test_a_missing_file_is_a_located_error(project):
    assert "No such file" in refusal(importing(project, "./nope.contract"))


def test_files_inside_the_project_still_import_each_other(project):
    (project / "common.contract").write_text("fn seven() -> int { return 7; }\n")
    (project / "lib").mkdir()
    (project / "lib" / "mid.contract").write_text('import "../common.contract" as common;\nfn eight() -> int { return common.seven() + 1; }\n')
    (project / "alias.contract").symlink_to(project / "lib" / "mid.contract")  # a symlink inside is fine
    main = project / "main.contract"
    main.write_text('import "./lib/mid.contract" as mid;\nimport "./alias.contract" as again;\ncontract C { pub fn f() -> int { return mid.eight() + again.eight(); } }\n')
    assert lang.compile_file(str(main)).bytecode


def test_search_paths_open_a_directory_explicitly(tmp_path, project):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "util.contract").write_text("fn nine() -> int { return 9; }\n")
    main = importing(project, "../shared/util.contract")
    assert "outside" in refusal(main)
    assert lang.compile_file(str(main), search_paths=[shared]).bytecode
    # a bare name is looked up in the stdlib, then in the search paths
    bare = importing(project, "util", name="bare.contract")
    assert "no standard library module named 'util'" in refusal(bare)
    assert lang.compile_file(str(bare), search_paths=[str(shared)]).bytecode
    # a search path gives no way into the rest of the machine
    (shared / "env.contract").symlink_to("/proc/self/environ")
    assert "outside" in refusal(importing(project, "env", name="e.contract"), search_paths=[shared])


def test_the_root_file_itself(tmp_path):
    (tmp_path / "loop.contract").symlink_to(tmp_path / "loop.contract")
    for path, why in ((tmp_path / "loop.contract", "symbolic link loop"), (tmp_path, "not a regular file")):
        with pytest.raises(lang.CompileError, match=why) as info:
            lang.compile_file(str(path))
        assert info.value.errors[0].kind == Kind.SOURCE
    os.mkfifo(tmp_path / "pipe.contract")
    with pytest.raises(lang.CompileError, match="not a regular file"):
        lang.compile_file(str(tmp_path / "pipe.contract"))
    # a pseudo-file reads as what it claims to be: empty, so nothing of it is shown
    with pytest.raises(lang.CompileError, match="no contract in this file") as info:
        lang.compile_file("/proc/self/environ")
    assert "PATH" not in str(info.value)


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs the installed obelisk command")
def test_the_command_says_so_with_exit_2_and_shows_no_environment(project):
    (project / "env.contract").symlink_to("/proc/self/environ")
    (project / "loop.contract").symlink_to(project / "loop.contract")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OBELISK_")}
    env["SOME_SECRET"] = CANARY
    for target in ("./env.contract", "./loop.contract"):
        main = importing(project, target)
        proc = subprocess.run([str(SCRIPT), "compile", str(main)], capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert CANARY not in proc.stdout + proc.stderr
        assert "main.contract:1:1" in proc.stderr and "internal" not in proc.stderr
