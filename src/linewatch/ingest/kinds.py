"""The kinds of input file, recognised from their columns (see docs/formats.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from linewatch.errors import InputError


@dataclass(frozen=True)
class KindSpec:
    """One kind of input: its required and optional columns, and when it is loaded in a run."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    order: int = 50  # lower first: cells and subscribers before the records that use them
    module: str = ""  # linewatch.ingest.<module> has `ingest(ctx) -> Counts`; default: the name
    refused: tuple[str, ...] = ()  # columns whose presence stops the file (e.g. tip sender details)

    @property
    def loader(self) -> str:
        """Dotted name of the module that loads this kind."""
        return f"linewatch.ingest.{self.module or self.name}"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the kind reads, required first."""
        return self.required + self.optional


KINDS: dict[str, KindSpec] = {
    k.name: k
    for k in (
        KindSpec("cells", ("cell_id", "lat", "lon"), ("azimuth_deg", "site_name"), order=10),
        KindSpec(
            "records",
            ("target", "timestamp", "type", "caller", "callee"),
            ("duration_s", "cell_id", "imei"),
            order=30,
        ),
        KindSpec(
            "subscribers",
            ("number", "subscriber_name"),
            ("date_of_birth", "address", "postcode", "registered_at", "source_ref"),
            order=20,
        ),
        KindSpec(
            "intelligence",
            ("report_id", "item", "reported_at", "source_eval", "intel_eval", "handling"),
            (
                "handling_conditions",
                *("subject_name", "subject_dob", "subject_address", "subject_postcode"),
                *("subject_sex", "subject_category", "number", "imei", "address"),
                *("conduct", "drug_class", "text"),
            ),
            order=40,
        ),
        KindSpec(
            "tips",
            ("tip_id", "received_at", "text"),
            ("place", "number", "address"),
            order=40,
            # Nothing that could identify whoever gave the tip is ever read (docs/formats.md).
            refused=(
                *("ip", "ip_address", "email", "sender", "user_agent"),
                *("phone_of_sender", "sender_number", "cookie"),
            ),
        ),
        KindSpec(
            "arrests",
            ("arrest_id", "arrested_at", "person_name", "offences"),
            (
                *("person_dob", "person_sex", "home_area", "address", "postcode"),
                *("operation_id", "force", "status"),
            ),
            order=40,
        ),
        KindSpec(
            "seizures",
            ("seizure_id", "seized_at", "item_type"),
            (
                *("operation_id", "address", "postcode", "person_name", "person_dob"),
                *("quantity", "unit", "value_gbp", "drug_class", "drug_type", "weapon_type"),
                *("number", "imei", "vrm"),
            ),
            order=40,
        ),
        KindSpec(
            "warrants",
            ("warrant_id", "address", "executed_at"),
            ("postcode", "town", "operation_id", "forces", "units", "result", "legislation"),
            order=40,
        ),
        KindSpec(
            "safeguarding",
            ("action_id", "action_at", "action", "person_name"),
            ("person_dob", "person_sex", "agency", "operation_id", "notes"),
            order=40,
        ),
    )
}


def register(spec: KindSpec) -> None:
    """Add a kind (each stage's ingest module registers its own)."""
    KINDS[spec.name] = spec


def get(name: str) -> KindSpec:
    """The kind called `name`."""
    if name not in KINDS:
        raise InputError(f"unknown kind {name!r}; known: {', '.join(sorted(KINDS))}")
    return KINDS[name]


def normalise_columns(columns: Iterable[str]) -> list[str]:
    """Column names as matched: trimmed, lower case, byte-order mark removed."""
    return [c.replace("\ufeff", "").strip().lower() for c in columns]


def detect_kind(columns: Iterable[str], path: str) -> KindSpec:
    """The kind whose required columns are all present; the most specific when several fit."""
    have = set(normalise_columns(columns))
    fits = [k for k in KINDS.values() if set(k.required) <= have]
    if not fits:
        raise InputError(
            "cannot tell what kind of file this is from its columns "
            f"({', '.join(sorted(have)) or 'none'}); use --kind or a --profile",
            file=path,
            line=1,
        )
    fits.sort(key=lambda k: -len(k.required))
    if len(fits) > 1 and len(fits[0].required) == len(fits[1].required):
        names = ", ".join(k.name for k in fits)
        raise InputError(f"columns fit several kinds ({names}); use --kind", file=path, line=1)
    return fits[0]
