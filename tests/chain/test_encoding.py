"""Encodings: public msgpack and Ed25519 vectors, and decoders that never crash and never accept a second form."""
import hashlib
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chain
from chain import block as blk
from chain import errors as E
from chain import keys
from chain import tx as txmod
from chain.trie import EMPTY_ROOT, Trie
from vm.encoding import EncodingError, pack, unpack

# Public vector suites, copied into the repository (see vectors/README.md).
VECTORS = Path(__file__).resolve().parent / "vectors"


def test_wycheproof_ed25519_all_cases():
    suite = json.loads((VECTORS / "wycheproof_ed25519_test.json").read_text())
    seen = 0
    for group in suite["testGroups"]:
        pk = bytes.fromhex(group["publicKey"]["pk"])
        for case in group["tests"]:
            got = keys.verify(pk, bytes.fromhex(case["msg"]), bytes.fromhex(case["sig"]))
            assert got == (case["result"] == "valid"), f"tcId {case['tcId']}: {case['comment']}"
            seen += 1
    assert seen == 151


def test_cctv_ed25519_edge_cases_small_order_and_non_canonical_keys_refused():
    """C2SP's edge-case vectors: every signature under a small-order or non-canonical key A is refused
    (RFC 8032 alone accepts 212 of them), every non-canonical R is refused, and the rest verify."""
    cases = json.loads((VECTORS / "cctv_ed25519vectors.json").read_text())
    refused_keys = set()
    for case in cases:
        flags = set(case["flags"] or ())
        key = bytes.fromhex(case["key"])
        bad_key = bool(flags & {"low_order_A", "non_canonical_A"})
        assert (keys.public_key_problem(key) is not None) == bad_key, case["number"]
        got = keys.verify(key, case["msg"].encode(), bytes.fromhex(case["sig"]))
        assert got == (not bad_key and "non_canonical_R" not in flags), case["number"]
        if bad_key:
            refused_keys.add(key)
    assert len(cases) == 914 and len(refused_keys) == 14  # the eight small-order points, six other encodings


def _all_ed25519_vectors():
    suite = json.loads((VECTORS / "wycheproof_ed25519_test.json").read_text())
    for group in suite["testGroups"]:
        pk = bytes.fromhex(group["publicKey"]["pk"])
        for case in group["tests"]:
            yield pk, bytes.fromhex(case["msg"]), bytes.fromhex(case["sig"])
    for case in json.loads((VECTORS / "cctv_ed25519vectors.json").read_text()):
        yield bytes.fromhex(case["key"]), case["msg"].encode(), bytes.fromhex(case["sig"])


def test_libsodium_first_gives_the_reference_verdict_on_every_vector():
    """keys.verify asks libsodium first and pycryptodome (the reference) only when it refuses: sound only
    if libsodium never accepts what the reference refuses. It refuses 169 signatures the reference accepts
    (mixed-order A or R, where only the cofactored equation holds); those reach the reference."""
    from nacl.bindings import crypto_sign_open
    from nacl.exceptions import BadSignatureError

    def sodium(pk, msg, sig):
        try:
            crypto_sign_open(sig + msg, pk)
            return True
        except BadSignatureError:
            return False

    seen, sodium_refused_reference_accepted = 0, 0
    for pk, msg, sig in _all_ed25519_vectors():
        reference = keys.reference_verify(pk, msg, sig)
        assert keys.verify(pk, msg, sig) == reference, (pk.hex(), sig.hex())
        fast = len(sig) == 64 and sodium(pk, msg, sig)
        assert reference or not fast, ("libsodium accepted what the reference refuses", pk.hex(), sig.hex())
        sodium_refused_reference_accepted += reference and not fast
        seen += 1
    assert seen == 151 + 914 and sodium_refused_reference_accepted == 169


@given(st.integers(0, 63), st.integers(1, 255), st.binary(max_size=40))
@settings(max_examples=200, deadline=None)
def test_a_changed_signature_or_message_gets_the_reference_verdict(position, flip, message):
    key = keys.dev_key(3)
    sig = bytearray(key.sign(message))
    sig[position] ^= flip
    for msg in (message, message + b"x"):
        assert keys.verify(key.public_key, msg, bytes(sig)) == keys.reference_verify(key.public_key, msg, bytes(sig))
    assert keys.verify(key.public_key, message, key.sign(message)) is True


