"""The VM's doors: `call` and `deploy` against a host, `execute` with no chain at all.

Each runs one top-level call: on success the host keeps the changes; on a
revert or fault the host goes back to its snapshot and no log survives.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import gas as G
from .code import CodeObject
from .errors import Fault, HostError, Revert, VMError, ValidationError, short_name, short_text
from .host import MemoryHost
from .interpreter import Execution, TracerFailed, conform_args, run
from .validate import validate
from .values import Address


@dataclass(frozen=True)
class BlockEnv:
    number: int = 0
    timestamp: int = 0


@dataclass(frozen=True)
class Log:
    address: Address
    name: str
    fields: tuple  # ((field name, value), ...) in declaration order


@dataclass(frozen=True)
class Result:
    success: bool
    value: object  # the function's return value (VM values: Address, Struct, ...), or None
    gas_used: int
    logs: tuple = ()
    error: str | None = None  # None, "revert" or "fault"
    reason: str | None = None
    location: str | None = None  # file:line:col of the failing instruction


_NO_BLOCK = BlockEnv()
DEFAULT_SENDER = Address(1)
DEFAULT_ADDRESS = Address(2)


_new = object.__new__


def _ok(value, gas_used: int, logs) -> Result:
    """Result(True, value, gas_used, logs), built without the frozen dataclass's per-field setattr (every call makes one)."""
    r = _new(Result)
    d = r.__dict__
    d["success"] = True
    d["value"] = value
    d["gas_used"] = gas_used
    if logs:
        out = []
        for a, n, f in logs:
            lg = _new(Log)
            ld = lg.__dict__
            ld["address"] = a
            ld["name"] = n
            ld["fields"] = f
            out.append(lg)
        d["logs"] = tuple(out)
    else:
        d["logs"] = ()
    d["error"] = d["reason"] = d["location"] = None
    return r


def _finish(host, snap, ex: Execution, gas: int, exc: BaseException | None) -> Result:
    if exc is None:
        return _ok(ex.value, gas - max(ex.gas, 0), ex.logs)
    host.revert_to(snap)
    location = None
    if ex.error_at is not None:
        frame, index = ex.error_at
        location = frame.ctx.program.location(index)
    if isinstance(exc, Revert):
        return Result(False, None, gas - max(ex.gas, 0), (), "revert", exc.reason, location)
    if isinstance(exc, Fault):
        reason = exc.reason
    else:
        text = str(exc)[:200]  # the VM's own text, kept short: it lands in a receipt
        reason = f"internal error: {type(exc).__name__}: {text} -- a VM bug, please report it"
    return Result(False, None, gas, (), "fault", reason, location)


def _failed(host, snap, ex: Execution, gas: int, exc: Exception) -> Result:
    """How a call that raised ends; called inside the `except Exception` of the call."""
    if isinstance(exc, TracerFailed):
        host.revert_to(snap)
        raise exc.__cause__ from None
    if isinstance(exc, (HostError, MemoryError, RecursionError)) and not isinstance(exc, VMError):
        # Not the contract's doing, and not the same on every node: never a
        # receipt. The caller's own snapshot covers anything before ours.
        host.revert_to(snap)
        raise  # noqa: PLE0704 -- the exception being handled by our caller
    # A VMError is the contract's; anything else is a bug in the VM's own code:
    # deterministic for one VM version, so it ends the call as a fault (all
    # gas) rather than taking the node down.
    return _finish(host, snap, ex, gas, exc)


def _guard(host, gas, body, ex) -> Result:
    snap = host.snapshot()
    try:
        body()
    except Exception as exc:
        return _failed(host, snap, ex, gas, exc)
    return _finish(host, snap, ex, gas, None)


def _check_gas(gas) -> None:
    if type(gas) is not int or gas < 0:
        raise ValueError(f"gas must be a non-negative int, got {gas!r}")


def _begin(ex, host, program, fn, args, *, address, sender, value, static):
    if value:
        if type(value) is not int or value < 0:
            raise Revert("bad value")
        if not fn.function.is_payable:
            raise Revert("not payable")
        if static or fn.function.is_view:
            raise Revert("state change in a view call")
    elif type(value) is not int:
        raise Revert("bad value")
    if fn.arg_fields:
        ex.conforming(fn.arg_fields)
    values = conform_args(fn, args)
    if value:
        ex.move_coin(sender, address, value)
    ex.start(program, fn, values, address=address, caller=sender, value=value, static=static)
    run(ex)


