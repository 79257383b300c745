"""Obelisk, the product package: the library's front door, the command line, the node and the worker.

The front door (`obelisk.Devnet`, `obelisk.compile_file`, ...) is filled in by the
architecture work; `obelisk.node` and the compute worker live beside it.
"""
