"""Constants, stack shuffling and locals (locals sit at the bottom of the frame's stack list)."""
from __future__ import annotations


def push_const(s, value):
    """PUSH_CONST: the constant itself is predecoded as the argument."""
    s.append(value)


def push_int(s, value):
    s.append(value)


def push_true(s, _):
    s.append(True)


def push_false(s, _):
    s.append(False)


def pop(s, _):
    s.pop()


def dup(s, _):
    s.append(s[-1])


def over(s, _):
    s.append(s[-2])


def swap(s, _):
    s[-1], s[-2] = s[-2], s[-1]


def load(s, slot):
    s.append(s[slot])


def store(s, slot):
    s[slot] = s.pop()


HANDLERS = {
    "PUSH_CONST": push_const,
    "PUSH_INT": push_int,
    "PUSH_TRUE": push_true,
    "PUSH_FALSE": push_false,
    "POP": pop,
    "DUP": dup,
    "OVER": over,
    "SWAP": swap,
    "LOAD": load,
    "STORE": store,
}
