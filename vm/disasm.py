"""Readable text for a code object, and back: `disassemble` and `assemble_text`.

The text holds the whole code object (name, files, events, constants,
functions with their flags, instructions and line table), so
`assemble_text(disassemble(x))` rebuilds x byte for byte. Everything after a
`;` is a comment for the reader: resolved constants, names and locations.
"""
from __future__ import annotations

import json
import re

from .asm import AssemblyError
from .code import INIT, PAYABLE, PUB, REENTRANT, VIEW, CodeFormatError, CodeObject, Event, Function, decode, decode_type
from .bytecode import decode_region, encode_immediate
from .opcodes import BY_NAME, TYPE_TAGS

FLAG_NAMES = (("pub", PUB), ("view", VIEW), ("payable", PAYABLE), ("reentrant", REENTRANT), ("init", INIT))
TAG_NAMES = {v: k for k, v in TYPE_TAGS.items()}
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\Z")
COMMENT_COLUMN = 40
HEADER = "; Obelisk code object, format version {}"


# ---------------------------------------------------------------- writing


def _name(s: str) -> str:
    return s if _IDENT.match(s) and s not in ("locals", "at") else json.dumps(s, ensure_ascii=False)


def _type(t) -> str:
    if isinstance(t, str):
        return t
    return f"{_name(t[1])}{{{', '.join(f'{_name(n)}: {_type(ft)}' for n, ft in t[2])}}}"


def _params(items) -> str:
    return ", ".join(f"{_name(n)}: {_type(t)}" for n, t in items)


def _literal(c) -> str:
    if type(c) is bool:
        return "bool " + ("true" if c else "false")
    if type(c) is int:
        return f"int {c}"
    if type(c) is str:
        return "string " + json.dumps(c, ensure_ascii=False)
    return "bytes 0x" + bytes(c).hex()


def _short(c) -> str:
    text = _literal(c).split(" ", 1)[1]
    return text if len(text) <= 48 else text[:45] + "..."


def _printable(text: str) -> str:
    """Comments are free text but must stay on their line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _line(text: str, comment: str | None = None) -> str:
    if comment:
        comment = _printable(comment)
        return f"{text:<{COMMENT_COLUMN - 1}} ; {comment}"
    return text


def _decoded(code: bytes, start: int, end: int) -> tuple:
    """(instructions, offset of the undecodable rest or None) of one function's bytes."""
    instrs, stop = decode_region(code, start, end)
    return instrs, None if stop is None else stop[0]


def _decode_all(obj: CodeObject) -> list:
    """(function index or None, start, end, instructions, undecodable rest or None) per region."""
    starts = sorted((f.entry, i) for i, f in enumerate(obj.functions))
    regions = []
    if not starts or starts[0][0] > 0:
        regions.append((None, 0, starts[0][0] if starts else len(obj.code)))
    for n, (entry, fi) in enumerate(starts):
        regions.append((fi, entry, starts[n + 1][0] if n + 1 < len(starts) else len(obj.code)))
    return [(fi, a, b, *_decoded(obj.code, a, b)) if fi is not None else (fi, a, b, [], a) for fi, a, b in regions]


def disassemble(code) -> str:
    """Text of a CodeObject, its encoded bytes, or a validated Program."""
    if hasattr(code, "instrs") and hasattr(code, "code"):
        code = code.code
    obj = code if isinstance(code, CodeObject) else decode(bytes(code))
    decoded = _decode_all(obj)
    out = [HEADER.format(obj.version)]
    needed = max([1] + [spec.since for _, _, _, ins, _ in decoded for _, spec, _ in ins])
    if obj.version != needed:  # otherwise reading the text back infers it from the opcodes
        out.append(f".version {obj.version}")
    out.append(f".contract {_name(obj.name)}")
    for i, f in enumerate(obj.files):
        out.append(f".file {i} {json.dumps(f, ensure_ascii=False)}")
    for i, e in enumerate(obj.events):
        out.append(f".event {i} {_name(e.name)}({_params(e.fields)})")
    for i, c in enumerate(obj.consts):
        out.append(f".const {i} {_literal(c)}")
    starts_set = {pc for _, _, _, ins, _ in decoded for pc, _, _ in ins}
    # Labels are per function: only a jump that stays in its function names one.
    targets = {imm for _, a, b, ins, _ in decoded for _, spec, imm in ins if spec.jumps and imm in starts_set and a <= imm < b}
    lines_at = {}
    for entry in obj.lines:
        if entry[0] in starts_set:
            lines_at[entry[0]] = entry
        else:
            loc = obj.location(entry[0])
            out.append(_line(f".loc {entry[1]} {entry[2]} {entry[3]} at {entry[0]}", loc))
    for fi, start, end, ins, rest in decoded:
        if fi is not None:
            f = obj.functions[fi]
            out.append("")
            head = f".function {fi} {_name(f.name)}({_params(f.params)})"
            if f.returns is not None:
                head += f" -> {_type(f.returns)}"
            head += f" locals {f.nlocals}"
            for word, bit in FLAG_NAMES:
                if f.flags & bit:
                    head += " " + word
            out.append(head)
        for pc, spec, imm in ins:
            if pc in lines_at:
                e = lines_at[pc]
                out.append(_line(f"    .loc {e[1]} {e[2]} {e[3]}", obj.location(pc)))
            if pc in targets:
                out.append(f"L{pc}:")
            out.append(_instr(obj, fi, pc, spec, imm, targets, (start, end)))
        if rest is not None and rest < end:
            out.append(_line(f"{rest:6d}  .bytes {obj.code[rest:end].hex()}", "not decodable"))
    return "\n".join(out) + "\n"


