"""The dev network's block-time rule: real-clock miners at any pace keep mining cheap blocks, and agree."""
import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

import chain
from chain import consensus as C
from chain.block import next_target
from obelisk.node.service import ChainService


class Clock:
    """A wall clock a test moves: `step` seconds per reading."""

    def __init__(self, step):
        self.now, self.step = C.DEV_GENESIS_TIMESTAMP, step

    def __call__(self):
        self.now += self.step
        return self.now


def test_two_second_blocks_stop_getting_harder_at_the_dev_bound():
    clock = Clock(2)
    net = chain.Devnet(clock=clock)
    net.mine(60)
    targets = [net.block(n).target for n in range(61)]
    assert targets[0] == C.POW_LIMIT
    assert all(t >= C.DEV_HARDEST_TARGET for t in targets)
    # Harder while above the bound (2 s is under the 12 s spacing), then held there.
    first = targets.index(C.DEV_HARDEST_TARGET)
    assert 20 <= first <= 40 and set(targets[first:]) == {C.DEV_HARDEST_TARGET}
    assert net.verify() == 60


def test_dev_nodes_mining_at_different_paces_accept_each_others_blocks():
    slow_clock = Clock(7)
    fast, slow = chain.Devnet(clock=Clock(1)), chain.Devnet(clock=slow_clock)
    fast.mine(40)
    # The slow node takes the fast node's chain, then mines on it at its own pace.
    for n in range(1, 41):
        slow.import_block(fast.block_bytes(n))
    slow_clock.now = fast.block(-1).timestamp
    slow.mine(5)
    for n in range(41, 46):
        fast.import_block(slow.block_bytes(n))
    assert fast.chain.head_hash == slow.chain.head_hash and fast.verify() == 45


def test_the_virtual_twelve_second_dev_chain_is_unchanged():
    net = chain.Devnet()
    net.mine(30)
    assert {net.block(n).target for n in range(31)} == {C.POW_LIMIT}
    assert chain.devnet.dev_params().block_time == C.TARGET_BLOCK_TIME == 12


@settings(max_examples=200, deadline=None)
@given(st.integers(1, C.POW_LIMIT), st.integers(-10**6, 10**6), st.integers(1, C.RETARGET_WINDOW),
       st.integers(1, 600), st.integers(1, C.POW_LIMIT))
def test_retarget_with_any_spacing_and_bound_stays_in_range(target, span, blocks, block_time, hardest):
    new = next_target(target, span, blocks, C.POW_LIMIT, block_time, hardest)
    assert max(1, hardest) <= new or new == C.POW_LIMIT and hardest > C.POW_LIMIT
    assert new <= max(C.POW_LIMIT, hardest)
    if span == blocks * block_time and target >= hardest:
        assert new == target


def test_pacing_waits_for_the_parent_plus_the_block_time():
    net = chain.Devnet()
    net.mine(1)
    svc = ChainService(net.chain, net.params, dev=True)
    parent = net.block(-1).timestamp
    try:
        earliest, wait = asyncio.run(svc.pacing(2, now=parent + 0.5))
        assert earliest == parent + 2 and wait == 1.5
        earliest, wait = asyncio.run(svc.pacing(2, now=parent + 10))
        assert earliest == parent + 2 and wait == 0.0
    finally:
        svc.close()
