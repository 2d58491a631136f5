"""Storing scored pairs: ids ordered, one level and one match weight per comparison."""

from __future__ import annotations

import duckdb
from splink.internals.splink_dataframe import SplinkDataFrame

COMPARISONS = ("name", "dob", "address", "phone")


def _weight_sql(comp: str, columns: list[str]) -> str:
    """The comparison's match weight: its level weight plus any term-frequency adjustment."""
    tf = f"mw_tf_adj_{comp}"
    return f"mw_{comp} + coalesce({tf}, 0)" if tf in columns else f"mw_{comp}"


def store_pairs(
    con: duckdb.DuckDBPyConnection, scored: SplinkDataFrame, model_id: str, run_id: str
) -> None:
    """Insert one Splink prediction table into er_pairs (each pair once), then drop it."""
    table = scored.physical_name
    names = con.sql(f"SELECT * FROM {table}").columns
    parts = ", ".join(f"gamma_{c}, {_weight_sql(c, names)}" for c in COMPARISONS)
    con.execute(
        f"""INSERT OR REPLACE INTO er_pairs
        SELECT least(record_id_l, record_id_r), greatest(record_id_l, record_id_r),
            match_weight, match_probability, {parts}, ?, ?
        FROM {table}""",
        [model_id, run_id],
    )
    scored.drop_table_from_database_and_remove_from_cache()
