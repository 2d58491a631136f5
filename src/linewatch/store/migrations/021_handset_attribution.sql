-- Who uses which handset (IMEI): one row per (imei, candidate person); rank 1 is the best.
-- Evidence: a handset seized from (or at the address of) the person or named in intelligence
-- about them, and each attributed number used in it. conflicting as in phone_attribution.
CREATE TABLE handset_attribution (
    imei        VARCHAR NOT NULL,
    person_id   VARCHAR NOT NULL,
    confidence  DOUBLE NOT NULL,
    evidence    JSON NOT NULL,
    conflicting BOOLEAN NOT NULL,
    rank        INTEGER NOT NULL,
    run_id      VARCHAR NOT NULL,
    PRIMARY KEY (imei, person_id)
);
