"""The dev network's genesis holds the compute market at a well-known address: the committed
code is the compile of the shipped source, every dev chain has it from block 0, and a data
directory made under an older dev genesis is refused naming the cause.

After a change to the market's source (or to what the compiler emits for it), rewrite the
committed code with `.venv/bin/python tests/chain/test_dev_market.py --write`: the dev
genesis hash changes with it (update tests/chain/vectors.json and test_consensus.py).
"""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import chain
from chain import consensus as C
from chain import errors as E
from chain.devnet import MARKET_CODE, dev_market_code, dev_params

ARTIFACT = Path(str(resources.files("chain").joinpath(MARKET_CODE)))
REWRITE = "python tests/chain/test_dev_market.py --write"


def compiled_market() -> bytes:
    from obelisk.compute.market import compile_market

    return compile_market().bytecode


def test_the_committed_market_code_is_the_compiled_source():
    assert dev_market_code() == compiled_market(), f"the dev genesis' market code is stale: run {REWRITE}"


def test_every_dev_chain_has_the_market_at_the_well_known_address_from_block_0(tmp_path):
    for net in (chain.Devnet(), chain.Devnet(tmp_path / "d")):
        try:
            assert net.height == 0
            code = net.code_object_at(C.DEV_MARKET_ADDRESS)
            assert code.name == "ComputeMarket" and code.function("post_sealed_job") is not None
            assert net.call(C.DEV_MARKET_ADDRESS, "job_count") == 0
            # A job posted to the predeployed market is held like one posted to a deployed one.
            market = net.at(C.DEV_MARKET_ADDRESS)
            market.post_job(b"\x11" * 32, 3, 2, 100, 5, 5, value=1_000, sender=1)
            assert market.job_count() == 1 and net.balance(C.DEV_MARKET_ADDRESS) == 1_000
            assert net.verify() == net.height
        finally:
            net.close()
    assert str(chain.Address(C.DEV_MARKET_ADDRESS)) == "0x000000000000000000000000000000000000c0de"


def test_placing_the_code_is_the_same_as_deploying_it():
    # Genesis stores code without running an init function: the market must have none.
    import vm

    assert vm.validate(dev_market_code()).init is None
    net = chain.Devnet()
    deployed = net.deploy(dev_market_code(), sender=0)
    assert net.code_at(deployed.address) == net.code_at(C.DEV_MARKET_ADDRESS)
    for address in (deployed.address, C.DEV_MARKET_ADDRESS):
        assert net.storage_at(address, b"\x00") is None  # storage empty either way


def test_a_datadir_of_an_older_dev_genesis_is_refused_naming_the_cause(tmp_path):
    older = dataclasses.replace(dev_params(), code_allocations=())  # the dev genesis before the market
    store = chain.store.Store(str(tmp_path / "chain.sqlite3"))
    chain.core.Chain(store, older)
    store.close()
    with pytest.raises(E.StoreError, match="genesis differs.*another dev genesis.*start a new data directory"):
        chain.Devnet(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "obelisk", "--datadir", str(tmp_path), "verify"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "another dev genesis" in proc.stderr


def _genesis_doc(**over):
    doc = {"format": "obelisk-genesis/1", "chain_id": 4242, "timestamp": 1_750_000_000, "target": hex(C.POW_LIMIT),
           "allocations": {}, "code": {str(chain.Address(C.DEV_MARKET_ADDRESS)): "0x" + dev_market_code().hex()}}
    doc.update(over)
    return doc


def test_a_genesis_file_may_place_the_market_too(tmp_path):
    from chain.genesis import genesis_hash, load_genesis, params_from_json, params_to_json

    params = params_from_json(_genesis_doc())
    assert params.code_allocations == ((C.DEV_MARKET_ADDRESS, dev_market_code()),)
    path = tmp_path / "genesis.json"
    path.write_text(json.dumps(params_to_json(params)))
    assert load_genesis(path) == params
    assert genesis_hash(params) != genesis_hash(params_from_json(_genesis_doc(code={})))
    store = chain.store.Store(None)
    try:
        net = chain.Devnet.over(chain.core.Chain(store, params))
        assert net.code_at(C.DEV_MARKET_ADDRESS) == dev_market_code()
    finally:
        store.close()
    # Without code, a genesis file reads and writes as it always did (no "code" field).
    assert "code" not in params_to_json(params_from_json(_genesis_doc(code={})))


@pytest.mark.parametrize("code, message", [
    ([], 'code: expected an object of at most 64 "0xADDRESS": "0xCODE"'),
    ({"0x12": "0x00"}, "code: '0x12': "),
    ({"0x" + "11" * 20: "00"}, "code: 0x1111111111111111111111111111111111111111: expected 0x-prefixed hex"),
    ({"0x" + "11" * 20: "0xzz"}, "expected 0x-prefixed hex"),
    ({"0x" + "11" * 20: "0x0102"}, "code: 0x1111111111111111111111111111111111111111: not valid code: "),
])
def test_bad_genesis_code_is_refused_naming_the_field(code, message):
    from chain.genesis import GenesisError, params_from_json

    with pytest.raises(GenesisError) as info:
        params_from_json(_genesis_doc(code=code))
    assert message in str(info.value)


def test_genesis_code_with_an_init_function_is_refused():
    import lang
    from chain.genesis import GenesisError, params_from_json

    art = lang.compile_source("contract C {\n    storage n: int;\n    init(x: int) {\n        n = x;\n    }\n}\n")
    with pytest.raises(GenesisError, match="has an init function, which genesis does not run: deploy it instead"):
        params_from_json(_genesis_doc(code={"0x" + "22" * 20: "0x" + art.bytecode.hex()}))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {sys.argv[0]} --write  (rewrites {ARTIFACT} from the market's source)")
    ARTIFACT.write_bytes(compiled_market())
    dev_market_code.cache_clear()
    net = chain.Devnet()
    print(f"wrote {ARTIFACT} ({ARTIFACT.stat().st_size} bytes); dev genesis now 0x{net.block(0).hash.hex()}")