def test_a_small_order_key_cannot_send_the_universal_signature():
    net = chain.Devnet()
    identity = bytes.fromhex("01" + "00" * 31)
    universal = identity + b"\x00" * 32  # R = identity, S = 0: valid for every message under RFC 8032
    net.transfer(0, keys.address_of(identity), 10**18)  # funded: only the signature stands in the way
    t = txmod.Transaction(1, 1337, 0, net.accounts[1].address, 5, 2_000, 1, b"", identity, universal)
    assert keys.public_key_problem(identity).startswith("of small order")
    try:
        net.submit(t)
    except E.BadSignature as exc:
        assert "public key is of small order" in str(exc)
    else:
        raise AssertionError("a small-order key was accepted")
    assert net.chain.pending() == []
    assert keys.public_key_problem(net.accounts[0].public_key) is None


# Value types our formats use; the rest must be refused outright.
USED = {"nil", "bool", "binary", "number", "string", "array"}


def _value(case):
    if "bignum" in case:  # JSON cannot hold these ints exactly; the text can
        return "number", int(case["bignum"])
    for k, v in case.items():
        if k not in ("msgpack", "bignum"):
            return k, v
    raise AssertionError(case)


def _allowed(v) -> bool:
    if isinstance(v, list):
        return all(_allowed(x) for x in v)
    return v is None or isinstance(v, (bool, int, str, bytes))


def test_msgpack_suite_one_encoding_per_value():
    suite = json.loads((VECTORS / "msgpack-test-suite.json").read_text())
    checked = 0
    for name, cases in suite.items():
        for case in cases:
            kind, value = _value(case)
            encodings = [bytes.fromhex(e.replace("-", "")) for e in case["msgpack"]]
            accepted = []
            for enc in encodings:
                try:
                    accepted.append((enc, unpack(enc)))
                except EncodingError:
                    pass
            if kind == "binary":
                value = bytes.fromhex(value.replace("-", ""))
            if kind not in USED or not _allowed(value):
                assert accepted == [], f"{name}: {value!r} must be refused"
            elif pack(value) in encodings:
                assert accepted == [(pack(value), value)], f"{name}: {value!r} accepted {accepted}"
            else:  # an int no listed encoding can hold exactly (only float forms given)
                assert accepted == [], f"{name}: {value!r}"
            checked += 1
    assert checked == 85


def _sample_encodings():
    net = chain.Devnet()
    a = net.accounts[0]
    t = net.make_tx(a, net.accounts[1].address, 7, data=b"")
    deploy = net.make_tx(a, None, 0, txmod.encode_deploy(b"\x01\x02", [1, b"x", "s", [True, None]]), gas=100_000)
    net.send(t)
    block = net.block_bytes(-1)
    header = blk.decode_block(block).header.encode()
    receipt = blk.RawReceipt(False, [1, b"ab"], 5, ((chain.Address(1), "Ev", (1, "x", [2, b""])),),
                             "boom", "f.contract:1:2", chain.Address(2)).encode()
    return {"tx": t.encode(), "deploy": deploy.encode(), "block": block, "header": header, "receipt": receipt}


SAMPLES = _sample_encodings()
DECODERS = {
    "tx": (txmod.decode, lambda o: o.encode()),
    "deploy": (txmod.decode, lambda o: o.encode()),
    "block": (blk.decode_block, lambda o: o.encode()),
    "header": (blk.decode_header, lambda o: o.encode()),
    "receipt": (blk.decode_receipt, lambda o: o.encode()),
}


@st.composite
def mutated(draw):
    kind = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[kind])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "set"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[pos] = draw(st.sampled_from([0x00, 0x7F, 0x80, 0x90, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xCA, 0xCD,
                                              0xD4, 0xDC, 0xFF]))
        elif op == "insert":
            data[pos:pos] = bytes([draw(st.integers(0, 255))])
        elif op == "delete" and data:
            del data[pos]
        elif op == "truncate":
            del data[pos:]
    return kind, bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_encodings_never_crash_or_decode_noncanonically(case):
    kind, data = case
    decode, encode = DECODERS[kind]
    try:
        obj = decode(data)
    except E.ChainError:
        return
    assert encode(obj) == data


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.binary(min_size=32, max_size=32), st.binary(min_size=1, max_size=8), max_size=40),
       st.lists(st.binary(min_size=32, max_size=32), max_size=10), st.randoms(use_true_random=False))
