"""compile / deploy / call / disasm through the CLI, on real contracts."""
import json
import re
from pathlib import Path

import pytest

import lang

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHAPES = DATA / "shapes.contract"
TOKEN = EXAMPLES / "token.contract"


@pytest.fixture
def token(ob):
    doc = ob.json(["deploy", TOKEN, "1000"])
    return doc["address"]


@pytest.fixture
def shapes(ob):
    return ob.json(["deploy", SHAPES, '{"x": 1, "y": 2}'])["address"]


def addr(ob, i):
    return ob.json(["balance", str(i)])["address"]


def test_compile_writes_the_artifact(ob, tmp_path):
    doc = ob.json(["compile", TOKEN, "-o", tmp_path / "out"])
    path = tmp_path / "out" / "Token.json"
    assert doc == {"contract": "Token", "artifact": str(path), "bytecode_size": doc["bytecode_size"]}
    art = lang.Artifact.from_json(path.read_text())
    assert art.name == "Token" and len(art.bytecode) == doc["bytecode_size"]
    assert art.bytecode == lang.compile_file(str(TOKEN)).bytecode
    human = ob.run(["compile", TOKEN, "-o", tmp_path / "out2"])
    assert human.exit_code == 0 and f"-> {tmp_path / 'out2' / 'Token.json'}" in human.stdout


def test_compile_errors_are_all_located_with_carets(ob):
    r = ob.run(["compile", DATA / "broken.contract"])
    assert r.exit_code == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0] == f"{DATA / 'broken.contract'}:2:32: error: unknown name 'y'"
    assert lines[1].strip() == "pub fn f() -> int { return y; }"
    assert lines[2].index("^") == lines[1].index("y;")
    assert any(":3:" in line and "error:" in line for line in lines)
    assert "Traceback" not in r.stderr
    doc = ob.json(["compile", DATA / "broken.contract"], expect_code=2)
    assert [(e["line"], e["column"]) for e in doc["errors"]] == [(2, 32), (3, 33)]


@pytest.mark.parametrize("stage, marker", [("ast", "ContractDef"), ("asm", "PUSH"), ("ir", "")])
def test_emit_stages(ob, stage, marker):
    r = ob.run(["compile", SHAPES, "--emit", stage])
    assert r.exit_code == 0 and marker in r.stdout and r.stdout.strip()
    doc = ob.json(["compile", SHAPES, "--emit", stage])
    assert doc["stage"] == stage and doc["text"].strip() == r.stdout.strip()


def test_deploy_call_and_revert(ob, token):
    alice, bob = addr(ob, 0), addr(ob, 1)
    assert ob.json(["call", token, "balance_of", alice]) == {"value": 1000}
    assert ob.run(["call", token, "name"]).stdout == "Obelisk Credit\n"
    r = ob.json(["call", token, "transfer", bob, "0x0a"])
    assert r["status"] == "success" and r["value"] is True and r["reason"] is None
    assert r["events"] == [{"name": "Transfer", "address": token, "args": {"sender": alice, "receiver": bob, "amount": 10}}]
    assert ob.json(["call", token, "balance_of", bob]) == {"value": 10}
    bad = ob.json(["call", token, "transfer", bob, "-5"], expect_code=1)
    assert bad["status"] == "reverted" and bad["reason"] == "amount must be positive"
    assert bad["location"].startswith(f"{TOKEN}:") and bad["events"] == []
    human = ob.run(["call", token, "transfer", bob, "100000", "--from", "1"])
    assert human.exit_code == 1 and "insufficient balance" in human.stdout
    assert human.stderr.startswith("obelisk: reverted: insufficient balance at ")
    tx = ob.json(["tx", r["tx"]])
    assert tx["function"] == "transfer" and tx["to"] == token


def test_deploy_human_and_from_artifact(ob, tmp_path):
    ob.json(["compile", TOKEN, "-o", tmp_path])
    r = ob.run(["deploy", tmp_path / "Token.json", "5", "--from", "2"])
    assert r.exit_code == 0 and r.stdout.startswith("deployed Token at 0x")
    address = r.stdout.split()[3]
    assert ob.json(["call", address, "balance_of", addr(ob, 2)]) == {"value": 5}


def test_deploy_that_reverts(ob):
    doc = ob.json(["deploy", TOKEN, "-1"], expect_code=1)
    assert doc["status"] == "reverted" and doc["address"] is None
    assert doc["reason"] == "supply must not be negative"


