"""Call trees of transactions: each frame with contract, function, arguments, result or revert, gas, events, call site."""
from __future__ import annotations

from dataclasses import dataclass, field

from vm.abi import AbiError, from_json, to_json, to_python
from vm.values import Address, ConformError, from_wire

from .recorder import Step

# Values on the stack a trace event shows (vm.TraceEvent keeps the top 8).
_SHOWN = 8


@dataclass
class Frame:
    contract: str
    address: object
    function: str
    kind: str  # "transaction" (or "view" for a view call), "external" or "internal"
    args: dict  # parameter name -> value (missing when the call had more than 8 on the stack)
    call_site: str | None  # file:line:col of the calling instruction (None for the transaction's own frame)
    gas: int = 0
    status: str = "ok"  # "ok" or "reverted"
    value: object = None
    value_type: object = None
    reason: str | None = None
    location: str | None = None  # where it reverted
    events: list = field(default_factory=list)  # (name, {field: value}, types)
    calls: list = field(default_factory=list)
    _types: dict = field(default_factory=dict, repr=False)
    _order: list = field(default_factory=list, repr=False)  # events and calls as they happened
    _plain: bool = field(default=False, repr=False)  # no instruction ran (a plain transfer, a refused call)

    def to_json(self) -> dict:
        return {
            "contract": self.contract, "address": str(self.address), "function": self.function, "kind": self.kind,
            "args": {k: to_json(v, self._types.get(k)) for k, v in self.args.items()},
            "call_site": self.call_site, "gas": self.gas, "status": self.status,
            "value": to_json(self.value, self.value_type), "reason": self.reason, "location": self.location,
            "events": [{"name": n, "args": {k: to_json(v, t.get(k)) for k, v in a.items()}} for n, a, t in self.events],
            "calls": [c.to_json() for c in self.calls],
            # How events and calls interleaved, and whether any code ran: what the tree view
            # needs beyond the lists, so a trace read back from JSON (a node's) draws the same.
            "sequence": [kind for kind, _ in self._order], "code_ran": not self._plain,
        }


@dataclass
class Trace:
    tx_hash: bytes | None  # None for a view call (no transaction)
    root: Frame
    gas_used: int
    intrinsic: int

    def to_json(self) -> dict:
        return {"tx": None if self.tx_hash is None else "0x" + self.tx_hash.hex(), "gas_used": self.gas_used,
                "intrinsic_gas": self.intrinsic, "frames": self.root.to_json()}

    @classmethod
    def from_json(cls, doc: dict, code_at) -> "Trace":
        """The Trace a to_json document describes (a node's tx_trace answer); values are typed again
        by the ABI of the code at each frame's address (`code_at(address)`: a CodeObject or None)."""
        codes: dict = {}

        def code_of(address):
            if address not in codes:
                codes[address] = code_at(address) if address is not None else None
            return codes[address]

        tx = doc["tx"]
        return cls(None if tx is None else bytes.fromhex(tx[2:]), _frame_from_json(doc["frames"], code_of),
                   doc["gas_used"], doc["intrinsic_gas"])

    def title(self) -> str:
        if self.tx_hash is None:
            return f"view call  gas {self.gas_used}"
        return f"transaction 0x{self.tx_hash.hex()}  gas {self.gas_used} (intrinsic {self.intrinsic})"

    def frames(self):
        """Every frame, depth first (the transaction's own first)."""
        todo = [self.root]
        while todo:
            f = todo.pop()
            yield f
            todo.extend(reversed(f.calls))

    def render(self) -> str:
        """The tree as plain text (the CLI draws the same lines with rich)."""
        lines = [self.title()]

        def walk(f: Frame, prefix: str, last: bool):
            lines.append(prefix + ("└─ " if last else "├─ ") + frame_line(f))
            inner = prefix + ("   " if last else "│  ")
            items = f._order
            for i, (kind, item) in enumerate(items):
                end = i == len(items) - 1
                if kind == "event":
                    lines.append(inner + ("└─ " if end else "├─ ") + event_line(item))
                else:
                    walk(item, inner, end)

        walk(self.root, "", True)
        return "\n".join(lines)


def _typed(v, t, what: str):
    """A JSON value as the Python value of ABI type t (as it is, when untyped or not of t)."""
    if t is None or v is None:
        return v
    try:
        return to_python(from_json(v, t, what), t)
    except AbiError:
        return v


def _frame_from_json(d: dict, code_of) -> Frame:
    address = None if d["address"] in (None, "None") else Address(d["address"])
    code = code_of(address)
    fn = code.function(d["function"]) if code is not None else None
    types = dict(fn.params) if fn is not None else {}
    ret = fn.returns if fn is not None else None
    f = Frame(d["contract"], address, d["function"], d["kind"],
              {k: _typed(v, types.get(k), k) for k, v in d["args"].items()}, d["call_site"], d["gas"], d["status"],
              _typed(d["value"], ret, "value"), ret if d["value"] is not None else None, d["reason"], d["location"],
              _types={k: types[k] for k in d["args"] if k in types}, _plain=not d.get("code_ran", True))
    declared = {e.name: dict(e.fields) for e in code.events} if code is not None else {}
    for e in d["events"]:
        ftypes = declared.get(e["name"], {}) if e["args"] else {}
        f.events.append((e["name"], {k: _typed(v, ftypes.get(k), k) for k, v in e["args"].items()}, ftypes))
    f.calls = [_frame_from_json(c, code_of) for c in d["calls"]]
    events, calls = iter(f.events), iter(f.calls)
    f._order = [(kind, next(events) if kind == "event" else next(calls)) for kind in d.get("sequence", ())]
    return f


