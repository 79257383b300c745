"""The data directory's dev chain as the commands' backend: obelisk.Devnet plus the documents a node's
RPC answers (tx_trace, tx_profile, tx_dryRun, vm_view), made by the node's own query functions."""
from __future__ import annotations

import obelisk
from obelisk.node import queries as Q


class LocalChain(obelisk.Devnet):
    """What obelisk.node.rpc_client.RpcChain offers, on the chain in the data directory (one meaning: queries.py)."""

    def trace_doc(self, tx_hash: bytes):
        return Q.trace(self, tx_hash)

    def profile_doc(self, tx_hash: bytes):
        return Q.profile(self, tx_hash)

    def dry_run_doc(self, t_, profile: bool = False) -> dict:
        return Q.dry_run(self, t_.encode(), profile)

    def view_doc(self, address, data: bytes, sender, gas, profile: bool = False) -> dict:
        return Q.view(self, address, data, sender, gas, profile)
