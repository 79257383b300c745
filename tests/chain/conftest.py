"""Fixtures for the chain tests, and small contracts built with vm.asm (no compiler needed).

Each instruction carries a span in a made-up file, so revert locations can be
checked exactly.
"""
import sys

import pytest

from vm.asm import FunctionAsm, Instr, Label, assemble
from vm.code import INIT, PAYABLE, PUB, REENTRANT, Event, VIEW
from vm.encoding import pack

BALANCES = pack(0)  # storage slot 0: map[address => int]
OTHER = pack(1)  # storage slot 1: an address


def I(op, arg=None, line=1, file="token.contract"):
    return Instr(op, arg, (file, line, 5))


def _require_balance(local_amount, line):
    # require(balances[msg.sender] >= amount, "insufficient balance")
    return [
        I("PUSH_CONST", BALANCES, line), I("CALLER", None, line), I("KEY", None, line), I("SLOAD", "int", line),
        I("LOAD", local_amount, line), I("GE", None, line), I("JUMP_IF_TRUE", f"ok{line}", line),
        I("PUSH_CONST", "insufficient balance", line), I("REVERT", None, line), Label(f"ok{line}"),
    ]


def _add_balance(who_ops, amount_ops, sign, line):
    # balances[who] += / -= amount
    return [I("PUSH_CONST", BALANCES, line), *who_ops, I("KEY", None, line), I("DUP", None, line),
            I("SLOAD", "int", line), *amount_ops, I("ADD" if sign > 0 else "SUB", None, line),
            I("SSTORE", None, line)]


def token():
    """Token: init(supply), transfer(to, amount) -> bool, balance_of(who) view -> int, event Transfer."""
    init = FunctionAsm("init", (("supply", "int"),), None, 1, INIT, [
        *_add_balance([I("CALLER", None, 3)], [I("LOAD", 0, 3)], +1, 3),
        I("PUSH_INT", 0, 4), I("TO_ADDR", None, 4), I("CALLER", None, 4), I("LOAD", 0, 4),
        I("EMIT", "Transfer", 4), I("RET", None, 4),
    ])
    transfer = FunctionAsm("transfer", (("to", "address"), ("amount", "int")), "bool", 2, PUB, [
        I("LOAD", 1, 7), I("PUSH_INT", 0, 7), I("GT", None, 7), I("JUMP_IF_TRUE", "pos", 7),
        I("PUSH_CONST", "amount must be positive", 7), I("REVERT", None, 7), Label("pos"),
        *_require_balance(1, 8),
        *_add_balance([I("CALLER", None, 9)], [I("LOAD", 1, 9)], -1, 9),
        *_add_balance([I("LOAD", 0, 10)], [I("LOAD", 1, 10)], +1, 10),
        I("CALLER", None, 11), I("LOAD", 0, 11), I("LOAD", 1, 11), I("EMIT", "Transfer", 11),
        I("PUSH_TRUE", None, 12), I("RET", None, 12),
    ])
    balance_of = FunctionAsm("balance_of", (("who", "address"),), "int", 1, PUB | VIEW, [
        I("PUSH_CONST", BALANCES, 15), I("LOAD", 0, 15), I("KEY", None, 15), I("SLOAD", "int", 15),
        I("RET", None, 15),
    ])
    # A view that tries to write: reverts "state change in a view call".
    bad_view = FunctionAsm("bad_view", (), "int", 0, PUB | VIEW, [
        I("PUSH_CONST", OTHER, 17), I("PUSH_INT", 1, 17), I("SSTORE", None, 17), I("PUSH_INT", 1, 17),
        I("RET", None, 17),
    ])
    # Uses the block environment so tests see the chain's block facts.
    block_info = FunctionAsm("block_info", (), "int", 0, PUB | VIEW, [
        I("BLOCK_NUMBER", None, 19), I("RET", None, 19),
    ])
    events = [Event("Transfer", (("sender", "address"), ("receiver", "address"), ("amount", "int")))]
    return assemble("Token", [init, transfer, balance_of, bad_view, block_info], events)


def bank():
    """Bank: payable deposit(), withdraw(amount), plus a non-payable ping(); the coin moves by TRANSFER."""
    f = "bank.contract"
    deposit = FunctionAsm("deposit", (), "int", 0, PUB | PAYABLE, [
        *_add_balance([I("CALLER", None, 3, f)], [I("CALLVALUE", None, 3, f)], +1, 3),
        I("CALLVALUE", None, 4, f), I("RET", None, 4, f),
    ])
    withdraw = FunctionAsm("withdraw", (("amount", "int"),), None, 1, PUB, [
        *_require_balance(0, 6),
        *_add_balance([I("CALLER", None, 7, f)], [I("LOAD", 0, 7, f)], -1, 7),
        I("CALLER", None, 8, f), I("LOAD", 0, 8, f), I("TRANSFER", None, 8, f), I("RET", None, 8, f),
    ])
    ping = FunctionAsm("ping", (), "int", 0, PUB, [I("PUSH_INT", 7, 10, f), I("RET", None, 10, f)])
    return assemble("Bank", [deposit, withdraw, ping], [])


def caller():
    """Caller: set_target(addr); forward(to, amount) calls target.transfer(to, amount) (a token)."""
    f = "caller.contract"
    init = FunctionAsm("init", (("target", "address"),), None, 1, INIT, [
        I("PUSH_CONST", OTHER, 2, f), I("LOAD", 0, 2, f), I("SSTORE", None, 2, f), I("RET", None, 2, f),
    ])
    forward = FunctionAsm("forward", (("to", "address"), ("amount", "int")), "bool", 2, PUB, [
        I("PUSH_CONST", OTHER, 4, f), I("SLOAD", "address", 4, f), I("PUSH_CONST", "transfer", 4, f),
        I("LOAD", 0, 4, f), I("LOAD", 1, 4, f), I("XCALL", 2, 4, f), I("RET", None, 4, f),
    ])
    # Calls back into whoever called it: a reentrancy attempt when that is a contract on the stack.
    poke = FunctionAsm("poke", (), "int", 0, PUB, [
        I("CALLER", None, 6, f), I("PUSH_CONST", "poke_back", 6, f), I("XCALL", 0, 6, f), I("RET", None, 6, f),
    ])
    return assemble("Caller", [init, forward, poke], [])


def reentrant_pair(reentrant_flag: bool):
    """Looper: start(other) calls other.poke(), which calls back looper.poke_back()."""
    f = "looper.contract"
    start = FunctionAsm("start", (("other", "address"),), "int", 1, PUB, [
        I("LOAD", 0, 2, f), I("PUSH_CONST", "poke", 2, f), I("XCALL", 0, 2, f), I("RET", None, 2, f),
    ])
    poke_back = FunctionAsm("poke_back", (), "int", 0, PUB | (REENTRANT if reentrant_flag else 0), [
        I("PUSH_INT", 42, 4, f), I("RET", None, 4, f),
    ])
    return assemble("Looper", [start, poke_back], [])


def spin():
    """Spin: loop() runs forever (out of gas: a fault that consumes all gas)."""
    f = "spin.contract"
    loop = FunctionAsm("loop", (), None, 0, PUB, [Label("top"), I("JUMP", "top", 2, f)])
    return assemble("Spin", [loop], [])


# --- fixtures ---------------------------------------------------------------

@pytest.fixture
def asm():
    """This module: the contract builders above."""
    return sys.modules[__name__]


@pytest.fixture
def net():
    import chain

    n = chain.Devnet()
    yield n
    n.close()
