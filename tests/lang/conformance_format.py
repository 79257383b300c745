"""The `// expect:` format of the conformance programs, parsed into plain data any runner can use.

  // contract: NAME                 the contract under test (default: the last one)
  // init: ARGS                     its init arguments
  // expect: [C.]f(ARGS) [from N] [value V] == VALUE
  // expect: [C.]f(ARGS) [from N] [value V] reverts "REASON" [at [FILE:]LINE:COL]
  // expect: [C.]f(ARGS) [from N] [value V] ok
  // expect: [C.]f(ARGS) [from N] [value V] emits E(ARGS)
  // expect error: [FILE:]LINE:COL MESSAGE-SUBSTRING   (FILE when the error is in an imported file)
VALUE/ARGS: ints (-5, 0xff, 1_000), true, false, "text", b"bytes", address(N),
@Contract (the address it was deployed at), @N (the address of sender N),
[a, b] (a struct), none. Sender 0 deploys every contract of a file before the
first call, in file order. `// runner: vm` marks a file whose facts hold only
for the VM runner (fixed block number and time, its gas limit).
"""
from __future__ import annotations

import ast as pyast
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Deployed:
    """`@Name`: the address of a contract of the same file."""

    name: str


@dataclass(frozen=True)
class Sender:
    """`@N`: the address of sender N."""

    index: int


@dataclass(frozen=True)
class Addr:
    """`address(N)`."""

    value: int


@dataclass
class Call:
    target: str | None
    function: str
    args: list
    sender: int = 0
    value: int = 0


@dataclass
class Expect:
    line: int
    call: Call
    kind: str  # "value" | "reverts" | "ok" | "emits"
    value: object = None
    reason: str | None = None
    at: str | None = None  # "LINE:COL"
    event: tuple | None = None  # (name, [args])


@dataclass
class ErrorExpect:
    line: int
    where: str  # "LINE:COL"
    message: str


@dataclass
class Case:
    path: Path
    text: str
    contract: str | None = None
    init: list = field(default_factory=list)
    expects: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    vm_only: bool = False


class FormatError(ValueError):
    pass


class _Values:
    """A tiny recursive-descent reader for argument and result values."""

    TOKEN = re.compile(r'\s*(b"(?:\\.|[^"\\])*"|"(?:\\.|[^"\\])*"|-?0x[0-9a-fA-F_]+|-?[0-9][0-9_]*|[A-Za-z_@][A-Za-z0-9_.]*|@[0-9]+|[\[\](),=])')

    def __init__(self, text):
        self.toks = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m:
                raise FormatError(f"cannot read {text[pos:]!r}")
            self.toks.append(m.group(1))
            pos = m.end()
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, want=None):
        t = self.peek()
        if t is None or (want is not None and t != want):
            raise FormatError(f"expected {want or 'a value'}, found {t!r}")
        self.i += 1
        return t

    def value(self):
        t = self.take()
        if t.startswith('b"'):
            return pyast.literal_eval(t)
        if t.startswith('"'):
            return pyast.literal_eval(t)
        if re.fullmatch(r"-?(0x[0-9a-fA-F_]+|[0-9][0-9_]*)", t):
            return int(t.replace("_", ""), 0)
        if t == "true":
            return True
        if t == "false":
            return False
        if t == "none":
            return None
        if t.startswith("@"):
            return Sender(int(t[1:])) if t[1:].isdigit() else Deployed(t[1:])
        if t == "address":
            self.take("(")
            v = self.value()
            self.take(")")
            return Addr(v)
        if t == "[":
            items = self.seq("]")
            return items
        raise FormatError(f"unknown value {t!r}")

    def seq(self, close):
        items = []
        while self.peek() != close:
            items.append(self.value())
            if self.peek() == ",":
                self.take(",")
            elif self.peek() != close:
                raise FormatError(f"expected ',' or {close!r}")
        self.take(close)
        return items


_EXPECT = re.compile(r"//\s*expect:\s*(.*)$")
_ERROR = re.compile(r"//\s*expect error:\s*((?:\S+:)?\d+:\d+)\s+(.*)$")
_CALL = re.compile(r"(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)\((.*?)\)((?:\s+(?:from|value)\s+\d+)*)\s+(==|reverts|ok|emits)\s*(.*)$")


def parse_case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    case = Case(path, text)
    for n, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        try:
            if re.match(r"//\s*runner:\s*vm\s*$", s):
                case.vm_only = True
            elif m := re.match(r"//\s*contract:\s*(\w+)\s*$", s):
                case.contract = m.group(1)
            elif m := re.match(r"//\s*init:\s*(.*)$", s):
                case.init = _Values(m.group(1)).seq_all()
            elif m := _ERROR.search(s):
                case.errors.append(ErrorExpect(n, m.group(1), m.group(2).strip()))
            elif m := _EXPECT.search(s):
                case.expects.append(_expect(n, m.group(1)))
        except FormatError as exc:
            raise FormatError(f"{path}:{n}: {exc}") from None
    return case


def _seq_all(self):
    out = []
    while self.peek() is not None:
        out.append(self.value())
        if self.peek() == ",":
            self.take(",")
    return out


_Values.seq_all = _seq_all


def _expect(n, body) -> Expect:
    m = _CALL.match(body.strip())
    if not m:
        raise FormatError(f"cannot read expectation {body!r}")
    target, fn, args, opts, kind, rest = m.groups()
    call = Call(target, fn, _Values(args).seq_all())
    for k, v in re.findall(r"(from|value)\s+(\d+)", opts or ""):
        if k == "from":
            call.sender = int(v)
        else:
            call.value = int(v)
    if kind == "==":
        vals = _Values(rest)
        v = vals.value()
        if vals.peek() is not None:
            raise FormatError(f"trailing text after the value: {rest!r}")
        return Expect(n, call, "value", value=v)
    if kind == "ok":
        return Expect(n, call, "ok")
    if kind == "emits":
        em = re.match(r"(\w+)\((.*)\)\s*$", rest)
        if not em:
            raise FormatError(f"cannot read event {rest!r}")
        return Expect(n, call, "emits", event=(em.group(1), _Values(em.group(2)).seq_all()))
    rm = re.match(r'("(?:\\.|[^"\\])*")(?:\s+at\s+((?:\S+:)?\d+:\d+))?\s*$', rest)
    if not rm:
        raise FormatError(f"cannot read revert reason {rest!r}")
    return Expect(n, call, "reverts", reason=pyast.literal_eval(rm.group(1)), at=rm.group(2))
