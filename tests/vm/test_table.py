"""The opcode table is the one source: dispatch, assembler, validator and docs must agree with it."""
from __future__ import annotations

from pathlib import Path

from vm import docs, interpreter
from vm.asm import FunctionAsm, Instr, Label, assemble, decode_instructions
from vm.instructions import HANDLERS
from vm.opcodes import BY_CODE, BY_NAME, IMM_KINDS, OPCODES, TYPE_TAGS

ROOT = Path(__file__).resolve().parent.parent.parent
FAMILY_MODULE = {"bytes": "bytes_ops"}


def test_every_opcode_has_exactly_one_handler_and_back():
    assert sorted(HANDLERS) == sorted(BY_NAME)
    assert len({id(f) for f in HANDLERS.values()}) == len(HANDLERS)


def test_handlers_live_in_their_family_module():
    for op in OPCODES:
        module = HANDLERS[op.name].__module__.rsplit(".", 1)[-1]
        assert module == FAMILY_MODULE.get(op.family, op.family), op.name


def test_codes_and_names_are_unique_and_well_formed():
    assert len(BY_CODE) == len(OPCODES) == len(BY_NAME)
    for op in OPCODES:
        assert 0 < op.code < 256 and op.name.isupper()
        assert op.imm_kind in IMM_KINDS and op.imm in (0, 1, 2) and op.gas > 0 and op.effect
        assert not op.jumps or op.imm == 2
        # A count immediate is what the arity rules read; no other kind is.
        assert (op.imm_kind == "count") == (op.pops in ("imm", "xargs"))
        for rule in (op.pops, op.pushes):
            assert type(rule) is int or rule in ("imm", "args", "rets", "fields", "xargs", "ret")


def test_predecoding_covers_every_opcode():
    """Each opcode assembles, decodes back to itself and predecodes to its handler."""
    for op in OPCODES:
        arg = None
        if op.imm:
            arg = "end" if op.jumps else 0
        body = [Instr(op.name, arg), Label("end")]
        code = assemble("T", [FunctionAsm("f", (), None, 1, 0, body)], [])
        if op.name == "PUSH_CONST":
            assert code.consts == (0,)
        decoded = list(decode_instructions(code.code))
        assert decoded[0][1] is op


def test_docs_are_generated_from_the_table():
    text = (ROOT / "docs" / "opcodes.md").read_text()
    assert text == docs.render(), "regenerate with: python -m vm.docs > docs/opcodes.md"
    for op in OPCODES:
        assert f"| {op.name} |" in text


def test_dynamic_gas_notes_name_real_opcodes():
    assert set(docs.DYNAMIC) <= set(BY_NAME)


def test_sload_tags_cover_the_storage_types():
    from vm.instructions.storage import ZEROS

    assert set(TYPE_TAGS) == set(ZEROS)


def test_contextual_handlers_get_an_entry():
    assert interpreter._entry(HANDLERS["SLOAD"])(None, None) is HANDLERS["SLOAD"]


def test_every_immediate_kind_is_used_and_sized():
    used = {op.imm_kind for op in OPCODES}
    assert used == set(IMM_KINDS)
    for kind in IMM_KINDS.values():
        assert (kind.size == 0) == (kind.name == "none") and kind.meaning
