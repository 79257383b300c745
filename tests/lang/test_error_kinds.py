"""Every compile error carries a kind (source, syntax, import, check, limit); tools branch on it, not on words."""
import pytest

import lang
from lang.errors import Kind

FN = "contract C {{ pub fn f() -> int {{ {} }} }}"

CASES = [
    ("syntax", "contract C { pub fn f( }"),
    ("syntax", 'contract C { pub fn f() -> string { return "\\q"; } }'),
    ("syntax", "contract C { pub fn f() -> int { return 0x; } }"),
    ("check", FN.format("return true;")),
    ("check", FN.format("return nope;")),
    ("import", 'import "nosuchmodule"; contract C { }'),
    ("import", 'import "./missing.contract"; contract C { }'),
    ("limit", FN.format("return " + "g(" * 150 + "1" + ")" * 150 + ";")),
    ("limit", FN.format(" ".join(f"let v{i} = {i};" for i in range(300)) + " return 0;")),
    ("limit", "struct S { " + ", ".join(f"f{i}: int" for i in range(300)) + " } contract C { }"),
    ("limit", "contract C { " + " ".join(f"pub fn f{k}(x: int) -> int {{ {'x = x + 1; ' * 2000} return x; }}" for k in range(6)) + " }"),
]


@pytest.mark.parametrize("kind, src", CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CASES)])
def test_each_error_has_its_kind(kind, src):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src)
    assert {d.kind for d in info.value.errors} == {kind}, [(d.kind, d.message) for d in info.value.errors]
    assert kind in Kind.ALL


def test_source_errors():
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(b"contract C { }\xff")
    assert [d.kind for d in info.value.errors] == [Kind.SOURCE]
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file("/nonexistent/dir/x.contract")
    assert [d.kind for d in info.value.errors] == [Kind.SOURCE]


def test_stack_overflow_is_a_located_limit():
    args = ", ".join(["1"] * 199)
    expr = "1"
    for _ in range(6):
        expr = f"g({args}, {expr})"
    params = ", ".join(f"a{i}: int" for i in range(200))
    src = f"contract C {{\nfn g({params}) -> int {{ return a0; }}\npub fn f() -> int {{ return {expr}; }}\n}}"
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src)
    (e,) = info.value.errors
    assert (e.kind, e.line) == (Kind.LIMIT, 3) and "stack slots" in e.message


def test_a_validation_failure_that_is_not_the_stack_is_an_internal_fault(monkeypatch):
    """Generated code that the VM refuses for any other reason is the compiler's bug, never the user's."""
    from lang import compiler
    from vm.errors import ValidationError

    def refuse(data):
        raise ValidationError("stack height 3 over the limit of 2", function="f", offset=0)  # words alone decide nothing

    monkeypatch.setattr(compiler, "validate", refuse)
    with pytest.raises(lang.InternalCompilerError, match="please report"):
        lang.compile_source(FN.format("return 1;"))


def test_threads_compiling_at_once_keep_their_own_errors():
    """The parser is shared; each compilation's syntax errors land in its own report."""
    from concurrent.futures import ThreadPoolExecutor

    def one(i):
        src = "contract C { pub fn f() -> int { return 0x; } }\n" * (1 + i % 3) + f"contract D{i} {{ }}"
        try:
            lang.compile_source(src, filename=f"f{i}.contract")
        except lang.CompileError as exc:
            return i, {d.file for d in exc.errors}
        return i, set()

    with ThreadPoolExecutor(8) as pool:
        for i, files in pool.map(one, range(64)):
            assert files == {f"f{i}.contract"}
