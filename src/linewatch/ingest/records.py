"""Phone records: normalise, check, de-duplicate (one row per event) and store."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest.context import FileContext
from linewatch.ingest.numbers import learn_forms
from linewatch.ingest.summary import Counts
from linewatch.ingest.timestamps import parse_sql
from linewatch.store.sql import literal

NUMBER_COLUMNS = ("target", "caller", "callee")
TYPES = {"call": "call", "voice": "call", "sms": "sms", "text": "sms"}


def _type_sql(ctx: FileContext) -> str:
    """SQL mapping the type column to call | sms (NULL when unknown)."""
    values = {**TYPES, **{k.lower(): v for k, v in ctx.layout.type_values.items()}}
    whens = " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in values.items())
    return f"CASE lower({ctx.text('type')}) {whens} END"


def _parties_sql(ctx: FileContext) -> tuple[str, str]:
    """SQL for the raw caller and callee (a profile may give one 'other party' and a direction)."""
    d = ctx.layout.direction
    if not d:
        return ctx.text("caller"), ctx.text("callee")
    col = f"upper(trim(CAST({ctx.col('direction')} AS VARCHAR)))"
    outgoing = ", ".join(literal(v) for v in d.outgoing)
    incoming = ", ".join(literal(v) for v in d.incoming)
    target, other = ctx.text("target"), ctx.text("other_party")
    caller = (
        f"CASE WHEN {col} IN ({outgoing}) THEN {target} WHEN {col} IN ({incoming}) THEN {other} END"
    )
    callee = (
        f"CASE WHEN {col} IN ({outgoing}) THEN {other} WHEN {col} IN ({incoming}) THEN {target} END"
    )
    return caller, callee


def _checks() -> list[ck.Check]:
    """The rules a phone record must pass, in the order they are reported."""
    rules: list[ck.Check] = []
    for name in NUMBER_COLUMNS:
        rules += [
            ck.missing(name, f"r_{name}"),
            ck.Check(name, f"n_{name}.e164 IS NULL", f"'{name}: ' || n_{name}.reason"),
        ]
    rules += [
        ck.missing("timestamp", "r_ts"),
        ck.unreadable("timestamp", "r_ts", "ts", "an ISO 8601 time that exists in local time"),
        ck.missing("type", "r_type"),
        ck.unreadable("type", "r_type", "type", "call, voice, sms or text"),
        ck.Check(
            "target",
            "n_target.e164 NOT IN (n_caller.e164, n_callee.e164)",
            "'target: ' || n_target.e164 || ' is neither the caller nor the callee'",
        ),
        ck.unreadable("duration_s", "r_dur", "duration_s", "whole seconds"),
        ck.Check("duration_s", "duration_s < 0", "'duration_s: negative: ' || duration_s"),
        ck.Check(
            "cell_id",
            "r_cell IS NOT NULL AND c.cell_id IS NULL",
            "'cell_id: ' || r_cell || ' is in no cells file'",
        ),
        ck.unreadable("imei", "r_imei", "imei", "14 to 16 digits"),
    ]
    return rules


def _duration_sql(ctx: FileContext, text: str) -> str:
    """SQL for whole seconds: integers as they are, text only when it is a whole number."""
    kind = ctx.type_of("duration_s").upper()
    if kind in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"}:
        return f"CAST({ctx.col('duration_s')} AS BIGINT)"
    return (
        f"CASE WHEN regexp_full_match({text}, '-?[0-9]+(\\.0+)?') "
        f"THEN CAST(split_part({text}, '.', 1) AS BIGINT) END"
    )


def _check_sql(ctx: FileContext) -> str:
    """SQL selecting every staged row with its normalised values and first failing check."""
    caller, callee = _parties_sql(ctx)
    dur_text = ctx.text("duration_s")
    imei = ctx.text("imei")
    imei_digits = f"regexp_replace({imei}, '[\\s-]', '', 'g')"
    reason, field = ck.reason_sql(_checks())
    return f"""
    WITH s AS (
      SELECT _line, _reason, _field,
        {ctx.text("target")} AS r_target, {caller} AS r_caller, {callee} AS r_callee,
        {ctx.text("timestamp")} AS r_ts,
        {
        parse_sql(
            ctx.col("timestamp"),
            ctx.type_of("timestamp"),
            ctx.layout.timestamp_format,
            ctx.layout.timezone,
        )
    } AS ts,
        {ctx.text("type")} AS r_type, {_type_sql(ctx)} AS type,
        {dur_text} AS r_dur,
        {_duration_sql(ctx, dur_text)} AS duration_s,
        {ctx.text("cell_id")} AS r_cell, {ctx.text("imei")} AS r_imei,
        CASE WHEN regexp_full_match({imei}, '[0-9]{{14,16}}') THEN {imei}
             WHEN regexp_full_match({imei_digits}, '[0-9]{{14,16}}') THEN {imei_digits}
        END AS imei
      FROM {ctx.stage}
    )
    SELECT s._line, {reason} AS _reason, {field} AS _field,
      s.ts, s.type, n_target.e164 AS target, n_caller.e164 AS caller, n_callee.e164 AS callee,
      s.duration_s, c.cell_id, s.imei
    FROM s
    LEFT JOIN number_forms n_target ON n_target.raw = s.r_target
    LEFT JOIN number_forms n_caller ON n_caller.raw = s.r_caller
    LEFT JOIN number_forms n_callee ON n_callee.raw = s.r_callee
    LEFT JOIN cells c ON c.cell_id = s.r_cell
    """


def _events_sql() -> str:
    """SQL grouping good rows into one row per event, each end's view kept apart.

    Each row is first split into the caller's and the callee's view (by which end was the
    target), so the grouping needs only plain `min` aggregates: cheap, and deterministic.
    """
    side = "target = caller"
    other = "target = callee AND target <> caller"
    return f"""
    SELECT ts, type, caller, callee, min(duration_s) AS duration_s,
      min(a_cell) AS caller_cell, min(a_imei) AS caller_imei,
      min(b_cell) AS callee_cell, min(b_imei) AS callee_imei,
      min(a_line) AS caller_line, min(b_line) AS callee_line
    FROM (
      SELECT ts, type, caller, callee, duration_s,
        CASE WHEN {side} THEN cell_id END AS a_cell, CASE WHEN {side} THEN imei END AS a_imei,
        CASE WHEN {side} THEN _line END AS a_line,
        CASE WHEN {other} THEN cell_id END AS b_cell, CASE WHEN {other} THEN imei END AS b_imei,
        CASE WHEN {other} THEN _line END AS b_line
      FROM _lw_checked WHERE _reason IS NULL
    )
    GROUP BY ts, type, caller, callee
    """


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of phone records; return its counts."""
    con = ctx.con
    caller, callee = _parties_sql(ctx)
    learn_forms(
        con,
        " UNION ".join(
            f"SELECT DISTINCT {c} FROM {ctx.stage}" for c in (ctx.text("target"), caller, callee)
        ),
        ctx.region,
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE _lw_checked AS {_check_sql(ctx)}")
    counts = Counts(read=_count(ctx, "SELECT count(*) FROM _lw_checked"))
    counts.quarantined = ck.quarantine(
        con, "_lw_checked", ctx.run_id, ctx.path, "records", ctx.stage
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE _lw_events AS {_events_sql()}")
    counts.stored = _store_events(ctx)
    counts.duplicates = counts.read - counts.quarantined - counts.stored
    _store_entities(ctx)
    con.execute("DROP TABLE _lw_checked")
    con.execute("DROP TABLE _lw_events")
    return counts


def _store_events(ctx: FileContext) -> int:
    """Insert new events and fill in the other end of events already stored; return new count."""
    con = ctx.con
    keys = "e.ts = n.ts AND e.type = n.type AND e.caller = n.caller AND e.callee = n.callee"
    adds_caller = "(NOT e.seen_caller AND n.caller_line IS NOT NULL)"
    adds_callee = "(NOT e.seen_callee AND n.callee_line IS NOT NULL)"
    con.execute(
        f"""UPDATE comm_events e SET
          caller_cell = CASE WHEN {adds_caller} THEN n.caller_cell ELSE e.caller_cell END,
          caller_imei = CASE WHEN {adds_caller} THEN n.caller_imei ELSE e.caller_imei END,
          callee_cell = CASE WHEN {adds_callee} THEN n.callee_cell ELSE e.callee_cell END,
          callee_imei = CASE WHEN {adds_callee} THEN n.callee_imei ELSE e.callee_imei END,
          seen_caller = e.seen_caller OR n.caller_line IS NOT NULL,
          seen_callee = e.seen_callee OR n.callee_line IS NOT NULL,
          other_src_file = ?,
          other_src_line = CASE WHEN {adds_caller} THEN n.caller_line ELSE n.callee_line END,
          other_run_id = ?
        FROM _lw_events n
        WHERE {keys} AND ({adds_caller} OR {adds_callee})""",
        [ctx.path, ctx.run_id],
    )
    before = _count(ctx, "SELECT count(*) FROM comm_events")
    both = "n.caller_line IS NOT NULL AND n.callee_line IS NOT NULL"
    con.execute(
        f"""INSERT INTO comm_events
        SELECT n.ts, n.type, n.caller, n.callee, n.duration_s, n.caller_cell, n.caller_imei,
          n.callee_cell, n.callee_imei, n.caller_line IS NOT NULL, n.callee_line IS NOT NULL,
          ?, coalesce(n.caller_line, n.callee_line), ?,
          CASE WHEN {both} THEN ? END, CASE WHEN {both} THEN n.callee_line END,
          CASE WHEN {both} THEN ? END
        FROM _lw_events n ANTI JOIN comm_events e ON {keys}""",
        [ctx.path, ctx.run_id, ctx.path, ctx.run_id],
    )
    return _count(ctx, "SELECT count(*) FROM comm_events") - before


def _store_entities(ctx: FileContext) -> None:
    """Record the phones (targets marked) and handsets these records mention."""
    con = ctx.con
    con.execute(
        """INSERT INTO phones
        SELECT number, bool_or(is_target), ?, min(_line), ? FROM (
          SELECT target AS number, true AS is_target, _line FROM _lw_checked WHERE _reason IS NULL
          UNION ALL SELECT caller, false, _line FROM _lw_checked WHERE _reason IS NULL
          UNION ALL SELECT callee, false, _line FROM _lw_checked WHERE _reason IS NULL)
        WHERE number NOT IN (SELECT number FROM phones)
        GROUP BY number""",
        [ctx.path, ctx.run_id],
    )
    con.execute(
        """UPDATE phones SET is_target = true WHERE NOT is_target AND number IN
        (SELECT DISTINCT target FROM _lw_checked WHERE _reason IS NULL)"""
    )
    con.execute(
        """INSERT INTO handsets SELECT imei, ?, min(_line), ? FROM _lw_checked
        WHERE _reason IS NULL AND imei IS NOT NULL
          AND imei NOT IN (SELECT imei FROM handsets)
        GROUP BY imei""",
        [ctx.path, ctx.run_id],
    )


def _count(ctx: FileContext, sql: str) -> int:
    """A single count from SQL."""
    row = ctx.con.execute(sql).fetchone()
    return int(row[0]) if row else 0
