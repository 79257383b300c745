"""The pipeline: load and parse -> check -> codegen -> assemble, with errors kept apart from faults."""
from __future__ import annotations

import hashlib

from vm import code as C
from vm import disassemble
from vm import limits
from vm.asm import AssemblyError, FunctionAsm, Instr, assemble, decode_instructions
from vm.encoding import pack
from vm.errors import ValidationError
from vm.opcodes import BY_NAME
from vm.validate import stack_effect, validate

from . import ast
from . import types as T
from .artifact import Artifact
from .checker import Checker
from .codegen import generate
from .errors import CompileError, InternalCompilerError, Kind, Reporter
from .files import MAX_SOURCE_FILE_BYTES, Unreadable, read_regular, resolve
from .loader import Loader

COMPILER_VERSION = "obelisk-lang 0.1.0"


class Front:
    """The result of loading and checking one root source."""

    def __init__(self, text, file, real, search_paths=()):
        if text.startswith("\ufeff"):
            text = text[1:]  # a UTF-8 byte order mark, as some editors write
        self.reporter = Reporter()
        self.loader = Loader(self.reporter, search_paths)
        self.root = self.loader.load_root(text, file, real)
        self.checked = None
        if all(m.tree is not None for m in self.loader.modules):
            self.checked = Checker(self.reporter, self.loader.modules).run()

    def source_hash(self) -> str:
        parts = []
        for m in self.loader.modules:
            lines = self.reporter.sources.get(m.file, [])
            parts.append([m.file, "\n".join(lines)])
        return hashlib.sha256(pack(parts)).hexdigest()

    def pick(self, name):
        infos = self.checked.root
        contracts = list(infos.contracts.values())
        if name is not None:
            ci = infos.contracts.get(name)
            if ci is None:
                found = ", ".join(c.name for c in contracts) or "none"
                self.reporter.error(self.root.file, 1, 1, f"no contract named {name!r} in this file (found: {found})", Kind.CHECK)
            return ci
        if not contracts:
            self.reporter.error(self.root.file, 1, 1, "no contract in this file")
            return None
        return contracts[-1]


def _guard(fn, what):
    """Run a stage; any exception that is not a CompileError is our bug."""
    try:
        return fn()
    except (CompileError, InternalCompilerError):
        raise
    except RecursionError:
        raise InternalCompilerError("recursion too deep", what) from None
    except Exception as exc:  # an internal fault must never look like a user error or a traceback
        raise InternalCompilerError(f"{type(exc).__name__}: {exc}", what) from exc


def refuse(file, message, kind, line=1, col=1, source=None) -> CompileError:
    """A compile error about a whole source (unreadable, too large, not text), located at LINE:COL."""
    r = Reporter()
    if source is not None:
        r.add_source(file, source)
    r.error(file, line, col, message, kind)
    return CompileError(r.errors)


def front(text, file, real=None, contract=None, search_paths=()):
    if isinstance(text, (bytes, bytearray)) and len(text) > MAX_SOURCE_FILE_BYTES:
        raise refuse(file, f"source file is larger than {MAX_SOURCE_FILE_BYTES} bytes", Kind.LIMIT)
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            data = bytes(text)
            start = data.rfind(b"\n", 0, exc.start) + 1
            line = data.count(b"\n", 0, exc.start) + 1
            col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
            why = f"the source is not UTF-8 text (bad byte 0x{data[exc.start]:02x}); save the file as UTF-8"
            raise refuse(file, why, Kind.SOURCE, line, col, data.decode("utf-8", "replace")) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates in a str given through the API
        line = text.count("\n", 0, exc.start) + 1
        col = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        shown = text.encode("utf-8", "replace").decode("utf-8")
        raise refuse(file, "the source is not valid Unicode text", Kind.SOURCE, line, col, shown) from None
    f = Front(text, file, real, search_paths)
    f.reporter.raise_if_any()
    ci = f.pick(contract)
    f.reporter.raise_if_any()
    return f, ci


def _build(f: Front, ci):
    functions, events = generate(f.checked, ci, f.reporter)
    f.reporter.raise_if_any()
    if not functions:
        # The VM refuses code without functions; an empty contract gets an empty init.
        functions = [FunctionAsm("init", (), None, 0, C.INIT, [Instr("RET", None, (ci.module.file, ci.node.line, ci.node.col))])]
    too_large = _over_code_limits(functions, events)
    if too_large:
        f.reporter.at(ci.module.file, ci.node, f"contract {ci.name} is too large: {too_large}", Kind.LIMIT)
        f.reporter.raise_if_any()
    try:
        code = assemble(ci.name, functions, events)
    except AssemblyError as exc:  # within the limits above, a failure to assemble is our bug
        raise InternalCompilerError(f"assembler: {exc}", ci.name) from None
    data = code.encode()
    if len(data) > limits.MAX_CODE_OBJECT_SIZE:
        f.reporter.at(ci.module.file, ci.node, f"contract {ci.name} is too large: its code object is {len(data)} bytes, over the limit of {limits.MAX_CODE_OBJECT_SIZE}", Kind.LIMIT)
        f.reporter.raise_if_any()
    # Hold the compiler to the VM's load-time rules: what compiles must deploy.
    try:
        validate(data)
    except ValidationError as exc:
        where = _stack_overflow(code)
        if where is None:  # any other validation failure is our bug
            raise InternalCompilerError(f"generated code fails validation: {exc}", ci.name) from None
        file, line, col = where.rsplit(":", 2) if where else (ci.module.file, ci.node.line, ci.node.col)
        f.reporter.error(file, int(line), int(col), f"this expression needs more than {limits.MAX_STACK} stack slots; split it up", Kind.LIMIT)
        f.reporter.raise_if_any()
    return functions, code