def _instr(obj, fi, pc, spec, imm, targets, region) -> str:
    text = f"{pc:6d}  {spec.name}"
    comment = None
    if spec.imm:
        arg = str(imm)
        kind = spec.imm_kind
        if kind == "label" and imm in targets and region[0] <= imm < region[1]:
            arg = f"L{imm}"
        elif kind == "const" and imm < len(obj.consts):
            comment = _short(obj.consts[imm])
        elif kind == "local" and fi is not None:
            params = obj.functions[fi].params
            if imm < len(params):
                comment = params[imm][0]
        elif kind == "func" and imm < len(obj.functions):
            comment = obj.functions[imm].name
        elif kind == "event" and imm < len(obj.events):
            comment = obj.events[imm].name
        elif kind == "tag" and imm in TAG_NAMES:
            comment = TAG_NAMES[imm]
        elif kind == "type" and imm < len(obj.consts):
            try:
                comment = _type(decode_type(obj.consts[imm]))
            except CodeFormatError:
                comment = "not a type"
        text += " " + arg
    return _line(text, comment)


# ---------------------------------------------------------------- reading

_OFFSET = re.compile(r"[0-9]+")
_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(->|[(){}:,])|([^\s(){}:,"]+))')


def _strip_comment(line: str) -> str:
    in_str = esc = False
    for i, ch in enumerate(line):
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == ";":
            return line[:i]
    return line


class _Tokens:
    def __init__(self, text: str, lineno: int):
        self.lineno = lineno
        self.items = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                self.fail(f"cannot read {text[pos:]!r}")
            self.items.append(m.group(1) or m.group(2) or m.group(3))
            pos = m.end()
        self.i = 0

    def fail(self, msg):
        raise AssemblyError(f"line {self.lineno}: {msg}")

    def peek(self):
        return self.items[self.i] if self.i < len(self.items) else None

    def next(self, what="a token"):
        tok = self.peek()
        if tok is None:
            self.fail(f"expected {what} at the end of the line")
        self.i += 1
        return tok

    def expect(self, tok):
        got = self.next(repr(tok))
        if got != tok:
            self.fail(f"expected {tok!r}, got {got!r}")

    def done(self):
        if self.peek() is not None:
            self.fail(f"unexpected {self.peek()!r}")

    def int(self, what="a number"):
        tok = self.next(what)
        try:
            return int(tok, 10)
        except ValueError:
            self.fail(f"expected {what}, got {tok!r}")

    def name(self):
        tok = self.next("a name")
        if tok.startswith('"'):
            try:
                return json.loads(tok)
            except ValueError:
                self.fail(f"bad quoted name {tok}")
        if tok in "(){}:,->":
            self.fail(f"expected a name, got {tok!r}")
        return tok

    def type(self, depth=0):
        if depth > 32:
            self.fail("type nested too deeply")
        name = self.name()
        if self.peek() != "{":
            return name
        self.next()
        fields = self.fields("}", depth + 1)
        return ("struct", name, fields)

    def fields(self, close, depth=0):
        out = []
        while self.peek() != close:
            n = self.name()
            self.expect(":")
            out.append((n, self.type(depth)))
            if self.peek() == ",":
                self.next()
            elif self.peek() != close:
                self.fail(f"expected ',' or {close!r}")
        self.next()
        return tuple(out)


def _index(tok: _Tokens, expected: int, what: str) -> None:
    n = tok.int(f"{what} index")
    if n != expected:
        tok.fail(f"{what} index {n}, expected {expected}")


def assemble_text(text: str) -> CodeObject:
    """Read disassembly text back into a CodeObject; raises AssemblyError (with the line) on bad input."""
    name = None
    files, events, consts, lines = [], [], [], []
    funcs: dict = {}
    code = bytearray()
    pending: list = []  # [(lineno, target label, byte position of the immediate, size)]
    labels: dict = {}
    current = None
    version = None  # from a .version line, else the lowest the opcodes need
    needed = 1
    for lineno, raw in enumerate(text.split("\n"), 1):
        body = _strip_comment(raw).strip()
        if not body:
            continue
        tok = _Tokens(body, lineno)
        head = tok.next()
        if head.endswith(":") or (tok.peek() == ":" and len(tok.items) == 2):
            label = head[:-1] if head.endswith(":") else head
            if not head.endswith(":"):
                tok.next()
            tok.done()
            if current is None:
                tok.fail("label outside a function")
            if (current, label) in labels:
                tok.fail(f"duplicate label {label}")
            labels[(current, label)] = len(code)
            continue
        if head == ".contract":
            name = tok.name()
        elif head == ".version":
            version = tok.int("a format version")
        elif head == ".file":
            _index(tok, len(files), "file")
            f = tok.next("a quoted file name")
            try:
                files.append(json.loads(f))
            except ValueError:
                tok.fail("bad file name")
        elif head == ".event":
            _index(tok, len(events), "event")
            ename = tok.name()
            tok.expect("(")
            events.append(Event(ename, tok.fields(")")))
        elif head == ".const":
            _index(tok, len(consts), "const")
            consts.append(_read_const(tok))
        elif head == ".function":
            fi = tok.int("function index")
            if fi in funcs:
                tok.fail(f"function {fi} defined twice")
            fname = tok.name()
            tok.expect("(")
            params = tok.fields(")")
            returns = None
            if tok.peek() == "->":
                tok.next()
                returns = tok.type()
            tok.expect("locals")
            nlocals = tok.int("local count")
            flags = 0
            while tok.peek() is not None:
                word = tok.next()
                bit = dict(FLAG_NAMES).get(word)
                if bit is None:
                    tok.fail(f"unknown flag {word!r}")
                flags |= bit
            funcs[fi] = Function(fname, len(code), params, returns, nlocals, flags)
            current = fi
        elif head == ".loc":
            f, ln, col = tok.int("file index"), tok.int("line"), tok.int("column")
            pc = len(code)
            if tok.peek() == "at":
                tok.next()
                pc = tok.int("offset")
            lines.append((pc, f, ln, col, lineno))
        elif _OFFSET.fullmatch(head) or head.startswith("."):
            if _OFFSET.fullmatch(head):
                if len(head) > 9:
                    tok.fail(f"offset {head[:12]}... is out of range")
                offset = int(head)
                if offset != len(code):
                    tok.fail(f"offset {offset} does not match the position {len(code)}")
                head = tok.next("an opcode")
            if head.startswith(".") and head != ".bytes":
                tok.fail(f"unknown directive {head!r}")
            if head == ".bytes":
                h = tok.next("hex bytes")
                try:
                    code += bytes.fromhex(h)
                except ValueError:
                    tok.fail("bad hex bytes")
            else:
                needed = max(needed, _read_instr(tok, head, code, pending, current))
        else:
            needed = max(needed, _read_instr(tok, head, code, pending, current))
        tok.done()
    for lineno, fi, label, at, size in pending:
        if (fi, label) not in labels:
            raise AssemblyError(f"line {lineno}: unknown label {label}")
        try:
            code[at : at + size] = labels[(fi, label)].to_bytes(size, "big")
        except OverflowError:
            raise AssemblyError(f"line {lineno}: label {label} is at an offset a jump cannot hold") from None
    if sorted(funcs) != list(range(len(funcs))):
        raise AssemblyError("function indexes must run 0, 1, 2, ... without gaps")
    lines.sort(key=lambda e: e[0])
    for a, b in zip(lines, lines[1:]):
        if a[0] == b[0]:
            raise AssemblyError(f"line {b[4]}: two .loc entries at offset {b[0]}")
    return CodeObject(
        name if name is not None else "",
        tuple(funcs[i] for i in range(len(funcs))),
        tuple(events),
        tuple(consts),
        bytes(code),
        tuple(files),
        tuple(e[:4] for e in lines),
        needed if version is None else version,
    )


def _read_const(tok: _Tokens):
    kind = tok.next("a constant type")
    value = tok.next("a constant value")
    if kind == "int":
        try:
            return int(value, 10)
        except ValueError:
            tok.fail(f"bad int {value!r}")
    if kind == "bool" and value in ("true", "false"):
        return value == "true"
    if kind == "string" and value.startswith('"'):
        try:
            return json.loads(value)
        except ValueError:
            tok.fail("bad string literal")
    if kind == "bytes" and value.startswith("0x"):
        try:
            return bytes.fromhex(value[2:])
        except ValueError:
            tok.fail("bad bytes literal")
    tok.fail(f"bad constant {kind} {value}")


def _read_instr(tok: _Tokens, opname: str, code: bytearray, pending: list, current) -> int:
    """Append one instruction; returns the format version its opcode needs."""
    spec = BY_NAME.get(opname)
    if spec is None:
        tok.fail(f"unknown opcode {opname!r}")
    code.append(spec.code)
    if not spec.imm:
        return spec.since
    arg = tok.next("an immediate")
    if spec.jumps and not re.fullmatch(r"-?\d+", arg):
        pending.append((tok.lineno, current, arg, len(code), spec.imm))
        code += bytes(spec.imm)
        return spec.since
    try:
        value = int(arg, 10)
        code += encode_immediate(spec, value)
    except (ValueError, OverflowError):
        tok.fail(f"{opname} needs an immediate that fits {spec.imm} byte(s), got {arg!r}")
    return spec.since
