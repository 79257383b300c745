"""Hypothesis strategies for every ABI type: the values a contract function accepts, edge cases included.

    from obelisk.testing import strategies as ost
    @given(ost.ints(min_value=0), ost.addresses())
    @given(ost.arguments(token.transfer))     # a tuple that fits the function's parameters
"""
from __future__ import annotations

from hypothesis import strategies as st

from vm import limits
from vm.abi import struct_class
from vm.values import INT_MAX, INT_MIN, Address

# Strings and bytes far below the VM's value limit by default: hypothesis shrinks
# better on short values, and a call's gas grows with every byte.
DEFAULT_MAX_SIZE = 256


def ints(min_value: int = INT_MIN, max_value: int = INT_MAX):
    """Contract ints: signed 256-bit; hypothesis tries the bounds and zero often."""
    if not INT_MIN <= min_value <= max_value <= INT_MAX:
        raise ValueError(f"ints() bounds must satisfy {INT_MIN} <= min_value <= max_value <= {INT_MAX}")
    edges = [v for v in (min_value, max_value, 0, 1, -1) if min_value <= v <= max_value]
    return st.one_of(st.sampled_from(edges), st.integers(min_value, max_value))


def bools():
    return st.booleans()


def addresses(pool=None):
    """Any 20-byte Address, or one of `pool` (e.g. the dev accounts' addresses) when given."""
    if pool is not None:
        return st.sampled_from([Address(getattr(a, "address", a)) for a in pool])
    return st.binary(min_size=20, max_size=20).map(Address)


def byte_strings(max_size: int = DEFAULT_MAX_SIZE):
    return st.binary(max_size=min(max_size, limits.MAX_VALUE_SIZE))


def strings(max_size: int = DEFAULT_MAX_SIZE):
    """Text that is valid UTF-8 (no lone surrogates), up to max_size characters."""
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=min(max_size, limits.MAX_VALUE_SIZE // 4))


def structs(t, max_size: int = DEFAULT_MAX_SIZE):
    """Values of a struct type ("struct", NAME, ((FIELD, TYPE), ...)), named like the library returns them."""
    cls = struct_class(t)
    return st.tuples(*(strategy(ft, max_size) for _, ft in t[2])).map(cls)


def strategy(t, max_size: int = DEFAULT_MAX_SIZE):
    """The strategy for an ABI type as code objects describe it ("int", ..., a struct type)."""
    if t == "int":
        return ints()
    if t == "bool":
        return bools()
    if t == "address":
        return addresses()
    if t == "bytes":
        return byte_strings(max_size)
    if t == "string":
        return strings(max_size)
    if isinstance(t, (tuple, list)) and t and t[0] == "struct":
        return structs(t, max_size)
    raise ValueError(f"no strategy for the type {t!r}: ABI types are int, bool, address, bytes, string and structs")


def arguments(function, max_size: int = DEFAULT_MAX_SIZE):
    """Tuples of arguments for a function: a handle's method (token.transfer) or a vm.code.Function."""
    fn = getattr(function, "fn", function)
    return st.tuples(*(strategy(pt, max_size) for _, pt in fn.params))


__all__ = ["ints", "bools", "addresses", "byte_strings", "strings", "structs", "strategy", "arguments"]
