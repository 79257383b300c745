"""A Pygments lexer for .contract sources (entry point `pygments.lexers`): `pygmentize`, Sphinx and rich highlight them."""
from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text, Whitespace

# docs/language.md, "Reserved words", split by what each word is.
DECLARATIONS = ("import", "as", "struct", "interface", "contract", "fn", "storage", "const", "event", "init", "let")
MODIFIERS = ("pub", "view", "payable", "reentrant")
CONTROL = ("emit", "if", "else", "while", "for", "in", "range", "break", "continue", "return", "require", "revert")
TYPES = ("map", "list", "int", "bool", "address", "bytes", "string")
CONSTANTS = ("true", "false")
BUILTINS = ("msg", "block", "this")


class ContractLexer(RegexLexer):
    """Obelisk's contract language."""

    name = "Obelisk contract"
    aliases = ["obelisk", "contract"]
    filenames = ["*.contract"]
    mimetypes = ["text/x-obelisk-contract"]

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"//[^\n]*", Comment.Single),
            (r"/\*", Comment.Multiline, "comment"),
            (r'"', String.Double, "string"),
            (r"0x[0-9a-fA-F](?:_?[0-9a-fA-F])*", Number.Hex),
            (r"[0-9](?:_?[0-9])*", Number.Integer),
            (r"(contract|interface|struct|event)(\s+)([A-Za-z_][A-Za-z0-9_]*)",
             bygroups(Keyword.Declaration, Whitespace, Name.Class)),
            (r"(fn)(\s+)([A-Za-z_][A-Za-z0-9_]*)", bygroups(Keyword.Declaration, Whitespace, Name.Function)),
            (words(DECLARATIONS, suffix=r"\b"), Keyword.Declaration),
            (words(MODIFIERS, suffix=r"\b"), Keyword),
            (words(CONTROL, suffix=r"\b"), Keyword.Reserved),
            (words(TYPES, suffix=r"\b"), Keyword.Type),
            (words(CONSTANTS, suffix=r"\b"), Keyword.Constant),
            (words(BUILTINS, suffix=r"\b"), Name.Builtin),
            (r"[A-Za-z_][A-Za-z0-9_]*", Name),
            (r"=>|->|\*\*|<<|>>|[-+*/%=<>!&|^~]=?|&&|\|\|", Operator),
            (r"[{}()\[\];:,.]", Punctuation),
            (r".", Text),
        ],
        "comment": [
            (r"[^*]+", Comment.Multiline),
            (r"\*/", Comment.Multiline, "#pop"),
            (r"\*", Comment.Multiline),
        ],
        "string": [
            (r'\\(?:x[0-9a-fA-F]{2}|[nt\\"r0])', String.Escape),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            (r"\\.|\n", String.Double),  # a bad escape or an unclosed string: shown, never an error token loop
        ],
    }


__all__ = ["ContractLexer"]
