"""Fuzz part (c): mutated encodings through every decoder of bytes that arrive from outside or from disk.

Each decoder either refuses with its own error type or returns a value; a value
whose canonical re-encoding differs from the input is a non-canonical encoding
accepted. Seeds are real: signed transactions, blocks, receipts, compiled code,
artifacts and sealed boxes; mutations edit bytes, or re-write the seed's
msgpack in wider forms than the canonical one (non-minimal ints and lengths).
"""
from __future__ import annotations

import importlib
import random
import struct
import time

import msgpack

from fuzzcore import Hang, Progress, Tally, mutate_bytes, seed_artifacts, time_limit


# ---- msgpack written wider than canonical ------------------------------------

def pack_wide(obj, rnd: random.Random) -> bytes:
    """msgpack of obj where some ints, strings, bins and arrays take a wider form than needed."""
    out = bytearray()
    stack = [obj]
    while stack:
        o = stack.pop()
        wide = rnd.random() < 0.3
        if o is None or type(o) is bool or isinstance(o, msgpack.ExtType) or type(o) is float:
            out += msgpack.packb(o)
        elif type(o) is int:
            if wide and 0 <= o < 1 << 32:
                out += struct.pack(">BQ", 0xCF, o) if rnd.random() < 0.5 else (b"\xce" + o.to_bytes(4, "big"))
            elif wide and -(1 << 31) <= o < 0:
                out += struct.pack(">Bq", 0xD3, o)
            else:
                out += msgpack.packb(o)
        elif type(o) is str:
            raw = o.encode("utf-8", "surrogatepass")
            out += (b"\xda" + struct.pack(">H", len(raw)) + raw) if wide and len(raw) < 1 << 16 else msgpack.packb(o)
        elif type(o) is bytes:
            out += (b"\xc5" + struct.pack(">H", len(o)) + o) if wide and len(o) < 1 << 16 else msgpack.packb(o, use_bin_type=True)
        elif type(o) is list:
            out += (b"\xdc" + struct.pack(">H", len(o))) if wide and len(o) < 1 << 16 else _array_head(len(o))
            stack.extend(reversed(o))
        else:
            out += msgpack.packb(o, use_bin_type=True)
    return bytes(out)


def _array_head(n: int) -> bytes:
    return bytes([0x90 | n]) if n < 16 else (b"\xdc" + struct.pack(">H", n) if n < 1 << 16 else b"\xdd" + struct.pack(">I", n))


def mutate_structure(data: bytes, rnd: random.Random) -> bytes:
    """Decode the seed's msgpack, change one element (value, type, count), write it back (maybe wide)."""
    try:
        obj = msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception:
        return mutate_bytes(data, rnd)
    holders = []
    stack = [obj]
    while stack:
        o = stack.pop()
        if type(o) is list:
            holders.append(o)
            stack.extend(o)
    if holders and rnd.random() < 0.8:
        h = rnd.choice(holders)
        k = rnd.randrange(4)
        i = rnd.randrange(len(h)) if h else 0
        if k == 0 and h:
            h[i] = rnd.choice([None, True, 0, -1, 2**64 - 1, -(2**63), "", "x", b"", b"\x00" * 20, b"\x00" * 32, [], [0],
                               msgpack.ExtType(1, b"\x01"), msgpack.ExtType(1, b"\x00\x80" + b"\x00" * 8), 1.5])
        elif k == 1 and h:
            del h[i]
        elif k == 2:
            h.insert(i, rnd.choice([0, None, b"", "s", []]))
        elif h:
            h[i] = [h[i]]
    if rnd.random() < 0.5:
        return pack_wide(obj, rnd)
    try:
        return msgpack.packb(obj, use_bin_type=True)
    except Exception:
        return data


# ---- seeds and decoders ---------------------------------------------------------

