"""ABI arguments from text, and values rendered as JSON."""
import pytest
from hypothesis import given, settings, strategies as st

from obelisk.cli.options import CliError
from obelisk.cli.render import human_value
from obelisk.cli.values import parse_arg, parse_args
from vm.values import Address, Struct

POINT = ("struct", "Point", (("x", "int"), ("y", "int")))
LINE = ("struct", "Line", (("a", POINT), ("b", POINT), ("label", "string")))


@pytest.mark.parametrize(
    "text, t, value",
    [
        ("42", "int", 42),
        ("-42", "int", -42),
        ("0xff", "int", 255),
        ("-0x10", "int", -16),
        ("1_000_000", "int", 1_000_000),
        (str(2**255 - 1), "int", 2**255 - 1),
        (str(-(2**255)), "int", -(2**255)),
        ("true", "bool", True),
        ("false", "bool", False),
        ("0x" + "ab" * 20, "address", Address(b"\xab" * 20)),
        ("0x", "bytes", b""),
        ("0xDEADbeef", "bytes", b"\xde\xad\xbe\xef"),
        ("hello world", "string", "hello world"),
        ("", "string", ""),
        ("-5", "string", "-5"),
        ('{"x": 1, "y": "-0x2"}', POINT, Struct((1, -2))),
        ("[3, 4]", POINT, Struct((3, 4))),
        ('{"a": [1, 2], "b": {"x": 3, "y": 4}, "label": "l"}', LINE, Struct((Struct((1, 2)), Struct((3, 4)), "l"))),
    ],
)
def test_parse(text, t, value):
    got = parse_arg(text, t, "arg")
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    "text, t, reason",
    [
        (str(2**255), "int", "out of range"),
        (str(-(2**255) - 1), "int", "out of range"),
        ("1" * 5000, "int", "out of range"),
        ("12a", "int", "expected an integer"),
        ("1__0", "int", "expected an integer"),
        (" ", "int", "expected an integer"),
        ("\u0663", "int", "expected an integer"),  # an Arabic-Indic digit: int() would take it
        ("0x", "int", "expected an integer"),
        ("True", "bool", "expected true or false"),
        ("1", "bool", "expected true or false"),
        ("0x1234", "address", "40 hex digits"),
        ("ab" * 20, "address", "0x-prefixed"),
        ("0xabc", "bytes", "even number"),
        ("0xzz", "bytes", "is not hex"),
        ("0x12 34", "bytes", "is not hex"),
        ("0x0g", "address", "is not hex"),
        ("\udcff", "string", "UTF-8"),
        ("{", POINT, "as JSON"),
        ('{"x": 1}', POINT, "missing y"),
        ('{"x": 1, "y": 2, "z": 3}', POINT, "unknown z"),
        ("[1]", POINT, "2 fields"),
        ('[1, true]', POINT, "expected int"),
        ("[" * 100000, POINT, "JSON"),
    ],
)
def test_parse_errors_are_one_line(text, t, reason):
    with pytest.raises(CliError) as info:
        parse_arg(text, t, "arg")
    assert reason in info.value.message and "\n" not in info.value.message
    assert info.value.code == 2


def test_argument_count():
    with pytest.raises(CliError, match=r"takes 2 arguments \(to: address, amount: int\), got 1"):
        parse_args(["0x" + "00" * 20], (("to", "address"), ("amount", "int")), "transfer")


@settings(max_examples=60, deadline=None)
@given(st.integers(-(2**255), 2**255 - 1))
def test_int_round_trip_decimal_and_hex(n):
    assert parse_arg(str(n), "int", "n") == n
    assert parse_arg(("-" if n < 0 else "") + hex(abs(n)), "int", "n") == n


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_text_parses_or_fails_cleanly(text):
    for t in ("int", "bool", "address", "bytes", "string", POINT):
        try:
            parse_arg(text, t, "a")
        except CliError as exc:
            assert exc.code == 2 and "\n" not in exc.message


def test_human_rendering():
    assert human_value("text") == "text" and human_value(False) == "false" and human_value(-3) == "-3"
    assert human_value(Address(b"\x01" * 20)) == "0x" + "01" * 20
    assert human_value(b"\x00\xff") == "0x00ff"
    assert human_value(Struct((1, 2)), POINT) == '{"x": 1, "y": 2}'
    assert human_value(Struct((Struct((1, 2)), Struct((3, 4)), "s")), LINE) == '{"a": {"x": 1, "y": 2}, "b": {"x": 3, "y": 4}, "label": "s"}'


SCALARS = {
    "int": st.integers(-(2**255), 2**255 - 1),
    "bool": st.booleans(),
    "address": st.binary(min_size=20, max_size=20).map(Address),
    "bytes": st.binary(max_size=40),
    "string": st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
}


def _types(depth=0):
    scalar = st.sampled_from(sorted(SCALARS))
    if depth >= 2:
        return scalar
    fields = st.lists(st.tuples(st.from_regex(r"[a-z]{1,6}", fullmatch=True), _types(depth + 1)), min_size=1,
                      max_size=3, unique_by=lambda f: f[0])
    return st.one_of(scalar, fields.map(lambda fs: ("struct", "S", tuple(fs))))


def _value(t):
    if isinstance(t, str):
        return SCALARS[t]
    return st.tuples(*[_value(ft) for _, ft in t[2]]).map(Struct)


def _as_json(v, t, draw):
    """The text a user could write for v inside a struct argument."""
    if isinstance(t, tuple):
        items = [_as_json(x, ft, draw) for x, (_, ft) in zip(v, t[2])]
        return dict(zip([n for n, _ in t[2]], items)) if draw(st.booleans()) else items
    if t == "int":
        return v if draw(st.booleans()) else ("-" if v < 0 else "") + hex(abs(v))
    if t in ("address", "bytes"):
        return "0x" + bytes(v).hex()
    return v


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_struct_arguments_round_trip(data):
    import json

    t = data.draw(_types().filter(lambda t: isinstance(t, tuple)))
    v = data.draw(_value(t))
    text = json.dumps(_as_json(v, t, data.draw))
    assert parse_arg(text, t, "arg") == v
