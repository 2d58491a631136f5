-- Analysis results (linewatch analyse): number and person roles, county lines, network measures.
-- Rewritten whole by each analysis run, in one transaction; run_id says which run wrote a row.

CREATE TABLE analysis_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    settings    JSON NOT NULL,
    summary     JSON
);

CREATE TABLE number_roles (
    number          VARCHAR PRIMARY KEY,   -- E.164
    role            VARCHAR NOT NULL,      -- deal_line | controller | runner | customer | other
    line_id         VARCHAR,
    deal_line_score DOUBLE NOT NULL,       -- 0..1
    reasons         VARCHAR[] NOT NULL,
    run_id          VARCHAR NOT NULL
);

CREATE TABLE lines (
    line_id     VARCHAR PRIMARY KEY,
    numbers     VARCHAR[] NOT NULL,        -- in order of use
    hub         VARCHAR,                   -- place name (ONS local authority district) or NULL
    market      VARCHAR,
    active_from TIMESTAMPTZ,
    active_to   TIMESTAMPTZ,
    customers   BIGINT NOT NULL,
    handsets    VARCHAR[] NOT NULL,
    run_id      VARCHAR NOT NULL
);

CREATE TABLE person_roles (
    person_id        VARCHAR PRIMARY KEY,
    role             VARCHAR NOT NULL,     -- line_holder | runner | customer | cuckooed_resident | other
    line_id          VARCHAR,
    confidence       DOUBLE NOT NULL,
    potential_victim BOOLEAN NOT NULL,     -- a runner under 18 or a cuckooed vulnerable adult
    reasons          VARCHAR[] NOT NULL,
    run_id           VARCHAR NOT NULL
);

CREATE TABLE network_measures (
    number      VARCHAR PRIMARY KEY,
    degree      BIGINT NOT NULL,
    betweenness DOUBLE NOT NULL,           -- normalised to 0..1
    pagerank    DOUBLE NOT NULL,
    community   BIGINT NOT NULL,
    is_broker   BOOLEAN NOT NULL,
    run_id      VARCHAR NOT NULL
);
