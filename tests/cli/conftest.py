"""Shared fixtures for the command-line tests: a cheap scrypt cost, a temp datadir."""
import pytest

from chain import secretbox

# The smallest cost the box format accepts: keeps each key derivation ~1 ms in tests.
FAST = secretbox.KdfParams(10, 8, 1)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(secretbox, "DEFAULT_PARAMS", FAST)
