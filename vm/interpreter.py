"""The reference interpreter: predecoded instructions, an explicit frame stack, a tiny loop.

One loop runs every frame of every contract in a call; calls push a Frame and
returns pop one, so no contract can make Python recurse (tier 1 runs internal
calls nested, at most tier1.DIRECT_DEPTH deep). The loop fetches a
(handler, argument, static gas) triple, charges, calls; handlers return None,
a jump target, or a function that finishes with the execution (see
vm/instructions). A tracer, when given, is called before each instruction.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import gas as G
from . import limits
from .abi import AbiError, ArityError, args_from_wire
from .errors import Fault, Revert, ValidationError, short_name, short_text, type_error
from . import tier1
from .instructions import HANDLERS
from .instructions.bytes_ops import utf8_size
from .values import INT_MAX, INT_MIN, Address, ConformError, from_wire, type_fields, value_size
from .validate import FuncInfo, Program, recent, validate


@dataclass(frozen=True)
class TraceEvent:
    """What a tracer sees before each instruction runs."""

    depth: int  # frames on the stack, 1 for the outermost
    address: Address  # the contract running
    pc: int  # byte offset of the instruction
    op: str
    stack: tuple  # up to the top 8 operand values, top last
    gas: int  # gas left before this instruction is charged


class TracerFailed(Exception):
    """The caller's tracer raised; the original exception is the cause."""


class Context:
    """One contract activation: shared by the internal frames of an external call."""

    __slots__ = ("address", "caller", "value", "static", "program")

    def __init__(self, address, caller, value, static, program):
        self.address = address
        self.caller = caller
        self.value = value
        self.static = static
        self.program = program


class Frame:
    __slots__ = ("code", "stack", "pc", "func", "ctx", "push_result", "external")

    def __init__(self, code, stack, pc, func, ctx, push_result, external):
        self.code = code  # the program's predecoded ops
        self.stack = stack  # locals first, then operands
        self.pc = pc  # instruction index to resume at
        self.func = func
        self.ctx = ctx
        self.push_result = push_result
        self.external = external  # entered from outside the contract: counts for reentrancy


def _entry(fn):
    """The fast-loop entry of a contextual handler: hands the handler back to the loop."""

    def e(s, a):
        return fn

    e.__name__ = fn.__name__ + "_entry"
    return e


# One entry per contextual handler, made once: the loop calls plain handlers directly.
_DISPATCH = {name: (_entry(fn) if getattr(fn, "contextual", False) else fn) for name, fn in HANDLERS.items()}


def prepare(program: Program) -> list:
    """Predecode a validated program into (handler, argument, static gas) per instruction.

    The argument is what the immediate means (its imm_kind): the constant
    itself, a jump's instruction index, the called FuncInfo, the event's
    (name, fields, struct fields), a type's (TYPE, struct fields); other kinds
    pass the number through.
    """
    if program.ops is not None:
        return program.ops
    consts, events = program.code.consts, program.code.events
    emits: dict = {}  # event index -> EMIT argument, built once per event (not per EMIT)
    ops = []
    for pc, spec, imm in program.instrs:
        kind = spec.imm_kind
        arg = imm
        if kind == "const":
            arg = consts[imm]
        elif kind == "label":
            arg = program.index_of[imm]
        elif kind == "func":
            arg = program.funcs[imm]
        elif kind == "type":
            t = program.types[imm]
            arg = (t, type_fields(t))
        elif kind == "event":
            arg = emits.get(imm)
            if arg is None:
                ev = events[imm]
                arg = emits[imm] = (ev.name, ev.fields, sum(type_fields(t) for _, t in ev.fields))
        ops.append((_DISPATCH[spec.name], arg, spec.gas))
    program.ops = ops
    return ops


def put_storage_of(host):
    """A host's put_storage made of its get_storage and set_storage (see vm.host.Host)."""

    def put(address, key, value):
        prev = host.get_storage(address, key)
        host.set_storage(address, key, value)
        return prev

    return put


