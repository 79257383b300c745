"""The VM's outcomes that are not a normal return: reverts, faults and invalid code.

A revert keeps the unused gas; a fault consumes all of it. Both undo every
change of the call. `ValidationError` is raised before any code runs.
"""
from __future__ import annotations


class VMError(Exception):
    """A run that ended without returning; `reason` is the user-facing text."""

    kind = "error"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Revert(VMError):
    """The contract (or a checked operation) gave up: unused gas is kept."""

    kind = "revert"


class Fault(VMError):
    """The code did something it must not (type error, out of gas, a limit): all gas is consumed."""

    kind = "fault"


class HostError(Exception):
    """The host failed (a damaged database, a lost connection): not the contract's doing.

    A host raises it (or a subclass) from any of its methods; the VM never
    catches it. The call's own writes are rolled back to its snapshot, then the
    exception propagates unchanged out of vm.call, vm.deploy and vm.execute, so
    a broken store can never turn into a receipt.
    """


class ValidationError(ValueError):
    """Code that fails load-time validation; it never runs."""

    def __init__(self, message: str, *, function: str | None = None, offset: int | None = None):
        where = []
        if function is not None:
            where.append(f"function {function}")
        if offset is not None:
            where.append(f"offset {offset}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.message = message
        self.function = function
        self.offset = offset


def short_name(name) -> str:
    """A name as it may appear in a reason: reasons land in receipts, and names
    come from code objects or callers, so they are cut to 64 characters."""
    text = name if isinstance(name, str) else repr(name)[:80]
    return text if len(text) <= 64 else text[:64] + "..."


def short_text(text: str, limit: int = 300) -> str:
    """A message built from a code object's contents (a validation error), cut for a reason."""
    return text if len(text) <= limit else text[:limit] + "..."


def type_error(what: str) -> Fault:
    return Fault(f"type error: {what}")


def kind_of(v) -> str:
    """The VM type name of a value, for type-error messages."""
    t = type(v).__name__
    return {"int": "int", "bool": "bool", "bytes": "bytes", "str": "string", "Address": "address", "Struct": "struct"}.get(
        t, t
    )


# Every reason the VM itself gives, as (kind, text or text prefix ending in a
# space). REVERT gives the contract's own text. docs/vm.md explains each; a
# test holds this list, the source and the fixtures together.
REASONS = (
    ("revert", "integer overflow"),
    ("revert", "division by zero"),
    ("revert", "negative exponent"),
    ("revert", "shift out of range"),
    ("revert", "index out of range"),
    ("revert", "address out of range"),
    ("revert", "insufficient balance"),
    ("revert", "negative amount"),
    ("revert", "bad value"),
    ("revert", "not payable"),
    ("revert", "state change in a view call"),
    ("revert", "reentrancy"),
    ("revert", "no code at address"),
    ("revert", "no function "),
    ("revert", "no return value from "),
    ("revert", "bad arguments: "),
    ("revert", "bad return value: "),
    ("fault", "out of gas"),
    ("fault", "type error: "),
    ("fault", "value too large: "),
    ("fault", "value nested too deeply: "),
    ("fault", "storage key too large: "),
    ("fault", "memory limit exceeded: "),
    ("fault", "call depth exceeded: "),
    ("fault", "invalid code: "),
    ("fault", "invalid code at address: "),
    ("fault", "address already has code"),
)
