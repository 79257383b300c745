"""tx_trace, tx_profile, tx_dryRun, vm_view and chain_getStorage on a real loopback socket: their answers
equal the library's, and bad parameters are JSON-RPC errors that say which one, never a traceback."""
import json

import obelisk
from chain import tx as txmod
from chain.keys import dev_keys
from obelisk.node.rpc import RpcServer
from obelisk.node.service import ChainService

from test_rpc_server import TOKEN, result, serve

A1 = str(dev_keys()[1].address)


def chain_with_token():
    net = obelisk.Devnet()
    token = net.deploy(TOKEN, 1000)
    ok = token.transfer(A1, 5)
    try:
        token.transfer(A1, 10**9)
    except obelisk.Reverted as exc:
        bad = exc.receipt
    return net, token, ok, bad


def test_the_answers_are_the_library_s():
    net, token, ok, bad = chain_with_token()
    service = ChainService(net.chain, net.params, dev=True, door_class=obelisk.Devnet)

    async def scenario(post, _net, raw):
        assert result(await post("tx_trace", "0x" + ok.tx_hash.hex())) == net.trace(ok.tx_hash).to_json()
        assert result(await post("tx_trace", "0x" + bad.tx_hash.hex()))["frames"]["status"] == "reverted"
        assert result(await post("tx_trace", "0x" + "00" * 32)) is None
        prof = result(await post("tx_profile", "0x" + ok.tx_hash.hex()))
        assert prof == net.profile(ok.tx_hash).to_json(sources=False)
        assert all(r["source"] is None for r in prof["lines"])  # a node reads no file a contract names
        t_ = net.make_tx(None, token.address, 0, txmod.encode_call("transfer", [bytes(dev_keys()[1].address), 3]))
        dry = result(await post("tx_dryRun", "0x" + t_.encode().hex(), {"profile": True}))
        assert dry["status"] == "success" and dry["gas_used"] == dry["gas_profile"]["gas_used"]
        assert net.height == 3  # nothing was mined
        data = "0x" + txmod.encode_call("balance_of", [bytes(dev_keys()[1].address)]).hex()
        view = result(await post("vm_view", {"to": str(token.address), "data": data}))
        assert view == {"value": 5, "status": "success", "gas_used": view["gas_used"], "reason": None,
                        "location": None}
        assert view["gas_used"] == net.view(token.address, "balance_of", [bytes(dev_keys()[1].address)]).gas_used
        owner = result(await post("chain_getStorage", str(token.address), "0x00"))
        assert owner == "0x9204c414" + str(dev_keys()[0].address)[2:]  # [4 (an address), its 20 bytes]
        assert result(await post("chain_getStorage", str(token.address), "0x09")) is None
    serve_with(service, net, scenario)


def serve_with(service, net, scenario):
    import asyncio

    import aiohttp

    async def main():
        server = RpcServer(service)
        url = await server.start()
        try:
            async with aiohttp.ClientSession() as session:
                async def raw(body):
                    async with session.post(url + "/", data=body) as resp:
                        return resp.status, json.loads(await resp.read())

                async def post(method, *params):
                    status, doc = await raw(json.dumps({"jsonrpc": "2.0", "id": 7, "method": method,
                                                         "params": list(params)}))
                    assert status == 200
                    return doc
                return await scenario(post, net, raw)
        finally:
            await server.stop()
    try:
        asyncio.run(main())
    finally:
        service.close()