def call(host, *, to, function, args, sender, value=0, gas, block=None, static=False, tracer=None) -> Result:
    """Call pub function `function` of the contract at `to`."""
    if type(gas) is not int or gas < 0:
        _check_gas(gas)
    if type(to) is not Address:
        to = Address(to)
    if type(sender) is not Address:
        sender = Address(sender)
    ex = Execution(host, block or _NO_BLOCK, gas, tracer)
    snap = host.snapshot()
    try:
        program = ex.load(to, "invalid code")
        fn = program.by_name.get(function) if isinstance(function, str) else None
        if fn is None or not fn.called_from_outside:
            raise Revert(f"no function {short_name(function)}")
        if value == 0 and type(value) is int and not fn.arg_fields:  # no coin, no struct argument: _begin's short way
            ex.start(program, fn, conform_args(fn, args), address=to, caller=sender, value=0, static=static)
            run(ex)
        else:
            _begin(ex, host, program, fn, args, address=to, sender=sender, value=value, static=static)
    except Exception as exc:
        return _failed(host, snap, ex, gas, exc)
    return _ok(ex.value, gas - max(ex.gas, 0), ex.logs)


def deploy(host, *, address, code, args, sender, value=0, gas, block=None, tracer=None) -> Result:
    """Validate `code`, store it at `address` and run its init function, if it has one."""
    _check_gas(gas)
    # An Address is kept as it is (as call does): storage keys then hold the caller's object,
    # and later calls naming the same object find them by identity.
    address = address if type(address) is Address else Address(address)
    sender = sender if type(sender) is Address else Address(sender)
    ex = Execution(host, block or BlockEnv(), gas, tracer)

    def body():
        try:
            data = code.encode() if isinstance(code, CodeObject) else code
        except Exception as exc:  # a hand-built object holding values that have no encoding
            raise Fault(f"invalid code: {short_text(str(exc))}") from None
        if not isinstance(data, (bytes, bytearray)):
            raise Fault("invalid code: expected bytes")
        data = bytes(data)
        ex.charge(G.DEPLOY_PER_BYTE * len(data))  # before decoding: validation is work
        try:
            program = validate(data)
        except ValidationError as exc:
            raise Fault(f"invalid code: {short_text(str(exc))}") from None
        if host.get_code(address) is not None:
            raise Fault("address already has code")
        host.set_code(address, data)
        ex.loaded[address] = program  # paid for above
        init = program.init
        if init is None:
            if args:
                raise Revert("bad arguments: the contract has no init function")
            if value:
                raise Revert("not payable")
            return
        _begin(ex, host, program, init, args, address=address, sender=sender, value=value, static=False)
        ex.value = None

    return _guard(host, gas, body, ex)


class _DictBacking:
    """Read-only view of a caller's storage dict for `execute`."""

    def __init__(self, address, storage: dict, balances: dict):
        self.address, self.storage, self.balances = address, storage, balances

    def read_code(self, address):
        return None

    def read_storage(self, address, key):
        return self.storage.get(key) if address == self.address else None

    def read_balance(self, address):
        return self.balances.get(address, 0)


def execute(
    code,
    function,
    args=(),
    *,
    storage=None,
    sender=DEFAULT_SENDER,
    address=DEFAULT_ADDRESS,
    value=0,
    gas=10_000_000,
    block=None,
    tracer=None,
    balances=None,
) -> Result:
    """Run `function` of `code` (a CodeObject or bytes) with no chain.

    `storage` (key bytes -> value) is this contract's storage; it is updated in
    place on success. `balances` (address -> int) seeds native balances; the
    sender is credited `value` first so that a payable function can receive it.
    Unlike `call`, the init function may be run by its name.
    """
    _check_gas(gas)
    address, sender = Address(address), Address(sender)
    storage = {} if storage is None else storage
    for k, v in (balances or {}).items():
        if type(v) is not int or v < 0:
            raise ValueError(f"balance of {k} must be a non-negative int, got {v!r}")
    host = MemoryHost(_DictBacking(address, storage, {Address(k): v for k, v in (balances or {}).items()}))
    ex = Execution(host, block or BlockEnv(), gas, tracer)

    def body():
        try:
            data = code.encode() if isinstance(code, CodeObject) else bytes(code)
        except Exception as exc:  # a hand-built object holding values that have no encoding
            raise Fault(f"invalid code: {short_text(str(exc))}") from None
        host.code[address] = data
        program = ex.load(address, "invalid code")
        fn = program.function(function) if isinstance(function, str) else None
        if fn is None or not (fn.function.is_pub or fn.function.is_init):
            raise Revert(f"no function {short_name(function)}")
        if type(value) is int and value > 0:
            host.set_balance(sender, host.get_balance(sender) + value)
        _begin(ex, host, program, fn, args, address=address, sender=sender, value=value, static=False)

    result = _guard(host, gas, body, ex)
    if result.success:
        for (a, key), v in host.storage.items():
            if a == address:
                if v is None:
                    storage.pop(key, None)
                else:
                    storage[key] = v
    return result
