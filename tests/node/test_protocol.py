"""The peer wire protocol: round trips, bounds checked before decoding, canonical only, garbage never escapes."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from obelisk.node import protocol as P

H = b"\x07" * 32

MESSAGES = [
    (P.STATUS, [H, 5, 2**200]),
    (P.INV_TX, [[H, b"\x01" * 32]]),
    (P.GET_TX, [9, [H]]),
    (P.TXS, [9, [b"\x93\x01\x02\x03"]]),
    (P.INV_BLOCK, [H, 1, 16]),
    (P.GET_HEADERS, [1, [H], 2000]),
    (P.HEADERS, [1, [b"\x01" * 300]]),
    (P.GET_BLOCKS, [2, [H] * 32]),
    (P.BLOCKS, [2, [b"\x02" * 1000]]),
    (P.GET_ADDR, []),
    (P.ADDR, [["127.0.0.1:7710", "example.org:1"]]),
    (P.AUTH, [b"\x05" * 64]),
]


@pytest.mark.parametrize("kind,fields", MESSAGES)
def test_each_message_round_trips(kind, fields):
    got_kind, got = P.decode(P.encode(kind, *fields))
    assert got_kind == kind and list(got) == fields


def test_hello_round_trips():
    h = P.Hello(1, 1337, H, H, 3, 48, b"\x09" * 32, b"\x0a" * 32, 7710)
    assert P.decode(P.hello(h)) == (P.HELLO, h)


@pytest.mark.parametrize("data,oversized", [
    (b"\x92\x03" + b"\x00" * 40_000, True),                 # over inv_tx's bound: refused from two bytes
    (b"\x92\x0b" + b"\x00" * 100, True),                    # get_addr carries nothing
    (P.encode(P.INV_TX, [H])[:-1], False),                  # truncated
    (P.encode(P.INV_TX, [H]) + b"\x00", False),             # trailing bytes
    (b"\x92\x03\xdc\x00\x01\xc4\x20" + H, False),           # non-canonical array header
    (b"\x92\x63\x90", False),                               # unknown type
    (P.encode(P.INV_TX, [H])[:2] + b"\x91\xc4\x1f" + H[:31], False),  # a hash of 31 bytes
    (b"\x81\x01\x02", False),                               # a map
    (P.encode(P.ADDR, [["no-port"]]) if False else b"\x92\x0c\x91\xa7no-port", False),
])
def test_malformed_and_oversized_are_refused(data, oversized):
    with pytest.raises(P.ProtocolError) as exc:
        P.decode(data)
    assert exc.value.oversized == oversized


def test_too_many_items_is_oversized():
    data = b"\x92\x03\xdd" + (1025).to_bytes(4, "big") + (b"\xc4\x20" + H) * 1025
    with pytest.raises(P.ProtocolError):
        P.decode(data)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=600))
def test_garbage_never_raises_anything_but_protocol_error(data):
    try:
        P.decode(data)
    except P.ProtocolError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MESSAGES), st.integers(0, 200), st.binary(min_size=1, max_size=4))
def test_mutated_messages_never_raise_anything_but_protocol_error(msg, pos, junk):
    data = bytearray(P.encode(msg[0], *msg[1]))
    pos %= len(data)
    data[pos:pos + len(junk)] = junk
    try:
        P.decode(bytes(data))
    except P.ProtocolError:
        pass
