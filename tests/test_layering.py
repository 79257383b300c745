"""The packages depend one way: vm <- lang <- chain."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"vm": set(), "lang": {"vm"}, "chain": {"vm", "lang"}}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package):
    ours = set(ALLOWED)
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if name in ours and name != package:
                assert name in ALLOWED[package], f"{path.relative_to(ROOT)} imports {name}"
