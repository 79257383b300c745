"""Turns the parser's exceptions into plain-words messages, with hints for habits from other languages."""
from __future__ import annotations

import functools
import re

_REGEX_NAMES = {
    "NAME": "a name",
    "INT_LIT": "a number",
    "STRING": "a string",
    "BYTES_LIT": "a bytes literal",
    "$END": "the end of the file",
}

# Words from Solidity, Vyper, Rust, JavaScript and friends, and what to write instead.
_HINTS = {
    "function": "functions are declared with `fn`",
    "def": "functions are declared with `fn`",
    "func": "functions are declared with `fn`",
    "mapping": "maps are written `map[K => V]`",
    "public": "use `pub` to make a function callable from outside",
    "external": "use `pub` to make a function callable from outside",
    "private": "functions without `pub` are internal already",
    "internal": "functions without `pub` are internal already",
    "constructor": "the constructor is written `init(...) { ... }`",
    "__init__": "the constructor is written `init(...) { ... }`",
    "returns": "the return type is written `-> T` after the parameters",
    "var": "declare locals with `let`",
    "const": "a `const` belongs in a contract: `const NAME: T = value;`",
    "mut": "locals can always be reassigned; there is no `mut`",
    "elif": "write `else if`",
    "elsif": "write `else if`",
    "uint": "the integer type is `int` (signed, 256 bits)",
    "uint256": "the integer type is `int` (signed, 256 bits)",
    "int256": "the integer type is `int` (signed, 256 bits)",
    "u256": "the integer type is `int` (signed, 256 bits)",
    "modifier": "there are no modifiers; use `require(...)` in the function body",
    "pragma": "there is no pragma",
    "memory": "there are no data locations: locals are values, `storage` declares state",
    "calldata": "there are no data locations: locals are values, `storage` declares state",
    "struct": "structs are declared at the top level or in a contract",
    "throw": "use `revert(\"reason\")`",
    "assert": "use `require(condition, \"reason\")`",
    "emit": "emit an event as a statement: `emit Name(args);`",
    "delete": "to clear a value, assign its zero (`m[k] = 0;`); writing a zero removes it from storage",
    "new": "contracts are deployed by transactions, not created by code",
    "payable": "every address can receive coin: write `address`",
    "and": "write && for and",
    "or": "write || for or",
    "not": "write ! for not",
}

# Habits that show as a surprising token right after another one.
_PAIR_HINTS = {
    ("+", "PLUS"): "there is no ++; write x += 1",
    ("-", "MINUS"): "there is no --; write x -= 1",
    ("==", "ASSIGN"): "there is no ===; == compares values of one type",
    ("!=", "ASSIGN"): "there is no !==; use !=",
}
# Tokens that begin a declaration or statement: seen where a ';' could end the previous one, the ';' is what is missing.
_STARTERS = {
    "PUB", "FN", "STORAGE", "CONST", "EVENT", "STRUCT", "INIT", "INTERFACE", "CONTRACT", "IMPORT", "VIEW", "PAYABLE",
    "LET", "IF", "WHILE", "FOR", "RETURN", "REQUIRE", "REVERT", "EMIT", "BREAK", "CONTINUE", "RBRACE", "$END",
}
_TYPE_WORDS = {"int", "bool", "address", "bytes", "string", "uint", "uint256", "int256", "var", "auto"}

_WORD_BEFORE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")


def _offset(text: str, line: int, col: int) -> int:
    pos = 0
    for _ in range(line - 1):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return min(pos + col - 1, len(text))


@functools.lru_cache(maxsize=1)  # one parser module: its names, read once
def _terminal_names(gp):
    names = dict(_REGEX_NAMES)
    try:
        terminals = gp.Lark_StandAlone().terminals
    except Exception:  # the map only improves wording
        terminals = []
    for t in terminals:
        pat = getattr(t, "pattern", None)
        if pat is not None and type(pat).__name__ == "PatternStr":
            names.setdefault(t.name, f"'{pat.value}'")
    return names


def _describe(names, term: str) -> str:
    return names.get(term, term.lower())


def _join(items):
    items = sorted(set(items))
    if len(items) == 1:
        return items[0]
    if len(items) > 6:
        return ", ".join(items[:6]) + " or another token"
    return ", ".join(items[:-1]) + " or " + items[-1]


def _hint_for(word: str | None) -> str | None:
    return _HINTS.get(word) if word else None