def _show(v) -> str:
    if isinstance(v, bytes) and type(v) is bytes:
        return "0x" + v.hex()
    if isinstance(v, str) and not hasattr(v, "hex"):
        return repr(v)
    return str(v) if not isinstance(v, tuple) else repr(v)


def frame_line(f: Frame) -> str:
    args = ", ".join(f"{k}={_show(v)}" for k, v in f.args.items())
    head = f"{f.contract}.{f.function}({args})"
    if f._plain:
        head = f"{f.contract} at {f.address}: no code ran" if f.address is not None else "no code ran"
    if f.kind == "internal":
        head = "(internal) " + head
    if f.status == "ok":
        result = "" if f.value is None else f" -> {_show(f.value)}"
    else:
        result = f" REVERTED: {f.reason}" + (f" at {f.location}" if f.location else "")
    site = f"  [called at {f.call_site}]" if f.call_site else ""
    return f"{head}{result}  gas {f.gas}{site}"


def event_line(e) -> str:
    name, args, _ = e
    return f"event {name}(" + ", ".join(f"{k}={_show(v)}" for k, v in args.items()) + ")"


def _args(fn, values) -> tuple[dict, dict]:
    """Arguments by parameter name; values from call data (wire form) or the stack (VM values) alike."""
    params = fn.function.params
    out, types = {}, {}
    for (name, t), v in zip(params, values):
        try:
            v = from_wire(v, t)
        except ConformError:
            pass  # shown as it is: the call itself refuses it
        out[name], types[name] = to_python(v, t), t
    return out, types


def build(tx, raw, steps: list, intrinsic: int, top_args: list, top_name: str | None, code_name: str,
          kind: str = "transaction") -> Trace:
    """The call tree of one run from its recorded steps: `tx` gives gas_limit, to and hash (None for a
    view call), `raw` the outcome (status, gas_used, value, reason, location) as a receipt holds it."""
    gas_left_at_end = tx.gas_limit - raw.gas_used
    if steps:
        first = steps[0]
        fn = first.func
        args, types = _args(fn, top_args)
        root = Frame(first.program.code.name, first.address, fn.name, kind, args, None, _types=types)
    else:  # a plain transfer or a call refused before any instruction
        root = Frame(code_name, tx.to, top_name or "(no code ran)", kind, {}, None, _plain=True)
    stack = [root]
    starts = [tx.gas_limit]  # the transaction's frame is charged from the full limit (intrinsic included)
    prev = None  # the step before: when the next one is a frame deeper, it made the call
    for i, s in enumerate(steps):
        while len(stack) > s.depth:  # returned: the frame's gas runs to the caller's next step
            done = stack.pop()
            done.gas = starts.pop() - s.gas
        if prev is not None and s.depth == len(stack) + 1:
            # Whatever opcode it was (CALL, XCALL, XCALL_VOID, ...): a deeper next step means a call.
            call = prev
            fn = s.func
            n = len(fn.function.params)
            shown = call.stack[-n:] if n else ()
            args, types = _args(fn, shown) if n <= _SHOWN and len(shown) == n else ({}, {})
            kind = "internal" if call.op == "CALL" else "external"
            f = Frame(s.program.code.name, s.address, fn.name, kind, args, call.location(), _types=types)
            stack[-1].calls.append(f)
            stack[-1]._order.append(("call", f))
            stack.append(f)
            starts.append(call.gas)
        prev = s
        frame = stack[-1]
        if s.op == "RET":
            ret = s.func.returns
            if ret is not None and s.stack:
                frame.value, frame.value_type = to_python(s.stack[-1], ret), ret
        elif s.op == "EMIT":
            ev = s.program.code.events[s.imm]
            n = len(ev.fields)
            if n <= _SHOWN and len(s.stack) >= n:
                vals = s.stack[-n:] if n else ()
                item = (ev.name, {k: to_python(v, t) for (k, t), v in zip(ev.fields, vals)}, dict(ev.fields))
            else:
                item = (ev.name, {}, {})
            frame.events.append(item)
            frame._order.append(("event", item))
    if raw.status:
        while len(stack) > 1:
            done = stack.pop()
            done.gas = starts.pop() - gas_left_at_end
        root.gas = raw.gas_used
        if raw.value is not None and root.value is None:
            root.value = raw.value
    else:
        innermost = stack[-1]
        innermost.reason, innermost.location = raw.reason, raw.location
        for f, start in zip(stack, starts):
            f.status = "reverted"
            f.gas = start - gas_left_at_end
            if f is not innermost and f.reason is None:
                f.reason = "(a call it made reverted)"
        root.gas = raw.gas_used
    return Trace(tx.hash, root, raw.gas_used, intrinsic)
