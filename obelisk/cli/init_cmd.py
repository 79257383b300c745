"""`obelisk init DIR`: a starter project (a contract, a test using the pytest plugin, a README) that passes pytest at once."""
from __future__ import annotations

import os

import click

from .options import EXIT_OK, CliError, command
from .render import emit

COUNTER = '''// A counter anyone can add to, and only its owner can reset.
contract Counter {
    storage owner: address;
    storage count: int;

    event Added(by: address, amount: int, total: int);

    init(start: int) {
        owner = msg.sender;
        count = start;
    }

    pub fn add(amount: int) -> int {
        require(amount > 0, "amount must be positive");
        count += amount;
        emit Added(msg.sender, amount, count);
        return count;
    }

    pub fn reset() {
        require(msg.sender == owner, "only the owner");
        count = 0;
    }

    pub view fn get() -> int {
        return count;
    }
}
'''

TEST = '''"""Tests for Counter: the fixtures `devnet` and `accounts` come from Obelisk's pytest plugin.

Each test runs inside a snapshot of one shared dev chain that is rolled back
when it ends, so the module fixture's deployment is there and nothing else.
"""
import pytest
from hypothesis import given, settings

from obelisk.testing import reverts, strategies

PROJECT = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def counter(devnet):
    return devnet.deploy(PROJECT / "contracts" / "counter.contract", 10)


def test_add_returns_the_total_and_logs_it(counter, accounts):
    receipt = counter.add(5, sender=accounts[1])
    assert receipt.value == 15
    assert [(e.name, e.args["total"]) for e in receipt.logs] == [("Added", 15)]
    assert counter.get() == 15


def test_each_test_starts_from_the_deployment(counter):
    assert counter.get() == 10


def test_only_the_owner_resets(counter, accounts):
    with reverts("only the owner"):
        counter.reset(sender=accounts[1])
    counter.reset(sender=accounts[0])
    assert counter.get() == 0


@settings(max_examples=20, deadline=None)
@given(amount=strategies.ints(max_value=0))
def test_amounts_must_be_positive(counter, amount):
    with reverts("amount must be positive"):
        counter.add(amount)
'''

README = '''# {name}

An Obelisk contract project made by `obelisk init`.

    contracts/counter.contract   the contract
    tests/test_counter.py        its tests (pytest, with Obelisk's plugin)

Run the tests (they need pytest and hypothesis: `pip install "obelisk[dev]"`):

    pytest
    pytest --gas-report
    pytest --gas-snapshot .gas-snapshot     # write it once, then every run checks it

Deploy it to a local dev chain and call it:

    obelisk deploy contracts/counter.contract 10
    obelisk call ADDRESS add 5
    obelisk trace TX                          # the call tree of a transaction
'''

FILES = {
    os.path.join("contracts", "counter.contract"): COUNTER,
    os.path.join("tests", "test_counter.py"): TEST,
    "README.md": README,
    # Tests import their helpers by path, not as a package.
    "pytest.ini": "[pytest]\ntestpaths = tests\naddopts = --import-mode=importlib\n",
}


@command("init")
@click.argument("directory", metavar="DIR")
def init_cmd(state, directory):
    """Write a starter project in DIR (a contract, a test using the pytest plugin, a README); `pytest` passes in it at once."""
    clashes = [rel for rel in FILES if os.path.exists(os.path.join(directory, rel))]
    if clashes:
        raise CliError(f"{directory}: would overwrite {', '.join(sorted(clashes))}; nothing was written")
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise CliError(f"{directory}: not a directory")
    written = []
    try:
        for rel, text in FILES.items():
            path = os.path.join(directory, rel)
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "x", encoding="utf-8") as f:
                f.write(text.format(name=os.path.basename(os.path.abspath(directory))) if rel == "README.md" else text)
            written.append(path)
    except OSError as exc:
        raise CliError(f"cannot write the project in {directory}: {exc.strerror}") from None
    doc = {"directory": directory, "files": written}
    emit(state, doc, lambda: click.echo(f"created {directory}: " + ", ".join(sorted(FILES)) + "\nnext: cd "
                                        f"{directory} && pytest"))
    return EXIT_OK


COMMANDS = [init_cmd]
