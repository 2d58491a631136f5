-- linewatch case store, schema 1: POLE entities, events, typed links, provenance.
-- Provenance on every stored fact: src_file, src_line (physical CSV line or 1-based Parquet row),
-- run_id (ingest_runs.run_id, which holds the time).

CREATE TABLE ingest_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    paths       VARCHAR[] NOT NULL,
    summary     JSON
);

CREATE TABLE source_files (
    run_id    VARCHAR NOT NULL,
    path      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    profile   VARCHAR,
    rows_read BIGINT NOT NULL,
    stored    BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    quarantined BIGINT NOT NULL
);

CREATE TABLE quarantine (
    run_id   VARCHAR NOT NULL,
    src_file VARCHAR NOT NULL,
    src_line BIGINT,
    kind     VARCHAR,
    field    VARCHAR,
    reason   VARCHAR NOT NULL,
    raw      VARCHAR
);

-- Cache of phone-number normalisation: raw text -> E.164 (NULL when not a phone number).
CREATE TABLE number_forms (
    raw    VARCHAR PRIMARY KEY,
    e164   VARCHAR,
    reason VARCHAR
);

-- P: people as each source wrote them (entity resolution groups these; never altered).
CREATE TABLE person_records (
    record_id   VARCHAR PRIMARY KEY,   -- '<kind>:<source id>[:<role>]'
    source_kind VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    name        VARCHAR,
    dob         DATE,
    sex         VARCHAR,
    address     VARCHAR,
    postcode    VARCHAR,
    home_area   VARCHAR,
    number      VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- O: phone numbers (MSISDN), handsets (IMEI), vehicles.
CREATE TABLE phones (
    number   VARCHAR PRIMARY KEY,      -- E.164
    is_target BOOLEAN NOT NULL DEFAULT false,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE handsets (
    imei     VARCHAR PRIMARY KEY,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE vehicles (
    vrm      VARCHAR PRIMARY KEY,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- L: cells and addresses.
CREATE TABLE cells (
    cell_id     VARCHAR PRIMARY KEY,
    lat         DOUBLE NOT NULL,
    lon         DOUBLE NOT NULL,
    azimuth_deg DOUBLE,
    site_name   VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE locations (
    location_id VARCHAR PRIMARY KEY,   -- normalised address key
    address     VARCHAR NOT NULL,
    postcode    VARCHAR,
    town        VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- E: calls and messages, one row per event however many targets' records contained it.
-- caller_* / callee_* hold what the records of that end (when it was a target) said.
CREATE TABLE comm_events (
    ts          TIMESTAMPTZ NOT NULL,
    type        VARCHAR NOT NULL,      -- call | sms
    caller      VARCHAR NOT NULL,
    callee      VARCHAR NOT NULL,
    duration_s  INTEGER,
    caller_cell VARCHAR,
    caller_imei VARCHAR,
    callee_cell VARCHAR,
    callee_imei VARCHAR,
    seen_caller BOOLEAN NOT NULL,      -- the caller's records (as a target) contained it
    seen_callee BOOLEAN NOT NULL,      -- the callee's records contained it
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL,
    other_src_file VARCHAR, other_src_line BIGINT, other_run_id VARCHAR
);

CREATE TABLE subscribers (
    number          VARCHAR NOT NULL,
    person_record_id VARCHAR NOT NULL,
    registered_at   TIMESTAMPTZ,
    source_ref      VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- Intelligence: one row per graded item (3x5x2), with the subject's DPA s38(3) category.
CREATE TABLE intel_items (
    report_id   VARCHAR NOT NULL,
    item        INTEGER NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL,
    source_eval VARCHAR NOT NULL,      -- 1 | 2 | 3
    intel_eval  VARCHAR NOT NULL,      -- A..E
    handling    VARCHAR NOT NULL,      -- P | C
    handling_conditions VARCHAR[],
    subject_record_id VARCHAR,
    subject_category VARCHAR,          -- suspect | victim | witness | other
    number      VARCHAR,
    imei        VARCHAR,
    location_id VARCHAR,
    conduct     VARCHAR,
    drug_class  VARCHAR,
    text        VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL,
    PRIMARY KEY (report_id, item)
);

CREATE TABLE tips (
    tip_id      VARCHAR PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL,
    text        VARCHAR NOT NULL,
    place       VARCHAR,
    number      VARCHAR,
    location_id VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE arrests (
    arrest_id   VARCHAR PRIMARY KEY,
    arrested_at TIMESTAMPTZ NOT NULL,
    person_record_id VARCHAR NOT NULL,
    home_area   VARCHAR,
    location_id VARCHAR,
    operation_id VARCHAR,
    force       VARCHAR,
    status      VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE arrest_offences (
    arrest_id  VARCHAR NOT NULL,
    code       VARCHAR NOT NULL,
    drug_class VARCHAR
);

CREATE TABLE seizures (
    seizure_id  VARCHAR PRIMARY KEY,
    seized_at   TIMESTAMPTZ NOT NULL,
    item_type   VARCHAR NOT NULL,      -- cash | drugs | weapon | phone | vehicle
    operation_id VARCHAR,
    location_id VARCHAR,
    person_record_id VARCHAR,
    quantity    DOUBLE,
    unit        VARCHAR,
    value_gbp   DOUBLE,
    drug_class  VARCHAR,
    drug_type   VARCHAR,
    weapon_type VARCHAR,
    number      VARCHAR,
    imei        VARCHAR,
    vrm         VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE warrants (
    warrant_id  VARCHAR PRIMARY KEY,
    location_id VARCHAR NOT NULL,
    executed_at TIMESTAMPTZ NOT NULL,
    operation_id VARCHAR,
    forces      VARCHAR[],
    units       VARCHAR[],
    result      VARCHAR,
    legislation VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

CREATE TABLE safeguarding_actions (
    action_id   VARCHAR PRIMARY KEY,
    action_at   TIMESTAMPTZ NOT NULL,
    action      VARCHAR NOT NULL,
    person_record_id VARCHAR NOT NULL,
    agency      VARCHAR,
    operation_id VARCHAR,
    notes       VARCHAR,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- Typed links between entities and events (POLE relationships), each with provenance.
CREATE TABLE links (
    src_type VARCHAR NOT NULL,   -- person_record | phone | handset | location | vehicle | event kinds
    src_id   VARCHAR NOT NULL,
    rel      VARCHAR NOT NULL,   -- e.g. subscriber_of, seized_from, mentions, at_address
    dst_type VARCHAR NOT NULL,
    dst_id   VARCHAR NOT NULL,
    src_file VARCHAR NOT NULL, src_line BIGINT, run_id VARCHAR NOT NULL
);

-- Handset use over time, derived from the records (each target's own handset per event).
CREATE VIEW handset_use AS
SELECT number, imei, min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS events
FROM (
    SELECT caller AS number, caller_imei AS imei, ts FROM comm_events WHERE caller_imei IS NOT NULL
    UNION ALL
    SELECT callee, callee_imei, ts FROM comm_events WHERE callee_imei IS NOT NULL
)
GROUP BY number, imei;
