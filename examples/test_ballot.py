"""The ballot example: proposals, rights, votes, delegation chains and the winner."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import obelisk
from obelisk.testing import reverts

NAMES = ["alpha", "beta", "gamma"]


@pytest.fixture
def ballot(net, artifact):
    chair = net.accounts[0]
    b = net.deploy(artifact("ballot"), sender=chair)
    for name in NAMES:
        b.add_proposal(name, sender=chair)
    for voter in net.accounts[1:7]:
        b.give_right_to_vote(voter.address, sender=chair)
    b.open(sender=chair)
    return b


def votes(ballot):
    """Each proposal's vote count (a Proposal struct comes back as a tuple: name, votes)."""
    return [ballot.proposal(i)[1] for i in range(ballot.proposal_count())]


def test_setup_is_for_the_chairperson_only(net, artifact):
    chair, mallory = net.accounts[0], net.accounts[9]
    b = net.deploy(artifact("ballot"), sender=chair)
    with reverts("caller is not the owner"):
        b.add_proposal("free money", sender=mallory)
    with reverts("caller is not the owner"):
        b.give_right_to_vote(mallory.address, sender=mallory)
    with reverts("no proposals"):
        b.open(sender=chair)
    r = b.add_proposal("alpha", sender=chair)
    assert r.value == 0
    assert r.logs[0].args == {"index": 0, "name": "alpha"}
    with reverts("empty proposal name"):
        b.add_proposal("", sender=chair)
    with reverts("voting is not open"):
        b.vote(0, sender=chair)
    with reverts("caller is not the owner"):
        b.open(sender=mallory)
    b.open(sender=chair)
    with reverts("proposals are fixed once voting opens"):
        b.add_proposal("late", sender=chair)
    with reverts("voting already opened"):
        b.open(sender=chair)


def test_votes_are_counted_once(net, ballot):
    v1, v2, v3 = net.accounts[1:4]
    r = ballot.vote(1, sender=v1)
    assert r.logs[0].name == "Voted"
    assert r.logs[0].args == {"voter": v1.address, "proposal": 1, "weight": 1}
    ballot.vote(1, sender=v2)
    ballot.vote(2, sender=v3)
    with reverts("already voted"):
        ballot.vote(2, sender=v1)  # a replayed vote
    assert votes(ballot) == [0, 2, 1]
    assert ballot.winning_proposal() == 1
    assert ballot.winner_name() == "beta"


def test_no_right_no_vote(net, ballot):
    outsider = net.accounts[9]
    with reverts("no right to vote"):
        ballot.vote(0, sender=outsider)
    with reverts("no right to vote"):
        ballot.delegate(net.accounts[1].address, sender=outsider)
    assert votes(ballot) == [0, 0, 0]


@pytest.mark.parametrize("index", [-1, 3, 2**200])
def test_a_vote_for_a_missing_proposal_is_refused(net, ballot, index):
    with reverts("no such proposal"):
        ballot.vote(index, sender=net.accounts[1])
    ballot.vote(0, sender=net.accounts[1])  # the failed attempt did not use up the vote


def test_delegation_passes_weight_along_a_chain(net, ballot):
    a, b, c = net.accounts[1:4]
    ballot.delegate(b.address, sender=a)
    r = ballot.delegate(c.address, sender=b)
    assert r.logs[0].args == {"voter": b.address, "delegate": c.address}
    assert ballot.voter(c.address)[0] == 3  # c now votes with a's and b's weight
    assert ballot.voter(a.address)[0] == 0  # a's weight has left a
    assert ballot.voter(a.address)[2] == b.address
    ballot.vote(2, sender=c)
    assert votes(ballot) == [0, 0, 3]
    with reverts("already voted"):
        ballot.vote(0, sender=a)
    with reverts("already voted"):
        ballot.delegate(c.address, sender=a)


def test_delegating_to_someone_who_voted_counts_at_once(net, ballot):
    a, b = net.accounts[1:3]
    ballot.vote(0, sender=b)
    ballot.delegate(b.address, sender=a)
    assert votes(ballot) == [2, 0, 0]


def test_delegation_loops_and_self_delegation_are_refused(net, ballot):
    a, b, c = net.accounts[1:4]
    with reverts("self-delegation is not allowed"):
        ballot.delegate(a.address, sender=a)
    ballot.delegate(b.address, sender=a)
    ballot.delegate(c.address, sender=b)
    with reverts("found loop in delegation"):
        ballot.delegate(a.address, sender=c)
    with reverts("delegate has no right to vote"):
        ballot.delegate(net.accounts[9].address, sender=c)
    ballot.vote(1, sender=c)
    assert votes(ballot) == [0, 3, 0]


