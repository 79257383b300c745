"""The stdlib modules written for the examples (ownable, commit, bytesutil), run on the VM without a chain."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings, strategies as st

import lang
import vm
from vm.values import Address

PROBE = """
import "ownable";
import "commit";
import "bytesutil";

contract Probe {
    pub fn owner_check(owner: address, caller: address) -> bool {
        ownable.require_owner(owner, caller);
        return true;
    }
    pub fn nonzero(who: address) -> bool {
        ownable.require_nonzero(who);
        return true;
    }
    pub fn seal(value: bytes, salt: bytes) -> bytes { return commit.seal(value, salt); }
    pub fn opens(sealed: bytes, value: bytes, salt: bytes) -> bool { return commit.opens(sealed, value, salt); }
    pub fn is_hash(b: bytes) -> bool { return commit.is_hash(b); }
    pub fn uint_at(b: bytes, start: int, size: int) -> int { return bytesutil.uint_at(b, start, size); }
    pub fn address_count(b: bytes) -> int { return bytesutil.address_count(b); }
    pub fn address_at(b: bytes, i: int) -> address { return bytesutil.address_at(b, i); }
}
"""


@pytest.fixture(scope="module")
def code():
    return lang.compile_source(PROBE, filename="probe.contract").bytecode


def run(code, fn, *args):
    r = vm.execute(code, fn, list(args))
    return r.value if r.success else ("revert", r.reason)


def test_ownable(code):
    a, b = Address(7), Address(8)
    assert run(code, "owner_check", a, a) is True
    assert run(code, "owner_check", a, b) == ("revert", "caller is not the owner")
    assert run(code, "nonzero", a) is True
    assert run(code, "nonzero", Address(0)) == ("revert", "zero address")


@settings(max_examples=30, deadline=None)
@given(value=st.binary(min_size=32, max_size=32), salt=st.binary(min_size=16, max_size=48))
def test_commit_opens_exactly_its_own_seal(code, value, salt):
    sealed = run(code, "seal", value, salt)
    assert sealed == hashlib.sha256(value + salt).digest()
    assert run(code, "opens", sealed, value, salt) is True
    flipped = bytes([value[0] ^ 1]) + value[1:]
    assert run(code, "opens", sealed, flipped, salt) is False
    assert run(code, "opens", sealed, value, salt + b"\x00") is False


def test_commit_refuses_short_salts_and_odd_values(code):
    value = hashlib.sha256(b"result").digest()
    short = b"0123456789abcde"  # 15 bytes: guessable, so never accepted
    assert run(code, "opens", hashlib.sha256(value + short).digest(), value, short) is False
    # A 31-byte value with a salt that starts with the missing byte gives the same
    # bytes to hash, but is a different (value, salt) split: refused.
    salt = b"x" * 16
    sealed = hashlib.sha256(value + salt).digest()
    assert run(code, "opens", sealed, value[:31], value[31:] + salt) is False
    assert run(code, "is_hash", value) is True
    assert run(code, "is_hash", value[:31]) is False


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=64), start=st.integers(-2, 70) | st.just(2**255 - 1),
       size=st.integers(-2, 31) | st.just(2**255 - 1))
def test_uint_at_reads_big_endian(code, data, start, size):
    got = run(code, "uint_at", data, start, size)
    if 0 <= start and 0 <= size and start + size <= len(data):
        assert got == int.from_bytes(data[start:start + size], "big")
    else:
        assert got == ("revert", "index out of range")


@settings(max_examples=20, deadline=None)
@given(addrs=st.lists(st.binary(min_size=20, max_size=20), max_size=5), extra=st.integers(0, 19))
def test_addresses_come_out_as_packed(code, addrs, extra):
    packed = b"".join(addrs)
    assert run(code, "address_count", packed) == len(addrs)
    for i, a in enumerate(addrs):
        assert run(code, "address_at", packed, i) == Address(a)
    for beyond in (len(addrs), -1, 2**255 - 1):
        assert run(code, "address_at", packed, beyond) == ("revert", "index out of range")
    if extra:
        assert run(code, "address_count", packed + b"\x00" * extra) == ("revert", "not a list of addresses")


def test_uint_at_32_bytes_fits_only_below_the_sign_bit(code):
    assert run(code, "uint_at", b"\x7f" + b"\xff" * 31, 0, 32) == 2**255 - 1
    assert run(code, "uint_at", b"\x80" + b"\x00" * 31, 0, 32) == ("revert", "integer overflow")
