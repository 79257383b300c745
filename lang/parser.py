"""Source text -> AST: the committed LALR parser (see gen_parser.py) with an in-parse Transformer.

The transformer runs inside the LALR loop, so no stage recurses over the parse tree.
"""
from __future__ import annotations

import functools
import itertools
import re
import threading

from . import _generated_parser as _gp
from . import ast
from .errors import Kind, Reporter
from .syntax_errors import describe_syntax_error

# Bounds that keep a hostile source from exhausting the compiler.
MAX_SOURCE_CHARS = 1_000_000
MAX_NESTING = 100  # nested expressions/blocks; every later stage recurses at most this deep (see _too_deep)
MAX_INT_DIGITS = 100
MAX_SYNTAX_ERRORS = 20

_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "r": "\r", "0": "\0"}

_DEC = re.compile(r"[0-9](_?[0-9])*")
_HEX = re.compile(r"0x(_?[0-9a-fA-F])+")


def _malformed_number(text: str):
    """None for a well-formed integer literal, else what is wrong with it, in plain words."""
    if _HEX.fullmatch(text) or (_DEC.fullmatch(text) and (text == "0" or text[0] != "0")):
        return None
    shown = text if len(text) <= 20 else text[:20] + "..."
    if text[:2] == "0X":
        return f"malformed number {shown!r}: hex numbers start with a lower-case 0x"
    if text[:2] == "0x":
        return f"malformed number {shown!r}: after 0x come hex digits 0-9 a-f, with _ only between digits"
    if _DEC.fullmatch(text):
        return f"malformed number {shown!r}: a number cannot start with 0 (there are no octal numbers)"
    if "e" in text.lower() and re.fullmatch(r"[0-9_]+[eE][0-9_]+", text):
        return f"malformed number {shown!r}: there is no exponent notation; write 10 ** N"
    if re.fullmatch(r"[0-9_]+", text):
        return f"malformed number {shown!r}: _ goes only between digits, as in 1_000_000"
    return f"malformed number {shown!r}: a name cannot start with a digit"


