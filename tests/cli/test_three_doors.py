"""Three doors, one behaviour: the same session through chain.Devnet and through the
command gives the same receipts, values, gas, reasons and locations, byte for byte."""
from pathlib import Path

import pytest

import chain
import lang
from vm.abi import to_json as json_value
from vm.values import Struct

SHAPES = str(Path(__file__).resolve().parent / "data" / "shapes.contract")
OTHER = "0x" + "42" * 20

# (kind, the command's arguments after `call ADDRESS` or `send`, the same request to the library)
SESSION = [
    ("tx", ["move", '{"x": 7, "y": 8}', "why"], lambda net, a: net.call(a, "move", Struct((7, 8)), "why")),
    ("tx", ["move", "[-1, 0]", "no"], lambda net, a: net.call(a, "move", Struct((-1, 0)), "no")),
    ("view", ["where"], lambda net, a: net.call(a, "where")),
    ("view", ["sum", '[2, "0x10"]'], lambda net, a: net.call(a, "sum", Struct((2, 16)))),
    ("view", ["echo", "0xab", "s", "false", OTHER], lambda net, a: net.call(a, "echo", b"\xab", "s", False, OTHER)),
    ("tx", ["move", "[1, 2]", "gas", "--gas", "3000"], lambda net, a: net.call(a, "move", Struct((1, 2)), "gas", gas=3000)),
    ("send", [OTHER, "5", "--from", "2"], lambda net, a: net.transfer(net.accounts[2], OTHER, 5)),
    ("view", ["where", "--gas", "0"], lambda net, a: net.call(a, "where", gas=0)),  # out of gas, as any gas too small
    ("view", ["where", "--gas", "30000001"], lambda net, a: net.call(a, "where", gas=30_000_001)),
    ("tx", ["move", "[1, 2]", "x", "--gas", "0"], lambda net, a: net.call(a, "move", Struct((1, 2)), "x", gas=0)),
]


def _library_doc(net, kind, run, address):
    fn = net.code_object_at(address).function("where")
    try:
        result = run(net, address)
    except (chain.ArgumentError, chain.ChainError) as exc:  # refused before anything ran
        reason = str(exc) if isinstance(exc, chain.ArgumentError) else f"transaction rejected: {exc}"
        return {"error": reason}, 2
    except chain.Reverted as exc:
        if exc.receipt is not None:
            return exc.receipt.to_json(), 1
        return {"value": None, "status": "reverted", "reason": exc.reason, "location": exc.location}, 1
    if kind == "view":
        # The CLI types the value by the function's ABI; the struct returns here are Points.
        return {"value": json_value(result, fn.returns if isinstance(result, Struct) else None)}, 0
    return result.to_json(), 0


def test_library_and_command_agree(ob, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    net = chain.Devnet(datadir=str(tmp_path / "library"))
    try:
        deployed = net.deploy(lang.compile_file(SHAPES), Struct((1, 2)))
        cli_deploy = ob.json(["deploy", SHAPES, "[1, 2]"])
        receipt = deployed.receipt
        assert cli_deploy == {"address": str(deployed.address), "tx": "0x" + receipt.tx_hash.hex(),
                              "block": receipt.block_number, "gas_used": receipt.gas_used, "status": "success"}
        address = str(deployed.address)
        for kind, args, run in SESSION:
            expected, code = _library_doc(net, kind, run, deployed.address)
            argv = ["send"] + args if kind == "send" else ["call", address] + args
            got = ob.json(argv, expect_code=code)
            assert got == expected, (args, got, expected)
        assert ob.json(["block"]) == net.block().to_json()
        assert ob.json(["verify"]) == {"valid": True, "height": net.verify()}
    finally:
        net.close()


@pytest.mark.parametrize("gas, outcome", [(0, "out of gas"), (30_000_001, "ArgumentError"), (2**64, "ArgumentError"),
                                          (-1, "ArgumentError"), ("5", "ArgumentError"), (None, "ok"), (30_000_000, "ok")])
def test_library_view_gas_is_bounded_by_the_block_limit(tmp_path, gas, outcome):
    """A view gets at most what a transaction could (the block gas limit), so a loop in it ends;
    gas=0 is no gas (it was taken as 'the default')."""
    with chain.Devnet(datadir=str(tmp_path / "lib")) as net:
        address = net.deploy(lang.compile_file(SHAPES), Struct((1, 2))).address
        try:
            got = "ok" if net.call(address, "where", gas=gas) == Struct((1, 2)) else "wrong"
        except chain.Reverted as exc:
            got = exc.reason
        except chain.ArgumentError:
            got = "ArgumentError"
        assert got == outcome
