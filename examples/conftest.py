"""Shared fixtures for the example tests: compiled examples and helpers.

The chain is the Obelisk pytest plugin's `devnet` (one chain, each test inside a
snapshot rolled back when it ends); `reverts` comes from obelisk.testing."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import lang

EXAMPLES = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def artifact(name: str, contract: str | None = None):
    """The compiled examples/<name>.contract (compiled once per test run)."""
    return lang.compile_file(str(EXAMPLES / f"{name}.contract"), contract=contract)


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
def net(devnet):
    """The plugin's dev chain, as the examples call it; every test finds it as new."""
    assert devnet.height == 0
    return devnet


@pytest.fixture(name="artifact", scope="session")
def artifact_fixture():
    return artifact


@pytest.fixture(name="advance", scope="session")
def advance_fixture():
    return advance


@pytest.fixture(name="events", scope="session")
def events_fixture():
    return events