class Execution:
    """The state of one top-level call: frames, gas, logs, and the host behind them."""

    __slots__ = ("host", "block", "gas", "tracer", "frames", "frame", "logs", "active", "loaded", "allocated",
                 "code_loaded", "done", "value", "error_at", "sget", "sset", "sput")

    def __init__(self, host, block, gas: int, tracer=None):
        self.host = host
        # The host's storage methods, for tier 1's generated code (which touches no attribute of the host).
        self.sget = host.get_storage
        self.sset = host.set_storage
        self.sput = getattr(host, "put_storage", None) or put_storage_of(host)
        self.block = block
        self.gas = gas
        self.tracer = tracer
        self.frames: list = []
        self.frame: Frame | None = None
        self.logs: list = []  # (address, event name, fields)
        self.active: dict = {}  # address -> frames of it entered from outside
        self.loaded: dict = {}  # address -> Program this call has loaded (and paid for) already
        self.allocated = 0  # bytes of values built so far (see limits.MAX_ALLOCATION)
        self.code_loaded = 0  # bytes of bytecode loaded so far (see limits.MAX_LOADED_CODE)
        self.done = False
        self.value = None
        self.error_at = None  # (frame, instruction index) of a failure

    def allocate(self, nbytes: int) -> None:
        """Count bytes of values built; past the call's allowance it faults before building."""
        self.allocated += nbytes
        if self.allocated > limits.MAX_ALLOCATION:
            raise Fault(f"memory limit exceeded: over {limits.MAX_ALLOCATION} bytes of values built in one call")

    def conforming(self, fields: int) -> None:
        """Pay for checking a value against types with this many struct fields; the check copies them."""
        if fields:
            self.charge(G.CONFORM_PER_FIELD * fields)
            self.allocate(limits.STRUCT_FIELD_BYTES * fields)

    def charge(self, amount: int) -> None:
        self.gas -= amount
        if self.gas < 0:
            raise Fault("out of gas")

    # frames
    def _push(self, frame: Frame) -> None:
        if len(self.frames) >= limits.MAX_CALL_DEPTH:
            raise Fault(f"call depth exceeded: over {limits.MAX_CALL_DEPTH} frames")
        if frame.external:
            a = frame.ctx.address
            self.active[a] = self.active.get(a, 0) + 1
        self.frames.append(frame)
        self.frame = frame

    def start(self, program: Program, fn: FuncInfo, args: list, *, address, caller, value, static) -> None:
        ctx = Context(address, caller, value, static or fn.is_view, program)
        self.gas -= G.FRAME_PER_LOCAL * fn.nlocals
        if self.gas < 0:
            raise Fault("out of gas")
        stack = args if type(args) is list else list(args)  # conform_args made it: ours to keep
        if fn.nlocals > fn.nparams:
            stack += [0] * (fn.nlocals - fn.nparams)
        ops = program.ops
        if self.frames:
            self._push(Frame(prepare(program) if ops is None else ops, stack, fn.entry, fn, ctx, True, True))
            return
        self.active[address] = 1  # the first frame: _push's checks cannot fail
        self.frame = frame = Frame(prepare(program) if ops is None else ops, stack, fn.entry, fn, ctx, True, True)
        self.frames.append(frame)

    def enter_internal(self, callee: FuncInfo, args: list) -> None:
        f = self.frame
        if callee.nlocals > callee.nparams:
            args.extend([0] * (callee.nlocals - callee.nparams))
        frames = self.frames
        if len(frames) >= limits.MAX_CALL_DEPTH:
            raise Fault(f"call depth exceeded: over {limits.MAX_CALL_DEPTH} frames")
        self.frame = frame = Frame(f.code, args, callee.entry, callee, f.ctx, callee.returns is not None, False)
        frames.append(frame)

    def load(self, address: Address, invalid: str) -> Program:
        """The validated program at an address; its first load in this call pays access plus read (vm/gas.py)."""
        program = self.loaded.get(address)
        if program is not None:
            return program
        self.gas -= G.CODE_ACCESS
        if self.gas < 0:
            raise Fault("out of gas")
        code = self.host.get_code(address)
        if code is None:
            raise Revert("no code at address")
        self.gas -= G.CODE_LOAD_PER_BYTE * len(code)
        if self.gas < 0:
            raise Fault("out of gas")
        program = recent(code)
        if program is not None:
            self.code_loaded += len(program.code.code)  # as _count_loaded, which validate would call
            if self.code_loaded > limits.MAX_LOADED_CODE:
                raise Fault(f"memory limit exceeded: over {limits.MAX_LOADED_CODE} bytes of code loaded in one call")
            self.loaded[address] = program
            return program
        try:
            program = validate(code, self._count_loaded, getattr(self.host, "programs", None))
        except ValidationError as exc:
            raise Fault(f"{invalid}: {short_text(str(exc))}") from None
        self.loaded[address] = program
        return program

    def _count_loaded(self, nbytes: int) -> None:
        self.code_loaded += nbytes
        if self.code_loaded > limits.MAX_LOADED_CODE:
            raise Fault(f"memory limit exceeded: over {limits.MAX_LOADED_CODE} bytes of code loaded in one call")

    def enter_external(self, to: Address, name: str, args: list, want_value: bool, read_only: bool = False) -> None:
        """An XCALL; `read_only` (XCALL_VIEW) runs the callee static whatever its own flags say."""
        ctx = self.frame.ctx
        program = self.load(to, "invalid code at address")
        fn = program.function(name)
        if fn is None or not fn.function.is_pub or fn.function.is_init:
            raise Revert(f"no function {short_name(name)}")
        if ctx.static and not fn.function.is_view and not read_only:
            raise Revert("state change in a view call")
        if self.active.get(to) and not fn.function.is_reentrant:
            raise Revert("reentrancy")
        if want_value and fn.returns is None:
            raise Revert(f"no return value from {short_name(name)}")
        self.conforming(fn.arg_fields)
        values = conform_args(fn, args)
        self.charge(G.FRAME_PER_LOCAL * fn.nlocals)
        values.extend([0] * (fn.nlocals - fn.nparams))
        callee = Context(to, ctx.address, 0, ctx.static or read_only or fn.function.is_view, program)
        self._push(Frame(prepare(program), values, fn.entry, fn, callee, want_value, True))

    def leave(self, value) -> None:
        frame = self.frame
        rt = frame.func.returns
        if rt is not None and frame.external and (
                (rt == "bool" and type(value) is bool) or (rt == "int" and type(value) is int and INT_MIN <= value <= INT_MAX)):
            # One word, already the VM value from_wire would make: the receipt's first word is free.
            if len(self.frames) > 1:
                self.charge(G.XCALL_ARG_PER_WORD)
        elif rt is not None and frame.external:
            size = utf8_size(self, value) if type(value) is str else value_size(value)
            if len(self.frames) > 1:  # crossing back into a calling contract: paid like arguments
                self.charge(G.XCALL_ARG_PER_WORD * G.words(size))
            else:  # the outermost result goes into a receipt
                self.charge(G.output_cost(size))
            self.conforming(frame.func.ret_fields)
            try:
                value = from_wire(value, frame.func.returns)
            except ConformError as exc:
                raise type_error(f"return value of {short_name(frame.func.name)}: {exc}") from None
        self.frames.pop()
        if frame.external:
            a = frame.ctx.address
            self.active[a] -= 1
        if not self.frames:
            self.done = True
            self.value = value
            self.frame = None
            return
        self.frame = caller = self.frames[-1]
        if frame.push_result:
            caller.stack.append(value)

    # effects
    def move_coin(self, src: Address, dst: Address, amount: int) -> None:
        have = self.host.get_balance(src)
        if have < amount:
            raise Revert("insufficient balance")
        self.host.set_balance(src, have - amount)
        self.host.set_balance(dst, self.host.get_balance(dst) + amount)

    def run(self) -> None:
        _run(self)