def test_trie_root_depends_only_on_contents(entries, deletions, rnd):
    """Any order of inserts and deletes gives the same root as a fresh trie of the final contents."""
    t = Trie({}.get)
    ops = [(k, v) for k, v in entries.items()] + [(k, None) for k in deletions]
    rnd.shuffle(ops)
    root, final = EMPTY_ROOT, {}
    for k, v in ops:
        root = t.update(root, k, v)
        if v is None:
            final.pop(k, None)
        else:
            final[k] = v
    for k in list(entries) + deletions:
        assert t.get(root, k) == final.get(k)
    fresh, r2 = Trie({}.get), EMPTY_ROOT
    for k in sorted(final):
        r2 = fresh.update(r2, k, final[k])
    assert r2 == root
    assert dict(t.items(root)) == final


# Keys that share long prefixes (and differ in the first, a middle or the last bit) as well as spread ones.
_TRIE_KEYS = ([bytes([a]) + bytes(31) for a in (0, 1, 0x80, 0xFF)] + [bytes(31) + bytes([a]) for a in (1, 2, 3, 0x80)]
              + [b"\x55" * 15 + bytes([a]) + b"\x55" * 16 for a in (0, 0x54, 0x56, 0xD5)]
              + [hashlib.sha256(bytes([i])).digest() for i in range(8)])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(_TRIE_KEYS), st.binary(min_size=1, max_size=4)),
       st.dictionaries(st.sampled_from(_TRIE_KEYS), st.none() | st.binary(min_size=1, max_size=4), min_size=1))
def test_a_batch_of_trie_updates_gives_the_root_and_nodes_of_the_updates_in_turn(before, changes):
    """update_many makes the same root as update() of each change in turn, and the block writes the same nodes."""
    stored = {}
    base = Trie(stored.get)
    root = EMPTY_ROOT
    for k, v in before.items():
        root = base.update(root, k, v)
    stored.update(base.take_new([root]))
    one_by_one, batch = Trie(stored.get), Trie(stored.get)
    expected = root
    for k in sorted(changes):
        expected = one_by_one.update(expected, k, changes[k])
    got = batch.update_many(root, changes.items())
    assert got == expected
    assert batch.take_new([got]) == one_by_one.take_new([expected])
    final = {k: v for k, v in {**before, **changes}.items() if v is not None}
    assert dict(batch.items(got)) == final


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**256 - 1), st.sampled_from([0, 1, 31, 255, 256, 65535, 65536]), st.integers(0, 255),
       st.binary(min_size=32, max_size=32), st.binary(min_size=32, max_size=32))
def test_trie_nodes_are_written_as_the_canonical_encoding_of_their_lists(key, size, bit, left, right):
    """The trie writes its nodes' bytes directly: they are exactly pack() of the node's list, and decode back."""
    import hashlib

    from chain.trie import _decode_node, encode_node

    value = bytes(range(256)) * (size // 256) + bytes(size % 256)
    leaf, branch = (0, key, value), (1, bit, key, left, right)
    assert encode_node(leaf) == pack([0, key.to_bytes(32, "big"), value])
    assert encode_node(branch) == pack([1, bit, key.to_bytes(32, "big"), left, right])
    for node in (leaf, branch):
        data = encode_node(node)
        assert _decode_node(data, hashlib.sha256(data).digest()) == node


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**1200) | st.integers(0, 2**70), st.integers(0, 2**70), st.sampled_from([b"", b"\x01" * 32]),
       st.binary(min_size=32, max_size=32))
def test_account_records_are_written_as_the_canonical_encoding_of_their_lists(balance, nonce, chash, sroot):
    from chain import consensus as C
    from chain.state import Account, _decode_account

    acct = Account(balance, nonce, chash, sroot)
    assert acct.encode() == pack([C.ACCOUNT_VERSION, balance, nonce, chash, sroot])
    assert _decode_account(acct.encode()) == acct


# Stored records with a value of the right msgpack family but the wrong type or
# range (true for the version 1, false for the leaf tag 0, a negative amount):
# each decoder refuses them rather than reading them as the canonical record.
def _receipt_fields(**changes):
    f = blk.RawReceipt(True, 1, 5, ((chain.Address(1), "Ev", (1,)),), None, None, None).fields()
    for i, v in changes.items():
        f[int(i[1:])] = v
    return pack(f)


BAD_RECORDS = [
    ("receipt version true", blk.decode_receipt, _receipt_fields(f0=True)),
    ("receipt gas used negative", blk.decode_receipt, _receipt_fields(f3=-1)),
    ("receipt reason an int", blk.decode_receipt, _receipt_fields(f5=7)),
    ("receipt location bytes", blk.decode_receipt, _receipt_fields(f6=b"x")),
    ("receipt event name bytes", blk.decode_receipt, _receipt_fields(f4=[[bytes(20), b"Ev", []]])),
]


