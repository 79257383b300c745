"""End to end through the library: deploy, call, view, revert, transfers, payable, cross-contract, persistence."""
import pytest

import chain
from chain import consensus as C
from chain.devnet import DEV_MINER


def test_dev_accounts_are_fixed_and_funded(net):
    # The documented seed gives the same accounts on every new chain.
    assert str(net.accounts[0].address) == "0x26073233ca638b43a7b9a9967d701d2b3f85fb16"
    assert [a.address for a in net.accounts] == [a.address for a in chain.Devnet().accounts]
    assert len(net.accounts) == 10
    assert all(net.balance(a.address) == C.DEV_ACCOUNT_BALANCE for a in net.accounts)
    assert net.height == 0
    assert chain.Devnet().block(0).hash == net.block(0).hash


def test_deploy_call_view_and_events(net, asm):
    alice, bob = net.accounts[0], net.accounts[1]
    token = net.deploy(asm.token(), 1000, sender=alice)
    assert isinstance(token.address, chain.Address)
    assert token.receipt.status is True and token.receipt.contract_address == token.address
    assert token.receipt.logs == [chain.Event(address=token.address, name="Transfer",
                                              args={"sender": chain.Address(0), "receiver": alice.address,
                                                    "amount": 1000})]
    height = net.height
    r = token.transfer(bob.address, 10, sender=alice)
    assert r.status is True and r.value is True
    assert r.block_number == height + 1 == net.height
    assert r.logs == [chain.Event(address=token.address, name="Transfer",
                                  args={"sender": alice.address, "receiver": bob.address, "amount": 10})]
    assert token.balance_of(bob.address) == 10
    assert net.height == height + 1  # a view sends no transaction
    # Arguments take an Address, 20 raw bytes or hex text alike.
    assert token.balance_of(bytes(bob.address)) == 10
    assert token.balance_of(str(bob.address)) == 10
    assert net.receipt(r.tx_hash) == r
    assert net.receipt("0x" + r.tx_hash.hex()).value is True
    assert net.tx(r.tx_hash).function == "transfer"


def test_gas_is_paid_to_the_miner(net, asm):
    alice = net.accounts[0]
    token = net.deploy(asm.token(), 1000)
    before, miner_before = net.balance(alice.address), net.balance(DEV_MINER)
    r = token.transfer(net.accounts[1].address, 1, gas_price=3)
    assert net.balance(alice.address) == before - 3 * r.gas_used
    assert net.balance(DEV_MINER) == miner_before + 3 * r.gas_used + C.BLOCK_REWARD
    assert net.block(r.block_number).reward == C.BLOCK_REWARD + 3 * r.gas_used


def test_revert_discards_state_and_events_but_charges_gas(net, asm):
    alice, bob = net.accounts[0], net.accounts[1]
    token = net.deploy(asm.token(), 1000, sender=alice)
    nonce, balance = net.nonce(alice.address), net.balance(alice.address)
    with pytest.raises(chain.Reverted) as info:
        token.transfer(bob.address, 10**9, sender=alice)
    e = info.value
    assert e.reason == "insufficient balance"
    assert e.location == "token.contract:8:5"
    assert e.receipt.status is False and e.receipt.logs == []
    assert e.receipt.gas_used > C.TX_BASE_GAS
    assert net.nonce(alice.address) == nonce + 1
    assert net.balance(alice.address) == balance - e.receipt.gas_used
    assert token.balance_of(alice.address) == 1000 and token.balance_of(bob.address) == 0
    assert net.receipt(e.receipt.tx_hash).reason == "insufficient balance"


def test_failed_view_raises_without_receipt(net, asm):
    token = net.deploy(asm.token(), 5)
    height = net.height
    with pytest.raises(chain.Reverted) as info:
        token.bad_view()
    assert info.value.receipt is None
    assert info.value.reason == "state change in a view call"
    assert net.height == height


def test_out_of_gas_is_a_fault_that_uses_all_gas(net, asm):
    spin = net.deploy(asm.spin())
    with pytest.raises(chain.Reverted) as info:
        spin.loop(gas=50_000)
    assert info.value.reason == "out of gas"
    assert info.value.receipt.gas_used == 50_000


