"""JSON-RPC over a real loopback socket on a real chain: every method, every error code, junk, size and batch limits."""
import asyncio
import json
import os

import aiohttp
import pytest

import chain
import lang
from chain import consensus as C
from chain import tx as txmod
from obelisk.node.rpc import MAX_BATCH, MAX_REQUEST_BYTES, RpcServer
from obelisk.node.service import ChainService

TOKEN = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "token.contract")


class FakePeers:
    """The peer side's three parts the RPC reads (p2p's node has the same)."""

    def __init__(self):
        self.added = []

    def info(self):
        return {"peers": len(self.added), "mining": False, "version": "0.1.0"}

    def peers(self):
        return [{"id": "0x" + "ab" * 32, "address": a, "height": 0, "inbound": False} for a in self.added]

    def add_peer(self, hostport):
        self.added.append(hostport)


def serve(scenario, *, dev=True, net=None):
    """Run scenario(post, net, raw) against an RPC server on 127.0.0.1:0 over a Devnet's chain."""
    net = net or chain.Devnet()
    service = ChainService(net.chain, net.params, dev=dev)
    peers = FakePeers()

    async def main():
        server = RpcServer(service, peers)
        url = await server.start()
        try:
            async with aiohttp.ClientSession() as session:
                async def raw(body, headers=None):
                    async with session.post(url + "/", data=body, headers=headers) as resp:
                        text = await resp.read()
                        return resp.status, (json.loads(text) if text else None)

                async def post(method, *params):
                    status, doc = await raw(json.dumps({"jsonrpc": "2.0", "id": 7, "method": method,
                                                         "params": list(params)}))
                    assert status == 200 and doc["id"] == 7
                    return doc
                return await scenario(post, net, raw)
        finally:
            await server.stop()
    try:
        return asyncio.run(main())
    finally:
        service.close()


def result(doc):
    assert "error" not in doc, doc
    return doc["result"]


def test_node_info_and_peers():
    async def scenario(post, net, raw):
        info = result(await post("node_info"))
        assert info == {"chain_id": C.DEV_CHAIN_ID, "genesis": "0x" + net.block(0).hash.hex(),
                        "head": "0x" + net.block(0).hash.hex(), "height": 0, "peers": 0, "mining": False,
                        "version": "0.1.0"}
        assert result(await post("node_peers")) == []
        assert result(await post("node_addPeer", "127.0.0.1:7710")) is True
        assert result(await post("node_peers"))[0]["address"] == "127.0.0.1:7710"
        for bad in ("localhost", "1.2.3.4:0", "1.2.3.4:99999", 5, "a b:1"):
            assert (await post("node_addPeer", bad))["error"]["code"] == -32602
    serve(scenario)


def test_transfer_through_rpc_matches_the_library_documents():
    async def scenario(post, net, raw):
        a0, a1 = net.accounts[0].address, net.accounts[1].address
        t = net.make_tx(0, a1, 5)
        assert result(await post("chain_getNonce", str(a0))) == 0
        h = result(await post("tx_send", "0x" + t.encode().hex()))
        assert h == "0x" + t.hash.hex()
        assert result(await post("tx_pending")) == [h]
        assert result(await post("chain_getNonce", str(a0))) == 1  # pending counted
        assert result(await post("chain_getReceipt", h)) is None  # pending: no receipt yet
        assert result(await post("chain_getTransaction", h)) == net.tx(t.hash).to_json()
        mined = result(await post("dev_mine", 1))
        assert mined == ["0x" + net.block(1).hash.hex()]
        assert result(await post("chain_getReceipt", h)) == net.receipt(t.hash).to_json()
        assert result(await post("chain_getTransaction", h))["status"] == "mined"
        assert result(await post("chain_getBalance", str(a1))) == C.DEV_ACCOUNT_BALANCE + 5
        assert result(await post("chain_getBlock", None)) == net.block(1).to_json()
        assert result(await post("chain_getBlock")) == net.block(1).to_json()
        assert result(await post("chain_getBlock", 0)) == net.block(0).to_json()
        assert result(await post("chain_getBlock", -1)) == net.block(1).to_json()
        assert result(await post("chain_getBlock", mined[0])) == net.block(1).to_json()
        assert result(await post("chain_getBlock", 5)) is None
        assert result(await post("chain_getBlock", "0x" + "00" * 32)) is None
        assert result(await post("chain_getTransaction", "0x" + "00" * 32)) is None
        assert result(await post("chain_getCode", str(a0))) is None
        assert result(await post("tx_pending")) == []
    serve(scenario)


def test_refused_transactions_are_32000_with_the_cli_reason():
    async def scenario(post, net, raw):
        t = net.make_tx(0, net.accounts[1].address, 5, nonce=4)
        err = (await post("tx_send", "0x" + t.encode().hex()))["error"]
        assert err["code"] == -32000
        assert err["data"] == {"reason": "tx-bad-nonce: nonce 4, expected 0", "location": None}
        err = (await post("tx_send", "0x0102"))["error"]
        assert err["code"] == -32000 and err["data"]["reason"].startswith("tx-bad-encoding")
        ok = net.make_tx(0, net.accounts[1].address, 5)
        result(await post("tx_send", "0x" + ok.encode().hex()))
        err = (await post("tx_send", "0x" + ok.encode().hex()))["error"]
        assert err["data"]["reason"].startswith("tx-duplicate")
        assert result(await post("tx_pending")) == ["0x" + ok.hash.hex()]
    serve(scenario)


