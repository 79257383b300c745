"""Obelisk's sandboxed, gas-metered virtual machine: validate once, run in one loop, touch the world only through a host."""
from .api import BlockEnv, Log, Result, call, deploy, execute
from .code import CodeFormatError, CodeObject
from .disasm import assemble_text, disassemble
from .errors import HostError, ValidationError
from . import interpreter as _interpreter
from .interpreter import TraceEvent
from .validate import Program, validate


def force_tier0(on: bool = True) -> None:
    """Run everything on the reference interpreter (tier 0), for debugging; the VM otherwise picks the tier.

    The VM reads no environment (it may not import os); a door that offers an
    environment switch (OBELISK_VM_TIER=0) calls this.
    """
    _interpreter.TIER1 = not on


__all__ = [
    "BlockEnv",
    "CodeFormatError",
    "CodeObject",
    "HostError",
    "Log",
    "Program",
    "Result",
    "TraceEvent",
    "ValidationError",
    "assemble_text",
    "call",
    "deploy",
    "disassemble",
    "execute",
    "force_tier0",
    "validate",
]
