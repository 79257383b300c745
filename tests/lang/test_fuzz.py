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
PROGRAMS = sorted((ROOT / "tests/lang/conformance").glob("*.contract")) + sorted((ROOT / "examples").glob("*.contract"))
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
        _outcome(src, str(path.relative_to(ROOT)))
    finally:
        os.chdir(old)


# Well-formed programs that mix every kind of value in every position: the checker must turn each
# type mistake into a located error (it once folded abs(b"b") and crashed).
_MIX_HEAD = """import "math";
struct P { x: int, q: bool }
interface I { fn g(v: int) -> int; view fn v() -> P; }
contract C {
    const K: int = 3;
    const KS: string = "k";
    storage st: P;
    storage m: map[address => int];
    storage mm: map[address => map[address => P]];
    storage l: list[int];
    storage ls: list[P];
    event E(a: int, b: bool);
    fn f(a: int) -> int { return a; }
    fn h() -> bool { return true; }
"""
_ATOMS = [
    "1", "-1", "0", "true", '"s"', 'b"b"', "a", "b", "s", "bb", "p", "p.x", "p.q", "st", "st.x", "m[a]", "m[b]",
    "mm[b][b]", "l[0]", "ls[0].x", "ls", "m", "l", "msg.sender", "msg.value", "this", "block.number", "address(1)",
    "I(this)", "I(this).g(1)", "I(b).v()", "P(1, true)", "P(x: 1, q: false)", "len(s)", "len(l)", "sha256(s)",
    "str(a)", "K", "KS", "f(a)", "h()", "math.min(a, 1)", "l.pop()", "x", "I", "P", "math",
]
_OPS = ["+", "-", "*", "/", "%", "**", "==", "!=", "<", ">=", "&&", "||", "&", "|", "^", "<<", ">>"]
_CALLEES = ["f", "min", "abs", "len", "str", "address", "P", "I", "sha256", "h", "math.isqrt", "l.push", "transfer", "balance"]
_TARGETS = ["a", "s", "p.x", "st.x", "st", "m[a]", "mm[b][b]", "l[0]", "ls[0].x", "K", "x", "this", "p", "ls[1]", "m"]


def _mix_expr(r, d=0):
    k = r.random()
    if d > 3 or k < 0.35:
        return r.choice(_ATOMS)
    if k < 0.7:
        return f"{_mix_expr(r, d + 1)} {r.choice(_OPS)} {_mix_expr(r, d + 1)}"
    if k < 0.8:
        return f"{r.choice('-!')}{_mix_expr(r, d + 1)}"
    if k < 0.9:
        return f"({_mix_expr(r, d + 1)})"
    return f"{r.choice(_CALLEES)}({', '.join(_mix_expr(r, d + 1) for _ in range(r.randint(0, 3)))})"


def _mix_stmt(r, d=0):
    k = r.random()
    if d > 2 or k < 0.3:
        return f"{r.choice(_TARGETS)} {r.choice(['=', '+=', '-=', '*=', '/=', '%='])} {_mix_expr(r)};"
    if k < 0.4:
        return f"let {r.choice('xya')}{r.choice(['', ': int', ': bool', ': string', ': P', ': I'])} = {_mix_expr(r)};"
    if k < 0.5:
        return f"if {_mix_expr(r)} {{ {_mix_block(r, d + 1)} }} else {{ {_mix_block(r, d + 1)} }}"
    if k < 0.55:
        return f"while {_mix_expr(r)} {{ {_mix_block(r, d + 1)} }}"
    if k < 0.6:
        return f"for i in range({_mix_expr(r)}) {{ {_mix_block(r, d + 1)} }}"
    if k < 0.65:
        return f"return {_mix_expr(r)};"
    if k < 0.7:
        return f"require({_mix_expr(r)}, {_mix_expr(r)});"
    if k < 0.75:
        return f"emit E({_mix_expr(r)}, {_mix_expr(r)});"
    if k < 0.8:
        return r.choice(["break;", "continue;", "return;", "ls.push(P(1, true));", 'revert("x");', "transfer(b, 1);"])
    return f"{_mix_expr(r)};"


def _mix_block(r, d=0):
    return " ".join(_mix_stmt(r, d) for _ in range(r.randint(0, 3)))


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_type_mixing_programs_compile_or_fail_cleanly(r):
    mods = r.choice(["pub fn", "pub view fn", "pub payable fn", "fn", "pub reentrant fn"])
    ret = r.choice(["", " -> int", " -> bool", " -> P", " -> string"])
    body = _mix_block(r)
    _outcome(_MIX_HEAD + f"    {mods} t(a: int, b: address, s: string, bb: bytes, p: P){ret} {{ {body} }}\n}}\n")


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


