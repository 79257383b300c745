"""vm.abi, the one value codec: every door words a misfit the same way, and values round-trip."""
import pytest
from hypothesis import given, settings, strategies as st

from vm import abi
from vm.values import Address, Struct

POINT = ("struct", "Point", (("x", "int"), ("y", "int")))
PARAMS = (("to", "address"), ("p", POINT))


@pytest.mark.parametrize("texts, python, reason", [
    (["0x" + "00" * 20], [Address(0)], "f takes 2 arguments (to: address, p: Point), got 1"),
    (["0x" + "00" * 20, '{"x": 1}'], [Address(0), {"x": 1}], "Point has fields x, y; missing y"),
    (["0x" + "00" * 20, "[1, 2, 3]"], [Address(0), (1, 2, 3)], "Point has 2 fields, got 3 values"),
    (["0x" + "00" * 20, '[1, true]'], [Address(0), (1, True)], "expected int, got"),
])
def test_the_command_line_and_the_library_give_one_message(texts, python, reason):
    with pytest.raises(abi.AbiError) as from_text:
        abi.args_from_text(texts, PARAMS, "f")
    with pytest.raises(abi.AbiError) as from_python:
        abi.args_to_wire(python, PARAMS, "f")
    assert reason in from_text.value.message and reason in from_python.value.message


@pytest.mark.parametrize("args, param, reason", [
    ([b"\x00" * 19, [1, 2]], "to", "expected address (20 bytes), got 19 bytes"),
    ([b"\x00" * 20, [1, 2**255]], "p", "expected int, got int out of 256-bit range"),
])
def test_wire_arguments_name_the_parameter_and_the_vm_reason(args, param, reason):
    with pytest.raises(abi.AbiError) as info:
        abi.args_from_wire(args, PARAMS)
    assert info.value.param == param and info.value.reason == reason


def test_a_library_value_out_of_range_is_refused_before_it_is_sent():
    with pytest.raises(abi.AbiError, match="f: p: "):
        abi.args_to_wire([Address(0), (2**255, 0)], PARAMS, "f")


@settings(max_examples=50, deadline=None)
@given(st.integers(-(2**255), 2**255 - 1), st.integers(-(2**255), 2**255 - 1))
def test_json_and_python_round_trip(x, y):
    value = abi.from_json({"x": x, "y": str(y)}, POINT, "p")
    assert value == Struct((x, y)) and abi.to_json(value, POINT) == {"x": x, "y": y}
    named = abi.to_python(value, POINT)
    assert named.x == x and named == value and abi.args_to_wire([named], (("p", POINT),), "f") == [[x, y]]


def test_named_struct_classes_are_bounded_and_shared():
    assert abi.struct_class(POINT) is abi.struct_class(POINT)
    assert abi._struct_class.cache_info().maxsize is not None
    odd = ("struct", "lib.Pair", (("_hidden", "int"), ("count", "int")))
    value = abi.to_python(Struct((1, 2)), odd)
    assert value.count == 2 and not hasattr(type(value), "_hidden") and value == (1, 2)
