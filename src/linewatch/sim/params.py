"""Scenario parameters: every knob of the simulator in frozen dataclasses, each field documented.

Evaluation builds harder held-out scenarios by replacing fields (`dataclasses.replace`); the docs
table in docs/simulation.md is checked against these fields by a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _f(default: Any, doc: str) -> Any:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Collection:
    """Which numbers were "obtained" (communications data requested): only they have records."""

    deal_line: float = _f(
        0.85, "Chance each deal-line number (every number of every line) was obtained."
    )
    controller: float = _f(0.6, "Chance a controller's phone was obtained.")
    holder: float = _f(0.4, "Chance a line holder's personal (clean) phone was obtained.")
    runner: float = _f(0.5, "Chance a runner's phone was obtained.")
    customer: float = _f(0.03, "Chance a customer's phone was obtained.")
    cuckooed: float = _f(0.3, "Chance a cuckooed resident's phone was obtained.")
    ordinary: int = _f(120, "Ordinary background subscribers obtained (innocent contacts, decoys).")
    heavy_social: int = _f(10, "Heavy-but-legitimate social users obtained (hard negatives).")
    commuter: int = _f(10, "London-Kent daily commuters obtained (hard negatives for travel).")
    taxi: int = _f(2, "Taxi firms obtained (many distinct inbound callers: hard negatives).")
    takeaway: int = _f(3, "Takeaways obtained (many distinct inbound callers: hard negatives).")
    bulk_sms: int = _f(
        1, "Legitimate bulk SMS senders obtained (bursts: hard negatives for flares)."
    )


@dataclass(frozen=True)
class Noise:
    """How imperfect the non-phone sources are."""

    person_variation: float = _f(
        0.5, "Chance each field of a person description deviates (typo, nickname, dob, address)."
    )
    field_missing: float = _f(0.15, "Chance an optional field of a person description is empty.")
    intel_per_line: int = _f(8, "Intelligence items per line (true and wrong together).")
    intel_wrong: float = _f(
        0.2, "Share of intelligence items that are wrong (graded E or source 3)."
    )
    tips_per_line: int = _f(3, "Anonymous tips per line (true and false together).")
    tips_false: float = _f(0.4, "Share of tips about innocent places or people.")
    burner_registered: float = _f(
        0.25, "Share of deal-line/burner numbers with a subscriber record (the rest are anonymous)."
    )
    false_name: float = _f(0.6, "Share of registered burner numbers registered to a false name.")


@dataclass(frozen=True)
class ScenarioParams:
    """A whole scenario: cast sizes, behaviour rates, background, collection and source noise."""

    start: str = _f("2024-02-05", "First day of the records (local date, Europe/London).")
    days: int = _f(120, "Length of the period with records, in days.")
    hubs: tuple[str, ...] = _f(("Lambeth", "Croydon"), "Hub areas the lines run from.")
    markets: tuple[str, ...] = _f(("Medway",), "Market areas the lines supply.")
    lines: int = _f(4, "Number of county lines (deal-line brands).")
    customers_per_line: int = _f(300, "Customers each line has at the start (more are recruited).")
    shared_customers: float = _f(0.12, "Share of customers who also buy from a second line.")
    orders_per_customer_day: float = _f(0.6, "Mean orders per customer per day (heavy-tailed).")
    runners_per_line: int = _f(4, "Runners exploited by each line over the period.")
    runner_minor: float = _f(0.8, "Share of runners aged under 18.")
    number_swap_days: float = _f(30.0, "Mean days between a line's number swaps.")
    handset_swap_days: float = _f(45.0, "Mean days between a line's handset swaps.")
    keep_handset_on_swap: float = _f(0.35, "Chance a new deal number goes into the old handset.")
    block_share: float = _f(
        0.4, "Share of number swaps forced by a block (new number within an hour)."
    )
    migrate: float = _f(0.85, "Share of customers who follow a line to its new number.")
    flare_every_days: float = _f(3.5, "Mean days between marketing flares of a line.")
    graft_in_market: float = _f(0.3, "Share of runner trips on which the deal phone goes along.")
    trap_house_days: float = _f(21.0, "Mean days a line uses one cuckooed address.")
    background_people: int = _f(20000, "Ordinary people whose numbers can appear as contacts.")
    sites_per_place: int = _f(6, "Cell sites (3 sectors each) around a place of weight 1.")
    operations: float = _f(0.25, "Share of lines hit by a police operation during the period.")
    drama_numbers: bool = _f(
        True, "Give deal lines Ofcom drama numbers (07700 900xxx) while they last."
    )
    collection: Collection = field(
        default_factory=Collection, metadata={"doc": "Which numbers have records (Collection)."}
    )
    noise: Noise = field(default_factory=Noise, metadata={"doc": "Source noise (Noise)."})


def documented_fields() -> list[tuple[str, str, str]]:
    """(dotted name, default, doc) for every parameter: feeds docs/simulation.md and its test."""
    rows: list[tuple[str, str, str]] = []
    for cls, prefix in ((ScenarioParams, ""), (Collection, "collection."), (Noise, "noise.")):
        for f in fields(cls):
            if f.name in ("collection", "noise"):
                continue
            rows.append((prefix + f.name, repr(f.default), f.metadata["doc"]))
    return rows