# ---- generated programs: whatever compiles passes validation and runs without a VM fault ----


def int_expr(depth=0):
    leaves = st.sampled_from(["a", "st", "len(xs)", "0", "1", "-1", "7", "m[a]", "len(s)", "x"])
    if depth >= 2:
        return leaves
    sub = int_expr(depth + 1)
    return st.one_of(
        leaves,
        st.builds(lambda l, o, r: f"({l} {o} {r})", sub, st.sampled_from(["+", "-", "*", "/", "%", "&", "|", "^"]), sub),
        st.builds(lambda f, l, r: f"{f}({l}, {r})", st.sampled_from(["min", "max"]), sub, sub),
        st.builds(lambda b, x, y: f"helper({x}, {b})", bool_expr(depth + 1), sub, sub),
    )


def bool_expr(depth=0):
    leaves = st.sampled_from(["flag", "true", "false", "(a > 0)", "(s == \"x\")"])
    if depth >= 2:
        return leaves
    sub = bool_expr(depth + 1)
    ints = int_expr(depth + 1)
    return st.one_of(
        leaves,
        st.builds(lambda l, o, r: f"({l} {o} {r})", sub, st.sampled_from(["&&", "||", "==", "!="]), sub),
        st.builds(lambda l, o, r: f"({l} {o} {r})", ints, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), ints),
        st.builds(lambda b: f"!{b}", sub),
    )


def statements(depth=0, in_loop=False):
    simple = [
        st.builds(lambda e: f"a = {e};", int_expr()),
        st.builds(lambda e: f"a += {e};", int_expr()),
        st.builds(lambda e: f"st -= {e};", int_expr()),
        st.builds(lambda e: f"m[a] = {e};", int_expr()),
        st.builds(lambda e: f"xs.push({e});", int_expr()),
        st.just("if len(xs) > 0 { xs.pop(); }"),
        st.builds(lambda b: f"flag = {b};", bool_expr()),
        st.builds(lambda b: f'require({b}, "no");', bool_expr()),
        st.builds(lambda e: f"return {e};", int_expr()),
        st.just('s = s + "x";'),
        st.just("p.x += 1;"),
        st.just("emit E(a);"),
    ]
    if in_loop:
        simple += [st.just("break;"), st.just("continue;")]
    if depth >= 2:
        return st.lists(st.one_of(*simple), max_size=3).map(" ".join)
    body = statements(depth + 1, in_loop)
    loop_body = statements(depth + 1, True)
    compound = [
        st.builds(lambda c, t, e: f"if {c} {{ {t} }} else {{ {e} }}", bool_expr(), body, body),
        st.builds(lambda c, t: f"if {c} {{ {t} }}", bool_expr(), body),
        st.builds(lambda c, t: f"while {c} {{ {t} }}", bool_expr(), loop_body),
        st.builds(lambda n, t: f"for i{depth} in range({n}) {{ {t} }}", int_expr(), loop_body),
        st.builds(lambda v, e: f"let {v} = {e};", st.sampled_from(["t0", "t1"]), int_expr()),
    ]
    return st.lists(st.one_of(*simple, *compound), max_size=4).map(" ".join)


PROGRAM = """
struct P {{ x: int }}
contract G {{
    storage st: int;
    storage m: map[int => int];
    storage xs: list[int];
    event E(v: int);
    fn helper(x: int, b: bool) -> int {{ if b {{ return x; }} return -x; }}
    pub fn f(a: int, flag: bool, s: string) -> int {{
        let x = 3;
        let p = P(1);
        {body}
        return a + p.x;
    }}
}}
"""


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=statements(), a=st.integers(-3, 3), flag=st.booleans())
def test_generated_programs_validate_and_run_without_faults(body, a, flag):
    src = PROGRAM.format(body=body)
    art = _outcome(src, "g.contract")
    if art is None:
        return
    r = vm.execute(art.bytecode, "f", [a, flag, "x"], gas=300_000)
    # a revert (require, overflow, bounds) is a fine outcome; a fault other than gas is a compiler bug
    assert r.error != "fault" or r.reason == "out of gas", (src, r.reason, r.location)
