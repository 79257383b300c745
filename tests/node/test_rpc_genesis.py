"""Genesis files: a network of one's own, read back exactly, refused when malformed, and apart from every other."""
import json
import os

import pytest

import chain
from chain import consensus as C
from chain import errors as E
from chain.core import Chain
from chain.devnet import dev_params
from chain.genesis import GenesisError, genesis_hash, load_genesis, params_from_json, params_to_json
from chain.keys import dev_keys
from chain.store import Store

ALICE = str(dev_keys()[0].address)
BOB = str(dev_keys()[1].address)


def doc(**over):
    d = {"format": "obelisk-genesis/1", "chain_id": 4242, "timestamp": 1_750_000_000, "target": hex(C.POW_LIMIT),
         "block_time": 4, "allocations": {ALICE: 10**21, BOB: 5}}
    d.update(over)
    return {k: v for k, v in d.items() if v is not None}


def test_a_genesis_document_round_trips_through_a_file(tmp_path):
    params = params_from_json(doc())
    assert params.chain_id == 4242 and params.block_time == 4 and params.initial_target == C.POW_LIMIT
    assert params.pow_limit == C.POW_LIMIT and params.hardest_target == 1
    path = tmp_path / "genesis.json"
    path.write_text(json.dumps(params_to_json(params)))
    assert load_genesis(path) == params
    assert params_to_json(load_genesis(path)) == params_to_json(params)


def test_the_genesis_hash_names_the_network():
    base = params_from_json(doc())
    h = genesis_hash(base)
    assert h == genesis_hash(params_from_json(doc())) and len(h) == 32
    others = [doc(chain_id=4243), doc(timestamp=1), doc(target=hex(C.POW_LIMIT >> 1)), doc(block_time=5),
              doc(hardest_target="0x2"), doc(pow_limit=hex(2**255)),
              doc(allocations={ALICE: 10**21, BOB: 6}), doc(allocations={ALICE: 10**21})]
    hashes = {genesis_hash(params_from_json(d)) for d in others}
    assert h not in hashes and len(hashes) == len(others)
    assert genesis_hash(dev_params()) == chain.Devnet().block(0).hash


def test_a_datadir_of_one_network_refuses_another(tmp_path):
    db = str(tmp_path / "chain.sqlite3")
    store = Store(db)
    Chain(store, params_from_json(doc()))
    store.close()
    store = Store(db)
    with pytest.raises(E.StoreError, match="genesis differs"):
        Chain(store, params_from_json(doc(chain_id=7)))
    store.close()


def test_the_networks_block_time_is_its_retarget_spacing():
    params = params_from_json(doc(block_time=4))
    for step, harder in ((4, False), (2, True)):
        clock = [params.genesis_timestamp]

        def tick():
            clock[0] += step
            return clock[0]
        c = Chain(Store(None), params, clock=tick)
        alice = dev_keys()[0].address
        for _ in range(12):
            c.mine_block(alice)
        targets = [c.head.target]
        assert (targets[0] < C.POW_LIMIT) is harder
        # Another node of the same network accepts every block.
        other = Chain(Store(None), params, clock=lambda: 2**40)
        for height in range(1, 13):
            other.import_block(c.block_bytes(c.canonical_hash(height)))
        assert other.head_hash == c.head_hash
        assert c.state().read_balance(alice) == 10**21 + 12 * C.BLOCK_REWARD


@pytest.mark.parametrize("over,field", [
    ({"format": "x"}, "format"), ({"chain_id": -1}, "chain_id"), ({"chain_id": 1337}, "chain_id"),
    ({"chain_id": "7"}, "chain_id"), ({"chain_id": None}, "chain_id"), ({"timestamp": 2**64}, "timestamp"),
    ({"target": "0x0"}, "target"), ({"target": hex(C.POW_LIMIT + 1)}, "target"), ({"target": 1.5}, "target"),
    ({"block_time": 0}, "block_time"), ({"block_time": 10**6}, "block_time"), ({"block_time": True}, "block_time"),
    ({"hardest_target": hex(C.POW_LIMIT + 1)}, "hardest_target"), ({"pow_limit": "0x"}, "pow_limit"),
    ({"allocations": []}, "allocations"), ({"allocations": {"0x12": 5}}, "allocations"),
    ({"allocations": {ALICE: 0}}, "allocations"), ({"allocations": {ALICE: -5}}, "allocations"),
    ({"allocations": {ALICE: 2**255}}, "allocations"), ({"allocations": {ALICE: 2**254, BOB: 2**254}}, "allocations"),
    ({"allocations": {ALICE: 1, ALICE.upper().replace("0X", "0x"): 1}}, "allocations"),
    ({"extra": 1}, "extra"),
])
def test_bad_fields_are_refused_by_name(over, field):
    with pytest.raises(GenesisError, match=field):
        params_from_json(doc(**over))


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\xff", b"[" * 100_000, b'"x"'])
def test_bad_files_name_the_file(tmp_path, content):
    path = tmp_path / "g.json"
    path.write_bytes(content)
    with pytest.raises(GenesisError, match="g.json"):
        load_genesis(path)
    with pytest.raises(GenesisError, match="cannot read"):
        load_genesis(tmp_path / "missing.json")


def _obelisk(args, cwd):
    from click.testing import CliRunner

    from obelisk.cli import cli

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], env={"OBELISK_DATADIR": None})
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output
    return result


def test_genesis_new_writes_a_file_the_chain_loads(tmp_path):
    r = _obelisk(["genesis", "new", "--chain-id", "4242", "--alloc", f"{BOB}=5", "--alloc", "0=1000",
                  "--block-time", "4", "--timestamp", "1750000000", "--target", hex(C.POW_LIMIT >> 2), "--json"],
                 tmp_path)
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    params = load_genesis(tmp_path / "genesis.json")
    assert out == {"file": "genesis.json", "chain_id": 4242, "genesis": "0x" + genesis_hash(params).hex(),
                   "allocations": 2}
    assert params.block_time == 4 and params.initial_target == C.POW_LIMIT >> 2
    assert dict(params.allocations) == {bytes(dev_keys()[1].address): 5, bytes(dev_keys()[0].address): 1000}
    # The same inputs give the same file and genesis; an existing file is kept unless --force.
    again = _obelisk(["genesis", "new", "--chain-id", "4242", "-o", "genesis.json"], tmp_path)
    assert again.exit_code == 2 and "--force" in again.output
    assert load_genesis(tmp_path / "genesis.json") == params


@pytest.mark.parametrize("args,reason", [
    (["--chain-id", "1337"], "dev network"), (["--chain-id", "-1"], "--chain-id"),
    (["--chain-id", "5", "--alloc", "0"], "ADDRESS=AMOUNT"), (["--chain-id", "5", "--alloc", "12=1"], "dev accounts"),
    (["--chain-id", "5", "--alloc", "0=0"], "--alloc"), (["--chain-id", "5", "--alloc", "0=1", "--alloc", "0=2"], "twice"),
    (["--chain-id", "5", "--block-time", "0"], "--block-time"), (["--chain-id", "5", "--target", "0"], "--target"),
    ([], "--chain-id"),
])
def test_genesis_new_refuses_bad_input_and_writes_nothing(tmp_path, args, reason):
    r = _obelisk(["genesis", "new", *args], tmp_path)
    assert r.exit_code == 2 and reason in r.output
    assert not (tmp_path / "genesis.json").exists()
