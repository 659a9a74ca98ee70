-- format_prepare: per-ingest scratch for dialer formats. staged_text holds one row per call as
-- text under canonical names (as ingest_stage_json does for JSON lines; ingest_type_text then types
-- it into `staged`); fold_notes counts the rows that were not calls of their own, by reason.
-- Declared here, not taken from staging_shape by CREATE … AS: rows INSERTed into a TEMP table
-- made AS SELECT in the same transaction vanished beyond one row group (150 k rows read as 0, DuckDB 1.5.6).
CREATE OR REPLACE TEMP TABLE staged_text (
  rec_no BIGINT, line_no BIGINT, parse_error VARCHAR, raw_line VARCHAR,
  call_id VARCHAR, started_at VARCHAR, answered_at VARCHAR, ended_at VARCHAR,
  ring_seconds VARCHAR, talk_seconds VARCHAR, disposition VARCHAR, answered_by VARCHAR,
  hangup_by VARCHAR, hangup_cause VARCHAR, campaign VARCHAR, script_id VARCHAR, agent_id VARCHAR,
  caller_number VARCHAR, number_tag VARCHAR, callee_id VARCHAR, segment VARCHAR, age_band VARCHAR,
  outcome VARCHAR, direction VARCHAR
);
CREATE OR REPLACE TEMP TABLE fold_notes (reason VARCHAR, rows INTEGER);
