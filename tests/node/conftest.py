import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # nodeproc, the tests' node harness

from nodeproc import NodeProc  # noqa: E402


@pytest.fixture
def nodes(tmp_path):
    """start(name, **kw) starts a node in tmp_path/name; every node is stopped (killed if need be) at the end."""
    started = []

    def start(name, *args, **kw):
        n = NodeProc(tmp_path / name, *args, **kw)
        started.append(n)
        return n

    try:
        yield start
    finally:
        for n in started:
            n.kill()
