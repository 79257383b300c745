"""stdlib/math.contract against Python's exact integers, through the compiler and the VM."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lang
import vm
from vm.values import INT_MAX, INT_MIN

SRC = """
import "math";
contract M {
    pub fn isqrt(n: int) -> int { return math.isqrt(n); }
    pub fn mul_div(a: int, b: int, c: int) -> int { return math.mul_div(a, b, c); }
    pub fn mul_div_up(a: int, b: int, c: int) -> int { return math.mul_div_up(a, b, c); }
    pub fn pow_mod(b: int, e: int, m: int) -> int { return math.pow_mod(b, e, m); }
    pub fn clamp(x: int, lo: int, hi: int) -> int { return math.clamp(x, lo, hi); }
}
"""
CODE = lang.compile_source(SRC, filename="m.contract").bytecode
ints = st.integers(INT_MIN, INT_MAX)


def run(fn, *args, gas=50_000_000):
    return vm.execute(CODE, fn, list(args), gas=gas)


def trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.integers(0, 10**6), st.integers(0, INT_MAX)))
def test_isqrt_is_the_floor_square_root(n):
    r = run("isqrt", n)
    assert r.success and r.value * r.value <= n < (r.value + 1) ** 2


@settings(max_examples=80, deadline=None)
@given(ints, ints, ints.filter(lambda c: c != 0))
def test_mul_div_rounds_toward_zero_without_intermediate_overflow(a, b, c):
    exact = trunc_div(a * b, c)
    r = run("mul_div", a, b, c)
    if INT_MIN <= exact <= INT_MAX and abs(c) < 2**127:
        assert r.success and r.value == exact
    elif r.success:  # where it succeeds, it is exact
        assert r.value == exact
    else:
        assert r.reason == "integer overflow"


@settings(max_examples=40, deadline=None)
@given(ints, st.integers(0, 2**20), st.one_of(st.integers(1, 10**9), st.integers(1, 2**126)))
def test_pow_mod_matches_python(b, e, m):
    r = run("pow_mod", b, e, m)
    assert r.success and r.value == pow(b, e, m)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([INT_MIN, INT_MIN + 1, -1, 0, 1, INT_MAX]) | ints,
    st.sampled_from([INT_MIN, -2, -1, 0, 1, 2, INT_MAX]) | ints,
    st.sampled_from([INT_MIN, -4, -1, 1, 2, 4, INT_MAX]),
)
def test_mul_div_at_the_ends_of_the_range(a, b, c):
    exact = trunc_div(a * b, c)
    r = run("mul_div", a, b, c)
    if INT_MIN <= exact <= INT_MAX and abs(c) < 2**127:
        assert r.success and r.value == exact, (a, b, c, r.reason)
    elif r.success:
        assert r.value == exact
    else:
        assert r.reason == "integer overflow"


def away_div(a, b):
    q = -(-abs(a) // abs(b))
    return q if (a < 0) == (b < 0) else -q


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from([INT_MIN, -7, -1, 0, 1, 7, INT_MAX]) | ints | st.integers(-1000, 1000),
    st.sampled_from([INT_MIN, -3, -1, 0, 1, 3, INT_MAX]) | ints | st.integers(-1000, 1000),
    st.sampled_from([-4, -3, -1, 1, 2, 3, 2**126]) | st.integers(-(2**126), 2**126).filter(lambda c: c != 0),
)
def test_mul_div_up_rounds_away_from_zero(a, b, c):
    exact = away_div(a * b, c)
    r = run("mul_div_up", a, b, c)
    if INT_MIN <= exact <= INT_MAX and INT_MIN <= trunc_div(a * b, c) <= INT_MAX:
        assert r.success and r.value == exact, (a, b, c, r.reason)
    else:
        assert not r.success and r.reason == "integer overflow"


def test_mul_div_of_the_smallest_int():
    assert run("mul_div", INT_MIN, 1, 1).value == INT_MIN
    assert run("mul_div", INT_MIN, -1, -1).value == INT_MIN
    assert run("mul_div", INT_MIN, 0, -1).value == 0
    assert run("mul_div", INT_MIN, 2, 4).value == INT_MIN // 2
    assert run("mul_div", INT_MIN, 1, -1).reason == "integer overflow"


@settings(max_examples=40, deadline=None)
@given(ints, st.integers(0, 2**20), st.integers(2**126, 2**130))
def test_pow_mod_with_moduli_around_2_to_the_128(b, e, m):
    r = run("pow_mod", b, e, m)
    assert r.success and r.value == pow(b, e, m)


def test_pow_mod_with_a_modulus_near_the_top_of_the_range():
    m = 2**255 - 19
    r = run("pow_mod", 3, 2**64 + 1, m)
    assert r.success and r.value == pow(3, 2**64 + 1, m)


@settings(max_examples=60, deadline=None)
@given(ints, ints, ints)
def test_clamp(x, lo, hi):
    r = run("clamp", x, lo, hi)
    if lo > hi:
        assert r.reason == "clamp: lo > hi"
    else:
        assert r.success and r.value == min(max(x, lo), hi)
