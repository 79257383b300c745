"""The README's "A network on one machine" lines, run as a newcomer would (only the ports are swapped for free ones)."""
from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import time
from pathlib import Path

from nodeproc import OBELISK

README = Path(__file__).resolve().parents[2] / "README.md"


def _network_lines() -> list:
    text = README.read_text(encoding="utf-8")
    section = text.split("## A network on one machine", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _remap(line: str, ports: dict) -> list:
    def swap(m):
        old = int(m.group(1))
        ports.setdefault(old, _free_port())
        return f"127.0.0.1:{ports[old]}"

    return shlex.split(re.sub(r"127\.0\.0\.1:(\d+)", swap, line))


def _run(argv, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([OBELISK, *argv[1:]], cwd=cwd, capture_output=True, text=True, timeout=90)


def _wait_rpc(hostport: str, deadline: float) -> None:
    host, port = hostport.split(":")
    while time.time() < deadline:
        try:
            socket.create_connection((host, int(port)), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"no RPC at {hostport}")


def test_three_nodes_from_the_readme_agree(tmp_path):
    lines = _network_lines()
    node_lines = [line for line in lines if line.startswith("obelisk node ")]
    commands = [line for line in lines if not line.startswith("obelisk node ")]
    assert len(node_lines) == 3 and commands, lines
    ports: dict = {}
    procs = []
    try:
        for line in node_lines:
            argv = _remap(line, ports)
            procs.append(subprocess.Popen([OBELISK, *argv[1:]], cwd=tmp_path, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True))
        rpcs = [f"127.0.0.1:{ports[p]}" for p in (7711, 7721, 7731)]
        for url in rpcs:
            _wait_rpc(url, time.time() + 30)
        send = _run(_remap(commands[0], ports), tmp_path)
        assert send.returncode == 0 and "status    success" in send.stdout, send.stderr + send.stdout
        # The miner goes on every --block-time while three CLI calls read the heads one after
        # another, so the nodes are compared at one height: the miner's head once the transfer is in.
        deadline = time.time() + 30
        head = _run(["obelisk", "block", "--json", "--rpc", f"http://{rpcs[0]}"], tmp_path)
        height = json.loads(head.stdout)["number"]
        while True:
            balances = {_run(["obelisk", "balance", "1", "--rpc", f"http://{u}"], tmp_path).stdout for u in rpcs}
            hashes = set()
            for u in rpcs:
                r = _run(["obelisk", "block", str(height), "--json", "--rpc", f"http://{u}"], tmp_path)
                hashes.add(json.loads(r.stdout)["hash"] if r.returncode == 0 else None)
            if len(balances) == 1 and len(hashes) == 1 and None not in hashes:
                break
            assert time.time() < deadline, (balances, hashes)
            time.sleep(0.5)
        assert balances == {"1000000000000000000001000\n"}
        for line in commands[1:]:
            r = _run(_remap(line, ports), tmp_path)
            assert r.returncode == 0, r.stderr
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                assert p.wait(10) == 0
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    verify = _run(["obelisk", "verify", "--datadir", "n3"], tmp_path)
    assert verify.returncode == 0 and "valid" in verify.stdout, verify.stderr