# Parameter types whose wire values are the VM values themselves, when of exactly this Python type
# (what vm.values.from_wire hands back unchanged for them).
_SAME_ON_WIRE = {"int": int, "bool": bool, "address": Address}


def _arg_kinds(fn: FuncInfo):
    kinds = tuple(_SAME_ON_WIRE.get(t) if type(t) is str else None for _, t in fn.function.params)
    fn.arg_kinds = None if None in kinds else kinds
    return fn.arg_kinds


def conform_args(fn: FuncInfo, args) -> list:
    """Arguments crossing into a contract, checked against its parameter types by the
    one codec (vm.abi); the revert reasons are worded here because receipts hold them."""
    kinds = fn.arg_kinds
    if kinds is False:
        kinds = _arg_kinds(fn)
    if kinds is not None and type(args) is list and len(args) == len(kinds):
        # The common case, without the codec: every value already what from_wire would return.
        for v, k in zip(args, kinds):
            if type(v) is not k or (k is int and not INT_MIN <= v <= INT_MAX):
                break
        else:
            return list(args)
    try:
        return args_from_wire(args, fn.function.params)
    except ArityError as exc:
        raise Revert(f"bad arguments: {short_name(fn.name)} takes {exc.want}, got {exc.got}") from None
    except AbiError as exc:
        where = f"{short_name(exc.param)}: " if exc.param is not None else ""
        raise Revert(f"bad arguments: {where}{exc.reason}") from None


