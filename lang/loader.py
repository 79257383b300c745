"""Finds and parses a file and everything it imports: stdlib names, relative paths, aliases, cycles."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import ast
from .errors import Kind
from .parser import parse

_HERE = Path(__file__).resolve().parent
# A checkout keeps stdlib/ at the repo root; a wheel force-includes it as lang/stdlib_files/.
STDLIB_DIRS = (_HERE.parent / "stdlib", _HERE / "stdlib_files")
MAX_IMPORT_DEPTH = 32  # files importing files importing files ...
MAX_FILES = 256  # files in one compilation


@dataclass
class Module:
    file: str  # the path as shown in messages and source spans
    real: Path | None  # resolved path on disk (None for in-memory sources)
    tree: ast.Module | None
    prefix: str = ""  # mangling prefix of its free functions
    imports: dict = field(default_factory=dict)  # alias -> Module


def stdlib_path(name: str) -> Path | None:
    for d in STDLIB_DIRS:
        p = d / f"{name}.contract"
        if p.is_file():
            return p
    return None


def _display(base_file: str, rel: str) -> str:
    joined = os.path.normpath(os.path.join(os.path.dirname(base_file), rel))
    return joined.replace(os.sep, "/")


class Loader:
    """Loads a root source and its imports; every problem goes to the reporter."""

    def __init__(self, reporter):
        self.reporter = reporter
        self.by_real: dict = {}  # real path -> Module
        self.modules: list = []  # in load order, the root first
        self._loading: list = []  # the import chain being loaded (cycle detection)
        self._prefixes: set = set()

    def _err(self, mod: Module, item, message: str, kind: str = Kind.IMPORT) -> None:
        self.reporter.at(mod.file, item, message, kind)

    def _prefix(self, want: str) -> str:
        p, n = want, 2
        while p in self._prefixes:
            p, n = f"{want}{n}", n + 1
        self._prefixes.add(p)
        return p

    def load_root(self, text: str, file: str, real: Path | None) -> Module:
        tree = parse(text, file, self.reporter)
        mod = Module(file, real, tree, self._prefix(Path(file).stem or "main"))
        self.modules.append(mod)
        if real is not None:
            self.by_real[real] = mod
        self._loading.append(mod)
        self._resolve_imports(mod)
        self._loading.pop()
        return mod

    def _resolve_imports(self, mod: Module) -> None:
        if mod.tree is None:
            return
        for item in mod.tree.items:
            if not isinstance(item, ast.ImportDecl):
                continue
            target = self._find(mod, item)
            if target is None:
                continue
            alias = item.alias or Path(item.path).stem
            if not alias.isidentifier():
                self._err(mod, item, f"cannot name the import {item.path!r} by its file name; add `as NAME`")
                continue
            if alias in mod.imports:
                self._err(mod, item, f"the name {alias!r} is already used by another import")
                continue
            mod.imports[alias] = target

    def _find(self, mod: Module, item: ast.ImportDecl):
        path = item.path
        if path.startswith("./") or path.startswith("../"):
            if not path.endswith(".contract"):
                # Only source files: never read (and quote in errors) some other file of the machine.
                self._err(mod, item, f"bad import {path!r}: a relative import names a .contract file")
                return None
            base = mod.real.parent if mod.real is not None else Path.cwd() / Path(mod.file).parent
            real = (base / path).resolve()
            shown = _display(mod.file, path)
        else:
            if not path.replace("_", "a").isalnum():
                self._err(mod, item, f"bad import {path!r}: use a standard library name like \"math\" or a relative path like \"./lib.contract\"")
                return None
            found = stdlib_path(path)
            if found is None:
                self._err(mod, item, f"no standard library module named {path!r}")
                return None
            real = found.resolve()
            shown = f"stdlib/{path}.contract"
        for i, loading in enumerate(self._loading):
            if loading.real == real:
                chain = " -> ".join(m.file for m in self._loading[i:]) + f" -> {shown}"
                self._err(mod, item, f"import cycle: {chain}")
                return None
        if real in self.by_real:
            return self.by_real[real]
        if len(self._loading) >= MAX_IMPORT_DEPTH:
            self._err(mod, item, f"imports nest too deeply (more than {MAX_IMPORT_DEPTH} files, each importing the next)", Kind.LIMIT)
            return None
        if len(self.modules) >= MAX_FILES:
            self._err(mod, item, f"too many files in one compilation (at most {MAX_FILES})", Kind.LIMIT)
            return None
        try:
            if real.exists() and not real.is_file():
                self._err(mod, item, f"cannot read {shown}: not a regular file")
                return None
            if real.stat().st_size > 4_000_000:
                self._err(mod, item, f"{shown} is larger than 4000000 bytes", Kind.LIMIT)
                return None
            data = real.read_bytes()
        except OSError as exc:
            self._err(mod, item, f"cannot read {shown}: {exc.strerror or exc}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self._err(mod, item, f"{shown} is not UTF-8 text")
            return None
        tree = parse(text, shown, self.reporter)
        target = Module(shown, real, tree, self._prefix(item.alias or Path(path).stem))
        self.by_real[real] = target
        self.modules.append(target)
        self._loading.append(target)
        self._resolve_imports(target)
        self._loading.pop()
        return target