def test_native_transfers(net):
    alice, bob = net.accounts[0], net.accounts[1]
    fresh = chain.Address("0x" + "ab" * 20)
    r = net.transfer(alice, fresh, 12345)
    assert r.status and r.gas_used == C.TX_BASE_GAS
    assert net.balance(fresh) == 12345
    assert net.balance(alice.address) == C.DEV_ACCOUNT_BALANCE - 12345 - C.TX_BASE_GAS
    r2 = net.transfer(bob, alice.address, 5, gas=C.TX_BASE_GAS)
    assert net.balance(bob.address) == C.DEV_ACCOUNT_BALANCE - 5 - C.TX_BASE_GAS
    assert r2.block_number == r.block_number + 1


def test_short_of_funds_is_refused_before_any_block(net):
    poor = chain.PrivateKey(bytes(32))
    net.transfer(net.accounts[0], poor.address, 3000)
    height = net.height
    with pytest.raises(chain.InvalidTransaction) as info:
        net.transfer(poor, net.accounts[0].address, 2000)
    assert info.value.code == "tx-insufficient-funds"
    assert net.height == height and net.nonce(poor.address) == 0


def test_payable_functions_and_contract_transfers(net, asm):
    alice = net.accounts[0]
    bank = net.deploy(asm.bank())
    start = net.balance(alice.address)
    r = bank.deposit(value=1000)
    assert r.value == 1000
    assert net.balance(bank.address) == 1000
    with pytest.raises(chain.Reverted) as info:
        bank.ping(value=1)
    assert info.value.reason == "not payable"
    assert net.balance(bank.address) == 1000
    r2 = bank.withdraw(400)
    assert net.balance(bank.address) == 600
    spent = r.gas_used + info.value.receipt.gas_used + r2.gas_used
    assert net.balance(alice.address) == start - 1000 + 400 - spent
    # Sending coin to a contract with no data is refused (no code runs for it).
    with pytest.raises(chain.Reverted):
        net.transfer(alice, bank.address, 5, gas=100_000)


def test_cross_contract_call(net, asm):
    alice, bob = net.accounts[0], net.accounts[1]
    token = net.deploy(asm.token(), 1000, sender=alice)
    fwd = net.deploy(asm.caller(), token.address)
    token.transfer(fwd.address, 100, sender=alice)
    r = fwd.forward(bob.address, 30, sender=bob)
    assert r.value is True
    assert token.balance_of(bob.address) == 30 and token.balance_of(fwd.address) == 70
    assert r.logs == [chain.Event(token.address, "Transfer",
                                  {"sender": fwd.address, "receiver": bob.address, "amount": 30})]
    # A revert in the callee reverts the whole transaction.
    with pytest.raises(chain.Reverted) as info:
        fwd.forward(bob.address, 1000, sender=bob)
    assert info.value.reason == "insufficient balance"
    assert token.balance_of(fwd.address) == 70


def test_reentrancy_refused_unless_marked(net, asm):
    other = net.deploy(asm.caller(), chain.Address(0))
    looper = net.deploy(asm.reentrant_pair(False))
    with pytest.raises(chain.Reverted) as info:
        looper.start(other.address)
    assert info.value.reason == "reentrancy"
    allowed = net.deploy(asm.reentrant_pair(True))
    assert allowed.start(other.address).value == 42


def test_handles_by_address_and_by_name(net, asm):
    token = net.deploy(asm.token(), 77)
    again = net.at(token.address)  # ABI from the code on chain
    assert again.balance_of(net.accounts[0].address) == 77
    assert net.call(str(token.address), "balance_of", net.accounts[0].address) == 77
    with pytest.raises(chain.ArgumentError):
        token.balance_of(5)
    with pytest.raises(chain.ArgumentError):
        token.transfer(net.accounts[1].address)
    with pytest.raises(AttributeError):
        token.no_such_function
    with pytest.raises(chain.ArgumentError):
        net.at(net.accounts[1].address)


