"""A small case written as input files, ingested by the real ingest: shared by harm and ops tests."""

# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

import duckdb

from linewatch.ingest import ingest

ARRESTS = """arrest_id,arrested_at,person_name,person_dob,person_sex,home_area,address,postcode,operation_id,force,status,offences
A1,2024-03-05T06:00:00Z,Darren Cole,1990-02-01,male,Lambeth,12 Acre Lane,SW2 5SG,OP-ORCA,Metropolitan Police Service,charged,MDA1971-s4-3-b:A;POCA2002-s327
A2,2024-03-05T06:10:00Z,Kyle Mensah,2008-06-01,male,Chatham,3 High Street,ME4 4XX,OP-ORCA,Kent Police,arrested,MDA1971-s4-3-b:A
A3,2024-03-05T06:20:00Z,Sophie Bright,1999-09-09,female,Gillingham,8 Canterbury Street,ME7 5TP,OP-ORCA,Kent Police,released_under_investigation,CJA1988-s139
A4,2024-03-05T06:30:00Z,Tom Hale,1985-01-01,male,Medway,1 Dock Road,ME4 4TZ,OP-ORCA,Kent Police,no_further_action,MDA1971-s5-2:B
"""

INTEL = """report_id,item,reported_at,source_eval,intel_eval,handling,subject_name,subject_dob,subject_category,conduct,drug_class,text
IR-1,1,2024-01-10T12:00:00Z,1,A,P,Darren Cole,1990-02-01,suspect,MDA1971-s4-3-a,A,Runs the deal line.
IR-1,2,2024-01-10T12:00:00Z,2,E,P,Darren Cole,1990-02-01,suspect,MDA1971-s4-3-a,A,Said to sell at the school.
IR-2,1,2024-02-01T12:00:00Z,1,B,P,Mary Wood,1950-05-05,victim,MDA1971-s8,,Her flat has been taken over.
IR-3,1,2024-02-02T12:00:00Z,1,A,P,Mary Wood,1950-05-05,witness,MDA1971-s4-3-a,A,Saw dealing.
"""

SAFEGUARDING = """action_id,action_at,action,person_name,person_dob,person_sex,agency,operation_id,notes
S1,2024-03-05T09:00:00Z,identified,Kyle Mensah,2008-06-01,male,Kent Police,OP-ORCA,
S2,2024-03-06T09:00:00Z,nrm_referral,Kyle Mensah,2008-06-01,male,Kent Police,OP-ORCA,
"""

SEIZURES = """seizure_id,seized_at,item_type,operation_id,address,postcode,person_name,quantity,unit,value_gbp,drug_class,drug_type,weapon_type,number,vrm
Z1,2024-03-05T06:05:00Z,cash,OP-ORCA,12 Acre Lane,SW2 5SG,Darren Cole,,,20000,,,,,
Z2,2024-03-05T06:05:00Z,drugs,OP-ORCA,12 Acre Lane,SW2 5SG,,120,wraps,,A,crack cocaine,,,
Z3,2024-03-05T06:15:00Z,drugs,OP-ORCA,3 High Street,ME4 4XX,,50,g,,B,cannabis,,,
Z4,2024-03-05T06:15:00Z,weapon,OP-ORCA,3 High Street,ME4 4XX,,1,items,,,,knife,,
Z5,2024-03-05T06:15:00Z,phone,OP-ORCA,3 High Street,ME4 4XX,,,,,,,,07700 900123,
"""

WARRANTS = """warrant_id,address,postcode,town,executed_at,operation_id,forces,units,result,legislation
W1,12 Acre Lane,SW2 5SG,Lambeth,2024-03-05T06:00:00Z,OP-ORCA,Metropolitan Police Service;Kent Police,Territorial Support Group,entry gained,MDA1971-s23
W2,3 High Street,ME4 4XX,Chatham,2024-03-05T06:00:00Z,OP-ORCA,Kent Police,Tactical Support,entry gained,MDA1971-s23
"""

FILES = {
    "arrests.csv": ARRESTS,
    "intel.csv": INTEL,
    "safeguarding.csv": SAFEGUARDING,
    "seizures.csv": SEIZURES,
    "warrants.csv": WARRANTS,
}


def load_case(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Write the case files and ingest them into the store."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest(con, [folder])
