"""The matching of guest parties with host families (exchanges/matching.py): pure Python, so no
database. Hypothesis draws parties and hosts; every plan must respect beds and rules and account
for every party, small cases must reach the optimum a brute force finds, and every party left
out must carry the reason its definition gives."""

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from exchanges.matching import RULES, Host, Party, Plan, Unmatched, broken_rules, match

# Pure Python: the same on SQLite and on PostgreSQL with Redis, so CI runs it once.
pytestmark = pytest.mark.database_agnostic

# Hypothesis keeps its caches under .pytest_cache, as in tests/test_properties.py, and no
# example database: a pure function needs no memory of earlier runs.
set_hypothesis_home_dir(Path(__file__).resolve().parent.parent / ".pytest_cache" / "hypothesis")
checked = settings(deadline=None, database=None, max_examples=100)
LANGUAGE_CODES = ["nl", "de", "en", "fr"]
languages = st.frozensets(st.sampled_from(LANGUAGE_CODES), max_size=2)
mostly_false = st.sampled_from([False, False, False, True])


@st.composite
def cases(draw, max_parties=15, max_hosts=10, with_fixed=True):
    """Parties, hosts and fixed placements (sometimes naming unknown parties or hosts)."""
    host_count = draw(st.integers(0, max_hosts))
    hosts = [
        Host(
            id=100 + number,
            beds=draw(st.integers(0, 6)),
            languages=draw(languages),
            pets=draw(mostly_false),
            smoking_household=draw(mostly_false),
            smokers_welcome=not draw(mostly_false),
            stairs=draw(mostly_false),
            every_night=not draw(mostly_false),
        )
        for number in range(host_count)
    ]
    host_ids = [host.id for host in hosts]
    parties = [
        Party(
            id=number + 1,
            people=draw(st.integers(1, 5)),
            languages=draw(languages),
            animal_allergy=draw(mostly_false),
            smoke_free=draw(mostly_false),
            smokes=draw(mostly_false),
            step_free=draw(mostly_false),
            returning_to=draw(st.frozensets(st.sampled_from(host_ids), max_size=2))
            if host_ids
            else frozenset(),
        )
        for number in range(draw(st.integers(0, max_parties)))
    ]
    fixed = {}
    if with_fixed and draw(st.booleans()):
        party_ids = [party.id for party in parties] + [999]
        fixed = draw(st.dictionaries(st.sampled_from(party_ids), st.sampled_from(host_ids + [998])))
    return parties, hosts, fixed


def kept_fixed(parties, hosts, fixed):
    """The fixed placements `match` must keep: known party and host, beds allowing, in the
    order parties are given."""
    beds = {host.id: host.beds for host in hosts}
    kept = {}
    for party in parties:
        host = fixed.get(party.id)
        if host in beds and party.people <= beds[host]:
            kept[party.id] = host
            beds[host] -= party.people
    return kept


def score(plan, parties, hosts):
    """The objective of a plan: parties, people, returning pairs, shared languages."""
    party_by_id = {party.id: party for party in parties}
    host_by_id = {host.id: host for host in hosts}
    pairs = [(party_by_id[p], host_by_id[h]) for p, h in plan.items()]
    return (
        len(pairs),
        sum(party.people for party, _host in pairs),
        sum(host.id in party.returning_to for party, host in pairs),
        sum(bool(party.languages & host.languages) for party, host in pairs),
    )


def brute_force(parties, hosts, fixed):
    """The best objective over every assignment that respects beds and rules."""
    kept = kept_fixed(parties, hosts, fixed)
    beds = {host.id: host.beds for host in hosts}
    for party in parties:
        if party.id in kept:
            beds[kept[party.id]] -= party.people
    free = [party for party in parties if party.id not in kept]
    best = score(kept, parties, hosts)

    def place(position, plan):
        nonlocal best
        if position == len(free):
            best = max(best, score(plan, parties, hosts))
            return
        party = free[position]
        place(position + 1, plan)
        for host in hosts:
            if beds[host.id] >= party.people and not broken_rules(party, host):
                beds[host.id] -= party.people
                place(position + 1, plan | {party.id: host.id})
                beds[host.id] += party.people

    place(0, dict(kept))
    return best


