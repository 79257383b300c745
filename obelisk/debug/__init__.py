"""Debug aids read from the VM's tracer events: call trees (`Trace`) and gas profiles (`GasProfile`)."""
from __future__ import annotations

from .calltree import Frame, Trace
from .profile import GasProfile

__all__ = ["Frame", "Trace", "GasProfile"]
