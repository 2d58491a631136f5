-- Entity resolution: people resolved across sources, analyst decisions, phone attribution.
-- person_records are never altered: everything here points at them by record_id.

CREATE SEQUENCE person_no START 1;      -- P<n> ids, never reused once issued
CREATE SEQUENCE er_decision_no START 1;

-- One row per resolved person (display fields: the most frequent value across its records).
CREATE TABLE persons (
    person_id VARCHAR PRIMARY KEY,         -- 'P17'
    name      VARCHAR,
    dob       DATE,
    address   VARCHAR,
    postcode  VARCHAR,
    records   INTEGER NOT NULL,
    run_id    VARCHAR NOT NULL             -- run that last changed its membership
);

-- Every person record's person; match_probability: its strongest link inside the cluster
-- (1.0 for a singleton or an analyst-accepted link).
CREATE TABLE person_clusters (
    record_id         VARCHAR PRIMARY KEY,
    person_id         VARCHAR NOT NULL,
    match_probability DOUBLE NOT NULL,
    run_id            VARCHAR NOT NULL
);

-- Analyst decisions, append-only. kind: accept (records_a and records_b are one person),
-- reject (no record of a is the same person as any of b), split (records_a leave person_id:
-- a reject against the rest), undo (cancels decision `undoes`).
CREATE TABLE er_decisions (
    decision_id INTEGER PRIMARY KEY DEFAULT nextval('er_decision_no'),
    kind        VARCHAR NOT NULL,
    records_a   VARCHAR[] NOT NULL,
    records_b   VARCHAR[] NOT NULL,
    person_id   VARCHAR,
    undoes      INTEGER,
    who         VARCHAR NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL,
    why         VARCHAR NOT NULL
);

-- Trained models (Splink settings with m/u parameters), newest used for incremental runs.
CREATE TABLE er_models (
    model_id   VARCHAR PRIMARY KEY,
    trained_at TIMESTAMPTZ NOT NULL,
    records    BIGINT NOT NULL,
    trained    BOOLEAN NOT NULL,           -- false: too few records, prior parameters used
    settings   JSON NOT NULL
);

CREATE TABLE er_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    mode        VARCHAR NOT NULL,          -- full | incremental
    model_id    VARCHAR,
    new_records BIGINT,
    pairs       BIGINT,
    persons     BIGINT
);

-- Scored pairs above the storage floor; *_g the comparison level, *_w its match weight.
CREATE TABLE er_pairs (
    record_id_l VARCHAR NOT NULL,
    record_id_r VARCHAR NOT NULL,
    match_weight DOUBLE NOT NULL,
    match_probability DOUBLE NOT NULL,
    name_g TINYINT, name_w DOUBLE,
    dob_g TINYINT, dob_w DOUBLE,
    address_g TINYINT, address_w DOUBLE,
    phone_g TINYINT, phone_w DOUBLE,
    model_id VARCHAR NOT NULL,
    run_id   VARCHAR NOT NULL,
    PRIMARY KEY (record_id_l, record_id_r)
);

-- Records already scored (an incremental run scores only records not here).
CREATE TABLE er_linked (
    record_id VARCHAR PRIMARY KEY,
    run_id    VARCHAR NOT NULL
);

-- Who uses which number: one row per (number, candidate person); rank 1 is the best candidate.
-- conflicting: another person also has material evidence for this number.
CREATE TABLE phone_attribution (
    number      VARCHAR NOT NULL,
    person_id   VARCHAR NOT NULL,
    confidence  DOUBLE NOT NULL,
    evidence    JSON NOT NULL,
    conflicting BOOLEAN NOT NULL,
    rank        INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (number, person_id)
);