def check_plan(plan, parties, hosts, fixed):
    """Beds, rules (fixed placements kept aside), no party split or twice, each accounted for."""
    assert isinstance(plan, Plan)
    party_by_id = {party.id: party for party in parties}
    host_by_id = {host.id: host for host in hosts}
    kept = kept_fixed(parties, hosts, fixed)
    for party_id, host_id in kept.items():
        assert plan.placements[party_id] == host_id
    assert set(plan.dropped_fixed) == {p for p in fixed if p in party_by_id} - set(kept)
    unmatched = [item.party for item in plan.unmatched]
    assert len(unmatched) == len(set(unmatched))
    assert not set(unmatched) & set(plan.placements)
    assert sorted(unmatched + list(plan.placements)) == sorted(party_by_id)
    # In the order parties were given.
    order = [party.id for party in parties]
    assert unmatched == [p for p in order if p in set(unmatched)]
    assert list(plan.placements) == [p for p in order if p in plan.placements]
    for party_id, host_id in plan.placements.items():
        assert host_id in host_by_id
        if party_id not in kept:
            assert broken_rules(party_by_id[party_id], host_by_id[host_id]) == ()
    for host in hosts:
        guests = plan.guests_of(host.id)
        assert guests == [p for p, h in plan.placements.items() if h == host.id]
        assert plan.beds_used(host.id) == sum(party_by_id[p].people for p in guests)
        assert plan.beds_used(host.id) <= host.beds
    check_reasons(plan, parties, hosts)


def check_reasons(plan, parties, hosts):
    party_by_id = {party.id: party for party in parties}
    for item in plan.unmatched:
        assert isinstance(item, Unmatched)
        party = party_by_id[item.party]
        roomy = [host for host in hosts if host.beds >= party.people]
        suitable = [host for host in roomy if not broken_rules(party, host)]
        if not roomy:
            assert (item.reason, item.rules) == ("too_large", ())
        elif not suitable:
            assert item.reason == "rules"
            involved = {code for host in roomy for code in broken_rules(party, host)}
            assert item.rules == tuple(code for code in RULES if code in involved)
            assert len(set(item.rules)) == len(item.rules)
        else:
            assert (item.reason, item.rules) == ("full", ())
            # Full indeed: no suitable host has the beds left.
            for host in suitable:
                assert plan.beds_used(host.id) + party.people > host.beds


@checked
@given(cases(), st.sampled_from([1, 50, 200_000]))
def test_plans_respect_beds_and_rules_and_account_for_every_party(case, budget):
    parties, hosts, fixed = case
    check_plan(match(parties, hosts, fixed, budget=budget), parties, hosts, fixed)


@settings(checked, max_examples=200)
@given(cases(max_parties=6, max_hosts=4), st.sampled_from([1, 200_000]))
def test_small_cases_reach_the_optimum(case, budget):
    """Small cases are exact whatever the budget."""
    parties, hosts, fixed = case
    plan = match(parties, hosts, fixed, budget=budget)
    check_plan(plan, parties, hosts, fixed)
    assert plan.exact
    assert score(plan.placements, parties, hosts) == brute_force(parties, hosts, fixed)


@checked
@given(cases(max_parties=6, max_hosts=4, with_fixed=False))
def test_everyone_is_placed_when_everyone_can_be(case):
    parties, hosts, _fixed = case
    plan = match(parties, hosts)
    if brute_force(parties, hosts, {})[0] == len(parties):
        assert len(plan.placements) == len(parties)
        assert plan.unmatched == ()


@checked
@given(cases())
def test_same_input_same_plan(case):
    parties, hosts, fixed = case
    assert match(parties, hosts, fixed) == match(list(parties), list(hosts), dict(fixed))


def test_reasons():
    host = Host(1, beds=3, pets=True, stairs=True)
    other = Host(2, beds=4, every_night=False)
    plan = match(
        [
            Party(10, people=5),
            Party(11, people=2, animal_allergy=True, step_free=True),
            Party(12, people=4),
            Party(13, people=3),
            Party(14, people=1),
        ],
        [host, other],
    )
    assert plan.placements == {13: 1}
    assert plan.unmatched == (
        Unmatched(10, "too_large"),
        Unmatched(11, "rules", ("pets", "stairs", "nights")),
        Unmatched(12, "rules", ("nights",)),
        Unmatched(14, "full"),
    )


def test_a_host_who_did_not_welcome_smokers_gets_no_smoking_guest():
    # As a host offer's box (exchanges 0023): unticked, a host is not asked to take smokers.
    plan = match([Party(10, people=1, smokes=True)], [Host(1, beds=2)])
    assert plan.unmatched == (Unmatched(10, "rules", ("smokers",)),)
    welcoming = Host(2, beds=2, smokers_welcome=True)
    assert match([Party(10, people=1, smokes=True)], [welcoming]).placements == {10: 2}


def test_nothing_to_match():
    assert match([], []) == Plan({}, ())
    assert match([Party(1, people=1)], []).unmatched == (Unmatched(1, "too_large"),)


