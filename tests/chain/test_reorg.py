"""Fork choice by cumulative work: competing branches imported into one node switch its head and state exactly."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chain
from chain import consensus as C
from chain import tx as txmod

X = chain.Address("0x" + "11" * 20)
Y = chain.Address("0x" + "22" * 20)


def branch_a(net, blocks):
    """Alice pays X once per block (deterministic: the same blocks on every fresh chain)."""
    for _ in range(blocks):
        net.transfer(net.accounts[0], X, 100)


def branch_b(net, blocks):
    for _ in range(blocks):
        net.transfer(net.accounts[1], Y, 7)


def state_of(net):
    return (net.chain.head.state_root, net.balance(X), net.balance(Y), net.nonce(net.accounts[0].address),
            net.nonce(net.accounts[1].address))


def import_all(dst, src, start=1):
    for n in range(start, src.height + 1):
        try:
            dst.import_block(src.block_bytes(n))
        except chain.InvalidBlock as exc:
            assert exc.code == "block-known"


def test_heavier_branch_wins_and_state_follows_exactly():
    a, b = chain.Devnet(), chain.Devnet()
    branch_a(a, 2)
    a_txs = [a.block(n).transactions[0] for n in (1, 2)]
    branch_b(b, 3)

    # Equal work (height 2 against 2): the first seen stays the head.
    a.import_block(b.block_bytes(1))
    a.import_block(b.block_bytes(2))
    assert a.balance(X) == 200 and a.balance(Y) == 0
    assert a.block(2).hash != b.block(2).hash

    a.import_block(b.block_bytes(3))  # more work: reorganise onto b
    assert a.chain.head_hash == b.chain.head_hash
    assert state_of(a) == state_of(b)
    assert a.balance(X) == 0 and a.balance(Y) == 21
    assert [a.block(n).hash for n in range(4)] == [b.block(n).hash for n in range(4)]
    # a's transactions left the canonical chain: no receipt, back in the pool.
    assert all(a.receipt(h) is None for h in a_txs)
    assert [t.hash for t in a.chain.pending()] == a_txs

    # Branch a grows heavier again elsewhere (same deterministic blocks) and comes back.
    c = chain.Devnet()
    branch_a(c, 4)
    assert c.block(2).hash == a.chain.canonical_hash(2) or c.block(1).hash != b.block(1).hash
    import_all(a, c)
    assert a.chain.head_hash == c.chain.head_hash
    assert state_of(a) == state_of(c)
    assert a.receipt(a_txs[0]).status is True
    # b's transactions are pending again and still valid on this branch.
    assert len(a.chain.pending()) == 3
    a.mine(1)
    assert a.balance(Y) == 21 and a.chain.pending() == []
    assert a.verify() == a.height


def test_reorg_survives_reopen(tmp_path):
    with chain.Devnet(datadir=tmp_path / "n") as a:
        branch_a(a, 1)
    b = chain.Devnet()
    branch_b(b, 2)
    with chain.Devnet(datadir=tmp_path / "n") as a:
        import_all(a, b)
        root = a.chain.head.state_root
    with chain.Devnet(datadir=tmp_path / "n") as a:
        assert a.chain.head.state_root == root == b.chain.head.state_root
        assert a.balance(Y) == 14 and a.balance(X) == 0
        assert a.verify() == 2


def test_old_state_roots_stay_readable():
    net = chain.Devnet()
    branch_a(net, 3)
    roots = [net.block(n).state_root for n in range(4)]
    assert [net.chain.state(r).read_balance(X) for r in roots] == [0, 100, 200, 300]
    assert net.chain.state(roots[0]).read_balance(net.accounts[0].address) == C.DEV_ACCOUNT_BALANCE


def test_state_root_cost_follows_the_change_not_the_state():
    """One transfer writes O(log n) trie nodes however many accounts exist."""
    import math

    net = chain.Devnet()
    alice = net.accounts[0]
    for n in range(300):
        net.submit(net.make_tx(alice, chain.Address(n + 1000), 1))
    net.mine(1)
    accounts = 300 + len(net.accounts) + 1
    before = len(net.store.rows("nodes"))
    net.transfer(alice, net.accounts[1].address, 5)
    written = len(net.store.rows("nodes")) - before
    # Sender, recipient and miner: three leaf-to-root paths of about log2(n) branches.
    assert written <= 3 * (math.ceil(math.log2(accounts)) + 3)


OPS = st.lists(st.tuples(st.sampled_from(["pay", "token", "overdraw", "mine", "deploy"]),
                         st.integers(0, 9), st.integers(0, 9), st.integers(0, 10**6)), min_size=1, max_size=12)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPS)
def test_a_second_node_importing_the_blocks_reaches_the_same_state(asm, ops):
    """Whatever a node mines, another node re-executing the blocks agrees on every root."""
    a = chain.Devnet()
    token = a.deploy(asm.token(), 10**6)
    for op, i, j, amount in ops:
        src, dst = a.accounts[i], a.accounts[j].address
        if op == "pay":
            a.submit(a.make_tx(src, dst, amount))
        elif op == "token":
            a.submit(a.make_tx(src, token.address, 0, txmod.encode_call("transfer", [bytes(dst), amount]),
                               gas=100_000))
        elif op == "overdraw":
            a.submit(a.make_tx(src, token.address, 0, txmod.encode_call("transfer", [bytes(dst), 10**9]),
                               gas=100_000))
        elif op == "deploy":
            a.submit(a.make_tx(src, None, 0, txmod.encode_deploy(asm.token().encode(), [amount]), gas=200_000))
        else:
            a.mine(1)
    a.mine(1)
    b = chain.Devnet()
    import_all(b, a)
    assert b.chain.head_hash == a.chain.head_hash
    assert b.store.rows("receipts") == a.store.rows("receipts")
    assert b.store.rows("nodes") == a.store.rows("nodes")
    assert a.verify() == b.verify() == a.height


def test_blocks_arriving_before_their_parents_are_held_and_connected():
    from chain import errors as E

    a, b = chain.Devnet(), chain.Devnet()
    branch_b(b, 4)
    for n in (4, 2, 3):  # out of order: each is refused for now, and held
        try:
            a.import_block(b.block_bytes(n))
        except E.UnknownParent:
            pass
        else:
            raise AssertionError(f"block {n} has no parent here yet")
    assert a.height == 0
    a.import_block(b.block_bytes(1))  # the parent arrives: the held blocks follow
    assert a.chain.head_hash == b.chain.head_hash and state_of(a) == state_of(b)
    assert a.verify() == 4


def test_held_blocks_are_bounded(monkeypatch):
    from chain import errors as E
    from chain import importer

    monkeypatch.setattr(importer, "_ORPHAN_LIMIT", 1)
    a, b = chain.Devnet(), chain.Devnet()
    branch_b(b, 3)
    for n in (2, 3):
        try:
            a.import_block(b.block_bytes(n))
        except E.UnknownParent:
            pass
    assert len(a.chain.importer.orphans) == 1  # block 2 made room for block 3
    a.import_block(b.block_bytes(1))
    assert a.height == 1  # block 3 waits for block 2, which was let go
    a.import_block(b.block_bytes(2))
    assert a.height == 3 and a.chain.head_hash == b.chain.head_hash


def test_a_swapped_body_cannot_take_a_held_blocks_place():
    from dataclasses import replace

    from chain import errors as E
    from chain.block import Block, decode_block

    a, b = chain.Devnet(), chain.Devnet()
    branch_b(b, 2)
    honest = decode_block(b.block_bytes(2))
    forged_tx = replace(honest.txs[0], value=honest.txs[0].value + 1)
    forged = Block(honest.header, (forged_tx,)).encode()
    for data in (forged, b.block_bytes(2)):
        try:
            a.import_block(data)
        except E.UnknownParent:
            pass
    a.import_block(b.block_bytes(1))
    assert a.chain.head_hash == b.chain.head_hash