def test_records_of_the_wrong_type_are_refused():
    import hashlib

    from chain import state
    from chain.trie import MissingNode, _decode_node

    for name, decode, data in BAD_RECORDS:
        try:
            decode(data)
        except E.ChainError:
            continue
        raise AssertionError(f"{name}: accepted")
    for fields in ([True, 5, 0, b"", EMPTY_ROOT], [1, -5, 0, b"", EMPTY_ROOT], [1, 5, -1, b"", EMPTY_ROOT]):
        try:
            state._decode_account(pack(fields))
        except state.StateCorrupt:
            continue
        raise AssertionError(f"account {fields}: accepted")
    for fields in ([False, b"\x01" * 32, b"v"], [True, 0, b"\x00" * 32, b"\x01" * 32, b"\x02" * 32]):
        data = pack(fields)
        try:
            _decode_node(data, hashlib.sha256(data).digest())
        except MissingNode:
            continue
        raise AssertionError(f"trie node {fields}: accepted")


def _import_target():
    src = chain.Devnet()
    src.transfer(0, src.accounts[1].address, 5)
    src.transfer(1, src.accounts[2].address, 6)
    dst = chain.Devnet()
    dst.import_block(src.block_bytes(1))
    return dst, src.block_bytes(2)


IMPORT_NET, IMPORT_BLOCK = _import_target()


@st.composite
def mutated_block(draw):
    data = bytearray(IMPORT_BLOCK)
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[pos] ^= 1 << draw(st.integers(0, 7))
        else:
            data[pos] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_block())
def test_mutated_blocks_are_refused_with_a_chain_error_or_are_valid(data):
    """Past the decoder too: header rules, roots, signatures and execution meet the mutation cleanly."""
    try:
        IMPORT_NET.import_block(data)
    except E.InvalidBlock:
        return
    # Accepted (a changed nonce that still meets the easy dev target): a valid block, stored.
    assert IMPORT_NET.block(blk.decode_block(data).header.hash) is not None
    assert IMPORT_NET.verify() == IMPORT_NET.height


@given(st.integers(0, 2**64 - 1), st.integers(0, 2**70), st.one_of(st.none(), st.binary(min_size=20, max_size=20)),
       st.binary(max_size=300), st.integers(0, 2**64 - 1))
@settings(max_examples=100, deadline=None)
def test_a_transactions_kept_bytes_are_its_canonical_encoding(nonce, value, to, data, gas):
    """Signing, decoding and block decoding keep a transaction's bytes instead of encoding it again:
    they must be pack(fields) exactly, and the signing bytes pack(the first nine) under the domain."""
    from vm.values import Address

    key = keys.dev_key(1)
    t = txmod.Transaction(1, 1337, nonce, None if to is None else Address(to), value, gas, 1, data,
                          key.public_key).signed(key)
    fields = t.unsigned_fields()
    assert t.encoded == pack(fields + [t.signature])
    assert t.signing_bytes() == chain.consensus.TX_SIGN_DOMAIN + pack(fields)
    assert keys.verify(key.public_key, t.signing_bytes(), t.signature)
    if value <= chain.consensus.MAX_AMOUNT and nonce <= chain.consensus.MAX_NONCE:
        again = txmod.decode(t.encoded)
        assert again == t and again.encoded == t.encoded and again.signing_bytes() == t.signing_bytes()


def test_a_decoded_block_keeps_no_view_of_a_buffer_its_reader_may_reuse():
    net = chain.Devnet()
    net.submit(net.make_tx(0, net.accounts[1].address, 5))
    net.mine(1)
    buffer = bytearray(net.block_bytes(1))  # as a network reader hands it over, then refills it
    block = blk.decode_block(buffer)
    hashes = [t.hash for t in block.txs]
    buffer[:] = bytes(len(buffer))
    assert [type(t.encoded) for t in block.txs] == [bytes]
    assert block.encode() == net.block_bytes(1) and [t.hash for t in block.txs] == hashes