def test_returning_pairs_are_preferred():
    hosts = [Host(1, beds=4), Host(2, beds=4)]
    plan = match([Party(10, people=2, returning_to=frozenset({2}))], hosts)
    assert plan.placements == {10: 2}


def test_returning_never_costs_a_placement():
    # Party 11 fits only with host 2 (no stairs); party 10 would return there.
    hosts = [Host(1, beds=2, stairs=True), Host(2, beds=2)]
    parties = [
        Party(10, people=2, returning_to=frozenset({2})),
        Party(11, people=2, step_free=True),
    ]
    assert match(parties, hosts).placements == {10: 1, 11: 2}


def test_a_shared_language_is_preferred_after_returning():
    hosts = [
        Host(1, beds=2, languages=frozenset({"de"})),
        Host(2, beds=2, languages=frozenset({"nl"})),
        Host(3, beds=2, languages=frozenset({"nl"})),
    ]
    parties = [
        Party(10, people=2, languages=frozenset({"nl"})),
        Party(11, people=2, languages=frozenset({"nl"}), returning_to=frozenset({1})),
    ]
    assert match(parties, hosts).placements == {10: 2, 11: 1}


def test_a_shared_language_never_costs_people():
    # Host 1 speaks the party's language but has beds for only one of the two parties.
    hosts = [Host(1, beds=3, languages=frozenset({"fr"})), Host(2, beds=2)]
    parties = [Party(10, people=1, languages=frozenset({"fr"})), Party(11, people=3)]
    assert match(parties, hosts).placements == {10: 2, 11: 1}


def test_ties_go_to_the_party_given_first():
    hosts = [Host(1, beds=2)]
    assert match([Party(10, people=2), Party(11, people=2)], hosts).placements == {10: 1}
    assert match([Party(11, people=2), Party(10, people=2)], hosts).placements == {11: 1}


def test_fixed_placements():
    hosts = [Host(1, beds=3, pets=True), Host(2, beds=3)]
    parties = [
        Party(10, people=2, animal_allergy=True),
        Party(11, people=2),
        Party(12, people=1),
    ]
    # Kept though it breaks a rule: the coordinator decided.
    plan = match(parties, hosts, {10: 1, 99: 2})
    assert plan.placements[10] == 1
    assert plan.dropped_fixed == ()
    # Party 12 would overfill host 2 after party 11 (given first); host 7 does not exist.
    hosts[1] = Host(2, beds=2)
    plan = match(parties, hosts, {12: 2, 11: 2, 10: 7})
    assert plan.dropped_fixed == (10, 12)
    assert plan.placements == {11: 2, 12: 1}
    assert plan.unmatched == (Unmatched(10, "full"),)


def random_case(seed, party_count=60, host_count=40):
    generator = random.Random(seed)

    def chance(probability):
        return generator.random() < probability

    def spoken():
        return frozenset(generator.sample(LANGUAGE_CODES, generator.randint(1, 2)))

    hosts = [
        Host(
            id=1000 + number,
            beds=generator.randint(1, 6),
            languages=spoken(),
            pets=chance(0.3),
            smoking_household=chance(0.1),
            smokers_welcome=not chance(0.3),
            stairs=chance(0.4),
            every_night=not chance(0.05),
        )
        for number in range(host_count)
    ]
    parties = [
        Party(
            id=number + 1,
            people=generator.choice([1, 1, 2, 2, 2, 3, 4, 5]),
            languages=spoken(),
            animal_allergy=chance(0.15),
            smoke_free=chance(0.3),
            smokes=chance(0.1),
            step_free=chance(0.1),
            returning_to=frozenset(
                generator.sample([host.id for host in hosts], generator.choice([0, 0, 1]))
            ),
        )
        for number in range(party_count)
    ]
    fixed = {parties[0].id: hosts[0].id, parties[1].id: hosts[1].id}
    return parties, hosts, fixed


def test_a_realistic_visit():
    for seed in (1, 2):
        parties, hosts, fixed = random_case(seed)
        check_plan(match(parties, hosts, fixed), parties, hosts, fixed)


def test_a_crowd_too_large_to_search():
    """Beyond the search's depth the parties are placed greedily, soundly."""
    parties, hosts, fixed = random_case(5, party_count=450, host_count=300)
    plan = match(parties, hosts, fixed)
    check_plan(plan, parties, hosts, fixed)
    assert not plan.exact


def test_a_tight_visit_within_a_small_budget():
    """More people than beds: the budget runs out, the plan stays sound."""
    parties, hosts, fixed = random_case(4, party_count=60, host_count=20)
    plan = match(parties, hosts, fixed, budget=500)
    check_plan(plan, parties, hosts, fixed)
    assert not plan.exact