def test_bad_parameters_are_invalid_params_naming_the_one_at_fault():
    net, token, ok, bad = chain_with_token()
    service = ChainService(net.chain, net.params, dev=True, door_class=obelisk.Devnet)
    good = "0x" + ok.tx_hash.hex()

    async def scenario(post, _net, raw):
        cases = [
            ("tx_trace", [], "takes a list of 1"), ("tx_trace", ["0x12"], "tx hash"), ("tx_trace", [5], "tx hash"),
            ("tx_trace", [good, 1], "takes a list of 1"), ("tx_profile", ["0x" + "zz" * 32], "tx hash"),
            ("tx_dryRun", ["0x00"], None), ("tx_dryRun", ["0x" + "00" * (400 * 1024)], "transaction"),
            ("tx_dryRun", ["0x00", {"profile": 1}], "profile"), ("tx_dryRun", ["0x00", {"trace": True}], "options"),
            ("tx_dryRun", ["0x00", []], "options"),
            ("vm_view", [{}], "to"), ("vm_view", [{"to": str(token.address), "data": "0x00"}], "data"),
            ("vm_view", [{"to": str(token.address), "data": "0x", "gas": -1}], "gas"),
            ("vm_view", [{"to": "0x12", "data": "0x"}], "to"), ("vm_view", [{"to": str(token.address), "x": 1}], "x"),
            ("chain_getStorage", [str(token.address)], "takes a list of 2"),
            ("chain_getStorage", [str(token.address), "0x" + "00" * 5000], "key"),
            ("chain_getStorage", ["nope", "0x00"], "address"),
        ]
        for method, params, word in cases:
            doc = await post(method, *params)
            err = doc["error"]
            if word is None:  # not a transaction at all: refused as tx_send refuses it
                assert err["code"] == -32000 and "tx-bad-encoding" in err["data"]["reason"], doc
                continue
            assert err["code"] == -32602 and word in err["message"], (method, params, doc)
            assert len(json.dumps(doc)) < 400  # bounded: the bad value is not echoed back
        # A dry run of a transaction the pool would refuse says why, as tx_send does.
        t_ = net.make_tx(None, token.address, 0, b"", 5000, 1, nonce=0)
        err = (await post("tx_dryRun", "0x" + t_.encode().hex()))["error"]
        assert err["code"] == -32000 and err["data"]["reason"].startswith("tx-bad-nonce")
    serve_with(service, net, scenario)


def test_a_node_that_records_no_steps_has_no_traces_and_refuses_profiles():
    net, token, ok, bad = chain_with_token()

    async def scenario(post, _net, raw):
        assert (await post("tx_trace", "0x" + ok.tx_hash.hex()))["error"]["code"] == -32601
        t_ = net.make_tx(None, token.address, 0, txmod.encode_call("transfer", [bytes(dev_keys()[1].address), 3]))
        assert result(await post("tx_dryRun", "0x" + t_.encode().hex()))["status"] == "success"
        err = (await post("tx_dryRun", "0x" + t_.encode().hex(), {"profile": True}))["error"]
        assert err["code"] == -32602 and "does not record" in err["message"]
    serve(scenario, net=net)


KINDS = """
contract Kinds {
    struct Pt { x: int, tag: string }
    event Seen(who: address, note: string, blob: bytes, flag: bool);
    storage last: string;

    pub fn poke(note: string, blob: bytes, flag: bool) -> bytes {
        emit Seen(msg.sender, note, blob, flag);
        last = note;
        return self_echo(blob);
    }

    fn self_echo(b: bytes) -> bytes { return b; }

    pub fn make(x: int, tag: string) -> Pt { return Pt(x, tag); }

    fn build(x: int, tag: string) -> Pt { return Pt(x, tag); }

    pub fn both(x: int) -> Pt {
        let p: Pt = build(x, "inner");
        emit Seen(msg.sender, "after", b"", true);
        return p;
    }
}
"""


def test_a_trace_read_back_from_its_document_is_the_same_trace():
    """What the CLI draws through a node (Trace.from_json of tx_trace's answer) is the tree the library made:
    strings, bytes, addresses, bools and structs keep their types, and events and calls their order."""
    from obelisk.debug.calltree import Trace

    net = obelisk.Devnet()
    k = net.deploy(obelisk.compile_source(KINDS, filename="kinds.contract"))
    receipts = [k.poke("0x41", b"\x00\x01", True), k.make(3, "t"), k.both(4), k.receipt,
                net.transfer(0, A1, 1)]
    for r in receipts:
        tr = net.trace(r.tx_hash)
        back = Trace.from_json(json.loads(json.dumps(tr.to_json())), net.code_object_at)
        assert back.render() == tr.render() and back.to_json() == tr.to_json()
    text = net.trace(receipts[0].tx_hash).render()
    assert "note='0x41', blob=0x0001, flag=True" in text  # a string that looks like hex stays a string
    order = net.trace(receipts[2].tx_hash).to_json()["frames"]
    assert order["sequence"] == ["call", "event"] and order["calls"][0]["value"] == {"x": 4, "tag": "inner"}
