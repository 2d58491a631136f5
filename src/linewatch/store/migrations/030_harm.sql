-- Harm scores, the safeguarding queue, target-list overrides and operations (issue 4).

-- One row per scored person and scheme; `score` is void after `review_by` (see view below).
-- People in the safeguarding queue are never scored here (they are never targets).
CREATE TABLE harm_scores (
    person_id     VARCHAR NOT NULL,
    scheme        VARCHAR NOT NULL,      -- cchi | css
    score         DOUBLE NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL,
    review_by     TIMESTAMPTZ NOT NULL,
    contributions JSON NOT NULL,         -- every term of the sum, with its reasons
    PRIMARY KEY (person_id, scheme)
);

CREATE VIEW harm_scores_current AS
SELECT * FROM harm_scores WHERE review_by > now();

-- Potential victims: one case per person, its current status and why they were identified.
CREATE TABLE safeguarding_cases (
    person_id     VARCHAR PRIMARY KEY,
    identified_at TIMESTAMPTZ NOT NULL,
    status        VARCHAR NOT NULL,      -- identified | nrm_referral | la_informed | support_offered | closed
    status_at     TIMESTAMPTZ NOT NULL,
    reasons       VARCHAR[] NOT NULL
);

-- Every status change, by whom (recorded here or ingested as a safeguarding action).
CREATE TABLE safeguarding_history (
    person_id VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    status    VARCHAR NOT NULL,
    by_user   VARCHAR,
    note      VARCHAR
);

-- An authorised user's decision to show safeguarding cases in a target list: always audited.
CREATE TABLE target_overrides (
    overridden_at TIMESTAMPTZ NOT NULL,
    by_user    VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    scope      VARCHAR NOT NULL,         -- what was shown, e.g. 'harm ranking (cchi)'
    person_ids VARCHAR[] NOT NULL
);

-- Operations recorded with `linewatch operation new` (ingested rows may name others).
CREATE TABLE operations (
    operation_id VARCHAR PRIMARY KEY,
    name         VARCHAR,
    started_on   DATE,
    forces       VARCHAR[],
    created_at   TIMESTAMPTZ NOT NULL,
    notes        VARCHAR
);
