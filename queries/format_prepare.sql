-- format_prepare: per-ingest scratch for dialer formats: what was folded, by reason. No parameters.
CREATE OR REPLACE TEMP TABLE fold_notes (reason VARCHAR, rows INTEGER);