@pytest.mark.parametrize(
    "args, reason",
    [
        (["1", "2"], "Token's constructor takes 1 argument (supply: int), got 2"),
        ([], "Token's constructor takes 1 argument (supply: int), got 0"),
        (["lots"], "argument 'supply': expected an integer"),
        ([str(2**255)], "argument 'supply'"),
        (["1", "--value", "-1"], "--value"),
        (["1", "--gas", "-1"], "--gas"),
        (["1", "--gas", str(2**64)], "--gas"),
        (["1", "--gas", "0"], "transaction rejected: tx-intrinsic-gas"),  # as the library says
    ],
)
def test_deploy_bad_arguments(ob, args, reason):
    r = ob.run(["deploy", TOKEN] + args)
    assert r.exit_code == 2 and reason in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_deploy_unknown_contract_name_is_a_compile_error(ob):
    r = ob.run(["deploy", TOKEN, "--contract", "Nope"])
    assert r.exit_code == 2 and "error: no contract named 'Nope'" in r.stderr


def test_call_bad_arguments(ob, token):
    for args, reason in [
        (["transfer", "0x1234", "1"], "argument 'to': an address is 0x and 40 hex digits"),
        (["transfer"], "takes 2 arguments"),
        (["balance_of", "yes"], "argument 'who'"),
        (["nope"], "has no public function 'nope'"),
        (["init"], "has no public function 'init'"),
        (["name", "--value", "5"], "view function"),
    ]:
        r = ob.run(["call", token] + args)
        assert r.exit_code == 2 and reason in r.stderr, (args, r.stderr)


def test_struct_bytes_string_bool_arguments(ob, shapes):
    assert ob.json(["call", shapes, "where"]) == {"value": {"x": 1, "y": 2}}
    assert ob.json(["call", shapes, "sum", '{"x": -4, "y": "0x10"}']) == {"value": 12}
    assert ob.json(["call", shapes, "make", "3", "-0x4"]) == {"value": {"x": 3, "y": -4}}
    assert ob.run(["call", shapes, "make", "3", "4"]).stdout == '{"x": 3, "y": 4}\n'
    me = addr(ob, 0)
    assert ob.json(["call", shapes, "echo", "0xbeef", "héllo", "true", me]) == {"value": "0xbeefbeef"}
    view_revert = ob.json(["call", shapes, "echo", "0x", "", "false", me], expect_code=1)
    assert view_revert["reason"] == "flag must be true" and view_revert["value"] is None
    r = ob.json(["call", shapes, "move", "[5, 6]", "because"])
    assert r["value"] == {"x": 1, "y": 2}
    assert r["events"] == [{"name": "Moved", "address": shapes, "args": {"to": {"x": 5, "y": 6}, "note": "because"}}]
    assert ob.json(["receipt", r["tx"]]) == r
    tx = ob.json(["tx", r["tx"]])  # the call's arguments, typed by the contract's ABI: structs as objects
    assert tx["function"] == "move" and tx["args"] == [{"x": 5, "y": 6}, "because"]
    assert 'args        [{"x": 5, "y": 6}, "because"]' in ob.run(["tx", r["tx"]]).stdout
    assert ob.json(["call", shapes, "where"]) == {"value": {"x": 5, "y": 6}}
    r = ob.run(["call", shapes, "sum", '{"x": 1}'])
    assert r.exit_code == 2 and "missing y" in r.stderr


def test_disasm_file_and_address(ob, token):
    r = ob.run(["disasm", TOKEN])
    assert r.exit_code == 0
    assert ".contract Token" in r.stdout
    assert 'require(amount > 0, "amount must be positive");' in r.stdout  # source lines shown
    on_chain = ob.run(["disasm", token])
    assert on_chain.exit_code == 0 and on_chain.stdout == r.stdout
    doc = ob.json(["disasm", token])
    assert doc["contract"] == "Token" and doc["text"] == r.stdout


