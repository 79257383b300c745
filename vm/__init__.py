"""Obelisk's sandboxed, gas-metered virtual machine: validate once, run in one loop, touch the world only through a host."""
from .api import BlockEnv, Log, Result, call, deploy, execute
from .code import CodeFormatError, CodeObject
from .disasm import assemble_text, disassemble
from .errors import HostError, ValidationError
from .interpreter import TraceEvent
from .validate import Program, validate

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
    "validate",
]