@pytest.mark.parametrize("amount", [2**255, -(2**255) - 1, 2**256], ids=["max+1", "min-1", "2**256"])
def test_an_argument_the_vm_would_refuse_is_refused_before_any_transaction(net, asm, amount):
    token = net.deploy(asm.token(), 1000)
    height, nonce = net.height, net.nonce(net.accounts[0].address)
    with pytest.raises(chain.ArgumentError, match="amount"):
        token.transfer(net.accounts[1].address, amount)
    assert net.height == height and net.nonce(net.accounts[0].address) == nonce and net.chain.pending() == []


def test_block_environment_and_json_views(net, asm):
    token = net.deploy(asm.token(), 1)
    assert token.block_info() == net.height
    info = net.block(-1)
    doc = info.to_json()
    assert doc["number"] == net.height and doc["transactions"] == ["0x" + info.transactions[0].hex()]
    r = token.transfer(net.accounts[1].address, 1)
    j = r.to_json()
    assert j["status"] == "success" and j["value"] is True and j["block"] == r.block_number
    assert j["events"][0]["args"]["receiver"] == str(net.accounts[1].address)
    assert net.block(r.block_hash).number == r.block_number
    assert net.block(10**6) is None and net.receipt(b"\x00" * 32) is None


def test_submit_without_mining_then_mine(net):
    alice, bob = net.accounts[0], net.accounts[1]
    h1 = net.submit(net.make_tx(alice, bob.address, 1))
    h2 = net.submit(net.make_tx(alice, bob.address, 2))
    assert net.tx(h1).block_number is None and net.receipt(h1) is None
    with pytest.raises(chain.InvalidTransaction) as info:
        net.submit(net.make_tx(alice, bob.address, 3, nonce=5))
    assert info.value.code == "tx-bad-nonce"
    (blk,) = net.mine(1)
    assert blk.transactions == (h1, h2)
    assert net.balance(bob.address) == C.DEV_ACCOUNT_BALANCE + 3
    assert [b.number for b in net.mine(3)] == [2, 3, 4]


def test_persistence_across_reopen(tmp_path, asm):
    with chain.Devnet(datadir=tmp_path / "d") as net:
        token = net.deploy(asm.token(), 500)
        token.transfer(net.accounts[2].address, 5)
        pending = net.submit(net.make_tx(0, net.accounts[3].address, 9))
        address, height = token.address, net.height
    with chain.Devnet(datadir=tmp_path / "d") as net:
        assert net.height == height
        assert net.at(address).balance_of(net.accounts[2].address) == 5
        assert net.tx(pending).block_number is None
        net.mine(1)
        assert net.receipt(pending).status is True
        assert net.balance(net.accounts[3].address) == C.DEV_ACCOUNT_BALANCE + 9
        assert net.verify() == height + 1


def test_runs_are_reproducible(asm):
    def run():
        net = chain.Devnet()
        token = net.deploy(asm.token(), 1000)
        token.transfer(net.accounts[1].address, 10)
        return net.block(-1).hash
    assert run() == run()


def test_verify_passes_on_an_honest_chain(net, asm):
    token = net.deploy(asm.token(), 1000)
    for i in range(3):
        token.transfer(net.accounts[i + 1].address, 1 + i)
    with pytest.raises(chain.Reverted):
        token.transfer(net.accounts[1].address, 10**6)
    assert net.verify() == net.height


@pytest.mark.parametrize("call", [
    lambda net: net.transfer(10, net.accounts[1].address, 1),
    lambda net: net.transfer(0, "0xzz", 1),
    lambda net: net.transfer(0, net.accounts[1].address, -1),
    lambda net: net.transfer(0, b"\x01" * 19, 1),
    lambda net: net.block("not a hash"),
    lambda net: net.receipt(b"short"),
    lambda net: net.deploy(3.5),
    lambda net: net.deploy(b"not a code object"),
], ids=["bad index", "bad hex", "negative amount", "19 bytes", "bad block hash", "short hash", "float", "junk code"])
def test_bad_library_arguments_raise_argument_error_and_change_nothing(net, call):
    height, nonce = net.height, net.nonce(net.accounts[0].address)
    with pytest.raises(chain.ArgumentError):
        call(net)
    assert net.height == height and net.nonce(net.accounts[0].address) == nonce and net.chain.pending() == []