def test_contract_calls_logs_and_gas_estimates():
    art = lang.compile_file(TOKEN)

    async def scenario(post, net, raw):
        a0, a1 = net.accounts[0].address, net.accounts[1].address
        deploy = net.make_tx(0, None, 0, txmod.encode_deploy(art.bytecode, [1000]), gas=5_000_000)
        result(await post("tx_send", "0x" + deploy.encode().hex()))
        result(await post("dev_mine", 1))
        receipt = result(await post("chain_getReceipt", "0x" + deploy.hash.hex()))
        token = receipt["address"]
        assert receipt["status"] == "success"
        assert result(await post("chain_getCode", token)) == "0x" + net.code_at(token).hex()
        data = txmod.encode_call("balance_of", [bytes(a0)])
        call = result(await post("vm_call", {"to": token, "data": "0x" + data.hex(), "from": str(a0)}))
        assert call["status"] == "success" and call["return"] == 1000 and call["reason"] is None
        assert call["gas_used"] > txmod.intrinsic_gas(net.make_tx(0, token, 0, data, gas=100_000))
        send = txmod.encode_call("transfer", [bytes(a1), 10])
        gas = result(await post("vm_estimateGas", {"to": token, "data": "0x" + send.hex(), "from": str(a0)}))
        # The estimate is enough, and exactly what the transaction then uses.
        t = net.make_tx(0, token, 0, send, gas=gas)
        result(await post("tx_send", "0x" + t.encode().hex()))
        result(await post("dev_mine", 1))
        r = result(await post("chain_getReceipt", "0x" + t.hash.hex()))
        assert r["status"] == "success" and r["gas_used"] == gas
        # vm_call kept nothing: the balance moved once, by the transaction.
        call = result(await post("vm_call", {"to": token, "data": "0x" + data.hex()}))
        assert call["return"] == 990
        # A failing call: -32000 with the revert's reason and its source location.
        too_much = txmod.encode_call("transfer", [bytes(a1), 10**9])
        for method in ("vm_call", "vm_estimateGas"):
            err = (await post(method, {"to": token, "data": "0x" + too_much.hex(), "from": str(a0)}))["error"]
            assert err["code"] == -32000 and err["data"]["reason"] and "token.contract:" in err["data"]["location"]
        logs = result(await post("chain_getLogs", {}))
        expected = [dict(e, block=n, tx="0x" + th.hex()) for n, th in ((1, deploy.hash), (2, t.hash))
                    for e in net.receipt(th).to_json()["events"]]
        assert logs == expected and [e["name"] for e in logs].count("Transfer") == 2
        transfers = result(await post("chain_getLogs", {"event": "Transfer", "from_block": 2, "address": token}))
        assert transfers == [dict(net.receipt(t.hash).to_json()["events"][0], block=2, tx="0x" + t.hash.hex())]
        assert result(await post("chain_getLogs", {"address": str(a0)})) == []
        assert result(await post("chain_getLogs")) == logs
    serve(scenario)


@pytest.mark.parametrize("method,params", [
    ("chain_getBalance", ["0x1234"]), ("chain_getBalance", []), ("chain_getBalance", [1]),
    ("chain_getNonce", ["zz"]), ("chain_getCode", [None]),
    ("chain_getBlock", ["0x12"]), ("chain_getBlock", [1.5]), ("chain_getBlock", [True]), ("chain_getBlock", [1, 2]),
    ("chain_getTransaction", ["0x" + "0" * 63]), ("chain_getReceipt", []),
    ("chain_getLogs", [{"from_block": -1}]), ("chain_getLogs", [{"bogus": 1}]), ("chain_getLogs", [[]]),
    ("tx_send", ["abcd"]), ("tx_send", ["0x" + "00" * (C.MAX_TX_SIZE + 1)]), ("tx_send", [5]),
    ("vm_call", [{}]), ("vm_call", [{"to": "0x00"}]), ("vm_call", [{"to": "0x" + "11" * 20, "gas": -1}]),
    ("vm_call", [{"to": "0x" + "11" * 20, "value": 2**256}]), ("vm_estimateGas", ["x"]),
    ("dev_mine", [0]), ("dev_mine", [10**9]), ("dev_mine", ["1"]), ("node_info", [1]),
    ("chain_getBalance", {"address": "0x" + "11" * 20}),
])
def test_invalid_params_are_32602_and_change_nothing(method, params):
    async def scenario(post, net, raw):
        status, doc = await raw(json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}))
        assert status == 200 and doc["error"]["code"] == -32602 and doc["id"] == 1
        assert doc["error"]["message"]
        assert net.height == 0 and net.chain.pending() == []
    serve(scenario)


