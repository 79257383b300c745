"""The chain's own vectors (vectors.json): keys, encodings and hashes that must never drift without a version bump."""
import json
from pathlib import Path

import chain
from chain import block as blk
from chain import keys
from chain import tx as txmod

V = json.loads((Path(__file__).resolve().parent / "vectors.json").read_text())


def test_dev_accounts():
    for entry in V["dev_accounts"]:
        k = keys.dev_key(entry["index"])
        assert (k.seed.hex(), k.public_key.hex(), str(k.address)) == (entry["seed"], entry["public_key"],
                                                                        entry["address"])
        assert str(keys.address_of(bytes.fromhex(entry["public_key"]))) == entry["address"]


def test_genesis_transfer_block_and_receipt():
    net = chain.Devnet()
    assert net.block_bytes(0).hex() == V["genesis"]["encoding"]
    assert net.block(0).hash.hex() == V["genesis"]["hash"]
    t = txmod.decode(bytes.fromhex(V["transfer"]["encoding"]))
    assert t.signing_bytes().hex() == V["transfer"]["signing_bytes"]
    assert t.hash.hex() == V["transfer"]["hash"]
    assert keys.verify(t.public_key, t.signing_bytes(), t.signature)
    net.send(t)
    raw = bytes.fromhex(V["block_1"]["encoding"])
    assert net.block_bytes(1) == raw
    b = blk.decode_block(raw)
    assert b.header.encode().hex() == V["block_1"]["header"]
    assert b.hash.hex() == V["block_1"]["hash"] and b.header.pow_ok()
    assert net.store.receipt(b.hash, 0).hex() == V["receipt_1"]["encoding"]
    # A second node accepts the vector block as is.
    other = chain.Devnet()
    assert other.import_block(raw).hex() == V["block_1"]["hash"]


def test_call_and_deploy_data():
    c = V["call_data"]
    args = [bytes(chain.Address(c["args"][0])), c["args"][1]]
    assert txmod.encode_call(c["function"], args).hex() == c["encoding"]
    assert txmod.decode_call(bytes.fromhex(c["encoding"])) == (c["function"], args)
    d = V["deploy_data"]
    assert txmod.encode_deploy(bytes.fromhex(d["code"]), d["args"]).hex() == d["encoding"]


def test_contract_addresses_and_merkle_roots():
    for e in V["contract_address"]:
        assert str(txmod.contract_address(chain.Address(e["sender"]), e["nonce"])) == e["address"]
    for e in V["merkle_root"]:
        assert blk.merkle_root([bytes.fromhex(h) for h in e["leaves"]]).hex() == e["root"]