def test_disasm_bad_inputs(ob, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x93\x01\x02\x03")
    r = ob.run(["disasm", junk])
    assert r.exit_code == 2 and "not a code object" in r.stderr
    assert ob.run(["accounts"]).exit_code == 0  # the chain exists (reading commands do not create one)
    r = ob.run(["disasm", "0x" + "12" * 20])
    assert r.exit_code == 2 and "no contract at" in r.stderr
    r = ob.run(["disasm", DATA / "broken.contract"])
    assert r.exit_code == 2 and "error: unknown name 'y'" in r.stderr


def test_text_from_a_contract_cannot_drive_the_terminal(ob):
    address = ob.json(["deploy", DATA / "hostile.contract"])["address"]
    outputs = [ob.run(["call", address, name]) for name in ("greet", "shout", "fail")]
    assert [r.exit_code for r in outputs] == [0, 0, 1]
    for r in outputs:
        assert "\x1b" not in r.output and "\x07" not in r.output
    assert outputs[0].stdout == "hi\\x1b]0;pwned\\x07\\x1b[2J\n"
    assert 'Said(text="\\u001b[31mred' in outputs[1].stdout
    assert outputs[2].stderr.startswith("obelisk: reverted: \\x1b[2Jcleared")
    assert ob.json(["call", address, "greet"]) == {"value": "hi\x1b]0;pwned\x07\x1b[2J"}  # JSON keeps the text exactly


@pytest.mark.parametrize("name, shown", [
    (str(SHAPES), True),  # a real source file: its lines are shown
    ("/proc/self/environ", False),  # a pseudo-file (size 0): the reader's secrets, never shown
    ("/proc/self/status", False),  # another, of many lines
    ("/proc/kmsg", False),  # blocks forever when readable (root): never opened for reading
    ("/dev/zero", False),  # endless
    ("{fifo}", False),  # a FIFO with no writer would block the open
    ("{big}", False),  # over the size bound
    ("/no/such/file", False),
])
def test_disasm_reads_only_regular_source_files(ob, tmp_path, name, shown):
    """The file table of code deployed by anyone names the files disasm reads: only a
    regular non-empty file of bounded size is read, without blocking."""
    import os
    from vm.disasm import assemble_text, disassemble

    fifo, big = tmp_path / "fifo", tmp_path / "big.contract"
    os.mkfifo(fifo)
    big.write_bytes(b"x\n" * (2 * 1024 * 1024 + 1))
    name = name.format(fifo=fifo, big=big)
    text = disassemble(lang.compile_file(str(SHAPES)).bytecode)
    crafted = assemble_text(text.replace(json.dumps(str(SHAPES)), json.dumps(name), 1))
    assert crafted.files[0] == name
    code_file = tmp_path / "crafted.bin"
    code_file.write_bytes(crafted.encode())
    r = ob.run(["disasm", code_file])
    assert r.exit_code == 0, r.output
    annotations = re.findall(r"^    ;\s+\d+ \| .*$", r.stdout, re.M)
    assert bool(annotations) is shown
    assert ("|         last = start;" in r.stdout) is shown


def test_deploy_refuses_bad_artifacts_with_the_file_named(ob, tmp_path):
    good = json.loads(lang.compile_file(str(SHAPES)).to_json())
    cases = {
        "huge.json": None,  # a sparse file far larger than any artifact: not read into memory
        "list.json": "[]",
        "code.json": json.dumps(dict(good, bytecode="0x00")),
        "cut.json": json.dumps(dict(good, bytecode=good["bytecode"][:-4])),
        "bin.json": b"\xff\xfe",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is None:
            with open(path, "wb") as f:
                f.truncate(65 * 1024 * 1024)
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode())
        r = ob.run(["deploy", path, "[1,2]"])
        assert r.exit_code == 2 and r.stderr.startswith(f"obelisk: error: {path}: "), r.output
        assert r.stderr.count("\n") == 1
    assert not ob.datadir.exists()  # refused before any chain was made


def test_an_artifact_holds_one_contract(ob, tmp_path):
    ob.json(["compile", SHAPES, "-o", tmp_path])
    artifact = tmp_path / "Shapes.json"
    r = ob.run(["deploy", artifact, "[1,2]", "--contract", "Token"])
    assert r.exit_code == 2 and r.stderr == f"obelisk: error: {artifact}: holds contract Shapes, not Token\n"
    assert ob.json(["deploy", artifact, "[1,2]", "--contract", "Shapes"])["status"] == "success"
    assert ob.run(["disasm", artifact, "--contract", "Token"]).exit_code == 2


def test_an_artifact_name_cannot_drive_the_terminal(ob, tmp_path):
    doc = json.loads(lang.compile_file(str(SHAPES)).to_json())
    artifact = tmp_path / "esc.json"
    artifact.write_text(json.dumps(dict(doc, name="X\x1b[2J\u202e")))
    r = ob.run(["deploy", artifact, "[1,2]"])
    assert r.exit_code == 0 and r.stdout.startswith("deployed X\\x1b[2J\\u202e at 0x"), r.stdout


def test_tab_indented_source_lines_keep_their_tabs(ob, tmp_path):
    source = tmp_path / "tabs.contract"
    source.write_text("contract T {\n\tpub fn f() -> int {\n\t\treturn 1;\n\t}\n}\n")
    r = ob.run(["disasm", source])
    assert r.exit_code == 0 and "    ;      3 | \t\treturn 1;\n" in r.stdout
