"""X25519, HKDF and the job sealing built on them: published vectors, then who can open what."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from chain.keys import dev_key
from obelisk.compute import crypto
from obelisk.compute.crypto import CryptoError

h = bytes.fromhex

# RFC 7748 section 5.2: (scalar, u-coordinate, output). The second u has its top bit
# set, which X25519 must ignore.
RFC7748_SCALARMULT = [
    ("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
     "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
     "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
    ("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
     "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
     "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
]
# RFC 7748 section 5.2, iterated: k = u = 9, then (k, u) = (X25519(k, u), k).
RFC7748_ITERATED = {1: "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079",
                    1000: "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"}
# RFC 7748 section 6.1: Alice and Bob.
ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"

# RFC 5869 appendix A, test cases 1-3 (SHA-256): ikm, salt, info, length, okm.
RFC5869 = [
    ("0b" * 22, "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
    (bytes(range(0x00, 0x50)).hex(), bytes(range(0x60, 0xb0)).hex(), bytes(range(0xb0, 0x100)).hex(), 82,
     "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
     "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
     "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
    ("0b" * 22, "", "", 42,
     "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
]

# Points of small order (RFC 7748 section 6.1's "check for all-zero"): never accepted.
LOW_ORDER = ["00" * 32, "01" + "00" * 31,
             "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
             "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"]


@pytest.mark.parametrize("scalar, u, out", RFC7748_SCALARMULT)
def test_x25519_rfc7748_scalar_multiplication(scalar, u, out):
    assert crypto.x25519(h(scalar), h(u)) == h(out)


def test_x25519_rfc7748_iterated():
    k = u = h("09" + "00" * 31)
    for i in range(1, 1001):
        k, u = crypto.x25519(k, u), k
        if i in RFC7748_ITERATED:
            assert k == h(RFC7748_ITERATED[i]), i


def test_x25519_rfc7748_diffie_hellman():
    assert crypto.public_key_of(h(ALICE_PRIVATE)) == h(ALICE_PUBLIC)
    assert crypto.public_key_of(h(BOB_PRIVATE)) == h(BOB_PUBLIC)
    assert crypto.x25519(h(ALICE_PRIVATE), h(BOB_PUBLIC)) == h(SHARED)
    assert crypto.x25519(h(BOB_PRIVATE), h(ALICE_PUBLIC)) == h(SHARED)


@pytest.mark.parametrize("point", LOW_ORDER)
def test_low_order_points_are_refused(point):
    with pytest.raises(CryptoError):
        crypto.x25519(h(ALICE_PRIVATE), h(point))
    with pytest.raises(CryptoError):
        crypto.check_public_key(h(point))
    with pytest.raises(CryptoError):
        crypto.wrap_data_key(crypto.new_data_key(), h(point), job_id=0)


@pytest.mark.parametrize("ikm, salt, info, length, okm", RFC5869)
def test_hkdf_rfc5869(ikm, salt, info, length, okm):
    assert crypto.hkdf_sha256(h(ikm), length, h(salt), h(info)) == h(okm)


def test_every_account_has_a_fixed_encryption_key_independent_of_its_signing_key():
    seed = dev_key(0).seed
    key = crypto.account_encryption_key(seed)
    assert key == crypto.account_encryption_key(seed)  # derived, so nothing new to store
    assert key.public != dev_key(0).public_key
    assert key.public != crypto.account_encryption_key(dev_key(1).seed).public
    # Pinned: a change of derivation would strand every announced key.
    assert key.public.hex() == PINNED_DEV0_PUBLIC
    assert key.private.hex() not in repr(key)


PINNED_DEV0_PUBLIC = "b6ecb7fad7160c942da405d0d3c5f4d77f6ed0f359207bdb1815d4a1aa11b416"


def test_a_seated_worker_opens_the_data_and_nobody_else_does():
    client = crypto.EncryptionKey.generate()
    seated, unseated = crypto.EncryptionKey.generate(), crypto.EncryptionKey.generate()
    data_key = crypto.new_data_key()
    sealed = crypto.seal_data(b"pixels" * 100, data_key)
    wrapped = crypto.wrap_data_key(data_key, seated.public, job_id=7)
    assert len(wrapped) == crypto.WRAPPED_KEY_SIZE
    assert crypto.open_data(sealed, crypto.unwrap_data_key(wrapped, seated, job_id=7)) == b"pixels" * 100
    # The worker who did not take a seat holds the published wrapped key and the sealed
    # data, and still cannot open either.
    for outsider in (unseated, client):
        with pytest.raises(CryptoError):
            crypto.unwrap_data_key(wrapped, outsider, job_id=7)
        with pytest.raises(CryptoError):
            crypto.open_data(sealed, outsider.private)
    # A wrapped key is bound to its job: replayed for another job it does not open.
    with pytest.raises(CryptoError):
        crypto.unwrap_data_key(wrapped, seated, job_id=8)


def test_a_wrapped_key_made_for_another_worker_or_altered_is_refused():
    a, b = crypto.EncryptionKey.generate(), crypto.EncryptionKey.generate()
    data_key = crypto.new_data_key()
    for_b = crypto.wrap_data_key(data_key, b.public, job_id=1)
    with pytest.raises(CryptoError):
        crypto.unwrap_data_key(for_b, a, job_id=1)
    for i in range(len(for_b)):
        bad = bytearray(for_b)
        bad[i] ^= 0x01
        with pytest.raises(CryptoError):
            crypto.unwrap_data_key(bytes(bad), b, job_id=1)
    for bad in (b"", for_b[:-1], for_b + b"\0"):
        with pytest.raises(CryptoError):
            crypto.unwrap_data_key(bad, b, job_id=1)


def test_tampered_sealed_data_is_refused():
    key = crypto.new_data_key()
    sealed = crypto.seal_data(b"0123456789" * 10, key)
    for i in range(len(sealed)):
        bad = bytearray(sealed)
        bad[i] ^= 0x80
        with pytest.raises(CryptoError):
            crypto.open_data(bytes(bad), key)
    with pytest.raises(CryptoError):
        crypto.open_data(sealed[:10], key)
    # Sealed input does not open as a result (purpose is authenticated).
    with pytest.raises(CryptoError):
        crypto.open_data(sealed, key, purpose=crypto.PURPOSE_RESULT)


def test_a_result_opens_for_the_client_only():
    client, worker = crypto.EncryptionKey.generate(), crypto.EncryptionKey.generate()
    box = crypto.seal_to(b"label 7", client.public, job_id=3, purpose=crypto.PURPOSE_RESULT)
    assert crypto.open_sealed(box, client, job_id=3, purpose=crypto.PURPOSE_RESULT) == b"label 7"
    with pytest.raises(CryptoError):
        crypto.open_sealed(box, worker, job_id=3, purpose=crypto.PURPOSE_RESULT)
    with pytest.raises(CryptoError):  # a result box is not a data key box
        crypto.open_sealed(box, client, job_id=3, purpose=crypto.PURPOSE_DATA_KEY)


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=2000), job=st.integers(0, 2**64 - 1))
def test_seal_and_open_round_trip(data, job):
    key = crypto.EncryptionKey.generate()
    box = crypto.seal_to(data, key.public, job_id=job, purpose=crypto.PURPOSE_RESULT)
    assert len(box) == len(data) + crypto.BOX_OVERHEAD
    assert crypto.open_sealed(box, key, job_id=job, purpose=crypto.PURPOSE_RESULT) == data
    dk = crypto.new_data_key()
    assert crypto.open_data(crypto.seal_data(data, dk), dk) == data
