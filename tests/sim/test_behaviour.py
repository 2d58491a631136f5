"""The generated case behaves as docs/simulation.md says: flares, swaps, travel, hard negatives."""

from __future__ import annotations

from typing import Any

import duckdb

HUB = "'(BRIXTON|STOCKWELL|KENNINGTON|STREATHAM|SOUTH NORWOOD|THORNTON HEATH|CROYDON) .*'"
MARKET = "'(CHATHAM|GILLINGHAM|ROCHESTER|STROOD|RAINHAM) .*'"


def _one(db: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = db.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_every_line_sends_flares_of_many_texts_in_seconds(
    db: duckdb.DuckDBPyConnection, truth: dict[str, Any]
) -> None:
    bursts = db.execute("""SELECT n.line_id, count(*) FROM (
            SELECT a, time_bucket(INTERVAL 2 MINUTE, ts) AS bucket, count(DISTINCT b) AS k
            FROM rec WHERE t = a AND sms GROUP BY ALL) x
        JOIN num n ON n.number = x.a AND n.role = 'deal_line' WHERE x.k >= 20
        GROUP BY ALL""").fetchall()
    assert {line for line, _ in bursts} == {line["line_id"] for line in truth["lines"]}


def test_a_new_number_announces_itself_to_the_old_numbers_customers(
    db: duckdb.DuckDBPyConnection, truth: dict[str, Any]
) -> None:
    swaps = [s for line in truth["lines"] for s in line["swaps"]]
    assert len(swaps) >= 3
    for swap in swaps:
        old = f"SELECT a FROM rec WHERE b = '{swap['from']}'"
        told = _one(
            db,
            f"""SELECT count(DISTINCT b) FROM rec WHERE a = '{swap["to"]}' AND sms
            AND ts BETWEEN TIMESTAMPTZ '{swap["at"]}' AND TIMESTAMPTZ '{swap["at"]}'
            + INTERVAL 1 HOUR AND b IN ({old})""",
        )
        assert told >= min(10, 0.8 * _one(db, f"SELECT count(DISTINCT a) FROM ({old})")), swap


def test_customers_follow_a_line_to_its_new_number(
    db: duckdb.DuckDBPyConnection, truth: dict[str, Any]
) -> None:
    for swap in [s for line in truth["lines"] for s in line["swaps"]]:
        old = {
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT a FROM rec WHERE b = '{swap['from']}' AND NOT sms"
            ).fetchall()
        }
        new = {
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT a FROM rec WHERE b = '{swap['to']}' AND NOT sms"
            ).fetchall()
        }
        if len(old) >= 20 and len(new) >= 20:
            assert len(old & new) >= 0.3 * min(len(old), len(new)), swap


def test_orders_come_in_the_afternoon_evening_and_night(db: duckdb.DuckDBPyConnection) -> None:
    share = _one(
        db,
        """SELECT avg(CASE WHEN hour(ts) >= 12 OR hour(ts) < 3 THEN 1 ELSE 0 END)
        FROM rec JOIN num c ON c.number = rec.a AND c.role = 'customer'
        JOIN num d ON d.number = rec.b AND d.role = 'deal_line' WHERE rec.t = rec.b""",
    )
    assert share > 0.75
    short = _one(
        db,
        """SELECT median(duration_s) FROM rec JOIN num d ON d.number = rec.b
        AND d.role = 'deal_line' WHERE rec.t = rec.b AND NOT sms AND duration_s > 0""",
    )
    assert short < 60


def test_runners_move_between_hub_and_market(db: duckdb.DuckDBPyConnection) -> None:
    places = db.execute(f"""SELECT rec.t, count(DISTINCT CASE
            WHEN c.site_name SIMILAR TO {HUB} THEN 'hub'
            WHEN c.site_name SIMILAR TO {MARKET} THEN 'market' END)
        FROM rec JOIN num n ON n.number = rec.t AND n.role = 'runner' AND n.line_id IS NOT NULL
        JOIN cells c USING (cell_id) GROUP BY ALL""").fetchall()
    assert sum(1 for _, k in places if k == 2) >= 2


def test_controllers_stay_in_the_hub(db: duckdb.DuckDBPyConnection) -> None:
    in_market = _one(
        db,
        f"""SELECT avg(CASE WHEN c.site_name SIMILAR TO {MARKET} THEN 1 ELSE 0 END)
        FROM rec JOIN num n ON n.number = rec.t AND n.role = 'controller'
        JOIN cells c USING (cell_id)""",
    )
    assert in_market == 0


def test_runners_under_18_exist_and_are_potential_victims(truth: dict[str, Any]) -> None:
    runners = [p for p in truth["people"] if p["role"] == "runner"]
    young = [p for p in runners if p["age"] < 18]
    assert young and all(p["potential_victim"] for p in young)
    assert all(p["potential_victim"] for p in truth["people"] if p["role"] == "cuckooed_resident")
    assert not any(
        p["potential_victim"]
        for p in truth["people"]
        if p["role"] in ("controller", "line_holder", "customer")
    )


def test_hard_negatives_have_many_callers_but_no_flares(db: duckdb.DuckDBPyConnection) -> None:
    taxi = db.execute("""SELECT count(DISTINCT a), avg(CASE WHEN sms THEN 1 ELSE 0 END)
        FROM rec JOIN num n ON n.number = rec.t AND n.kind = 'taxi'
        WHERE rec.b = rec.t""").fetchone()
    assert taxi is not None and taxi[0] >= 300 and taxi[1] < 0.1
    bulk = db.execute("""SELECT count(*), avg(CASE WHEN hour(ts) IN (9, 17) THEN 1 ELSE 0 END),
        count(DISTINCT b) FROM rec JOIN num n ON n.number = rec.t AND n.kind = 'bulk_sms'
        WHERE rec.a = rec.t""").fetchone()
    assert bulk is not None and bulk[0] > 1000 and bulk[1] > 0.95
    replies = _one(
        db,
        """SELECT count(DISTINCT a) FROM rec JOIN num n ON n.number = rec.t
        AND n.kind = 'bulk_sms' WHERE rec.b = rec.t""",
    )
    assert replies < 0.1 * bulk[2]


def test_commuters_travel_daily_between_kent_and_london(db: duckdb.DuckDBPyConnection) -> None:
    commuters = db.execute(f"""SELECT rec.t, count(DISTINCT CASE WHEN c.site_name SIMILAR TO
            {HUB} THEN 'london' ELSE 'out' END)
        FROM rec JOIN cells c USING (cell_id) JOIN num n ON n.number = rec.t
        JOIN people p ON p.person_id = n.person_id AND p.kind = 'commuter'
        GROUP BY ALL""").fetchall()
    assert len(commuters) >= 1
    assert all(k == 2 for _, k in commuters)
