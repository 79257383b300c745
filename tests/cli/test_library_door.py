"""The library door `obelisk`: deploys from source, returns named struct values, and loads lazily;
`chain` stays the layer below it (compiled code only, no compiler, no screen)."""
import subprocess
import sys
from pathlib import Path

import pytest

import chain
import lang
import obelisk

SHAPES = Path(__file__).resolve().parent / "data" / "shapes.contract"


def _modules_after(statement: str) -> set:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_chain_loads_no_compiler_and_no_screen():
    loaded = _modules_after("import chain")
    assert not {"lang", "click", "rich"} & loaded


def test_the_command_loads_neither_the_vm_nor_the_chain_nor_the_compiler_at_startup():
    loaded = _modules_after("import obelisk.cli")
    assert not {"vm", "lang", "chain", "rich", "sqlite3"} & loaded


def test_every_name_of_the_door_resolves_and_others_do_not():
    for name in obelisk.__all__:
        assert getattr(obelisk, name) is not None
    assert obelisk.Reverted is chain.Reverted and obelisk.compile_file is lang.compile_file
    with pytest.raises(AttributeError):
        obelisk.no_such_name


def test_python_dash_m_obelisk_runs_the_command():
    proc = subprocess.run([sys.executable, "-m", "obelisk", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("obelisk, version")


def test_obelisk_devnet_deploys_a_path_and_chain_devnet_takes_compiled_code_only():
    net = obelisk.Devnet()
    shapes = net.deploy(str(SHAPES), (1, 2))
    assert shapes.where() == (1, 2)
    again = net.at(shapes.address, SHAPES)  # a path for the ABI, too
    assert again.sum((3, 4)) == 7
    core = chain.Devnet()
    with pytest.raises(chain.ArgumentError, match="obelisk.Devnet"):
        core.deploy(str(SHAPES), (1, 2))
    assert core.deploy(lang.compile_file(SHAPES), (1, 2)).where() == (1, 2)


def test_struct_values_come_back_named_and_still_equal_their_tuple():
    net = obelisk.Devnet()
    shapes = net.deploy(str(SHAPES), {"x": 1, "y": 2})
    point = shapes.make(5, -6)
    assert (point.x, point.y) == (5, -6) and point == (5, -6) and tuple(point) == (5, -6)
    assert repr(point) == "Point(x=5, y=-6)"
    r = shapes.move(point, "why")
    assert r.value.x == 1 and r.value == (1, 2)  # the old position, from the receipt
    moved = r.logs[0].args["to"]
    assert moved.y == -6 and r.to_json()["events"][0]["args"]["to"] == {"x": 5, "y": -6}
    assert shapes.move(r.value, "back").value == point  # a named value goes back in as an argument