# Values no caller should pass, each refused with a clear library error.
MISUSE = [
    ("block number past any height", lambda n: n.block(10**30), None),
    ("block number far below zero", lambda n: n.block(-10**30), None),
    ("block bytes past any height", lambda n: n.block_bytes(2**64), None),
    ("data as text", lambda n: n.make_tx(0, n.accounts[1].address, 1, data="abc"), chain.ArgumentError),
    ("mine a text count", lambda n: n.mine("2"), chain.ArgumentError),
    ("mine a negative count", lambda n: n.mine(-1), chain.ArgumentError),
    ("submit nothing", lambda n: n.submit(None), chain.InvalidTransaction),
    ("submit text", lambda n: n.submit("abc"), chain.InvalidTransaction),
]


@pytest.mark.parametrize("name,use,error", MISUSE, ids=[m[0] for m in MISUSE])
def test_misuse_gives_a_library_error(net, name, use, error):
    if error is None:
        assert use(net) is None
    else:
        with pytest.raises(error):
            use(net)


def test_caches_of_decoded_blocks_and_trie_nodes_stay_within_their_byte_budgets(monkeypatch):
    from chain import query, trie

    monkeypatch.setattr(query, "_BLOCK_CACHE_BYTES", 2_000)
    monkeypatch.setattr(trie, "_CACHE_BYTES", 3_000)
    net = chain.Devnet()
    for i in range(12):
        net.transfer(0, net.accounts[1 + i % 3].address, 1 + i)
    hashes = [net.block(n).hash for n in range(net.height + 1)]
    fresh = chain.Devnet()  # the same blocks, imported: every cache starts empty
    for n in range(1, net.height + 1):
        fresh.import_block(net.block_bytes(n))
    assert [fresh.block(n).hash for n in range(fresh.height + 1)] == hashes
    assert fresh.chain.blocks.decoded.currsize <= 2_000 and fresh.chain.trie._cache.currsize <= 3_000
    assert fresh.balance(net.accounts[1].address) == net.balance(net.accounts[1].address)
    assert fresh.verify() == net.height


def test_a_wall_clock_giving_floats_makes_whole_second_blocks():
    import time

    net = chain.Devnet(clock=time.time)
    r = net.transfer(0, net.accounts[1].address, 5)
    assert r.status and type(net.block(-1).timestamp) is int
    assert net.verify() == net.height


def test_a_broken_clock_or_timestamp_stores_nothing():
    from chain import errors as E

    net = chain.Devnet(clock=lambda: "noon")
    with pytest.raises(ValueError, match="clock"):
        net.mine(1)
    net = chain.Devnet()
    with pytest.raises(E.BlockFieldError):
        net.chain.mine_block(net.miner, timestamp=2**64)
    assert net.height == 0 and net.verify() == 0


def test_own_signatures_are_not_checked_again_but_every_other_one_is(net, monkeypatch):
    # A transaction this Devnet signed and sends itself verifies by construction: no check is spent on it.
    from dataclasses import replace

    from chain import rules

    checks = []
    real = rules.keys.verify
    monkeypatch.setattr(rules.keys, "verify", lambda *a: checks.append(1) or real(*a))
    rules.clear_signature_cache()
    alice, bob = net.accounts[0], net.accounts[1]
    net.transfer(alice, bob.address, 5)
    net.send(net.make_tx(alice, bob.address, 6))
    assert checks == [] and net.balance(bob.address) == C.DEV_ACCOUNT_BALANCE + 11
    # Changed after signing, one signed elsewhere, or only submitted (a pool's client): checked, as always.
    forged = replace(net.make_tx(alice, bob.address, 7), value=8)
    with pytest.raises(chain.InvalidTransaction, match="signature does not verify"):
        net.send(forged)
    other = chain.Devnet()
    net.send(other.make_tx(alice, bob.address, 9, nonce=net.next_nonce(alice.address)).encode())
    net.submit(net.make_tx(alice, bob.address, 10))
    assert len(checks) == 3 and net.nonce(alice.address) == 3


