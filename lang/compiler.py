"""The pipeline: load and parse -> check -> codegen -> assemble, with errors kept apart from faults."""
from __future__ import annotations

import hashlib
from pathlib import Path

from vm import code as C
from vm import limits
from vm.asm import AssemblyError, FunctionAsm, Instr, assemble
from vm.errors import ValidationError
from vm.validate import validate
from vm.encoding import pack

from . import ast
from . import types as T
from .artifact import Artifact
from .checker import Checker
from .codegen import generate
from .errors import CompileError, InternalCompilerError, Reporter
from .loader import Loader

COMPILER_VERSION = "obelisk-lang 0.1.0"
# Refused before reading or decoding (the parser's own bound is 1,000,000 characters).
MAX_SOURCE_FILE_BYTES = 4_000_000


class Front:
    """The result of loading and checking one root source."""

    def __init__(self, text, file, real):
        if text.startswith("\ufeff"):
            text = text[1:]  # a UTF-8 byte order mark, as some editors write
        self.reporter = Reporter()
        self.loader = Loader(self.reporter)
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
                self.reporter.error(self.root.file, 1, 1, f"no contract named {name!r} in this file (found: {found})")
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


def front(text, file, real=None, contract=None):
    if isinstance(text, (bytes, bytearray)) and len(text) > MAX_SOURCE_FILE_BYTES:
        r = Reporter()
        r.error(file, 1, 1, f"source file is larger than {MAX_SOURCE_FILE_BYTES} bytes")
        raise CompileError(r.errors)
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            data = bytes(text)
            start = data.rfind(b"\n", 0, exc.start) + 1
            line = data.count(b"\n", 0, exc.start) + 1
            col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
            r = Reporter()
            r.add_source(file, data.decode("utf-8", "replace"))
            r.error(file, line, col, f"the source is not UTF-8 text (bad byte 0x{data[exc.start]:02x}); save the file as UTF-8")
            raise CompileError(r.errors) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates in a str given through the API
        r = Reporter()
        line = text.count("\n", 0, exc.start) + 1
        r.add_source(file, text.encode("utf-8", "replace").decode("utf-8"))
        r.error(file, line, exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1, "the source is not valid Unicode text")
        raise CompileError(r.errors) from None
    f = Front(text, file, real)
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
    try:
        code = assemble(ci.name, functions, events)
    except AssemblyError as exc:
        if any(w in str(exc) for w in ("over the limit", "pool is full", "does not fit")):
            f.reporter.at(ci.module.file, ci.node, f"contract {ci.name} is too large: {exc}")
            f.reporter.raise_if_any()
        raise InternalCompilerError(f"assembler: {exc}", ci.name) from None
    data = code.encode()
    if len(data) > limits.MAX_CODE_OBJECT_SIZE:
        f.reporter.at(ci.module.file, ci.node, f"contract {ci.name} is too large: its code object is {len(data)} bytes, over the limit of {limits.MAX_CODE_OBJECT_SIZE}")
        f.reporter.raise_if_any()
    # Hold the compiler to the VM's load-time rules: what compiles must deploy.
    try:
        validate(data)
    except ValidationError as exc:
        if "stack height" in str(exc):
            file, line, col = ci.module.file, ci.node.line, ci.node.col
            where = code.location(exc.offset) if exc.offset is not None else None
            if where:
                file, line, col = where.rsplit(":", 2)
                line, col = int(line), int(col)
            f.reporter.error(file, line, col, f"this expression needs more than {limits.MAX_STACK} stack slots; split it up")
            f.reporter.raise_if_any()
        raise InternalCompilerError(f"generated code fails validation: {exc}", ci.name) from None
    return functions, code


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


def compile_text(text, file, real=None, contract=None) -> Artifact:
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"source must be str or bytes, not {type(text).__name__}")
    def run():
        f, ci = front(text, file, real, contract)
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
    p = Path(path)
    try:
        if p.exists() and not p.is_file():
            r = Reporter()
            r.error(str(path), 1, 1, "cannot read the file: not a regular file")
            raise CompileError(r.errors)
        if p.is_file() and p.stat().st_size > MAX_SOURCE_FILE_BYTES:
            r = Reporter()
            r.error(str(path), 1, 1, f"source file is larger than {MAX_SOURCE_FILE_BYTES} bytes")
            raise CompileError(r.errors)
        data = p.read_bytes()
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL byte
        r = Reporter()
        r.error(str(path), 1, 1, f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
        raise CompileError(r.errors) from None
    return data, p.resolve()


def emit_text(text, file, real, stage, contract=None) -> str:
    def run():
        if stage == "ast":
            f = Front(text if isinstance(text, str) else text.decode("utf-8", "replace"), file, real)
            f.reporter.raise_if_any()
            return ast.dump(f.root.tree)
        f, ci = front(text, file, real, contract)
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


def disassemble(code) -> str:
    import vm

    dis = getattr(vm, "disassemble", None)
    if dis is not None:
        return dis(code)
    from vm.asm import decode_instructions

    starts = {f.entry: f for f in code.functions}
    out = []
    for pc, spec, imm in decode_instructions(code.code):
        if pc in starts:
            out.append(f"{starts[pc].name}:")
        arg = "" if imm is None else f" {imm}"
        if spec.name == "PUSH_CONST":
            arg = f" {_arg(code.consts[imm])}"
        out.append(f"  {pc:5d}  {spec.name}{arg}")
    return "\n".join(out) + "\n"
