"""The document-level field score: how closely a read record matches a hand-written one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from linewatch.ops.releases.record import Arrest, ReleaseRecord

EXACT_FIELDS = ("arrests_total", "warrants", "cash_gbp", "vulnerable_people")
F1_FIELDS = ("weapons", "drug_classes", "arrests", "offences")
FIELDS = EXACT_FIELDS + F1_FIELDS


@dataclass(frozen=True)
class DocumentScore:
    """Per-field scores in [0, 1] and their mean (every field weighs the same)."""

    fields: dict[str, float]

    @property
    def score(self) -> float:
        """The mean of the field scores."""
        return sum(self.fields.values()) / len(self.fields)


def f1(expected: Iterable[Hashable], actual: Iterable[Hashable]) -> float:
    """F1 of two multisets; 1.0 when both are empty (nothing to find, nothing invented).

    >>> f1(["knife"], ["knife", "machete"])
    0.6666666666666666
    """
    want, got = Counter(expected), Counter(actual)
    if not want and not got:
        return 1.0
    hits = sum((want & got).values())
    return 2 * hits / (sum(want.values()) + sum(got.values()))


def _key(arrest: Arrest) -> tuple[int | None, str | None]:
    """Arrests are matched on age and sex."""
    return arrest.age, arrest.sex


def _pairs(expected: tuple[Arrest, ...], actual: tuple[Arrest, ...]) -> list[tuple[int, int]]:
    """Matched (expected, actual) indexes: the n-th of an (age, sex) with the other's n-th."""
    taken: dict[tuple[int | None, str | None], list[int]] = {}
    for index, arrest in enumerate(actual):
        taken.setdefault(_key(arrest), []).append(index)
    pairs = []
    for index, arrest in enumerate(expected):
        pool = taken.get(_key(arrest), [])
        if pool:
            pairs.append((index, pool.pop(0)))
    return pairs


def _offences(arrest: Arrest, slot: int | str) -> list[tuple[int | str, str, str | None]]:
    """An arrest's offences, tagged with the matched pair they belong to."""
    return [(slot, o.code, o.drug_class) for o in arrest.offences]


def offences_f1(expected: tuple[Arrest, ...], actual: tuple[Arrest, ...]) -> float:
    """F1 of (code, class) per matched arrest; offences of unmatched arrests all count as errors."""
    pairs = _pairs(expected, actual)
    want_slot = {e: n for n, (e, _) in enumerate(pairs)}
    got_slot = {a: n for n, (_, a) in enumerate(pairs)}
    want = [o for i, a in enumerate(expected) for o in _offences(a, want_slot.get(i, f"e{i}"))]
    got = [o for i, a in enumerate(actual) for o in _offences(a, got_slot.get(i, f"a{i}"))]
    return f1(want, got)


def score_document(expected: ReleaseRecord, actual: ReleaseRecord) -> DocumentScore:
    """Exact match on totals, warrants, cash and vulnerable people; F1 on the rest."""
    exact = {
        "arrests_total": (expected.arrests_total, actual.arrests_total),
        "warrants": (expected.warrants, actual.warrants),
        "cash_gbp": (expected.seizures.cash_gbp, actual.seizures.cash_gbp),
        "vulnerable_people": (expected.vulnerable_people, actual.vulnerable_people),
    }
    fields = {name: float(want == got) for name, (want, got) in exact.items()}
    fields["weapons"] = f1(set(expected.seizures.weapons), set(actual.seizures.weapons))
    fields["drug_classes"] = f1(
        set(expected.seizures.drug_classes), set(actual.seizures.drug_classes)
    )
    fields["arrests"] = f1(map(_key, expected.arrests), map(_key, actual.arrests))
    fields["offences"] = offences_f1(expected.arrests, actual.arrests)
    return DocumentScore(fields)
