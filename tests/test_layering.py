"""Imports point one way: vm <- lang; vm <- chain <- obelisk.node; lang, chain, obelisk.node <- obelisk.

Every module found on disk in every package of the repository is read; an
`importlib.import_module(...)` or `__import__(...)` call counts as an import.
The VM, which runs contract code, may use only an allow-list of the standard
library (no os, sys, subprocess, socket or importlib).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Which layers a layer may import (itself included).
ALLOWED = {
    "vm": {"vm"},
    "lang": {"vm", "lang"},
    "chain": {"vm", "chain"},
    "obelisk.node": {"vm", "chain", "obelisk.node"},
    "obelisk": {"vm", "lang", "chain", "obelisk.node", "obelisk"},
}
# The only modules outside our own that vm may import: pure computation, nothing
# that reaches files, processes, the network or the import machinery.
VM_MAY_IMPORT = {
    "__future__", "abc", "bisect", "collections", "copy", "dataclasses", "enum", "functools", "hashlib",
    "itertools", "json", "math", "operator", "re", "struct", "typing",
    "msgpack",  # the canonical value encoding
    "cachetools",  # bounded caches (the validated-program cache), instead of hand-made ones
    "weakref",  # the recent-code shortcut points at programs the cache alone keeps alive
}
# The consensus core has no screen, no compiler and no network.
CHAIN_MAY_NOT_IMPORT = {"click", "rich", "lark", "socket", "ssl", "selectors", "asyncio", "aiohttp", "http", "urllib"}
DYNAMIC = "<a computed module name>"


def layer(module: str) -> str | None:
    if module == "obelisk.node" or module.startswith("obelisk.node."):
        return "obelisk.node"
    top = module.split(".")[0]
    return top if top in ALLOWED else None


def packages(root: Path) -> list[str]:
    """Every top-level package in the repository (a directory with __init__.py)."""
    return sorted(p.parent.name for p in root.glob("*/__init__.py") if not p.parent.name.startswith("."))


def modules(root: Path):
    """(module name, path, is_package) for every .py file of every package."""
    for package in packages(root):
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            yield ".".join(parts), path, is_package


def _absolute(name: str | None, level: int, module: str, is_package: bool) -> str:
    if level == 0:
        return name or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports(path: Path, module: str, is_package: bool, root: Path):
    """Every module name this file imports, statically or through importlib/__import__."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    importers = {"__import__"}  # names that, called, import a module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "importlib":
                    importers.add(f"{alias.asname or 'importlib'}.import_module")
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, module, is_package)
            for alias in node.names:
                if base == "importlib" and alias.name == "import_module":
                    importers.add(alias.asname or alias.name)
                sub = f"{base}.{alias.name}" if base else alias.name
                # `from pkg import mod` imports pkg.mod when mod is a module of ours.
                on_disk = root.joinpath(*sub.split("."))
                yield sub if on_disk.with_suffix(".py").exists() or (on_disk / "__init__.py").exists() else base
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in importers:
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                name = arg.value
                level = len(name) - len(name.lstrip("."))
                yield _absolute(name.lstrip(".") or None, level, module, is_package) if level else name
            else:
                yield DYNAMIC


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for module, path, is_package in modules(root):
        own = layer(module)
        where = path.relative_to(root)
        if own is None:
            found.append(f"{where}: package {module.split('.')[0]} has no place in the layers")
            continue
        for name in imports(path, module, is_package, root):
            top = name.split(".")[0]
            target = layer(name)
            if name == DYNAMIC:
                found.append(f"{where}: imports {DYNAMIC}, which no check can follow")
            elif target is not None and target not in ALLOWED[own]:
                found.append(f"{where}: {own} imports {name} ({target})")
            elif target is None and own == "vm" and top not in VM_MAY_IMPORT:
                found.append(f"{where}: vm imports {name}, not on the VM's allow-list")
            elif target is None and own == "chain" and top in CHAIN_MAY_NOT_IMPORT:
                found.append(f"{where}: chain imports {name}")
    return found


def test_every_package_imports_only_what_its_layer_may():
    assert packages(ROOT) == sorted(packages(ROOT)) and {"vm", "lang", "chain", "obelisk"} <= set(packages(ROOT))
    assert violations() == []


def test_the_vm_allow_list_keeps_the_outside_world_out():
    assert not {"os", "sys", "subprocess", "socket", "importlib", "io", "pickle", "ctypes", "builtins"} & VM_MAY_IMPORT


# --- the test of the test: a tree with one forbidden import in it fails -----------------

BAD = [
    ("vm/bad.py", "import os\n", "vm imports os"),
    ("vm/sub/deep.py", "from subprocess import run\n", "vm imports subprocess"),
    ("vm/dyn.py", "import importlib\nimportlib.import_module('json')\n", "vm imports importlib"),
    ("lang/up.py", "from chain import tx\n", "lang imports chain (chain)"),
    ("chain/lazy.py", "def f():\n    import importlib as il\n    return il.import_module('lang.compiler')\n",
     "chain imports lang.compiler (lang)"),
    ("chain/dunder.py", "m = __import__('lang')\n", "chain imports lang (lang)"),
    ("chain/rel.py", "from importlib import import_module\nimport_module('..lang', __package__)\n", "chain imports lang"),
    ("chain/screen.py", "import rich.table\n", "chain imports rich.table"),
    ("chain/computed.py", "import importlib\nname = 'la' + 'ng'\nimportlib.import_module(name)\n", DYNAMIC),
    ("obelisk/node/peer.py", "from ...obelisk import cli\n", "obelisk.node imports obelisk.cli (obelisk)"),
    ("obelisk/node/talk.py", "from obelisk import devnet\n", "obelisk.node imports obelisk.devnet (obelisk)"),
    ("tools/__init__.py", "", "package tools has no place"),
]


def _tree(tmp_path: Path, extra: tuple[str, str] | None) -> Path:
    files = {"vm/__init__.py": "import json\nfrom . import abi\n", "vm/abi.py": "import msgpack\n",
             "lang/__init__.py": "from vm import abi\n", "chain/__init__.py": "from .devnet import x\n",
             "chain/devnet.py": "import sqlite3\nfrom vm.abi import y\n", "obelisk/__init__.py": "",
             "obelisk/devnet.py": "import chain, lang\n", "obelisk/cli/__init__.py": "from .. import devnet\n",
             "obelisk/node/__init__.py": "import chain\nfrom . import peer\n", "obelisk/node/peer.py": "import vm\n",
             "vm/sub/__init__.py": "", "lang/x.py": "import importlib\nimportlib.import_module('.abi', 'vm')\n"}
    if extra is not None:
        files[extra[0]] = files.get(extra[0], "") + extra[1]
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_tree_that_keeps_the_layers_passes(tmp_path):
    assert violations(_tree(tmp_path, None)) == []


@pytest.mark.parametrize("path, source, complaint", BAD, ids=[b[0] for b in BAD])
def test_a_forbidden_import_fails_the_check(tmp_path, path, source, complaint):
    found = violations(_tree(tmp_path, (path, source)))
    assert len(found) == 1 and complaint in found[0], found
