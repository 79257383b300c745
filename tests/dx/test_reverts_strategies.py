"""obelisk.testing.reverts in-process, and the hypothesis strategies: every value they make crosses into a contract."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import RevertMismatch, location_matches, reverts
from obelisk.testing import strategies as ost
from vm import abi
from vm.code import decode

STRUCT = ("struct", "Job", (("client", "address"), ("price", "int"), ("done", "bool"),
                            ("note", "string"), ("blob", "bytes")))


@pytest.mark.parametrize("actual, expected, ok", [
    ("examples/token.contract:133:9", "examples/token.contract:133:9", True),
    ("examples/token.contract:133:9", "token.contract:133", True),
    ("examples/token.contract:133:9", "token.contract:133:9", True),
    ("examples/token.contract:133:9", "token.contract:13", False),
    ("examples/token.contract:133:9", "n.contract:133", False),
    (None, "token.contract:133", False),
])
def test_location_matching(actual, expected, ok):
    assert location_matches(actual, expected) is ok


def test_reverts_passes_and_hands_back_what_it_caught():
    with reverts("boom", location="x.contract:3") as info:
        raise obelisk.Reverted("boom", "src/x.contract:3:7", None)
    assert (info.reason, info.location, info.receipt) == ("boom", "src/x.contract:3:7", None)


@pytest.mark.parametrize("reason, location, message", [
    ("other", None, "expected a revert with reason 'other', but it reverted with reason 'boom'"),
    (None, "y.contract:3", "expected a revert at y.contract:3, but it reverted with location src/x.contract:3:7"),
])
def test_reverts_mismatch_messages(reason, location, message):
    with pytest.raises(RevertMismatch, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        with reverts(reason, location=location):
            raise obelisk.Reverted("boom", "src/x.contract:3:7", None)


def test_other_exceptions_pass_through():
    with pytest.raises(KeyError):
        with reverts():
            raise KeyError("x")


@settings(max_examples=60, deadline=None)
@given(ost.strategy("int"), ost.strategy("bool"), ost.strategy("address"), ost.strategy("bytes"),
       ost.strategy("string"), ost.strategy(STRUCT))
def test_every_strategy_value_fits_its_abi_type(i, b, a, by, s, sv):
    params = (("i", "int"), ("b", "bool"), ("a", "address"), ("by", "bytes"), ("s", "string"), ("st", STRUCT))
    wire = abi.args_to_wire([i, b, a, by, s, sv], params, "f")
    assert abi.args_from_wire(wire, params) is not None
    assert sv.client == sv[0]  # structs come named, like the library returns them


def test_bounds_are_checked():
    with pytest.raises(ValueError):
        ost.ints(min_value=2**255)
    with pytest.raises(ValueError, match="no strategy for the type"):
        ost.strategy("float")


@lru_cache(maxsize=1)
def _token_code():
    return decode(obelisk.compile_file(str(Path(__file__).resolve().parents[2] / "examples" / "token.contract")).bytecode)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_arguments_fit_every_public_function(data):
    code = _token_code()
    for fn in code.functions:
        args = data.draw(ost.arguments(fn))
        assert len(args) == len(fn.params)
        abi.args_to_wire(list(args), fn.params, fn.name)  # raises if any value does not fit
    pool = data.draw(ost.addresses(pool=[obelisk.Address(b"\x01" * 20)]))
    assert pool == obelisk.Address(b"\x01" * 20)
