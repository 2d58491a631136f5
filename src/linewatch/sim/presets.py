"""Scale presets (tiny, small, medium, large) and scaling to a target record count."""

from __future__ import annotations

from dataclasses import replace

from linewatch.errors import InputError
from linewatch.sim.edges import HEAVY_ACTIVITY, MEAN_ACTIVITY
from linewatch.sim.params import Collection, Noise, ScenarioParams

_ALL_HUBS = ("Lambeth", "Croydon", "Southwark", "Hackney")
_ALL_MARKETS = ("Medway", "Thanet", "Maidstone", "Southend", "Norwich", "Brighton", "Ipswich")

PRESETS: dict[str, ScenarioParams] = {
    # Tests: two lines over two weeks, everything of interest obtained so properties are certain.
    "tiny": ScenarioParams(
        days=14,
        lines=2,
        customers_per_line=60,
        runners_per_line=3,
        number_swap_days=5.0,
        handset_swap_days=7.0,
        flare_every_days=2.0,
        trap_house_days=7.0,
        background_people=3000,
        sites_per_place=3,
        operations=0.5,
        collection=Collection(
            deal_line=1.0,
            controller=1.0,
            holder=1.0,
            runner=1.0,
            customer=0.1,
            cuckooed=1.0,
            ordinary=10,
            heavy_social=2,
            commuter=3,
            taxi=1,
            takeaway=1,
            bulk_sms=1,
        ),
        noise=Noise(intel_per_line=6, tips_per_line=3),
    ),
    # The demo: Lambeth and Croydon into Chatham and the Medway towns over four months.
    "small": ScenarioParams(),
    # Regional: four London hubs into seven county markets.
    "medium": ScenarioParams(
        hubs=_ALL_HUBS,
        markets=_ALL_MARKETS,
        lines=80,
        background_people=300_000,
        sites_per_place=10,
        drama_numbers=False,
        collection=Collection(
            ordinary=1400, heavy_social=180, commuter=240, taxi=32, takeaway=48, bulk_sms=16
        ),
    ),
    # National scale: about as many lines as are active in a month [S20].
    "large": ScenarioParams(
        hubs=_ALL_HUBS,
        markets=_ALL_MARKETS,
        lines=800,
        background_people=2_000_000,
        sites_per_place=30,
        drama_numbers=False,
        collection=Collection(
            ordinary=14000, heavy_social=1800, commuter=2400, taxi=320, takeaway=480, bulk_sms=160
        ),
    ),
}


def params_for(scale: str) -> ScenarioParams:
    """The parameters of a preset name, or of a target record count (an integer)."""
    if scale in PRESETS:
        return PRESETS[scale]
    try:
        target = int(scale.replace("_", ""))
    except ValueError:
        raise InputError(
            f"unknown scale {scale!r}: use tiny, small, medium, large or a record count",
            field="--scale",
        ) from None
    if target < 1000:
        raise InputError("a record count scale must be at least 1000", field="--scale")
    base = "tiny" if target <= 100_000 else "small" if target <= 2_000_000 else "medium"
    return scaled(PRESETS[base], target)


def scaled(base: ScenarioParams, target: int) -> ScenarioParams:
    """`base` scaled to about `target` records: fewer days first, then lines and obtained counts."""
    f = target / expected_records(base)
    if f < 1:
        base = replace(base, days=max(7, round(base.days * f)))
        f = target / expected_records(base)
    c = base.collection

    def k(v: int) -> int:
        return max(round(v * f), 1 if v else 0)

    return replace(
        base,
        lines=k(base.lines),
        background_people=max(k(base.background_people), 2000),
        collection=replace(
            c,
            ordinary=k(c.ordinary),
            heavy_social=k(c.heavy_social),
            commuter=k(c.commuter),
            taxi=k(c.taxi),
            takeaway=k(c.takeaway),
            bulk_sms=k(c.bulk_sms),
        ),
    )


def expected_records(p: ScenarioParams) -> float:
    """Approximate record rows a scenario produces (used to scale to a target count)."""
    c = p.collection
    orders = p.lines * p.customers_per_line * p.orders_per_customer_day * 1.05
    flares = p.lines * p.customers_per_line * 0.92 / p.flare_every_days
    deal = orders * 1.75 + flares
    runner = p.runners_per_line * p.lines * MEAN_ACTIVITY + orders * 0.75 + p.lines * 6.2
    customer = orders * 1.5 + flares + p.lines * p.customers_per_line * 1.4 * MEAN_ACTIVITY
    crew = p.lines * (4 + 4 + MEAN_ACTIVITY)
    residents = p.lines * (p.days / p.trap_house_days + 2) * MEAN_ACTIVITY
    background = (
        (c.ordinary + c.commuter) * MEAN_ACTIVITY
        + c.heavy_social * HEAVY_ACTIVITY
        + c.taxi * 250
        + c.takeaway * 105
        + c.bulk_sms * 350
    )
    per_day = (
        c.deal_line * deal
        + c.runner * runner
        + c.customer * customer
        + (c.controller + c.holder) * crew
        + c.cuckooed * residents
        + background
    )
    return per_day * p.days