def _trace(ex: Execution, frame: Frame, pc: int, s: list, gas: int) -> None:
    instrs = frame.ctx.program.instrs
    base = frame.func.nlocals
    event = TraceEvent(len(ex.frames), frame.ctx.address, instrs[pc][0], instrs[pc][1].name, tuple(s[base:][-8:]), gas)
    try:
        ex.tracer(event)
    except Exception as exc:
        raise TracerFailed(str(exc)) from exc


# Tier 1 (vm/tier1.py) runs every frame it can; False forces tier 0 everywhere
# (for debugging, and for the differential test that holds the two together).
TIER1 = True


def _run(ex: Execution) -> None:
    """Run frames until the outermost returns: tier 1 where a function has it, else the reference loop."""
    if ex.tracer is not None or not TIER1:
        _run0(ex, False)
        return
    compiled = tier1.compiled
    while True:
        frame = ex.frame
        func = frame.func
        c = func.tier1
        if c is False:
            c = compiled(frame.ctx.program, func)
        if c is None:
            _run0(ex, True)
        else:
            try:
                slow = c.run(ex, frame)
            except BaseException as exc:
                _locate(ex, exc)
                raise
            if slow:
                _run0(ex, True)
        if ex.done:
            return


run = _run


def _locate(ex: Execution, exc: BaseException) -> None:
    """Where generated code failed: the innermost generated frame in the traceback (internal
    calls nest, see tier1.call_direct) says which frame and instruction failed and how much of
    its run's one-step charge the reference never took."""
    tb, inner = exc.__traceback__, None
    while tb is not None:
        owner = tier1.owner(tb.tb_frame)
        if owner is not None:
            inner = (tb, owner)
        tb = tb.tb_next
    if inner is not None:
        tb, owner = inner
        local = tb.tb_frame.f_locals
        meta = owner.lines.get(tb.tb_lineno)
        if meta == "exit":  # the frame change the loop left for, at instruction x - 1
            meta = (local["x"] - 1, 0)
        if meta is not None:
            index, refund = meta
            ex.gas = min(ex.gas, local.get("gas", ex.gas) + refund)
            ex.error_at = (local["frame"], index)


def _run0(ex: Execution, single: bool) -> None:
    """The reference loop: fetch, (trace), charge, call; a handler's result jumps or finishes with ex.

    `single`: return when the running frame changes (tier 1 may take the next one).
    """
    traced = ex.tracer is not None
    frame = ex.frame
    code, s, pc, gas = frame.code, frame.stack, frame.pc, ex.gas
    try:
        while True:
            if traced:
                _trace(ex, frame, pc, s, gas)
            h, a, g = code[pc]
            pc += 1
            gas -= g
            if gas < 0:
                raise Fault("out of gas")
            r = h(s, a)
            if r is not None:
                if r.__class__ is int:
                    pc = r
                else:
                    frame.pc = pc
                    ex.gas = gas
                    r(ex, s, a)
                    if ex.done:
                        return
                    if single and ex.frame is not frame:
                        return
                    frame = ex.frame
                    code, s, pc, gas = frame.code, frame.stack, frame.pc, ex.gas
    except BaseException:
        ex.gas = min(ex.gas, gas)
        ex.error_at = (frame, pc - 1)
        raise


__all__ = ["Execution", "Frame", "Context", "TraceEvent", "TracerFailed", "prepare", "conform_args"]