def _over_code_limits(functions, events) -> str | None:
    """What makes the instructions too large for a code object, measured before assembling, or None.

    Code within MAX_CODE_SIZE also keeps every jump and constant index in range:
    a PUSH_CONST takes 3 bytes, so the pool cannot fill before the code does."""
    size = sum(1 + BY_NAME[i.op].imm for fa in functions for i in fa.body if isinstance(i, Instr))
    if size > limits.MAX_CODE_SIZE:
        return f"code is {size} bytes, over the limit of {limits.MAX_CODE_SIZE}"
    if len(functions) > limits.MAX_FUNCTIONS:
        return f"{len(functions)} functions, over the limit of {limits.MAX_FUNCTIONS}"
    if len(events) > limits.MAX_EVENTS:
        return f"{len(events)} events, over the limit of {limits.MAX_EVENTS}"
    return None


def _stack_overflow(code):
    """Where the operand stack first grows past the VM's limit ("file:line:col", or "" when the
    spot has no source line), or None when it never does.

    Asked only when generated code fails validation: an expression too deep for the
    stack is the user's to split; any other failure is the compiler's bug."""
    instrs = list(decode_instructions(code.code))
    index_of = {pc: i for i, (pc, _, _) in enumerate(instrs)}
    for fn in code.functions:
        seen = set()
        work = [(index_of.get(fn.entry), 0)]
        while work:
            i, h = work.pop()
            if i is None or i in seen or i >= len(instrs):
                continue
            seen.add(i)
            pc, spec, imm = instrs[i]
            pops, pushes = stack_effect(code, fn, spec, imm)
            h = h - pops + pushes
            if h > limits.MAX_STACK:
                return code.location(pc) or ""
            if spec.jumps:
                work.append((index_of.get(imm), h))
            if not spec.terminates:
                work.append((i + 1, h))
    return None


def abi_of(ci) -> dict:
    def inputs(fi):
        return [{"name": n, "type": T.abi_type(t)} for n, t in fi.params]

    fns = []
    for fi in ci.functions.values():
        if fi.kind != "pub":
            continue
        fns.append(
            {
                "name": fi.name,
                "inputs": inputs(fi),
                "output": T.abi_type(fi.ret) if fi.ret is not None else None,
                "view": fi.view,
                "payable": fi.payable,
                "reentrant": fi.reentrant,
            }
        )
    init = {"inputs": inputs(ci.init), "payable": ci.init.payable} if ci.init is not None else {"inputs": [], "payable": False}
    events = [{"name": ev.name, "fields": [{"name": n, "type": T.abi_type(t)} for n, t in ev.params]} for ev in ci.events.values()]
    return {"functions": fns, "init": init, "events": events}


def compile_text(text, file, real=None, contract=None, search_paths=()) -> Artifact:
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"source must be str or bytes, not {type(text).__name__}")
    def run():
        f, ci = front(text, file, real, contract, search_paths)
        _, code = _build(f, ci)
        return Artifact(
            ci.name,
            abi_of(ci),
            code.encode(),
            {"files": list(code.files), "lines": [list(x) for x in code.lines]},
            COMPILER_VERSION,
            f.source_hash(),
        )

    return _guard(run, file)


def read_source(path) -> tuple:
    """(bytes, real path) of a regular source file, or a CompileError located at the file."""
    try:
        real = resolve(path)
        return read_regular(real), real
    except Unreadable as exc:
        if exc.limit:
            raise refuse(str(path), f"source file is {exc.why}", Kind.LIMIT) from None
        raise refuse(str(path), f"cannot read the file: {exc.why}", Kind.SOURCE) from None


def emit_text(text, file, real, stage, contract=None, search_paths=()) -> str:
    def run():
        if stage == "ast":
            f = Front(text if isinstance(text, str) else text.decode("utf-8", "replace"), file, real, search_paths)
            f.reporter.raise_if_any()
            return ast.dump(f.root.tree)
        f, ci = front(text, file, real, contract, search_paths)
        functions, code = _build(f, ci)
        if stage == "ir":
            return ir_listing(functions, f.reporter.sources)
        if stage == "asm":
            return disassemble(code)
        raise ValueError(f"unknown stage {stage!r}: use ast, ir or asm")

    if stage not in ("ast", "ir", "asm"):
        raise ValueError(f"unknown stage {stage!r}: use ast, ir or asm")
    return _guard(run, file)


def ir_listing(functions, sources=None) -> str:
    """Instructions with labels, each with its line:col, and each new source line quoted above its code."""
    from vm.asm import Label

    sources = sources or {}
    out = []
    for fa in functions:
        params = ", ".join(f"{n}: {_tname(t)}" for n, t in fa.params)
        ret = f" -> {_tname(fa.returns)}" if fa.returns is not None else ""
        out.append(f"fn {fa.name}({params}){ret}  ; flags={fa.flags} locals={fa.nlocals}")
        shown = None
        for item in fa.body:
            if isinstance(item, Label):
                out.append(f"  {item.name}:")
                continue
            if item.span and item.span[:2] != shown:
                shown = item.span[:2]
                lines = sources.get(item.span[0], [])
                if 0 < item.span[1] <= len(lines):
                    out.append(f"    ; {item.span[0]}:{item.span[1]}: {lines[item.span[1] - 1].strip()}")
            arg = "" if item.arg is None else " " + _arg(item.arg)
            where = f"  ; {item.span[1]}:{item.span[2]}" if item.span else ""
            out.append(f"    {item.op}{arg}{where}")
    return "\n".join(out) + "\n"


def _tname(t):
    return t if isinstance(t, str) else t[1]


def _arg(a):
    if isinstance(a, bytes):
        return "0x" + a.hex()
    return repr(a) if isinstance(a, str) else str(a)

