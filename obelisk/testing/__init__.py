"""Testing contracts with pytest: `reverts`, hypothesis `strategies`, and the plugin (fixtures `devnet`, `accounts`, gas reports).

The plugin is registered through the `pytest11` entry point, so it is active
wherever Obelisk is installed; docs/testing.md is the guide.
"""
from __future__ import annotations

from contextlib import contextmanager


class RevertMismatch(AssertionError):
    """A `reverts` block that did not revert as expected; the message says what happened instead."""


class RevertInfo:
    """What `reverts` caught: `.value` (the Reverted), `.reason`, `.location`, `.receipt` (None for a view)."""

    value = reason = location = receipt = None

    def _fill(self, exc) -> None:
        self.value, self.reason, self.location, self.receipt = exc, exc.reason, exc.location, exc.receipt


def location_matches(actual: str | None, expected: str) -> bool:
    """`expected` names the revert's place: the whole file:line:col, or its end (a file name,
    with or without the directory) and line with or without the column."""
    if actual is None:
        return False
    candidates = {actual}
    path, _, col = actual.rpartition(":")
    if col.isdigit():
        candidates.add(path)  # file:line
    return any(c == expected or c.endswith("/" + expected) or c.endswith("\\" + expected) for c in candidates)


@contextmanager
def reverts(reason: str | None = None, *, location: str | None = None):
    """Passes when the block raises obelisk.Reverted with this reason (any reason when None) and,
    if given, at this location (see location_matches); else fails saying what happened instead.

        with reverts("insufficient balance", location="token.contract:31"):
            token.transfer(bob, 10**6)
    """
    from chain.results import Reverted

    info = RevertInfo()
    want = _describe(reason, location)
    try:
        yield info
    except Reverted as exc:
        info._fill(exc)
        problems = []
        if reason is not None and exc.reason != reason:
            problems.append(f"reason {exc.reason!r}")
        if location is not None and not location_matches(exc.location, location):
            problems.append(f"location {exc.location or 'unknown'}")
        if problems:
            raise RevertMismatch(f"expected a revert {want}, but it reverted with {' and '.join(problems)}"
                                 f"{_trace_text(exc)}") from exc
        return
    raise RevertMismatch(f"expected a revert {want}, but the block finished without reverting")


def _describe(reason, location) -> str:
    parts = []
    if reason is not None:
        parts.append(f"with reason {reason!r}")
    if location is not None:
        parts.append(f"at {location}")
    return " ".join(parts) or "(any reason)"


def _trace_text(exc) -> str:
    """The failing call's trace, when the revert came from a transaction or view call of an obelisk.Devnet."""
    try:
        return "\n\n" + exc.trace().render()
    except Exception:  # a trace is a help; never hide the real failure behind its error
        return ""


def __getattr__(name: str):
    if name == "strategies":
        import importlib

        return importlib.import_module("obelisk.testing.strategies")
    raise AttributeError(f"module 'obelisk.testing' has no attribute {name!r}")


__all__ = ["reverts", "RevertMismatch", "RevertInfo", "location_matches", "strategies"]
