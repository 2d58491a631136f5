"""Warrant planning on an analysed case: the crew's call graph, warrant groups, victims excluded.

Nodes are crew numbers (deal lines, controllers, runners in `number_roles`), joined when they
called or texted each other. A warrant takes every number of one person (rank-1 attribution)
and every person sharing a home address with them, at cost 1. Potential victims (safeguarding
queue or `person_roles.potential_victim`, and runner numbers attributed to no one, whose age is
unknown) are never removed unless an audited override is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb

from linewatch.errors import InputError
from linewatch.harm.people import has_table, person_map_sql
from linewatch.plan.graph import Graph, from_edges
from linewatch.plan.objective import component_labels, removed_mask, score
from linewatch.plan.planner import Plan
from linewatch.plan.problem import Problem, Target
from linewatch.store.sql import number_key_sql, number_text_sql

CREW_ROLES = ("deal_line", "controller", "runner")


@dataclass(frozen=True)
class CrewNumber:
    """One crew number: its role, line and best-attributed person (None when unattributed)."""

    number: str
    role: str
    line_id: str | None
    person_id: str | None


@dataclass(frozen=True)
class Warrant:
    """One warrant target: its people, shared addresses and numbers (node indices)."""

    people: tuple[str, ...]
    addresses: tuple[str, ...]
    members: tuple[int, ...]
    harm: float


@dataclass(frozen=True)
class Case:
    """The planning problem drawn from a case store."""

    graph: Graph
    numbers: tuple[CrewNumber, ...]
    warrants: tuple[Warrant, ...]
    problem: Problem
    victims: tuple[str, ...]


def crew_numbers(con: duckdb.DuckDBPyConnection) -> list[CrewNumber]:
    """Crew numbers with their rank-1 attributed person, in number order."""
    if not has_table(con, "number_roles"):
        raise InputError("no analysis in this store: run `linewatch analyse` first")
    person = "NULL"
    join = ""
    if has_table(con, "phone_attribution"):
        person = "a.person_id"
        join = "LEFT JOIN phone_attribution a ON a.number = n.number AND a.rank = 1"
    rows = con.execute(
        f"""SELECT n.number, n.role, n.line_id, {person} FROM number_roles n {join}
        WHERE n.role IN ?  ORDER BY n.number""",
        [list(CREW_ROLES)],
    ).fetchall()
    return [CrewNumber(*row) for row in rows]


def crew_edges(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Distinct unordered pairs of crew numbers that called or texted each other."""
    rows = con.execute(
        f"""WITH crew AS (
          SELECT {number_key_sql("number")} AS num FROM number_roles WHERE role IN ?)
        SELECT {number_text_sql("a")}, {number_text_sql("b")} FROM (
          SELECT DISTINCT least(e.caller, e.callee) AS a, greatest(e.caller, e.callee) AS b
          FROM comm_event_rows e JOIN crew x ON e.caller = x.num JOIN crew y ON e.callee = y.num
          WHERE e.caller <> e.callee)
        ORDER BY 1, 2""",
        [list(CREW_ROLES)],
    ).fetchall()
    return [(str(a), str(b)) for a, b in rows]


def victims(con: duckdb.DuckDBPyConnection, people: Iterable[str]) -> set[str]:
    """Those of these people who are potential victims (safeguarding queue or flagged role)."""
    wanted = sorted(set(people))
    parts = []
    if has_table(con, "safeguarding_cases"):
        parts.append("SELECT person_id FROM safeguarding_cases")
    if has_table(con, "person_roles"):
        parts.append("SELECT person_id FROM person_roles WHERE potential_victim")
    if not parts or not wanted:
        return set()
    rows = con.execute(
        f"SELECT DISTINCT person_id FROM ({' UNION '.join(parts)}) WHERE person_id IN ?", [wanted]
    ).fetchall()
    return {r[0] for r in rows}


def addresses(con: duckdb.DuckDBPyConnection, people: Iterable[str]) -> dict[str, set[str]]:
    """Normalised home addresses (address, postcode) of each person, from their records."""
    wanted = sorted(set(people))
    if not wanted:
        return {}
    rows = con.execute(
        f"""WITH m AS ({person_map_sql(con)})
        SELECT DISTINCT m.person_id,
            upper(trim(r.address)) || coalesce(' ' || upper(trim(r.postcode)), '')
        FROM person_records r JOIN m USING (record_id)
        WHERE m.person_id IN ? AND nullif(trim(r.address), '') IS NOT NULL""",
        [wanted],
    ).fetchall()
    found: dict[str, set[str]] = {}
    for person, address in rows:
        found.setdefault(person, set()).add(address)
    return found


def harm(con: duckdb.DuckDBPyConnection, people: Iterable[str]) -> dict[str, float]:
    """Each person's highest current harm score (any scheme)."""
    wanted = sorted(set(people))
    if not wanted or not has_table(con, "harm_scores_current"):
        return {}
    rows = con.execute(
        """SELECT person_id, max(score) FROM harm_scores_current
        WHERE person_id IN ? GROUP BY person_id""",
        [wanted],
    ).fetchall()
    return {p: float(s) for p, s in rows}


