"""obelisk.Devnet: chain.Devnet that also deploys a .contract path (compiling it with lang) and traces and profiles transactions."""
from __future__ import annotations

import os

from contextlib import contextmanager
from types import SimpleNamespace

import chain
import lang
from chain import consensus as C
from chain import tx as txmod


class Devnet(chain.Devnet):
    """A dev chain (see chain.Devnet) whose deploy() and at() also take a .contract path.

    `contract=` picks a contract in the file: the named one, else the only one, else the last.
    """

    def _code_bytes(self, obj, contract) -> bytes:
        if isinstance(obj, (str, os.PathLike)):
            return lang.compile_file(os.fspath(obj), contract=contract).bytecode
        return super()._code_bytes(obj, contract)

    def _replay_steps(self, tx_hash):
        from .debug.recorder import Recorder

        rec = Recorder()
        with _bounded():
            t, raw = self.replay(tx_hash, rec.tracer_for)
        return t, raw, rec.steps

    def trace(self, tx_hash):
        """The call tree of a mined transaction (obelisk.debug.Trace), replayed on its own state."""
        from .debug import calltree

        t, raw, steps = self._replay_steps(tx_hash)
        name, args = _top_call(t)
        code = self.code_object_at(t.to) if t.to is not None else None
        return calltree.build(t, raw, steps, txmod.intrinsic_gas(t), args, name, code.name if code else "account")

    def profile(self, tx_hash):
        """Gas per source line and per function of a mined transaction (obelisk.debug.GasProfile)."""
        from .debug import profile

        t, raw, steps = self._replay_steps(tx_hash)
        return profile.build(t.gas_limit, raw.gas_used, txmod.intrinsic_gas(t), steps)

    def profile_dry_run(self, tx):
        """(the Receipt a signed transaction would get if mined next, its GasProfile): nothing is sent."""
        from .debug import profile
        from .debug.recorder import Recorder

        rec = Recorder()
        with _bounded():
            receipt = self.dry_run(tx, rec.tracer_for)
        return receipt, profile.build(tx.gas_limit, receipt.gas_used, txmod.intrinsic_gas(tx), rec.steps)

    def _view_steps(self, address, function, args_wire, sender, gas):
        from .debug.recorder import Recorder

        rec = Recorder()
        gas = C.BLOCK_GAS_LIMIT if gas is None else gas
        with _bounded():
            result = self.view(address, function, args_wire, sender=sender, gas=gas, tracer_for=rec.tracer_for)
        return result, gas, rec.steps

    def trace_view(self, address, function: str, args_wire, *, sender=None, gas=None):
        """The call tree of a view call run now on the head state (obelisk.debug.Trace, tx_hash None)."""
        from .debug import calltree

        result, gas, steps = self._view_steps(address, function, args_wire, sender, gas)
        outcome = SimpleNamespace(status=result.success, gas_used=result.gas_used, value=None,
                                  reason=result.reason or result.error, location=result.location)
        code = self.code_object_at(address)
        return calltree.build(SimpleNamespace(gas_limit=gas, to=address, hash=None), outcome, steps, 0,
                              list(args_wire), function, code.name if code else "account", kind="view")

    def profile_view(self, address, function: str, args_wire, *, sender=None, gas=None):
        """(the view's vm.Result, its GasProfile) for a view call run now on the head state."""
        from .debug import profile

        result, gas, steps = self._view_steps(address, function, args_wire, sender, gas)
        return result, profile.build(gas, result.gas_used, 0, steps)


@contextmanager
def _bounded():
    """A run too long to record is an ArgumentError that says so (the CLI's exit 2), not a traceback."""
    from .debug.recorder import MAX_STEPS, TooLong

    try:
        yield
    except TooLong:
        raise chain.ArgumentError(f"the run takes over {MAX_STEPS} instructions: too long to trace or profile") from None


def _top_call(t):
    """(function name, wire args) the transaction's data names, or (None, [])."""
    try:
        if t.to is None:
            return "init", txmod.decode_deploy(t.data)[1]
        return txmod.decode_call(t.data) if t.data else (None, [])
    except txmod.CallDataError:
        return None, []
