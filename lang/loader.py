"""Finds and parses a file and everything it imports: stdlib names, relative paths, aliases, cycles.

An import reaches only regular files inside the compiled file's directory, the
standard library and the search paths the caller gives (checked after every
symlink is followed); anything else is a located error that quotes nothing of it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import ast
from .errors import Kind
from .files import Unreadable, read_regular, resolve, within
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


def stdlib_path(name: str, dirs=STDLIB_DIRS) -> Path | None:
    """The first DIR/NAME.contract that is a file, in the order of `dirs`."""
    for d in dirs:
        p = Path(d) / f"{name}.contract"
        if p.is_file():
            return p
    return None


def _display(base_file: str, rel: str) -> str:
    joined = os.path.normpath(os.path.join(os.path.dirname(base_file), rel))
    return joined.replace(os.sep, "/")


class Loader:
    """Loads a root source and its imports; every problem goes to the reporter."""

    def __init__(self, reporter, search_paths=()):
        self.reporter = reporter
        self.search_paths = tuple(Path(p) for p in search_paths)
        self.roots: tuple = ()  # resolved directories imports may reach, set by load_root
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
        project = real.parent if real is not None else Path.cwd() / Path(file).parent
        roots = [project, *STDLIB_DIRS, *self.search_paths]
        self.roots = tuple(Path(os.path.realpath(d)) for d in roots)
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
            found = base / path
            shown = _display(mod.file, path)
        else:
            if not path.replace("_", "a").isalnum():
                self._err(mod, item, f"bad import {path!r}: use a standard library name like \"math\" or a relative path like \"./lib.contract\"")
                return None
            found = stdlib_path(path) or stdlib_path(path, self.search_paths)
            if found is None:
                where = " or the search paths" if self.search_paths else ""
                self._err(mod, item, f"no standard library module named {path!r}{where}")
                return None
            shown = f"stdlib/{path}.contract" if found.parent in STDLIB_DIRS else found.as_posix()
        try:
            real = resolve(found)
        except Unreadable as exc:
            self._err(mod, item, f"cannot read {shown}: {exc.why}")
            return None
        if not within(real, self.roots):
            self._err(mod, item, f"cannot import {shown}: it lies outside the compiled file's directory, the standard library and the search paths")
            return None
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
            data = read_regular(real)
        except Unreadable as exc:
            if exc.limit:
                self._err(mod, item, f"{shown} is {exc.why}", Kind.LIMIT)
            else:
                self._err(mod, item, f"cannot read {shown}: {exc.why}")
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
