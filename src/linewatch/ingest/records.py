"""Phone records: normalise, check, de-duplicate (one row per event) and store.

One streaming pass reads the staged rows, checks them and groups them into events (numbers as
BIGINT E.164 digits, see numbers.map_forms; handsets through the file's distinct IMEI texts); a
bad row is its own group, keyed by its line, so every stored table is read from that one grouped
table. The source is read for the distinct number and IMEI texts, then once for the rows, and
again (only the bad lines, with their reasons worked out) only when some row failed a check.
"""

from __future__ import annotations

from collections.abc import Callable

from linewatch.ingest import checks as ck
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.links import add_objects
from linewatch.ingest.numbers import map_forms
from linewatch.ingest.summary import Counts
from linewatch.ingest.timestamps import parse_sql
from linewatch.store.sql import literal, number_text_sql

NUMBER_COLUMNS = ("target", "caller", "callee")
TYPES = {"call": "call", "voice": "call", "sms": "sms", "text": "sms"}
FORMS = "_lw_forms"
HANDSETS = "_lw_handsets"
EVENTS = "_lw_events"
IMEIS = "_lw_imeis"
BAD = "_lw_bad_rows"
GOOD = f"{EVENTS} WHERE _line IS NULL"


def _type_sql(ctx: FileContext) -> str:
    """SQL mapping the type column to the stored enum, call | sms (NULL when unknown)."""
    values = {**TYPES, **{k.lower(): v for k, v in ctx.layout.type_values.items()}}
    whens = " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in values.items())
    return f"CAST(CASE lower({ctx.text('type')}) {whens} END AS comm_type)"


def _given(ctx: FileContext, canonical: str) -> str:
    """SQL for a number column as written (text, untrimmed): the key into the file's forms."""
    return f"CAST({ctx.col(canonical)} AS VARCHAR)"


def _parties_sql(ctx: FileContext, value: Callable[[FileContext, str], str]) -> tuple[str, str]:
    """SQL for the caller and callee (a profile may give one 'other party' and a direction)."""
    d = ctx.layout.direction
    if not d:
        return value(ctx, "caller"), value(ctx, "callee")
    col = f"upper(trim(CAST({ctx.col('direction')} AS VARCHAR)))"
    outgoing = ", ".join(literal(v) for v in d.outgoing)
    incoming = ", ".join(literal(v) for v in d.incoming)
    target, other = value(ctx, "target"), value(ctx, "other_party")
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
            ck.missing(name, f"f_{name}.text"),
            ck.Check(name, f"f_{name}.num IS NULL", f"'{name}: ' || f_{name}.reason"),
        ]
    rules += [
        ck.missing("timestamp", "r_ts"),
        ck.unreadable("timestamp", "r_ts", "ts", "an ISO 8601 time that exists in local time"),
        ck.missing("type", "r_type"),
        ck.unreadable("type", "r_type", "type", "call, voice, sms or text"),
        ck.Check(
            "target",
            "f_target.num NOT IN (f_caller.num, f_callee.num)",
            f"'target: ' || {number_text_sql('f_target.num')}"
            " || ' is neither the caller nor the callee'",
        ),
        ck.unreadable("duration_s", "r_dur", "duration_s", "whole seconds"),
        ck.Check("duration_s", "duration_s < 0", "'duration_s: negative: ' || duration_s"),
        ck.Check(
            "cell_id",
            "r_cell IS NOT NULL AND c.cell_no IS NULL",
            "'cell_id: ' || r_cell || ' is in no cells file'",
        ),
        ck.unreadable("imei", "i.r_imei", "i.code", "14 to 16 digits"),
    ]
    return rules


def _duration_sql(ctx: FileContext) -> str:
    """SQL for whole seconds: integers as they are, text only when it is a whole number."""
    kind = ctx.type_of("duration_s").upper()
    if kind in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"}:
        return f"CAST({ctx.col('duration_s')} AS BIGINT)"
    text = ctx.text("duration_s")
    return (
        f"CASE WHEN regexp_full_match({text}, '-?[0-9]+(\\.0+)?') "
        f"THEN CAST(split_part({text}, '.', 1) AS BIGINT) END"
    )


