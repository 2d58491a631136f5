"""Mapping profiles (TOML): read another operator's phone-record layout (docs/formats.md)."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from linewatch.errors import InputError
from linewatch.ingest.context import Direction, Layout
from linewatch.ingest.kinds import normalise_columns

KNOWN_KEYS = {"name", "kind", "delimiter", "columns", "timestamp", "type_values", "direction"}


def shipped() -> list[str]:
    """Names of the example profiles shipped with linewatch."""
    folder = resources.files("linewatch.ingest") / "profiles"
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load(spec: str) -> tuple[Layout, str, str | None]:
    """(layout, kind, delimiter) from a profile file path or the name of a shipped profile."""
    path = Path(spec)
    if path.exists():
        text = path.read_text(encoding="utf-8")
    elif spec in shipped():
        text = (resources.files("linewatch.ingest") / "profiles" / f"{spec}.toml").read_text()
    else:
        raise InputError(f"no such profile (shipped: {', '.join(shipped())})", file=spec)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", file=spec) from exc
    return parse(data, spec)


def parse(data: dict[str, object], where: str) -> tuple[Layout, str, str | None]:
    """Validate a profile's contents and turn it into a layout."""
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise InputError(f"unknown keys: {', '.join(sorted(unknown))}", file=where)
    columns = _table(data, "columns", where)
    stamp = _table(data, "timestamp", where)
    types = _table(data, "type_values", where)
    direction_table = _table(data, "direction", where) or None
    direction = None
    if direction_table is not None:
        direction = _direction(direction_table, where)
        columns = {
            **columns,
            "direction": str(direction_table["column"]),
            "other_party": str(direction_table["other_party"]),
        }
    layout = Layout(
        columns={k: normalise_columns([str(v)])[0] for k, v in columns.items()},
        timestamp_format=_opt_str(stamp.get("format")),
        timezone=_opt_str(stamp.get("timezone")),
        type_values={str(k): str(v) for k, v in types.items()},
        direction=direction,
        name=str(data.get("name", where)),
    )
    delimiter = _opt_str(data.get("delimiter"))
    return layout, str(data.get("kind", "records")), delimiter


def _direction(table: dict[str, object], where: str) -> Direction:
    """The [direction] table: its column names and non-empty lists of values."""
    for key in ("column", "outgoing", "incoming", "other_party"):
        if key not in table:
            raise InputError(f"[direction] needs '{key}'", file=where, field="direction")
    values = {}
    for key in ("outgoing", "incoming"):
        given = table[key]
        if not isinstance(given, list) or not given:
            raise InputError(
                f"[direction] '{key}' must be a non-empty list", file=where, field="direction"
            )
        values[key] = tuple(str(v).upper() for v in given)
    return Direction(outgoing=values["outgoing"], incoming=values["incoming"])


def _table(data: dict[str, object], key: str, where: str) -> dict[str, object]:
    """A sub-table of the profile (empty when absent)."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(f"'{key}' must be a table", file=where, field=key)
    return value


def _opt_str(value: object) -> str | None:
    """A string setting, or None."""
    return None if value is None else str(value)
