"""Placing the guest parties of one town with the host families of the other for an exchange visit.

Pure Python, with nothing of Django nor of ours: exchanges/visits.py reads parties, hosts and
the coordinators' own placements from the database, calls `match` and saves the plan.

A party travels together and stays together, with one host. A host never takes more people than
it has beds, nor a party it breaks a hard rule for (`RULES`). Among the plans that respect both,
`match` finds the one placing the most parties; then the most people; then the most parties
with a host they return to (`Party.returning_to`); then the most parties sharing a language with
their host; then, between plans still equal, the one placing the parties given first. It
searches by branch and bound and is exact unless the search needs more than `budget` nodes;
then it gives the best plan found so far, never worse than a greedy one (`Plan.exact` says
which). Small cases (at most 7 parties and 5 hosts) are always solved exactly."""

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add

__all__ = ["RULES", "Host", "Party", "Plan", "Unmatched", "broken_rules", "match"]

# The hard rules other than beds, by code, in the order reasons list them.
RULES = ("pets", "smoking_household", "smokers", "stairs", "nights")
SMALL_PARTIES = 7
SMALL_HOSTS = 5
# The search recurses once per party: a larger group of competing parties is placed greedily.
MAX_SEARCH_PARTIES = 400


@dataclass(frozen=True)
class Party:
    """A guest party: travels together, stays together (with one host)."""

    id: int
    people: int
    languages: frozenset = frozenset()
    animal_allergy: bool = False
    smoke_free: bool = False
    smokes: bool = False
    step_free: bool = False
    returning_to: frozenset = frozenset()  # ids of hosts it stayed with before, or wishes


@dataclass(frozen=True)
class Host:
    id: int
    beds: int
    languages: frozenset = frozenset()
    pets: bool = False
    smoking_household: bool = False
    smokers_welcome: bool = False  # as HostOffer.smokers_welcome: only a host who ticked it
    stairs: bool = False
    every_night: bool = True  # a host who cannot host every night of the visit takes nobody


def broken_rules(party, host):
    """The codes of `RULES` that placing `party` with `host` breaks, in that order (beds aside)."""
    broken = {
        "pets": party.animal_allergy and host.pets,
        "smoking_household": party.smoke_free and host.smoking_household,
        "smokers": party.smokes and not host.smokers_welcome,
        "stairs": party.step_free and host.stairs,
        "nights": not host.every_night,
    }
    return tuple(code for code in RULES if broken[code])


@dataclass(frozen=True)
class Unmatched:
    """A party left without a host, and why:
    - "too_large": no host at all has as many beds as the party has people;
    - "rules": hosts with enough beds exist, but each breaks a rule; `rules` gives the codes
      that exclude them (in `RULES` order);
    - "full": a suitable host exists, but its beds went to others."""

    party: int
    reason: str
    rules: tuple = ()


@dataclass(frozen=True)
class Plan:
    placements: dict  # party id -> host id, in the order parties were given
    unmatched: tuple  # Unmatched, in the order parties were given
    people: dict = field(default_factory=dict, repr=False)  # placed party id -> people
    dropped_fixed: tuple = ()  # ids of parties whose fixed placement could not be kept
    exact: bool = True  # False if the budget ran out before the search proved the plan best

    def guests_of(self, host_id):
        """Ids of the parties placed with a host, in the order parties were given."""
        return [party for party, host in self.placements.items() if host == host_id]

    def beds_used(self, host_id):
        return sum(self.people[party] for party in self.guests_of(host_id))


class _OutOfBudget(Exception):
    pass


def _unmatched(party, hosts):
    """Why `party` has no host, by the definitions of `Unmatched`."""
    roomy = [host for host in hosts if host.beds >= party.people]
    if not roomy:
        return Unmatched(party.id, "too_large")
    broken = [broken_rules(party, host) for host in roomy]
    if all(broken):
        codes = {code for codes in broken for code in codes}
        return Unmatched(party.id, "rules", tuple(code for code in RULES if code in codes))
    return Unmatched(party.id, "full")


def _components(options):
    """The parties (indexes) that compete for the same hosts, group by group, smallest index
    first, each sorted."""
    parent = {}

    def root(node):
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for party, choices in options.items():
        for host, _returning, _language in choices:
            parent[root(("host", host))] = root(("party", party))
    groups = {}
    for party in sorted(options):
        groups.setdefault(root(("party", party)), []).append(party)
    return list(groups.values())