def _joined_sql(ctx: FileContext, select: str, where: str = "") -> str:
    """SQL selecting `select` from the staged rows (`where` filters them) with their values read
    and their numbers, cell and handset looked up in the file's tables of distinct values.

    Typed columns (a Parquet timestamp or integer) are read as they are: casting them to text
    for every row only to test for NULL cost more than the rest of the checks.
    """
    caller, callee = _parties_sql(ctx, _given)
    ts = parse_sql(
        ctx.col("timestamp"),
        ctx.type_of("timestamp"),
        ctx.layout.timestamp_format,
        ctx.layout.timezone,
    )
    return f"""
    WITH s AS (
      SELECT _line, _reason, _field,
        {_given(ctx, "target")} AS g_target, {caller} AS g_caller, {callee} AS g_callee,
        {ctx.raw("timestamp")} AS r_ts, {ts} AS ts,
        {ctx.text("type")} AS r_type, {_type_sql(ctx)} AS type,
        {ctx.raw("duration_s")} AS r_dur, {_duration_sql(ctx)} AS duration_s,
        {ctx.text("cell_id")} AS r_cell, {_given(ctx, "imei")} AS g_imei
      FROM {ctx.stage} {where}
    )
    SELECT {select}
    FROM s
    LEFT JOIN {FORMS} f_target ON f_target.given = s.g_target
    LEFT JOIN {FORMS} f_caller ON f_caller.given = s.g_caller
    LEFT JOIN {FORMS} f_callee ON f_callee.given = s.g_callee
    LEFT JOIN cells c ON c.cell_id = s.r_cell
    LEFT JOIN {IMEIS} i ON i.given = s.g_imei
    """


def _checked_sql(ctx: FileContext) -> str:
    """SQL selecting every staged row with its normalised values and whether it failed a check
    (the reason is only worked out again for the rows that failed, see `_reasons_sql`)."""
    return _joined_sql(
        ctx,
        f"""s._line, {ck.failed_sql(_checks())} AS _failed, s.ts, s.type,
      f_target.num AS target, f_caller.num AS caller, f_callee.num AS callee,
      s.duration_s, c.cell_no AS cell, i.code AS imei""",
    )


def _reasons_sql(ctx: FileContext) -> str:
    """SQL giving the line, reason and field of each row the grouping set apart as bad."""
    reason, field = ck.reason_sql(_checks())
    return _joined_sql(
        ctx,
        f"s._line, {reason} AS _reason, {field} AS _field",
        f"WHERE _line IN (SELECT _line FROM {EVENTS} WHERE _line IS NOT NULL)",
    )