class _Unescape:
    """Decodes string and bytes literals, recording bad escapes as located errors."""

    def __init__(self, report):
        self.report = report

    def decode(self, tok, is_bytes: bool):
        body = tok.value[2:-1] if is_bytes else tok.value[1:-1]
        out = []
        i = 0
        n = len(body)
        while i < n:
            c = body[i]
            if c != "\\":
                if (ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F:
                    where = tok.column + (2 if is_bytes else 1) + i
                    self.report(tok.line, where, f"a raw control character (U+{ord(c):04X}) in a literal; write it as an escape (\\n, \\t, \\xNN)")
                elif is_bytes and ord(c) > 0x7F:
                    self.report(tok.line, tok.column + (2 if is_bytes else 1) + i, "a bytes literal holds ASCII only; write other bytes as \\xNN")
                    c = "?"
                out.append(c)
                i += 1
                continue
            e = body[i + 1] if i + 1 < n else ""
            col = tok.column + (2 if is_bytes else 1) + i
            if e == "x":
                digits = body[i + 2 : i + 4]
                if len(digits) == 2 and all(d in "0123456789abcdefABCDEF" for d in digits):
                    v = int(digits, 16)
                    if not is_bytes and v > 0x7F:
                        self.report(tok.line, col, f"\\x{digits} is not ASCII: a string is UTF-8 text, so write the character itself")
                    out.append(chr(v))
                    i += 4
                    continue
                self.report(tok.line, col, "\\x needs two hex digits, as in \\x0a")
                i += 2
                continue
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
                i += 2
                continue
            self.report(tok.line, col, f"unknown escape \\{e}; use \\n \\t \\\\ \\\" or \\xNN")
            i += 2
        text = "".join(out)
        if is_bytes:
            return bytes(ord(ch) & 0xFF for ch in text)
        return text


def _pos(x):
    return x.line, x.column


_KEYWORDS = {"IMPORT", "STRUCT", "INTERFACE", "FN", "CONTRACT", "STORAGE", "CONST", "EVENT", "INIT", "MAP", "LIST", "LBRACE", "LET", "IF", "WHILE", "FOR", "EMIT"}


class _Build(_gp.Transformer):
    """Parse-time callbacks: build AST nodes, no semantics."""

    def __init__(self, report):
        super().__init__()
        self.report = report
        self.unescape = _Unescape(report)

    # A node's position is its first token's or child's (the in-parse transformer has no meta).
    @staticmethod
    def _at(children):
        for c in children:
            if isinstance(c, ast.Node):
                return c.line, c.col
            if isinstance(c, _gp.Token):
                return c.line, c.column
        return 1, 1

    @staticmethod
    def _split(ch):
        """(line, col) of the rule's first token or child, and the children without keyword tokens."""
        line, col = _Build._at(ch)
        return line, col, [c for c in ch if not (isinstance(c, _gp.Token) and c.type in _KEYWORDS)]

    def module(self, ch):
        line, col, ch = self._split(ch)
        return ast.Module(line, col, tuple(ch))

    def import_decl(self, ch):
        line, col, ch = self._split(ch)
        path_tok, alias = ch
        return ast.ImportDecl(line, col, self.unescape.decode(path_tok, False), alias and str(alias))

    def struct_def(self, ch):
        line, col, ch = self._split(ch)
        return ast.StructDef(line, col, str(ch[0]), tuple(ch[1:]))

    def param(self, ch):
        line, col, ch = self._split(ch)
        return ast.Param(line, col, str(ch[0]), ch[1])

    def params(self, ch):
        return tuple(ch)

    def args(self, ch):
        return tuple(ch)

    def interface_def(self, ch):
        line, col, ch = self._split(ch)
        return ast.InterfaceDef(line, col, str(ch[0]), tuple(ch[1:]))

    def iface_fn(self, ch):
        line, col, ch = self._split(ch)
        *mods, name, params, ret = ch
        return ast.IfaceFn(line, col, tuple(str(m) for m in mods), str(name), params, ret)

    def contract_def(self, ch):
        line, col, ch = self._split(ch)
        return ast.ContractDef(line, col, str(ch[0]), tuple(ch[1:]))

    def storage_decl(self, ch):
        line, col, ch = self._split(ch)
        return ast.StorageDecl(line, col, str(ch[0]), ch[1])

    def const_decl(self, ch):
        line, col, ch = self._split(ch)
        return ast.ConstDecl(line, col, str(ch[0]), ch[1], ch[2])

    def event_def(self, ch):
        line, col, ch = self._split(ch)
        return ast.EventDef(line, col, str(ch[0]), ch[1])

    def init_def(self, ch):
        line, col, ch = self._split(ch)
        payable = len(ch) == 3
        return ast.InitDef(line, col, payable, ch[-2], ch[-1])

    def fn_def(self, ch):
        line, col, ch = self._split(ch)
        *mods, name, params, ret, body = ch
        pub = bool(mods) and mods[0].type == "PUB"
        if pub:
            mods = mods[1:]
        return ast.FnDef(line, col, pub, tuple(str(m) for m in mods), str(name), params, ret, body)

    def type_name(self, ch):
        line, col, ch = self._split(ch)
        if len(ch) == 2:
            return ast.TypeName(line, col, str(ch[1]), str(ch[0]))
        return ast.TypeName(line, col, str(ch[0]), None)

    def map_type(self, ch):
        line, col, ch = self._split(ch)
        return ast.MapType(line, col, ch[0], ch[1])

    def list_type(self, ch):
        line, col, ch = self._split(ch)
        return ast.ListType(line, col, ch[0])

    def block(self, ch):
        line, col, ch = self._split(ch)
        return ast.Block(line, col, tuple(ch))

    def let_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.LetStmt(line, col, str(ch[0]), ch[1], ch[2])

    def assign_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.AssignStmt(line, col, ch[0], str(ch[1]), ch[2])

    def expr_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.ExprStmt(line, col, ch[0])

    def if_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.IfStmt(line, col, ch[0], ch[1], ch[2])

    def while_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.WhileStmt(line, col, ch[0], ch[1])

    def for_stmt(self, ch):
        line, col, ch = self._split(ch)
        var, a, b, body = ch
        if b is None:
            return ast.ForStmt(line, col, str(var), None, a, body)
        return ast.ForStmt(line, col, str(var), a, b, body)

    def break_stmt(self, ch):
        return ast.BreakStmt(*_pos(ch[0]))

    def continue_stmt(self, ch):
        return ast.ContinueStmt(*_pos(ch[0]))

    def return_stmt(self, ch):
        return ast.ReturnStmt(*_pos(ch[0]), ch[1])

    def require_stmt(self, ch):
        return ast.RequireStmt(*_pos(ch[0]), ch[1], ch[2])

    def revert_stmt(self, ch):
        return ast.RevertStmt(*_pos(ch[0]), ch[1])

    def emit_stmt(self, ch):
        line, col, ch = self._split(ch)
        return ast.EmitStmt(line, col, str(ch[0]), ch[1])

    def bin_op(self, ch):
        left, op, right = ch
        return ast.BinOp(*_pos(op), left, str(op), right)

    def unary_op(self, ch):
        op, operand = ch
        return ast.UnaryOp(*_pos(op), str(op), operand)

    def call(self, ch):
        callee, args = ch
        return ast.Call(callee.line, callee.col, callee, args)

    def index(self, ch):
        base, idx = ch
        return ast.Index(base.line, base.col, base, idx)

    def field(self, ch):
        base, name = ch
        return ast.Field(base.line, base.col, base, str(name), _pos(name))

    def named_arg(self, ch):
        return ast.NamedArg(*_pos(ch[0]), str(ch[0]), ch[1])

    def int_lit(self, ch):
        tok = ch[0]
        bad = _malformed_number(tok.value)
        if bad:
            self.report(tok.line, tok.column, bad)
            return ast.IntLit(*_pos(tok), 0, tok.value[:20])
        text = tok.value.replace("_", "")
        if len(text) > MAX_INT_DIGITS:
            self.report(tok.line, tok.column, "integer literal out of range: an int holds -2**255 .. 2**255-1")
            return ast.IntLit(*_pos(tok), 0, tok.value[:20] + "...")
        value = int(text[2:], 16) if text.startswith("0x") else int(text)
        return ast.IntLit(*_pos(tok), value, tok.value)

    def str_lit(self, ch):
        return ast.StrLit(*_pos(ch[0]), self.unescape.decode(ch[0], False))

    def bytes_lit(self, ch):
        return ast.BytesLit(*_pos(ch[0]), self.unescape.decode(ch[0], True))

    def bool_lit(self, ch):
        return ast.BoolLit(*_pos(ch[0]), ch[0].type == "TRUE")

    def name(self, ch):
        return ast.Name(*_pos(ch[0]), str(ch[0]))


@functools.cache
def _parser():
    """One parser with one in-parse transformer, built on first use (about 4 ms: the tables load once)."""
    build = _Build(None)
    return _gp.Lark_StandAlone(transformer=build), build


# The one transformer holds the current file's reporter, so parses take turns (threads compiling at once).
_PARSING = threading.Lock()


def parse(text: str, file: str, reporter: Reporter):
    """Parse one file; syntax errors go to the reporter and give None."""
    reporter.add_source(file, text)

    def report(line, col, msg, kind=Kind.SYNTAX):
        reporter.error(file, line, col, msg, kind)

    if len(text) > MAX_SOURCE_CHARS:
        report(1, 1, f"source file is larger than {MAX_SOURCE_CHARS} characters", Kind.LIMIT)
        return None
    if _BIDI.search(text):
        # "Trojan source": these reorder how a line is displayed, so code could read differently than it runs.
        for m in itertools.islice(_BIDI.finditer(text), MAX_SYNTAX_ERRORS):
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            report(line, col, f"invisible text-direction character U+{ord(m.group()):04X}: it can make code display differently than it runs")
        return None
    parser, build = _parser()
    with _PARSING:
        build.report = report
        build.unescape.report = report
        try:
            module, failed = _drive(parser, text, lambda exc: report(*describe_syntax_error(exc, text, _gp)))
        finally:
            build.report = build.unescape.report = None
    if failed or module is None:
        return None
    deep = _too_deep(module)
    if deep is not None:
        report(deep.line, deep.col, f"nesting is too deep (more than {MAX_NESTING} levels of expressions and blocks)", Kind.LIMIT)
        return None
    return module


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")

# Tokens that start a declaration: where the parser can pick up again after a syntax error.
_TOP_START = {"IMPORT", "STRUCT", "INTERFACE", "CONTRACT", "FN", "PUB"}
_MEMBER_START = {"PUB", "FN", "STORAGE", "CONST", "EVENT", "STRUCT", "INIT", "PAYABLE", "VIEW", "REENTRANT"}


def _drive(parser, text, report):
    """Parse token by token, reporting syntax errors and recovering where that is reliable.

    A missing ';' at a line end or before '}' is inserted. Any other error skips to the next declaration
    (a contract member, or a top-level item) and resumes from the parser state
    saved before the previous declaration, so each broken declaration reports
    once and the rest of the file is still checked. Returns (module, failed).
    """
    ip = parser.parse_interactive(text)
    state = ip.parser_state
    depth = 0  # brace depth, from the tokens themselves
    saved: dict = {}  # depth -> parser state just before a declaration started there
    errors = 0
    recovering = quiet = False
    last = prev = None
    try:
        for tok in _tokens(ip, text, report):
            if tok is None:  # a stray character, reported and passed over: skip the rest of its declaration
                recovering = True
                errors += 1
                if errors >= MAX_SYNTAX_ERRORS:
                    return None, True
                continue
            prev, last = last, tok
            t = tok.type
            boundary = (depth == 0 and t in _TOP_START) or (depth == 1 and t in _MEMBER_START)
            if recovering:
                if not (boundary and depth in saved):
                    depth = _depth(depth, t, saved)
                    continue
                state = saved[depth].copy(deepcopy_values=False)
                recovering, quiet = False, True
            snap = state.copy(deepcopy_values=False) if boundary else None
            try:
                state.feed_token(tok)
            except _gp.UnexpectedToken as exc:
                if not quiet:
                    errors += 1
                    report(exc)
                    if errors >= MAX_SYNTAX_ERRORS:
                        return None, True
                quiet = False
                # Insert the ';' only where it is plainly missing: at a line end or before '}'.
                at_line_end = prev is not None and (tok.line > prev.line or t == "RBRACE")
                if t != "$END" and "SEMICOLON" in exc.expected and at_line_end:
                    trial = state.copy(deepcopy_values=False)
                    try:
                        trial.feed_token(_gp.Token("SEMICOLON", ";", tok.start_pos, tok.line, tok.column))
                        trial.feed_token(tok)
                    except _gp.UnexpectedToken:
                        pass
                    else:
                        state = trial
                        depth = _depth(depth, t, saved)
                        continue
                recovering = True
                depth = _depth(depth, t, saved)
                continue
            quiet = False
            # Keep the state from before a declaration's first token only: the `fn` of `pub fn` is no start.
            if snap is not None and (prev is None or prev.type in ("SEMICOLON", "LBRACE", "RBRACE")):
                saved[depth] = snap
            depth = _depth(depth, t, saved)
    except _Stop:
        return None, True
    if recovering:
        return None, True
    end = _gp.Token.new_borrow_pos("$END", "", last) if last is not None else _gp.Token("$END", "", 0, 1, 1)
    try:
        module = state.feed_token(end, True)
    except _gp.UnexpectedToken as exc:
        report(exc)
        return None, True
    return module, errors > 0


class _Stop(Exception):
    """Lexing cannot go on (an unterminated string or comment)."""


def _tokens(ip, text, report):
    """The lexer's tokens; a character no token starts with is reported and stepped over (yielding None)."""
    lexer_state = ip.lexer_thread.state
    while True:
        try:
            yield from ip.lexer_thread.lex(ip.parser_state)
            return
        except _gp.UnexpectedCharacters as exc:
            report(exc)
            pos = exc.pos_in_stream
            if text[pos] in "\"'" or text.startswith(("/*", 'b"'), pos):
                raise _Stop from None  # nothing after it can be read reliably
            lexer_state.line_ctr.feed(text[pos], False)
            yield None


def _depth(depth, t, saved):
    if t == "LBRACE":
        return depth + 1
    if t == "RBRACE":
        if depth == 1:
            saved.pop(1, None)  # member states belong to the declaration that just closed
        return max(depth - 1, 0)
    return depth


def _too_deep(root):
    """The first node nested deeper than MAX_NESTING, found without recursion.

    A binary operation whose left operand is another binary operation keeps its
    level, and so does the `else if` of an if: a flat chain `a + b + c + ...`
    (left-associated, as generated code writes it) or `if .. else if .. else
    if ..` is one level however long, and every later stage walks such a chain
    in a loop. Every other child is one level deeper, since the stages recurse
    into it."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return node
        chain = None
        if isinstance(node, ast.BinOp) and isinstance(node.left, ast.BinOp):
            chain = node.left
        elif isinstance(node, ast.IfStmt) and isinstance(node.orelse, ast.IfStmt):
            chain = node.orelse
        stack.extend((c, depth if c is chain else depth + 1) for c in ast.children(node))
    return None
