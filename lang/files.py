"""Reading source files safely: regular files only, bounded in size, and imports kept inside their roots.

Nothing here ever puts a file's content into a message: a refused file is named
by the path its importer wrote, with the reason in plain words.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Refused before reading (the parser's own bound is 1,000,000 characters).
MAX_SOURCE_FILE_BYTES = 4_000_000


class Unreadable(Exception):
    """Why a source file is not read; `limit` marks a size bound rather than a file that cannot be read."""

    def __init__(self, why: str, limit: bool = False):
        super().__init__(why)
        self.why = why
        self.limit = limit


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or type(exc).__name__


def resolve(path) -> Path:
    """The real path of an existing file, every symlink followed; Unreadable for a loop or a missing file."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        raise Unreadable(_why(exc)) from None
    except ValueError:  # a NUL byte in the path
        raise Unreadable("the path holds a NUL byte") from None


def within(real: Path, roots) -> bool:
    """Whether a resolved path lies inside one of the (resolved) root directories."""
    return any(real == root or real.is_relative_to(root) for root in roots)


def read_regular(path) -> bytes:
    """The bytes of a regular file of at most MAX_SOURCE_FILE_BYTES.

    The type is checked before opening (opening a device or a FIFO can block or
    act), the file is opened without blocking, and checked again on the open
    descriptor in case it was swapped in between. No more than the size the file
    claims is read: a pseudo-file (/proc/self/environ claims 0 bytes) reads empty.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise Unreadable("not a regular file")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise Unreadable("not a regular file")
            if st.st_size > MAX_SOURCE_FILE_BYTES:
                raise Unreadable(f"larger than {MAX_SOURCE_FILE_BYTES} bytes", limit=True)
            chunks, total = [], 0
            while total < st.st_size:
                chunk = os.read(fd, min(1 << 20, st.st_size - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)
    except OSError as exc:
        raise Unreadable(_why(exc)) from None
    except ValueError:  # a NUL byte in the path
        raise Unreadable("the path holds a NUL byte") from None
