"""Hostile sources: each gives a clean, located CompileError (never a traceback, hang or crash)."""
from __future__ import annotations

import unicodedata

import pytest

import lang


def errors_of(src, name="evil.contract"):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src, filename=name)
    assert info.value.errors
    assert "Traceback" not in str(info.value)
    return [e.message for e in info.value.errors]


def fn(body, ret="int"):
    return f"contract C {{ pub fn f(a: int) -> {ret} {{ {body} }} }}"


def test_ten_thousand_nested_parentheses_compile_without_recursion():
    art = lang.compile_source(fn("return " + "(" * 10_000 + "a" + ")" * 10_000 + ";"))
    assert art.bytecode


@pytest.mark.parametrize(
    "body",
    [
        "return " + "-" * 10_000 + "a;",
        "return " + "!" * 10_000 + "true;",
        "return " + "a + (" * 5_000 + "a" + ")" * 5_000 + ";",
        "return " + "a ** " * 5_000 + "a;",
        "if true { " * 5_000 + "}" * 5_000 + " return 1;",
        "return " + "abs(" * 5_000 + "a" + ")" * 5_000 + ";",
        "return a" + "[0]" * 5_000 + ";",
        "return a" + ".x" * 5_000 + ";",
    ],
    ids=["minus", "not", "sum", "pow", "ifs", "calls", "index", "fields"],
)
def test_deep_nesting_is_refused_clearly(body):
    assert any("nesting is too deep" in m for m in errors_of(fn(body, "bool" if "!" in body else "int")))


def test_huge_literals():
    assert any("out of range" in m for m in errors_of(fn("return " + "9" * 100_000 + ";")))
    assert any("out of range" in m for m in errors_of(fn("return 0x" + "f" * 100_000 + ";")))
    assert any("out of range" in m for m in errors_of(fn("return 57896044618658097711785492504343953926634992332820282019728792003956564819968;")))
    assert any("longer than" in m for m in errors_of(fn('return len("' + "x" * 70_000 + '");')))


def test_oversized_source():
    assert any("larger than" in m for m in errors_of("// " + "x" * 2_000_000))


def test_binary_and_odd_encodings():
    errors_of(b"\xff\xfe\x00garbage")
    errors_of("\x00\x01\x02")
    errors_of("contract C { pub fn f() { let é = 1; } }")
    errors_of('contract C { pub fn f() -> string { return "\ud800"; } }')  # a lone surrogate
    # a UTF-8 byte order mark at the start is tolerated, as editors write one
    assert lang.compile_source("\ufeffcontract C { pub fn f() -> int { return 1; } }").bytecode
    # CRLF line endings
    assert lang.compile_source("contract C {\r\n pub fn f() -> int {\r\n return 1;\r\n }\r\n}\r\n").bytecode


def test_unterminated_things():
    assert any("unterminated string" in m for m in errors_of('contract C { pub fn f() -> string { return "abc'))
    assert any("unterminated block comment" in m for m in errors_of("contract C { /* never closed"))
    assert any("is not closed" in m for m in errors_of("contract C { pub fn f() {"))


def test_limits_of_the_code_format():
    params = ", ".join(f"p{i}: int" for i in range(300))
    assert any("too many parameters" in m for m in errors_of(f"contract C {{ pub fn f({params}) {{ }} }}"))
    lets = " ".join(f"let v{i} = {i};" for i in range(300))
    assert any("too many local variables" in m for m in errors_of(fn(lets + " return 0;")))
    fields = ", ".join(f"f{i}: int" for i in range(300))
    assert any("too many fields" in m for m in errors_of(f"struct S {{ {fields} }} contract C {{ }}"))
    nested = " ".join(f"struct S{i} {{ x: S{i + 1} }}" for i in range(30)) + " struct S30 { x: int }"
    assert any("nests too deeply" in m for m in errors_of(nested + " contract C { }"))


def test_code_too_large_is_a_compile_error():
    body = " ".join(f"x = x + {i + 1000};" for i in range(2000))
    fns = " ".join(f"pub fn f{k}(x: int) -> int {{ {body} return x; }}" for k in range(3))
    assert any("too large" in m for m in errors_of(f"contract C {{ {fns} }}"))


def test_internal_faults_are_reported_as_such(monkeypatch):
    from lang import codegen

    def boom(*a, **k):
        raise KeyError("simulated bug")

    monkeypatch.setattr(codegen.FnGen, "s_ReturnStmt", boom)
    with pytest.raises(lang.InternalCompilerError) as info:
        lang.compile_source(fn("return a;"), filename="x.contract")
    assert "internal compiler error" in str(info.value) and "please report" in str(info.value)
    assert not isinstance(info.value, lang.CompileError)


