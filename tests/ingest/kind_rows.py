"""One header and rows per event kind, and a helper to write and ingest them."""

from __future__ import annotations

from pathlib import Path

import duckdb

from linewatch.ingest import RunSummary, ingest

from .helpers import write

HEADERS = {
    "subscribers": "number,subscriber_name,date_of_birth,address,postcode,registered_at,source_ref",
    "intelligence": "report_id,item,reported_at,source_eval,intel_eval,handling,"
    "handling_conditions,subject_name,subject_dob,subject_address,subject_postcode,subject_sex,"
    "subject_category,number,imei,address,conduct,drug_class,text",
    "tips": "tip_id,received_at,text,place,number,address",
    "arrests": "arrest_id,arrested_at,person_name,person_dob,person_sex,home_area,address,"
    "postcode,operation_id,force,status,offences",
    "seizures": "seizure_id,seized_at,item_type,operation_id,address,postcode,person_name,"
    "person_dob,quantity,unit,value_gbp,drug_class,drug_type,weapon_type,number,imei,vrm",
    "warrants": "warrant_id,address,executed_at,postcode,town,operation_id,forces,units,result,"
    "legislation",
    "safeguarding": "action_id,action_at,action,person_name,person_dob,person_sex,agency,"
    "operation_id,notes",
}

# A good row of each kind, and the same id with different content (a conflict).
GOOD = {
    "subscribers": (
        '07700 900123, Jay Smith ,1999-02-03,"12  High St ,Chatham",me44xx,'
        "2023-01-05T10:00:00Z,SC-1",
        "07700 900123,Jay Smith,1999-02-04,12 High St,ME4 4XX,2023-01-05T10:00:00Z,SC-1",
    ),
    "intelligence": (
        "IR-1,1,2024-05-01T10:00:00Z,1,A,C,S2;a1,Jay Smith,1999-02-03,12 High St,ME4 4XX,male,"
        'suspect,07700900123,35-345678-9012345,"Flat 2, 5 Dock Rd",MDA1971-s4-3-b,A,deals crack',
        "IR-1,1,2024-05-01T10:00:00Z,1,A,P,,Jay Smith,1999-02-03,12 High St,ME4 4XX,male,"
        'suspect,07700900123,35-345678-9012345,"Flat 2, 5 Dock Rd",MDA1971-s4-3-b,A,deals crack',
    ),
    "tips": (
        'T1,2024-05-02T09:00:00Z,visitors all night,Chatham,07700 900999,"5 Dock Rd, Chatham"',
        'T1,2024-05-02T09:00:00Z,visitors all day,Chatham,07700 900999,"5 Dock Rd, Chatham"',
    ),
    "arrests": (
        "A1,2024-06-01T06:00:00+01:00,Jay Smith,1999-02-03,male,Lambeth,5 Dock Rd,ME4 4XX,OP-1,"
        "Kent,charged,MDA1971-s4-3-b:A;POCA2002-s327",
        "A1,2024-06-01T06:00:00+01:00,Jay Smith,1999-02-03,male,Lambeth,5 Dock Rd,ME4 4XX,OP-1,"
        "Kent,charged,MDA1971-s4-3-b:B;POCA2002-s327",
    ),
    "seizures": (
        "S1,2024-06-01T06:30:00+01:00,phone,OP-1,5 Dock Rd,ME4 4XX,Jay Smith,1999-02-03,1,items,"
        ",,,,07700900123,353456789012345,ab12 cde",
        "S1,2024-06-01T06:30:00+01:00,phone,OP-1,5 Dock Rd,ME4 4XX,Kim Lee,1999-02-03,1,items,"
        ",,,,07700900123,353456789012345,ab12 cde",
    ),
    "warrants": (
        "W1,5 Dock Rd,2024-06-01T06:00:00+01:00,me4 4xx,Chatham,OP-1,Kent;Met,TSG; Dogs,"
        "drugs found,MDA1971-s23",
        "W1,5 Dock Rd,2024-06-01T06:00:00+01:00,me4 4xx,Chatham,OP-1,Kent,TSG; Dogs,"
        "drugs found,MDA1971-s23",
    ),
    "safeguarding": (
        "G1,2024-06-01T09:00:00+01:00,nrm_referral,Jay Smith,2008-02-03,male,Kent Police,OP-1,"
        "aged 16",
        "G1,2024-06-01T09:00:00+01:00,support_offered,Jay Smith,2008-02-03,male,Kent Police,"
        "OP-1,aged 16",
    ),
}


def table(path: Path, kind: str, *rows: str) -> Path:
    """Write a CSV of `kind` with the given data rows."""
    return write(path, HEADERS[kind] + "\n" + "".join(r + "\n" for r in rows))


def load(con: duckdb.DuckDBPyConnection, path: Path, kind: str, *rows: str) -> RunSummary:
    """Write a CSV of `kind` and ingest it."""
    return ingest(con, [table(path, kind, *rows)])


def counts(summary: RunSummary, kind: str) -> tuple[int, int, int, int]:
    """(read, stored, duplicates, quarantined) of one kind in a run."""
    c = summary.by_kind[kind]
    return c.read, c.stored, c.duplicates, c.quarantined
