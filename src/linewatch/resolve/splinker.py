"""Splink on the store's own DuckDB connection: training, and scoring all or only new records."""

from __future__ import annotations

import logging
from typing import Any

import duckdb
from splink import DuckDBAPI, Linker
from splink.internals.splink_dataframe import SplinkDataFrame

from linewatch.resolve import model as mdl
from linewatch.resolve.prepare import INPUT, TF_COLUMNS, tf_table

# Below this many records EM has too few pairs to learn from: the priors are kept.
MIN_TRAINING_RECORDS = 1000
# EM looks at about this many records (a sample of larger stores).
EM_SAMPLE_RECORDS = 150_000

logging.getLogger("splink").setLevel(logging.WARNING)


def _linker(con: duckdb.DuckDBPyConnection, settings: dict[str, Any]) -> Linker:
    """A linker over the linking input (a temporary table on `con`)."""
    db_api = DuckDBAPI(con)
    linker = Linker(db_api.register(INPUT, table_name="er_all"), settings, log_level=None)
    for col in TF_COLUMNS:
        lookup = db_api.register(tf_table(col), table_name=f"tf_lookup_{col}")
        linker.table_management.register_term_frequency_lookup(lookup, col)
    return linker


def train(con: duckdb.DuckDBPyConnection, records: int) -> tuple[dict[str, Any], bool]:
    """Estimate the model without labels (u by sampling, m by EM); priors when too small."""
    if records < MIN_TRAINING_RECORDS:
        return mdl.settings(), False
    linker = _linker(con, mdl.settings())
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list(mdl.DETERMINISTIC), recall=mdl.DETERMINISTIC_RECALL
    )
    training.estimate_u_using_random_sampling(max_pairs=2e6, seed=17)
    sample = min(1.0, EM_SAMPLE_RECORDS / records)
    for rule in mdl.TRAINING_BLOCKS:
        training.estimate_parameters_using_expectation_maximisation(
            rule, record_sample_proportion=sample
        )
    return linker.misc.save_model_to_json(), True


def _subset(con: duckdb.DuckDBPyConnection, name: str, new: bool) -> None:
    """A temporary table of the input records that are (or are not) yet linked."""
    op = "NOT IN" if new else "IN"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {INPUT} "
        f"WHERE record_id {op} (SELECT record_id FROM er_linked)"
    )


def score(
    con: duckdb.DuckDBPyConnection, settings: dict[str, Any], only_new: bool
) -> list[SplinkDataFrame]:
    """Scored pairs above the storage floor: all pairs, or those involving unlinked records."""
    linker = _linker(con, settings)
    floor = mdl.STORE_PROBABILITY
    inference = linker.inference
    if not only_new:
        return [
            inference.predict_within(
                linker._input_tables_dict["er_all"], threshold_match_probability=floor
            )
        ]
    _subset(con, "er_new", new=True)
    _subset(con, "er_old", new=False)
    api = linker._db_api
    new, old = (
        api.register("er_new", table_name="er_new_in"),
        api.register("er_old", table_name="er_old_in"),
    )
    return [
        inference.predict_within(new, threshold_match_probability=floor, warning_mode="never"),
        inference.predict_between(
            new, old, threshold_match_probability=floor, warning_mode="never"
        ),
    ]