def _varied_block() -> bytes:
    """A block of every shape of transaction the whole-transaction reader (chain.tx.read_plain) meets: a
    transfer, a deployment, a value over 64 bits (an ext), call data, one over PLAIN_TX_MAX as patched below."""
    net = chain.Devnet()
    a, to = net.accounts[0], net.accounts[1].address
    txs = [net.make_tx(a, to, 7, nonce=0),
           net.make_tx(a, None, 0, txmod.encode_deploy(b"\x01\x02", [1, b"x"]), gas=100_000, nonce=1),
           net.make_tx(a, to, 2**70, nonce=2),
           net.make_tx(a, to, 0, txmod.encode_call("f", [1, "s", [True, None]]), gas=50_000, nonce=3),
           net.make_tx(a, to, 1, data=b"\x07" * 300, gas=50_000, nonce=4)]
    return blk.Block(net.chain.head, tuple(txs)).encode()


VARIED_BLOCK = _varied_block()


def _decoded(data: bytes, whole: bool):
    """What decode_block gives for `data`, with or without the whole-transaction reader."""
    saved, saved_max = txmod.read_plain, txmod.PLAIN_TX_MAX
    txmod.PLAIN_TX_MAX = 256  # the last transaction is read field by field
    if not whole:
        txmod.read_plain = lambda data, pos, count: None
    try:
        b = blk.decode_block(data)
        return b, [t.encoded for t in b.txs], [t.hash for t in b.txs]
    except E.ChainError as exc:
        return type(exc), str(exc)
    finally:
        txmod.read_plain, txmod.PLAIN_TX_MAX = saved, saved_max


@st.composite
def mutated_varied_block(draw):
    data = bytearray(VARIED_BLOCK)
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "set", "widen"]))
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "widen":  # a small int written as uint8: the same value, not its canonical form
            fixints = [i for i in range(len(data)) if data[i] < 0x80]
            if fixints:
                data[fixints[pos % len(fixints)]:fixints[pos % len(fixints)]] = b"\xcc"
        elif op == "set":
            data[pos] = draw(st.sampled_from([0x00, 0x7F, 0x80, 0x90, 0x9A, 0x9B, 0xC0, 0xC2, 0xC4, 0xCA, 0xCC,
                                              0xCD, 0xD4, 0xDC, 0xDE, 0xFF]))
        elif op == "insert":
            data[pos:pos] = bytes([draw(st.integers(0, 255))])
        elif op == "delete":
            del data[pos]
        else:
            del data[pos:]
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_varied_block())
def test_blocks_read_whole_transaction_at_a_time_decode_as_field_by_field(data):
    """The fast reader gives the same block, bytes and hashes, or leaves the bytes to the careful one,
    whose refusal (class and words) is then the answer."""
    assert _decoded(data, whole=True) == _decoded(data, whole=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 4), mutated_varied_block())
def test_transactions_read_whole_decode_as_field_by_field(index, mutated):
    """The same for one transaction (chain.tx.decode): each of the block's, mutated where the block was."""
    start = VARIED_BLOCK.index(blk.decode_block(VARIED_BLOCK).txs[index].encoded)
    data = mutated[start:start + len(blk.decode_block(VARIED_BLOCK).txs[index].encoded) + 2]
    for candidate in (data, data[:-2], data[:-1]):
        assert _decoded_tx(candidate, whole=True) == _decoded_tx(candidate, whole=False)


def _decoded_tx(data: bytes, whole: bool):
    saved, saved_max = txmod.read_plain, txmod.PLAIN_TX_MAX
    txmod.PLAIN_TX_MAX = 256
    if not whole:
        txmod.read_plain = lambda data, pos, count: None
    try:
        t = txmod.decode(data)
        return t, t.encoded, t.hash
    except E.ChainError as exc:
        return type(exc), str(exc)
    finally:
        txmod.read_plain, txmod.PLAIN_TX_MAX = saved, saved_max


def test_the_whole_transaction_reader_reads_plain_transactions_and_leaves_the_rest():
    data = VARIED_BLOCK
    count_at = data.index(b"\x95\x9a")  # the five transactions' array header
    got = txmod.read_plain(data, count_at + 1, 2)  # a transfer and a deployment: plain
    assert [t.encoded for t in got[0]] == [t.encoded for t in blk.decode_block(data).txs[:2]]
    assert txmod.read_plain(data, count_at + 1, 3) is None  # the third holds a value over 64 bits
    transfer = blk.decode_block(data).txs[0].encoded
    widened = b"\x9a\xcc\x01" + transfer[2:]  # version 1 as uint8: not canonical
    assert txmod.read_plain(widened, 0, 1) is None
    assert txmod.read_plain(transfer + transfer, 0, 2)[1] == 2 * len(transfer)