class _Search:
    """Branch and bound over the free parties of one component at a time.

    A score is the tuple (parties, people, returning, language, input order bits), compared
    lexicographically; every partial assignment is itself a plan (the rest unplaced), so the
    best is kept at every node."""

    def __init__(self, people, options, beds, limit):
        self.people = people  # by party index
        self.options = options  # party index -> [(host index, returning, shared language)]
        self.beds = beds  # free beds by host index, consumed as parties are placed
        self.limit = limit  # None: no limit
        self.nodes = 0
        self.exact = True
        count = len(people)
        self.bits = [1 << (count - 1 - index) for index in range(count)]

    def gain(self, party, returning, language):
        return (1, self.people[party], int(returning), int(language), self.bits[party])

    def preference(self, beds):
        # Returning first, then a shared language, then the tightest fit, then input order.
        return lambda option: (-option[1], -option[2], beds[option[0]], option[0])

    def greedy(self, order):
        beds = dict(self.beds)
        assignment, score = {}, (0, 0, 0, 0, 0)
        for party in order:
            size = self.people[party]
            choices = [option for option in self.options[party] if beds[option[0]] >= size]
            if choices:
                host, returning, language = min(choices, key=self.preference(beds))
                beds[host] -= size
                assignment[party] = host
                score = _add(score, self.gain(party, returning, language))
        return score, assignment

    def solve(self, component):
        """The best assignment (party index -> host index) of the component's parties."""
        people, options = self.people, self.options
        order = sorted(component, key=lambda party: (len(options[party]), -people[party], party))
        best = max(
            self.greedy(order),
            self.greedy(sorted(component, key=lambda party: (-people[party], party))),
            key=lambda found: found[0],
        )
        if len(order) > MAX_SEARCH_PARTIES:
            self.exact = False
            return self.keep(best[1])
        hosts = sorted({host for party in component for host, _r, _l in options[party]})
        beds = {host: self.beds[host] for host in hosts}
        # Hosts that every party sees alike are interchangeable when their free beds are equal.
        seen_by = {host: [] for host in hosts}
        for party in component:
            for host, returning, language in options[party]:
                seen_by[host].append((party, returning, language))
        kinds = {}
        kind = {host: kinds.setdefault(tuple(seen_by[host]), len(kinds)) for host in hosts}
        # What the parties from each position on could add at most, beds aside, and the
        # running sums of their sizes, smallest first (at most how many fit in the free beds).
        suffix = [(0, 0, 0, 0, 0)]
        for party in reversed(order):
            returning = any(option[1] for option in options[party])
            language = any(option[2] for option in options[party])
            suffix.append(_add(suffix[-1], self.gain(party, returning, language)))
        suffix.reverse()
        sizes = [
            list(accumulate(sorted(people[party] for party in order[position:]), initial=0))
            for position in range(len(order) + 1)
        ]
        state = {"best": best, "free": sum(beds.values())}
        assignment = {}

        def visit(position, score):
            self.nodes += 1
            if self.limit is not None and self.nodes > self.limit:
                raise _OutOfBudget
            if score > state["best"][0]:
                state["best"] = (score, dict(assignment))
            if position == len(order):
                return
            rest, free = suffix[position], state["free"]
            bound = (
                score[0] + min(rest[0], bisect_right(sizes[position], free) - 1),
                score[1] + min(rest[1], free),
                score[2] + rest[2],
                score[3] + rest[3],
                score[4] + rest[4],
            )
            if bound <= state["best"][0]:
                return
            party = order[position]
            size = people[party]
            choices = [option for option in options[party] if beds[option[0]] >= size]
            tried = set()
            for host, returning, language in sorted(choices, key=self.preference(beds)):
                if (kind[host], beds[host]) in tried:
                    continue
                tried.add((kind[host], beds[host]))
                beds[host] -= size
                state["free"] -= size
                assignment[party] = host
                visit(position + 1, _add(score, self.gain(party, returning, language)))
                del assignment[party]
                beds[host] += size
                state["free"] += size
            visit(position + 1, score)

        try:
            visit(0, (0, 0, 0, 0, 0))
        except _OutOfBudget:
            self.exact = False
        return self.keep(state["best"][1])

    def keep(self, assignment):
        for party, host in assignment.items():
            self.beds[host] -= self.people[party]
        return assignment


def _add(score, gain):
    return tuple(map(add, score, gain))


def match(parties, hosts, fixed=None, *, budget=200_000):
    """The plan placing `parties` with `hosts` (see the module's docstring).

    `fixed` maps party ids to host ids the coordinators chose: each is kept, rules or not,
    when both exist and the host's beds allow (in the order parties are given); otherwise it
    is dropped (`Plan.dropped_fixed`) and the party is matched like the others."""
    parties, hosts = list(parties), list(hosts)
    for things, name in ((parties, "party"), (hosts, "host")):
        if len({thing.id for thing in things}) != len(things):
            raise ValueError(f"Two of the {name} ids are the same.")
    fixed = fixed or {}
    host_index = {host.id: index for index, host in enumerate(hosts)}
    beds = {index: host.beds for index, host in enumerate(hosts)}
    placed, dropped = {}, []
    for index, party in enumerate(parties):
        if party.id in fixed:
            host = host_index.get(fixed[party.id])
            if host is not None and party.people <= beds[host]:
                placed[index] = host
                beds[host] -= party.people
            else:
                dropped.append(party.id)
    options = {
        index: [
            (
                host_at,
                host.id in party.returning_to,
                bool(party.languages & host.languages),
            )
            for host_at, host in enumerate(hosts)
            if party.people <= beds[host_at] and not broken_rules(party, host)
        ]
        for index, party in enumerate(parties)
        if index not in placed
    }
    options = {index: choices for index, choices in options.items() if choices}
    small = len(parties) <= SMALL_PARTIES and len(hosts) <= SMALL_HOSTS
    search = _Search([party.people for party in parties], options, beds, None if small else budget)
    for component in _components(options):
        placed |= search.solve(component)
    # A party still left out while a suitable host has room would only make the plan better.
    for index, choices in options.items():
        if index not in placed:
            for host, _returning, _language in choices:
                if beds[host] >= parties[index].people:
                    placed[index] = host
                    beds[host] -= parties[index].people
                    break
    return Plan(
        placements={
            party.id: hosts[placed[i]].id for i, party in enumerate(parties) if i in placed
        },
        unmatched=tuple(
            _unmatched(party, hosts) for i, party in enumerate(parties) if i not in placed
        ),
        people={party.id: party.people for i, party in enumerate(parties) if i in placed},
        dropped_fixed=tuple(dropped),
        exact=search.exact,
    )
