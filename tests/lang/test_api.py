"""The public API of lang: compile_source/compile_file/emit_file, contract choice, artifacts, errors."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import lang
from lang import gen_parser
from vm.code import decode

ROOT = Path(__file__).resolve().parents[2]
TWO = """
contract First { pub fn f() -> int { return 1; } }
contract Second { pub fn f() -> int { return 2; } }
"""


def test_contract_choice_defaults_to_the_last_and_can_be_named():
    assert lang.compile_source(TWO).name == "Second"
    assert lang.compile_source(TWO, contract="First").name == "First"
    with pytest.raises(lang.CompileError) as info:
        lang.compile_source(TWO, contract="Third")
    assert "no contract named 'Third'" in str(info.value) and "First, Second" in str(info.value)
    with pytest.raises(lang.CompileError, match="no contract in this file"):
        lang.compile_source("fn f() -> int { return 1; }")


def test_compile_file_and_its_errors(tmp_path):
    p = tmp_path / "t.contract"
    p.write_text("contract T {\n    pub fn f() -> int { return x; }\n}\n", encoding="utf-8")
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file(str(p))
    (e,) = info.value.errors
    assert (e.file, e.line, e.column) == (str(p), 2, 32)
    assert e.message == "unknown name 'x'"
    assert str(info.value) == f"{p}:2:32: error: unknown name 'x'\n        pub fn f() -> int {{ return x; }}\n                                   ^"
    with pytest.raises(lang.CompileError, match="cannot read the file"):
        lang.compile_file(str(tmp_path / "missing.contract"))


def test_artifact_shape(monkeypatch):
    monkeypatch.chdir(ROOT)
    art = lang.compile_file("examples/token.contract")
    d = json.loads(art.to_json())
    assert d["name"] == art.name == "Token"
    assert d["bytecode"] == "0x" + art.bytecode.hex()
    assert d["compiler_version"].startswith("obelisk-lang")
    assert len(art.source_hash) == 64
    fns = {f["name"]: f for f in art.abi["functions"]}
    assert fns["transfer"]["inputs"] == [{"name": "to", "type": "address"}, {"name": "amount", "type": "int"}]
    assert fns["transfer"]["output"] == "bool" and fns["balance_of"]["view"] is True
    assert {"inputs", "payable"} <= set(art.abi["init"])
    assert art.abi["events"][0]["name"] == "Transfer"
    assert "examples/token.contract" in art.source_map["files"]
    assert lang.Artifact.from_json(art.to_json()) == art
    # the ABI is also recoverable from the bytecode alone
    code = decode(art.bytecode)
    assert {f.name for f in code.functions if f.is_pub} == set(fns)


def test_struct_abi_and_source_hash():
    src = "struct P { x: int, ok: bool }\ncontract C { pub fn f(p: P) -> P { return p; } }\n"
    art = lang.compile_source(src, filename="c.contract")
    (f,) = art.abi["functions"]
    assert f["output"] == {"struct": "P", "fields": [{"name": "x", "type": "int"}, {"name": "ok", "type": "bool"}]}
    again = lang.compile_source(src, filename="c.contract")
    assert again.source_hash == art.source_hash
    assert lang.compile_source(src + " ", filename="c.contract").source_hash != art.source_hash


def test_emit_stages(monkeypatch):
    monkeypatch.chdir(ROOT)
    ast_text = lang.emit_file("examples/token.contract", "ast")
    assert ast_text.startswith("Module") and "ContractDef" in ast_text
    ir = lang.emit_file("examples/token.contract", "ir")
    assert "fn transfer(" in ir and "JUMP_IF_TRUE" in ir
    asm = lang.emit_file("examples/token.contract", "asm")
    assert ".function" in asm and "examples/token.contract" in asm
    with pytest.raises(ValueError):
        lang.emit_file("examples/token.contract", "bogus")


def test_stdlib_is_found_and_imports_are_mangled():
    src = 'import "math";\ncontract C { pub fn f(a: int) -> int { return math.isqrt(a); } }\n'
    art = lang.compile_source(src, filename="c.contract")
    names = [f.name for f in decode(art.bytecode).functions]
    assert "math.isqrt" in names and "math.pow_mod" not in names  # only what is reached


def test_the_committed_parser_matches_the_grammar():
    assert gen_parser.generated_hash() == gen_parser.grammar_hash(), "run: python -m lang.gen_parser"


def test_regenerating_the_parser_gives_an_equivalent_parser(tmp_path, monkeypatch):
    # Strict mode needs interegular; without it CI still checks the grammar hash above.
    pytest.importorskip("interegular")
    import importlib.util

    from lang import _generated_parser as committed

    monkeypatch.setattr(gen_parser, "GENERATED_PATH", tmp_path / "p.py")
    gen_parser.regenerate()  # raises if the grammar has any conflict (strict=True)
    spec = importlib.util.spec_from_file_location("regenerated_parser", tmp_path / "p.py")
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    # Table numbering may differ between runs; what must agree is the parse of real programs.
    a, b = committed.Lark_StandAlone(), fresh.Lark_StandAlone()
    sources = sorted((ROOT / "examples").glob("*.contract")) + sorted((ROOT / "tests/lang/conformance").glob("*.contract"))
    for path in sources:
        text = path.read_text(encoding="utf-8")
        try:
            want = repr(a.parse(text))
        except committed.UnexpectedInput:
            with pytest.raises(fresh.UnexpectedInput):
                b.parse(text)
            continue
        assert repr(b.parse(text)) == want, path.name


def test_lang_imports_no_cli_libraries():
    import subprocess
    import sys

    # lark itself is needed only to regenerate the parser, never to compile
    code = "import sys, lang; lang.compile_source('contract C { }'); print(sorted(m for m in ('rich', 'click', 'chain', 'lark', 'interegular') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_sources_hash_is_sha256_of_the_sources():
    art = lang.compile_source("contract C { }", filename="c.contract")
    assert art.source_hash == hashlib.sha256(bytes.fromhex(_packed_sources("c.contract", "contract C { }"))).hexdigest()


def _packed_sources(file, text):
    from vm.encoding import pack

    return pack([[file, text]]).hex()


def test_stdlib_is_found_in_an_installed_wheel_layout(tmp_path, monkeypatch):
    # A wheel has no repo-root stdlib/; pyproject force-includes it as lang/stdlib_files/.
    from lang import loader

    wheel_dir = tmp_path / "stdlib_files"
    wheel_dir.mkdir()
    (wheel_dir / "math.contract").write_text((ROOT / "stdlib/math.contract").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(loader, "STDLIB_DIRS", (tmp_path / "no-checkout", wheel_dir))
    art = lang.compile_source('import "math";\ncontract C { pub fn f() -> int { return math.max(1, 2); } }', filename="c.contract")
    assert "math.max" in [f.name for f in decode(art.bytecode).functions]


def test_relative_imports_resolve_from_the_importing_file(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.contract").write_text('import "./b.contract";\nfn a() -> int { return b.b() + 1; }\n', encoding="utf-8")
    (tmp_path / "lib" / "b.contract").write_text("fn b() -> int { return 41; }\n", encoding="utf-8")
    main = tmp_path / "main.contract"
    main.write_text('import "./lib/a.contract" as liba;\ncontract M { pub fn f() -> int { return liba.a(); } }\n', encoding="utf-8")
    import vm

    art = lang.compile_file(str(main))
    assert vm.execute(art.bytecode, "f").value == 42
    (tmp_path / "lib" / "b.contract").write_text("fn b() -> int { return oops; }\n", encoding="utf-8")
    with pytest.raises(lang.CompileError) as info:
        lang.compile_file(str(main))
    (e,) = info.value.errors
    assert e.file == str(tmp_path / "lib" / "b.contract") and (e.line, e.column) == (1, 24)


def test_grammar_rules_name_the_ast_classes():
    import re

    from lang import ast

    text = (ROOT / "lang/grammar.lark").read_text(encoding="utf-8")
    rules = set(re.findall(r"^[?]?([a-z][a-z_]*)\s*:", text, re.M))
    aliases = set(re.findall(r"->\s*([a-z_]+)", text))
    helpers = {"params", "args", "type_ref", "else_branch", "expr"} | {r for r in rules if r.endswith("_expr")}
    for name in sorted((rules | aliases) - helpers):
        cls = "".join(part.capitalize() for part in name.split("_"))
        assert isinstance(getattr(ast, cls, None), type), f"grammar rule {name} has no AST class {cls}"


def test_complete_examples_in_the_language_guide_compile():
    import re

    text = (ROOT / "docs/language.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```(?:contract)?\n(.*?)```", text, re.S) if re.search(r"^contract \w+ \{", b, re.M) and "..." not in b]
    assert len(blocks) >= 3
    for b in blocks:
        lang.compile_source(b, filename="guide.contract")


def test_every_keyword_is_reserved():
    words = "import as struct interface contract fn pub view payable reentrant storage const event init emit let if else while for in range break continue return require revert map list int bool address bytes string true false msg block this".split()
    for w in words:
        with pytest.raises(lang.CompileError):
            lang.compile_source(f"contract C {{ pub fn f() {{ let {w} = 1; }} }}")


@pytest.mark.parametrize(
    "text",
    ["", "[1]", "[" * 100_000, '{"name": 1}', '{"name": "T", "abi": {}, "bytecode": 5, "source_map": {}, "compiler_version": "x", "source_hash": "y"}',
     '{"name": "T", "abi": {}, "bytecode": "0xzz", "source_map": {}, "compiler_version": "x", "source_hash": "y"}'],
    ids=["empty", "list", "deep", "bad-name", "int-bytecode", "bad-hex"],
)
def test_a_damaged_artifact_is_a_value_error(text):
    with pytest.raises(ValueError):
        lang.Artifact.from_json(text)