def test_a_send_that_fails_leaves_nothing_and_the_next_one_lands(tmp_path):
    # A Devnet's send is admitted and mined in one write transaction: refused or failed half way,
    # nothing of it is written (no block, nothing pending), and what was kept of the head and pool follows.
    for datadir in (None, tmp_path):
        broken = []
        net = chain.Devnet(datadir, clock=lambda: -1 if broken else net.chain.head.timestamp + C.TARGET_BLOCK_TIME)
        bob = net.accounts[1].address
        net.transfer(0, bob, 1)
        with pytest.raises(chain.InvalidTransaction):  # refused by the pool: over the balance
            net.transfer(0, bob, C.DEV_ACCOUNT_BALANCE)
        broken.append(1)
        with pytest.raises(ValueError, match="clock"):  # admitted, then the block cannot be built
            net.transfer(0, bob, 2)
        assert net.height == 1 and net.chain.pending() == [] and net.nonce(net.accounts[0].address) == 1
        broken.clear()
        r = net.transfer(0, bob, 3)
        assert (r.block_number, net.height, net.balance(bob)) == (2, 2, C.DEV_ACCOUNT_BALANCE + 4)
        assert net.chain.pending() == [] and net.verify() == 2
        net.close()


def test_a_transaction_object_is_taken_exactly_as_its_bytes_would_be(net):
    # send() takes a Transaction without parsing its bytes again: what it accepts and refuses,
    # and with which message, is what the same transaction's bytes get.
    from chain import tx as txmod

    alice, bob = net.accounts[0], net.accounts[1]

    def tx(nonce, **fields):
        base = dict(version=C.TX_VERSION, chain_id=net.params.chain_id, nonce=nonce, to=bob.address, value=1,
                    gas_limit=50_000, gas_price=1, data=b"", public_key=alice.public_key)
        base.update(fields)
        return txmod.Transaction(**base).signed(alice)

    odd = tx(0, data=bytearray(b""), to=bytes(bob.address))  # field types its bytes do not keep
    r = net.send(odd)
    assert r.status and r.tx_hash == odd.hash and net.tx(r.tx_hash).to == bob.address
    for bad in (tx(1, gas_price=-1), tx(1, value=C.MAX_AMOUNT + 1), tx(1, data=b"x" * C.MAX_TX_SIZE)):
        with pytest.raises(chain.InvalidTransaction) as as_object:
            net.send(bad)
        with pytest.raises(chain.InvalidTransaction) as as_bytes:
            net.send(bad.encode())
        assert (type(as_object.value), str(as_object.value)) == (type(as_bytes.value), str(as_bytes.value))
    assert net.height == 1 and net.chain.pending() == []


def test_the_head_state_a_block_leaves_in_hand_reads_as_the_stored_one(net, asm):
    # The accounts and storage a block wrote seed the new head state's view (nothing read back);
    # every one of them equals what a fresh read of the stored trie gives, zeroed slots included.
    from chain.state import StateView
    from vm.encoding import pack

    alice, bob = net.accounts[0], net.accounts[1]
    token = net.deploy(asm.token(), 1000, sender=alice)
    token.transfer(bob.address, 10, sender=alice)
    token.transfer(alice.address, 10, sender=bob)  # bob's balance back to zero: an absent slot
    head = net.chain.head
    seeded = net.chain.state()
    fresh = StateView(net.chain.trie, net.store.get_code, head.state_root, net.store)
    slots = [pack(0) + pack(bytes(who.address)) for who in (alice, bob)]
    assert [seeded.read_storage(token.address, k) for k in slots] == [1000, None]
    assert [fresh.read_storage(token.address, k) for k in slots] == [1000, None]
    for who in (alice.address, bob.address, token.address, DEV_MINER):
        assert seeded.account(who) == fresh.account(who)
