"""Properties: no input makes the compiler do anything but compile or report located errors;
generated int expressions compute what the language's rules say they compute."""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lang
import vm
from lang import fold
from vm.values import INT_MAX, INT_MIN

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = sorted((ROOT / "tests/lang/conformance").glob("*.contract"))
SOURCES = [(p, p.read_text(encoding="utf-8")) for p in PROGRAMS]
# OBELISK_FUZZ_EXAMPLES raises the example count for a long local run.
EXAMPLES = int(os.environ.get("OBELISK_FUZZ_EXAMPLES", "120"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "fn", "pub", "view", "payable", "reentrant", "contract", "struct", "interface", "storage", "const",
    "event", "emit", "init", "let", "if", "else", "while", "for", "in", "range", "break", "continue",
    "return", "require", "revert", "import", "as", "map", "list", "int", "bool", "address", "bytes",
    "string", "true", "false", "msg", "block", "this", "(", ")", "{", "}", "[", "]", ";", ",", ":",
    ".", "->", "=>", "=", "+=", "==", "<", "<<", "**", "&&", "||", "!", "-", "0", "0x", "1_", "9" * 90,
    '"', 'b"', "\\x", "/*", "*/", "//", "\n", "\x00", "\ufeff", "é", "x", "len", "push", "pop",
    "Point", "P(", "f(", "a.b", "@", "#", "'", "\\", "\t",
]


def _outcome(src, name="tests/lang/conformance/fuzz.contract"):
    """Compile; the only allowed outcomes are an Artifact or a CompileError with located errors."""
    try:
        art = lang.compile_source(src, filename=name)
    except lang.CompileError as exc:
        assert exc.errors, "a CompileError must carry errors"
        text = str(exc)
        assert "Traceback" not in text
        for e in exc.errors:
            assert isinstance(e.line, int) and e.line >= 1 and e.column >= 1
            assert f":{e.line}:{e.column}: error: " in e.render()
        return None
    assert isinstance(art.bytecode, bytes) and art.bytecode
    vm.validate(art.bytecode)  # whatever compiles must also pass the VM's validator
    return art


@st.composite
def mutated(draw):
    path, src = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "replace"]))
        n = len(src)
        i = draw(st.integers(0, n))
        if kind == "delete":
            j = draw(st.integers(i, min(n, i + 40)))
            src = src[:i] + src[j:]
        elif kind == "insert":
            tok = draw(st.sampled_from(TOKENS) | st.text(max_size=5))
            src = src[:i] + tok + src[i:]
        elif kind == "duplicate":
            j = draw(st.integers(i, min(n, i + 80)))
            src = src[:j] + src[i:j] + src[j:]
        elif kind == "swap":
            lines = src.split("\n")
            a = draw(st.integers(0, len(lines) - 1))
            b = draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            src = "\n".join(lines)
        else:
            j = draw(st.integers(i, min(n, i + 10)))
            src = src[:i] + draw(st.sampled_from(TOKENS)) + src[j:]
    return path, src


@SETTINGS
@given(case=mutated())
def test_mutated_programs_compile_or_fail_cleanly(case):
    path, src = case
    old = os.getcwd()
    os.chdir(ROOT)  # relative imports of the programs resolve from their own folder
    try:
        _outcome(src, f"tests/lang/conformance/{path.name}")
    finally:
        os.chdir(old)


@SETTINGS
@given(st.binary(max_size=300))
def test_binary_garbage_fails_cleanly(data):
    try:
        lang.compile_source(data, filename="garbage.contract")
    except lang.CompileError as exc:
        assert exc.errors
    else:  # pragma: no cover - garbage that happens to be a contract is fine too
        pass


# ---- generated int expressions: the compiled code agrees with the language's rules ----

OPS = ["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>"]


def ints():
    return st.one_of(
        st.integers(-130, 130),
        st.integers(INT_MIN, INT_MAX),
        st.sampled_from([0, 1, -1, 2, 255, 256, INT_MAX, INT_MIN, 2**128]),
    )


def exprs():
    leaf = st.one_of(ints().map(lambda v: ("lit", v)), st.sampled_from([("var", "a"), ("var", "b")]))
    return st.recursive(
        leaf,
        lambda sub: st.one_of(
            st.tuples(st.just("bin"), st.sampled_from(OPS), sub, sub),
            st.tuples(st.just("neg"), sub),
            st.tuples(st.just("call"), st.sampled_from(["min", "max", "abs"]), sub, sub),
        ),
        max_leaves=8,
    )


def render(e) -> str:
    k = e[0]
    if k == "lit":
        v = e[1]
        return f"({v})" if v >= 0 else f"(-{-v})"
    if k == "var":
        return e[1]
    if k == "neg":
        return f"(-{render(e[1])})"
    if k == "call":
        if e[1] == "abs":
            return f"abs({render(e[2])})"
        return f"{e[1]}({render(e[2])}, {render(e[3])})"
    return f"({render(e[2])} {e[1]} {render(e[3])})"


class Reverts(Exception):
    pass


def evaluate(e, env):
    k = e[0]
    try:
        if k == "lit":
            return e[1]
        if k == "var":
            return env[e[1]]
        if k == "neg":
            return fold.unop("-", evaluate(e[1], env))
        if k == "call":
            a = evaluate(e[2], env)
            if e[1] == "abs":
                if a == INT_MIN:
                    raise Reverts
                return abs(a)
            b = evaluate(e[3], env)
            return min(a, b) if e[1] == "min" else max(a, b)
        a = evaluate(e[2], env)
        b = evaluate(e[3], env)
        return fold.binop(e[1], a, b)
    except fold.FoldError:
        raise Reverts from None


@settings(max_examples=EXAMPLES + 30, deadline=None)
@given(exprs(), ints(), ints())
def test_int_expressions_match_the_rules(e, a, b):
    src = f"contract X {{ pub fn f(a: int, b: int) -> int {{ return {render(e)}; }} }}"
    try:
        want = evaluate(e, {"a": a, "b": b})
    except Reverts:
        want = Reverts
    try:
        art = lang.compile_source(src, filename="x.contract")
    except lang.CompileError as exc:
        # only a literal out of range may be refused (e.g. a bare 2**255 is not an int)
        assert "out of range" in str(exc), str(exc)
        return
    r = vm.execute(art.bytecode, "f", [a, b], gas=10_000_000)
    if want is Reverts:
        assert not r.success, (src, a, b, r.value)
    else:
        assert r.success, (src, a, b, r.reason)
        assert r.value == want, (src, a, b)
