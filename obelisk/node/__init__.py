"""The node: peers that verify and pass on blocks and transactions, and JSON-RPC for users."""