def _map_imeis(ctx: FileContext) -> None:
    """Create the file's table of distinct handset texts as written: trimmed text and the IMEI
    as an integer, '1' and its digits (so leading zeros survive), NULL when unreadable."""
    ctx.con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {IMEIS} AS
        SELECT given, text AS r_imei, CAST('1' || {vl.imei_sql("text")} AS BIGINT) AS code
        FROM (SELECT given, nullif(trim(given), '') AS text
              FROM (SELECT DISTINCT {_given(ctx, "imei")} AS given FROM {ctx.stage}))
        WHERE given IS NOT NULL"""
    )


def _view_sql(line: str) -> str:
    """SQL packing a view's line, cell number and handset into one HUGEINT ordered by line.

    The minimum over a view is then its first line together with that line's cell and handset:
    one integer aggregate instead of two string `arg_min`s (the grouping's main cost). Bits:
    line above 92 (up to 2^35 lines), cell number 64-91 (`cells.cell_no`), handset 0-63 ('1'
    and its 14-16 digits, so leading zeros survive); 0 means none.
    """
    return (
        f"(CAST({line} AS HUGEINT) << 92) | (CAST(coalesce(cell, 0) AS HUGEINT) << 64) "
        "| coalesce(imei, 0)"
    )


def _unpack_sql(view: str, end: str) -> str:
    """SQL for a view's first line, cell number and handset (`{end}_line`, ...) from `_view_sql`
    (the handset as '1' and its digits, an integer: `_store_handsets` numbers it)."""
    return (
        f"CAST({view} >> 92 AS BIGINT) AS {end}_line, "
        f"CAST(nullif(({view} >> 64) & 268435455, 0) AS INTEGER) AS {end}_cell, "
        f"CAST(nullif({view} & 18446744073709551615, 0) AS BIGINT) AS {end}_imei"
    )


def _events_sql(ctx: FileContext) -> str:
    """SQL grouping checked rows into one row per event, each end's view kept apart.

    Each row is split into the caller's and the callee's view (by which end was the target); a
    view's cell and handset are those of its first line, so stored values and line agree. A bad
    row is a group of its own, keyed by its line (`_reasons_sql` says why it failed).
    """
    side = "target = caller"
    other = "target = callee AND target <> caller"
    return f"""
    WITH g AS (
      SELECT ts, type, caller, callee, _bad AS _line, count(*) AS _rows,
        min(duration_s) AS duration_s, min(a_view) AS a_view, min(b_view) AS b_view
      FROM (
        SELECT ts, type, caller, callee, duration_s,
          CASE WHEN _failed THEN _line END AS _bad,
          CASE WHEN NOT _failed AND {side} THEN _view END AS a_view,
          CASE WHEN NOT _failed AND {other} THEN _view END AS b_view
        FROM (SELECT *, {_view_sql("_line")} AS _view FROM ({_checked_sql(ctx)}))
      )
      GROUP BY ts, type, caller, callee, _bad
    )
    SELECT * EXCLUDE (a_view, b_view), {_unpack_sql("a_view", "caller")},
      {_unpack_sql("b_view", "callee")}
    FROM g
    """


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of phone records; return its counts."""
    con = ctx.con
    caller, callee = _parties_sql(ctx, _given)
    given = " UNION ALL ".join(
        f"SELECT DISTINCT {c} FROM {ctx.stage}" for c in (_given(ctx, "target"), caller, callee)
    )
    map_forms(con, given, ctx.region, FORMS)
    _map_imeis(ctx)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {EVENTS} AS {_events_sql(ctx)}")
    counts = Counts(read=_count(ctx, f"SELECT sum(_rows) FROM {EVENTS}"))
    if _count(ctx, f"SELECT count(*) FROM {EVENTS} WHERE _line IS NOT NULL"):
        con.execute(f"CREATE OR REPLACE TEMP TABLE {BAD} AS {_reasons_sql(ctx)}")
        counts.quarantined = ck.quarantine(con, BAD, ctx.run_id, ctx.path, "records", ctx.stage)
        con.execute(f"DROP TABLE {BAD}")
    _store_handsets(ctx)
    counts.stored = _store_events(ctx)
    counts.duplicates = counts.read - counts.quarantined - counts.stored
    _store_phones(ctx)
    con.execute(f"DROP TABLE {HANDSETS}")
    con.execute(f"DROP TABLE {EVENTS}")
    con.execute(f"DROP TABLE {FORMS}")
    con.execute(f"DROP TABLE {IMEIS}")
    return counts


def _store_events(ctx: FileContext) -> int:
    """Insert new events and fill in the other end of events already stored; return new count.

    Events are matched and stored on BIGINT numbers (`comm_event_rows`), with this file's
    number in `event_files` as their provenance (numbered only when it stored or completed one,
    so a second ingest of the same file changes nothing); `comm_events` shows them as text.
    """
    con = ctx.con
    file_no = _count(ctx, "SELECT coalesce(max(file_no), 0) + 1 FROM event_files")
    new = f"""(SELECT g.ts, g.type, g.caller, g.callee, g.duration_s,
      g.caller_cell, a.handset_no AS caller_handset, g.callee_cell, b.handset_no AS callee_handset,
      g.caller_line, g.callee_line
      FROM {EVENTS} g LEFT JOIN {HANDSETS} a ON a.code = g.caller_imei
      LEFT JOIN {HANDSETS} b ON b.code = g.callee_imei WHERE g._line IS NULL)"""
    span = con.execute(f"SELECT min(ts), max(ts) FROM {GOOD}").fetchone()
    lo, hi = span if span else (None, None)
    # Stored events outside this file's time span cannot match: the filter lets DuckDB skip
    # their row groups (ingest usually arrives in time order), so a large store is not read.
    existing = "(SELECT * FROM comm_event_rows WHERE ts BETWEEN $lo AND $hi)"
    keys = "e.ts = n.ts AND e.type = n.type AND e.caller = n.caller AND e.callee = n.callee"
    adds_caller = "(NOT e.seen_caller AND n.caller_line IS NOT NULL)"
    adds_callee = "(NOT e.seen_callee AND n.callee_line IS NOT NULL)"
    completed = con.execute(
        f"""UPDATE comm_event_rows e SET
          caller_cell = CASE WHEN {adds_caller} THEN n.caller_cell ELSE e.caller_cell END,
          caller_handset = CASE WHEN {adds_caller} THEN n.caller_handset ELSE e.caller_handset END,
          callee_cell = CASE WHEN {adds_callee} THEN n.callee_cell ELSE e.callee_cell END,
          callee_handset = CASE WHEN {adds_callee} THEN n.callee_handset ELSE e.callee_handset END,
          seen_caller = e.seen_caller OR n.caller_line IS NOT NULL,
          seen_callee = e.seen_callee OR n.callee_line IS NOT NULL,
          other_file_no = {file_no},
          other_src_line = CASE WHEN {adds_caller} THEN n.caller_line ELSE n.callee_line END
        FROM {new} n
        WHERE {keys} AND ({adds_caller} OR {adds_callee}) AND e.ts BETWEEN $lo AND $hi""",
        {"lo": lo, "hi": hi},
    ).fetchone()
    both = "n.caller_line IS NOT NULL AND n.callee_line IS NOT NULL"
    inserted = con.execute(
        f"""INSERT INTO comm_event_rows
        SELECT n.ts, n.type, n.caller, n.callee, n.duration_s, n.caller_cell, n.caller_handset,
          n.callee_cell, n.callee_handset, n.caller_line IS NOT NULL, n.callee_line IS NOT NULL,
          {file_no}, coalesce(n.caller_line, n.callee_line),
          CASE WHEN {both} THEN {file_no} END, CASE WHEN {both} THEN n.callee_line END
        FROM {new} n ANTI JOIN {existing} e ON {keys}""",
        {"lo": lo, "hi": hi},
    ).fetchone()
    stored = int(inserted[0]) if inserted else 0
    if stored or (completed and completed[0]):
        con.execute("INSERT INTO event_files VALUES (?, ?, ?)", [file_no, ctx.path, ctx.run_id])
    return stored


def _store_handsets(ctx: FileContext) -> None:
    """Record the handsets these records mention (`links.add_objects`, which numbers them) and
    map each one's integer form ('1' and its digits) to its `handset_no` for the events."""
    con = ctx.con
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {HANDSETS} AS
        SELECT code, substr(CAST(code AS VARCHAR), 2) AS imei, min(line) AS line FROM (
          SELECT caller_imei AS code, caller_line AS line FROM {GOOD}
          UNION ALL SELECT callee_imei, callee_line FROM {GOOD})
        WHERE code IS NOT NULL GROUP BY code"""
    )
    add_objects(ctx, "handsets", f"SELECT imei AS k, line AS _line FROM {HANDSETS}")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {HANDSETS} AS
        SELECT m.code, h.handset_no FROM {HANDSETS} m JOIN handsets h USING (imei)"""
    )


def _store_phones(ctx: FileContext) -> None:
    """Record the phones these records mention, targets marked.

    Read from the events: every good row's target is its caller or callee, and each view keeps
    its first line, so a number's first line is the least line of the events it is in.
    """
    con = ctx.con
    first = "least(caller_line, callee_line)"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _lw_phones AS
        SELECT {number_text_sql("number")} AS number, bool_or(is_target) AS is_target,
          min(line) AS line
        FROM (SELECT caller AS number, caller_line IS NOT NULL AS is_target, {first} AS line
              FROM {GOOD}
              UNION ALL SELECT callee, callee_line IS NOT NULL, {first} FROM {GOOD})
        GROUP BY number"""
    )
    con.execute(
        """INSERT INTO phones SELECT number, is_target, ?, line, ? FROM _lw_phones
        WHERE number NOT IN (SELECT number FROM phones)""",
        [ctx.path, ctx.run_id],
    )
    con.execute(
        """UPDATE phones SET is_target = true WHERE NOT is_target AND number IN
        (SELECT number FROM _lw_phones WHERE is_target)"""
    )
    con.execute("DROP TABLE _lw_phones")


def _count(ctx: FileContext, sql: str) -> int:
    """A single count from SQL."""
    row = ctx.con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
