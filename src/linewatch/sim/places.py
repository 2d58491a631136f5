"""Real places (town-centre coordinates, districts, postcode districts) grouped into areas.

Hub areas are London boroughs lines run from; market areas are the county towns they supply
(domain.md §7 [S81][S82][S83b][S83c]); route places lie on the rail and coach routes between them
[S1][S5][S82]. Coordinates are approximate town centres (WGS84); `lad` is the ONS local authority
district each centre lies in (checked against ../shared/data/geo/lad.geojson by the tests).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A real town or neighbourhood around which synthetic cell sites are scattered."""

    name: str
    lat: float
    lon: float
    lad: str
    postcodes: tuple[str, ...]
    weight: float = 1.0  # relative population: more sites and more residents


@dataclass(frozen=True)
class Area:
    """A hub borough or a market area: several places; `route` names places on the way."""

    name: str
    kind: str  # hub | market
    places: tuple[Place, ...]
    route: tuple[str, ...] = ()
    force: str = "Metropolitan Police"


def _p(name: str, lat: float, lon: float, lad: str, pcs: str, weight: float = 1.0) -> Place:
    return Place(name, lat, lon, lad, tuple(pcs.split()), weight)


AREAS: dict[str, Area] = {
    a.name: a
    for a in (
        Area(
            "Lambeth",
            "hub",
            (
                _p("Brixton", 51.4613, -0.1150, "Lambeth", "SW2 SW9", 1.5),
                _p("Stockwell", 51.4722, -0.1226, "Lambeth", "SW9 SW8"),
                _p("Kennington", 51.4868, -0.1125, "Lambeth", "SE11"),
                _p("Streatham", 51.4285, -0.1310, "Lambeth", "SW16"),
            ),
        ),
        Area(
            "Croydon",
            "hub",
            (
                _p("South Norwood", 51.3988, -0.0757, "Croydon", "SE25", 1.2),
                _p("Thornton Heath", 51.3985, -0.1005, "Croydon", "CR7", 1.2),
                _p("Croydon", 51.3727, -0.0999, "Croydon", "CR0", 1.5),
            ),
        ),
        Area(
            "Southwark",
            "hub",
            (
                _p("Peckham", 51.4740, -0.0693, "Southwark", "SE15", 1.3),
                _p("Camberwell", 51.4740, -0.0930, "Southwark", "SE5"),
                _p("Walworth", 51.4880, -0.0930, "Southwark", "SE17"),
            ),
        ),
        Area(
            "Hackney",
            "hub",
            (
                _p("Hackney Central", 51.5466, -0.0553, "Hackney", "E8 E9", 1.3),
                _p("Dalston", 51.5462, -0.0751, "Hackney", "E8"),
                _p("Homerton", 51.5470, -0.0420, "Hackney", "E9"),
            ),
        ),
        Area(
            "Medway",
            "market",
            (
                _p("Chatham", 51.3789, 0.5279, "Medway", "ME4 ME5", 1.5),
                _p("Gillingham", 51.3891, 0.5486, "Medway", "ME7", 1.4),
                _p("Rochester", 51.3876, 0.5035, "Medway", "ME1"),
                _p("Strood", 51.3946, 0.4908, "Medway", "ME2"),
                _p("Rainham", 51.3625, 0.6095, "Medway", "ME8"),
            ),
            ("Bromley", "Dartford", "Gravesend"),
            "Kent Police",
        ),
        Area(
            "Thanet",
            "market",
            (
                _p("Margate", 51.3813, 1.3862, "Thanet", "CT9", 1.3),
                _p("Ramsgate", 51.3358, 1.4163, "Thanet", "CT11", 1.2),
                _p("Broadstairs", 51.3593, 1.4397, "Thanet", "CT10", 0.6),
            ),
            ("Dartford", "Gravesend", "Sittingbourne", "Canterbury"),
            "Kent Police",
        ),
        Area(
            "Maidstone",
            "market",
            (_p("Maidstone", 51.2724, 0.5217, "Maidstone", "ME14 ME15 ME16", 1.5),),
            ("Bromley", "Swanley"),
            "Kent Police",
        ),
        Area(
            "Southend",
            "market",
            (
                _p("Southend-on-Sea", 51.5378, 0.7143, "Southend-on-Sea", "SS1 SS2", 1.5),
                _p("Westcliff-on-Sea", 51.5395, 0.6905, "Southend-on-Sea", "SS0"),
            ),
            ("Basildon",),
            "Essex Police",
        ),
        Area(
            "Norwich",
            "market",
            (_p("Norwich", 52.6309, 1.2974, "Norwich", "NR1 NR2 NR3", 1.5),),
            ("Chelmsford", "Colchester", "Ipswich"),
            "Norfolk Constabulary",
        ),
        Area(
            "Brighton",
            "market",
            (
                _p("Brighton", 50.8229, -0.1363, "Brighton and Hove", "BN1 BN2", 1.5),
                _p("Hove", 50.8279, -0.1680, "Brighton and Hove", "BN3"),
            ),
            ("Croydon", "Crawley"),
            "Sussex Police",
        ),
        Area(
            "Ipswich",
            "market",
            (_p("Ipswich", 52.0567, 1.1482, "Ipswich", "IP1 IP2 IP3 IP4", 1.4),),
            ("Chelmsford", "Colchester"),
            "Suffolk Constabulary",
        ),
    )
}

# Places only passed through (travel between hub and market), not lived in by the cast.
ROUTE_PLACES: dict[str, Place] = {
    p.name: p
    for p in (
        _p("Bromley", 51.4060, 0.0145, "Bromley", "BR1"),
        _p("Dartford", 51.4463, 0.2180, "Dartford", "DA1"),
        _p("Gravesend", 51.4416, 0.3700, "Gravesham", "DA11 DA12"),
        _p("Swanley", 51.3970, 0.1730, "Sevenoaks", "BR8"),
        _p("Sittingbourne", 51.3406, 0.7316, "Swale", "ME10"),
        _p("Canterbury", 51.2802, 1.0789, "Canterbury", "CT1"),
        _p("Basildon", 51.5761, 0.4886, "Basildon", "SS14"),
        _p("Chelmsford", 51.7356, 0.4690, "Chelmsford", "CM1"),
        _p("Colchester", 51.8892, 0.9042, "Colchester", "CO1"),
        _p("Crawley", 51.1091, -0.1872, "Crawley", "RH10"),
    )
}


def all_places() -> list[Place]:
    """Every distinct place in a fixed order: area places first, then route-only places."""
    seen: dict[str, Place] = {}
    for area in AREAS.values():
        for place in area.places:
            seen.setdefault(place.name, place)
    for place in ROUTE_PLACES.values():
        seen.setdefault(place.name, place)
    return list(seen.values())