def _decoders(corpus_limit):
    """(name, seeds, decode, errors, re-encode or None) for every decoder present in the tree."""
    import vm
    from chain import block as B
    from chain import errors as E
    from chain import keys, secretbox, state
    from chain import tx as T
    from chain.consensus import DEV_CHAIN_ID
    from lang.artifact import Artifact
    from vm import code as VC
    from vm import encoding as VE
    from vm.errors import ValidationError
    from vm.values import Address

    key = keys.dev_key(0)
    arts = seed_artifacts(corpus_limit)
    code = arts[0].bytecode
    txs = [
        T.Transaction(1, DEV_CHAIN_ID, 0, Address(7), 10, 50_000, 1, T.encode_call("transfer", [bytes(Address(9)), 5]), b"").signed(key),
        T.Transaction(1, DEV_CHAIN_ID, 3, None, 0, 900_000, 2, T.encode_deploy(code, [1000]), b"").signed(key),
    ]
    header = B.Header(1, DEV_CHAIN_ID, 5, b"\x11" * 32, 1_700_000_060, 2**240, Address(3), B.tx_root(txs),
                      b"\x22" * 32, b"\x33" * 32, 123_456, 30_000_000, 2 * 10**18, 99)
    block = B.Block(header, tuple(txs))
    receipt = B.RawReceipt(True, [7, "x", b"\x01", True], 21_000, ((Address(4), "Transfer", (bytes(Address(5)), 2**70)),), None, None, Address(8))
    failed = B.RawReceipt(False, None, 50_000, (), "revert", "token.contract:12:5", None)
    cheap = secretbox.KdfParams(10, 1, 1)
    box = secretbox.seal(b"sealed file content\n" * 20, "pass", kind=secretbox.KIND_FILE, params=cheap)

    def open_box(data):
        h = secretbox.read_header(data)  # bounded-cost header check first
        if (h.params.log2_n, h.params.r, h.params.p) != (10, 1, 1):
            return None  # a costlier derivation: the header path is what is fuzzed
        return secretbox.open_box(data, "pass", kind=secretbox.KIND_FILE)

    def artifact(data):
        a = Artifact.from_json(data.decode("utf-8", "replace"))
        try:
            vm.validate(a.bytecode)  # an artifact's code is judged by the validator, like any code
        except ValidationError:
            pass
        return a

    chain_err = (E.ChainError,)
    out = [
        ("transaction", [t.encode() for t in txs], T.decode, chain_err, lambda t: t.encode()),
        ("header", [header.encode()], B.decode_header, chain_err, lambda h: h.encode()),
        ("block", [block.encode()], B.decode_block, chain_err, lambda b: b.encode()),
        ("receipt", [receipt.encode(), failed.encode()], B.decode_receipt, chain_err, lambda r: r.encode()),
        ("call_data", [t.data for t in txs[:1]], T.decode_call, (T.CallDataError,), lambda r: T.encode_call(*r)),
        ("deploy_data", [txs[1].data], T.decode_deploy, (T.CallDataError,), lambda r: T.encode_deploy(*r)),
        ("code_object", [a.bytecode for a in arts[:8]], VC.decode, (VC.CodeFormatError,), lambda c: c.encode()),
        ("validate", [a.bytecode for a in arts[:8]], vm.validate, (ValidationError,), None),
        ("value", [VE.pack([1, "a", [b"x", None, True, 2**200]])], VE.unpack, (VE.EncodingError,), VE.pack),
        ("storage_value", [state.encode_storage_value(v) for v in (5, True, b"ab", "s", Address(3))],
         state.decode_storage_value, (state.StateCorrupt,), lambda v: state.encode_storage_value(v)),
        ("artifact", [a.to_json().encode() for a in arts[:4]], artifact, (ValueError,), None),
        ("sealed_file", [box], open_box, (secretbox.BoxError,), None),
        ("signature", [txs[0].public_key + txs[0].signature + txs[0].signing_bytes()],
         lambda d: keys.verify(d[:32], d[96:], d[32:96]), (), None),
    ]
    account = getattr(state, "_decode_account", None)
    if account is not None:
        acct = state.Account(10**20, 4, b"\x44" * 32, b"\x55" * 32) if hasattr(state, "Account") else None
        if acct is not None:
            out.append(("account", [acct.encode()], account, (state.StateCorrupt,), lambda a: a.encode()))
    P = _optional("obelisk.node.protocol")
    if P is not None:
        h = b"\x01" * 32
        hello = P.Hello(1, DEV_CHAIN_ID, h, h, 3, 48, b"\x09" * 32, b"\x0a" * 32, 7710)
        seeds = [P.hello(hello), P.encode(P.INV_TX, [h, b"\x02" * 32]), P.encode(P.GET_HEADERS, 1, [h], 2000),
                 P.encode(P.TXS, 9, [t.encode() for t in txs]), P.encode(P.BLOCKS, 2, [block.encode()]),
                 P.encode(P.ADDR, ["127.0.0.1:7710", "example.org:1"]), P.encode(P.AUTH, b"\x05" * 64)]

        def reencode(r):
            return P.hello(r[1]) if r[0] == P.HELLO else P.encode(r[0], *r[1])

        out.append(("peer_message", seeds, P.decode, (P.ProtocolError,), reencode))
    return out


def _optional(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def run(count: int, seed: int = 0, time_limit_s: float = 5.0, corpus_limit: int | None = 12, progress=None,
        only=None, skip=()) -> Tally:
    """`count` mutated encodings, spread evenly over the decoders (those named in `only`, less `skip`)."""
    rnd = random.Random(seed)
    decoders = [d for d in _decoders(corpus_limit) if (only is None or d[0] in only) and d[0] not in skip]
    tally, bar, start = Tally(), Progress("encodings", count, progress), time.monotonic()
    for n in range(count):
        name, seeds, decode, errors, encode = decoders[n % len(decoders)]
        base = rnd.choice(seeds)
        data = mutate_structure(base, rnd) if rnd.random() < 0.4 else mutate_bytes(base, rnd)
        try:
            with time_limit(time_limit_s):
                try:
                    value = decode(data)
                except errors:
                    tally.count(f"{name}:refused")
                else:
                    tally.count(f"{name}:accepted")
                    if encode is not None and value is not None and encode(value) != data:
                        tally.defect("noncanonical_accepted", name, data.hex())
        except Hang:
            tally.defect("hangs", name, data.hex())
        except Exception as exc:  # noqa: BLE001 - anything but the decoder's own error is a defect
            tally.defect("host_exceptions", name, data.hex(), exc)
        tally.runs += 1
        bar.tick(tally)
    tally.seconds = time.monotonic() - start
    tally.detail["decoders"] = len(decoders)
    return tally


def oversized(tally: Tally) -> None:
    """A 4 MiB block of junk per decoder with a size bound: refused, never decoded at length."""
    for name, _, decode, errors, _ in _decoders(2):
        if name in ("signature", "validate", "artifact"):
            continue
        junk = b"\xdd\x00\x0f\xff\xff" + b"\xc0" * (4 * 1024 * 1024)
        try:
            with time_limit(10):
                decode(junk)
        except errors:
            tally.count(f"{name}:junk-refused")
        except Hang:
            tally.defect("hangs", f"{name}: 4 MiB junk")
        except Exception as exc:  # noqa: BLE001
            tally.defect("host_exceptions", f"{name}: 4 MiB junk", None, exc)
        tally.runs += 1
