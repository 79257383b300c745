"""scrypt + AES-GCM boxes: round trips, wrong passphrases, tampering, hostile headers."""
import pytest
from hypothesis import given, settings, strategies as st

from chain import secretbox as sb

FAST = sb.KdfParams(10, 8, 1)


@settings(max_examples=20, deadline=None)
@given(st.binary(max_size=3000), st.text(max_size=20), st.binary(max_size=30))
def test_round_trip(data, passphrase, context):
    box = sb.seal(data, passphrase, kind=sb.KIND_FILE, context=context, params=FAST)
    assert len(box) == sb.HEADER_SIZE + len(data) + sb.TAG_SIZE
    assert sb.open_box(box, passphrase, kind=sb.KIND_FILE, context=context) == data


def test_fresh_salt_and_nonce_each_time():
    a = sb.seal(b"same", "pw", kind=sb.KIND_FILE, params=FAST)
    b = sb.seal(b"same", "pw", kind=sb.KIND_FILE, params=FAST)
    assert a != b and a[:8] == b[:8]


def test_wrong_passphrase_is_told_apart_from_tampering():
    box = sb.seal(b"secret data", "right", kind=sb.KIND_FILE, params=FAST)
    with pytest.raises(sb.WrongPassphrase):
        sb.open_box(box, "wrong", kind=sb.KIND_FILE)
    flipped = bytearray(box)
    flipped[sb.HEADER_SIZE] ^= 1  # first ciphertext byte
    with pytest.raises(sb.Tampered):
        sb.open_box(bytes(flipped), "right", kind=sb.KIND_FILE)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_single_byte_change_is_refused(data):
    box = sb.seal(b"0123456789", "pw", kind=sb.KIND_FILE, params=FAST)
    i = data.draw(st.integers(0, len(box) - 1))
    bit = data.draw(st.integers(0, 7))
    bad = bytearray(box)
    bad[i] ^= 1 << bit
    with pytest.raises(sb.BoxError):
        sb.open_box(bytes(bad), "pw", kind=sb.KIND_FILE)


def test_context_is_authenticated():
    box = sb.seal(b"k" * 32, "pw", kind=sb.KIND_KEY, context=b"A" * 20, params=FAST)
    with pytest.raises(sb.Tampered):
        sb.open_box(box, "pw", kind=sb.KIND_KEY, context=b"B" * 20)


def test_kind_must_match():
    box = sb.seal(b"x", "pw", kind=sb.KIND_KEY, params=FAST)
    with pytest.raises(sb.BoxError, match="different kind"):
        sb.open_box(box, "pw", kind=sb.KIND_FILE)


@pytest.mark.parametrize(
    "log2_n, r, p",
    [(40, 8, 1), (21, 8, 1), (20, 16, 1), (17, 8, 255), (9, 8, 1), (17, 0, 1), (17, 8, 0)],
)
def test_hostile_kdf_costs_are_refused_before_any_work(log2_n, r, p):
    box = bytearray(sb.seal(b"x", "pw", kind=sb.KIND_FILE, params=FAST))
    box[10:13] = bytes([log2_n, r, p])
    with pytest.raises(sb.BoxError, match="scrypt parameters"):
        sb.open_box(bytes(box), "pw", kind=sb.KIND_FILE)


@pytest.mark.parametrize("junk", [b"", b"OBLKBOX\x00", b"\x00" * 100, b"OBLKBOX\x00\x02" + b"\x00" * 80])
def test_junk_is_a_clean_error(junk):
    with pytest.raises(sb.BoxError):
        sb.open_box(junk, "pw", kind=sb.KIND_FILE)


def test_unicode_passphrase_is_normalised():
    box = sb.seal(b"x", "caf\u00e9", kind=sb.KIND_FILE, params=FAST)
    assert sb.open_box(box, "cafe\u0301", kind=sb.KIND_FILE) == b"x"