class _Union:
    """Union-find over string keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_warrants(
    numbers: Sequence[CrewNumber],
    homes: dict[str, set[str]],
    blocked: set[str],
    scores: dict[str, float],
) -> tuple[Warrant, ...]:
    """Warrant groups: numbers of one person, and people sharing an address (victims alone)."""
    union = _Union()
    for i, crew in enumerate(numbers):
        union.find(f"n:{i}")
        if crew.person_id is not None:
            union.join(f"n:{i}", f"p:{crew.person_id}")
            if crew.person_id not in blocked:
                for home in homes.get(crew.person_id, ()):
                    union.join(f"p:{crew.person_id}", f"a:{home}")
    groups: dict[str, list[int]] = {}
    for i in range(len(numbers)):
        groups.setdefault(union.find(f"n:{i}"), []).append(i)
    out = []
    for members in sorted(groups.values()):
        people = sorted({p for i in members if (p := numbers[i].person_id) is not None})
        shared = sorted(
            set.intersection(*(homes.get(p, set()) for p in people))
            if len(people) > 1
            else {a for p in people for a in homes.get(p, set())}
        )
        out.append(
            Warrant(
                tuple(people),
                tuple(shared),
                tuple(members),
                sum(scores.get(p, 0.0) for p in people),
            )
        )
    return tuple(out)


def _weights(numbers: Sequence[CrewNumber], scores: dict[str, float]) -> tuple[float, ...] | None:
    """Integer harm weight per number (at least 1), or None when no crew member is scored."""
    if not any(c.person_id in scores for c in numbers):
        return None
    return tuple(float(max(1, round(scores.get(c.person_id or "", 0.0)))) for c in numbers)


def resolve_ids(ids: Iterable[str], numbers: Sequence[CrewNumber], what: str) -> frozenset[int]:
    """Node indices for ids given as numbers or person ids; unknown ids are an input error."""
    found: set[int] = set()
    for name in ids:
        hits = {i for i, c in enumerate(numbers) if name in (c.number, c.person_id)}
        if not hits:
            raise InputError(f"{what}: {name!r} is no crew number or person", field=what)
        found |= hits
    return frozenset(found)


def load_case(
    con: duckdb.DuckDBPyConnection,
    warrants: int,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    override_victims: bool = False,
) -> Case:
    """Build the warrant planning problem from the store (victims excluded unless overridden)."""
    numbers = crew_numbers(con)
    index = {c.number: i for i, c in enumerate(numbers)}
    edges = [(index[a], index[b]) for a, b in crew_edges(con)]
    graph = from_edges([c.number for c in numbers], edges)
    people = {c.person_id for c in numbers if c.person_id is not None}
    blocked = victims(con, people)
    scores = harm(con, people)
    homes = addresses(con, people)
    groups = group_warrants(numbers, homes, set() if override_victims else blocked, scores)
    never = resolve_ids(exclude, numbers, "exclude")
    # A runner number nobody is attributed to belongs to someone of unknown age: like the analysis
    # stage's runner of unknown age, a potential victim until shown otherwise.
    unknown_runners = {c.number for c in numbers if c.person_id is None and c.role == "runner"}
    if not override_victims:
        never |= {
            i
            for i, c in enumerate(numbers)
            if c.person_id in blocked or c.number in unknown_runners
        }
    problem = Problem(
        float(warrants),
        "pairwise",
        exclude=never,
        include=resolve_ids(include, numbers, "include"),
        targets=tuple(Target(w.members, 1.0) for w in groups),
        weights=_weights(numbers, scores),
    )
    return Case(graph, tuple(numbers), groups, problem, tuple(sorted(blocked | unknown_runners)))


def chosen_warrants(case: Case, removed: Iterable[int]) -> list[int]:
    """Indices of the warrants a plan executes (all of whose numbers it removes)."""
    gone = set(removed)
    return [t for t, w in enumerate(case.warrants) if w.members and gone.issuperset(w.members)]


def cut_by(case: Case, found: Plan, t: int) -> float:
    """How much the objective rises if warrant t alone were not executed (what it cuts)."""
    w = case.problem.weight_array(case.graph.n)
    spared = set(found.removed) - set(case.warrants[t].members)
    return score(case.graph, spared, w).value(found.objective) - found.value


def line_warnings(case: Case, removed: Sequence[int]) -> list[str]:
    """Lines whose controller number still reaches their deal line after the plan."""
    label = component_labels(case.graph, removed_mask(case.graph.n, removed))
    notes = []
    for line in sorted({c.line_id for c in case.numbers if c.line_id is not None}):
        role = {
            r: [i for i, c in enumerate(case.numbers) if c.line_id == line and c.role == r]
            for r in ("controller", "deal_line")
        }
        linked = sorted(
            {
                case.numbers[c].number
                for c in role["controller"]
                for d in role["deal_line"]
                if label[c] >= 0 and label[c] == label[d]
            }
        )
        if linked:
            notes.append(
                f"line {line}: controller {', '.join(linked)} still connected to its deal line"
            )
    return notes


def to_json(case: Case, found: Plan) -> dict[str, object]:
    """Plain data for `plan --json`: the plan, each warrant, and warnings."""
    w = case.problem.weight_array(case.graph.n)
    return {
        "warrants": int(case.problem.budget),
        "objective": found.objective,
        "weighted": case.problem.weights is not None,
        "before": score(case.graph, (), w).value(found.objective),
        "after": found.value,
        "bound": found.bound,
        "optimal": found.optimal,
        "method": found.method,
        "seconds": round(found.seconds, 3),
        "plan": [warrant_json(case, found, t) for t in chosen_warrants(case, found.removed)],
        "excluded_victims": list(case.victims),
        "warnings": [*found.warnings, *line_warnings(case, found.removed)],
    }


def warrant_json(case: Case, found: Plan, t: int) -> dict[str, object]:
    """One executed warrant as plain data."""
    warrant = case.warrants[t]
    crew = [case.numbers[i] for i in warrant.members]
    return {
        "people": list(warrant.people),
        "addresses": list(warrant.addresses),
        "numbers": [c.number for c in crew],
        "lines": sorted({c.line_id for c in crew if c.line_id is not None}),
        "roles": sorted({c.role for c in crew}),
        "harm": round(warrant.harm, 1),
        "cuts": cut_by(case, found, t),
    }