def test_ties_go_to_the_first_proposal_and_closing_ends_the_vote(net, ballot):
    chair = net.accounts[0]
    ballot.vote(2, sender=net.accounts[1])
    ballot.vote(1, sender=net.accounts[2])
    assert ballot.winning_proposal() == 1
    with reverts("caller is not the owner"):
        ballot.close(sender=net.accounts[1])
    r = ballot.close(sender=chair)
    assert r.logs[0].args == {"winner": 1, "votes": 1}
    with reverts("voting is not open"):
        ballot.vote(0, sender=net.accounts[3])
    with reverts("voting is closed"):
        ballot.give_right_to_vote(net.accounts[9].address, sender=chair)
    assert ballot.get_phase() == 2


def test_a_replayed_vote_transaction_is_refused_by_the_chain(net, ballot):
    # Resending the very same signed transaction (same nonce, same signature)
    # is refused before it runs: the vote counts once.
    from chain.tx import encode_call

    voter = net.accounts[1]
    signed = net.make_tx(voter, ballot.address, 0, encode_call("vote", [0]))
    assert net.send(signed).status is True
    height = net.height
    with pytest.raises(obelisk.InvalidTransaction) as info:
        net.send(signed)
    assert info.value.code in ("tx-bad-nonce", "tx-duplicate")
    assert net.height == height  # nothing was mined for it
    assert votes(ballot) == [1, 0, 0]


# Whatever the voters do, no weight is created or lost: the votes counted plus
# the weight still held by voters who have not voted is always the number of
# voters given the right. Each action succeeds or fails as a plain model says.
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["vote", "delegate"]), st.integers(1, 6), st.integers(0, 6)),
                max_size=12))
def test_delegation_never_creates_or_loses_weight(artifact, actions):
    net = obelisk.Devnet()
    b = net.deploy(artifact("ballot"), sender=net.accounts[0])
    for name in NAMES:
        b.add_proposal(name)
    voters = net.accounts[1:7]
    for v in voters:
        b.give_right_to_vote(v.address)
    b.open()
    model = {i: {"weight": 1, "voted": False, "delegate": None, "vote": None} for i in range(1, 7)}
    model[0] = {"weight": 1, "voted": False, "delegate": None, "vote": None}  # the chair
    tally = [0, 0, 0]

    for action, who, arg in actions:
        me = model[who]
        if action == "vote":
            ok = not me["voted"] and me["weight"] > 0 and arg < len(NAMES)
            call = lambda: b.vote(arg, sender=net.accounts[who])
        else:
            to = arg
            ok = not me["voted"] and me["weight"] > 0 and to != who
            while ok and model[to]["delegate"] is not None:
                to = model[to]["delegate"]
                ok = to != who
            ok = ok and (model[to]["weight"] > 0 or model[to]["voted"])
            call = lambda: b.delegate(net.accounts[arg].address, sender=net.accounts[who])
        try:
            call()
        except obelisk.Reverted:
            assert not ok, (action, who, arg)
            continue
        assert ok, (action, who, arg)
        if action == "vote":
            me.update(voted=True, vote=arg)
            tally[arg] += me["weight"]
        else:
            weight = me["weight"]
            me.update(voted=True, delegate=to, weight=0)
            if model[to]["voted"]:
                tally[model[to]["vote"]] += weight
            else:
                model[to]["weight"] += weight
    assert votes(b) == tally
    # Read back from the contract, not the model: weight is conserved.
    states = [b.voter(a.address) for a in net.accounts[:7]]
    undecided = sum(weight for weight, voted, _, _ in states if not voted)
    assert sum(votes(b)) + undecided == 7


def test_a_delegation_chain_is_bounded(net, ballot):
    # Following a delegation chain costs gas per step, so its length is capped
    # (32 steps): nobody can make a delegation too expensive to ever succeed.
    import hashlib

    chair = net.accounts[0]
    people = [obelisk.PrivateKey(hashlib.sha256(b"voter %d" % i).digest()) for i in range(35)]
    for p in people:
        net.transfer(chair, p.address, 10**9)
        ballot.give_right_to_vote(p.address, sender=chair)
    # people[i] delegates to people[i + 1], from the start: each records the
    # next one (its delegate had not delegated yet), so the chain is 33 long.
    for i in range(33):
        ballot.delegate(people[i + 1].address, sender=people[i])
    # people[34] -> people[0] would follow 33 delegations: refused.
    with reverts("delegation chain too long"):
        ballot.delegate(people[0].address, sender=people[34])
    ballot.delegate(people[1].address, sender=people[34])  # 32 steps: allowed
    assert ballot.voter(people[33].address)[0] == 35
