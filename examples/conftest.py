"""Shared fixtures for the example tests: a fresh dev chain, compiled examples, helpers."""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest

import lang
import obelisk

EXAMPLES = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def artifact(name: str, contract: str | None = None):
    """The compiled examples/<name>.contract (compiled once per test run)."""
    return lang.compile_file(str(EXAMPLES / f"{name}.contract"), contract=contract)


@contextmanager
def reverted(reason: str):
    """Expects the block to raise obelisk.Reverted with exactly this reason."""
    with pytest.raises(obelisk.Reverted) as info:
        yield info
    assert info.value.reason == reason


def advance(net, blocks: int) -> None:
    """Mines `blocks` empty blocks, so block-number deadlines pass. (The next
    transaction then runs in block net.height + 1.)"""
    target = net.height + blocks
    net.mine(blocks)
    assert net.height == target


def events(receipt, name: str | None = None):
    """The receipt's events as (name, args) pairs, optionally of one name only."""
    return [(e.name, e.args) for e in receipt.logs if name is None or e.name == name]


@pytest.fixture
def net():
    return obelisk.Devnet()


@pytest.fixture(name="artifact", scope="session")
def artifact_fixture():
    return artifact


@pytest.fixture(name="reverted", scope="session")
def reverted_fixture():
    return reverted


@pytest.fixture(name="advance", scope="session")
def advance_fixture():
    return advance


@pytest.fixture(name="events", scope="session")
def events_fixture():
    return events
