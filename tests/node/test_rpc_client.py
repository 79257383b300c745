"""The RPC client against servers that answer wrongly: a clear NodeError (exit 2 in the CLI), never a traceback."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from obelisk.cli import cli
from obelisk.node.rpc_client import NodeError, NodeRefused, RemoteError, RpcClient

ANSWERS = {
    "/html": (500, b"<html>oops</html>"),
    "/notjson": (200, b"{nope"),
    "/array": (200, b"[1, 2]"),
    "/noresult": (200, b'{"jsonrpc": "2.0", "id": 1}'),
    "/error": (200, b'{"jsonrpc": "2.0", "id": 1, "error": {"code": -32601, "message": "no such method"}}'),
    "/empty": (200, b""),
    "/deep": (200, b"[" * 100_000 + b"]" * 100_000),  # nested past the parser's depth
}
# A node that answers node_info, and tx_trace / tx_profile with documents that are not ones.
BAD_DOCS = {"node_info": {"chain_id": 1337, "height": 0}, "tx_trace": {"tx": "0x00", "frames": 5},
            "chain_getCode": None}


class Junk(BaseHTTPRequestHandler):
    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        if self.path.rstrip("/") == "/nodev":  # a node of another network: no dev_mine
            status, body = 200, json.dumps(
                {"jsonrpc": "2.0", "id": request["id"], "result": {"chain_id": 5, "height": 0}}
                if request["method"] == "node_info" else
                {"jsonrpc": "2.0", "id": request["id"], "error": {"code": -32601, "message": "no such method"}}).encode()
        elif self.path.rstrip("/") == "/baddocs":
            status, body = 200, json.dumps({"jsonrpc": "2.0", "id": request["id"],
                                            "result": BAD_DOCS.get(request["method"])}).encode()
        else:
            status, body = ANSWERS[self.path.rstrip("/")]
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def junk():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Junk)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/html", "/notjson", "/array", "/noresult", "/empty", "/deep"])
def test_answers_that_are_not_json_rpc(junk, path):
    with pytest.raises(NodeError, match="did not answer JSON-RPC"):
        RpcClient(junk + path).call("node_info")


def test_an_error_answer_keeps_its_code(junk):
    with pytest.raises(RemoteError) as info:
        RpcClient(junk + "/error").call("node_info")
    assert info.value.rpc_code == -32601 and str(info.value) == "no such method"


def test_nothing_listening():
    with pytest.raises(NodeError, match="cannot reach the node at http://127.0.0.1:1/"):
        RpcClient("http://127.0.0.1:1").call("node_info")


def test_a_refusal_keeps_the_chains_code_and_text():
    r = NodeRefused("tx-bad-nonce: nonce 4, expected 0")
    assert r.code == "tx-bad-nonce" and str(r) == "tx-bad-nonce: nonce 4, expected 0"


@pytest.mark.parametrize("path", ["/html", "/notjson", "/error"])
def test_the_cli_says_which_node_and_why(junk, tmp_path, path):
    result = CliRunner().invoke(cli, ["balance", "0", "--rpc", junk + path, "--datadir", str(tmp_path)],
                                env={"OBELISK_RPC": None, "OBELISK_DEBUG": None})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"--rpc {junk}{path}" in result.stderr


def test_mine_through_rpc_on_a_node_that_mines_by_itself(junk, tmp_path):
    result = CliRunner().invoke(cli, ["mine", "--rpc", junk + "/nodev", "--datadir", str(tmp_path)],
                                env={"OBELISK_RPC": None, "OBELISK_DEBUG": None})
    assert result.exit_code == 2 and "mines by itself" in result.stderr


def test_a_trace_document_that_is_not_one_is_exit_2(junk, tmp_path):
    result = CliRunner().invoke(cli, ["trace", "0x" + "ab" * 32, "--rpc", junk + "/baddocs", "--datadir", str(tmp_path)],
                                env={"OBELISK_RPC": None, "OBELISK_DEBUG": None})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "the trace document is malformed" in result.stderr
