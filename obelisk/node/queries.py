"""The queries ChainService runs for the RPC and for peers, each a function of the chain (or its door) on a service thread.

Results are the CLI's --json documents (chain.Devnet's to_json and vm.abi), so every door shapes them alike.
"""
from __future__ import annotations

from chain import consensus as C
from chain import tx as txmod
from vm import abi
from vm.values import Address

# Blocks one chain_getLogs request may scan (chain.logs says why).
MAX_LOG_BLOCKS = 10_000


def info(c) -> dict:
    head = c.head
    return {"chain_id": c.params.chain_id, "genesis": "0x" + c.genesis_hash.hex(),
            "head": "0x" + head.hash.hex(), "height": head.height}


def block_doc(door, ref):
    info = door.block(ref)
    return None if info is None else info.to_json()


def tx_doc(door, tx_hash):
    info = door.tx(tx_hash)
    return None if info is None else info.to_json()


def receipt_doc(door, tx_hash):
    r = door.receipt(tx_hash)
    return None if r is None else r.to_json()


def pending_bytes(c, h: bytes):
    t_ = c.find_pending(h)
    return None if t_ is None else t_.encode()


def headers(c, start: int, count: int) -> list:
    out = []
    for height in range(max(0, start), max(0, start) + count):
        h = c.canonical_hash(height)
        if h is None:
            break
        out.append(c.stored_header(h).encode())
    return out


def locator(c) -> list:
    out, height, step = [], c.height, 1
    while height > 0:
        out.append(c.canonical_hash(height))
        if len(out) >= 10:
            step *= 2
        height -= step
    out.append(c.genesis_hash)
    return out


def logs(door, from_block, to_block, address, event) -> list:
    from chain.logs import find_logs

    return find_logs(door, from_block, to_block, address, event, max_blocks=MAX_LOG_BLOCKS)


def call(door, to: Address, data: bytes, sender, value: int, gas):
    """One call on a throwaway overlay of the head state, charged like a transaction (intrinsic gas counted)."""
    import vm
    from vm.host import MemoryHost

    c = door.chain
    head = c.head
    sender = Address(b"\x00" * 20) if sender is None else Address(sender)
    probe = txmod.Transaction(C.TX_VERSION, c.params.chain_id, 0, to, value, 0, 1, data, b"\x00" * 32, b"")
    intrinsic = txmod.intrinsic_gas(probe)
    limit = C.BLOCK_GAS_LIMIT if gas is None else gas
    if limit < intrinsic:
        return call_doc(False, None, limit, f"gas {limit} is under the intrinsic gas {intrinsic}", None)
    view = c.state(head.state_root)
    if view.read_balance(sender) < value:
        return call_doc(False, None, intrinsic, f"balance {view.read_balance(sender)} is under the value {value}", None)
    host = MemoryHost(backing=view)
    if host.get_code(to) is None:
        if data:
            return call_doc(False, None, intrinsic, "no contract at the address", None)
        return call_doc(True, None, intrinsic, None, None)
    try:
        function, args = txmod.decode_call(data)
    except txmod.CallDataError as exc:
        return call_doc(False, None, intrinsic, str(exc), None)
    result = vm.call(host, to=to, function=function, args=args, sender=sender, value=value,
                     gas=limit - intrinsic, block=vm.BlockEnv(number=head.height + 1, timestamp=head.timestamp + 1))
    used = intrinsic + result.gas_used
    if not result.success:
        return call_doc(False, None, used, result.reason or result.error, result.location)
    code = door.code_object_at(to)
    fn = code.function(function) if code is not None else None
    value_doc = abi.to_json(result.value, fn.returns if fn is not None else None)
    return call_doc(True, value_doc, used, None, None)


def call_doc(ok, value, gas_used, reason, location) -> dict:
    return {"status": "success" if ok else "reverted", "return": value, "gas_used": gas_used,
            "reason": reason, "location": location}


# --- what a call did inside, and what it would do: for `obelisk trace/estimate/storage/call --dry-run
# --gas-profile`, locally (obelisk.cli.backend.LocalChain) and through tx_trace & co. alike. Traces and
# profiles need a door that can record the VM's steps (obelisk.Devnet, given to ChainService as door_class).

def can_debug(door) -> bool:
    return hasattr(door, "trace") and hasattr(door, "profile_dry_run")


def trace(door, tx_hash: bytes):
    """`obelisk trace --json` of a mined transaction, or None (unknown, or still pending)."""
    if door.chain.find_tx(tx_hash) is None:
        return None
    return door.trace(tx_hash).to_json()


def profile(door, tx_hash: bytes):
    """The gas profile of a mined transaction, or None; each line's "source" is null (the client reads its own)."""
    if door.chain.find_tx(tx_hash) is None:
        return None
    return door.profile(tx_hash).to_json(sources=False)


def dry_run(door, data: bytes, with_profile: bool) -> dict:
    """The receipt document a signed transaction would get if mined next (nothing sent or kept), with
    "gas_profile" when asked. An invalid one raises the chain's InvalidTransaction, as tx_send would."""
    t_ = txmod.decode(data)
    prof = None
    if with_profile:
        receipt, prof = door.profile_dry_run(t_)
    else:
        receipt = door.dry_run(t_)
    doc = receipt.to_json()
    if prof is not None:
        doc["gas_profile"] = prof.to_json(sources=False)
    return doc


def view(door, to: Address, data: bytes, sender, gas, with_profile: bool) -> dict:
    """A call run as the library runs a view function (read-only, on the head block, no transaction so no
    intrinsic gas): {"value", "status", "gas_used", "reason", "location"} (+ "gas_profile")."""
    function, args = txmod.decode_call(data)
    sender = Address(b"\x00" * 20) if sender is None else Address(sender)
    prof = None
    if with_profile:
        result, prof = door.profile_view(to, function, args, sender=sender, gas=gas)
    else:
        result = door.view(to, function, args, sender=sender, gas=gas)
    code = door.code_object_at(to)
    fn = code.function(function) if code is not None else None
    doc = {"value": abi.to_json(result.value, fn.returns if fn is not None else None) if result.success else None,
           "status": "success" if result.success else "reverted", "gas_used": result.gas_used,
           "reason": None if result.success else result.reason or result.error, "location": result.location}
    if prof is not None:
        doc["gas_profile"] = prof.to_json(sources=False)
    return doc


def storage(door, address: Address, key: bytes):
    """The stored record under `key` in a contract's storage on the head state ("0x" hex of its canonical
    encoding, which keeps the value's type), or None when never written (its type's zero)."""
    from chain.state import encode_storage_value

    raw = encode_storage_value(door.storage_at(address, key))
    return None if raw is None else "0x" + raw.hex()
