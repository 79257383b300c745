"""Compile errors: located user errors rendered with a caret, kept apart from internal faults."""
from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass


_REORDERING = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _shown(ch: str) -> str:
    """A source character as printed under a message: control characters (a tab, a CR, an escape
    sequence meant for the terminal, a text-direction override) become one harmless column."""
    if ch == "\t":
        return " "
    if ch < " " or "\x7f" <= ch < "\xa0" or ch in _REORDERING:
        return "?"
    return ch


def _width(ch: str) -> int:
    """Terminal columns a character takes, so the caret stays under wide and combining characters."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Kind:
    """What sort of user error a diagnostic is: tools branch on this, never on the message's words."""

    SOURCE = "source"  # the file cannot be read, or is not UTF-8 text
    SYNTAX = "syntax"  # the text does not parse
    IMPORT = "import"  # an import cannot be resolved or loaded
    CHECK = "check"  # names, types and the language's rules
    LIMIT = "limit"  # a bound of the compiler or of the code format (too large, too deep, too many)

    ALL = (SOURCE, SYNTAX, IMPORT, CHECK, LIMIT)


@dataclass(frozen=True)
class Diagnostic:
    """One user error at FILE:LINE:COL (1-based), of one `Kind`."""

    file: str
    line: int
    column: int
    message: str
    source_line: str = ""
    kind: str = Kind.CHECK

    @property
    def col(self) -> int:
        return self.column

    def render(self) -> str:
        head = f"{self.file}:{self.line}:{self.column}: error: {self.message}"
        if not self.source_line:
            return head
        text = self.source_line
        # Keep the caret under the column even when the line is shown shortened.
        col = max(self.column, 1)
        if len(text) > 160:
            start = max(0, col - 80)
            text = ("..." if start else "") + text[start : start + 160]
            col = col - start + (3 if start else 0)
        text = "".join(map(_shown, text))
        pad = sum(_width(ch) for ch in text[: col - 1]) + max(0, col - 1 - len(text))
        return f"{head}\n    {text}\n    {' ' * pad}^"


class CompileError(Exception):
    """The source has errors; `.errors` lists every one found, in source order."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(d.render() for d in self.errors)


class InternalCompilerError(Exception):
    """A fault in the compiler itself, not in the user's source."""

    def __init__(self, detail: str, where: str = ""):
        self.detail = detail
        self.where = where
        loc = f" (while compiling {where})" if where else ""
        super().__init__(f"internal compiler error{loc}: {detail}; please report this as a bug")


MAX_SUGGESTIONS = 50  # "did you mean" searches per compilation: a flood of typos must not cost minutes
MAX_CANDIDATES = 2000  # names compared per search


class Reporter:
    """Collects diagnostics across files for one compilation."""

    def __init__(self):
        self.sources: dict = {}  # file -> list of lines
        self.errors: list = []
        self._seen: set = set()
        self._suggestions = 0

    def suggesting(self) -> bool:
        """Whether "did you mean" searches are still within their budget (ask before gathering names)."""
        return self._suggestions < MAX_SUGGESTIONS

    def close_name(self, name: str, candidates) -> str | None:
        """A known name spelt close to `name` (a likely typo), within a bounded budget of work."""
        if not self.suggesting():
            return None
        self._suggestions += 1
        near = sorted({c for c in candidates if abs(len(c) - len(name)) <= 2})
        if not near or len(near) > MAX_CANDIDATES:
            return None
        found = difflib.get_close_matches(name, near, n=1, cutoff=0.75)
        return found[0] if found else None

    def add_source(self, file: str, text: str) -> None:
        self.sources[file] = text.split("\n")

    def error(self, file: str, line: int, col: int, message: str, kind: str = Kind.CHECK) -> None:
        key = (file, line, col, message)
        if key in self._seen:
            return
        self._seen.add(key)
        lines = self.sources.get(file, [])
        src = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
        self.errors.append(Diagnostic(file, line, col, message, src, kind))

    def at(self, file: str, node, message: str, kind: str = Kind.CHECK) -> None:
        self.error(file, node.line, node.col, message, kind)

    def raise_if_any(self) -> None:
        if self.errors:
            order = {f: i for i, f in enumerate(self.sources)}
            # Source order reads best; the sort is stable, so one spot keeps its discovery order.
            ranked = sorted(self.errors, key=lambda d: (order.get(d.file, len(order)), d.line, d.column))
            raise CompileError(ranked)
