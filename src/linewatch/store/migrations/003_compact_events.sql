-- Calls and messages stored compactly: numbers as their E.164 digits (BIGINT), the type as an
-- enum and provenance as a file number. Text numbers and per-row file paths made up most of
-- the cost of storing an event (ingest) and of reading one (analysis); `comm_events` stays,
-- as a view with the same columns as before, for every reader and outside tool.

CREATE TYPE comm_type AS ENUM ('call', 'sms');

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
    caller_cell VARCHAR,
    caller_imei VARCHAR,
    callee_cell VARCHAR,
    callee_imei VARCHAR,
    seen_caller BOOLEAN NOT NULL,
    seen_callee BOOLEAN NOT NULL,
    file_no     INTEGER NOT NULL,      -- event_files: the records that first gave the event
    src_line    BIGINT,
    other_file_no INTEGER,             -- the other end's records, when both were targets
    other_src_line BIGINT
);

INSERT INTO comm_event_rows
SELECT e.ts, e.type, CAST(substr(e.caller, 2) AS BIGINT), CAST(substr(e.callee, 2) AS BIGINT),
    e.duration_s, e.caller_cell, e.caller_imei, e.callee_cell, e.callee_imei,
    e.seen_caller, e.seen_callee, f.file_no, e.src_line, o.file_no, e.other_src_line
FROM comm_events e
JOIN event_files f ON f.src_file = e.src_file AND f.run_id = e.run_id
LEFT JOIN event_files o ON o.src_file = e.other_src_file AND o.run_id = e.other_run_id;

DROP TABLE comm_events;

-- E: calls and messages, one row per event however many targets' records contained it.
-- caller_* / callee_* hold what the records of that end (when it was a target) said.
CREATE VIEW comm_events AS
SELECT e.ts, CAST(e.type AS VARCHAR) AS type,
    '+' || CAST(e.caller AS VARCHAR) AS caller, '+' || CAST(e.callee AS VARCHAR) AS callee,
    e.duration_s, e.caller_cell, e.caller_imei, e.callee_cell, e.callee_imei,
    e.seen_caller, e.seen_callee,
    f.src_file[e.file_no] AS src_file, e.src_line, f.run_id[e.file_no] AS run_id,
    f.src_file[e.other_file_no] AS other_src_file, e.other_src_line,
    f.run_id[e.other_file_no] AS other_run_id
FROM comm_event_rows e,
    (SELECT list(src_file ORDER BY file_no) AS src_file, list(run_id ORDER BY file_no) AS run_id
     FROM event_files) f;