def test_wide_structs_work_in_storage_and_locals():
    import vm

    fields = ", ".join(f"f{i}: int" for i in range(200))
    src = f"struct S {{ {fields} }} contract C {{ storage s: S; pub fn f() -> int {{ s.f150 = 7; let t = s; t.f199 += 2; return t.f150 + t.f199; }} }}"
    art = lang.compile_source(src)
    assert vm.execute(art.bytecode, "f").value == 9


def test_an_expression_over_the_stack_limit_is_a_located_compile_error():
    args = ", ".join(["1"] * 199)
    expr = "1"
    for _ in range(6):
        expr = f"g({args}, {expr})"
    params = ", ".join(f"a{i}: int" for i in range(200))
    src = f"contract C {{\nfn g({params}) -> int {{ return a0; }}\npub fn f() -> int {{ return {expr}; }}\n}}"
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src)
    (e,) = info.value.errors
    assert e.line == 3 and "stack slots" in e.message


def test_an_empty_contract_deploys():
    import vm
    from vm.host import MemoryHost

    art = lang.compile_source("contract Empty { }")
    r = vm.deploy(MemoryHost(), address=vm.values.Address(5), code=art.bytecode, args=[], sender=vm.values.Address(1), gas=100_000)
    assert r.success, r.reason


def test_huge_files_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.contract"
    with open(big, "wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk
    with pytest.raises(lang.CompileError, match="larger than"):
        lang.compile_file(str(big))
    errors_of(b"x" * 5_000_000)


def test_devices_and_directories_are_not_read(tmp_path):
    for p in ("/dev/zero", str(tmp_path)):
        with pytest.raises(lang.CompileError, match="not a regular file"):
            lang.compile_file(p)
    with pytest.raises(lang.CompileError, match="a relative import names a .contract file"):
        lang.compile_source('import "../../../../../../../../dev/zero" as z;\ncontract C { }', filename=str(tmp_path / "x.contract"))
    (tmp_path / "zero.contract").symlink_to("/dev/zero")
    (tmp_path / "dir.contract").mkdir()
    for name, why in (("zero", "outside the compiled file's directory"), ("dir", "not a regular file")):
        with pytest.raises(lang.CompileError, match=why):
            lang.compile_source(f'import "./{name}.contract";\ncontract C {{ }}', filename=str(tmp_path / "x.contract"))


def _cells(ch: str) -> int:
    return 0 if unicodedata.combining(ch) else (2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1)


def _caret_under(rendered: str, want: str) -> None:
    """The caret (counted in terminal cells) sits under the first character of `want` in the shown line."""
    _, shown, caret = rendered.split("\n")[:3]
    at, cells, i = caret.index("^"), 0, 0
    while cells < at:
        cells += _cells(shown[i])
        i += 1
    assert shown[i:].startswith(want), rendered


@pytest.mark.parametrize(
    "src",
    [
        "contract C {\n\tpub fn f() -> int {\n\t\treturn \t nope;\n\t}\n}\n",
        "contract C {\r\n    pub fn f() -> int {\r\n        return nope;\r\n    }\r\n}\r\n",
        'contract C { pub fn f() -> string { let s = "日本語"; return s + nope; } }',
        'contract C { pub fn f() -> string { let s = "e\u0301\u0301"; return nope; } }',
    ],
    ids=["tabs", "crlf", "wide", "combining"],
)
def test_the_caret_points_at_the_column(src):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src, filename="t.contract")
    _caret_under(str(info.value), "nope")


def test_control_characters_are_not_echoed_to_the_terminal():
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source("contract C {\x1b[2J\r }", filename="t.contract")
    text = str(info.value)
    assert "\x1b" not in text and "\r" not in text and "control character" in text


def test_invalid_utf8_is_located(tmp_path):
    p = tmp_path / "bad.contract"
    p.write_bytes(b'contract C {\n  pub fn f() -> string { return "\xc3\xa9\xff"; }\n}\n')
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file(str(p))
    (e,) = info.value.errors
    assert (e.line, e.column) == (2, 35) and "UTF-8" in e.message


def test_too_many_locals_is_reported_once():
    lets = " ".join(f"let v{i} = {i};" for i in range(300))
    assert sum("too many local variables" in m for m in errors_of(fn(lets + " return 0;"))) == 1


