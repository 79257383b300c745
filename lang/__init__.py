"""The Obelisk contract language: source -> checked AST -> VM code, as an Artifact.

Public API: compile_source, compile_file, emit_file, Artifact, CompileError,
InternalCompilerError.
"""
from __future__ import annotations

from .artifact import Artifact
from .errors import CompileError, Diagnostic, InternalCompilerError

__all__ = ["compile_source", "compile_file", "emit_file", "Artifact", "CompileError", "InternalCompilerError", "Diagnostic"]


def compile_source(src, filename: str = "<source>", contract: str | None = None, search_paths=()) -> Artifact:
    """Compile source text; `filename` is what errors and source spans show (and where relative imports start)."""
    from .compiler import compile_text

    return compile_text(src, filename, None, contract, search_paths)


def compile_file(path, contract: str | None = None, search_paths=(), filename: str | None = None) -> Artifact:
    """Compile a .contract file: the contract named `contract`, else the only one, else the last.

    Imports reach files in the file's directory (and below), the standard
    library, and the directories in `search_paths` (which also serve `import "NAME"`).
    `filename` is what errors and the code's source spans show (default: `path` as
    given); name the file without its directory for code that must not depend on
    where the project sits (the code's bytes carry it)."""
    from .compiler import compile_text, read_source

    data, real = read_source(path)
    return compile_text(data, str(path) if filename is None else filename, real, contract, search_paths)


def emit_file(path, stage: str, contract: str | None = None, search_paths=()) -> str:
    """The text of one pipeline stage for a file: "ast", "ir" or "asm"."""
    from .compiler import emit_text, read_source

    data, real = read_source(path)
    return emit_text(data, str(path), real, stage, contract, search_paths)
