"""The .contract Pygments lexer: found by entry point, lossless on every source we ship, never an error token."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error, Keyword, Name, Number, String, Text

from obelisk.lexer import ContractLexer

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "examples").glob("*.contract")) + sorted((ROOT / "stdlib").glob("*.contract"))


def test_found_by_file_name_and_alias():
    assert isinstance(get_lexer_for_filename("token.contract"), ContractLexer)
    assert isinstance(get_lexer_by_name("contract"), ContractLexer)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_shipped_source_lexes_losslessly(path):
    text = path.read_text(encoding="utf-8")
    tokens = list(ContractLexer().get_tokens_unprocessed(text))
    assert "".join(v for _, _, v in tokens) == text
    assert not [v for _, t, v in tokens if t in Error]


def test_what_each_word_is():
    src = 'contract T { storage n: map[address => int]; pub view fn get() -> int { return 0x1f + 1_000; } }\n' \
          'emit X("a\\n");'
    kinds = {v: t for t, v in ContractLexer().get_tokens(src) if v.strip()}
    assert kinds["contract"] in Keyword and kinds["T"] is Name.Class and kinds["get"] is Name.Function
    assert kinds["int"] is Keyword.Type and kinds["view"] in Keyword and kinds["return"] in Keyword
    assert kinds["0x1f"] is Number.Hex and kinds["1_000"] is Number.Integer and kinds["\\n"] is String.Escape


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list('abc fn"\\/*\n0x9_{};=>-') + ["contract", "//", "/*", "*/", "é"]),
                max_size=40).map("".join))
def test_any_text_lexes_back_to_itself(text):
    tokens = list(ContractLexer().get_tokens_unprocessed(text))
    assert "".join(v for _, _, v in tokens) == text


def _fences(text):
    """(label, body) of every fenced block of a markdown text."""
    import re

    return re.findall(r"^```([\w-]*)\n(.*?)^```", text, re.S | re.M)


PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
CONTRACT_CODE = r"^\s*(contract|interface|struct) \w+ \{|^\s*import \"|^\s*(pub |view )*fn \w+\(|^\s*let \w+"


def test_contract_blocks_in_the_docs_lex_cleanly():
    """Every ```contract fence lexes, with the lexer Pygments finds for the label, into known tokens only:
    no error token, and no character left to the catch-all rule."""
    lexer = get_lexer_by_name("contract")
    blocks = [(p.name, body) for p in PAGES for label, body in _fences(p.read_text(encoding="utf-8"))
              if label == "contract"]
    assert len(blocks) >= 9
    for page, body in blocks:
        tokens = list(lexer.get_tokens_unprocessed(body))
        assert "".join(v for _, _, v in tokens) == body
        assert not [v for _, t, v in tokens if t in Error], (page, body)
        assert not [v for _, t, v in tokens if t is Text and v.strip()], (page, body)


def test_contract_code_in_the_docs_is_labelled_contract():
    """A fence holding contract code says so (```contract), so Pygments, Sphinx and GitHub highlight it."""
    import re

    unlabelled = [(p.name, body.splitlines()[0]) for p in PAGES for label, body in _fences(p.read_text(encoding="utf-8"))
                  if label != "contract" and re.search(CONTRACT_CODE, body, re.M)]
    assert unlabelled == []
