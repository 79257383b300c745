"""What a node needs to keep blobs: the store in its datadir, the peer fetcher, the RPC methods,
the market's events followed and pruning. The CLI gives it to obelisk.node.Node(blobs=...)."""
from __future__ import annotations

import os

from .blob_fetch import BlobFetcher
from .blob_rpc import blob_methods
from .blobs import BlobStore, Limits, follow_market


class NodeBlobs:
    def __init__(self, datadir, *, retention: int | None = None, limits: Limits | None = None):
        limits = limits or Limits()
        if retention is not None:  # --blob-retention: how long a finished job's blobs stay
            limits = Limits(**{**limits.__dict__, "keep_finished": retention})
        os.makedirs(datadir, exist_ok=True)
        self.store = BlobStore(datadir, limits)
        self.fetcher = BlobFetcher(self.store)

    def methods(self, *, error, fetch, announce) -> dict:
        """blob_put / blob_get / blob_has; a blob put here is announced to the peers."""
        table = blob_methods(self.store, error=error, fetch=fetch)
        put = table["blob_put"]

        async def blob_put(p):
            digest = await put(p)
            announce([bytes.fromhex(digest[2:])])
            return digest
        table["blob_put"] = blob_put
        return table

    def follow(self, events) -> None:
        follow_market(self.store, events)

    def prune(self) -> int:
        return self.store.prune()

    def close(self) -> None:
        self.store.close()
