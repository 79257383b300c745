"""Disassembly with source: each new source location followed by its line, read safely from files anyone may name."""
from __future__ import annotations

from ..debug.sources import source_lines


def annotate(text: str, files) -> str:
    """vm.disassemble's text with, under each new source location (`.loc`), that source line."""
    cache: dict = {}
    out = []
    last = None
    for line in text.split("\n"):
        out.append(line)
        words = line.split()
        if len(words) >= 4 and words[0] == ".loc" and line.startswith("    ") and all(w.isdigit() for w in words[1:4]):
            fi, ln = int(words[1]), int(words[2])
            if fi < len(files) and (fi, ln) != last:
                last = (fi, ln)
                lines = source_lines(files[fi], cache)
                if lines is not None and 0 < ln <= len(lines):
                    out.append(f"    ;   {ln:>4} | {lines[ln - 1].rstrip()}")
    return "\n".join(out)
