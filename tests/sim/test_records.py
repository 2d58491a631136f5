"""The phone records keep the promises of docs/simulation.md and docs/formats.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import phonenumbers
import pyarrow as pa
import pyarrow.parquet as pq

COLUMNS = ["target", "timestamp", "type", "caller", "callee", "duration_s", "cell_id", "imei"]


def _luhn_ok(imei: str) -> bool:
    total = 0
    for i, ch in enumerate(imei[:-1]):
        d = int(ch) * (2 if i % 2 else 1)
        total += d // 10 + d % 10
    return (10 - total % 10) % 10 == int(imei[-1])


def _one(db: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = db.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_records_have_the_canonical_columns_and_utc_timestamps(case: Path) -> None:
    schema = pq.read_schema(case / "records" / "part-00000.parquet")
    assert schema.names == COLUMNS
    ts = schema.field("timestamp").type
    assert pa.types.is_timestamp(ts) and ts.tz == "UTC"


def test_only_obtained_numbers_have_records(db: duckdb.DuckDBPyConnection) -> None:
    stray = _one(
        db,
        "SELECT count(*) FROM rec LEFT JOIN num ON num.number = rec.t "
        "WHERE num.obtained IS NOT TRUE",
    )
    assert stray == 0
    assert _one(db, "SELECT count(DISTINCT t) FROM rec") >= 30


def test_numbers_come_in_several_written_forms(db: duckdb.DuckDBPyConnection) -> None:
    forms = _one(
        db,
        """SELECT count(DISTINCT CASE WHEN raw_target LIKE '+44%' THEN 'plus'
        WHEN raw_target LIKE '0044%' THEN '0044' WHEN raw_target LIKE '44%' THEN '44'
        WHEN raw_target LIKE '0% %' THEN 'spaced' ELSE 'national' END) FROM rec""",
    )
    assert forms == 5


def test_truth_numbers_are_e164_uk_mobiles(truth: dict[str, Any]) -> None:
    for number in truth["numbers"]:
        parsed = phonenumbers.parse(number)
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
        drama = number.startswith("+447700900")
        assert drama or phonenumbers.is_valid_number(parsed), number


def test_allocated_numbers_are_valid_mobiles() -> None:
    import numpy as np

    from linewatch.sim.numbers import allocate

    sample = allocate(20_000, np.random.default_rng(0), np.empty(0, dtype=np.int64))
    assert len(set(sample.tolist())) == sample.size
    for nsn in sample.tolist():
        parsed = phonenumbers.parse(f"+44{nsn}")
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE, nsn


def test_featured_deal_lines_use_the_drama_range(truth: dict[str, Any]) -> None:
    for line in truth["lines"]:
        assert all(n.startswith("+447700900") for n in line["numbers"])


def test_an_event_between_two_targets_is_in_both_records(db: duckdb.DuckDBPyConnection) -> None:
    both = _one(
        db,
        """SELECT count(*) FROM rec x JOIN rec y ON x.ts = y.ts AND x.a = y.a
        AND x.b = y.b AND x.sms = y.sms AND x.t = x.a AND y.t = y.b""",
    )
    one_sided = _one(
        db,
        """SELECT count(*) FROM rec x JOIN num ON num.number = x.b
        WHERE x.t = x.a AND num.obtained AND x.ts >= (SELECT min(ts) + INTERVAL 1 DAY FROM rec)
        AND NOT EXISTS (SELECT 1 FROM rec y WHERE y.t = x.b AND y.ts = x.ts AND y.a = x.a)""",
    )
    assert both > 100
    assert one_sided < both * 0.05  # only events to a number out of service (after a swap)


def test_every_cell_is_in_cells_csv_and_imeis_are_valid(db: duckdb.DuckDBPyConnection) -> None:
    missing = _one(db, "SELECT count(*) FROM rec WHERE cell_id NOT IN (SELECT cell_id FROM cells)")
    assert missing == 0
    imeis = [r[0] for r in db.execute("SELECT DISTINCT imei FROM rec").fetchall()]
    assert all(len(i) == 15 and _luhn_ok(i) for i in imeis)


def test_record_lines_point_at_deal_line_rows(db: duckdb.DuckDBPyConnection) -> None:
    linked = _one(
        db,
        """SELECT count(*) FROM lines l JOIN rec r
        ON r.file LIKE '%' || l.file AND r.row = l.row""",
    )
    assert linked == _one(db, "SELECT count(*) FROM lines") > 1000
    unlinked = _one(
        db,
        """SELECT count(*) FROM rec r JOIN num n ON n.number = r.t
        AND n.role = 'deal_line' WHERE NOT EXISTS (SELECT 1 FROM lines l
        WHERE r.file LIKE '%' || l.file AND r.row = l.row)""",
    )
    assert unlinked == 0
    wrong = _one(
        db,
        """SELECT count(*) FROM lines l JOIN rec r ON r.file LIKE '%' || l.file
        AND r.row = l.row JOIN num n ON n.number = r.t AND n.role = 'deal_line'
        WHERE n.line_id <> l.line_id""",
    )
    assert wrong == 0


def test_csv_records_have_the_same_rows_with_local_offsets(tmp_path: Path) -> None:
    from linewatch.sim.presets import params_for
    from linewatch.sim.run import simulate

    out = tmp_path / "csv"
    summary = simulate(params_for("tiny"), 3, out, "tiny", records_format="csv")
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE timestamp LIKE '%+01:00'), "
        f"count(*) FILTER (WHERE timestamp LIKE '%+00:00') "
        f"FROM read_csv('{out}/records/*.csv', all_varchar = true)"
    ).fetchone()
    assert rows is not None and rows[0] == summary.records
    assert rows[2] > 0 and rows[1] + rows[2] == rows[0]