def test_stray_characters_do_not_stop_the_parser():
    src = "contract C {\n    pub fn f() -> int { return 1 ? 2 : 3; }\n    pub fn g() -> int { return 2 # 3; }\n    pub fn h() -> int { let = 1; }\n}\n"
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src, filename="t.contract")
    assert [(e.line, e.column) for e in info.value.errors] == [(2, 34), (3, 34), (4, 29)]


def test_a_file_of_stray_characters_stops_after_a_bounded_number_of_errors():
    assert len(errors_of("@" * 900_000)) == 20


def _import_chain(tmp_path, n):
    for i in range(n):
        head = f'import "./f{i + 1}.contract";\n' if i < n - 1 else ""
        (tmp_path / f"f{i}.contract").write_text(head + f"fn g() -> int {{ return {i}; }}\n")
    main = tmp_path / "main.contract"
    main.write_text('import "./f0.contract";\ncontract C { pub fn f() -> int { return f0.g(); } }\n')
    return str(main)


def test_a_long_import_chain_compiles(tmp_path):
    assert lang.compile_file(_import_chain(tmp_path, 20)).bytecode


def test_an_endless_import_chain_is_a_located_error(tmp_path):
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file(_import_chain(tmp_path, 400))
    (e,) = info.value.errors
    assert "imports nest too deeply" in e.message and e.file.endswith("f30.contract")


def test_too_many_imported_files(tmp_path):
    for i in range(300):
        (tmp_path / f"m{i}.contract").write_text("fn g() -> int { return 1; }\n")
    imports = "".join(f'import "./m{i}.contract";\n' for i in range(300))
    (tmp_path / "main.contract").write_text(imports + "contract C { }\n")
    with pytest.raises(lang.CompileError, match="too many files in one compilation"):
        lang.compile_file(str(tmp_path / "main.contract"))


def test_long_const_chains_do_not_recurse():
    chain = "".join(f"    const K{i}: int = K{i - 1} + 1;\n" for i in range(3000, 0, -1))
    ok = f"contract C {{\n{chain}    const K0: int = 0;\n    pub fn g() -> int {{ return K3000; }}\n}}\n"
    assert lang.compile_source(ok).bytecode
    looped = ok.replace("const K0: int = 0;", "const K0: int = K3000;")
    assert errors_of(looped) == ["const K3000 refers to itself"]


def test_struct_nesting_is_measured_in_levels_not_paths():
    wide = "".join(f"struct S{i} {{ {', '.join(f'x{j}: S{i + 1}' for j in range(10))} }}\n" for i in range(3))
    assert lang.compile_source(wide + "struct S3 { x: int }\ncontract C { storage s: S0; }").bytecode
    chain = "".join(f"struct S{i} {{ x: S{i + 1} }}\n" for i in range(3000)) + "struct S3000 { x: int }\ncontract C { }"
    assert errors_of(chain) == ["struct S2984 nests too deeply (17 levels of structs; at most 16)"]


def test_a_struct_of_too_many_scalars_is_refused_before_any_code_is_built():
    src = "".join(f"struct S{i} {{ {', '.join(f'x{j}: S{i + 1}' for j in range(10))} }}\n" for i in range(7))
    src += "struct S7 { x: int }\ncontract C { storage s: S0; pub fn f() -> S0 { return s; } }"
    assert errors_of(src) == ["struct S3 holds too many values in all (10000 scalars counting nested structs; at most 4096)"]


def test_text_direction_overrides_are_refused_and_not_echoed():
    src = 'contract C { /* \u202e } */ pub fn f() -> string { return "ok\u2066"; } }'
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(src, filename="t.contract")
    assert [(e.column, "text-direction" in e.message) for e in info.value.errors] == [(17, True), (57, True)]
    assert "\u202e" not in str(info.value) and "\u2066" not in str(info.value)


def test_raw_control_characters_in_literals_are_refused():
    assert errors_of('contract C { pub fn f() -> string { return "a\x00b\tc"; } }') == [
        "a raw control character (U+0000) in a literal; write it as an escape (\\n, \\t, \\xNN)"
    ]


def test_a_flood_of_typos_is_reported_quickly():
    # "did you mean" searches have a budget; 5,000 unknown names among 5,000 storage names stay fast.
    storage = "".join(f"    storage s{i}: int;\n" for i in range(5000))
    uses = "".join(f"        s{i} = q{i};\n" for i in range(5000))
    errors = errors_of(f"contract C {{\n{storage}    pub fn f() {{\n{uses}    }}\n}}\n")
    assert len(errors) == 5000
