import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
# flowprocs (this directory's process harness) and nodeproc (the node tests' one).
sys.path[:0] = [HERE, os.path.join(HERE, "..", "node")]

from flowprocs import Procs  # noqa: E402


@pytest.fixture
def procs():
    """Starts processes (procs.start, procs.worker); every one is stopped at the end, whatever happens."""
    ps = Procs()
    try:
        yield ps
    finally:
        ps.stop_all()