def describe_syntax_error(exc, text: str, gp):
    """(line, col, message) for a parser exception."""
    names = _terminal_names(gp)
    if isinstance(exc, gp.UnexpectedCharacters):
        line, col = exc.line, exc.column
        ch = exc.char
        if ch == '"' or (ch == "b" and text[exc.pos_in_stream : exc.pos_in_stream + 2] == 'b"'):
            return line, col, "unterminated string literal (strings end on the same line with \")"
        if ch == "/" and text.startswith("/*", exc.pos_in_stream):
            return line, col, "unterminated block comment (missing */)"
        if ch == "'":
            return line, col, "strings are written in double quotes: \"...\""
        if ch == "\\":
            return line, col, "unexpected '\\' outside a string"
        if ord(ch) < 32 or ord(ch) == 127:
            return line, col, f"unexpected control character U+{ord(ch):04X}"
        if ch == "\ufffd" or ord(ch) > 127:
            return line, col, f"unexpected character {ch!r}: names and operators are ASCII (text goes in strings)"
        if ch == "?":
            return line, col, "unexpected character '?': there is no `c ? a : b`; use if/else"
        return line, col, f"unexpected character {ch!r}"
    tok = exc.token
    expected = {e for e in exc.expected}
    exp_words = [_describe(names, e) for e in expected]
    if tok.type == "$END":
        line, col = _end_position(text)
        found = "the end of the file"
    else:
        line, col = tok.line, tok.column
        found = _describe(names, tok.type) if tok.type in _REGEX_NAMES else f"'{tok.value}'"
        if tok.type == "NAME":
            found = f"'{tok.value}'"
    word_here = tok.value if tok.type == "NAME" else None
    before = _WORD_BEFORE.search(text[: _offset(text, line, col)]) if tok.type != "$END" else None
    word_before = before.group(1) if before else None
    hint = _hint_for(word_here) or _hint_for(word_before)

    if tok.type == "SLASH" and text.startswith("/*", _offset(text, line, col)):
        msg = "unterminated block comment (missing */)"
    elif tok.type in ("EQ", "NE", "LT", "LE", "GT", "GE") and not expected & {"EQ", "LT"}:
        msg = "comparisons cannot be chained; combine them with && (a < b && b < c)"
    elif "LBRACE" in expected and tok.type != "SEMICOLON" and _after_control(text, line, col):
        msg = f"expected '{{': the body of if, else, while and for must be in braces, found {found}"
    elif expected == {"SEMICOLON"} or ("SEMICOLON" in expected and tok.type != "LBRACE" and (len(expected) > 8 or tok.type in _STARTERS)):
        msg = f"expected ';' after the statement, found {found}"
        line, col = _after_previous(text, line, col)
    elif tok.type == "$END" and "RBRACE" in expected:
        msg = "the file ends inside a block: a '{' is not closed with '}'"
    elif {"INT_LIT", "NAME", "LPAR", "STRING"} <= expected and not expected & {"SEMICOLON", "RPAR", "RSQB"}:
        msg = f"expected an expression, found {found}"
    elif {"INT_LIT", "NAME", "LPAR", "STRING", "RPAR"} <= expected and "SEMICOLON" not in expected:
        msg = f"expected an expression or ')', found {found}"
    elif {"STORAGE", "FN", "EVENT"} <= expected:
        msg = f"expected a contract member (storage, const, event, struct, init or fn), found {found}"
    elif {"CONTRACT", "IMPORT"} <= expected:
        msg = f"expected import, struct, interface, contract or fn at the top level, found {found}"
    elif expected == {"LBRACE"}:
        msg = f"expected '{{', found {found}"
    elif expected == {"FN"} or expected <= {"FN", "VIEW", "PAYABLE", "REENTRANT"}:
        msg = f"expected 'fn', found {found}"
        if tok.type == "PUB":
            hint = "`pub` comes first: `pub view fn`, `pub payable fn`"
    else:
        msg = f"expected {_join(exp_words)}, found {found}"
    prev_text = text[: _offset(text, line, col)].rstrip() if tok.type != "$END" else ""
    for (prev, here), pair_hint in _PAIR_HINTS.items():
        if tok.type == here and prev_text.endswith(prev):
            hint = pair_hint
    if tok.type == "NAME" and word_before in _TYPE_WORDS and _WORD_BEFORE.search(prev_text) and prev_text.endswith(word_before):
        hint = f"declare a local as `let {tok.value}: {word_before} = ...;` (or `let {tok.value} = ...;`)"
    stmt = _statement_so_far(text, line, col) if tok.type != "$END" else ""
    decl = re.match(r"(storage|const|event|import)\b", stmt)
    if decl and "SEMICOLON" in expected and len(expected) > 2 and tok.type not in ("LPAR", "LSQB", "DOT"):
        msg = f"expected ';' to end the {decl.group(1)} declaration, found {found}"
    if tok.type == "SEMICOLON" and expected == {"ASSIGN"} and stmt.startswith("let "):
        hint = "a local needs a value: `let x: int = 0;`"
    elif tok.type == "ASSIGN" and prev_text.endswith(":") and stmt.startswith("let "):
        hint = "write `let x = value;`"
    elif tok.type == "ASSIGN" and _after_control(text, line, col) and not stmt.startswith("for"):
        msg, hint = "`=` assigns; to compare, write ==", None
    elif tok.type == "LPAR" and stmt == "for":
        hint = "a loop over numbers is written `for i in range(a, b) { ... }`"
    elif stmt.startswith("for ") and prev_text.endswith(" in") and "RANGE" in expected:
        hint = "a loop over numbers is written `for i in range(a, b) { ... }`"
    elif tok.type == "COMMA" and stmt.startswith("return (") and expected == {"RPAR"}:
        hint = "a function returns one value; return a struct to give back several"
    if tok.type == "PAYABLE" and prev_text.endswith("address"):
        hint = _HINTS["payable"]
    if tok.type == "SEMICOLON" and expected == {"LPAR"} and re.search(r"\bemit\s+\w+\s*$", prev_text):
        hint = "an event is emitted with parentheses, even with no fields: `emit Name();`"
    if tok.type == "INIT" and expected <= {"FN", "VIEW", "PAYABLE", "REENTRANT"}:
        hint = "the constructor is written `init(...) { ... }`, or `payable init(...) { ... }` to accept value"
    elif tok.type == "__ANON_0" and re.search(r"\binit\s*\([^()]*\)\s*$", prev_text):
        hint = "init returns nothing"
    elif tok.type == "SEMICOLON" and "LBRACE" in expected and re.search(r"\bfn\s+\w+\s*\(", stmt):
        hint = "a contract function needs a body `{ ... }`; functions without one belong in an interface"
    elif tok.type == "LBRACE" and _in_interface(text, line, col):
        msg, hint = "an interface function has no body: end it with ';'", None
    elif tok.type == "PUB" and _in_interface(text, line, col):
        hint = "an interface lists functions callable from outside; drop `pub`"
    if tok.type == "LSQB" and prev_text.endswith(tuple(_TYPE_WORDS)) and text.startswith("[]", _offset(text, line, col)):
        msg, hint = "unexpected '[' after a type: there are no array types", "a storage list is written list[T]"
    if tok.type == "LSQB" and "INT_LIT" in expected:
        hint = "there are no list literals: lists live in storage and grow with push()"
    if tok.type == "NAME" and expected == {"STRING"} and word_before == "import":
        hint = f'write import "{tok.value}";'
    if tok.type in ("INT", "BOOL", "BYTES_T", "STRING_T") and "LET" in expected:
        hint = f"declare a local as `let NAME: {tok.value} = ...;`"
    if tok.type == "NAME" and word_here in ("function", "mapping", "constructor", "public", "uint256", "uint"):
        hint = _HINTS[word_here]
    elif "NAME" in expected and tok.type not in _REGEX_NAMES and tok.value.isidentifier() and not hint:
        hint = f"`{tok.value}` is a reserved word; pick another name"
    if hint:
        msg += f" (hint: {hint})"
    return line, col, msg


