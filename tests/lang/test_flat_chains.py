"""Flat chains (a + b + c + ..., else-if ladders) are no nesting: thousands of terms compile and run;
real nesting past the bound is still refused with the same located error, and nothing recurses."""
import pytest

import lang
import vm
from lang.compiler import emit_text

N = 5_000


def fn(body, ret="int", extra=""):
    return f"contract C {{ storage s: int; event E(x: int); {extra} pub fn f(a: int) -> {ret} {{ {body} }} }}"


def run(src, *args):
    return vm.execute(lang.compile_source(src).bytecode, "f", list(args), gas=10**9).value


@pytest.mark.parametrize(
    "body, ret, want",
    [
        ("return " + " + ".join(["a"] * N) + ";", "int", N),
        ("return " + " - ".join(["a"] * N) + ";", "int", 2 - N),
        ("return " + " + ".join(["a * 2"] * 2000) + ";", "int", 4000),
        ("return " + " | ".join(["a"] * N) + ";", "int", 1),
        ("return " + " && ".join(["a > 0"] * N) + ";", "bool", True),
        ("return " + " || ".join(["a < 0"] * N) + ";", "bool", False),
        ("return len(" + " + ".join(['"xy"'] * N) + ");", "int", 2 * N),
        ("return " + " + ".join(["1"] * N) + ";", "int", N),
        ("require(" + " && ".join(["a > 0"] * 2000) + ', "no"); s = ' + " + ".join(["a"] * 2000) + "; emit E(s); return s;", "int", 2000),
    ],
    ids=["sum", "difference", "products", "bits", "and", "or", "join", "constant", "statements"],
)
def test_a_flat_chain_of_thousands_of_terms_compiles_and_runs(body, ret, want):
    assert run(fn(body, ret), 1) == want


def test_a_flat_constant_chain():
    src = fn("return K;", extra="const K: int = " + " + ".join(["3"] * N) + ";")
    assert run(src, 0) == 3 * N


def test_an_else_if_ladder_is_flat():
    arms = " else ".join(f"if a == {i} {{ return {i * 10}; }}" for i in range(1500))
    src = fn(arms + " else { return 7; } ")
    art = lang.compile_source(src)
    for a, want in ((0, 0), (1499, 14990), (733, 7330), (-1, 7)):
        assert vm.execute(art.bytecode, "f", [a], gas=10**9).value == want


def test_every_stage_can_be_shown_for_a_long_chain():
    src = fn("return " + " + ".join(["a"] * N) + ";")
    for stage in ("ast", "ir", "asm"):
        text = emit_text(src, "x.contract", None, stage)
        assert len(text) < 400 * N  # grows with the source, not with its square (50 MB for the ast before)


@pytest.mark.parametrize(
    "body",
    [
        "return " + "a + (" * 101 + "a" + ")" * 101 + ";",
        "return " + "-(" * 101 + "a" + ")" * 101 + ";",
        "return " + "a ** " * 101 + "a;",
        "if a > 0 { " * 101 + "}" * 101 + " return 1;",
        "if a > 0 { } else { " * 101 + "}" * 101 + " return 1;",
    ],
    ids=["right-nested", "unary", "power", "ifs", "else-blocks"],
)
def test_real_nesting_past_the_bound_is_refused_with_the_same_error(body):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(fn(body))
    (e,) = info.value.errors
    assert e.message == "nesting is too deep (more than 100 levels of expressions and blocks)"


def test_a_left_chain_through_brackets_is_still_a_chain():
    assert run(fn("return " + "(" * 300 + "a" + " + a)" * 300 + ";"), 1) == 301


def test_nesting_at_the_bound_compiles():
    assert run(fn("return " + "a + (" * 95 + "a" + ")" * 95 + ";"), 1) == 96
