"""Fuzz part (b): mutated, grammar-generated and typed sources through the compiler.

Allowed outcomes: an Artifact whose code passes vm.validate (and, for typed
programs, runs to a Result without a VM internal error), or a CompileError whose
every error is located. InternalCompilerError, any other exception, or a
compile over the time limit is a defect.
"""
from __future__ import annotations

import random
import time

import lang
import vm

from fuzzcore import ROOT, Hang, Progress, Tally, seed_sources, time_limit

TOKENS = ["fn", "pub", "view", "payable", "contract", "struct", "interface", "storage", "const", "event", "emit",
          "init", "let", "if", "else", "while", "for", "in", "range", "break", "return", "require", "revert",
          "import", "as", "map", "list", "int", "bool", "address", "bytes", "string", "true", "false", "msg",
          "this", "(", ")", "{", "}", "[", "]", ";", ",", ":", ".", "->", "=>", "=", "+=", "==", "<", "<<", "**",
          "&&", "||", "!", "-", "+", "0", "0x", "1_", "9" * 90, '"', 'b"', "\\x", "/*", "*/", "//", "\n", "\x00",
          "\ufeff", "é", "\u202e", "x", "len", "push", "a + a + a + a", "if a > 0 { } else if a < 0 { }",
          '"./lib/shapes.contract"', '"../../../etc/passwd"', '"math"', "@", "#", "'", "\\", "\t"]
NAMES = ["a", "b", "x", "y", "f", "g", "h", "C", "D", "S", "I", "P", "math", "len", "push", "sender", "value",
         "balance", "min", "sha256", "str", "init", "transfer", "revert", "E", "K", "s", "m", "l", "p"]
LITERALS = {"NAME": NAMES, "INT_LIT": ["0", "1", "7", "255", "0x10", "1_000", "2", "9" * 78, "0xff_ff"],
            "STRING": ['"s"', '""', '"a\\n"', '"math"', '"./lib/shapes.contract"'], "BYTES_LIT": ['b""', 'b"\\x01ab"']}


def mutate_source(src: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 4)):
        n = len(src)
        i = rnd.randint(0, n)
        k = rnd.randrange(5)
        if k == 0:
            src = src[:i] + src[rnd.randint(i, min(n, i + 40)):]
        elif k == 1:
            src = src[:i] + rnd.choice(TOKENS) + src[i:]
        elif k == 2:
            j = rnd.randint(i, min(n, i + 80))
            src = src[:j] + src[i:j] + src[j:]
        elif k == 3:
            lines = src.split("\n")
            a, b = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            src = "\n".join(lines)
        else:
            src = src[:i] + rnd.choice(TOKENS) + src[rnd.randint(i, min(n, i + 10)):]
    return src


class GrammarGen:
    """Random sentences of lang/grammar.lark: syntactically plausible, semantically anything."""

    def __init__(self):
        from lark import Lark

        g = Lark((ROOT / "lang/grammar.lark").read_text(encoding="utf-8"), parser="lalr", lexer="basic", start="module")
        self.rules: dict = {}
        for r in g.rules:
            self.rules.setdefault(r.origin.name, []).append([(s.name, s.is_term) for s in r.expansion])
        self.literal = {t.name: t.pattern.value for t in g.terminals if type(t.pattern).__name__ == "PatternStr"}
        # The fewest expansion steps to finish each rule: deep in the tree, only the shortest way out is taken.
        INF = 10**9
        self.depth = {name: INF for name in self.rules}
        changed = True
        while changed:
            changed = False
            for name, alts in self.rules.items():
                best = min(1 + max([0] + [0 if term else self.depth.get(s, INF) for s, term in alt]) for alt in alts)
                if best < self.depth[name]:
                    self.depth[name], changed = best, True

    def sentence(self, rnd: random.Random, budget: int = 6) -> str:
        out, stack = [], [("module", 0)]
        while stack and len(out) < 4000:
            sym, level = stack.pop()
            if sym not in self.rules:
                out.append(self.literal.get(sym) or rnd.choice(LITERALS.get(sym, ["x"])))
                continue
            alts = self.rules[sym]
            if level > budget:
                alts = [min(alts, key=lambda a: max([0] + [0 if t else self.depth.get(s, 0) for s, t in a]))]
            alt = rnd.choice(alts)
            stack.extend((s, level + 1) for s, _ in reversed(alt))
        return " ".join(out)


INT_EXPR_OPS = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "**"]


