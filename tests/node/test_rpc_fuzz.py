"""Any JSON at all, as a request or as any method's params: a JSON-RPC answer, never an internal error."""
import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import obelisk
from obelisk.node.rpc import Methods, _one
from obelisk.node.service import ChainService

NET = obelisk.Devnet()
MINED = "0x" + NET.transfer(0, NET.accounts[1].address, 5).tx_hash.hex()  # something for tx_trace to find
NET.mine(1)
# No dev_mine: the chain stays as it is. door_class: tx_trace and tx_profile too.
SERVICE = ChainService(NET.chain, NET.params, dev=False, door_class=obelisk.Devnet)
METHODS = Methods(SERVICE, None)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**300, 2**300), st.floats(allow_nan=False),
                    st.text(max_size=80), st.sampled_from(["0x", "0x00", "0x" + "ab" * 20, "0x" + "cd" * 32,
                                                            "127.0.0.1:7710", str(NET.accounts[0].address), MINED]))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                           max_leaves=12)
objects = st.fixed_dictionaries({}, optional={
    "from_block": json_values, "to_block": json_values, "address": json_values, "event": json_values,
    "from": json_values, "to": json_values, "data": json_values, "value": json_values, "gas": json_values,
    "profile": json_values})
method_names = st.sampled_from(sorted(METHODS.table) + ["nope", "", "dev_mine"])
FINE = {-32600, -32601, -32602, -32000}


def answer(req):
    return asyncio.run(_one(METHODS, req))


def check(resp):
    assert resp is None or set(resp) in ({"jsonrpc", "result", "id"}, {"jsonrpc", "error", "id"})
    if resp is not None and "error" in resp:
        assert resp["error"]["code"] in FINE, resp


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(method_names, st.one_of(st.lists(st.one_of(json_values, objects), max_size=3), json_values))
def test_any_params_of_any_method(method, params):
    check(answer({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}))
    assert NET.height == 2 and NET.chain.pending() == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(json_values)
def test_any_request_object(req):
    check(answer(req))
