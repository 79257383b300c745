"""A VM tracer that keeps each instruction step resolved to its contract, function and source place.

The call tree (calltree.py) and the gas profile (profile.py) are two readings
of the same steps; each step's cost is the gas left before it minus the gas
left before the next, so the figures add up to the receipt to the unit.
"""
from __future__ import annotations

from dataclasses import dataclass

from vm import ValidationError, validate

# Steps kept for one run: a block's gas limit of the cheapest opcode is far
# more than anyone reads, and memory must stay bounded (about 100 bytes a step).
MAX_STEPS = 1_000_000
# The steps whose operands a call tree reads (calls, returns, events); the
# others keep none, so a long loop costs little memory.
_KEEPS_STACK = frozenset({"CALL", "RET", "EMIT"})


class TooLong(Exception):
    """The run took more steps than a trace keeps."""


@dataclass(frozen=True, slots=True)
class Step:
    depth: int
    address: object
    program: object  # vm.Program
    index: int  # instruction index in the program
    op: str
    stack: tuple
    gas: int  # gas left before this instruction

    @property
    def func(self):
        return self.program.funcs[self.program.func_at[self.index]]

    @property
    def imm(self):
        return self.program.instrs[self.index][2]

    def location(self) -> str | None:
        return _location(self.program, self.index)


_LOCATIONS: dict = {}


def _location(program, index: int) -> str | None:
    key = (program.code_hash, index)
    loc = _LOCATIONS.get(key, False)
    if loc is False:
        if len(_LOCATIONS) > 100_000:
            _LOCATIONS.clear()
        loc = _LOCATIONS[key] = program.location(index)
    return loc


class Recorder:
    """Give `recorder.tracer_for` to Devnet.replay/dry_run; read `.steps` afterwards."""

    def __init__(self):
        self.steps: list = []
        self._host = None
        self._programs: dict = {}

    def tracer_for(self, host):
        self._host = host
        return self._on_event

    def _program(self, address):
        program = self._programs.get(address)
        if program is None:
            code = self._host.get_code(address)
            try:
                program = validate(code)
            except ValidationError as exc:  # the VM validated it before running it: cannot happen
                raise RuntimeError(f"the code at {address} that ran does not validate: {exc}") from None
            self._programs[address] = program
        return program

    def _on_event(self, ev) -> None:
        if len(self.steps) >= MAX_STEPS:
            raise TooLong(f"over {MAX_STEPS} instructions")
        program = self._program(ev.address)
        op = ev.op
        stack = ev.stack if op in _KEEPS_STACK or op.startswith("XCALL") else ()
        self.steps.append(Step(ev.depth, ev.address, program, program.index_of[ev.pc], op, stack, ev.gas))


def step_costs(steps: list, gas_left_at_end: int) -> list:
    """Gas each step cost: what was left before it minus what was left before the next step."""
    out = []
    for i, s in enumerate(steps):
        after = steps[i + 1].gas if i + 1 < len(steps) else gas_left_at_end
        out.append(s.gas - after)
    return out