def _in_interface(text: str, line: int, col: int) -> bool:
    """Whether the error is directly inside an `interface Name { ... }` (no other brace open since)."""
    upto = text[: _offset(text, line, col)]
    m = None
    for m in re.finditer(r"\binterface\s+\w+\s*\{", upto):
        pass
    return m is not None and "{" not in upto[m.end() :] and "}" not in upto[m.end() :]


def _statement_so_far(text: str, line: int, col: int) -> str:
    """The text of the current statement up to the error (from the last ';', '{' or '}'), stripped."""
    upto = text[: _offset(text, line, col)]
    cut = max(upto.rfind(";"), upto.rfind("{"), upto.rfind("}"))
    return upto[cut + 1 :].strip()


def _after_control(text: str, line: int, col: int) -> bool:
    """Whether the current statement starts with if/while/for/else (a missing-braces habit)."""
    upto = text[: _offset(text, line, col)]
    cut = max(upto.rfind(";"), upto.rfind("{"), upto.rfind("}"))
    return re.match(r"\s*(if|while|for|else)\b", upto[cut + 1 :]) is not None


def _end_position(text: str):
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _after_previous(text: str, line: int, col: int):
    """Just after the previous token when it ends an earlier line (where the ';' belongs)."""
    off = _offset(text, line, col)
    i = off
    while i > 0 and text[i - 1] in " \t\r\n":
        i -= 1
    if "\n" not in text[i:off] or i == 0:
        return line, col
    start = text.rfind("\n", 0, i) + 1
    if "//" in text[start:i] or "*/" in text[start:i]:
        return line, col  # the line ends in a comment: keep pointing at the next token
    return text.count("\n", 0, i) + 1, i - start + 1