def typed_program(rnd: random.Random) -> str:
    """A mostly well-typed contract with storage, structs, events, loops and chains, to compile and run."""

    def expr(d=0):
        k = rnd.random()
        if d > 3 or k < 0.3:
            return rnd.choice(["a", "b", "s.x", "m[a]", "len(l)", "K", str(rnd.randint(-9, 300)),
                               "f(a)", "math.min(a, b)", "st.x", "m[b % 7]"])
        if k < 0.6:
            return f"{expr(d + 1)} {rnd.choice(INT_EXPR_OPS)} {expr(d + 1)}"
        if k < 0.7:
            return " + ".join(expr(d + 2) for _ in range(rnd.randint(2, 40)))
        if k < 0.8:
            return f"-({expr(d + 1)})"
        if k < 0.9:
            return f"{rnd.choice(['min', 'max'])}({expr(d + 1)}, {expr(d + 1)})"
        return f"abs({expr(d + 1)})"

    def cond():
        return f"{expr(2)} {rnd.choice(['<', '<=', '==', '!=', '>', '>='])} {expr(2)}"

    def stmt(d=0):
        k = rnd.random()
        if d > 2 or k < 0.35:
            return f"{rnd.choice(['a', 'b', 's.x', 'm[a]', 'st.x'])} {rnd.choice(['=', '+=', '-='])} {expr()};"
        if k < 0.5:
            arms = " else ".join(f"if {cond()} {{ {block(d + 1)} }}" for _ in range(rnd.randint(1, 5)))
            return arms + (f" else {{ {block(d + 1)} }}" if rnd.random() < 0.5 else "")
        if k < 0.6:
            return f"for i in range({rnd.randint(0, 6)}) {{ {block(d + 1)} }}"
        if k < 0.65:
            return f"while b > 0 && b < 50 {{ b += 1; {block(d + 1)} }}"
        if k < 0.75:
            return f"emit E({expr()}, {cond()});"
        if k < 0.8:
            return f"l.push({expr()});"
        if k < 0.85:
            return f'require({cond()}, "r");'
        return f"return {expr()};"

    def block(d=0):
        return " ".join(stmt(d) for _ in range(rnd.randint(0, 3)))

    fns = "\n".join(f"    pub fn t{i}(a: int, b: int) -> int {{ let s = P(a, b > 0); {block()} return {expr()}; }}" for i in range(rnd.randint(1, 3)))
    return f"""import "math";
struct P {{ x: int, q: bool }}
contract Fuzz {{
    const K: int = {' + '.join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(1, 30)))};
    storage st: P;
    storage m: map[int => int];
    storage l: list[int];
    event E(v: int, c: bool);
    fn f(a: int) -> int {{ return a * 2 + K; }}
{fns}
}}
"""


def compile_one(src: str, name: str, tally: Tally, run: bool, rnd: random.Random) -> None:
    try:
        art = lang.compile_source(src, filename=name)
    except lang.CompileError as exc:
        tally.count("compile_error")
        bad = [e for e in exc.errors if not (type(e.line) is int and e.line >= 1 and type(e.column) is int and e.column >= 1)]
        if not exc.errors or bad:
            tally.defect("host_exceptions", "a compile error without a location", src)
        return
    except lang.InternalCompilerError as exc:
        tally.defect("host_exceptions", "internal compiler error", src, exc)
        return
    tally.count("compiled")
    try:
        program = vm.validate(art.bytecode)
    except vm.ValidationError as exc:
        tally.defect("host_exceptions", "compiled code fails validation", src, exc)
        return
    if not run:
        return
    storage: dict = {}
    for f in program.funcs:
        if f.function.is_pub and not f.function.is_init:
            args = [rnd.choice([0, 1, -3, 40, 2**200, -(2**255)]) for _ in f.function.params]
            r = vm.execute(art.bytecode, f.name, args, storage=storage, gas=200_000)
            tally.count("run:" + ("success" if r.success else r.error or "failed"))
            if not r.success and (r.reason or "").startswith("internal error"):
                tally.defect("host_exceptions", f"{f.name}: {r.reason}", src)


def run(count: int, seed: int = 0, time_limit_s: float = 20.0, progress=None) -> Tally:
    """`count` sources: mutated seeds, grammar sentences and typed programs in turn."""
    import os

    rnd = random.Random(seed)
    seeds = seed_sources()
    grammar = GrammarGen()
    tally, bar, start = Tally(), Progress("sources", count, progress), time.monotonic()
    old = os.getcwd()
    os.chdir(ROOT)  # seeds import ./lib/... relative to their own folder, named from the root
    try:
        for n in range(count):
            gen = ("mutated", "grammar", "typed")[n % 3]
            if gen == "mutated":
                name, text = rnd.choice(seeds)
                src = mutate_source(text, rnd)
            elif gen == "grammar":
                name, src = "tests/lang/conformance/generated.contract", grammar.sentence(rnd, rnd.randint(3, 12))
            else:
                name, src = "tests/lang/conformance/typed.contract", typed_program(rnd)
            try:
                with time_limit(time_limit_s):
                    compile_one(src, name, tally, gen == "typed", rnd)
            except Hang:
                tally.defect("hangs", f"{gen} source over {time_limit_s} s", src)
            except Exception as exc:  # noqa: BLE001 - anything escaping the compiler is a defect
                tally.defect("host_exceptions", gen, src, exc)
            tally.runs += 1
            tally.count(gen)
            bar.tick(tally)
    finally:
        os.chdir(old)
    tally.seconds = time.monotonic() - start
    return tally
