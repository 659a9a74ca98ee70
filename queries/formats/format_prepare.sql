-- format_prepare: per-ingest scratch for dialer formats. staged_text holds one row per call as
-- text under canonical names (as ingest_stage_json does for JSON lines; ingest_type_text then types
-- it into `staged`); fold_notes counts the rows that were not calls of their own, by reason.
-- (staging_text_shape: the staging columns, declared once in server/ingest/canonical.ts).
CREATE OR REPLACE TEMP TABLE staged_text AS SELECT * FROM staging_text_shape;
CREATE OR REPLACE TEMP TABLE fold_notes (reason VARCHAR, rows INTEGER);
