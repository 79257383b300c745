"""examples/market.sh runs the compute market as low-level contract calls through the obelisk command alone."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_market_walkthrough_pays_the_worker(tmp_path):
    env = dict(os.environ, OBELISK_DATADIR=str(tmp_path),
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run(["bash", str(ROOT / "examples" / "market.sh")], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "QuorumReached(job=0" in out
    assert "WorkerPaid(job=0, worker=0x481de3392a3c1b51aaa5cacbaf4340f9631a2584, share=1000, stake=100)" in out
    assert "Withdrawn(who=0x481de3392a3c1b51aaa5cacbaf4340f9631a2584, amount=1100)" in out
    assert '"state": 1' in out
    assert "valid: every block from genesis to height 6 re-validates" in out  # no deployment: predeployed
    assert "Traceback" not in proc.stderr
