"""Source lines named by a code object's file table, read safely: the names may come from anyone's deployed code."""
from __future__ import annotations

import os
import stat

_MAX_SOURCE_FILE = 4 * 1024 * 1024  # a source file this large is not one we compiled


def source_lines(path: str, cache: dict):
    """The lines of a source file named in a line table, or None when it cannot be read now.

    The names come from code that may be anyone's (disasm of an address): only
    regular files of bounded size are read, so no name can make this hang."""
    if path not in cache:
        real = path
        if not os.path.isfile(path) and path.startswith("stdlib/") and path.endswith(".contract"):
            # The compiler names stdlib modules "stdlib/NAME.contract" wherever they are installed.
            from lang.loader import stdlib_path

            name = path[len("stdlib/") : -len(".contract")]
            found = stdlib_path(name) if name.isidentifier() else None
            real = str(found) if found is not None else path
        data = read_source_file(real)
        cache[path] = None if data is None else data.decode("utf-8", errors="replace").split("\n")
    return cache[path]


def read_source_file(path: str) -> bytes | None:
    """The bytes of a regular, non-empty file of bounded size, else None.

    Pseudo-files (/proc/kmsg blocks forever, /proc/self/environ holds the
    reader's secrets) report size 0 and are skipped; the open cannot block
    (O_NONBLOCK) and the checks are made on the file actually opened."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError):  # ValueError: a name with a NUL byte
        return None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= _MAX_SOURCE_FILE:
                return None
            data = f.read(_MAX_SOURCE_FILE + 1)
        except OSError:
            return None
    return data if len(data) <= _MAX_SOURCE_FILE else None
