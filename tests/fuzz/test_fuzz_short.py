"""A short run of each part of the fuzz campaign (bench/fuzz.py runs them at length): no host exception,
no hang, no non-canonical encoding accepted, no acknowledged transaction lost."""
import pytest

import fuzz_cli
import fuzz_decoders
import fuzz_lang
import fuzz_vm
from fuzzcore import Tally, mutate_bytes

DEFECTS = ("host_exceptions", "hangs", "noncanonical_accepted", "data_lost", "tier_mismatches")


def clean(tally: Tally) -> None:
    assert {k: getattr(tally, k) for k in DEFECTS} == dict.fromkeys(DEFECTS, 0), tally.examples


def test_bytecodes_through_the_validator_and_the_vm():
    tally = fuzz_vm.run(1500, seed=11, corpus_limit=12)
    clean(tally)
    assert tally.runs == 1500
    # both generators reach the VM, and programs run to every kind of end
    assert tally.detail.get("random:valid", 0) and tally.detail.get("mutated:valid", 0)
    assert {"success", "revert", "fault"} <= set(tally.detail)
    assert tally.detail.get("tiers_compared", 0) > 50  # tier 1 and tier 0 held together on every valid program


def test_sources_through_the_compiler():
    tally = fuzz_lang.run(150, seed=11)
    clean(tally)
    assert tally.detail["compiled"] and tally.detail["compile_error"] and tally.detail.get("run:success")


# Decoders of the chain's own database records (the campaign's first finds: a stray ValueError, zero records).
STORE_RECORDS = ("storage_value", "account")


def test_encodings_through_every_decoder():
    tally = fuzz_decoders.run(3000, seed=11, skip=STORE_RECORDS)
    fuzz_decoders.oversized(tally)
    clean(tally)
    names = {k.split(":")[0] for k in tally.detail if ":" in k}
    assert {"transaction", "header", "block", "receipt", "code_object", "artifact", "sealed_file", "value",
            "peer_message"} <= names
    assert all(tally.detail.get(f"{n}:refused") for n in ("transaction", "block", "code_object", "sealed_file"))


def test_encodings_of_store_records():
    clean(fuzz_decoders.run(1000, seed=11, only=STORE_RECORDS))


def test_the_harness_catches_what_it_must():
    """A decoder that crashes, hangs or accepts a second encoding is counted, with its input."""
    import random

    tally = Tally()
    decoders = [
        ("crash", [b"\x01"], lambda d: {}["x"], (ValueError,), None),
        ("lax", [b"\x91\x01"], lambda d: d.strip(b"\x00"), (), lambda v: v + b"\x00"),
    ]
    original = fuzz_decoders._decoders
    fuzz_decoders._decoders = lambda limit: decoders
    try:
        tally = fuzz_decoders.run(10, seed=1)
    finally:
        fuzz_decoders._decoders = original
    assert tally.host_exceptions == 5 and tally.noncanonical_accepted == 5
    assert tally.examples[0]["input"] and "KeyError" in tally.examples[0]["error"]
    rnd = random.Random(3)
    assert len({mutate_bytes(b"abcdefgh", rnd) for _ in range(50)}) > 40
    total = Tally()
    total.add(tally)
    total.add(tally)
    assert (total.runs, total.host_exceptions, total.detail["lax:accepted"]) == (20, 10, 10)


@pytest.mark.skipif(not fuzz_cli.lock_present(), reason="needs the datadir's one-writer lock (chain.lock), not on this branch yet")
def test_concurrent_commands_against_one_datadir(tmp_path):
    tally = fuzz_cli.run(16, tmp_path / "datadir", seed=11, parallel=4)
    clean(tally)
    assert tally.detail["acknowledged"] > 0


def test_a_run_over_its_time_limit_is_a_hang():
    from fuzzcore import Hang, time_limit

    with pytest.raises(Hang):
        with time_limit(0.2):
            while True:
                pass


def test_tiers_agree_on_a_function_named_with_a_nul_byte():
    from dataclasses import replace

    import lang
    import vm
    from vm import code as C

    obj = C.decode(lang.compile_source("contract C { pub fn f() -> int { return 1; } }").bytecode)
    data = replace(obj, functions=tuple(replace(f, name="f\x00") for f in obj.functions)).encode()
    results = []
    for tier0 in (True, False):
        vm.force_tier0(tier0)
        try:
            results.append(vm.execute(data, "f\x00"))
        finally:
            vm.force_tier0(False)
    assert results[0] == results[1] and results[0].value == 1
