-- Calls and messages stored compactly: numbers as their E.164 digits (BIGINT), the type as an
-- enum, cells and handsets by number and provenance as a file number. Text
-- columns made up most of the cost of storing an event (ingest) and of reading one
-- (analysis); `comm_events` stays, as a view with the same columns as before, for every
-- reader and outside tool.

CREATE TYPE comm_type AS ENUM ('call', 'sms');

-- Every cell gets a number, from 1 without gaps, in the order cells were stored (by id here).
-- The tables are rebuilt: DuckDB cannot add a NOT NULL constraint after updates in the same
-- transaction.
CREATE TABLE cells_numbered (
    cell_id     VARCHAR PRIMARY KEY,
    lat         DOUBLE NOT NULL,
    lon         DOUBLE NOT NULL,
    azimuth_deg DOUBLE,
    site_name   VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL,
    cell_no     INTEGER NOT NULL       -- events keep a cell by this number
);
INSERT INTO cells_numbered SELECT *, row_number() OVER (ORDER BY cell_id) FROM cells;
DROP TABLE cells;
ALTER TABLE cells_numbered RENAME TO cells;

-- Likewise every handset; ingest records each handset its events use, but make sure.
CREATE TABLE handsets_numbered (
    imei     VARCHAR PRIMARY KEY,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL,
    handset_no INTEGER NOT NULL        -- events keep a handset by this number
);
INSERT INTO handsets_numbered
SELECT *, row_number() OVER (ORDER BY imei) FROM (
    SELECT * FROM handsets
    UNION ALL
    SELECT imei, arg_min(src_file, src_line), min(src_line), arg_min(run_id, src_line) FROM (
        SELECT caller_imei AS imei, src_file, src_line, run_id FROM comm_events
        WHERE caller_imei IS NOT NULL
        UNION ALL SELECT callee_imei, src_file, src_line, run_id FROM comm_events
        WHERE callee_imei IS NOT NULL)
    WHERE imei NOT IN (SELECT imei FROM handsets)
    GROUP BY imei);
DROP TABLE handsets;
ALTER TABLE handsets_numbered RENAME TO handsets;

-- One row per records file an ingest run stored events from; numbered from 1 without gaps, so
-- the view below decodes a file number by list position instead of joining.
CREATE TABLE event_files (
    file_no  INTEGER PRIMARY KEY,
    src_file VARCHAR NOT NULL,
    run_id   VARCHAR NOT NULL
);

INSERT INTO event_files
SELECT row_number() OVER (ORDER BY run_id, src_file), src_file, run_id
FROM (SELECT src_file, run_id FROM comm_events
      UNION SELECT other_src_file, other_run_id FROM comm_events WHERE other_src_file IS NOT NULL);

CREATE TABLE comm_event_rows (
    ts          TIMESTAMPTZ NOT NULL,
    type        comm_type NOT NULL,
    caller      BIGINT NOT NULL,       -- E.164 digits: '+' || caller is the number
    callee      BIGINT NOT NULL,
    duration_s  INTEGER,
    caller_cell INTEGER,               -- cells.cell_no
    caller_handset INTEGER,            -- handsets.handset_no
    callee_cell INTEGER,
    callee_handset INTEGER,
    seen_caller BOOLEAN NOT NULL,
    seen_callee BOOLEAN NOT NULL,
    file_no     INTEGER NOT NULL,      -- event_files: the records that first gave the event
    src_line    BIGINT,
    other_file_no INTEGER,             -- the other end's records, when both were targets
    other_src_line BIGINT
);

INSERT INTO comm_event_rows
SELECT e.ts, e.type, CAST(substr(e.caller, 2) AS BIGINT), CAST(substr(e.callee, 2) AS BIGINT),
    e.duration_s, a.cell_no, ha.handset_no, b.cell_no, hb.handset_no,
    e.seen_caller, e.seen_callee, f.file_no, e.src_line, o.file_no, e.other_src_line
FROM comm_events e
JOIN event_files f ON f.src_file = e.src_file AND f.run_id = e.run_id
LEFT JOIN event_files o ON o.src_file = e.other_src_file AND o.run_id = e.other_run_id
LEFT JOIN cells a ON a.cell_id = e.caller_cell
LEFT JOIN cells b ON b.cell_id = e.callee_cell
LEFT JOIN handsets ha ON ha.imei = e.caller_imei
LEFT JOIN handsets hb ON hb.imei = e.callee_imei;

DROP TABLE comm_events;

-- E: calls and messages, one row per event however many targets' records contained it.
-- caller_* / callee_* hold what the records of that end (when it was a target) said.
CREATE VIEW comm_events AS
SELECT e.ts, CAST(e.type AS VARCHAR) AS type,
    '+' || CAST(e.caller AS VARCHAR) AS caller, '+' || CAST(e.callee AS VARCHAR) AS callee,
    e.duration_s, c.cell_id[e.caller_cell] AS caller_cell,
    h.imei[e.caller_handset] AS caller_imei,
    c.cell_id[e.callee_cell] AS callee_cell,
    h.imei[e.callee_handset] AS callee_imei,
    e.seen_caller, e.seen_callee,
    f.src_file[e.file_no] AS src_file, e.src_line, f.run_id[e.file_no] AS run_id,
    f.src_file[e.other_file_no] AS other_src_file, e.other_src_line,
    f.run_id[e.other_file_no] AS other_run_id
FROM comm_event_rows e,
    (SELECT list(src_file ORDER BY file_no) AS src_file, list(run_id ORDER BY file_no) AS run_id
     FROM event_files) f,
    (SELECT list(cell_id ORDER BY cell_no) AS cell_id FROM cells) c,
    (SELECT list(imei ORDER BY handset_no) AS imei FROM handsets) h;

-- Handset use over time, derived from the records (each target's own handset per event),
-- grouped on the stored integers and decoded after.
CREATE OR REPLACE VIEW handset_use AS
SELECT '+' || CAST(u.num AS VARCHAR) AS number, h.imei, u.first_seen, u.last_seen, u.events
FROM (
    SELECT num, handset_no, min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS events
    FROM (
        SELECT caller AS num, caller_handset AS handset_no, ts FROM comm_event_rows
        WHERE caller_handset IS NOT NULL
        UNION ALL
        SELECT callee, callee_handset, ts FROM comm_event_rows WHERE callee_handset IS NOT NULL)
    GROUP BY num, handset_no) u
JOIN handsets h USING (handset_no);
