"""Compute sharing: encryption keys and sealing, the blob store, runners, the worker and the job client."""
