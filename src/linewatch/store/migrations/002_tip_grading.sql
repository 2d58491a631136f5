-- Tips are graded on ingest (3x5x2: source 2 untested, intelligence C, handling P): store it.
ALTER TABLE tips ADD COLUMN source_eval VARCHAR DEFAULT '2';
ALTER TABLE tips ADD COLUMN intel_eval VARCHAR DEFAULT 'C';
ALTER TABLE tips ADD COLUMN handling VARCHAR DEFAULT 'P';