def test_a_logs_query_spans_a_bounded_number_of_blocks(monkeypatch):
    from obelisk.node import queries

    monkeypatch.setattr(queries, "MAX_LOG_BLOCKS", 2)

    async def scenario(post, net, raw):
        result(await post("dev_mine", 3))
        assert result(await post("chain_getLogs", {"from_block": 2, "to_block": 10**6})) == []  # clamped to the head
        err = (await post("chain_getLogs", {"from_block": 0}))["error"]
        assert err["code"] == -32602 and "at most 2 blocks" in err["message"]
    serve(scenario)


def test_no_such_method_and_dev_mine_off_the_dev_network():
    async def scenario(post, net, raw):
        assert (await post("eth_blockNumber"))["error"]["code"] == -32601
        assert (await post("dev_mine", 1))["error"]["code"] == -32601
        assert net.height == 0
    serve(scenario, dev=False)


@pytest.mark.parametrize("body,code", [
    (b"{", -32700), (b"\xff\xfe", -32700), (b"", -32700), (b"[" * 100_000, -32700), (b"nul", -32700),
    (b'{"jsonrpc": "2.0", "method": "node_info", "id": NaN}', -32700),
    (b'{"jsonrpc": "2.0", "method": "chain_getBlock", "params": [Infinity], "id": 1}', -32700),
    (b'{"jsonrpc": "2.0", "method": "chain_getBlock", "params": [' + b"9" * 5000 + b'], "id": 1}', -32700),
    (b"[]", -32600), (b"5", -32600), (b'"x"', -32600), (b"null", -32600),
    (b'{"jsonrpc": "1.0", "method": "node_info", "id": 1}', -32600),
    (b'{"jsonrpc": "2.0", "method": 5, "id": 1}', -32600),
    (b'{"jsonrpc": "2.0", "method": "node_info", "params": 5, "id": 1}', -32600),
    (b'{"jsonrpc": "2.0", "method": "node_info", "id": {"a": 1}}', -32600),
    (b'{"jsonrpc": "2.0", "method": "node_info", "id": 1, "extra": 1}', -32600),
])
def test_junk_bodies(body, code):
    async def scenario(post, net, raw):
        status, doc = await raw(body)
        assert status == 200 and doc["error"]["code"] == code
        # ... and the server still answers.
        assert result(await post("node_info"))["height"] == 0
    serve(scenario)


def test_batches_answer_in_order_and_skip_notifications():
    async def scenario(post, net, raw):
        batch = [{"jsonrpc": "2.0", "id": 1, "method": "node_info"},
                 {"jsonrpc": "2.0", "method": "dev_mine", "params": [1]},  # a notification: done, not answered
                 {"jsonrpc": "2.0", "id": 2, "method": "nope"},
                 5,
                 {"jsonrpc": "2.0", "id": "three", "method": "chain_getBlock", "params": [1]}]
        status, doc = await raw(json.dumps(batch))
        assert status == 200
        assert [d["id"] for d in doc] == [1, 2, None, "three"]
        assert doc[0]["result"]["height"] == 0
        assert doc[1]["error"]["code"] == -32601 and doc[2]["error"]["code"] == -32600
        assert doc[3]["result"]["number"] == 1 and net.height == 1
        status, doc = await raw(json.dumps([{"jsonrpc": "2.0", "method": "node_info"}]))
        assert status == 204 and doc is None
        full = [{"jsonrpc": "2.0", "id": i, "method": "chain_getNonce", "params": ["0x" + "11" * 20]}
                for i in range(MAX_BATCH)]
        status, doc = await raw(json.dumps(full))
        assert [d["result"] for d in doc] == [0] * MAX_BATCH
        status, doc = await raw(json.dumps(full + full[:1]))
        assert status == 200 and doc["error"]["code"] == -32600 and str(MAX_BATCH) in doc["error"]["message"]
    serve(scenario)


def test_requests_over_one_mebibyte_are_refused_before_reading():
    async def scenario(post, net, raw):
        tx_hex = "0x" + "00" * ((MAX_REQUEST_BYTES // 2) + 10)
        big = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tx_send", "params": [tx_hex]}).encode()
        status, doc = await raw(big)
        assert status == 413 and doc["error"]["code"] == -32600

        async def chunked():  # no Content-Length: the limit holds while reading
            for _ in range(MAX_REQUEST_BYTES // 65536 + 2):
                yield b" " * 65536
        status, doc = await raw(chunked())
        assert status == 413 and doc["error"]["code"] == -32600
        assert result(await post("node_info"))["height"] == 0
    serve(scenario)


def test_the_server_binds_loopback_by_default():
    net = chain.Devnet()
    service = ChainService(net.chain, net.params, dev=True)

    async def main():
        server = RpcServer(service)
        url = await server.start()
        await server.stop()
        return url
    try:
        assert asyncio.run(main()).startswith("http://127.0.0.1:")
    finally:
        service.close()
